"""Cue words for reading a turn, one module per language, merged into one set of patterns.

Every language's cues are searched whatever the message's language: short messages are
detected unreliably ("ok thanks", "по-русски"), and people mix languages in one chat.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from types import ModuleType

from app.dialogue.cues import en, ko, ru, zh
from app.knowledge.model import FAMILIES, LANGS

LANGUAGE_MODULES: tuple[ModuleType, ...] = (en, ko, zh, ru)
SMALL_TALK_KINDS = ("greeting", "thanks", "goodbye", "meta", "off_topic")
"""Small talk, in the order it is recognised: a message that is both a greeting and a
question about the assistant ("hi, who are you?") is answered as the later, more specific one."""
CHOICE_POSITIONS = ("1", "2", "3")
"""Positions a message can pick among the entries offered (as many as the dialogue offers at most)."""
LOG_KINDS = ("build_logs", "write_logs", "log_structure")
"""The particular logs; "logs" (after them in `ASPECTS`) is the general case of the three."""
LOG_ASPECTS = (*LOG_KINDS, "logs")
"""Every aspect that asks for logs."""
ASPECTS = (*LOG_ASPECTS, "local", "command", "fix", "cause", "detail", "build", "more")
"""What a follow-up can ask about, first found first: the log of the image build, writing logs from one's own
script, how the logs are laid out, the logs of the product (the general case of those three), debugging it locally
(other entries of the family), the command, the fix or the cause of the entry shown (that entry again), a detail
of it (which setting or role, the limit: that entry unless another one of the conversation answers it far better),
the image build (the family's entry about a failed build, unless the entry shown is about it),
more about it ("tell me more": that entry again)."""


_COMPATIBILITY_JAMO = re.compile("[\u3131-\u318e]")
"""Korean letters typed on their own (ㅋㅋ, ㄳ): NFKC folds them in the message, so in the patterns too."""


def _folded_jamo(source: str) -> str:
    return _COMPATIBILITY_JAMO.sub(lambda letter: unicodedata.normalize("NFKC", letter.group()), source)


_HANGUL_SPACE = re.compile("(?<=[\uac00-\ud7a3]) (?=[\uac00-\ud7a3])")
"""A space between two Hangul syllables of a cue: Korean chat often leaves it out ("도움이안돼요", "다른방법 없나요"),
so it is optional."""


def _yo_either(source: str) -> str:
    """A cue's ё also takes е, as most people type it ("еще", "все равно"), in a character class too."""
    out: list[str] = []
    in_class = escaped = False
    for char in source:
        if escaped or char == "\\":
            escaped = not escaped
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "ё":
            out.append("её" if in_class else "[её]")
            continue
        out.append(char)
    return "".join(out)


def _as_typed(source: str) -> str:
    """A cue as people type it: jamo folded, Hangul spacing optional, ё or е."""
    return _yo_either(_HANGUL_SPACE.sub(" ?", _folded_jamo(source)))


def _union(parts: list[str]) -> re.Pattern[str] | None:
    """One pattern for the languages' cues. Messages are case-folded before they are read
    (`turns.folded`) and the cues are written in folded letters, so the pattern is case-sensitive:
    IGNORECASE would double the time of the long alternations for nothing."""
    sources = [_as_typed(part) for part in parts if part]
    return re.compile("|".join(f"(?:{source})" for source in sources)) if sources else None


def _merged(name: str) -> re.Pattern[str] | None:
    return _union([getattr(module, name, "") for module in LANGUAGE_MODULES])


@dataclass(frozen=True)
class Cues:
    """Compiled cues of all languages; each attribute is one kind of cue."""

    reference: re.Pattern[str]
    points_back: re.Pattern[str]
    """A pronoun for the problem at hand ("does that matter?", "이게", "这个", "это"): a question with it asks about the
    conversation, at any length."""
    problem: re.Pattern[str]
    """The problem itself named ("the same crash", "그 오류", "这个错误", "та же ошибка"), not an aspect of it."""
    new_topic: re.Pattern[str]
    comparison: re.Pattern[str]
    """"Is it the same problem?", "related?": a message that measures itself against the conversation continues it."""
    local_asked: re.Pattern[str]
    """How to run or debug it locally, asked outright: the local aspect at any length (not "once it runs locally, ...")."""
    fetched_here: re.Pattern[str]
    """Something fetched to one's machine ("pull the image locally", "скачать себе локально"): where it goes, not the
    local aspect (running or debugging there)."""
    compared_with: re.Pattern[str]
    """What the comparison names ("the same as too many pending requests?"): a question about that, not a verdict."""
    family_switch: re.Pattern[str]
    feedback: re.Pattern[str]
    feedback_unasked: re.Pattern[str]
    verdict: re.Pattern[str]
    """"That didn't help" outright: feedback even in a line with a code ("only the cloud one throws 424, didn't help")."""
    """Feedback only when the message asks nothing ("already checked that")."""
    untried: re.Pattern[str]
    """Not tried yet ("haven't tried it yet"): never feedback, whatever negation the message has."""
    done: re.Pattern[str]
    """Something the user did, told ("already gave it AcrPull", "квоту увеличили"): after an answer, what it
    suggested was tried; in a short statement, feedback on it (app/dialogue/turns.py)."""
    domain: re.Pattern[str]
    filler: re.Pattern[str]
    question: re.Pattern[str]
    """A question rather than a statement: in a conversation, a question without evidence of its own asks about the topic."""
    question_ahead: re.Pattern[str]
    """A question announced, not yet asked ("quick q about our endpoint", "问个问题"): after a greeting, still a greeting."""
    polar: re.Pattern[str]
    """A yes-or-no question ("is it per region?", "리전별인가요?", "能超过180秒吗"), not asking what, how or where: in a
    conversation it asks about the problem at hand, not for another one."""
    check_back: re.Pattern[str]
    """What one understood, asked back ("so I'd need a proxy in front?", "то есть нужен прокси?"): a yes or no check
    of the answer shown, worded as a statement."""
    because: re.Pattern[str]
    """"Because of", "due to", "could that be why?": a question naming what it suspects as the cause."""
    resigned: re.Pattern[str]
    """Thanks said although nothing helped ("cheers anyway"): a closing, not a verdict on the answer."""
    resolved: re.Pattern[str]
    """The problem said to be gone ("ERR_1100 is gone now", "429 больше нет"): with thanks, a closing even beside its
    code."""
    advised: re.Pattern[str]
    """Done as the answer said ("like you said", "按你说的"): feedback about it, whatever else the message names."""
    who_answers: re.Pattern[str]
    """Asking who answers, a person or a bot ("are you real Azure support or just a bot?"): about the assistant,
    whatever product it names."""
    paste_offer: re.Pattern[str]
    """Whether the assistant reads what one would paste ("can you read logs if I paste them?", "можно скинуть лог?"):
    about the assistant, whatever it names of logs."""
    aside: re.Pattern[str]
    """An aside that something else fails too ("btw the pipeline also won't start", "참고로 ...도 안 돼요"): another
    problem told in passing, not a verdict on the answer shown."""
    asks_on: re.Pattern[str]
    """A question opened as the next one of the same talk ("and ...?", "그럼 ...?", "那 ...？", "а ...?")."""
    asks_then: re.Pattern[str]
    """A question drawn from what was said ("then how do I ...?", "그럼 ...?", "那 ...？", "тогда ...?"): it goes on from
    the answer (after "that didn't help" too), where "and ...?" may turn to anything."""
    or_else: re.Pattern[str]
    """The "or" that offers an alternative in a question, searched in the text before another cue ("is it the same as
    ERR_1100, or a different problem?"): what follows is one answer the question offers, not an announcement."""
    image_with: re.Pattern[str]
    """An image with something in it ("an image with ptvsd", "образ с ptvsd", "带 ptvsd 的镜像", "ptvsd 들어간 이미지"): building
    it is making that image, a how-to of its own, not the build stage of the product ("and at build time?")."""
    teardown: re.Pattern[str]
    """How to stop or remove something once done with it ("how do I delete the local service?"): the entry of the
    conversation about taking it down, not the one about setting it up."""
    language_ability: re.Pattern[str]
    """Asking whether the assistant speaks or understands a language ("ты понимаешь по-русски?"): asked in the language the
    answers are already in, about the assistant, not a request."""
    language: dict[str, re.Pattern[str]]
    """Explicit requests ("in Korean"): the answer's language in any turn."""
    language_names: dict[str, re.Pattern[str]]
    """A language named at all ("Korean, please?"): a request only when the message is little else."""
    language_unwanted_before: re.Pattern[str]
    """Said just before a language's name, it is the one not wanted ("I can't read English", "不要英文"), searched in
    the text before the name (the cues end in `$`)."""
    language_unwanted_after: re.Pattern[str]
    """Said just after a language's name, it is the one not wanted ("영어 말고", "英文我看不懂")."""
    translate: re.Pattern[str]
    """A translation asked for ("translate pls", "переведи"): without a language named, into the message's own."""
    small_talk: dict[str, re.Pattern[str]]
    aspects: dict[str, re.Pattern[str]]
    families: dict[str, re.Pattern[str]]
    choices: dict[str, re.Pattern[str]]
    named_one: tuple[re.Pattern[str], ...]
    """"The storage initializer one": something named by a few of its words, each language's pattern apart
    (the name is the pattern's first group that took part)."""
    """"The second one": a pick among the entries offered, by position ("1", "2", "3")."""


def _compile() -> Cues:
    def required(name: str) -> re.Pattern[str]:
        pattern = _merged(name)
        assert pattern is not None, f"no language defines {name}"
        return pattern

    def per_key(name: str, keys: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
        merged = {key: _union([getattr(module, name).get(key, "") for module in LANGUAGE_MODULES]) for key in keys}
        assert all(merged.values()), f"{name} misses a key in every language"
        return {key: pattern for key, pattern in merged.items() if pattern is not None}

    return Cues(
        reference=required("REFERENCE"), points_back=required("POINTS_BACK"),
        problem=required("PROBLEM"), new_topic=required("NEW_TOPIC"), comparison=required("COMPARISON"),
        compared_with=required("COMPARED_WITH"), local_asked=required("LOCAL_ASKED"),
        fetched_here=required("FETCHED_HERE"),
        family_switch=required("FAMILY_SWITCH"), feedback=required("FEEDBACK"),
        feedback_unasked=required("FEEDBACK_UNASKED"), verdict=required("VERDICT"), untried=required("UNTRIED"),
        done=required("DONE"), domain=required("DOMAIN"), filler=required("FILLER"), question=required("QUESTION"),
        question_ahead=required("QUESTION_AHEAD"),
        polar=required("POLAR"), check_back=required("CHECK_BACK"), because=required("BECAUSE"),
        resigned=required("RESIGNED"), resolved=required("RESOLVED"), advised=required("ADVISED"), aside=required("ASIDE"),
        asks_on=required("ASKS_ON"), asks_then=required("ASKS_THEN"), or_else=required("OR_ELSE"), teardown=required("TEARDOWN"),
        image_with=required("IMAGE_WITH"),
        language_ability=required("LANGUAGE_ABILITY"),
        who_answers=required("WHO_ANSWERS"), paste_offer=required("PASTE_OFFER"), language=per_key("LANGUAGE_REQUESTS", LANGS),
        language_names=per_key("LANGUAGE_NAMES", LANGS),
        language_unwanted_before=required("LANGUAGE_UNWANTED_BEFORE"),
        language_unwanted_after=required("LANGUAGE_UNWANTED_AFTER"), translate=required("TRANSLATE"),
        small_talk={kind: required(kind.upper()) for kind in SMALL_TALK_KINDS},
        aspects={aspect: required(f"ASPECT_{aspect.upper()}") for aspect in ASPECTS},
        families=per_key("FAMILIES", FAMILIES), choices=per_key("CHOICES", CHOICE_POSITIONS),
        named_one=tuple(re.compile(_folded_jamo(module.NAMED_ONE)) for module in LANGUAGE_MODULES
                        if getattr(module, "NAMED_ONE", "")))


CUES = _compile()
