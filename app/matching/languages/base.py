"""What a language module gives the matcher, and the helpers several of them share.

A language owns one script of the paste: how its words are cut into tokens and features
(stems, stop words, synonyms, character grams), how its letters say a paste is written in
it, and the words of its speakers that the matcher's cues look for (HTTP status context,
error reports, how-to questions, small talk, deployment families). Every field is data or
a pure function; the registry (`app.matching.languages`) joins them for the matcher.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import snowballstemmer

UNIGRAM = "1"
"""Marks a single-character feature of a script compared by character grams (`k1:배`)."""

WORD_END = r"(?![a-z0-9_])"
"""Ends a Latin cue where a word ends: no ASCII letter, digit or underscore follows."""


@dataclass(frozen=True)
class NeighbourCues:
    """A language's words for one of Azure ML's neighbouring topics (`app.matching.neighbours`):
    `strong` ones are conclusive alone, `cues` need company. Each entry is a regular expression
    for folded text that starts with a literal character; its top-level `|` variants count as one cue."""

    strong: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    concepts: Mapping[str, str] = field(default_factory=dict)
    """Cues for a concept a deployment paste shares (its environment, its image build), by name:
    the words of every language for one concept count as one cue, so `conda 环境` is one hit."""


class Stemmer(Protocol):
    """What is used of a Snowball stemmer (the package ships no type information)."""

    def stemWord(self, word: str) -> str: ...


def snowball(language: str) -> Stemmer:
    """The language's Snowball stemmer: PyStemmer's compiled one when installed (snowballstemmer picks it),
    which stems as the pure-Python algorithms do at a fifteenth of the cost (building the index stems every word
    of the knowledge; a paste's new words are stemmed per request)."""
    stemmer: Stemmer = snowballstemmer.stemmer(language)
    if hasattr(stemmer, "maxCacheSize"):
        # PyStemmer's own cache of 10,000 words is a second one beside each language's `stem` cache, and one
        # `clear_word_caches` cannot empty: filled while the index builds, it kept about a hundred megabytes of the
        # build's heap from being given back at 100x knowledge (its words sit among the build's freed objects)
        stemmer.maxCacheSize = 0
    return stemmer


def char_grams(prefix: str, run: str, stop_bigrams: frozenset[str]) -> list[str]:
    """Character bigrams, plus single characters as a weaker feature: a conjugated Korean
    verb (끝났는데) or a one-character Chinese word keeps its first syllable, not its bigrams."""
    grams = [f"{prefix}{UNIGRAM}:{char}" for char in run]
    grams += [f"{prefix}:{run[i:i + 2]}" for i in range(len(run) - 1) if run[i:i + 2] not in stop_bigrams]
    return grams


def synonym_features(prefix: str, synonyms: Mapping[str, str], stem: Callable[[str], str]) -> dict[str, str]:
    """Feature of each user word → feature of the knowledge's word for it, both stemmed."""
    return {f"{prefix}:{stem(word)}": f"{prefix}:{stem(canonical)}" for word, canonical in synonyms.items()}


@dataclass(frozen=True)
class Language:
    """One language's share of the matcher. Cue fields are regular-expression alternations
    written for folded (NFKC, lower-case) text; an empty one contributes nothing."""

    code: str                                   # the knowledge's language code: "en", "ko", ...
    script: str                                 # name of its tokens' script: "latin", "hangul", ...
    prefix: str                                 # feature prefix, unique per script: "w", "k", ...
    token: str                                  # regex of one token of the script in normalised text
    word_features: Callable[[str], list[str]]   # features of one token; stop words give none
    spaced: bool                                # words between spaces: typos are corrected word by word
    detect: Callable[[str, Mapping[str, int]], bool]
    """Whether a paste is in this language, given its text and how many `letters` of each language it has."""
    letters: str = ""                           # character class counted to detect the language
    fallback: bool = False                      # asked last: the language of pastes no script claims
    synonyms: Mapping[str, str] = field(default_factory=dict)  # user's word → the knowledge's word
    status_before: str = ""                     # words before an HTTP status: "returned", "返回", ...
    status_after: str = ""                      # words after it: "error", "떠요", ...
    count_words: str = ""                       # after a number, make it a count: "rows", "条", "строк"
    status_joiners: str = ""                    # words joining statuses of one list: "502 and 503", "502 или 503"
    family_words: Mapping[str, str] = field(default_factory=dict)  # deployment family → its words
    family_markers: Mapping[str, str] = field(default_factory=dict)
    """Deployment family → what only its SDK/CLI generation writes (class names, commands, container
    paths): conclusive alone, where `family_words` (`web service`, `endpoint`) may be said in passing."""
    error_words: str = ""                       # words of an error report
    error_output: str = ""                      # words of pasted error output (not a question)
    informative_words: str = ""                 # words that make a line of a long log worth keeping
    how_to_words: str = ""                      # asking how to do something
    where_words: str = ""
    """Asking where something is (the logs, the file that says why): what a how-to entry answers, even in a
    question that reports a failure."""
    small_talk_words: str = ""                  # greetings, weather, lunch
    other_products: str = ""                    # products that are not Azure ML
    other_serving: str = ""
    """What only another way of serving a model says (docker-compose, `mlflow models serve`, SageMaker, `az webapp`,
    Studio (classic)), or the user's word that the deployment is not Azure ML's: a paste about another product that
    shares the covered knowledge's words (gunicorn, endpoint, 502), so even an entry's literal signature is not its."""
    azure_ml_words: str = ""
    """Words that name Azure ML itself (its name, its online and batch endpoints, its workspace): a paste with them
    is Azure ML's, whatever other product it names (`other_serving`), as a model trained in Databricks and
    deployed to an online endpoint is."""
    client_apps: str = ""
    """Apps that call a deployment (a React page, an Excel sheet, a phone app): another product in a paste
    alone, the endpoint's client in a paste that names the deployment or scoring stage."""
    neighbour_cues: Mapping[str, NeighbourCues] = field(default_factory=dict)
    """Words of Azure ML's neighbouring topics (compute, training, sign-in ...), by topic id."""
    deployment_cues: tuple[str, ...] = ()
    """Words of the covered knowledge's stage: deploying and scoring (endpoints, deployments ...)."""
    subject_terms: Mapping[str, str] = field(default_factory=dict)
    """Features of a deployment that a question may ask about (a custom domain, traffic mirroring, what an
    endpoint costs), by concept: the words of every language for one concept are one subject. A subject that no
    entry's title, cause, alias or signature names is one the knowledge does not cover (`lexicon.SUBJECTS`)."""
    clear_cache: Callable[[], None] = lambda: None
    """Empties the language's cache of words (its stems), if it keeps one: see `clear_word_caches`."""
    mend: Callable[[str], str] | None = None
    """The text with the language's typos that are no words of their own replaced by the words meant (a Chinese
    homophone offered first by the input method), for the encoder and the context; spaced scripts' misspelt words
    are corrected word by word instead."""
