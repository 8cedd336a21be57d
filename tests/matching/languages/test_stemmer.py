"""The compiled stemmer must stem exactly as the pure-Python Snowball algorithms the knowledge was tuned with."""
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from snowballstemmer import english_stemmer, russian_stemmer

from app.matching.languages.base import snowball

ROOT = Path(__file__).resolve().parents[3]
PURE = {"english": english_stemmer.EnglishStemmer, "russian": russian_stemmer.RussianStemmer}


def knowledge_words(script: str) -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "knowledge" / "entries").rglob("*.yaml"))
    return sorted(set(re.findall(script, text.casefold())))


def test_the_compiled_stemmer_is_in_use():
    """Without it every index build and every paste's new words cost fifteen times more (requirements.txt)."""
    assert type(snowball("english")).__module__ == "Stemmer"


@pytest.mark.parametrize("language, script", [("english", r"[a-z]+"), ("russian", r"[а-яё]+")])
def test_every_word_of_the_knowledge_stems_as_the_pure_algorithm_stems_it(language, script):
    pure, used = PURE[language](), snowball(language)
    words = knowledge_words(script)
    assert len(words) > 500
    assert [used.stemWord(word) for word in words] == [pure.stemWord(word) for word in words]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя'-", min_size=1, max_size=20))
def test_any_word_stems_alike(word):
    for language, pure in PURE.items():
        assert snowball(language).stemWord(word) == pure().stemWord(word)
