"""English questions written as an account of what the engineer ran and saw: the user's own "failed" is no pasted
output, asking how to find out why something failed asks for the failure's entry (not a how-to), a neighbouring
topic's words that the entry says itself (a batch job's blob datastore, a v1 deployment's environment image) are
no evidence against it, the family words users write (mini-batches, the old SDK, an attached Kubernetes cluster),
and deployment features no entry covers (a canary rollout, a schedule). Every case is our own
wording."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Config
from app.matching.lexicon import ERROR_OUTPUT, HOW_TO_QUESTION, families_in, subjects_named
from app.matching.matcher import Matcher
from app.matching.normalize import normalize
from app.matching.scoring import ScoringParams
from app.matching.semantic import default_encoder


@pytest.mark.parametrize(("text", "output"), [
    ("my online deployment failed after twenty minutes and the container keeps restarting", False),
    ("our image build failed twice this morning", False),
    ("Deployment my-endpoint failed", True),
    ("Image build failed for environment azureml:sklearn-env:3", True),
])
def test_the_users_own_failed_is_no_pasted_output(text, output):
    assert bool(ERROR_OUTPUT.search(normalize(text))) is output


@pytest.mark.parametrize(("text", "how_to"), [
    ("the docker image step of Model.deploy fails, how do I find out why", False),
    ("the batch job ended as failed, how can I see what went wrong", False),
    ("where can I find the real error behind the 424", False),
    ("how do I get the logs of my online deployment", True),
    ("can I run the deployment on my laptop first", True),
])
def test_asking_why_a_failure_happened_is_no_how_to(text, how_to):
    assert bool(HOW_TO_QUESTION.search(normalize(text))) is how_to


@pytest.mark.parametrize(("text", "family"), [
    ("each mini-batch of images takes minutes", "batch-endpoints"),
    ("our batch inference over last month's invoices", "batch-endpoints"),
    ("deploying with the old SDK to a container", "docker-aci-aks"),
    ("our attached kubernetes cluster has no node for that instance type", "managed-online-endpoints"),
])
def test_the_families_users_name_in_their_own_words(text, family):
    assert family in families_in(normalize(text))


@pytest.mark.parametrize(("text", "subject"), [
    ("how would I do a canary rollout from the blue deployment to the green one", "staged-rollout"),
    ("can a batch deployment read its input from a serverless spark job", "spark"),
    ("start my batch endpoint on a schedule every night", "schedule"),
    ("send the endpoint's metrics to log analytics", "monitoring-setup"),
])
def test_deployment_features_no_entry_covers_are_subjects(text, subject):
    assert subject in subjects_named(normalize(text))


@pytest.mark.parametrize("text", [
    "our scheduled batch job fails to mount its input",
    "the nightly batch run failed again",
])
def test_a_failing_job_that_runs_at_night_is_not_about_its_schedule(text):
    assert "schedule" not in subjects_named(normalize(text))


@pytest.fixture(scope="module")
def served(shipped_entries) -> Matcher:
    """The matcher as the service builds it: a written question is read for its meaning too."""
    return Matcher(shipped_entries, params=ScoringParams.load(Config.MATCH_PARAMS), encoder=default_encoder(),
                   cache_dir=Path(Config.SEMANTIC_CACHE_DIR))


ACCOUNTS = [
    ("My Model.deploy to AKS fails while the environment image is built: conda can't solve the dependencies in my "
     "environment.yml", "image-building-fails"),
    ("My batch job failed at the start, the log said our blob datastore could not be mounted and the datastore's SAS "
     "token was renewed recently. What should I check before I rerun the job with the same inputs and settings?",
     "batch-dataset-initialization-failed-cant-mount-dataset"),
    ("az ml online-deployment create failed at the environment image step and my build log shows pip couldn't find a "
     "package version", "error-imagebuildfailure"),
]


@pytest.mark.parametrize(("query", "entry"), ACCOUNTS)
def test_a_neighbours_words_the_entry_says_itself_keep_its_answer(served, query, entry):
    assert [match.id for match in served.match(query).matches][:1] == [entry]


@pytest.mark.parametrize("query", [
    "can I trigger the batch endpoint from a cron schedule every night?",
    "how would I do a canary rollout, moving 10% of traffic at a time to the new deployment?",
])
def test_a_deployment_feature_no_entry_covers_gets_no_entry(served, query):
    assert served.match(query).matches == []


@pytest.mark.parametrize(("text", "statuses"), [
    ("404 from the scoring uri as soon as the deployment finished", [404]),
    ("every call gets a 502 back from the endpoint", [502]),
    ("we score 500 from the batch input folder", []),
])
def test_a_status_said_with_where_it_came_from_is_a_status(text, statuses):
    from app.matching.extract import http_statuses

    assert http_statuses(normalize(text)) == statuses


def test_a_users_own_llama_checkpoint_is_no_model_catalog_question():
    assert "model-catalog" not in subjects_named(normalize("my 60 GB llama checkpoint won't fit on the node's disk"))
    assert "model-catalog" in subjects_named(normalize("deploying a model from the model catalog pay-as-you-go"))


@pytest.mark.parametrize(("spelt", "unit"), [
    ("a 70 gigabyte model", "a 70 gb model"),
    ("the body is 3 megabytes", "the body is 3 mb"),
])
def test_sizes_spelt_out_read_as_the_knowledges_units(spelt, unit):
    from app.matching.features import features

    assert features(normalize(spelt)) == features(normalize(unit))


def test_a_package_the_scoring_script_imports_is_no_spark_question():
    assert "spark" not in subjects_named(normalize("my batch scoring script fails with No module named 'pyspark'"))
