"""Words that place a paste in context: which product family it is about, whether it is
an error report, whether it names another product altogether.

They complement the knowledge entries: entries say what each problem looks like, these
say which deployment style or product a paste comes from. Each language's words live in
its module (`app.matching.languages`); the patterns here join them.
"""
from __future__ import annotations

import re

from app.matching.languages import LANGUAGES, alternation, cue
from app.matching.screen import Screened, screened

_ERR_CODE = r"err[ _\-]?\d{4}"
"""A code of the knowledge, in any language's paste."""

_FAMILIES = dict.fromkeys(family for lang in LANGUAGES for family in lang.family_words)
FAMILY_CUES = {family: re.compile(alternation(lang.family_words.get(family, "") for lang in LANGUAGES))
               for family in _FAMILIES}
FAMILY_MARKERS = {family: re.compile(alternation(lang.family_markers.get(family, "") for lang in LANGUAGES))
                  for family in _FAMILIES if any(family in lang.family_markers for lang in LANGUAGES)}
ERROR_CONTEXT = cue("error_words", _ERR_CODE, flags=re.IGNORECASE)
_TOOL_REPORT = r"(?<![\w/.])os: (?:win32|darwin)(?!\w)"
"""The platform line of an editor extension's error report (`Action: ... Error type: ... Version: 0.30.0
OS: win32`, Node's platform names): the tool's own error, not a deployment's."""
OFF_DOMAIN = cue("other_products", _TOOL_REPORT)
CLIENT_APP = cue("client_apps")
_COMPOSE_LOG = r"(?m:^[a-z][\w.-]*[_-]\d+ +\| )"
"""The prefix docker-compose writes before each line of a service's output (`web_1  | `): the app runs under
compose, not in an Azure ML deployment."""
OTHER_SERVING = cue("other_serving", _COMPOSE_LOG)
AZURE_ML = cue("azure_ml_words")
# Asking how to do something, rather than pasting what went wrong.
HOW_TO_QUESTION = cue("how_to_words", flags=re.IGNORECASE)
ASKS_WHERE = cue("where_words", flags=re.IGNORECASE)
ERROR_OUTPUT = cue("error_output", r"err_\d{4}", flags=re.IGNORECASE)
SMALL_TALK = cue("small_talk_words", flags=re.IGNORECASE)
SUBJECTS = {concept: re.compile(alternation(lang.subject_terms.get(concept, "") for lang in LANGUAGES))
            for concept in dict.fromkeys(concept for lang in LANGUAGES for concept in lang.subject_terms)}
"""Each deployment feature a question may ask about (`Language.subject_terms`), in the words of every language."""
# what the functions below read pastes with: the same cues, screened first (`app.matching.screen`)
_FAMILY_CUES, _FAMILY_MARKERS, _SUBJECTS = screened(FAMILY_CUES), screened(FAMILY_MARKERS), screened(SUBJECTS)
_OTHER_SERVING, _AZURE_ML = Screened(OTHER_SERVING), Screened(AZURE_ML)


def families_in(text: str) -> set[str]:
    """The product families a normalised paste explicitly mentions."""
    return {family for family, family_cue in _FAMILY_CUES.items() if family_cue.search(text)}


def subjects_named(text: str) -> set[str]:
    """The deployment features (`SUBJECTS`) a folded text names."""
    return {concept for concept, words in _SUBJECTS.items() if words.search(text)}


def families_marked(text: str) -> set[str]:
    """The families whose SDK/CLI generation a normalised paste shows beyond doubt (`family_markers`)."""
    return {family for family, marker in _FAMILY_MARKERS.items() if marker.search(text)}


def other_serving(text: str) -> bool:
    """Whether a folded paste is about another way of serving a model (`other_serving`) and, besides the other
    product's own name (Azure Machine Learning Studio (classic)) or the user's word that it is not Azure ML's, names
    neither Azure ML itself (`azure_ml_words`) nor what only an Azure ML SDK/CLI generation writes (`families_marked`)."""
    if not _OTHER_SERVING.search(text):
        return False
    return not names_azure_ml(OTHER_SERVING.sub(" ", text))


def names_azure_ml(text: str) -> bool:
    """Whether a folded text names Azure ML itself (`azure_ml_words`) or writes what only one of its SDK/CLI
    generations writes (`families_marked`)."""
    return bool(_AZURE_ML.search(text)) or bool(families_marked(text))
