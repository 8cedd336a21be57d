"""Words that place a paste in context: which product family it is about, whether it is
an error report, whether it names another product altogether.

They complement the knowledge entries: entries say what each problem looks like, these
say which deployment style or product a paste comes from.
"""
from __future__ import annotations

import re

FAMILY_CUES = {
    "managed-online-endpoints": re.compile(
        r"online[ -]?endpoints?|online[ -]deployments?|managed (?:online )?endpoints?|managed online|"
        r"inference\.ml\.azure\.com|instance_type|instance_count|request_settings|scale_settings|"
        r"관리형|온라인 엔드포인트|托管|联机终结点|联机端点|在线终结点|在线端点|управляем\w*|онлайн-?\w*"),
    "batch-endpoints": re.compile(
        r"batch[ -]?endpoints?|--type batch|mini_batch|batch scoring|batch (?:job|deployment)s?|"
        r"배치|일괄 처리|일괄처리|批处理|批量|пакетн\w*"),
    "docker-aci-aks": re.compile(
        r"\baks\b|\baci\b|webservice|web service|azureml-core|azureml\.core|sdk v1|v1 sdk|model\.deploy|"
        r"inferenceconfig|inference_config|deploy_configuration|container instances?|"
        r"웹 ?서비스|web ?服务|веб-?служб\w*|веб-?сервис\w*"),
}

ERROR_CONTEXT = re.compile(
    r"traceback|exception|error|fail|fatal|crash|denied|unauthori[sz]ed|not found|backoff|refused|timed? ?out|"
    r"err[ _\-]?\d{4}|오류|에러|실패|错误|失败|报错|异常|ошибк|исключени|сбой|упал|падает",
    re.IGNORECASE)

OFF_DOMAIN = re.compile(
    r"azure functions?|function app|app service|web app|static web app|cosmos|sql database|mysql|"
    r"postgres|mongodb|redis cache|\bnpm\b|\byarn\b|node\.?js|\breact\b|wordpress|"
    r"windows update|\boffice\b|outlook|\bexcel\b|엑셀|워드|파워포인트|iphone|android|kakao|카카오|微信|wechat|"
    r"\baws\b|lambda|\bgcp\b|heroku|vercel|netlify|cloudflare|logic app|service bus|event hub|"
    r"api management|teapot|visual c\+\+|c\+\+ build tools|building wheel|setup\.py|\bgcc\b|cmake|"
    r"\bmaven\b|gradle|\bcargo\b|nuget|\bjdk\b")

# Asking how to do something, rather than pasting what went wrong.
HOW_TO_QUESTION = re.compile(
    r"\bhow (?:do|can|to|should)\b|\bis there a way\b|\bcan i\b|어떻게|방법|하려면|怎么|如何|怎样|"
    r"\bкак\b|каким образом|можно ли", re.IGNORECASE)
ERROR_OUTPUT = re.compile(r"traceback|exception:|error:|\berror\b.*:|err_\d{4}|\bfailed\b", re.IGNORECASE)


def families_in(text: str) -> set[str]:
    """The product families a normalised paste explicitly mentions."""
    return {family for family, cue in FAMILY_CUES.items() if cue.search(text)}

SMALL_TALK = re.compile(
    r"^\W*(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks?|thank you|how are you|bye)\b|"
    r"how (?:are you|was your)|have a nice|what'?s up|"
    r"^\W*(?:안녕|감사|고마워|좋은 아침)|점심|저녁 뭐|주말 잘|날씨|"
    r"^\W*(?:你好|您好|谢谢|早上好|晚上好)|在吗|天气|吃饭|周末|"
    r"^\W*(?:привет|здравствуй|добр\w+ (?:утро|день|вечер)|спасибо)|как дела|как прошл\w* выходн|погод",
    re.IGNORECASE)

# Words users type for a concept the knowledge names differently; each maps to the
# knowledge's word, so "сервис" finds "служба" and "remove" finds "delete".
SYNONYMS = {
    "en": {
        "remove": "delete", "erase": "delete", "teardown": "delete", "destroy": "delete",
        "reboot": "restart", "relaunch": "restart",
        "laptop": "local", "workstation": "local",
        "webservice": "service", "websvc": "service",
        "oom": "memory", "oomkilled": "memory",
        "creds": "credentials", "apikey": "key",
        "pod": "container", "pods": "container",
    },
    "ru": {
        "сервис": "служба", "сервиса": "служба", "сервисе": "служба", "сервисом": "служба",
        "деплой": "развертывание", "деплоя": "развертывание", "деплое": "развертывание",
        "задеплоить": "развернуть", "задеплоил": "развернуть", "выкатить": "развернуть",
        "эндпоинт": "конечная", "эндпоинта": "конечная", "эндпойнт": "конечная",
        "снести": "удалить", "грохнуть": "удалить",
        "логи": "журнал", "логов": "журнал", "лог": "журнал",
        "ядер": "ядра",
        "ребут": "перезапуск", "перезагружается": "перезапускается",
    },
}
