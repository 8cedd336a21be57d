"""Language detection from Unicode scripts, for short and mixed pastes."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.matching.language import detect_language


@pytest.mark.parametrize("text,lang", [
    ("Deployment failed with an internal error", "en"),
    ("배포할 때 할당량이 부족하다고 나와요", "ko"),
    ("部署时提示配额不足", "zh"),
    ("Развертывание падает с ошибкой", "ru"),
    ("az ml endpoint get-logs 로 로그 보는 법", "ko"),
    ("日志里一直刷 Booting worker with pid", "zh"),
    ("ERR_1102 что делать?", "ru"),
])
def test_script_decides_the_language(text, lang):
    assert detect_language(text) == lang


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_gets_one_of_the_four_languages_or_none(text):
    assert detect_language(text) in {None, "en", "ko", "zh", "ru"}


_QUESTIONS = {"ko": "배포가 실패해요", "zh": "部署失败了", "ru": "развертывание падает"}
_LOG_LINES = st.lists(st.sampled_from([
    "Traceback (most recent call last):", "ERR_1100", "HTTP/1.1 429 Too Many Requests",
    "Booting worker with pid: 42", "az ml online-deployment create -f d.yml", "CrashLoopBackOff", "\n",
]), max_size=8).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(_QUESTIONS)), _LOG_LINES, _LOG_LINES)
def test_english_log_output_around_a_question_keeps_the_questions_language(lang, before, after):
    assert detect_language(f"{before}\n{_QUESTIONS[lang]}\n{after}") == lang
