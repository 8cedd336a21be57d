"""What kind of turn a message is, read from the message alone (cues) and whether a
conversation is under way; the matcher's evidence refines it later (app/dialogue/policy.py).

The order is the one a person reading the chat would use: a paste with its own evidence
(a code, a status, a log) is a new topic whatever else it says (in a conversation, a short question
about a code asks on); then a request for another language (a language named in a short message);
then "that didn't help" in any wording (an outcome, "already did that", "no such option"; not "haven't
tried it yet"), only once there is an answer to be about and not while describing another problem; then small talk with nothing
about Azure ML in it (thanks and goodbyes also when they say it works now); then, in a conversation,
anything else continues it (unless it says it is about something else: "another problem"), for
certain when it refers back, tentatively when it does not (the policy judges those on their own match).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz.distance import OSA

from app.dialogue.cues import CUES, LOG_ASPECTS, SMALL_TALK_KINDS
from app.matching.extract import error_codes, http_statuses
from app.matching.language import detect_language
from app.matching.lexicon import ERROR_OUTPUT
from app.matching.normalize import normalize
from app.privacy import redact

LOG_MIN_LINES = 3
"""A paste of this many non-empty lines is a log: its own evidence, so a new topic."""
LOG_LINE = re.compile(r"^\W*\d{4}-\d{2}-\d{2}[ t]\d{2}:\d{2}|\[(?:info|warn|warning|error|debug|critical|fatal)\]|"
                      r"^\s*(?:info|warning|error|debug|critical|fatal)\s*[:|]", re.IGNORECASE | re.MULTILINE)
"""A line as a program logs it (a timestamp, a [LEVEL] tag): pasted output, its own evidence even alone."""
LONG_PASTE_CHARS = 280
"""Longer than a chat line: someone pasted output or described a whole new problem."""
FEEDBACK_MAX_WORDS = 24
""""Didn't help" in a longer message is part of a new description, not a verdict on the answer, unless the
message turns out to match the answer shown again (app/dialogue/policy.py)."""
FEEDBACK_CUE_MAX_WORDS = 60
"""Longer than this, a message is a paste: its "still" or "again" says nothing about the answer shown."""
LANGUAGE_REMAINDER_CHARS = 6
"""What may remain of a language request once the cue and filler words are gone ("and", "pls")."""
LANGUAGE_REQUEST_MAX_WORDS = 8
"""A language named in a message this short, with nothing about Azure ML in it, is asked for."""
FOLLOW_UP_MAX_WORDS = 16
"""A message that refers back ("it", "that", "its logs") but runs longer describes something of its own."""
ASPECT_EXTRA_WORDS = 8
"""A follow-up that names what it asks about (the logs) may ramble on a little ("there's like a dozen folders")."""
TOPIC_TEXT_CHARS = 200
"""Enough of a message to say what its problem is, as the matcher's semantic layer reads it too."""
CLOSING_KINDS = ("thanks", "goodbye")
"""Small talk that may name the product ("thanks, the deployment works now"): it closes the topic."""
CLOSING_MAX_WORDS = 12
"""Longer than a thank-you with the news that it works (or a question about what the assistant covers):
something more is being said."""
SHORT_ASPECTS = ("local", "build", "more")
SHORT_ASPECT_MAX_WORDS = 8
"""A short question about running locally asks how to debug locally ("can I run it locally?"), one about the build
for the product's failed image build ("and at build time?"), a short "in more detail?" for more of the answer shown;
in a longer one those words mostly set the scene ("once it runs locally, how do I change score.py inside?", "explain
in detail how batch scoring splits the input")."""
NEW_TOPIC_FEEDBACK_WORDS = 10
"""Past this many words, a message that says it is about something else (or names another product family)
describes that, even when it also says something did not work: a new topic, not feedback on the answer shown."""
CHOICE_MAX_WORDS = 6
"""A pick by position is a few words ("let's see the second one"); a longer message says more than that."""
META_PRODUCT_MAX_WORDS = 8
"""A question about the assistant that names a product ("can you help with batch endpoints?") is that in a few
words; a longer one describes a problem there."""
VERDICT_ASPECTS = (None, "fix", "cause", "more")
"""Asking for another fix or cause ("any other solution?", "what else could cause it?") is a verdict on the one
shown, not a question about an aspect of it."""
RESTATED_ASPECTS = (None, "command", "fix", "cause", "more", "detail")
"""Asked for outright in another language ("the command too, in Korean", "in more detail in English", "in English,
it goes to support"), these are the answer shown, restated: a language request."""
DONE_MAX_WORDS = 10
"""Something done, told in a few words ("already gave it AcrPull"), says the answer's advice was tried; a longer
account of what one did ("I added a deployment and set traffic to it, then ...") describes something of its own."""
ANNOUNCEMENT_START = 6
"""A new-topic cue this near the start ("и ещё:", "oh, one more:") announces what follows."""
_ANNOUNCEMENT_END = re.compile(r"\s*[^\w\s]*?\s*[:\uff1a\u2014\u2013]")
"""The colon or dash after the announcement, or at its end (the cue may take it in)."""
DESCRIBED_WORDS = 4
"""Told before a comparison ("the predictions file is empty, is that the same?"), this many words describe what it
measures against the conversation; fewer ("same error?") are an outcome."""
CJK_CHARS_PER_WORD = 2
"""Korean and Chinese have no (or few) spaces: about two characters count as one word."""
CODE = re.compile(r"\berr[ _-]?\d{4}\b", re.IGNORECASE)
"""An `ERR_NNNN` code as people type it."""
_NAMED_CODE = re.compile(rf"{CODE.pattern}|(?<![\d.])[1-5]\d\d(?![\d.])", re.IGNORECASE)
"""A code or an HTTP status by its number alone ("is 504 the same?"): too little to be evidence, enough to name
what a question compares with the problem at hand."""
LANGUAGE_SPELLINGS = ("english", "korean", "chinese", "russian", "mandarin")
"""Language names as the English cues spell them: a word a typo or two away ("russain", "englsh", "koreann") means one."""
TYPO_MIN_CHARS = 5
"""Shorter words are too alike to tell a typo from another word."""
FEEDBACK_SPELLINGS = ("help", "helped", "helps", "still", "work", "works", "worked", "working", "fail", "fails", "failed",
                      "failing", "didnt", "doesnt", "nothing")
"""Words that say the answer did not help, as the English cues spell them: typed fast, "stil failing", "didnt hlep"."""
FEEDBACK_TYPO_MIN_CHARS = 4
"""A typo of a short word is read only as a letter added, dropped or two swapped ("hlep", "stil")."""
TYPOS_PER_LONG_WORD = 2
LONG_WORD_CHARS = 7
"""A word this long may be two typos away from the name (one below it); the first letter is always kept."""
_ASKED_LAST = re.compile(r"[?\uff1f]\W*$")
"""A question mark at the end: the last clause is asked."""
_LATIN_WORD = re.compile(r"[a-z]+")
_APOSTROPHE = re.compile(r"['\u2019]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W_]+")


class TurnKind(StrEnum):
    NEW_TOPIC = "new_topic"
    FOLLOW_UP = "follow_up"
    FEEDBACK = "feedback"
    LANGUAGE = "language"
    SMALL_TALK = "small_talk"


@dataclass(frozen=True)
class Reading:
    """A message as the dialogue sees it before matching."""

    kind: TurnKind
    strong: bool = False
    """Its own evidence: an error code, an HTTP status, a log or a long paste."""
    small_talk: str | None = None
    """greeting, thanks, goodbye, meta or off_topic (SMALL_TALK_KINDS) for small talk."""
    target_lang: str | None = None
    """The language the user asked for, in any kind of turn ("ERR_1100 in Korean")."""
    aspect: str | None = None
    """logs, local, command, fix, cause, detail or more (app/dialogue/cues ASPECTS)."""
    families: frozenset[str] = frozenset()
    """Product families the message names (a follow-up "what about batch?" switches to it)."""
    feedback_cue: bool = False
    """It says something did not work, at any length up to FEEDBACK_CUE_MAX_WORDS (a long report that matches
    the entry shown again is feedback on it)."""
    text: str = ""
    """The message itself (its first TOPIC_TEXT_CHARS characters, secrets redacted)."""
    tentative: bool = False
    """A follow-up only for being said in a conversation: when its own match lies outside the conversation's
    neighbourhood, or nothing matches it, a new topic after all (unless it is a question: see `question`)."""
    question: bool = False
    """Asked rather than told: in a conversation a question without evidence of its own asks about the topic."""
    polar: bool = False
    """A yes-or-no question ("is it per region?"): about the problem at hand, not asking for another one."""
    checks_back: bool = False
    """What one understood of the answer, asked back ("so I'd need a proxy in front of it?"): a yes-or-no question
    too, about the answer shown, however well its words match something else a little."""
    choice: int | None = None
    """A short message's pick by position ("the second one"): after a choice was offered, that entry."""
    points_back: bool = False
    """It points at the problem at hand by a pronoun ("will it keep happening?"): asked, it is about the conversation
    even when it runs long and nothing answers it surely (app/dialogue/policy.py)."""
    named: str | None = None
    """What a short follow-up names by its words ("and the storage initializer one?"): the entry of the
    conversation whose text says it (app/dialogue/policy.py)."""


_NOT_POINTING = re.compile(
    r"\b(?:a|an|the|some|any|one)\s+(?:[\w.-]+\s+){0,3}?[\w.-]+\s+(that)\s+(?!is\b|was\b|has\b|does\b)\w+(?:s|ed)\b"
    r"|\b(this)\s+(?:month|week|year|morning|afternoon|evening|quarter|sprint|weekend)\b")
"""Pointer words that point nowhere back: "that" opening a relative clause after a noun ("a data asset that points at a
folder", "a small api that forwards the call") and "this" of a time ("this month"): a question of its own."""


def _points_back(lowered: str) -> bool:
    """The message points back at what was said (POINTS_BACK cue), not counting `_NOT_POINTING` words."""
    spared = {found.start(group) for found in _NOT_POINTING.finditer(lowered) for group in (1, 2)
              if found.group(group)}
    return any(found.start() not in spared for found in CUES.points_back.finditer(lowered))


_MENTION = re.compile(r"^(?:\s*(?:<@[\w.|-]+>|@[\w.-]+)[\s,:]*)+")
"""Bot mentions at the start of a message ("@bot hi", Slack's "<@U024BE7LH>"): addressed to the bot, not said."""


_TEXTESE = {"u": "you", "ur": "your", "ya": "you"}
_TEXTESE_WORD = re.compile(r"(?<![\w'\u2019.-])(?:u|ur|ya)(?![\w'\u2019.-])")
"""Chat spellings of "you" and "your" ("are u human", "can u show me"), as whole words only."""


_TEXTESE_ARE = re.compile(r"(?<![\w'\u2019.-])r(?= (?:u|you|we|they)\b)")
"""Chat's "r" for "are", before the one it asks about ("r u a bot?", "r we sure"), not the R language."""


_BARE_CONTRACTION = re.compile(r"(?<![\w'\u2019.-])(what|that|where|how|there|who|don|doesn|didn|isn|aren|wasn|can|won|"
                                r"wouldn|couldn|shouldn|haven|hasn)(s|t)(?![\w'\u2019.-])")
"""Contractions typed without their apostrophe ("whats the limit", "doesnt work"), which the cues spell with one;
"cant" and "wont" too ("can" and "won" + t), not "its" or "were", which are words of their own."""


def _apostrophe(found: re.Match[str]) -> str:
    stem, end = found.groups()
    if (end == "s") == stem.endswith("n") or (end == "t" and stem in ("what", "that", "where", "how", "there", "who")):
        return found.group()  # not a contraction ("dons", "whatt")
    return f"{stem}'{end}" if end == "s" else f"{stem}'t"


def folded(text: str) -> str:
    """The message as the cues read it: NFKC, case-folded, without the leading bot mentions, "u" read as "you",
    "r" as "are" and contractions typed without their apostrophe with it."""
    lowered = _MENTION.sub("", unicodedata.normalize("NFKC", text)).casefold().strip()
    lowered = _BARE_CONTRACTION.sub(_apostrophe, lowered)
    return _TEXTESE_WORD.sub(lambda word: _TEXTESE[word.group()], _TEXTESE_ARE.sub("are", lowered))


def word_count(text: str) -> int:
    """Words, counting Korean and Chinese characters by CJK_CHARS_PER_WORD."""
    cjk = len(_CJK.findall(text))
    latin = len(_WORD.findall(_CJK.sub(" ", text)))
    return latin + -(-cjk // CJK_CHARS_PER_WORD)


def _in_a_line_or_two(text: str) -> bool:
    """Short enough to be a message, not a log or a long paste."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) < LOG_MIN_LINES and len(text) <= LONG_PASTE_CHARS


def _names_code_status_or_log(text: str, normal: str) -> bool:
    """Evidence of its own beyond error-output words: a code, an HTTP status in context, a log line."""
    return bool(error_codes(normal) or http_statuses(normal) or LOG_LINE.search(text))


def _only_codes(text: str) -> bool:
    """Evidence by a code or status only, in a line or two: not a log, not a long paste, no error output around the
    code (the matcher's error-output words count a code itself as output: "same on v2, ERR_2101?" names one)."""
    return _in_a_line_or_two(text) and not ERROR_OUTPUT.search(CODE.sub(" ", normalize(text))) \
        and not LOG_LINE.search(text)


def _asks_for_output(text: str, aspect: str | None, question: bool) -> bool:
    """A question for the logs whose only evidence is the words of error output it wants to find ("where would the
    traceback be?"): no code, status or log line of its own, so not a paste."""
    return question and aspect in LOG_ASPECTS and _in_a_line_or_two(text) \
        and not _names_code_status_or_log(text, normalize(text))


_FENCED = re.compile(r"```[^\n`]*\n?(.*?)(?:```|$)", re.DOTALL)
"""A fenced code block ("```az ml ...```"), its language tag dropped; an unclosed one runs to the end."""


_COMMAND_LINE = re.compile(r"^[ \t]*(?:[$>#][ \t]*)?(?:az|pip3?|conda|kubectl|docker|python3?|curl|mlflow|helm|git)"
                           r"[ \t]+[\x21-\x7e][\x20-\x7e]*$", re.MULTILINE)
"""A line that is a command as typed at a prompt, nothing but the command ("az ml online-deployment update ...",
"$ pip install ..."); said on a line of its own among others (`without_quoted_code`), not a message that starts with
a tool's name ("az acr login 했는데 ...", "conda yaml에 뭐 추가해야 돼?")."""


def without_quoted_code(text: str) -> str:
    """The message without the code that quotes what was run or changed (a fenced block, a command on a line of its
    own): what was tried, told in a report ("tried this: ```...``` still crashing"), not output. Code with an error
    code, a status, error output or a log line in it is pasted output and stays."""
    def quoted(block: re.Match[str]) -> str:
        code = block.group(1) if block.re is _FENCED else block.group()
        return block.group() if _names_code_status_or_log(code, normalize(code)) \
            or ERROR_OUTPUT.search(normalize(code)) else "\n"
    unfenced = _FENCED.sub(quoted, text)
    lines = [line for line in unfenced.splitlines() if line.strip()]
    return _COMMAND_LINE.sub(quoted, unfenced) if len(lines) > 1 else unfenced


def has_strong_evidence(text: str) -> bool:
    """A code, an HTTP status in context, error output or a log: a paste that stands on its own."""
    if not _in_a_line_or_two(text):
        return True
    normal = normalize(text)
    return _names_code_status_or_log(text, normal) or bool(ERROR_OUTPUT.search(normal))


def _named(text: str) -> str | None:
    """The name in "the storage initializer one", unless it is a position ("the second one") or a pronoun."""
    for pattern in CUES.named_one:
        found = pattern.search(text)
        name = next((group for group in found.groups() if group), None) if found else None
        if name and not any(cue.search(name) for cue in CUES.choices.values()) and not CUES.reference.fullmatch(name):
            return name.strip()
    return None


def _announced(text: str, found: re.Match[str] | None) -> bool:
    """A new topic announced at the start (`found`: the message's new-topic cue), before a colon or dash ("ещё вопрос:
    ...", "还有一个：..."): whatever the rest says failed ("the pipeline is stuck again"), it is about that other thing,
    at any length."""
    return found is not None and found.start() <= ANNOUNCEMENT_START \
        and bool(_ANNOUNCEMENT_END.search(found.group()) or _ANNOUNCEMENT_END.match(text, found.end()))


def _described_first(text: str) -> bool:
    """Something described before the comparison that asks whether it is the same ("в predictions пусто, это то же
    самое?"): the comparison is about that."""
    found = CUES.comparison.search(text)
    if found is None or not (_ASKED_LAST.search(text) or CUES.polar.search(text)):
        return False  # "tried again a few hours later, still the same": told, whatever question word it has
    told = text[:found.start()]
    # what was done before it ("gave it the role and redeployed, same error?") makes it the outcome, not a symptom
    return word_count(told) >= DESCRIBED_WORDS and not CUES.done.search(told)


def _unwanted(text: str, mention: re.Match[str]) -> bool:
    """A language named as the one not wanted ("I can't read English", "영어 말고", "не по-английски")."""
    return bool(CUES.language_unwanted_before.search(text[:mention.start()])
                or CUES.language_unwanted_after.match(text, mention.end()))


def _first_language(text: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The language named first among those wanted: "I can't read English, Korean please" asks for Korean."""
    found = [(match.start(), lang) for lang, pattern in patterns.items()
             for match in pattern.finditer(text) if not _unwanted(text, match)]
    return min(found)[1] if found else None


def _asked_language(text: str) -> tuple[str | None, str | None]:
    """(the language asked for outright, the language asked for or named): a translation asked for in a few words
    without a language named is into the message's own."""
    target = _first_language(text, CUES.language)
    named = target or _first_language(text, CUES.language_names)
    if named is None and word_count(text) <= LANGUAGE_REQUEST_MAX_WORDS and CUES.translate.search(text):
        named = detect_language(text) or "en"  # into the language it is written in
    return target, named


def _respelt(text: str, names: tuple[str, ...] = LANGUAGE_SPELLINGS, changed_letters: bool = True) -> str:
    """The message with a misspelt name of `names` spelt right ("in russain pls" -> "in russian pls");
    without `changed_letters` only a letter added, dropped or two swapped ("stil", "hlep"), as a changed letter
    turns one common word into another ("worse", "works")."""
    def spelt(found: re.Match[str]) -> str:
        word = found.group()
        if len(word) < (TYPO_MIN_CHARS if changed_letters else FEEDBACK_TYPO_MIN_CHARS) or word in names \
                or _APOSTROPHE.match(text, found.end()):  # "didn't" is "didn" and "t", spelt right
            return word
        most = TYPOS_PER_LONG_WORD if changed_letters and len(word) >= LONG_WORD_CHARS else 1
        # edits: a letter added, dropped, changed, or two neighbours swapped (optimal string alignment)
        return next((name for name in names
                     if name[0] == word[0] and OSA.distance(word, name, score_cutoff=most) <= most
                     and (changed_letters or len(word) != len(name) or sorted(word) == sorted(name))), word)
    return _LATIN_WORD.sub(spelt, text)


def _only_a_language_request(text: str, lang: str) -> bool:
    rest = CUES.language_names[lang].sub(" ", CUES.language[lang].sub(" ", text))
    rest = CUES.filler.sub(" ", rest)
    return len(re.sub(r"[\W_]+", "", rest)) <= LANGUAGE_REMAINDER_CHARS


def _without_aspect(text: str, aspect: str | None) -> str:
    """The message without the words naming what it asks for or the problem itself ("the command too", "this error",
    "эту ошибку"): they restate the answer shown."""
    asked = CUES.aspects[aspect].sub(" ", text) if aspect is not None else text
    return CUES.problem.sub(" ", asked)


def _restated(text: str, target: str | None, aspect: str | None) -> bool:
    """Another language asked for outright, with at most what the answer shown says ("the fix in Korean", "объясни
    эту ошибку по-русски"): that answer, restated."""
    return target is not None and aspect in RESTATED_ASPECTS and word_count(text) <= FOLLOW_UP_MAX_WORDS \
        and not CUES.domain.search(_without_aspect(text, aspect))


_CLAUSE_END = re.compile(r"[,.;!?\uff0c\u3002\uff1b\uff01\uff1f\u3001]+\s*|\s+[\u2014\u2013-]+\s+")
"""Where a clause of a chat message ends: a comma, a full stop, a question mark, a dash between spaces."""


def _request_with_reason(text: str, target: str | None) -> bool:
    """A language asked for outright in a clause of its own, the others telling why and asking nothing ("write it in
    Chinese, our lead in Beijing sends the quota requests"): the reason may name Azure ML, the request is the message."""
    if target is None or word_count(text) > FOLLOW_UP_MAX_WORDS:
        return False
    clauses = [clause for clause in _CLAUSE_END.split(text) if clause.strip()]
    asking = [clause for clause in clauses if CUES.language[target].search(clause)]
    told = [clause for clause in clauses if clause not in asking]
    return len(asking) == 1 and bool(told) and _only_a_language_request(asking[0], target) \
        and not any(CUES.question.search(clause) or CUES.new_topic.search(clause) or CUES.feedback.search(clause)
                    or CUES.problem.search(clause) or any(cue.search(clause) for cue in CUES.aspects.values())
                    or any(cue.search(clause) for cue in CUES.families.values()) for clause in told)


def _short_plain_request(text: str, aspect: str | None) -> bool:
    """A language named in a few words about nothing else ("I'd prefer Russian", "my colleague reads only
    Korean, can you translate?"): a request, however it is worded."""
    return aspect is None and word_count(text) <= LANGUAGE_REQUEST_MAX_WORDS and not CUES.domain.search(text)


def _translation_asked(text: str, aspect: str | None) -> bool:
    """A translation asked for with the language named, about nothing else ("my manager reads only Korean, could you
    rewrite it?"): a request at a follow-up's length, where a language merely named needs a shorter message."""
    return aspect is None and word_count(text) <= FOLLOW_UP_MAX_WORDS and bool(CUES.translate.search(text)) \
        and not CUES.domain.search(text)


def _small_talk(text: str, aspect: str | None, families: frozenset[str], evidence: bool = False,
                failing: bool = False) -> str | None:
    """The most specific kind of small talk the message is, when it says nothing about Azure ML; thanks
    or goodbye also when it does ("thanks, the endpoint works now") but asks nothing more. `evidence`: it asks about
    a code, a status (by its number alone too) or error output it names, which is about Azure ML ("thanks! and what
    about ERR_1101?", "thx, and 504?"). `failing`: it tells that something fails ("the deploy succeeded, but posting
    data crashes it"), which no word of success or thanks in it closes."""
    words = word_count(text)
    if aspect is None and words <= FOLLOW_UP_MAX_WORDS and CUES.who_answers.search(text) and not CUES.problem.search(text):
        return "meta"  # "are you actual Azure support or only a bot?": the product names who it might be
    if aspect in (None, *LOG_ASPECTS) and words <= CLOSING_MAX_WORDS and CUES.paste_offer.search(text):
        return "meta"  # "hi, can you read logs if I paste them?": whether the assistant reads them, not where they are
    found = [kind for kind in SMALL_TALK_KINDS if CUES.small_talk[kind].search(text)]
    if not found:
        return None
    if aspect is not None and found[-1] in ("greeting", *CLOSING_KINDS) and CUES.question.search(text):
        return None  # "can I print messages from run() so I can read them later?": asking for the logs, not leaving
    if found[-1] == "greeting" and words <= CLOSING_MAX_WORDS and CUES.question_ahead.search(text):
        return "greeting"  # "morning! quick q about our endpoint": the question is still to come
    if found[-1] in ("greeting", "thanks") and (CUES.new_topic.search(text) or (
            words > SHORT_ASPECT_MAX_WORDS and CUES.question.search(text))):
        return None  # "thanks! one more question: how do I scale it out?": the question is the message
    if failing and found[-1] in ("thanks", *CLOSING_KINDS):
        return None
    if not evidence and not CUES.domain.search(text):
        return found[-1]
    if found[-1] == "meta" and aspect is None and words <= (META_PRODUCT_MAX_WORDS if families else CLOSING_MAX_WORDS):
        return "meta"  # "can you help with Azure ML deployments?", "do you cover batch endpoints?": about the assistant
    closing = [kind for kind in found if kind in CLOSING_KINDS]
    # "thanks, the batch job runs now" closes; "thanks, and what about batch?" asks on
    asks = aspect is not None or bool(families and CUES.family_switch.search(text)) or bool(CUES.question.search(text)) \
        or CUES.new_topic.search(text)
    return closing[-1] if closing and not asks and words <= CLOSING_MAX_WORDS else None


_OPENING_CLAUSE = re.compile(r"^([^,.;!?\uff0c\u3002\uff1b\uff01\uff1f]+)[,.;!?\uff0c\u3002\uff1b\uff01\uff1f]+\s*(?=\S)")
"""The first clause of a message and the stop after it ("thanks! ...", "спасибо, ...", "谢谢！...")."""
COURTESIES = ("greeting", "thanks")
"""Small talk that may open a message before what it is about."""


def _past_the_courtesy(text: str) -> str:
    """The message after an opening thanks or greeting ("thanks! one more: ...", "спасибо! и ещё: ..."): a new topic
    announced there is announced at the start all the same."""
    found = _OPENING_CLAUSE.match(text)
    courtesy = found is not None and _small_talk(found.group(1), None, frozenset()) in COURTESIES
    return text[found.end():] if found is not None and courtesy else text


def read_turn(text: str, in_conversation: bool, family: str | None = None) -> Reading:
    """Read a message; `in_conversation` says whether an earlier answer exists to refer to, `family`
    the product family it is about (naming another one asks about it there, not "that didn't help")."""
    said = without_quoted_code(text)  # the cues and the evidence read what was said, not the code it quotes
    lowered = folded(said)
    words = word_count(lowered)
    # a language asked for in a few words may be misspelt; in a longer message a near name is mostly another word
    spelt = _respelt(lowered) if words <= LANGUAGE_REQUEST_MAX_WORDS else lowered
    target, named = _asked_language(spelt)
    families = frozenset(name for name, cue in CUES.families.items() if cue.search(lowered))
    question = bool(CUES.question.search(lowered))
    # "how do I pull the image locally?" says where the image goes, not that it runs there; "build an image with ptvsd?"
    # makes that image, it does not ask about the build stage
    aspect = next((name for name, cue in CUES.aspects.items() if cue.search(lowered)
                   and not (name == "local" and CUES.fetched_here.search(lowered))
                   and not (name == "build" and CUES.image_with.search(lowered))
                   and (name not in SHORT_ASPECTS or words <= SHORT_ASPECT_MAX_WORDS
                        or (name == "local" and question and CUES.local_asked.search(lowered)))), None)
    strong = has_strong_evidence(said) and not (in_conversation and _asks_for_output(said, aspect, question))
    # told, not asked: "already checked that", and what one did, in a few words, unless it worked ("quota raised, works now")
    # or closes the conversation ("I'll file a ticket then")
    done = words <= DONE_MAX_WORDS and bool(CUES.done.search(lowered)) \
        and not any(CUES.small_talk[kind].search(lowered) for kind in CLOSING_KINDS)
    told = _respelt(lowered, FEEDBACK_SPELLINGS, changed_letters=False) if words <= FEEDBACK_MAX_WORDS else lowered
    says_failed = words <= FEEDBACK_CUE_MAX_WORDS and not CUES.untried.search(lowered) \
        and bool(CUES.feedback.search(told) or (not question and (CUES.feedback_unasked.search(told) or done)))
    # "is 504 the same thing?", "배치도 마찬가지예요?": a question measuring something it names against the
    # conversation asks about that, it says nothing of the answer shown
    compares = question and bool(CUES.comparison.search(lowered)) \
        and bool(families or _NAMED_CODE.search(lowered) or CUES.compared_with.search(lowered) or _described_first(lowered))
    feedback = says_failed and words <= FEEDBACK_MAX_WORDS and not compares
    choice = next((int(position) for position, cue in CUES.choices.items() if cue.search(lowered)), None) \
        if words <= CHOICE_MAX_WORDS else None
    named_thing = _named(lowered) if words <= FOLLOW_UP_MAX_WORDS else None
    checks_back = question and bool(CUES.check_back.search(lowered))
    base = Reading(TurnKind.NEW_TOPIC, strong=strong, target_lang=target, aspect=aspect, families=families,
                   feedback_cue=says_failed, text=redact(text[:TOPIC_TEXT_CHARS]), question=question,
                   polar=question and bool(CUES.polar.search(lowered) or checks_back), checks_back=checks_back,
                   choice=choice,
                   points_back=_points_back(lowered),
                   named=named_thing)
    # In a conversation, a line with a code that asks about it or says outright that the answer did not help ("only
    # the cloud one throws 424, so that didn't help"; not "still failing: 429") is read on; a log or a long paste
    # stands on its own.
    pasted = strong and not (in_conversation and _only_codes(said))
    if pasted or (strong and not base.question and not (feedback and CUES.verdict.search(lowered))):
        return base
    # a code asked about ("what does ERR_1100 mean? in Korean") is the subject, the language how to answer it
    if named is not None and (_only_a_language_request(spelt, named) or (not CODE.search(lowered) and (
            _short_plain_request(spelt, aspect) or _translation_asked(spelt, aspect)
            or _restated(lowered, target, aspect) or _request_with_reason(spelt, target)))):
        return replace(base, kind=TurnKind.LANGUAGE, target_lang=named)
    # "That didn't help" needs an answer to be about; naming another product asks about it there.
    asks_elsewhere = bool(families - {family}) and (base.question or bool(CUES.family_switch.search(lowered)))
    # "docker logs? any other way than get_logs()?" asks about them; "any other fix?" says the fix shown did not help
    asks_about = aspect not in VERDICT_ASPECTS and base.question
    # "another thing: the job finished but the output is empty" (not "that's not it, I asked about something else")
    new_topic_cue, cue_read_in = CUES.new_topic.search(lowered), lowered
    opened = _past_the_courtesy(lowered)
    after_courtesy = CUES.new_topic.search(opened) if len(opened) < len(lowered) else None
    if after_courtesy is not None and not _announced(lowered, new_topic_cue):
        new_topic_cue, cue_read_in = after_courtesy, opened  # "thanks! one more: ...", read past the thanks
    # "the registry is in another subscription, could that be why?": offered as the cause of the conversation's
    # problem, not a new topic (while "the same 429 on another endpoint, same thing?" tells one)
    announced = _announced(cue_read_in, new_topic_cue)
    suspects = question and bool(CUES.because.search(lowered))
    # "btw the pipeline also won't start": something else failing, told in passing (asked, it compares with the topic)
    aside = not question and bool(CUES.aside.search(lowered)) \
        and not CUES.advised.search(lowered) and not CUES.comparison.search(lowered)
    # "is it the same as ERR_1100, or a different problem?": the other problem is one answer the question offers
    offered = question and new_topic_cue is not None and not announced \
        and bool(CUES.or_else.search(cue_read_in[:new_topic_cue.start()]))
    new_topic = (new_topic_cue is not None and (not suspects or announced) and not offered) or aside
    # "and the batch endpoint I'm creating says the name already exists, I did delete it": another product, described
    elsewhere = family is not None and bool(families - {family})
    described = ((new_topic or elsewhere) and words > NEW_TOPIC_FEEDBACK_WORDS) or announced or aside
    # "meh, thanks anyway": closing the conversation, whatever it says of the outcome
    resigned = words <= CLOSING_MAX_WORDS and bool(CUES.resigned.search(lowered))
    if feedback and in_conversation and not asks_elsewhere and not asks_about and not described and not resigned \
            and not (strong and base.question):
        return replace(base, kind=TurnKind.FEEDBACK)
    small_talk = _small_talk(lowered, aspect, families, question and (strong or bool(_NAMED_CODE.search(lowered))),
                             failing=says_failed and not resigned)
    if small_talk is not None:
        return replace(base, kind=TurnKind.SMALL_TALK, small_talk=small_talk)
    if not in_conversation or new_topic:
        return base
    # asking about another product in a few words ("and on the old AKS, what happens?") is the topic there
    refers_back = bool(CUES.reference.search(lowered) or CUES.family_switch.search(lowered)) or aspect is not None \
        or named_thing is not None or asks_elsewhere
    if strong:
        # A question about a code in a conversation ("is that the same as the 500 when scoring?"): its own
        # match answers it, as a follow-up (app/dialogue/policy.py).
        return replace(base, kind=TurnKind.FOLLOW_UP, tentative=True)
    if refers_back and words <= FOLLOW_UP_MAX_WORDS + ASPECT_EXTRA_WORDS * (aspect is not None):
        return replace(base, kind=TurnKind.FOLLOW_UP)
    # Anything else said in a conversation continues it, unless it turns out to be about something else:
    # the policy decides on the bare message's own match (app/dialogue/policy.py).
    return replace(base, kind=TurnKind.FOLLOW_UP, tentative=True)
