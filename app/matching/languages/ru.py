"""Russian, and the Cyrillic script.

Words are stemmed (Snowball) and cut to seven letters: Russian endings vary a lot
(`перезапуск`, `перезапускается`) and the cut joins forms Snowball keeps apart
(`развертывание`, `развертывать`). Hyphenated words count by part.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from app.matching.languages.base import Language, snowball, synonym_features

PREFIX = "r"
STEM_LENGTH = 7

STOPWORDS = frozenset([
    "и", "в", "во", "не", "на", "я", "что", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но",
    "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня",
    "еще", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже", "или",
    "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом",
    "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для", "мы", "тебя", "их",
    "чем", "была", "сам", "чтоб", "без", "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж",
    "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем", "ним", "здесь", "этом", "один",
    "почти", "мой", "тем", "чтобы", "нее", "сейчас", "были", "куда", "зачем", "всех", "никогда", "можно",
    "при", "наконец", "два", "об", "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас",
    "про", "всего", "них", "какая", "много", "разве", "три", "эту", "моя", "впрочем", "хорошо", "свою",
    "этой", "перед", "иногда", "лучше", "чуть", "том", "нельзя", "такой", "им", "более", "всегда",
    "конечно", "всю", "между", "это", "почему"
])

# Words users type for a concept the knowledge names differently; each maps to the
# knowledge's word, so "сервис" finds "служба".
SYNONYMS = {
    "сервис": "служба", "сервиса": "служба", "сервисе": "служба", "сервисом": "служба",
    "деплой": "развертывание", "деплоя": "развертывание", "деплое": "развертывание",
    "задеплоить": "развернуть", "задеплоил": "развернуть", "выкатить": "развернуть",
    "эндпоинт": "конечная", "эндпоинта": "конечная", "эндпойнт": "конечная",
    "снести": "удалить", "грохнуть": "удалить",
    "логи": "журнал", "логов": "журнал", "лог": "журнал",
    "ядер": "ядра",
    "ребут": "перезапуск", "перезагружается": "перезапускается",
}

_STEMMER = snowball("russian")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball, then the seven-letter cut."""
    return _STEMMER.stemWord(word)[:STEM_LENGTH]


_SYNONYM_FEATURES = synonym_features(PREFIX, SYNONYMS, stem)


def word_features(token: str) -> list[str]:
    found = []
    for part in token.split("-"):
        if part in STOPWORDS or len(part) <= 1:
            continue
        feature = f"{PREFIX}:{stem(part)}"
        found.append(_SYNONYM_FEATURES.get(feature, feature))
    return found


def detect(text: str, counts: Mapping[str, int]) -> bool:
    return counts["ru"] >= 2


LANGUAGE = Language(
    code="ru",
    script="cyrillic",
    prefix=PREFIX,
    token=r"[а-яё]+(?:-[а-яё]+)*",
    word_features=word_features,
    spaced=True,
    letters=r"[\u0400-\u04ff]",
    detect=detect,
    synonyms=SYNONYMS,
    status_before=(r"код(?:ом)?(?: состояния| ответа)?|статус(?:ом)?|ошибк[аиуое]|ошибкой|отвечает|возвращает"
                   r"|вернул[аио]?|получаю|выдает|выдаёт"),
    status_after=r"ошибк\w*|статус\w*|код\w*|ответ\w*",
    family_words={
        "managed-online-endpoints": r"управляем\w*|онлайн-?\w*",
        "batch-endpoints": r"пакетн\w*",
        "docker-aci-aks": r"веб-?служб\w*|веб-?сервис\w*",
    },
    error_words=r"ошибк|исключени|сбой|упал|падает",
    informative_words=r"ошибк|сбой|не удалось",
    how_to_words=r"\bкак\b|каким образом|можно ли",
    small_talk_words=(r"^\W*(?:привет|здравствуй|добр\w+ (?:утро|день|вечер)|спасибо)|как дела"
                      r"|как прошл\w* выходн|погод"),
)
