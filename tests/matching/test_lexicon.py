"""The lexicon's cues, joined from every language module, are well formed and place pastes the way their
names say (each language's own words are checked in tests/matching/languages/)."""
import re

import pytest

from app.knowledge.model import FAMILIES
from app.matching import lexicon
from app.matching.lexicon import (
    ASKS_WHERE,
    AZURE_ML,
    CLIENT_APP,
    ERROR_CONTEXT,
    ERROR_OUTPUT,
    FAMILY_CUES,
    HOW_TO_QUESTION,
    OFF_DOMAIN,
    OTHER_SERVING,
    SMALL_TALK,
    SUBJECTS,
    families_in,
)
from app.matching.normalize import normalize

CUES = {
    **{f"FAMILY_CUES[{family}]": cue for family, cue in FAMILY_CUES.items()},
    "ERROR_CONTEXT": ERROR_CONTEXT, "OFF_DOMAIN": OFF_DOMAIN, "HOW_TO_QUESTION": HOW_TO_QUESTION,
    "ERROR_OUTPUT": ERROR_OUTPUT, "SMALL_TALK": SMALL_TALK, "CLIENT_APP": CLIENT_APP, "ASKS_WHERE": ASKS_WHERE,
    "OTHER_SERVING": OTHER_SERVING, "AZURE_ML": AZURE_ML,
    **{f"SUBJECTS[{concept}]": cue for concept, cue in SUBJECTS.items()},
}


# --- table shape ----------------------------------------------------------------------

def test_family_cues_cover_exactly_the_knowledge_families():
    assert set(FAMILY_CUES) == set(FAMILIES)


@pytest.mark.parametrize("name", sorted(CUES))
def test_cue_does_not_match_neutral_text(name):
    """A stray `|` at the end of a joined regex line would make a cue match everything."""
    assert CUES[name].search("") is None
    assert CUES[name].search("zebra quilt") is None


@pytest.mark.parametrize("name", sorted(CUES))
def test_cues_are_written_for_folded_text(name):
    """Pastes are case-folded before cues run: a capital letter in a cue could never match."""
    cue = CUES[name]
    literal = re.sub(r"\\.", "", cue.pattern)
    assert cue.flags & re.IGNORECASE or literal == literal.casefold()


# --- what the cues say about a paste ---------------------------------------------------

@pytest.mark.parametrize("text,families", [
    ("az ml online-endpoint create --file endpoint.yml", {"managed-online-endpoints"}),
    ("部署到托管联机终结点失败", {"managed-online-endpoints"}),
    ("배치 엔드포인트 작업이 실패해요", {"batch-endpoints"}),
    ("mini_batch_size is ignored", {"batch-endpoints"}),
    ("Model.deploy() with an InferenceConfig", {"docker-aci-aks"}),
    ("веб-служба не отвечает", {"docker-aci-aks"}),
    ("managed online endpoint vs batch endpoint", {"managed-online-endpoints", "batch-endpoints"}),
    ("the model returns wrong predictions", set()),
])
def test_families_named_in_a_paste(text, families):
    assert families_in(normalize(text)) == families


@pytest.mark.parametrize("text", ["npm install fails with EACCES", "my Azure Functions app is slow",
                                  "WordPress site down", "카카오톡 로그인이 안 돼요"])
def test_other_products_are_off_domain(text):
    assert OFF_DOMAIN.search(normalize(text))


@pytest.mark.parametrize("text", ["deployment keeps failing", "reactivate the endpoint", "yarnball.py not found",
                                  "snapshot of the environment"])
def test_product_words_inside_other_words_are_not_off_domain(text):
    assert not OFF_DOMAIN.search(normalize(text))


@pytest.mark.parametrize("text", ["excellent docs, but the deployment fails", "our security officer wants the endpoint logs",
                                  "DefaultAzureCredential: ManagedIdentityCredential will use App Service managed identity"])
def test_ordinary_words_containing_product_names_are_not_off_domain(text):
    assert not OFF_DOMAIN.search(normalize(text))


@pytest.mark.parametrize("text", ["Hello!", "hi there", "안녕하세요", "你好", "Привет, как дела?",
                                  "thanks a lot"])
def test_greetings_are_small_talk(text):
    assert SMALL_TALK.search(normalize(text))


@pytest.mark.parametrize("text", ["high memory usage after deploy", "this endpoint returns 502"])
def test_technical_questions_are_not_small_talk(text):
    assert not SMALL_TALK.search(normalize(text))


@pytest.mark.parametrize("text", ["How do I scale a deployment?", "is there a way to keep logs",
                                  "로그를 어떻게 보나요", "如何查看日志", "Как удалить эндпоинт?"])
def test_how_to_questions(text):
    assert HOW_TO_QUESTION.search(normalize(text))


@pytest.mark.parametrize("text", ["Traceback (most recent call last):", "error: image not found",
                                  "ERR_1100 quota", "the build failed"])
def test_error_output_is_recognised(text):
    assert ERROR_OUTPUT.search(normalize(text))


@pytest.mark.parametrize("text", ["my nightly scoring run failed, which page shows its traceback?",
                                  "rollout failed again - where would the full traceback be kept?"])
def test_a_question_about_a_failure_is_not_pasted_output(text):
    """Saying that something failed, or asking for its traceback, is a question, not the output itself."""
    assert not ERROR_OUTPUT.search(normalize(text))


@pytest.mark.parametrize("text", ["Deployment failed\nTraceback (most recent call last):", "Operation failed: timeout",
                                  "KeyError: 'model'"])
def test_output_shapes_still_count_even_beside_a_question(text):
    assert ERROR_OUTPUT.search(normalize(text + "\nany idea why?"))


@pytest.mark.parametrize("text", ["container crashed with exception", "request timed out", "err-1100",
                                  "배포 실패", "部署报错", "ошибка при развертывании"])
def test_error_context_in_every_language(text):
    assert ERROR_CONTEXT.search(normalize(text))


def test_every_public_cue_is_listed_here():
    """New cues should get a neutral-text check too."""
    public = {name for name, value in vars(lexicon).items()
              if isinstance(value, re.Pattern) and not name.startswith("_")}
    assert public <= set(CUES)

