"""Written questions name their setting beside their subject: the Azure region a resource is in, the Azure
Function a deployment is called from, a stray word of another topic beside a neighbour's own words. The setting
is not what the question asks about. Every case is our own wording."""
from __future__ import annotations

import pytest

from app.matching.features import tokens
from app.matching.lexicon import CLIENT_APP, OFF_DOMAIN
from app.matching.normalize import normalize


def names_unknown_term(matcher, query: str) -> bool:
    words = tokens(normalize(query))
    return matcher._names_unknown_term(query, words, matcher._corrections(words))


@pytest.mark.parametrize("query", [
    "Korea Central 지역에 온라인 배포를 만들었는데 할당량이 모자라요",
    "westeurope 里的联机部署一直说核心配额用完了",
    "В регионе Japan East развертывание падает: не хватает квоты ядер",
    "South Central US 区域能不能增加 vCPU 配额",
])
def test_an_azure_region_is_where_the_resource_is_not_a_term_asked_about(matcher, query):
    assert not names_unknown_term(matcher, query)


def test_a_latin_term_beside_a_region_is_still_the_subject(matcher):
    assert names_unknown_term(matcher, "在 West Europe 能把模型部署到 IoT Edge 设备上吗？")


@pytest.mark.parametrize(("query", "expected"), [
    ("在 West US 2 部署模型时提示核心配额用完了，去哪里申请提高？", "err_1100-not-enough-quota"),
    ("Norway East 지역에서 배포하는데 vCPU 할당량이 부족하다고 나와요", "err_1100-not-enough-quota"),
])
def test_a_quota_question_naming_its_region_finds_the_quota_entry(matcher, query, expected):
    result = matcher.match(query)
    assert result.matches and result.matches[0].id == expected


def test_an_azure_function_calling_an_endpoint_is_its_client():
    text = normalize("a timer-triggered job started by our Azure Function posts files to the batch endpoint")
    assert CLIENT_APP.search(text) and not OFF_DOMAIN.search(text)


def test_hosting_a_model_in_azure_functions_is_still_another_product(matcher):
    text = normalize("can I host the scikit-learn model in Azure Functions instead")
    assert OFF_DOMAIN.search(text)


def test_a_stray_word_of_another_topic_leaves_the_entry_that_says_the_sighted_ones(matcher):
    """A batch job that cannot mount its blob datastore is the batch entry's problem, even when the user also says
    the job was preparing (an environment build's word) when it failed."""
    result = matcher.match("my batch endpoint job failed while it was still preparing: it cannot mount the input "
                           "from the blob datastore")
    assert result.matches and result.matches[0].id == "batch-dataset-initialization-failed-cant-mount-dataset"



@pytest.mark.parametrize(("query", "expected"), [
    ("배치 작업의 run()이 빈 리스트만 돌려줘서 마지막에 결과를 합치다가 ValueError가 나요",
     "batch-valueerror-no-objects-to-concatenate"),
    ("the batch job says Completed, yet there are no new rows in the output predictions file",
     "batch-output-already-exists"),
])
def test_a_batch_job_without_results_is_a_failure_entrys_not_the_scripts_how_to(matcher, query, expected):
    """The scoring script's requirements are a how-to; a batch job whose results end up missing is the entry of
    that failure (nothing to concatenate, an output that already existed)."""
    result = matcher.match(query)
    assert result.matches and result.matches[0].id == expected
