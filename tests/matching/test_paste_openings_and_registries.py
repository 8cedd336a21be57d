"""Real pastes: a greeting that opens a report, an image build refused by its registry, Azure OpenAI's
missing deployment."""
import pytest

REPORT = (
    "I registered a scikit-learn model and deployed it as a web service on AKS with the v1 SDK. The image "
    "builds, yet init() in my entry script cannot locate the registered model file: Model.get_model_path "
    "raises because the model is not in the folder the script looks in. What path should the script use?")


@pytest.mark.parametrize("greeting", ["Hi team,\n", "Hello,\n", "Hi everyone, thanks in advance.\n"])
def test_a_greeting_opening_a_long_report_is_no_small_talk(matcher, greeting):
    plain = matcher.match(REPORT)
    greeted = matcher.match(greeting + REPORT)
    assert plain.matches and greeted.matches
    assert greeted.matches[0].id == plain.matches[0].id == "function-fails-get_model_path"
    assert not any(r["type"] == "discount" and r["value"] == "off_domain" for r in greeted.matches[0].reasons)


@pytest.mark.parametrize("chat", ["hi", "hello, thanks for the help!", "thank you, bye"])
def test_a_short_greeting_alone_still_gets_no_entry(matcher, chat):
    assert matcher.match(chat).matches == []


def test_an_image_build_step_refused_by_its_registry_is_the_registry_authorization_entry(matcher):
    paste = ("Building the inference image for our deployment stops at the first step:\n"
             "Step 1/7 : FROM contosoacr.azurecr.io/azureml/base_env:3\n"
             "Get https://contosoacr.azurecr.io/v2/azureml/base_env/manifests/3: unauthorized: authentication required")
    result = matcher.match(paste)
    assert result.matches and result.matches[0].id == "azure-container-registry-authorization-failure"


@pytest.mark.parametrize("paste", [
    'openai.NotFoundError: Error code: 404 - {"error": {"code": "DeploymentNotFound", "message": "no such model '
    'deployment on this resource"}}',
    "Our chat app gets 404 DeploymentNotFound from the gpt-4o deployment although the deployment name is copied "
    "from the portal",
])
def test_azure_openais_missing_deployment_is_its_topic_not_an_entry(matcher, paste):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == "azure-openai"
