"""The registry of languages: one module per language, each complete and well formed, so a new
language is a new module and a line in `LANGUAGES`."""
import re
from dataclasses import fields
from typing import get_args

import pytest

from app.knowledge.model import FAMILIES, Lang
from app.matching.features import features, tokens
from app.matching.languages import BY_SCRIPT, DETECTION_ORDER, LANGUAGES, Language
from app.matching.normalize import normalize

CUE_FIELDS = ["status_before", "status_after", "error_words", "error_output", "informative_words", "how_to_words",
              "where_words", "small_talk_words", "other_products", "client_apps", "count_words", "status_joiners",
              "other_serving", "azure_ml_words"]
NAMES = {"code", "script", "prefix", "token", "letters"}
IDS = [lang.code for lang in LANGUAGES]


def test_the_registry_reads_every_language_of_the_knowledge():
    assert sorted(IDS) == sorted(get_args(Lang))


def test_each_language_has_its_own_script_and_feature_prefix():
    assert len(BY_SCRIPT) == len({lang.prefix for lang in LANGUAGES}) == len(LANGUAGES)


def test_detection_asks_the_fallback_language_last():
    assert [lang.fallback for lang in DETECTION_ORDER] == sorted(lang.fallback for lang in LANGUAGES)
    assert DETECTION_ORDER[-1].code == "en"


def test_every_text_field_is_a_name_or_a_cue_checked_here():
    assert {f.name for f in fields(Language) if f.type == "str"} == NAMES | set(CUE_FIELDS)


CUES = [pytest.param(getattr(lang, name), id=f"{lang.code}-{name}")
        for lang in LANGUAGES for name in CUE_FIELDS if getattr(lang, name)]
CUES += [pytest.param(words, id=f"{lang.code}-{family}") for lang in LANGUAGES
         for family, words in lang.family_words.items()]
CUES += [pytest.param(words, id=f"{lang.code}-subject-{concept}") for lang in LANGUAGES
         for concept, words in lang.subject_terms.items()]


@pytest.mark.parametrize("words", CUES)
def test_cue_words_are_well_formed_alternations(words):
    """A stray `|` would make a joined cue match everything; a capital letter could never match folded text."""
    cue = re.compile(words)
    assert cue.search("") is None and cue.search("zebra quilt") is None
    literal = re.sub(r"\\.", "", words)
    assert literal == literal.casefold()


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_family_words_name_knowledge_families(lang):
    assert set(lang.family_words) <= set(FAMILIES)


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_a_token_of_the_script_is_named_by_it(lang):
    sample = {"latin": "deploy", "cyrillic": "развертывание", "hangul": "배포", "han": "部署"}[lang.script]
    assert tokens(sample) == [(lang.script, sample)]
    assert all(feature.startswith(lang.prefix) for feature in features(sample))


# --- synonym tables ---------------------------------------------------------------------

ROWS = [pytest.param(lang, word, target, id=f"{lang.code}-{word}")
        for lang in LANGUAGES for word, target in lang.synonyms.items()]


def test_only_languages_that_stem_have_synonyms():
    """Korean and Chinese are compared by character grams: a word table would never be consulted."""
    assert {lang.code for lang in LANGUAGES if lang.synonyms} == {lang.code for lang in LANGUAGES if lang.spaced}


@pytest.mark.parametrize("lang,word,target", ROWS)
def test_synonym_rows_are_single_words_of_their_language(lang, word, target):
    """A Latin word in the Russian table would become a `w:` feature and never meet its row."""
    assert tokens(word) == [(lang.script, word)] and tokens(target) == [(lang.script, target)]


@pytest.mark.parametrize("lang,word,target", ROWS)
def test_every_synonym_row_makes_the_word_meet_its_target(lang, word, target):
    assert features(normalize(word)) == features(normalize(target)) != []


@pytest.mark.parametrize("lang,target", sorted({(lang.code, target) for lang in LANGUAGES
                                                for target in lang.synonyms.values()}))
def test_knowledge_words_are_kept_as_they_are(lang, target):
    """One hop only: a target that were itself a user word would send queries somewhere else again."""
    language = next(item for item in LANGUAGES if item.code == lang)
    assert target not in language.synonyms
