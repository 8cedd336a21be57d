"""The matcher: pasted text in, the entries that fit out, best first, each with a
calibrated 0-100 score and the reasons it was chosen.

Evidence, strongest first: an exact error code, a literal signature or pattern from
real error output, an HTTP status in context, then fuzzy text over titles and
aliases in every language. Scores are calibrated so that one threshold (config)
separates answers from no-answers.
"""
from __future__ import annotations

import builtins
import heapq
import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.matching.extract import HTTP_REASONS, error_codes, http_statuses
from app.matching.features import tokens, word_features
from app.matching.index import KnowledgeIndex, Pattern
from app.matching.language import detect_language
from app.matching.languages import LANGUAGES, SPACED_SCRIPTS, alternation
from app.matching.languages.en import LANGUAGE as ENGLISH
from app.matching.languages.en import TROUBLE_WORDS
from app.matching.lexicon import (
    ASKS_WHERE,
    CLIENT_APP,
    ERROR_CONTEXT,
    ERROR_OUTPUT,
    HOW_TO_QUESTION,
    OFF_DOMAIN,
    SMALL_TALK,
    families_in,
    families_marked,
    names_azure_ml,
    other_serving,
    subjects_named,
)
from app.matching.neighbours import TOPICS, Sighting, Topic, names_deployment, neighbour_topic
from app.matching.normalize import fold, normalize
from app.matching.scoring import ScoringParams, specific_signature
from app.matching.screen import Screened
from app.matching.semantic import Closeness, Encoder, SemanticIndex, doubt_words

CODE_ORDER_STEP = 0.5         # each later code in a paste counts a little less than the first
CODE_ORDER_MAX = 4            # ... down to the fifth
SEMANTIC_QUERY_CHARS = 200
"""The encoder reads the start of the (normalised) paste: the question or the first error lines
carry the meaning, and a long log would cost tens of milliseconds for nothing."""
_OTHER_PRODUCT_TOPICS = frozenset({"azure-openai"})
_OTHER_PRODUCT_MARKS = tuple(Screened(topic.strong) for topic in TOPICS if topic.id in _OTHER_PRODUCT_TOPICS)
"""Strong cues of the neighbouring topics that are other products with deployments of their own (Azure OpenAI's
`gpt-4o` deployment): one names the paste's product even next to the word `deployment`."""
TOKEN_CACHE_SIZE = 16384
"""Tokens whose correction, and features whose id and weight, a matcher remembers: the same words come
back paste after paste, and finding the known word a token resembles (an edit-distance search) or a
feature in the index's hash buckets is most of what reading a paste's words costs. (Also: tokens' features,
and the phrases whose kind, language and text a reason names.)"""
PYTHON_SUMS = 4096
"""Postings numbers `_sums` adds in Python; longer postings (at 100x knowledge) are summed in numpy."""
_ERROR_CONTEXT, _ERROR_OUTPUT, _HOW_TO_QUESTION, _ASKS_WHERE, _OFF_DOMAIN, _SMALL_TALK, _CLIENT_APP = map(
    Screened, (ERROR_CONTEXT, ERROR_OUTPUT, HOW_TO_QUESTION, ASKS_WHERE, OFF_DOMAIN, SMALL_TALK, CLIENT_APP))
"""The lexicon's cues as the matcher reads a paste with them: screened first (`app.matching.screen`)."""
_TROUBLE = Screened(re.compile(TROUBLE_WORDS))
"""How an English report tells a problem without an error word (`languages.en.TROUBLE_WORDS`), screened too."""
_UNSPACED_OR_CYRILLIC = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
"""Letters of the other languages' scripts: a report in them may tell its problem in words `TROUBLE_WORDS` (English)
does not know, so it is never taken for a report without a failure."""
SEMANTIC_DECIDED_BY = ("code", "signature", "pattern")
"""Evidence exact enough that the semantic layer is not asked at all."""
EXACT_LINES = ("signature", "pattern")
"""Evidence that quotes a line of the paste's output."""
OLDER_GENERATION = "docker-aci-aks"
"""SDK/CLI v1 web services: a log line both generations write (gunicorn's `Worker failed to boot`) in a paste
that names no family is more likely today's endpoint's, as new deployments are v2."""
V1_SERVER_FRAME = re.compile(r"/var/azureml-server/")
"""A traceback frame in the v1 web service image's own server code (`/var/azureml-server/aml_blueprint.py`), read in
the paste before normalising strips paths: where the failure ran, so a paste that names no family by its words is the
v1 web service's. (Only then: early v2 endpoint images ran that server too, and a paste naming its endpoint says so.)"""
_ENDPOINT_WORD = re.compile(r"(?<![a-z])endpoints?(?![a-z])")
"""An endpoint named in words: v2's (and its early previews' `az ml endpoint`), whose images ran that server too."""

_ERROR_NAME = re.compile(r"\(([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)\)|(?i:code)\"?\s*[:=]\s*\"?([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)\b"
                         r"|(?m:^[\s`>*_]*((?:[A-Z][a-z0-9]+)+(?:Failed|Failure|NotFound|NotValid|Invalid|Forbidden|Denied"
                         r"|TimedOut|Exceeded|Unavailable|Error)):\s)")
"""An error's name as services print it: `(ImageBuildFailure) ...`, `Code: OutOfQuota`, `"code": "NotFound"`,
or leading a line when it says what failed (`JobSetupFailed: ...`; not a log's field, `RequestId: ...`)."""
GENERIC_ERROR_NAMES = frozenset({
    "badrequest", "notfound", "unauthorized", "forbidden", "conflict", "internalservererror", "internalerror",
    "serviceerror", "usererror", "systemerror", "serviceunavailable", "gatewaytimeout", "requesttimeout",
    "toomanyrequests", "validationerror", "badargument", "invalidrequest", "operationfailed", "deploymentfailed",
    # the exceptions Azure SDKs raise for any failed request, whatever the service's own error
    "httpresponseerror", "resourcenotfounderror", "resourceexistserror", "resourcemodifiederror", "azurehttperror",
    "notfounderror", "serviceresponseerror", "servicerequesterror", "clientauthenticationerror",
})
"""Names that wrap the real one (`(BadRequest) ... (NotSupported)`): they say nothing of the cause."""
PYTHON_EXCEPTIONS = frozenset(name.casefold() for name in dir(builtins) if name.endswith(("Error", "Exception")))
"""`KeyError:`, `ModuleNotFoundError:` start a traceback's last line whatever went wrong: no service's error name."""
LATIN = ENGLISH.script
"""The script of English, and of the terms other languages' users write as they are."""
SWAP_SLIP_LETTERS = 6
"""The shortest known word read as a swap's slip: in shorter ones, two swapped letters often spell another
real word (`exits`, `exist`)."""
COMMON_SPELLING_GAP = 2.0
"""IDF by which a known spelling must be rarer than its swap to be read as the swap's slip."""
UNKNOWN_TERM_LETTERS = 3
"""A Latin word this long may be a term (`IoT`, `WSL`); shorter ones are units and particles."""
_IDENTIFIER = re.compile(r"(?:[A-Z][a-z0-9]+){2,}")
"""A CamelCase name (`UnsupportedInputData`): an error or class name the paste quotes, not a term it asks about."""
_REGION_AREAS = ("us|europe|asia|india|japan|korea|australia|canada|france|germany|uk|brazil|uae|switzerland|norway"
                 "|sweden|italy|poland|spain|israel|qatar|mexico")
_AZURE_REGION = re.compile(
    r"(?<![a-z])(?:(?:(?:north|south|west)?central|(?:north|south)?east|(?:north|south)?west|north|south) ?)+"
    rf"(?:{_REGION_AREAS}|africa)(?: ?\d)?(?![a-z])"
    rf"|(?<![a-z])(?:{_REGION_AREAS}|south ?africa) ?(?:(?:north|south|east|west|central) ?){{1,2}}"
    r"(?: ?\d)?(?![a-z])")
"""An Azure region as users write it (`East US 2`, `Korea Central`, `westeurope`): where the resource is, the
setting of a question, not a term it asks about."""
_MENDERS = tuple(lang.mend for lang in LANGUAGES if lang.mend is not None)
"""The languages' typo menders (`Language.mend`), run on a text that is not plain ASCII."""
_JOINERS = [word for lang in LANGUAGES for word in lang.status_joiners.split("|") if word]
_LATIN_TERM = r"[a-z][a-z0-9.+\-]*"
_LIST_JOINER = (rf"[ \t]*(?:[,，、/&+]|(?<![a-z])(?:{alternation(w for w in _JOINERS if w.isascii())})(?![a-z])"
                rf"|{alternation(w for w in _JOINERS if not w.isascii())})[ \t]*")
_LISTED_TERMS = re.compile(rf"{_LATIN_TERM}(?:{_LIST_JOINER}{_LATIN_TERM})+")
"""Latin words listed together (`pandas 和 lightgbm`, `pytorch, cuda`): the packages and tools of the user's stack,
the setting of a question, not its subject."""
_STATUS_WORD = re.compile(r"[1-5]\d\d")
"""A paste's token that may be an HTTP status."""
_REASON_PHRASES = tuple((f" {phrase} ", str(status)) for status, phrases in HTTP_REASONS.items()
                        for phrase in phrases.split("|"))
"""Each status's reason phrases, spaced to be found as whole words in a paste's joined tokens."""
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
_INFORMATIVE_LINE = re.compile(
    alternation([r"err[ _\-]?\d", *(lang.informative_words for lang in LANGUAGES)]), re.IGNORECASE)


@dataclass(frozen=True)
class _Hit:
    """A signature or pattern hit that other entries' titles name (`index.cases`)."""

    kind: str
    """`signature` or `pattern`: which of the index's lists `number` is in."""
    number: int
    score: float
    reason: str


WORD_REASONS = ("alias", "title", "fuzzy_text")
"""The reasons `_text_evidence` gives."""


@dataclass
class Match:
    id: str
    score: float
    reasons: list[dict[str, Any]]


@dataclass
class MatchResult:
    matches: list[Match]
    query_lang: str | None
    codes: list[str]
    http_statuses: list[int]
    ambiguous: bool
    truncated: bool
    out_of_scope: Topic | None = None
    candidates: list[Match] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage (normalise, candidates, semantic, score), for the metrics."""


class _StageClock:
    """Time between laps, by stage name."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages[stage] = now - self.last
        self.last = now


@dataclass(frozen=True)
class _Context:
    """What the whole paste says, read once: it decides the discounts every candidate gets."""

    known_codes: bool
    unknown_code: bool
    known_status: bool
    unknown_status: bool
    unknown_error_name: bool
    """The paste names its error (`(MissingDriverProgram)`), and no entry knows that name."""
    off_domain: bool
    how_to: bool
    error_report: bool
    families: frozenset[str]
    marked_family: str | None
    """The one family whose SDK/CLI generation the paste shows beyond doubt (`family_markers`)."""
    sighting: Sighting | None
    error_names: frozenset[str] = frozenset()
    """The specific error names the paste prints as its error (`(ImageBuildComputeNotValid)`), case-folded."""
    unknown_term: bool = False
    """A question in another script names a Latin term no entry uses (`_names_unknown_term`)."""
    uncovered_subject: bool = False
    """A question names a feature of deployments that no entry names (`index.uncovered_subjects`)."""
    question: bool = False
    """Written, not pasted: no error output, short enough for the encoder to read whole (`SEMANTIC_QUERY_CHARS`)."""
    failure_question: bool = False
    """A question that reports a failure in words (`error_words`) and asks neither how to do something nor where
    something is: it wants the cause and the fix, which a how-to entry is not."""
    other_product: bool = False
    """The paste is about another product's model serving (`lexicon.other_serving`), or beyond doubt about Azure
    OpenAI (a strong cue of its topic), and names no part of Azure ML: even an entry's signature is not its."""
    long_paste: bool = False
    """The paste is a report or a log of several lines past what the encoder reads: see `ScoringParams.long_paste_words`."""
    long_report: bool = False
    """A long English paste that tells no failure (no error words, no `TROUBLE_WORDS`): a discussion or a request,
    see `ScoringParams.long_report_words`."""
    error_context: bool = False
    """The paste reports a failure (`lexicon.ERROR_CONTEXT`): a how-to entry's command quoted there shows what the
    user ran, not what went wrong (`_signature_hit`)."""

    def names_error_of(self, reasons: list[dict[str, Any]]) -> bool:
        """Whether one of an entry's signature hits is an error name the paste prints as its error: the
        service's own name for what went wrong, as specific as a sentence of its output."""
        return any(reason["type"] == "signature" and str(reason["value"]).casefold() in self.error_names
                   for reason in reasons)

    @property
    def topic(self) -> Topic | None:
        return self.sighting.topic if self.sighting else None

    def shared_discount(self, params: ScoringParams) -> float:
        """The product of the discounts any candidate without exact evidence gets, whatever its entry:
        an upper bound of what is left of its score (entry-specific discounts only lower it)."""
        factor = params.off_domain if self.off_domain else 1.0
        factor *= params.other_product if self.other_product else 1.0
        factor *= params.unknown_code if self.unknown_code else 1.0
        factor *= params.unknown_status if self.unknown_status else 1.0
        # an entry that says the neighbour's words itself may escape its discount in a deployment's paste
        factor *= params.neighbour if self.sighting is not None \
            and (self.sighting.conclusive or self.sighting.outside_deployment) else 1.0
        return factor


@dataclass
class _Evidence:
    code: float = 0.0
    status: float = 0.0
    signature: float = 0.0
    text: float = 0.0
    explained: float = 1.0  # the share of the question's word weight the entry's words explain
    semantic: float = 0.0
    reasons: list[dict[str, Any]] = field(default_factory=list)

    def wording(self, params: ScoringParams, semantic: float | None = None) -> float:
        """Words and meaning are two views of the same text: the stronger counts, the weaker adds a share.
        (`semantic`: as if the meaning were that strong.)"""
        return _wording(self.text, self.semantic if semantic is None else semantic, params)

    def combined(self, params: ScoringParams, semantic: float | None = None) -> float:
        """Independent kinds of evidence reinforce each other, never past 100. Kinds with no evidence
        are left out: each would add `0.0` to the (float) score, which leaves it as it is."""
        wording = min(self.wording(params, semantic), 100.0)
        if not (self.code or self.signature or self.status):  # most candidates: words or meaning alone
            return wording
        parts = [part for part in (self.code, self.signature, self.status, wording) if part]
        parts.sort(reverse=True)
        score = float(parts[0])
        for part in parts[1:]:
            score += (100.0 - score) * params.reinforcement * part / 100.0
        return min(score, 100.0)


def _wording(text: float, semantic: float, params: ScoringParams) -> float:
    """`_Evidence.wording` (the comparison instead of max and min: the same floats, fewer calls)."""
    if text >= semantic:
        return text + params.semantic_agreement * semantic
    return semantic + params.semantic_agreement * text


def informative_part(text: str, limit: int) -> str:
    """For a paste too long to analyse whole: the first lines (the question), then the lines
    with codes and error words, in their original order, within `limit` characters."""
    lines = text.splitlines()
    keep: list[int] = []
    budget = limit
    head = list(range(min(3, len(lines))))
    ranked = head + [i for i, line in enumerate(lines) if i not in head and _INFORMATIVE_LINE.search(line)]
    for i in ranked:
        cost = len(lines[i]) + 1
        if cost > budget:
            continue
        keep.append(i)
        budget -= cost
    if not keep:
        return text[:limit]
    return "\n".join(lines[i] for i in sorted(keep))


_ERROR_IDENTIFIER = re.compile(r"\b[a-z]+(?:error|exception|failure)\b")
"""A word that names an error the way services spell theirs (`secretsinjectionerror`, folded), said anywhere."""


def _error_names(query: str) -> frozenset[str]:
    """The paste's error names as services print them, case-folded, without the generic wrappers."""
    names = {name.casefold() for match in _ERROR_NAME.finditer(query) for name in match.groups() if name}
    return frozenset(names - GENERIC_ERROR_NAMES - PYTHON_EXCEPTIONS)


def _sums(postings: list[Sequence[int]], weights: list[float]) -> dict[int, float]:
    """`_accumulated` as a dict, number -> sum, in the order the postings first meet each number. Up to
    PYTHON_SUMS numbers it adds in a Python loop (numpy's fixed cost per call is most of a short sum's), the
    same additions in the same order, so the same floats to the last bit."""
    if sum(map(len, postings)) > PYTHON_SUMS:
        numbers, sums = _accumulated(postings, weights)
        return dict(zip(numbers.tolist(), sums.tolist(), strict=True))
    found: dict[int, float] = {}
    get = found.get
    for numbers_of, weight in zip(postings, weights, strict=True):
        for number in numbers_of:
            found[number] = get(number, 0.0) + weight
    return found


def _accumulated(postings: list[Sequence[int]], weights: list[float]) -> tuple[Ints, Floats]:
    """Each number of the postings, in the order they first meet it, with the sum of the weights of
    the postings it is in: what `sums[number] += weight` over them gives (bincount adds in the same
    order, so the same floats to the last bit)."""
    if not postings:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    distinct, first, inverse = np.unique(np.concatenate(postings), return_index=True, return_inverse=True)
    sums = np.asarray(np.bincount(inverse, weights=np.repeat(weights, [len(numbers) for numbers in postings])),
                      dtype=np.float64)
    order = np.argsort(first)
    return distinct[order].astype(np.int64), sums[order]


_LATIN_LETTER = re.compile(r"[a-z]")
_CYRILLIC_LETTER = re.compile(r"[а-яё]")


def _corrected_text(text: str, corrections: dict[str, str]) -> str:
    """The text with each misspelt word replaced by the known word it resembles."""
    return re.sub(r"[a-z0-9а-яё._\-/']+", lambda m: corrections.get(m.group(0), m.group(0)), text)


def _slips(corrections: dict[str, str]) -> dict[str, str]:
    """The corrections the encoder may read as meant: a letter left out (`контейнр` → `контейнер`) or two
    swapped (`deplyoment`). A word with one letter more or one other than a known word is often a real word
    of its own (`least`, `seems`, `выход`, `exiting`): the word features keep both spellings, but the
    encoder would read a different word than the one typed."""
    return {typed: known for typed, known in corrections.items()
            if len(known) > len(typed) or sorted(known) == sorted(typed) or _mixes_scripts(typed)}


def _mixes_scripts(word: str) -> bool:
    """A word of Cyrillic and Latin letters both (`реесtр`): a look-alike letter typed in the other keyboard
    layout, never a word of its own."""
    return _LATIN_LETTER.search(word) is not None and _CYRILLIC_LETTER.search(word) is not None


def _swaps(word: str) -> list[str]:
    """The word with two neighbouring letters swapped, at each place: what it was before a slip of the fingers
    (`stpo`: `stop`), which the corrector leaves to words of five letters or more."""
    return [f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2:]}" for i in range(len(word) - 1)]


def _statuses_said(words: list[tuple[str, str]]) -> set[str]:
    """The HTTP statuses a paste writes, as a number or by their reason phrase (`bad gateway`)."""
    said = {token for _, token in words if _STATUS_WORD.fullmatch(token)}
    joined = f" {' '.join(token for _, token in words)} "
    said.update(status for phrase, status in _REASON_PHRASES if phrase in joined)
    return said


def _token_features(script: str, token: str) -> tuple[str, ...]:
    """`word_features` of a token, kept unchangeable (a matcher remembers them, `TOKEN_CACHE_SIZE`)."""
    return tuple(word_features(script, token))


def _says_every_cue(sighting: Sighting, own_cues: Mapping[str, frozenset[int]]) -> bool:
    """Whether an entry says itself every neighbour word of a sighting: a written question whose words are close to
    the entry's own (`semantic_skip_text`) and asks what it answers ("not enough vCPUs for that VM family in my
    subscription"), or a failure told in words in the deployment stage ("Model.deploy fails making the environment
    image", "the batch job can't mount the blob datastore"), names those topics because the entry's problem does.
    (Weaker words are left to the sighting: an entry's own cues are many, a workspace or a storage account in
    passing.) The words of the topic sighted count: another topic's stray word beside them (a batch job
    `preparing` its inputs, `credentials` to pull an image) is not what the sighting is about."""
    topic = sighting.topic.id
    return sighting.cues.get(topic, frozenset()) <= own_cues.get(topic, frozenset())


_STATUS_WITH_PHRASE = re.compile(r"(?P<status>[1-5]\d\d) (?P<phrase>[a-z][a-z ]+)")


def _spells_status(status: int, original: str, regex: re.Pattern[str] | None) -> bool:
    """Whether a signature (or a pattern, `regex`) says no more than the HTTP status `status`: its number, or
    its reason phrase, alone or inside the generic sentence a service returns with it (`An internal server
    error occurred. Please try again`), which any failure with that status prints whatever its cause. A status
    followed by a phrase of the service's own, which tells its cases apart (`424 Model Error`, `424 Response
    payload too large`), says more."""
    phrases = [phrase for phrase in HTTP_REASONS.get(status, "").split("|") if phrase]
    folded = original.casefold()
    own = _STATUS_WITH_PHRASE.fullmatch(folded) if regex is None else None
    if own and own["status"] == str(status) and not any(phrase in own["phrase"] for phrase in phrases):
        return False  # the service's own name for the case (`424 Model Error`), not the status's phrase
    return (str(status) in original or any(phrase in folded for phrase in phrases)
            or (regex is not None and any(regex.search(phrase) for phrase in phrases)))


class Matcher:
    """Built once from the loaded entries; `match` is pure and thread-safe."""

    def __init__(self, entries: list[dict[str, Any]], params: ScoringParams | None = None,
                 max_query_chars: int = 8000, encoder: Encoder | None = None, cache_dir: Path | None = None):
        self.index = KnowledgeIndex(entries, cache_dir)
        self.params = params or ScoringParams.load()
        self.threshold = self.params.threshold
        self.ambiguity_margin = self.params.ambiguity_margin
        self.max_query_chars = max_query_chars
        self.semantic = SemanticIndex(entries, encoder, cache_dir) if encoder is not None else None
        self._token_correction = lru_cache(maxsize=TOKEN_CACHE_SIZE)(self._corrected_token)
        self._feature_id = lru_cache(maxsize=TOKEN_CACHE_SIZE)(self.index.feature_id)
        self._feature_weight = lru_cache(maxsize=TOKEN_CACHE_SIZE)(self.index.weight)
        self._describe = lru_cache(maxsize=TOKEN_CACHE_SIZE)(self.index.describe)
        self._token_features = lru_cache(maxsize=TOKEN_CACHE_SIZE)(_token_features)
        self._status_phrases = self.index.status_phrases
        self._unsaid_keeps = self.index.unsaid_status_keeps
        self._phrase_entry = np.asarray(self.index.phrase_entry)
        self._phrase_starts = np.asarray(self.index.phrase_starts)
        self._phrase_features = self.index.phrase_features
        self._phrase_weight = np.asarray(self.index.phrase_weight)
        # a pattern without an anchor (`index.patterns_by_anchor`) reads every paste: screened first
        self._pattern_search: list[Callable[[str], re.Match[str] | None]] = [
            pattern.regex.search for pattern in self.index.patterns]
        for number in self.index.unanchored_patterns:
            self._pattern_search[number] = Screened(self.index.patterns[number].regex).search

    def entry(self, entry_id: str) -> dict[str, Any] | None:
        """The entry the matcher was built from, so answers need no second database read."""
        return self.index.by_id.get(entry_id)

    def names_uncovered_subject(self, text: str) -> bool:
        """Whether `text` names a feature of deployments that no entry names (`index.uncovered_subjects`): the
        conversation reads a follow-up about one as a subject of its own."""
        return not subjects_named(normalize(text)).isdisjoint(self.index.uncovered_subjects)

    def match(self, query: str, limit: int = 5) -> MatchResult:
        clock = _StageClock()
        truncated = len(query) > self.max_query_chars
        if truncated:
            query = informative_part(query, self.max_query_chars)
        text = normalize(query)
        codes = error_codes(text)
        words = tokens(text)  # read once: corrections, signatures and features all start from them
        corrections = self._corrections(words)
        corrected = _corrected_text(text, corrections) if corrections else text
        # a status in misspelt context ("keeps retruning 429") is a status too
        statuses = list(dict.fromkeys(http_statuses(text) + (http_statuses(corrected) if corrections else [])))
        clock.lap("normalise")
        evidence: dict[int, _Evidence] = defaultdict(_Evidence)
        self._code_evidence(codes, evidence)
        self._status_evidence(statuses, evidence)
        error_context = bool(_ERROR_CONTEXT.search(text))  # read once: the signatures' weight and the context use it
        named = self._signature_evidence(text, words, corrected, corrections, evidence, error_context)
        self._text_evidence(words, corrections, evidence)
        # the encoder and the context read the words meant: a misspelt word is an unknown one to them
        slips = _slips(corrections)
        meant = _corrected_text(text, slips) if slips else text
        if not meant.isascii():  # a typo of an unspaced script (a homophone: 部属) read as meant too
            for mend in _MENDERS:
                meant = mend(meant)
        context = self._context(text, fold(query), codes, statuses, _error_names(query),
                                self._names_unknown_term(query, words, corrections), meant, error_context)
        clock.lap("candidates")
        self._semantic_evidence(meant[:SEMANTIC_QUERY_CHARS], evidence, context)
        if named:
            self._case_evidence(named, words, corrections, evidence, context, meant[:SEMANTIC_QUERY_CHARS])
        clock.lap("semantic")
        topic = context.topic
        ranked = self._rank(evidence, context, limit)
        confident = [m for m in ranked if m.score >= self.threshold][:limit]
        ambiguous = (len(confident) >= 2
                     and confident[0].score - confident[1].score < self.ambiguity_margin)
        query_lang = detect_language(query)
        clock.lap("score")
        return MatchResult(matches=confident, query_lang=query_lang, codes=codes,
                           http_statuses=statuses, ambiguous=ambiguous, truncated=truncated,
                           out_of_scope=topic if not confident else None, candidates=ranked[:limit],
                           stages=clock.stages)

    def _code_evidence(self, codes: list[str], evidence: dict[int, _Evidence]) -> None:
        for order, code in enumerate(codes):
            for position in self.index.codes.get(code, ()):
                evidence[position].code = max(evidence[position].code, self.params.code_score
                                              - min(order, CODE_ORDER_MAX) * CODE_ORDER_STEP)
                evidence[position].reasons.append({"type": "code", "value": code})

    def _status_evidence(self, statuses: list[int], evidence: dict[int, _Evidence]) -> None:
        for status in statuses:
            for position in self.index.statuses.get(status, ()):
                evidence[position].status = self.params.status_score
                evidence[position].reasons.append({"type": "status", "value": status})

    def _corrections(self, words: list[tuple[str, str]]) -> dict[str, str]:
        """Each misspelt token of the paste (its `tokens`) → the known token it resembles."""
        found = {}
        for script, token in words:
            if script in SPACED_SCRIPTS and token not in found:
                found[token] = self._token_correction(token)
        return {token: fixed for token, fixed in found.items() if fixed != token}

    def _signature_evidence(self, text: str, text_tokens: list[tuple[str, str]], corrected: str,
                            corrections: dict[str, str], evidence: dict[int, _Evidence],
                            error_context: bool) -> list[_Hit]:
        """Signature and pattern hits; returns those that other entries' titles name (`index.cases`).
        (`error_context`: the paste reports a failure, `lexicon.ERROR_CONTEXT`.)"""
        index = self.index
        named: list[_Hit] = []
        words = dict.fromkeys(token for _, token in text_tokens)  # in text order: reasons in a stable order
        for word in words:
            for number in index.signatures_by_word.get(word, ()):
                signature = index.signatures[number]
                if signature.text in text:
                    self._signature_hit(evidence, signature.entry, signature.original, self.params.signature_score,
                                        "signature", error_context)
                    if ("signature", number) in index.cases:
                        named.append(_Hit("signature", number, self.params.signature_score, "signature"))
        pattern_numbers = set(index.unanchored_patterns)
        for anchor, numbers in index.patterns_by_anchor.items():
            if anchor in words or anchor in text:
                pattern_numbers.update(numbers)
        for number in pattern_numbers:
            pattern = index.patterns[number]
            if self._pattern_search[number](text):
                self._signature_hit(evidence, pattern.entry, pattern.original, self.params.pattern_score, "pattern",
                                    error_context, pattern.regex)
                if ("pattern", number) in index.cases:
                    named.append(_Hit("pattern", number, self.params.pattern_score, "pattern"))
        self._fuzzy_signatures(text, corrected, corrections, evidence, error_context, named)
        return named

    def _case_evidence(self, named: list[_Hit], words: list[tuple[str, str]], corrections: dict[str, str],
                       evidence: dict[int, _Evidence], context: _Context, query: str) -> None:
        """An error several entries answer: the error's own entry, and the entries whose titles say they are
        cases of it (`ImageBuildFailure: the image build timed out`). Its name is evidence for each of them and
        says nothing of which, so the paste's other words (and its meaning) decide: a case they describe better
        than the error's own entry (by `case_margin`) gets the name's hit too, and the word evidence of these
        entries becomes what the paste says beside the name. When they describe no case better, the error's
        own entry is the answer, as before."""
        index, params = self.index, self.params
        cases = [(hit, position, name) for hit in named for position, name in index.cases[(hit.kind, hit.number)]]
        name_words = frozenset().union(*(name for _, _, name in cases))
        rest = [(script, token) for script, token in words
                if token not in name_words and corrections.get(token, token) not in name_words]
        beside: dict[int, _Evidence] = defaultdict(_Evidence)
        self._text_evidence(rest, corrections, beside)
        owners = {hit: (index.signatures if hit.kind == "signature" else index.patterns)[hit.number] for hit in named}
        meaning = self._case_meaning(query, context, {owner.entry for owner in owners.values()}
                                     | {position for _, position, _ in cases})
        group: set[int] = set()
        for hit, position, _ in cases:
            owner = owners[hit]
            own = beside.get(owner.entry, _Evidence()).wording(params, meaning.get(owner.entry, 0.0))
            described = beside.get(position, _Evidence()).wording(params, meaning.get(position, 0.0))
            if described < own + params.case_margin:
                continue
            self._signature_hit(evidence, position, owner.original, hit.score, hit.reason, context.error_context,
                                owner.regex if isinstance(owner, Pattern) else None)
            group.update((owner.entry, position))
        for position in group:
            item, words_beside = evidence[position], beside.get(position, _Evidence())
            item.text, item.semantic = words_beside.text, meaning.get(position, 0.0)
            item.reasons = [reason for reason in item.reasons if reason["type"] not in WORD_REASONS] \
                + words_beside.reasons
            if item.semantic:
                item.reasons.append({"type": "semantic", "value": "meaning beside the error name",
                                     "score": round(item.semantic, 1)})

    def _case_meaning(self, query: str, context: _Context, positions: set[int]) -> dict[int, float]:
        """The semantic evidence of an error's own entry and its cases, as a paste without exact evidence
        would get it (the name, exact, spares the encoder otherwise)."""
        if self.semantic is None:
            return {}
        best, _, _ = self._similarities(self.semantic, query, context)
        return {position: self._semantic_score(float(best[position]))
                for position in sorted(positions) if best[position] > self.params.semantic_floor}

    def _similarities(self, semantic: SemanticIndex, query: str,
                      context: _Context) -> tuple[npt.NDArray[np.float32], Closeness, bool]:
        """Each entry's similarity to the query, the per-text closeness behind it, and whether the encoder read
        the question whole: then language profiles and the lead count; a paste's first lines (a log's header)
        resemble a whole stage's entries, so there only its closest text does."""
        params = self.params
        whole = not context.error_report and len(query) < SEMANTIC_QUERY_CHARS
        share, lead = (params.semantic_profile_share, params.semantic_lead) if whole else (0.0, 0.0)
        best, closeness = semantic.similarities(query, share, lead, params.semantic_lead_floor)
        return best, closeness, whole

    def _semantic_score(self, cosine: float) -> float:
        """The evidence a similarity above `semantic_floor` gives, up to `semantic_cap`."""
        params = self.params
        return min(params.semantic_cap, (cosine - params.semantic_floor) * params.semantic_scale)

    def _fuzzy_signatures(self, text: str, corrected_text: str, corrections: dict[str, str],
                          evidence: dict[int, _Evidence], error_context: bool, named: list[_Hit]) -> None:
        """Signatures and patterns typed with a typo (`Booting wroker with pid`, `ImageBuildFailre`): in
        `corrected_text` each misspelt word is replaced by the known word it resembles, and signatures, and
        patterns whose literal word was misspelt, are looked for again."""
        index = self.index
        score = self.params.fuzzy_signature_score
        for fixed in corrections.values():
            for number in index.signatures_by_word.get(fixed, ()):
                signature = index.signatures[number]
                if signature.text not in text and signature.text in corrected_text:
                    self._signature_hit(evidence, signature.entry, signature.original, score,
                                        "fuzzy_signature", error_context)
                    if ("signature", number) in index.cases:
                        named.append(_Hit("signature", number, score, "fuzzy_signature"))
            for number in index.patterns_by_anchor.get(fixed, ()):
                pattern = index.patterns[number]
                if fixed not in text and pattern.regex.search(corrected_text):
                    self._signature_hit(evidence, pattern.entry, pattern.original, score, "fuzzy_signature",
                                        error_context, pattern.regex)
                    if ("pattern", number) in index.cases:
                        named.append(_Hit("pattern", number, score, "fuzzy_signature"))

    def _signature_hit(self, evidence: dict[int, _Evidence], position: int, original: str, score: float,
                       kind: str, error_context: bool, regex: re.Pattern[str] | None = None) -> None:
        """Record a signature hit, weighed by what it proves.

        A signature that spells the entry's own HTTP status (`401 Unauthorized`, or only its
        reason phrase: `Request Entity Too Large`, or a pattern that its reason phrase alone
        satisfies: `payload (is )?too large`) is status evidence, not an independent signal:
        a studio upload answered 413 is not the scoring 413. A how-to entry's command pasted inside an error
        report shows what the user ran, not what went wrong.
        """
        params = self.params
        entry = self.index.entries[position]
        item = evidence[position]
        item.reasons.append({"type": kind, "value": original})
        if any(_spells_status(status, original, regex) for status in entry.get("http_statuses", ())):
            item.status = max(item.status, params.status_score + params.status_signature_bonus)
            return
        if entry["kind"] == "how-to" and error_context:
            score = min(score, params.howto_in_error_score)
        repeat = params.repeat_signature_bonus if item.signature else 0.0
        item.signature = min(max(item.signature, score) + repeat, params.signature_cap)

    def _corrected_token(self, token: str) -> str:
        """The token as a known identifier it resembles, else with each misspelt part fixed."""
        whole = self.index.correction(token) if not token.isalpha() else None
        if whole:
            return whole
        corrected = token
        for part in re.split(r"[._\-/']", token):
            fixed = self.index.correction(part) or self._common_spelling(part)
            if fixed:
                corrected = corrected.replace(part, fixed)
        return corrected

    def _common_spelling(self, word: str) -> str | None:
        """The much more used known word a known one is a slip of (`endpiont`, which one entry's alias
        spells as its users do): that slip is made by the users of every other entry too."""
        if len(word) < SWAP_SLIP_LETTERS or not word.isascii() or not word.isalpha() or word not in self.index.vocabulary:
            return None
        own = self._token_features(LATIN, word)
        if not own:
            return None
        for swapped in _swaps(word):
            other = self._token_features(LATIN, swapped) if swapped in self.index.vocabulary else ()
            if other and self._feature_weight(own[0]) - self._feature_weight(other[0]) >= COMMON_SPELLING_GAP:
                return swapped
        return None

    def _query_features(self, words: list[tuple[str, str]], corrections: dict[str, str]) -> dict[str, float]:
        """Query features (of the paste's `tokens`) with their weights; misspelt words count as the word
        they resemble."""
        weight, features_of = self._feature_weight, self._token_features
        weights: dict[str, float] = {}
        typos: set[str] = set()
        for script, token in words:
            feats = features_of(script, token)
            if script in SPACED_SCRIPTS:
                corrected_token = corrections.get(token, token)
                if corrected_token != token:
                    fixed_feats = tuple(f for f in features_of(script, corrected_token) if f not in feats)
                    for feature in fixed_feats:
                        typos.add(feature)
                    feats = feats + fixed_feats
            for feature in feats:
                if feature in typos:
                    weights.setdefault(feature, weight(feature) * self.params.typo_weight)
                else:
                    weights[feature] = weight(feature)
        return weights

    def _text_evidence(self, words: list[tuple[str, str]], corrections: dict[str, str],
                       evidence: dict[int, _Evidence]) -> None:
        """Fuzzy text: how well the entry's best phrase is covered by the query, and how much
        of the query the entry explains (its phrases fully, its prose at a discount).

        Query features are accumulated through the postings, rarest first; common ones
        only when nothing rarer found a candidate. The best TEXT_CANDIDATES entries then
        get the remaining features added and a full score.
        """
        index, params = self.index, self.params
        query = self._query_features(words, corrections)
        if not query:
            return
        query_total = sum(query.values())
        body_weight = params.text_body
        phrase_postings: list[Sequence[int]] = []
        phrase_weights: list[float] = []
        entry_postings: list[Sequence[int]] = []
        entry_weights: list[float] = []
        explained_any = False
        common: dict[int, float] = {}
        budget = params.postings_budget
        feature_ids = {feature: self._feature_id(feature) for feature in query}
        frequencies = {feature: index.frequency(number) for feature, number in feature_ids.items()}
        for feature in sorted(query, key=frequencies.__getitem__):
            weight = query[feature]
            number = feature_ids[feature]
            frequency = frequencies[feature]
            if frequency > index.common_cutoff and (budget <= 0 or explained_any):
                common[number] = weight
                continue
            budget -= frequency
            explained_any = explained_any or frequency > 0  # the entries whose phrases or prose use the feature
            for postings, weights, numbers, share in (
                    (phrase_postings, phrase_weights, index.postings.get(number), weight),
                    (entry_postings, entry_weights, index.entry_postings.get(number), weight),
                    (entry_postings, entry_weights, index.body_postings.get(number), weight * body_weight)):
                if len(numbers):
                    postings.append(numbers)
                    weights.append(share)
        explained = _sums(entry_postings, entry_weights)
        chosen = set(heapq.nlargest(params.text_candidates, explained, key=explained.__getitem__))
        chosen.update(position for position in evidence if position in explained)
        best = self._best_phrases(phrase_postings, phrase_weights, common, chosen, _statuses_said(words))
        shares = index.common_shares(common, body_weight, chosen) if common else {}
        scale, share, least = params.text_query_scale, params.text_phrase_share, params.text_min_explained
        # the bigrams of unspaced scripts (Chinese, Korean) leave particles unexplained: only words say what is
        spaced = all(script in SPACED_SCRIPTS for script, _ in words)
        for position in chosen:
            total = explained[position] + shares[position] if shares else explained[position]
            strength, number = best.get(position, (0.0, -1))
            query_coverage = min(1.0, scale * total / query_total)
            score = 100.0 * (share * strength + (1 - share) * query_coverage) * min(1.0, total / least)
            if score <= 1.0:
                continue
            item = evidence[position]
            item.text = score
            item.explained = min(1.0, total / query_total) if spaced else 1.0
            if number >= 0:
                kind, lang, phrase_text = self._describe(number)
                item.reasons.append({"type": "alias" if kind != "title" else "title",
                                     "value": phrase_text, "lang": lang, "score": round(score, 1)})
            else:
                item.reasons.append({"type": "fuzzy_text", "value": "entry description", "score": round(score, 1)})

    def _unsaid_status_share(self, numbers: Ints, said: set[str]) -> Floats:
        """For each phrase of `numbers`, the share of its strength it keeps (`KnowledgeIndex.unsaid_status_keeps`):
        all of it when the paste writes a status the phrase names."""
        keeps = self._unsaid_keeps[numbers]
        for status in said & self._status_phrases.keys():
            # `np.isin`, by a binary search of the status's phrases (ascending, never none): a tenth of its time
            naming = self._status_phrases[status]
            keeps[naming[np.minimum(np.searchsorted(naming, numbers), len(naming) - 1)] == numbers] = 1.0
        return keeps

    def _best_phrases(self, postings: list[Sequence[int]], weights: list[float], common: dict[int, float],
                      chosen: set[int], said: set[str]) -> dict[int, tuple[float, int]]:
        """Each chosen entry's best phrase, (strength, phrase number): how much of the phrase the query
        covers, features of `common` included, and how much evidence that is. Of equals, the phrase the
        postings met first. In numpy, each sum in the order a loop over the features would add it."""
        params = self.params
        sums = _sums(postings, weights)
        numbers = np.fromiter(sums.keys(), dtype=np.int64, count=len(sums))
        matched = np.fromiter(sums.values(), dtype=np.float64, count=len(sums))
        owners = self._phrase_entry[numbers]
        kept = self._is_chosen(chosen)[owners]
        numbers, matched, owners = numbers[kept], matched[kept], owners[kept]
        if common and len(numbers):
            starts = self._phrase_starts
            lows = starts[numbers]
            counts = starts[numbers + 1] - lows
            ends = np.cumsum(counts)
            features = self._phrase_features[np.repeat(lows - ends + counts, counts) + np.arange(ends[-1])]
            # each feature is one of them at most: its weight, or 0.0 (what adding `(features == feature) * weight`
            # for each of them gives, to the last bit)
            ids = np.fromiter(common.keys(), dtype=np.int64, count=len(common))
            order = np.argsort(ids)
            ids, values = ids[order], np.fromiter(common.values(), dtype=np.float64, count=len(common))[order]
            slots = np.minimum(np.searchsorted(ids, features), len(ids) - 1)
            found = np.where(ids[slots] == features, values[slots], 0.0)
            matched = matched + np.bincount(np.repeat(np.arange(len(numbers)), counts), weights=found,
                                            minlength=len(numbers))
        strength = matched / self._phrase_weight[numbers] * np.minimum(1.0, matched / params.text_evidence)
        strength = strength * self._unsaid_status_share(numbers, said)
        best: dict[int, tuple[float, int]] = {}
        for owner, value, number in zip(owners.tolist(), strength.tolist(), numbers.tolist(), strict=True):
            if value > best.get(owner, (0.0, -1))[0]:
                best[owner] = (value, number)
        return best

    def _is_chosen(self, chosen: set[int]) -> npt.NDArray[np.bool_]:
        """By entry position: whether it is one of `chosen`."""
        is_chosen = np.zeros(len(self.index.entries), dtype=bool)
        is_chosen[list(chosen)] = True
        return is_chosen

    def _semantic_evidence(self, query: str, evidence: dict[int, _Evidence], context: _Context) -> None:
        """Meaning across languages and wordings: the entries whose titles, causes or aliases are
        closest to the paste. Skipped when a code or a signature already decides, when the words
        alone clearly decide, and when no entry could reach the answer threshold even with the
        strongest semantic evidence (small talk, another product, an unknown code)."""
        if self.semantic is None:
            return
        if any(reason["type"] in SEMANTIC_DECIDED_BY for item in evidence.values() for reason in item.reasons):
            return
        params = self.params
        worded_scores = sorted((item.text for item in evidence.values()), reverse=True) + [0.0, 0.0]
        if worded_scores[0] >= params.semantic_skip_text \
                and worded_scores[0] - worded_scores[1] >= params.semantic_skip_margin:
            return
        if not self._semantic_can_reach_threshold(evidence, context):
            return
        best, closeness, whole = self._similarities(self.semantic, query, context)
        if whole:  # words far from an entry's meaning name the question's context, not its subject
            doubt_words(best, evidence, params)
        worded = {position for position, item in evidence.items() if item.text > 0}
        cosines = best.tolist()
        added = 0
        for position in np.argsort(-best, kind="stable").tolist():  # best first, ties in entry order
            cosine = cosines[position]
            if cosine <= params.semantic_floor:
                break
            if position not in worded:
                if added >= params.semantic_candidates:
                    continue
                added += 1
            score = self._semantic_score(cosine)
            item = evidence[position]
            item.semantic = score
            item.reasons.append({"type": "semantic", **self.semantic.explain(position, closeness),
                                 "similarity": round(cosine, 3), "score": round(score, 1)})

    def _semantic_can_reach_threshold(self, evidence: dict[int, _Evidence], context: _Context) -> bool:
        """Whether the strongest semantic evidence (`semantic_cap` for every entry) could bring any entry
        to the answer threshold. Semantic evidence only raises a score, and the discounts specific to
        an entry only lower it, so this bound is safe: skipping the encoder changes no answer."""
        params = self.params
        shared = context.shared_discount(params)
        best = params.semantic_cap * shared  # an entry the words did not find
        for item in evidence.values():
            lifted = item.combined(params, semantic=params.semantic_cap)
            best = max(best, lifted * (1.0 if item.code or item.signature else shared))
        return round(best, 1) >= self.threshold

    def _context(self, text: str, original: str, codes: list[str], statuses: list[int],
                 error_names: frozenset[str], unknown_term: bool, meant: str, error_context: bool) -> _Context:
        """A status only another SDK generation's entries answer is neither known nor unknown in a
        paste marked as one family's: a v2 deployment's liveness probe 502 is not the v1 web service's 502.
        The deployment families named are read in the words `meant`, and a neighbouring topic must be seen
        there too: a misspelt word (`endpiont`, `развертывание` with two letters swapped) hides the family or
        the stage the paste is in."""
        index = self.index
        marked = families_marked(text)
        named_families = families_in(meant)
        if not marked and not named_families and V1_SERVER_FRAME.search(original) and not _ENDPOINT_WORD.search(text):
            marked = {OLDER_GENERATION}
        marked_family = next(iter(marked)) if len(marked) == 1 else None
        answered = [{index.entries[position]["family"] for position in index.statuses.get(status, ())}
                    for status in statuses]
        known_status = any(marked_family in families if marked_family else bool(families) for families in answered)
        error_report = bool(_ERROR_OUTPUT.search(text))
        question = not error_report and len(text) < SEMANTIC_QUERY_CHARS  # written, not pasted: read whole
        how_to = bool(_HOW_TO_QUESTION.search(text)) and not error_report
        known_codes = any(code in index.codes for code in codes)
        # words around an unknown error are no evidence of a known one, like an unknown ERR_NNNN code

        sighting = neighbour_topic(text, original)
        if sighting is not None and meant != text and neighbour_topic(meant, original) is None:
            sighting = None
        # an error the paste prints under a name this knowledge spells (`SecretsInjectionError`) is ours, whatever
        # the other product its words name (a connection called `openai-prod`)
        named_here = any(map(index.says_word, error_names)) or any(map(index.spells_error_name, error_names))
        unknown_error_name = bool(error_names) and not named_here
        said = set(_ERROR_IDENTIFIER.findall(original)) - GENERIC_ERROR_NAMES - PYTHON_EXCEPTIONS
        names_our_error = named_here or any(index.spells_error_name(name) or index.says_word(name) for name in said)
        other_product = not names_our_error and (other_serving(text) or (
            any(mark.search(text) for mark in _OTHER_PRODUCT_MARKS) and not names_azure_ml(text)))
        return _Context(
            known_codes=known_codes,
            unknown_code=bool(codes) and not known_codes,
            known_status=known_status,
            unknown_status=bool(statuses) and not any(answered),
            unknown_error_name=unknown_error_name and not known_codes,
            # a greeting opening a report longer than the encoder reads ("Hi team, deploying ...") is no small talk
            off_domain=other_product or bool(_OFF_DOMAIN.search(text))
            or (bool(_SMALL_TALK.search(text)) and len(text) < SEMANTIC_QUERY_CHARS)
            or (bool(_CLIENT_APP.search(text)) and not names_deployment(text)),
            how_to=how_to,
            error_report=error_report,
            families=frozenset(named_families | marked),
            marked_family=marked_family,
            sighting=sighting,
            other_product=other_product,
            error_names=error_names,
            unknown_term=unknown_term and not error_report,
            question=question,
            # only a question read whole: a long paste's log lines name features in passing (`app insights client`)
            uncovered_subject=question and not subjects_named(text).isdisjoint(index.uncovered_subjects),
            failure_question=question and not how_to and error_context
            and not _ASKS_WHERE.search(text),
            long_paste=len(text) > SEMANTIC_QUERY_CHARS and "\n" in text,
            long_report=len(text) > SEMANTIC_QUERY_CHARS and "\n" in text and not error_context
            and not _TROUBLE.search(text) and not _UNSPACED_OR_CYRILLIC.search(text),
            error_context=error_context,
        )

    def _names_unknown_term(self, query: str, words: list[tuple[str, str]], corrections: dict[str, str]) -> bool:
        """Whether a question written in another script names a Latin term the knowledge never uses
        (`IoT Edge`, `ONNX`, `Data Factory`). Such a question writes its technical terms in Latin letters, so an
        unknown one is its subject, and no entry covers it; in an English question an unknown word is as often
        everyday wording. Typos (corrected, or two letters swapped), error names (`UnsupportedInputData`,
        quoted output), words listed together (`_LISTED_TERMS`) and the apps that call an endpoint (`CLIENT_APP`)
        are not terms."""
        if all(script == LATIN for script, _ in words):
            return False
        identifiers = {name.casefold() for name in _IDENTIFIER.findall(query)}
        identifiers.update(word for listed in _LISTED_TERMS.finditer(query.casefold())
                           for word in re.findall(r"[a-z]+", listed.group(0)))
        identifiers.update(word for region in _AZURE_REGION.finditer(query.casefold())
                           for word in re.findall(r"[a-z]+", region.group(0)))
        vocabulary = self.index.vocabulary
        for script, token in words:
            if script != LATIN or not token.isalpha() or len(token) < UNKNOWN_TERM_LETTERS \
                    or token in corrections or token in identifiers or CLIENT_APP.search(token):
                continue
            features = self._token_features(script, token)
            if not features or any(self._feature_id(feature) >= 0 for feature in features):
                continue
            if vocabulary.isdisjoint(_swaps(token)):
                return True
        return False

    def _rank(self, evidence: dict[int, _Evidence], context: _Context, limit: int) -> list[Match]:
        """Best first, as far as the first `limit` need; entries with the same score (often several at 100,
        where evidence is capped) are told apart by their uncapped words and meaning, then by id. Discounts
        only lower a score, so an entry whose evidence alone scores below the `limit` best scored so far
        cannot be among them: entries are scored strongest evidence first, and left once one falls short."""
        params = self.params
        combined = {position: item.combined(params) for position, item in evidence.items()}
        newer_lines = frozenset(
            str(reason["value"]) for position, item in evidence.items()
            if self.index.entries[position]["family"] != OLDER_GENERATION
            for reason in item.reasons if reason["type"] in EXACT_LINES)
        bounds = sorted(((round(score, 1), position) for position, score in combined.items()), reverse=True)
        ranked = []
        best_scores: list[float] = []  # the `limit` best scores so far, lowest first (a heap)
        for bound, position in bounds:
            if 0 < limit <= len(best_scores) and bound < best_scores[0]:
                break
            item = evidence[position]
            match = self._scored(position, item, combined[position], context, newer_lines)
            ranked.append((match, item.wording(params)))
            heapq.heappush(best_scores, match.score)
            if len(best_scores) > limit:
                heapq.heappop(best_scores)
        ranked.sort(key=lambda pair: (-pair[0].score, -pair[1], pair[0].id))
        return [match for match, _ in ranked]

    def _scored(self, position: int, item: _Evidence, combined: float, context: _Context,
                newer_lines: frozenset[str] = frozenset()) -> Match:
        """The entry's evidence combined (`combined`), with every discount the rest of the paste calls for.
        (`newer_lines`: the signatures and patterns the paste hits in entries of the newer generations.)"""
        params, topic, families = self.params, context.topic, context.families
        entry = self.index.entries[position]
        exact = bool(item.code or item.signature)
        # a paste beyond doubt about a neighbour: an entry's literal signature there is the neighbour's too;
        # a paste in another stage (no deployment word): only a specific signature stays the entry's
        sighting = context.sighting
        own_cues = self.index.own_cues[position]
        # a question close to the entry's words, or a failure told in words in the deployment stage (whatever its
        # length, and even a neighbour's conclusive words: the entry's failure is what the user reports)
        own_words_asked = sighting is not None and (
            (context.question and item.text >= params.semantic_skip_text and not sighting.conclusive)
            or (context.error_context and not context.error_report and not sighting.outside_deployment))
        if sighting is not None and (not sighting.outweighs(own_cues, quoted=bool(item.signature))
                                     or (own_words_asked and _says_every_cue(sighting, own_cues))):
            sighting, topic = None, None
        specific = specific_signature(item.reasons, params.specific_signature_words)
        signature_is_neighbours = sighting is not None and (sighting.conclusive or (
            sighting.outside_deployment and not specific and not context.names_error_of(item.reasons)))
        neighbour_applies = topic is not None and not item.code and (not exact or signature_is_neighbours)
        is_how_to = entry["kind"] == "how-to"
        discounts = (
            ("other_code_known", params.other_code_known, context.known_codes and not exact),
            ("unknown_code", params.unknown_code, context.unknown_code and not item.signature),
            ("unknown_status", params.unknown_status, context.unknown_status and not exact),
            # next to an error name no entry knows, a short signature ("already exists") is as weak as words
            ("unknown_error_name", params.unknown_error_name,
             context.unknown_error_name and not item.code and not (exact and specific)),
            ("status_conflict" if entry.get("http_statuses") else "status_absent",
             params.status_conflict if entry.get("http_statuses") else params.status_absent,
             context.known_status and not item.status and not exact),
            ("off_domain", params.off_domain, context.off_domain and not exact),
            ("other_product", params.other_product, context.other_product and not item.code),
            # a status the paste reports is its subject, whatever else it names
            ("unknown_term", params.unknown_term, context.unknown_term and not exact and not item.status),
            ("uncovered_subject", params.uncovered_subject,
             context.uncovered_subject and not exact and not item.status),
            ("long_paste_words", params.long_paste_words, context.long_paste and not exact and not item.status),
            ("long_report_words", params.long_report_words,
             context.long_report and not is_how_to and not exact and not item.status),
            ("how_to_mismatch", params.how_to_mismatch, context.how_to and not is_how_to and not exact),
            # ... unless the how-to's signature is the error name the paste prints (`"code": "DeploymentTimedOut"`,
            # whose message sends the user to the Docker log): then it is that error's answer
            ("error_report_how_to", params.error_report_how_to, context.error_report and is_how_to and not item.code
             and not context.names_error_of(item.reasons)),
            ("failure_how_to", params.failure_how_to, context.failure_question and is_how_to and not exact),
            ("family_conflict", params.family_conflict,
             context.marked_family is not None and entry["family"] != context.marked_family and not item.code),
            ("family_mismatch", params.family_mismatch, context.marked_family is None
             and len(families) == 1 and entry["family"] not in families and not item.code),
            ("older_generation", params.older_generation,
             not families and entry["family"] == OLDER_GENERATION and not item.code
             and any(reason["type"] in EXACT_LINES and str(reason["value"]) in newer_lines for reason in item.reasons)),
            (f"neighbour:{topic.id}" if topic else "neighbour", params.neighbour, neighbour_applies),
        )
        score = combined
        reasons = list(item.reasons)
        for name, factor, applies in discounts:
            if applies:
                score *= factor
                reasons.append({"type": "discount", "value": name, "factor": factor})
        return Match(self.index.ids[position], round(score, 1), reasons)
