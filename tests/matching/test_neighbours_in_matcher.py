"""Pastes about Azure ML's neighbours (compute, training, AutoML, ...) get no entry but the named topic."""
import pytest


@pytest.mark.parametrize(("paste", "topic"), [
    ("Our AmlCompute cluster is stuck resizing and nodes never become idle: 500 InternalServerError", "compute-cluster"),
    ("AutoML run failed during featurization with a UserError about the target column", "automl"),
])
def test_a_neighbouring_topic_gets_no_entry_and_is_named(matcher, paste, topic):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic


def test_a_deployment_error_that_mentions_a_neighbour_keeps_its_entry(matcher):
    result = matcher.match("ERR_1100 when deploying the model I trained with AutoML to a managed online endpoint")
    assert result.matches and result.matches[0].id == "err_1100-not-enough-quota" and result.out_of_scope is None


def test_the_neighbour_discount_is_named_in_the_reasons(matcher):
    candidates = matcher.match("compute cluster provisioning failed with 500 Internal Server Error").candidates
    assert any(r["type"] == "discount" and r["value"] == "neighbour:compute-cluster"
               for c in candidates for r in c.reasons)


@pytest.mark.parametrize(("paste", "topic"), [
    ("openai.RateLimitError: Requests to the Chat Completions operation under Azure OpenAI have exceeded the rate "
     "limit of your S0 pricing tier", "azure-openai"),
    ("Our nodes show as Unusable after the Batch AI cluster resize, InternalError with no details", "compute-cluster"),
    ("StepRun(prep) Status: Failed. ActivityFailedException in the PythonScriptStep", "pipelines"),
    ("ERROR: az: 'ml' is not in the 'az' command group. See 'az --help'.", "cli-install"),
])
def test_a_paste_beyond_doubt_about_a_neighbour_gets_no_entry_even_with_a_signature(matcher, paste, topic):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic


def test_the_same_signature_from_a_deployment_keeps_its_entry(matcher):
    result = matcher.match("my managed online endpoint answers 429: rate limit reached while scoring")
    assert result.matches and result.matches[0].id.startswith("http-429") and result.out_of_scope is None


def test_a_pattern_that_only_spells_the_reason_phrase_is_status_evidence(matcher):
    """`payload too large` says no more than 413: from another product it must not answer the scoring 413."""
    assert matcher.match("Function app upload fails, payload too large, status 413 from the Azure Functions host"
                         ).matches == []
    assert matcher.match("POST to my online endpoint: 413 payload too large").matches[0].id == "http-413-payload-too-large"


@pytest.mark.parametrize(("paste", "entry"), [
    ("报错 (BadArgument) Subscription 'abc' doesn't exist，可是订阅明明存在", "subscription-doesnt-exist"),
    ("the image build timed out after 90 minutes; our conda file lists many packages", "image-build-timing-out"),
])
def test_a_quoted_error_whose_neighbour_words_are_its_own_keeps_its_entry(matcher, paste, entry):
    """The subscription and the image build are named because the error names them, not because the user
    is signing in or building a training environment."""
    result = matcher.match(paste)
    assert result.matches and result.matches[0].id == entry and result.out_of_scope is None


def test_the_same_error_in_a_training_jobs_paste_gets_no_entry(matcher):
    result = matcher.match("my training job's image build timed out; the conda file has many packages")
    assert result.matches == [] and result.out_of_scope is not None


def test_a_deployment_quoting_its_entrys_error_keeps_it_beside_many_words_of_a_neighbour(matcher):
    result = matcher.match("Batch deployment 'nightly' fails before run() is called: cannot mount dataset, the "
                           "datastore 'images' says the managed identity lacks access")
    assert result.matches and result.matches[0].id == "batch-dataset-initialization-failed-cant-mount-dataset"


def test_an_error_name_the_paste_prints_as_its_code_beats_a_neighbours_words(matcher):
    """`Code: <Name>` is the service naming what went wrong; the registry and image words around it are
    the error's own, not a sign that the user is building a training environment."""
    result = matcher.match("terraform apply of the workspace stops with\nCode: ImageBuildComputeNotValid\nour ACR "
                           "is reachable only inside the VNet, so ACR tasks cannot run; requirements.txt is unchanged")
    assert result.matches and result.matches[0].id == (
        "image-build-compute-not-set-in-a-private-workspace-with-virtual-network")
    assert not any(r["type"] == "discount" and str(r["value"]).startswith("neighbour")
                   for r in result.matches[0].reasons)


def test_the_same_name_said_in_passing_gets_no_such_pass(matcher):
    """Only a name printed as the paste's error counts; a conclusive training paste keeps its verdict."""
    result = matcher.match("my training job on the amlcompute cluster cpu-cluster failed, "
                           "az ml job stream shows the conda environment could not resolve; "
                           "someone mentioned ImageBuildComputeNotValid")
    assert result.matches == [] and result.out_of_scope is not None


def test_an_endpoint_called_from_a_compute_instance_keeps_its_entry(matcher):
    result = matcher.match("My managed online endpoint says 401 when a notebook on our compute instance calls it "
                           "with the primary key shown in the studio")
    assert result.matches and result.matches[0].id == "http-401-unauthorized"


@pytest.mark.parametrize(("paste", "topic"), [
    ("ComputeTarget.create(ws, 'serving', AksCompute.provisioning_configuration(agent_count=3)) failed: "
     "ComputeTargetException: Provisioning operation finished, operation Failed", "compute-cluster"),
    ("429 from the assistant: Rate limit is exceeded. Try again in 20 seconds.", "azure-openai"),
])
def test_neighbours_named_by_their_identifiers_get_no_entry(matcher, paste, topic):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic
