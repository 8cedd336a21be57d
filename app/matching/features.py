"""Turning normalised text into comparable features, for all four languages.

Latin and Cyrillic words are stemmed (Russian endings vary a lot: `перезапуск`,
`перезапускается`); compound identifiers (`request_timeout_ms`, `nvidia.com/gpu`)
count whole and by part. Chinese and Korean are written without spaces between
words (or with particles glued to them), so they are compared by character bigrams.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

import snowballstemmer

LATIN = "w"
CYRILLIC = "r"
HANGUL = "k"
HAN = "h"

_TOKEN = re.compile(
    r"(?P<latin>[a-z0-9]+(?:[._\-/'][a-z0-9]+)*)"
    r"|(?P<cyrillic>[а-яё]+(?:-[а-яё]+)*)"
    r"|(?P<hangul>[\uac00-\ud7a3]+)"
    r"|(?P<han>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")
_PARTS = re.compile(r"[._\-/']")
# HTTP statuses are evidence of their own (extract.py); as words they would make every
# "HTTP/1.1 <status>" alias look alike.
_STATUS_NUMBER = re.compile(r"^[2-5]\d\d$")

STOPWORDS = frozenset(["a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "not", "no", "yes", "just", "also", "very", "too", "only", "even", "still", "again", "ever", "any", "some", "all", "each", "every", "more", "most", "much", "many", "other", "such", "own", "same", "than", "about", "over", "under", "up", "down", "out", "off", "s", "t", "d", "ll", "m", "re", "ve", "y", "get", "got", "gets", "please", "help", "thanks", "thank", "hi", "hello", "hey", "ok", "okay", "like", "want", "need", "tried", "try", "trying", "now", "after", "before", "because", "while", "i'm", "it's", "don't", "doesn't", "didn't", "can't", "isn't", "what's", "there's", "и", "в", "во", "не", "на", "я", "что", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня", "еще", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже", "или", "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для", "мы", "тебя", "их", "чем", "была", "сам", "чтоб", "без", "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж", "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем", "ним", "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "сейчас", "были", "куда", "зачем", "всех", "никогда", "можно", "при", "наконец", "два", "об", "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас", "про", "всего", "них", "какая", "много", "разве", "три", "эту", "моя", "впрочем", "хорошо", "свою", "этой", "перед", "иногда", "лучше", "чуть", "том", "нельзя", "такой", "им", "более", "всегда", "конечно", "всю", "между", "это", "мой", "меня", "почему", "что-то"])


class _Stemmer(Protocol):
    """What is used of a Snowball stemmer (the package ships no type information)."""

    def stemWord(self, word: str) -> str: ...


def _stemmer(language: str) -> _Stemmer:
    stemmer: _Stemmer = snowballstemmer.stemmer(language)
    return stemmer


_EN = _stemmer("english")
_RU = _stemmer("russian")


def _synonym_stems() -> dict[str, str]:
    """Stem of each user word → stem of the knowledge's word for it."""
    from app.matching.lexicon import SYNONYMS

    table = {}
    for word, canonical in SYNONYMS["en"].items():
        table[f"{LATIN}:{_EN.stemWord(word)}"] = f"{LATIN}:{_EN.stemWord(canonical)}"
    for word, canonical in SYNONYMS["ru"].items():
        table[f"{CYRILLIC}:{_RU.stemWord(word)[:7]}"] = f"{CYRILLIC}:{_RU.stemWord(canonical)[:7]}"
    return table


_SYNONYM_STEMS = _synonym_stems()


@lru_cache(maxsize=65536)
def stem_latin(word: str) -> str:
    return _EN.stemWord(word) if word.isalpha() else word


@lru_cache(maxsize=65536)
def stem_cyrillic(word: str) -> str:
    """Snowball, then a 7-letter cut: it joins forms Snowball keeps apart (развертывание/развертывать)."""
    return _RU.stemWord(word)[:7]


# Grammar endings and question words of everyday Korean and Chinese: as bigrams they
# would tie any two chatty sentences together.
STOP_BIGRAMS = frozenset(["어떻", "떻게", "해요", "어요", "아요", "세요", "니다", "습니", "있어", "없어", "데요", "는데", "인데", "에서", "으로", "하고", "해서", "돼요", "되요", "나요", "까요", "할까", "건가", "는지", "은지", "예요", "이요", "나와", "와요", "하나", "하면", "되나", "나오", "와서", "려면", "하려", "는게", "이게", "그게", "뭐가", "뭔가", "있나", "없나", "같아", "같은", "아서", "어서", "지만", "어야", "아야", "해야", "봐요", "싶어", "어디", "디서", "왜요", "제가", "저는", "내가", "있다", "다고", "라고", "는다", "什么", "怎么", "为什", "么样", "我的", "一个", "这个", "那个", "可以", "是不", "不是", "时候", "一下", "一直", "还是", "但是", "如果", "需要", "应该", "怎样", "如何", "我们", "你们", "他们", "已经", "就是", "这样", "那样", "没有", "有没", "了吗", "的时", "是什", "要怎", "该怎", "请问", "一些", "为啥"])
UNIGRAM = "1"


def _bigrams(prefix: str, run: str) -> list[str]:
    """Character bigrams, plus single characters as a weaker feature: a conjugated Korean
    verb (끝났는데) or a one-character Chinese word keeps its first syllable, not its bigrams."""
    grams = [f"{prefix}{UNIGRAM}:{char}" for char in run]
    grams += [f"{prefix}:{run[i:i + 2]}" for i in range(len(run) - 1) if run[i:i + 2] not in STOP_BIGRAMS]
    return grams


def _canonical(feature: str) -> str:
    return _SYNONYM_STEMS.get(feature, feature)


def tokens(text: str) -> list[tuple[str, str]]:
    """(script, token) pairs in order; the text is expected to be normalised already."""
    out = []
    for match in _TOKEN.finditer(text):
        out.append((match.lastgroup or "", match.group(0)))
    return out


def word_features(script: str, token: str) -> list[str]:
    """Features of one token; stop words give none."""
    if script == "latin":
        parts = [p for p in _PARTS.split(token) if p]
        found = []
        if sum(part.isalpha() for part in parts) >= 2:
            found.append(f"{LATIN}:{token}")
        for part in parts:
            if part in STOPWORDS or len(part) < 2 or _STATUS_NUMBER.match(part):
                continue
            found.append(_canonical(f"{LATIN}:{stem_latin(part)}"))
        return found
    if script == "cyrillic":
        return [_canonical(f"{CYRILLIC}:{stem_cyrillic(p)}") for p in token.split("-")
                if p not in STOPWORDS and len(p) > 1]
    if script == "hangul":
        return _bigrams(HANGUL, token)
    if script == "han":
        return _bigrams(HAN, token)
    return []


def features(text: str) -> list[str]:
    """All features of a normalised text, in order, with repeats."""
    out: list[str] = []
    for script, token in tokens(text):
        out.extend(word_features(script, token))
    return out
