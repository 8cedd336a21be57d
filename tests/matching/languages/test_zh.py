"""Chinese and the Han script: characters and bigrams, question-word stop bigrams, detection, status words."""
import pytest

from app.matching.extract import http_statuses
from app.matching.features import features
from app.matching.language import detect_language
from app.matching.languages import UNIGRAM, zh
from app.matching.normalize import normalize

H = zh.PREFIX


def feats(text: str) -> list[str]:
    return features(normalize(text))


def test_chinese_gives_characters_and_bigrams():
    assert feats("配额不足") == [
        f"{H}{UNIGRAM}:配", f"{H}{UNIGRAM}:额", f"{H}{UNIGRAM}:不", f"{H}{UNIGRAM}:足",
        f"{H}:配额", f"{H}:额不", f"{H}:不足"]


def test_question_word_bigrams_are_dropped_but_their_characters_stay():
    assert "什么" in zh.STOP_BIGRAMS
    assert feats("什么") == [f"{H}{UNIGRAM}:什", f"{H}{UNIGRAM}:么"]


def test_single_character_chinese_word_still_has_a_feature():
    assert feats("慢") == [f"{H}{UNIGRAM}:慢"]


def test_words_are_not_joined_across_spaces():
    assert f"{H}:署失" not in feats("部署 失败")
    assert f"{H}:署失" in feats("部署失败")


@pytest.mark.parametrize("text", ["部署时提示配额不足", "日志里一直刷 Booting worker with pid"])
def test_han_text_is_chinese(text):
    assert detect_language(text) == "zh"


@pytest.mark.parametrize("text,status", [("调用终结点返回 404", 404), ("状态码: 503", 503)])
def test_chinese_words_around_a_status_mark_it(text, status):
    assert http_statuses(normalize(text)) == [status]


@pytest.mark.parametrize(("everyday", "knowledge"), [
    ("批量作业", "批处理作业"),   # both words for a batch job; the knowledge says both
    ("拿到了响应", "收到了响应"),
    ("能不能回滚", "能否回滚"),   # a yes-no question "A not A": no 不能 (cannot) in it
    ("会不会超时", "是否超时"),
])
def test_everyday_chinese_wording_gives_the_knowledge_words_grams(everyday, knowledge):
    assert feats(everyday) == feats(knowledge)


def test_asking_for_help_and_when_it_happened_give_no_bigrams():
    found = set(feats("上周帮我看看那边的部署，可是会不会有关"))
    assert not {f"{H}:上周", f"{H}:帮我", f"{H}:那边", f"{H}:可是", f"{H}:有关", f"{H}:不能"} & found
    assert f"{H}:部署" in found
