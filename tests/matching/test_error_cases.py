"""An error name several entries answer (`ImageBuildFailure`, `ResourceNotFound`, `No valid deployments to
route to`): the error's own entry, and the entries whose titles say they are cases of it. The name alone,
or with words about the error in general, finds the error's own entry; with words of one case, that case.
The pastes are written here in our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Config
from app.matching.index import CASES_MAX, KnowledgeIndex
from app.matching.matcher import Matcher
from app.matching.semantic import default_encoder

BUILD = "error-imagebuildfailure"
BUILD_TIMEOUT = "image-build-timing-out"
NOT_FOUND = "error-resourcenotfound"
PRIVATE_REGISTRY = "container-registry-authorization-error"
BATCH_ROUTE = "batch-no-valid-deployments-to-route"


@pytest.fixture(scope="module")
def served(shipped_entries) -> Matcher:
    """The matcher as the service builds it: between an error's own entry and its cases, meaning counts too."""
    return Matcher(shipped_entries, encoder=default_encoder(), cache_dir=Path(Config.SEMANTIC_CACHE_DIR))


def cases_of(index: KnowledgeIndex, entry_id: str) -> set[str]:
    """The entries whose titles name one of `entry_id`'s signatures or patterns."""
    owner = index.ids.index(entry_id)
    found = set()
    for (kind, number), named in index.cases.items():
        if (index.signatures if kind == "signature" else index.patterns)[number].entry == owner:
            found.update(index.ids[position] for position, _ in named)
    return found


def test_the_knowledge_says_which_entries_are_cases_of_an_error(matcher):
    assert {BUILD_TIMEOUT, "image-build-compute-not-set-in-a-private-workspace-with-virtual-network",
            "azure-container-registry-authorization-failure"} <= cases_of(matcher.index, BUILD)
    assert PRIVATE_REGISTRY in cases_of(matcher.index, NOT_FOUND)
    assert BATCH_ROUTE in cases_of(matcher.index, "http-404-not-found")


def test_an_error_that_many_titles_name_is_split_into_no_cases(shipped_entries):
    """A name in more than CASES_MAX titles is a common word of the knowledge: none of them is its case."""
    copies = [{**entry, "id": f"{entry['id']}-{number}"} for number in range(CASES_MAX)
              for entry in shipped_entries if entry["id"] == BUILD_TIMEOUT]
    assert BUILD_TIMEOUT in cases_of(KnowledgeIndex(shipped_entries), BUILD)
    assert not cases_of(KnowledgeIndex(shipped_entries + copies), BUILD)


@pytest.mark.parametrize("paste, expected", [
    ("ImageBuildFailure 떴어요. 빌드가 한참 돌다가 결국 시간 초과로 끝났습니다", BUILD_TIMEOUT),
    ("部署报 ImageBuildFailure，看日志是镜像构建超时了", BUILD_TIMEOUT),
    ("新建部署时报 ResourceNotFound，我们的镜像放在私有的容器注册表里", PRIVATE_REGISTRY),
    ("ResourceNotFound 오류, 이미지가 프라이빗 컨테이너 레지스트리에 있어요", PRIVATE_REGISTRY),
    ("调用批量终结点时提示 no valid deployments to route to", BATCH_ROUTE),
])
def test_words_of_one_case_beside_the_error_name_find_that_case(served, paste, expected):
    assert served.match(paste).matches[0].id == expected


@pytest.mark.parametrize("paste, expected", [
    ("ImageBuildFailure", BUILD),
    ("Deployment failed.\n(ImageBuildFailure) The image could not be built. Please check the build log under "
     "the storage account for details.", BUILD),
    ("Our deployment failed with ImageBuildFailure, pip dependencies would not install", BUILD),
    ("ResourceNotFound: the storage account the deployment points to was removed", NOT_FOUND),
])
def test_the_error_name_with_general_words_keeps_the_errors_own_entry(served, paste, expected):
    assert served.match(paste).matches[0].id == expected
