"""Written questions in the words users type, not the knowledge's: English symptoms told without the error's
name ("keeps dying", "freezes", "gets killed"), Russian with its inflection and free word order (`упал` and
`падает`, `зависло` and `зависает` are one verb), and Russian and English questions about what no entry covers
(rolling back, notifications). Every case is our own wording."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Config
from app.matching.features import features
from app.matching.lexicon import ERROR_CONTEXT, subjects_named
from app.matching.matcher import Matcher
from app.matching.neighbours import neighbour_topic
from app.matching.normalize import normalize
from app.matching.scoring import ScoringParams
from app.matching.semantic import default_encoder

ENGLISH_SYMPTOMS = [
    ("the endpoint VM has no free space left when it pulls my huge model weights",
     "err_1350-unable-to-download-user-model-not-enough-space-on-the-disk"),
    ("creating the deployment stops because we are out of cores in this region for that VM family", "err_1100-not-enough-quota"),
    ("Azure has no machines of that size left in the region when I deploy", "err_1101-out-of-capacity"),
    ("we hit the maximum number of endpoints per subscription, can't make a new one", "err_1103-endpoint-quota-reached"),
    ("deployment can't fetch the container image from our registry", "err_1200-unable-to-download-user-container-image"),
    ("the deployment cannot read the model files from the storage account", "err_1300-unable-to-download-user-modelcode-artifacts"),
    ("conda can't resolve my packages so the image for the online deployment never gets built", "error-imagebuildfailure"),
    ("calls to the scoring url come back unauthorized even though I pass the key", "http-401-unauthorized"),
    ("scoring requests are rejected because the body I send is too big", "http-413-payload-too-large"),
    ("under load the endpoint starts refusing requests, says too many pending", "http-429-too-many-pending-requests"),
    ("requests that take a long time to score are cut off by the endpoint after a few seconds", "http-408-request-timeout"),
    ("the browser app calling my endpoint is blocked by cross-origin rules", "blocked-by-cors-policy"),
    ("init() in my score script can't find the model file, path seems wrong", "function-fails-get_model_path"),
    ("run() blows up when it receives my json input", "function-fails-runinput_data"),
    ("batch deployment job keeps failing, mini batches error out in my run function", "batch-user-program-fails-run-fails"),
    ("each mini batch takes too long and the batch job gives up on it", "batch-process-times-out"),
    ("how do I remove the local web service container I deployed for testing", "delete-the-service"),
    ("the online deployment hangs in creating and eventually gets cancelled", "error-operationcanceled"),
    ("deployment can't assign a role to the endpoint identity, too many role assignments", "err_1102-no-more-role-assignments"),
    ("endpoint keeps returning bad gateway when I call it", "http-status-code-502"),
    ("the service says it is unavailable for a few minutes while scaling", "http-status-code-503"),
    ("where can I read the logs printed by my scoring container", "get-container-logs"),
    ("the batch job fails because there is already a file with the output name", "batch-output-already-exists"),
    ("batch job complains about no module named azureml when it starts", "batch-no-module-named-azureml"),
    ("the user container won't come up, startup just fails over and over", "err_2100-unable-to-start-user-container"),
    ("the endpoint never answers and my client gives up after a minute with a gateway timeout", "http-status-code-504"),
    ("my score.py works but the response comes back empty and the status is 200", "http-200-ok"),
    ("deployment can't pull secrets from the key vault connection at startup", "error-secretsinjectionerror"),
    ("the workspace's managed network is still being set up so my deployment won't go through",
     "error-workspacemanagednetworknotready"),
    ("internal server error from the endpoint whenever run() hits an exception", "http-500-internal-server-error"),
    ("the deployment reports a platform internal error that isn't my fault", "err_5000-internal-error"),
    ("invoking the batch endpoint says there is no deployment to send the job to", "batch-no-valid-deployments-to-route"),
    ("batch job finishes with nothing to concatenate because no mini batch produced output",
     "batch-valueerror-no-objects-to-concatenate"),
    ("the batch endpoint rejects the file type of my input data", "batch-unsupported-input-data"),
    ("the subscription I'm deploying into can't be found", "subscription-doesnt-exist"),
    ("the ARM template for the deployment fails because a template function is wrong", "invalid-template-function-specification"),
    ("my v1 web service freezes on startup and I want to see what docker printed", "dockerlog"),
    ("image pull for my deployment stalls because the registry is private in another subscription",
     "container-registry-authorization-error"),
    ("scoring takes so long that the endpoint drops the request before it finishes", "http-408-request-timeout"),
    ("the online endpoint says I've gone over the requests per second allowed", "http-429-rate-limiting"),
    ("the result my model returns is too big and the endpoint refuses to send it back", "http-424-response-payload-too-large"),
]

# Close neighbours among the entries share these symptoms: the entry meant is among the first three.
ENGLISH_AMONG_THREE = [
    ("the container starts and then keeps dying every few minutes, restart count goes up",
     "err_2200-user-container-has-crashedterminated"),
    ("my deployment falls over right after it boots, the pod keeps restarting", "err_2200-user-container-has-crashedterminated"),
    ("the container keeps running out of memory and gets killed a few seconds after start",
     "err_2200-user-container-has-crashedterminated"),
    ("the docker image build for my online deployment runs for over an hour and then gets cancelled", "image-build-timing-out"),
    ("the online deployment's image build can't authenticate to the workspace container registry after we rotated its keys",
     "azure-container-registry-authorization-failure"),
    ("the AKS cluster has no node with enough memory to place my model", "err_2101-kubernetes-unschedulable"),
    ("how can I test my scoring script on my own machine before deploying", "debug-locally"),
    ("my requested cpu and memory for the kubernetes deployment are not valid", "err_2102-resources-requests-invalid"),
]

RUSSIAN_QUESTIONS = [
    ("контейнер постоянно падает и перезапускается после развертывания", "err_2200-user-container-has-crashedterminated"),
    ("развертывание валится, потому что на диске не хватает места для модели",
     "err_1350-unable-to-download-user-model-not-enough-space-on-the-disk"),
    ("не хватает квоты на ядра для онлайн-развертывания", "err_1100-not-enough-quota"),
    ("при вызове конечной точки получаю отказ в авторизации, хотя ключ передаю", "http-401-unauthorized"),
    ("сборка образа для онлайн-развертывания идёт больше часа и обрывается по таймауту", "image-build-timing-out"),
    ("образ контейнера не скачивается из реестра при развертывании", "err_1200-unable-to-download-user-container-image"),
    ("запрос к эндпоинту слишком большой и его отклоняют", "http-413-payload-too-large"),
    ("функция run в скрипте оценки падает на входных данных", "function-fails-runinput_data"),
    ("пакетное задание падает: мини-пакеты не успевают обработаться за отведённое время", "batch-process-times-out"),
    ("как удалить локальную веб-службу после отладки", "delete-the-service"),
    ("браузер блокирует запросы к конечной точке из-за CORS", "blocked-by-cors-policy"),
    ("где посмотреть логи контейнера онлайн-развертывания", "get-container-logs"),
    ("в регионе нет свободных мощностей для выбранного размера виртуальной машины", "err_1101-out-of-capacity"),
    ("развертывание зависло и потом было отменено", "error-operationcanceled"),
    ("запросы к онлайн-эндпоинту режутся: превышен лимит запросов в секунду", "http-429-rate-limiting"),
    ("эндпоинт отвечает, что слишком много запросов ждут в очереди", "http-429-too-many-pending-requests"),
    ("пакетное задание вылетает с ошибкой в функции run моего скрипта", "batch-user-program-fails-run-fails"),
    ("модель не находится в init, путь к файлу модели неверный", "function-fails-get_model_path"),
    ("развертывание не может прочитать секреты при старте контейнера", "error-secretsinjectionerror"),
    ("не получается создать новую конечную точку: достигнут лимит эндпоинтов в подписке", "err_1103-endpoint-quota-reached"),
]

RUSSIAN_AMONG_THREE = [
    ("сборка образа для развертывания не может войти в реестр контейнеров рабочей области",
     "azure-container-registry-authorization-failure"),
    ("конечная точка возвращает 502, а в логах контейнер перезапускается", "http-status-code-502"),
]

UNCOVERED = [
    "можно ли подключить свой домен к онлайн-эндпоинту",
    "сколько стоит час работы управляемой конечной точки",
    "как настроить синий-зелёный откат на предыдущую версию модели",
    "как откатить онлайн-развертывание на прошлую версию модели",
    "можно ли получать уведомления на почту, когда пакетное задание завершилось",
    "какие размеры виртуальных машин доступны для онлайн-развертываний в Европе",
    "как подписаться на уведомления о завершении пакетного задания по почте",
    "как сравнить две версии модели по метрикам после развертывания",
    "how do I roll back my online endpoint to the model version from last week",
    "can I get an email notification when a batch scoring job finishes",
    "set up alert rules when my endpoint latency goes above 2 seconds",
]


@pytest.fixture(scope="module")
def served(shipped_entries) -> Matcher:
    """The matcher as the service builds it: a written question is read for its meaning too."""
    return Matcher(shipped_entries, params=ScoringParams.load(Config.MATCH_PARAMS), encoder=default_encoder(),
                   cache_dir=Path(Config.SEMANTIC_CACHE_DIR))


@pytest.mark.parametrize(("query", "entry"), ENGLISH_SYMPTOMS + RUSSIAN_QUESTIONS)
def test_a_symptom_in_everyday_words_finds_its_entry(served, query, entry):
    result = served.match(query)
    assert [match.id for match in result.matches][:1] == [entry]


@pytest.mark.parametrize(("query", "entry"), ENGLISH_AMONG_THREE + RUSSIAN_AMONG_THREE)
def test_a_symptom_close_entries_share_keeps_its_entry_among_three(served, query, entry):
    result = served.match(query)
    assert entry in [match.id for match in result.matches][:3]


@pytest.mark.parametrize("query", UNCOVERED)
def test_a_question_about_what_no_entry_covers_gets_none(served, query):
    assert served.match(query).matches == []


@pytest.mark.parametrize(("user", "knowledge"), [
    ("упал", "падает"), ("валится", "падает"), ("вылетает", "падает"), ("зависло", "зависает"), ("висит", "зависает"),
    ("стартует", "запускается"), ("dies", "crashes"), ("dying", "crash"), ("freezes", "hangs"), ("stalled", "hang"), ("stuck", "hangs"),
])
def test_everyday_verbs_meet_the_knowledge_word(user, knowledge):
    assert features(normalize(user)) == features(normalize(knowledge))


def test_raising_a_quota_is_no_start():
    """`поднять квоту` shares its stem with `поднимается` (comes up), so neither is read as a start."""
    assert features(normalize("поднять")) != features(normalize("запускается"))


@pytest.mark.parametrize("query", ["the pod gets killed under load", "my container keeps dying"])
def test_a_failure_told_in_words_is_an_error_report(query):
    assert ERROR_CONTEXT.search(normalize(query))


@pytest.mark.parametrize(("query", "subject"), [
    ("roll back to the previous deployment", "rollback"), ("how to revert my endpoint to the earlier model", "rollback"),
    ("откатить развертывание", "rollback"), ("email alerts for my endpoint", "notifications"),
    ("оповещения о сбоях эндпоинта", "notifications"),
])
def test_rollbacks_and_notifications_are_subjects(query, subject):
    assert subject in subjects_named(normalize(query))


def test_signing_in_to_the_workspace_registry_is_no_workspace_sign_in():
    found = neighbour_topic(normalize("the image build can't log in to the workspace container registry"))
    assert found is None or found.topic.id != "workspace-auth"


@pytest.mark.parametrize("query", ["как поставить расширение ml для az cli", "can't log in to the workspace from my laptop"])
def test_installing_the_extension_and_signing_in_stay_neighbours(query):
    assert neighbour_topic(normalize(query)) is not None


@pytest.mark.parametrize("filler", ["actually", "really", "somehow", "вообще", "просто", "вроде"])
def test_fillers_of_a_spoken_question_are_no_words_of_its_subject(filler):
    assert features(normalize(filler)) == []
