"""Other ways of serving a model share the knowledge's words (gunicorn, endpoint, 502, a crashing container):
a paste about one gets no entry, while Azure ML's own deployments of the same things keep theirs."""
import pytest

from app.matching.lexicon import other_serving
from app.matching.normalize import normalize

OTHER_PRODUCTS = [
    # a Flask app under docker-compose or a process manager on a VM
    "api_1  | [2023-03-02 08:15:40 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:9)\n"
    "api_1  | [2023-03-02 08:15:41 +0000] [11] [INFO] Booting worker with pid: 11",
    "docker compose up: the predict service exits with code 137 while it loads the pickle",
    "systemd unit for gunicorn keeps restarting and nginx answers 502 Bad Gateway",
    # MLflow's own servers, run by the user
    "mlflow models serve -m models:/churn/3 --port 1234 crashes with No module named xgboost",
    "our self-hosted mlflow tracking server answers 503 when the client logs a model",
    # Azure's other hosting and plain Kubernetes
    "az container create with my image from docker hub: the container keeps restarting, exit code 1",
    "Container didn't respond to HTTP pings on port: 5000, failing site start (web app for containers)",
    "helm install of our fastapi scorer on aks, pods stuck in ImagePullBackOff",
    # Studio (classic), Azure OpenAI, other clouds
    "Azure Machine Learning Studio (classic) request-response service returns 401",
    "Azure OpenAI: my gpt-4o deployment answers 429, rate limit exceeded",
    "SageMaker endpoint InvokeEndpoint returns ModelError 500 from the primary container",
    "Databricks serving endpoint for my registered model stays Pending",
    "vertex ai endpoint: model server never became ready",
    # the user's own word
    "the container instance (not Azure ML, just az container) crashes on start",
    # other languages
    "도커 컴포즈로 띄운 예측 API에서 gunicorn WORKER TIMEOUT 이 계속 나요",
    "세이지메이커 엔드포인트 호출하면 500 에러가 나요",
    "自建的 mlflow 服务器上 mlflow models serve 返回 500",
    "我们没有用 Azure ML，是自己在 Azure 容器实例里跑的容器，一直重启",
    "свой сервер mlflow отдаёт 502 при регистрации модели",
    "контейнер в Azure Container Instances без Azure ML постоянно перезапускается",
]

AZURE_ML_DEPLOYMENTS = [
    ("my managed online deployment's log shows gunicorn WORKER TIMEOUT and the container restarts", None),
    ("deploying a registered MLflow model to an online endpoint without a scoring script fails", None),
    ("az ml online-deployment create fails: ResourceNotReady, ERR_2200", "err_2200-user-container-has-crashedterminated"),
    ("Azure ML 온라인 엔드포인트 배포에서 gunicorn 워커 타임아웃이 나요", None),
    ("Azure 机器学习在线终结点部署 mlflow 模型失败", None),
    ("развертывание mlflow модели в azure ml online endpoint падает", None),
]


@pytest.mark.parametrize("paste", OTHER_PRODUCTS)
def test_another_products_paste_gets_no_entry(matcher, paste):
    assert matcher.match(paste).matches == []


@pytest.mark.parametrize(("paste", "entry"), AZURE_ML_DEPLOYMENTS)
def test_azure_mls_own_deployment_keeps_its_entries(matcher, paste, entry):
    result = matcher.match(paste)
    assert entry is None or (result.matches and result.matches[0].id == entry)
    assert result.candidates
    assert all(reason["value"] != "other_product" for match in result.candidates for reason in match.reasons)


@pytest.mark.parametrize("text", [
    "gunicorn booting worker with pid 7",  # Azure ML's images run gunicorn too
    "mlflow.log_metric in my training script",
    "the azureml-inference-server-http image runs nginx and gunicorn",
    "databricks-trained model deployed to an azure ml online endpoint returns 502",
    "mlflow models serve works locally, but the same model on my managed online endpoint fails",
    "from a databricks notebook: AciWebservice.deploy_configuration(cpu_cores=1) then Model.deploy fails",
    "kubectl apply -f my instance type yaml, then the kubernetes online deployment cannot find it",
    # failing in Azure ML is not disowning it
    "the image runs under docker compose on my laptop but I could not deploy it to Azure ML",
    "works with docker-compose locally, but not in Azure ML",
    "с docker-compose всё работает, но не в azure ml",
])
def test_shared_words_alone_are_not_another_product(text):
    assert not other_serving(normalize(text))


@pytest.mark.parametrize("text", [
    "Azure Machine Learning Studio (classic) web service",  # its name names Azure ML too
    "plain ACI container, not deployed by Azure ML",
])
def test_a_disowned_or_classic_azure_ml_is_another_product(text):
    assert other_serving(normalize(text))


def test_an_error_code_keeps_its_entry(matcher):
    """An ERR_NNNN code is Azure ML's own, whatever else the paste says."""
    matches = matcher.match("docker-compose locally is fine, but ERR_2200 on the endpoint").matches
    assert matches and matches[0].id.startswith("err_2200")


@pytest.mark.parametrize(("paste", "entry"), [
    # a workspace connection named after the other product: the error printed is the deployment's own
    ("(SecretsInjectionError) could not read the key of connection 'openai-eastus' for deployment blue",
     "error-secretsinjectionerror"),
    # the error's name said in a sentence, not printed as the error
    ("blue fails to deploy with SecretsInjectionError, its env var reads the key of our OpenAI connection",
     "error-secretsinjectionerror"),
    # an Azure Function that calls the endpoint is its client
    ("our Azure Function calls the online endpoint and gets 429 Too Many Requests at peak", "http-429-rate-limiting"),
])
def test_an_error_this_knowledge_names_keeps_its_entry_beside_another_products_name(matcher, paste, entry):
    matches = matcher.match(paste).matches
    assert matches and matches[0].id == entry


def test_another_products_own_error_beside_its_name_still_gets_no_entry(matcher):
    assert matcher.match("Azure OpenAI returned (DeploymentNotFound) for my gpt-4o deployment").matches == []


def test_an_azure_function_deployed_to_is_another_product(matcher):
    assert matcher.match("can I host my registered model in Azure Functions instead of an endpoint?").matches == []
