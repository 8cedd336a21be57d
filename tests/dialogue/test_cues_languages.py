"""Russian, Korean and Chinese cues read through the ways people type: inflected forms, ё written as е,
Korean without spaces, Russian in Latin letters, clipped and colloquial wording."""
from __future__ import annotations

import pytest

from app.dialogue.cues import CUES
from app.dialogue.turns import TurnKind, read_turn


def _kind(text: str) -> TurnKind:
    return read_turn(text, in_conversation=True).kind


@pytest.mark.parametrize("text", [
    # one verb in its genders and numbers, and its other aspect
    "совет не помог", "подсказка не помогла", "ваши шаги не помогли", "непомогло",
    "итог не изменился", "статус так и не поменялся", "всё равно не завелось", "так и валится",
    # the same thing, in a word of one's own
    "опять та же беда", "не наш случай",
    # typed in Latin letters
    "ne pomoglo", "ne rabotaet vsyo ravno",
])
def test_russian_feedback_in_any_form(text):
    assert _kind(text) is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["вы нам очень помогли", "мне помогло, спасибо", "норм, всё работает", "spasibo bolshoe",
                                  "sps", "от души"])
def test_russian_thanks_in_any_form(text):
    reading = read_turn(text, in_conversation=True)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "thanks")


def test_mne_is_not_a_negation():
    """"мне" ends in "не": what helped me is not "didn't help"."""
    assert not CUES.feedback.search("это мне подходит")
    assert _kind("мне это помогло") is not TurnKind.FEEDBACK


def test_poka_as_while_is_not_goodbye():
    """"пока" is "bye" alone or at the end, "while" or "until" inside a clause."""
    assert not CUES.small_talk["goodbye"].search("долго ли ждать, пока удалится эндпоинт?")
    assert not CUES.small_talk["goodbye"].search("пока не понимаю, куда смотреть")
    assert CUES.small_talk["goodbye"].search("ну всё, пока")
    assert CUES.small_talk["goodbye"].search("пока!")


def test_a_purpose_clause_is_not_thanks():
    """"что поменять, чтобы заработало?" asks; "заработало" in it is no news."""
    assert read_turn("что поменять, чтобы заработало?", in_conversation=True).small_talk is None


def test_a_word_containing_a_topic_word_is_not_off_topic():
    """"подсказка" holds "сказка" (a fairy tale) inside it."""
    assert read_turn("подсказка помогла", in_conversation=True).small_talk == "thanks"


@pytest.mark.parametrize(("text", "aspect"), [
    ("отчего так?", "cause"), ("откуда она вообще берётся?", "cause"), ("как это пофиксить?", "fix"),
    ("а что с ним делать?", "fix"), ("а через az?", "command"),
])
def test_russian_aspects_in_colloquial_words(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


def test_yo_written_as_ye():
    """A cue spelt with ё matches the same word typed with е."""
    assert CUES.reference.search("а ее куда?")
    assert CUES.small_talk["greeting"].search("всем привет") and CUES.feedback.search("все еще падает")


@pytest.mark.parametrize(("text", "lang"), [("na russkom pls", "ru"), ("на инглише", "en"), ("english로", "en"),
                                            ("eng로 주세요", "en")])
def test_language_requests_in_other_spellings(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert (reading.kind, reading.target_lang) == (TurnKind.LANGUAGE, lang)


@pytest.mark.parametrize("text", ["도움이안됐어요", "효과가없네요", "다른방법은없어요?", "배포 실패함"])
def test_korean_feedback_without_spaces_or_clipped(text):
    assert _kind(text) is TurnKind.FEEDBACK


@pytest.mark.parametrize(("text", "kind"), [("안뇽", "greeting"), ("수고요", "goodbye"), ("담에 봬요", "goodbye"),
                                            ("이제잘돼요", "thanks")])
def test_korean_clipped_small_talk(text, kind):
    assert read_turn(text, in_conversation=True).small_talk == kind


@pytest.mark.parametrize("text", ["어쩌죠?", "그럼 어떡하나요?"])
def test_korean_what_now_asks_for_the_fix(text):
    assert read_turn(text, in_conversation=True).aspect == "fix"


def test_korean_what_now_after_a_question_of_its_own_is_not_the_fix():
    assert read_turn("다른 리전에 새로 만들려면 어떻게 하나요?", in_conversation=True).aspect is None


@pytest.mark.parametrize("text", ["一点效果都没有", "白搭", "还是老毛病", "换个方案？"])
def test_chinese_colloquial_feedback(text):
    assert _kind(text) is TurnKind.FEEDBACK


@pytest.mark.parametrize(("text", "aspect"), [("这是咋回事", "cause"), ("那咋整", "fix"), ("那我该怎么做呢", "fix")])
def test_chinese_colloquial_aspects(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


def test_chinese_how_after_a_question_of_its_own_is_not_the_fix():
    """"怎么弄" closing a question about something else asks that, not the fix shown."""
    assert read_turn("想先在本机跑一下这个模型？怎么弄", in_conversation=True).aspect != "fix"


def test_chinese_done_said_in_slang():
    assert read_turn("好，修好了", in_conversation=True).small_talk == "thanks"


def test_russian_products_by_spoken_name_and_asking_if_it_is_the_same_there():
    """"а в батче так же?" asks about batch, it is no verdict on the answer."""
    reading = read_turn("а у батч-джобов так же?", in_conversation=True, family="managed-online-endpoints")
    assert "batch-endpoints" in reading.families and reading.kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["работает!", "уже заработало", "ща гляну"])
def test_russian_it_works_alone(text):
    assert read_turn(text, in_conversation=True).small_talk == "thanks"


@pytest.mark.parametrize(("text", "aspect"), [("с чем это вообще связано?", "cause"), ("как от неё избавиться?", "fix"),
                                              ("и дальше что?", "more")])
def test_russian_what_why_and_next_in_other_words(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


@pytest.mark.parametrize("text", ["не подходит под наш случай", "у нас другая ситуация, это не наш случай"])
def test_not_our_case(text):
    assert read_turn(text, in_conversation=True).feedback_cue


def test_korean_not_my_situation_and_chinese_slang_no_use():
    assert _kind("저희 환경이랑은 달라요") is TurnKind.FEEDBACK
    assert _kind("没鸟用") is TurnKind.FEEDBACK
