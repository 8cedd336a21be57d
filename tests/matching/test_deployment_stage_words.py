"""What a deployment paste says in passing (the browser that calls the endpoint, the workspace it lives
in, a typo in a word of context) does not take its answer away."""
import pytest

from app.matching.extract import http_statuses
from app.matching.languages import zh
from app.matching.lexicon import HOW_TO_QUESTION, families_marked
from app.matching.neighbours import neighbour_topic, topic_cues
from app.matching.normalize import normalize


def neighbour_discounts(match):
    return [r["value"] for r in match.reasons if r["type"] == "discount" and r["value"].startswith("neighbour")]


def test_a_neighbours_words_the_entry_says_itself_do_not_outweigh_the_deployment():
    paste = normalize("Creating the online endpoint fails: subscription not found, maybe the wrong tenant?")
    sighting = neighbour_topic(paste)
    assert sighting is not None and sighting.topic.id == "workspace-auth"
    own = topic_cues(normalize("The subscription could not be found. Check the subscription ID and the tenant."))
    assert sighting.outweighs({}) and not sighting.outweighs(own)


def test_outside_the_deployment_stage_the_neighbour_keeps_every_entry():
    sighting = neighbour_topic(normalize("az login picks the wrong tenant and the subscription is not found"))
    assert sighting is not None and sighting.outweighs(topic_cues(normalize("subscription tenant login")))


@pytest.mark.parametrize(("paste", "entry"), [
    ("Creating the online endpoint fails: subscription not found, maybe the wrong tenant?", "subscription-doesnt-exist"),
    ("前端页面在浏览器里调用联机终结点，报 CORS 跨域错误", "blocked-by-cors-policy"),
])
def test_a_deployment_paste_in_a_neighbours_words_keeps_its_entry_undiscounted(matcher, paste, entry):
    result = matcher.match(paste)
    assert result.matches and result.matches[0].id == entry and not neighbour_discounts(result.matches[0])


def test_a_page_that_calls_the_endpoint_is_its_client_not_another_product(matcher):
    result = matcher.match("Our React page calls the scoring URI of the online endpoint; the browser says blocked by "
                           "CORS policy")
    assert result.matches[0].id == "blocked-by-cors-policy"
    assert not any(r["value"] == "off_domain" for r in result.matches[0].reasons if r["type"] == "discount")


def test_a_client_app_alone_is_still_another_product(matcher):
    result = matcher.match("my React app shows a blank page after npm run build, 404 on the bundle")
    assert result.matches == []


@pytest.mark.parametrize("question", ["how do I fix this 502 from my endpoint?", "部署失败了怎么办？",
                                      "엔드포인트 배포 오류 어떻게 해결하나요", "как исправить ошибку 502 на эндпоинте?"])
def test_asking_for_the_fix_of_a_failure_is_not_a_how_to_question(question):
    assert not HOW_TO_QUESTION.search(normalize(question))


@pytest.mark.parametrize("question", ["how do I deploy a model locally?", "如何在本地部署模型", "로컬에서 배포하는 방법",
                                      "как развернуть модель локально?"])
def test_how_to_questions_stay_how_to(question):
    assert HOW_TO_QUESTION.search(normalize(question))


def test_a_status_after_a_misspelt_word_is_still_a_status(matcher):
    assert http_statuses(normalize("my endpoitn keeps retruning 429")) == []
    assert matcher.match("my endpoitn keeps retruning 429 under load").http_statuses == [429]


def test_chinese_homophone_slips_read_as_the_word_meant():
    assert zh.word_features("部属终节点") == zh.word_features("部署终结点")


def test_a_mistyped_endpoint_is_no_compute_node(matcher):
    result = matcher.match("部属在线终节点时角色分配数量超过上限")
    assert result.out_of_scope is None and result.matches[0].id == "err_1102-no-more-role-assignments"


def test_the_inference_host_marks_no_family_batch_endpoints_share_it():
    assert families_marked(normalize("POST https://my-batch.westus2.inference.ml.azure.com/jobs returned 401")) == set()


def test_an_error_name_the_knowledge_does_not_have_weakens_word_evidence(matcher):
    """Like an unknown ERR_NNNN code: words around an error no entry knows are weak evidence of a known one."""
    known = matcher.match("(ImageBuildFailure) the image build for my online deployment failed")
    unknown = matcher.match("(QuantumFluxOverload) the image build for my online deployment failed")
    assert not any(r["value"] == "unknown_error_name" for r in known.candidates[0].reasons if r["type"] == "discount")
    assert any(r["value"] == "unknown_error_name" for r in unknown.candidates[0].reasons if r["type"] == "discount")


def test_a_wrapping_error_name_says_nothing_of_the_cause(matcher):
    result = matcher.match("(BadRequest) Code: BadRequest. The online deployment image build failed")
    assert not any(r["value"] == "unknown_error_name" for c in result.candidates for r in c.reasons
                   if r["type"] == "discount")


@pytest.mark.parametrize("text", ["the release script redeploys the model every night",
                                  "после того как задеплоили модель, вызов падает"])
def test_deploying_with_a_prefix_is_a_word_of_the_deployment_stage(text):
    from app.matching.neighbours import names_deployment
    assert names_deployment(normalize(text))


@pytest.mark.parametrize(("paste", "entry"), [
    ("昨晚的 batch 作业失败了，日志：user program failed, run failed", "batch-user-program-fails-run-fails"),
    ("어제 돌린 batch 작업 실패했어요, 메시지는 user program failed, run failed", "batch-user-program-fails-run-fails"),
])
def test_the_products_english_name_before_a_native_word_for_its_job_places_the_paste_in_its_stage(matcher, paste, entry):
    """"batch 任务" is a batch endpoint's job, not a training job: its signature keeps its entry."""
    matches = matcher.match(paste).matches
    assert matches and matches[0].id == entry
