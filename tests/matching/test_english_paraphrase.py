"""English questions that tell a symptom in the asker's own words instead of the entry's: engineers' slang
("hung", "bounced", "nuked"), a status said with an everyday verb ("answers 503"), a delay priced in minutes
that asks no price, a "failed" inside a question without its question mark, and close siblings told apart
(attaching a debugger vs running the debug container, fetching batch logs vs reading their layout, an image
build that fails vs one that runs out of time). Every case is our own wording."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Config
from app.matching.extract import http_statuses
from app.matching.features import features
from app.matching.lexicon import ERROR_OUTPUT, subjects_named
from app.matching.matcher import Matcher
from app.matching.normalize import normalize
from app.matching.scoring import ScoringParams
from app.matching.semantic import default_encoder

SAME_FEATURES = [
    ("the worker is hung", "the worker hangs"),
    ("the scoring process got wedged", "the scoring process hangs"),
    ("the service bounced twice", "the service restart twice"),
    ("gunicorn keeps spawning workers", "gunicorn keeps starts workers"),
    ("I nuked the old endpoint", "I delete the old endpoint"),
    ("requests are queued", "requests are queue"),
    ("calls made simultaneously", "calls made concurrent"),
    ("a malformed payload", "a invalid payload"),
    ("the cpu quota is exhausted", "the cpu quota is exceeded"),
]


@pytest.mark.parametrize(("slang", "plain"), SAME_FEATURES)
def test_everyday_words_read_as_the_knowledges_words(slang, plain):
    assert features(normalize(slang)) == features(normalize(plain))


@pytest.mark.parametrize(("text", "status"), [
    ("the endpoint answers 503 during a traffic spike", 503),
    ("my call came back with 404 after the deployment finished", 404),
    ("I keep seeing 429 when I run the load test", 429),
])
def test_a_status_said_with_an_everyday_verb_is_a_status(text, status):
    assert http_statuses(normalize(text)) == [status]


def test_a_count_after_an_everyday_verb_is_no_status():
    assert http_statuses(normalize("I see 200 files in the output folder")) == []


@pytest.mark.parametrize("text", [
    "each redeploy to ACI costs me 20 minutes",
    "waiting for the image costs us hours every day",
])
def test_a_delay_counted_in_time_asks_no_price(text):
    assert "pricing" not in subjects_named(normalize(text))


def test_a_price_is_still_a_price():
    assert "pricing" in subjects_named(normalize("what does a managed online endpoint cost per hour"))


@pytest.mark.parametrize(("text", "output"), [
    ("the batch job shows failed, where do I read what went wrong", False),
    ("deployment failed how do I see the build log", False),
    ("Deployment failed with exit code 1", True),
])
def test_failed_in_a_question_is_no_pasted_output(text, output):
    assert bool(ERROR_OUTPUT.search(normalize(text))) is output


PARAPHRASES = [
    ("logging isn't telling me enough, can I attach a real debugger to score.py running in the ACI container",
     "advanced-debugging"),
    ("the batch job just shows failed in the studio, where do I go to read its logs", "get-logs"),
    ("how do I print the docker log of my v1 AKS service to find out why it is unhealthy", "dockerlog"),
    ("Model.deploy to ACI stops at creating the docker image because conda cannot solve the dependencies",
     "image-building-fails"),
    ("the online deployment sits on building the environment image for ages, torch and cuda are in the conda file, "
     "then it gives up", "image-build-timing-out"),
    ("each mini batch of big pdf files needs several minutes in run() and they keep being aborted and retried",
     "batch-process-times-out"),
    ("every ACI attempt takes a quarter of an hour, can the v1 sdk run the same service on my laptop to test faster",
     "debug-locally"),
    ("the endpoint returns 408 only for the large documents, small ones are answered fine", "http-408-request-timeout"),
    ("with a single instance, calls sent simultaneously get queued and the extra ones bounce back with an error",
     "http-429-too-many-pending-requests"),
]


@pytest.fixture(scope="module")
def served(shipped_entries) -> Matcher:
    """The matcher as the service builds it: a written question is read for its meaning too."""
    return Matcher(shipped_entries, params=ScoringParams.load(Config.MATCH_PARAMS), encoder=default_encoder(),
                   cache_dir=Path(Config.SEMANTIC_CACHE_DIR))


@pytest.mark.parametrize(("query", "entry"), PARAPHRASES)
def test_a_symptom_in_the_askers_words_finds_its_entry(served, query, entry):
    assert [match.id for match in served.match(query).matches][:1] == [entry]


@pytest.mark.parametrize("text", [
    "each push of score.py costs me ~20 min of waiting for ACI",
    "a redeploy costs about 15 minutes every time",
])
def test_a_delay_counted_roughly_asks_no_price(text):
    assert "pricing" not in subjects_named(normalize(text))


def test_a_logic_app_calling_an_endpoint_is_a_client_not_another_product():
    """A Logic App (like a web page or Excel) calls the deployment: its name alone does not make the question
    another product's."""
    from app.matching.lexicon import CLIENT_APP, OFF_DOMAIN

    text = normalize("our logic app posts rows to the online endpoint and gets 401 back")
    assert CLIENT_APP.search(text) and not OFF_DOMAIN.search(text)


@pytest.mark.parametrize(("text", "how_to"), [
    ("the pod restarts in a loop, how do I confirm that the model path in init is the cause", False),
    ("how do I verify it is the image and not the model that fails", False),
    ("is there an easy way to split a v1 deployment into separate steps", True),
    ("how do I enable application insights on my endpoint", True),
])
def test_checking_a_guess_about_a_failure_is_no_how_to(text, how_to):
    from app.matching.lexicon import HOW_TO_QUESTION

    assert bool(HOW_TO_QUESTION.search(normalize(text))) is how_to


@pytest.mark.parametrize(("text", "subject"), [
    ("can I switch on data collection so every request my online deployment gets is kept in storage",
     "data-collection-setup"),
    ("I want to collect the inputs and outputs of my endpoint for later analysis", "data-collection-setup"),
    ("does every MLflow flavor deploy without a scoring script", "mlflow-flavors"),
])
def test_setting_up_a_feature_no_entry_covers_is_an_uncovered_subject(text, subject):
    assert subject in subjects_named(normalize(text))


@pytest.mark.parametrize("text", [
    "the deployment fails with a storage permission error since data collection is enabled",
    "which flavor of linux does the inference image use",
])
def test_naming_the_feature_in_passing_is_not_the_subject(text):
    assert subjects_named(normalize(text)).isdisjoint({"data-collection-setup", "mlflow-flavors"})


UNCOVERED = [
    "how would I turn on model data collection for a managed online deployment so payloads land in a blob container",
    "what mlflow model flavors deploy to an online endpoint with no scoring script at all",
    "kubectl get pods -n kube-system shows coredns in CrashLoopBackOff after the node pool upgrade",
]


@pytest.mark.parametrize("query", UNCOVERED)
def test_a_question_no_entry_covers_gets_no_entry(served, query):
    assert served.match(query).matches == []


MORE_PARAPHRASES = [
    ("a Logic App starts our batch endpoint job with a token it got for management.azure.com and the call is "
     "rejected because the token is for the wrong audience", "batch-audience-or-service-not-allowed"),
    ("my AksWebservice pod keeps restarting, how can I confirm that a wrong model file name in init() is what "
     "crashes it", "service-launch-fails"),
]


@pytest.mark.parametrize(("query", "entry"), MORE_PARAPHRASES)
def test_a_symptom_around_a_client_or_a_guess_finds_its_entry(served, query, entry):
    assert [match.id for match in served.match(query).matches][:1] == [entry]


@pytest.mark.parametrize(("everyday", "plain"), [
    ("the big requests get refused", "the big requests get rejected"),
    ("ptvsd is baked into the image", "ptvsd is included into the image"),
    ("a web app consumes the endpoint", "a web app calls the endpoint"),
    ("the deployment vanished from the list", "the deployment missing from the list"),
    ("which knob sets the timeout", "which setting sets the timeout"),
])
def test_more_everyday_words_read_as_the_knowledges_words(everyday, plain):
    assert features(normalize(everyday)) == features(normalize(plain))


@pytest.mark.parametrize(("typed", "meant"), [("continer", "container"), ("fuond", "found"), ("erorr", "error")])
def test_a_slip_is_corrected_to_the_word_not_to_another_slip(served, typed, meant):
    """The knowledge spells its words right: an alias spelling a slip (`contaner`) once made it the known word
    that the next slip (`continer`) was read as."""
    assert served._token_correction(typed) == meant
