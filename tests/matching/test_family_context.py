"""Family context from the SDK/CLI generation a paste is written in: what only SDK v1 (web services on
ACI/AKS/local Docker) or only SDK v2 (online and batch endpoints) writes decides between the entries
of the two generations, where the words both say (`web service`, `Booting worker`) cannot."""
import pytest

from app.knowledge.model import FAMILIES
from app.matching.lexicon import FAMILY_MARKERS, families_marked
from app.matching.normalize import normalize


def discounts(match):
    return {reason["value"] for reason in match.reasons if reason["type"] == "discount"}


def by_id(result, entry_id):
    return next(match for match in result.candidates if match.id == entry_id)


# --- the markers ------------------------------------------------------------------------

def test_markers_name_only_knowledge_families():
    assert set(FAMILY_MARKERS) <= set(FAMILIES)


@pytest.mark.parametrize("family", sorted(FAMILY_MARKERS))
def test_markers_are_written_for_folded_text_and_match_no_neutral_text(family):
    marker = FAMILY_MARKERS[family]
    assert marker.pattern == marker.pattern.casefold()
    assert marker.search("") is None and marker.search("zebra quilt") is None


@pytest.mark.parametrize("text,family", [
    ("aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)", "docker-aci-aks"),
    ("service = Model.deploy(ws, 'svc', [model], inference_config)", "docker-aci-aks"),
    ("service.wait_for_deployment(show_output=True)", "docker-aci-aks"),
    ("az ml model deploy -n svc --ic inferenceconfig.json --dc deploymentconfig.json", "docker-aci-aks"),
    ("deployment = ManagedOnlineDeployment(name='blue', endpoint_name='ep')", "managed-online-endpoints"),
    ("ml_client.online_deployments.begin_create_or_update(deployment)", "managed-online-endpoints"),
    ("az ml online-endpoint invoke --name ep --request-file sample.json", "managed-online-endpoints"),
    ("az ml batch-deployment create --file deployment.yml", "batch-endpoints"),
    ("ml_client.batch_endpoints.invoke(endpoint_name='ep', input=data)", "batch-endpoints"),
])
def test_each_generation_is_recognised_by_what_only_it_writes(text, family):
    assert families_marked(normalize(text)) == {family}


@pytest.mark.parametrize("text", [
    "the web service keeps restarting",
    "Booting worker with pid: 42",
    "pip install azureml-core in the batch environment",
    "print the logs with get_logs()",
    "my online endpoint returns 500",
])
def test_words_both_generations_say_mark_no_family(text):
    assert families_marked(normalize(text)) == set()


# --- what the matcher makes of them ------------------------------------------------------

def test_a_v1_web_service_log_gets_the_v1_entry_over_the_v2_one_sharing_its_pattern(matcher):
    result = matcher.match("service.wait_for_deployment(show_output=True)\n"
                           "ModuleNotFoundError: No module named 'joblib'\nWorker failed to boot.")
    assert result.matches[0].id == "service-launch-fails"
    assert "family_conflict" in discounts(by_id(result, "err_2200-user-container-has-crashedterminated"))


def test_a_v2_deployment_status_only_v1_entries_answer_does_not_count_against_v2_entries(matcher):
    result = matcher.match("ManagedOnlineDeployment keeps restarting, liveness probe returned 502 error")
    first = result.matches[0]
    assert first.id == "err_2200-user-container-has-crashedterminated"
    assert "status_absent" not in discounts(first)
    assert "family_conflict" in discounts(by_id(result, "http-status-code-502"))


def test_the_same_status_in_a_v1_paste_still_answers_the_v1_entry(matcher):
    result = matcher.match("AksWebservice keeps restarting, probe returned 502 error")
    assert result.matches[0].id == "http-status-code-502"


def test_a_migration_question_naming_both_generations_discounts_neither(matcher):
    result = matcher.match("moving from AciWebservice to ManagedOnlineDeployment: Worker failed to boot")
    assert all("family_conflict" not in discounts(match) for match in result.candidates)


def test_a_log_line_both_generations_write_in_a_paste_naming_no_family_prefers_the_v2_entry(matcher):
    """New deployments are v2: with nothing else to tell them apart, the v1 entry gives way."""
    result = matcher.match("ImportError: cannot import name 'Tokenizer'\n[INFO] Worker failed to boot.")
    assert result.matches[0].id == "err_2200-user-container-has-crashedterminated"
    assert "older_generation" in discounts(by_id(result, "service-launch-fails"))


def test_a_paste_naming_a_family_gets_no_generation_default(matcher):
    result = matcher.match("my AKS web service log ends with: Worker failed to boot")
    assert all("older_generation" not in discounts(match) for match in result.candidates)


def test_a_v1_entrys_own_line_no_v2_entry_shares_gets_no_generation_default(matcher):
    result = matcher.match("Did your init method fail? The container exited with code 3")
    assert "older_generation" not in discounts(by_id(result, "service-launch-fails"))
