"""Language detection from Unicode scripts, for short and mixed pastes."""
import pytest

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


@pytest.mark.parametrize("text", ["ERR_1100", "429", "HTTP 504", "   "])
def test_code_only_pastes_have_no_language(text):
    assert detect_language(text) is None
