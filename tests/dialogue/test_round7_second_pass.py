"""Seventh round, second pass, own wording in four languages: a thank-you or greeting in front of a question about a
code is not small talk, a new topic announced after a thank-you is announced all the same, whether anyone is there
is a greeting, what the assistant can solve is a meta question, and "still empty" or "same err" says the answer did
not help; once everything offered was rejected, asking on shows no rejected card again; thanks that the
conversation's code is gone closes it."""
from __future__ import annotations

import pytest

from app.dialogue.policy import Show, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, first_answered, make_entry, ranked_result

ONLINE = "managed-online-endpoints"
BATCH = "batch-endpoints"


@pytest.mark.parametrize("text", [
    "cheers! and what does ERR_1102 mean?",
    "thx, and 503?",
    "고마워요! 그럼 ERR_1102 는요?",
    "спасибо! а что значит ERR_1102?",
    "多谢！那 ERR_1102 呢？",
])
def test_thanks_before_a_question_about_a_code_asks_it(text: str) -> None:
    assert read_turn(text, True, ONLINE).kind is not TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["thanks, all good now", "спасибо!", "谢谢", "고마워요"])
def test_thanks_alone_stays_small_talk(text: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "thanks"


@pytest.mark.parametrize("text", [
    "great, thanks! another question: what is ERR_1102?",
    "спасибо, и ещё: что с ERR_1102?",
    "谢谢！还有一个：ERR_1102 怎么办？",
    "감사합니다! 하나 더: ERR_1102 는 뭐죠?",
    "ok thanks. separate question: my batch output folder is empty",
])
def test_a_topic_announced_after_thanks_is_new(text: str) -> None:
    assert read_turn(text, True, ONLINE).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", ["вы ещё тут?", "ты на связи?", "您还在吗", "혹시 계세요?", "요즘 잘 지내셨어요?", "я снова здесь", "我回来啦", "제가 또 왔어요"])
def test_whether_anyone_is_there_or_back_is_a_greeting(text: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "greeting"


@pytest.mark.parametrize("text", ["你可以帮我处理什么问题？", "너 뭐 할 줄 알아?"])
def test_what_the_assistant_can_do_is_meta(text: str) -> None:
    reading = read_turn(text, False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "meta"


@pytest.mark.parametrize("text", ["还是空的", "依然空白", "same err", "same msg again"])
def test_the_same_outcome_told_briefly_is_feedback(text: str) -> None:
    assert read_turn(text, True, BATCH).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["还是用 CLI 吧？", "is it the same err as before?"])
def test_a_question_about_the_same_is_not_feedback(text: str) -> None:
    assert read_turn(text, True, BATCH).kind is not TurnKind.FEEDBACK


QUOTA_ENTRIES = {entry["id"]: entry for entry in (
    make_entry("cores-used-up", "error-code", "Not enough cores left for the VM size", ("region-full",)),
    make_entry("region-full", "error-code", "The region has no capacity for the VM size", ()),
)}
QUOTA = FakeKnowledge(QUOTA_ENTRIES)


def _everything_rejected() -> State:
    """The state once the quota card was said not to help, and then the one alternative offered too."""
    state = first_answered("cores-used-up", QUOTA)
    offered = resolve(read_turn("tried that, no luck", True, ONLINE), state, None, QUOTA)
    assert offered.show == Show.ALTERNATIVES
    left = resolve(read_turn("that one did not help either", True, ONLINE), offered.state, None, QUOTA)
    assert left.show == Show.NOTHING_LEFT
    return left.state


@pytest.mark.parametrize("text", ["so what now?", "그럼 이제 어떻게 해요?", "那现在怎么办？", "и что теперь делать?"])
def test_asking_on_once_nothing_is_left_shows_no_rejected_card(text: str) -> None:
    faint = ranked_result(("cores-used-up", 30.0), ("region-full", 25.0))
    resolution = resolve(read_turn(text, True, ONLINE), _everything_rejected(), faint, QUOTA)
    assert resolution.show == Show.NOTHING_LEFT and not resolution.matches



CODED = FakeKnowledge({
    "cores-used-up": {**QUOTA_ENTRIES["cores-used-up"], "error_codes": ["ERR_1100"]},
    "region-full": {**QUOTA_ENTRIES["region-full"], "error_codes": ["ERR_1101"]},
})


@pytest.mark.parametrize("text", [
    "cheers, ERR_1100 went away",
    "고맙습니다, ERR_1100 이 사라졌어요",
    "多谢，ERR_1100 不再报了",
    "спасибо, ERR_1100 исчезла",
])
def test_thanks_that_the_code_is_gone_closes(text: str) -> None:
    state = first_answered("cores-used-up", CODED)
    resolution = resolve(read_turn(text, True, ONLINE), state, ranked_result(("cores-used-up", 100.0)), CODED)
    assert resolution.turn is TurnKind.SMALL_TALK and not resolution.matches


def test_thanks_with_another_code_opens_it() -> None:
    state = first_answered("cores-used-up", CODED)
    resolution = resolve(read_turn("thanks, the old one went away but now ERR_1101 shows up", True, ONLINE), state,
                         ranked_result(("region-full", 100.0)), CODED)
    assert [match.id for match in resolution.matches][:1] == ["region-full"]
