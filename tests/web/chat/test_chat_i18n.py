"""Interface strings: every language has every string, with the same placeholders."""
from __future__ import annotations

import re
import string

import pytest

from app.i18n import LANGUAGE_NAMES, STRINGS, t
from app.knowledge.model import LANGS

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_every_string_exists_in_every_language(lang):
    """A missing key would show up as a blank label in that language only."""
    assert set(STRINGS[lang]) == set(STRINGS["en"])
    assert all(value.strip() for value in STRINGS[lang].values())


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_translations_keep_the_placeholders(lang):
    """`{title}` translated away would drop the title from the sentence."""
    for key, english in STRINGS["en"].items():
        assert set(PLACEHOLDER.findall(STRINGS[lang][key])) == set(PLACEHOLDER.findall(english)), key


def test_strings_use_only_named_placeholders():
    """The page's script fills `{name}` only; positional or formatted fields would stay raw."""
    for table in STRINGS.values():
        for value in table.values():
            fields = [field for _, field, _, _ in string.Formatter().parse(value) if field is not None]
            assert all(field.isidentifier() for field in fields), value


def test_switcher_names_each_language_in_itself():
    assert LANGUAGE_NAMES == {"en": "English", "ko": "한국어", "zh": "中文", "ru": "Русский"}


def test_unknown_language_falls_back_to_english():
    assert t("xx", "send") == "Send"
