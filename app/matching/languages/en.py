"""English, and the Latin script: the words of error output, identifiers and commands.

Words are stemmed (Snowball); compound identifiers (`request_timeout_ms`, `nvidia.com/gpu`)
count whole and by part. English is the fallback language: error output is English, so a
paste is English unless another script claims it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from app.matching.languages.base import Language, snowball, synonym_features

PREFIX = "w"
_PARTS = re.compile(r"[._\-/']")
# HTTP statuses are evidence of their own (extract.py); as words they would make every
# "HTTP/1.1 <status>" alias look alike.
_STATUS_NUMBER = re.compile(r"^[2-5]\d\d$")
_LATIN_WORD = re.compile(r"[a-zA-Z]{2,}")
_CODE_ONLY = re.compile(r"^(?:\s|err(?:or)?[ _\-]?[0-9oO]{4}|http(?:/\d(?:\.\d)?)?|[0-9]{3}|[^\w])*$", re.IGNORECASE)

STOPWORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "without", "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being",
    "am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you",
    "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there",
    "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could",
    "should", "would", "will", "shall", "may", "might", "must", "not", "no", "yes", "just", "also", "very",
    "too", "only", "even", "still", "again", "ever", "any", "some", "all", "each", "every", "more", "most",
    "much", "many", "other", "such", "own", "same", "than", "about", "over", "under", "up", "down", "out",
    "off", "s", "t", "d", "ll", "m", "re", "ve", "y", "get", "got", "gets", "please", "help", "thanks",
    "thank", "hi", "hello", "hey", "ok", "okay", "like", "want", "need", "tried", "try", "trying", "now",
    "after", "before", "because", "while", "i'm", "it's", "don't", "doesn't", "didn't", "can't", "isn't",
    "what's", "there's"
])

# Words users type for a concept the knowledge names differently; each maps to the
# knowledge's word, so "remove" finds "delete".
SYNONYMS = {
    "remove": "delete", "erase": "delete", "teardown": "delete", "destroy": "delete",
    "reboot": "restart", "relaunch": "restart",
    "laptop": "local", "workstation": "local",
    "webservice": "service", "websvc": "service",
    "oom": "memory", "oomkilled": "memory",
    "creds": "credentials", "apikey": "key",
    "pod": "container", "pods": "container",
}

_STEMMER = snowball("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word) if word.isalpha() else word


_SYNONYM_FEATURES = synonym_features(PREFIX, SYNONYMS, stem)


def word_features(token: str) -> list[str]:
    if token in STOPWORDS:  # contractions (it's, don't) are stop words as a whole, not by part
        return []
    parts = [p for p in _PARTS.split(token) if p]
    found = []
    if sum(part.isalpha() for part in parts) >= 2:
        found.append(f"{PREFIX}:{token}")
    for part in parts:
        if part in STOPWORDS or len(part) < 2 or _STATUS_NUMBER.match(part):
            continue
        feature = f"{PREFIX}:{stem(part)}"
        found.append(_SYNONYM_FEATURES.get(feature, feature))
    return found


def detect(text: str, counts: Mapping[str, int]) -> bool:
    """A paste with a real English word that is not only a code or a number."""
    return not _CODE_ONLY.match(text) and bool(_LATIN_WORD.search(text))


LANGUAGE = Language(
    code="en",
    script="latin",
    prefix=PREFIX,
    token=r"[a-z0-9]+(?:[._\-/'][a-z0-9]+)*",
    word_features=word_features,
    spaced=True,
    detect=detect,
    fallback=True,
    synonyms=SYNONYMS,
    status_before=(
        r"http/\d(?:\.\d)?|https?|status(?:[ _]?code)?|statuscode|status_code|response code|error code|code"
        r"|returns?|returned|returning|responds? with|responded with|answers? with|got(?: an?)?|gives?(?: me)?"
        r"|getting(?: an?)?|throws?|error|errors|fail(?:s|ed|ing)? with(?: an?)?|rejected with(?: an?)?"),
    status_after=r"error|errors|status|response|responses|code|client error|server error|http",
    family_words={
        "managed-online-endpoints": (
            r"online[ -]?endpoints?|online[ -]deployments?|managed (?:online )?endpoints?|managed online|"
            r"inference\.ml\.azure\.com|instance_type|instance_count|request_settings|scale_settings"),
        "batch-endpoints": r"batch[ -]?endpoints?|--type batch|mini_batch|batch scoring|batch (?:job|deployment)s?",
        "docker-aci-aks": (
            r"\baks\b|\baci\b|webservice|web service|azureml-core|azureml\.core|sdk v1|v1 sdk|model\.deploy|"
            r"inferenceconfig|inference_config|deploy_configuration|container instances?"),
    },
    error_words=(r"traceback|exception|error|fail|fatal|crash|denied|unauthori[sz]ed|not found|backoff|refused"
                 r"|timed? ?out"),
    error_output=r"traceback|exception:|error:|\berror\b.*:|\bfailed\b",
    informative_words=(
        r"error|exception|fail|fatal|traceback|status|http|denied|unauthori|not found|timeout|"
        r"timed out|insufficient|quota|backoff|crash|killed|oom|memory|cannot|can't|unable|invalid|refused"),
    how_to_words=r"\bhow (?:do|can|to|should)\b|\bis there a way\b|\bcan i\b",
    small_talk_words=(
        r"^\W*(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks?|thank you|how are you|bye)\b|"
        r"how (?:are you|was your)|have a nice|what'?s up"),
    other_products=(
        r"azure functions?|function app|app service|web app|static web app|cosmos|sql database|mysql|"
        r"postgres|mongodb|redis cache|\bnpm\b|\byarn\b|node\.?js|\breact\b|wordpress|"
        r"windows update|\boffice\b|outlook|\bexcel\b|iphone|android|kakao|wechat|"
        r"\baws\b|lambda|\bgcp\b|heroku|vercel|netlify|cloudflare|logic app|service bus|event hub|"
        r"api management|teapot|visual c\+\+|c\+\+ build tools|building wheel|setup\.py|\bgcc\b|cmake|"
        r"\bmaven\b|gradle|\bcargo\b|nuget|\bjdk\b|"
        # other ML services: Amazon's, and Azure ML Studio (classic), retired, with its own web services
        r"sagemaker|services\.azureml\.net|studio \(classic\)|scored probabilities"),
)
