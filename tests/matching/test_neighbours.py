"""Which neighbouring topic a folded paste is about, and whether that is beyond doubt."""
import pytest

from app.i18n import STRINGS
from app.matching.neighbours import TOPICS, neighbour_topic
from app.matching.normalize import fold, normalize


def sighting(text):
    return neighbour_topic(normalize(text))


def test_a_conclusive_cue_without_deployment_words_is_beyond_doubt():
    found = sighting("AutoML child run failed during featurization")
    assert found is not None and found.topic.id == "automl" and found.conclusive


def test_deployment_words_keep_a_sighting_from_being_conclusive():
    found = sighting("the AutoML run and the environment image build both failed before I deployed to an online endpoint")
    assert found is None or not found.conclusive


def test_a_deployment_paste_naming_a_neighbour_is_no_sighting():
    assert sighting("deployed my AutoML model to a managed online endpoint: ResourceNotReady") is None


@pytest.mark.parametrize("text", ["'ml' is misspelled or not recognized by the system",
                                  "Did you mean 'online-endpoint'? az ml service list is not a command group"])
def test_cli_renames_are_the_cli_topic(text):
    found = sighting(text)
    assert found is not None and found.topic.id == "cli-install"


def test_every_topic_is_named_in_every_language_and_links_its_documentation():
    for topic in TOPICS:
        assert topic.docs_url.startswith("https://learn.microsoft.com/")
        for strings in STRINGS.values():
            assert strings[f"topic_{topic.id}"]


@pytest.mark.parametrize(("text", "topic"), [
    ("The cluster has been resizing for an hour and the low priority nodes keep getting preempted", "compute-cluster"),
    ("컴퓨팅 클러스터 노드가 계속 선점돼서 스케일 업이 안 돼요", "compute-cluster"),
    ("计算集群一直在调整大小，低优先级节点被抢占了", "compute-cluster"),
    ("Вычислительный кластер не масштабируется: низкоприоритетные узлы вытесняются", "compute-cluster"),
    ("My command job stops after epoch 3 and the loss is not logged to the experiment", "training-job"),
    ("학습 작업이 에포크 2에서 멈추고 메트릭이 실험에 안 보여요", "training-job"),
    ("训练作业跑到第二个轮次就失败了，实验里看不到指标", "training-job"),
    ("Задание обучения падает на второй эпохе, метрики эксперимента пустые", "training-job"),
    ("DefaultAzureCredential failed to retrieve a token: AADSTS700016 for my tenant after az login", "workspace-auth"),
    ("작업 영역에 로그인하면 테넌트가 달라서 인증이 실패합니다", "workspace-auth"),
    ("登录工作区时提示租户不对，身份验证失败", "workspace-auth"),
    ("При входе в рабочую область ошибка аутентификации: не тот тенант", "workspace-auth"),
    ("az extension add -n ml fails and the old azure-cli-ml extension is still installed", "cli-install"),
    ("ML 확장을 설치했는데 명령어가 인식되지 않아요", "cli-install"),
    ("数据存储挂载失败，数据资产读不到存储帐户里的 csv", "datastores"),
    ("Хранилище данных не монтируется, набор данных пустой", "datastores"),
])
def test_each_language_names_the_topics_in_its_own_words(text, topic):
    found = sighting(text)
    assert found is not None and found.topic.id == topic


@pytest.mark.parametrize("text", [
    "학습한 모델을 온라인 엔드포인트에 배포했는데 호출하면 401이 나요",
    "训练好的模型部署到联机终结点以后，调用返回 401",
    "Модель из эксперимента развернута на конечной точке, а вызов возвращает 401",
])
def test_a_deployment_question_in_any_language_is_no_sighting(text):
    assert sighting(text) is None


def test_words_of_one_concept_in_two_languages_count_once():
    """`conda` and 环境 both say "environment": a crashing container's missing package is no environment build."""
    assert sighting("容器一启动就崩溃，conda 环境里缺包") is None


def test_three_cues_of_a_topic_without_a_deployment_word_are_conclusive():
    found = sighting("nodes are stuck and the cluster is resizing while I wait, low priority quota is fine")
    assert found is not None and found.topic.id == "compute-cluster" and found.conclusive


def test_cues_of_several_topics_place_a_paste_outside_deployment():
    found = sighting("I submitted it from my notebook, the experiment runs on the cpu-cluster")
    assert found is not None and found.outside_deployment and not found.conclusive


def test_a_paste_with_a_deployment_word_is_not_outside_deployment():
    found = sighting("the training job and its metrics are fine, the scoring fails")
    assert found is None or not found.outside_deployment


def test_a_language_naming_an_unknown_topic_is_an_error(monkeypatch):
    from dataclasses import replace

    from app.matching import neighbours
    from app.matching.languages import LANGUAGES
    from app.matching.languages.base import NeighbourCues

    odd = replace(LANGUAGES[0], neighbour_cues={"quantum-computing": NeighbourCues(cues=("qubits?",))})
    monkeypatch.setattr(neighbours, "LANGUAGES", (odd,))
    with pytest.raises(ValueError, match="quantum-computing"):
        neighbours._languages_checked()


def test_two_spellings_of_one_word_are_one_word():
    """"image build" and "build log" both say an image build: one word of one topic is no sighting."""
    assert sighting("where is the build log of the image build?") is None


def test_two_words_of_two_neighbours_place_a_paste_outside_deployment():
    found = sighting("the experiment stopped and the image build failed")
    assert found is not None and found.outside_deployment and not found.conclusive


def test_kubernetes_alone_does_not_place_a_paste_in_the_deployment_stage():
    """Training jobs run on attached Kubernetes clusters too: the cluster is where, not what."""
    found = sighting("my training job on the attached kubernetes compute is queued forever, pods pending")
    assert found is not None and found.topic.id == "training-job" and found.outside_deployment
    assert sighting("my online deployment on kubernetes is queued forever, pods pending") is None


def with_paths(paste):
    return neighbour_topic(normalize(paste), fold(paste))


def test_a_studio_link_to_a_job_is_a_training_sighting_beyond_doubt():
    found = with_paths("Status: Failed. Link: https://ml.azure.com/runs/quiet_fox_4?wsid=/subscriptions/s/"
                       "resourcegroups/g/workspaces/w")
    assert found is not None and found.topic.id == "training-job" and found.conclusive


def test_a_compute_resource_id_is_a_compute_sighting():
    found = with_paths("PUT /subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/"
                       "workspaces/w/computes/big-gpu failed")
    assert found is not None and found.topic.id == "compute-cluster"


def test_a_scoring_uri_is_a_word_of_the_deployment_stage():
    paste = "POST http://52.10.1.7:80/score: 502 Bad Gateway; the model comes from my experiment, tracked in mlflow runs"
    assert sighting(paste).outside_deployment
    assert not with_paths(paste).outside_deployment


@pytest.mark.parametrize("paste", [
    "prov = AksCompute.provisioning_configuration(agent_count=2); ComputeTarget.create(ws, 'k8s', prov) never finishes",
    "ComputeTargetException: Compute object provisioning polling reached non-successful terminal state",
    "create_aks_compute(ws, 'myaks') stops: it results in exceeding approved Total Regional Cores quota (limit 8)",
])
def test_creating_a_compute_target_is_provisioning_not_deploying(paste):
    """An AKS cluster made for serving is still provisioned before anything is deployed on it."""
    found = sighting(paste)
    assert found is not None and found.topic.id == "compute-cluster"


def test_azure_openais_throttling_sentence_is_beyond_doubt():
    found = sighting("the chat app answers: Rate limit is exceeded. Try again in 7 seconds.")
    assert found is not None and found.topic.id == "azure-openai" and found.conclusive


def test_an_anonymous_environment_without_builds_is_an_environment_build():
    found = sighting("my sweep job waits on CliV2AnonymousEnvironment: no builds exist for it")
    assert found is not None and found.topic.id == "environment-build" and found.outside_deployment


@pytest.mark.parametrize(("link", "topic"), [
    ("https://learn.microsoft.com/en-us/azure/machine-learning/how-to-train-model?view=azureml-api-2", "training-job"),
    ("https://docs.microsoft.com/azure/machine-learning/how-to-access-data", "datastores"),
    ("https://learn.microsoft.com/azure/machine-learning/v1/how-to-create-attach-compute-cluster", "compute-cluster"),
])
def test_a_documentation_page_names_its_topic(link, topic):
    found = with_paths(f"Document details: {link} - the second code cell throws an error")
    assert found is not None and found.topic.id == topic and found.conclusive


def test_a_deployment_documentation_page_is_a_word_of_the_stage():
    paste = ("the notebook and the experiment work, then the last cell fails; "
             "page: https://learn.microsoft.com/en-us/azure/machine-learning/how-to-deploy-online-endpoints")
    assert sighting(paste).outside_deployment
    found = with_paths(paste)
    assert found is None or not found.outside_deployment


def test_where_the_user_works_does_not_outweigh_the_deployment_it_calls():
    """A notebook on a compute instance and the studio are where an endpoint is called from."""
    found = sighting("calling my online endpoint from a jupyter notebook on the compute instance gives 403")
    assert found is not None and found.topic.id == "compute-instance" and not found.outside_deployment
    assert not found.outweighs({})
    assert sighting("the compute instance jupyter kernel dies on start").outweighs({})


def test_the_scoring_containers_folder_is_a_word_of_the_deployment_stage():
    paste = 'File "/var/azureml-app/main.py", line 12: the conda environment misses a package my experiment had'
    assert with_paths(paste) is None or not with_paths(paste).outside_deployment


@pytest.mark.parametrize(("paste", "topic"), [
    ("src = ScriptRunConfig(source_directory='.', run_config=RunConfiguration()) then the run log is empty",
     "training-job"),
    ("parallel_run_function(process_count_per_node=2) stops after the first mini batch of my pipeline", "pipelines"),
    ("client = AzureOpenAI(api_version='2024-02-01'); client.chat.completions.create(model=azure_deployment)",
     "azure-openai"),
])
def test_sdk_names_of_the_neighbours_are_their_cues(paste, topic):
    found = sighting(paste)
    assert found is not None and found.topic.id == topic
