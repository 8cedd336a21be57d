"""Korean and the Hangul script: syllables and bigrams, grammar stop bigrams, detection, status words."""
import pytest

from app.matching.extract import http_statuses
from app.matching.features import features
from app.matching.language import detect_language
from app.matching.languages import UNIGRAM, ko
from app.matching.neighbours import neighbour_topic
from app.matching.normalize import normalize

K = ko.PREFIX


def feats(text: str) -> list[str]:
    return features(normalize(text))


def test_korean_gives_syllables_and_bigrams():
    assert feats("끝났는데") == [
        f"{K}{UNIGRAM}:끝", f"{K}{UNIGRAM}:났", f"{K}{UNIGRAM}:는", f"{K}{UNIGRAM}:데", f"{K}:끝났", f"{K}:났는"]


def test_grammar_bigrams_are_dropped_but_their_syllables_stay():
    assert "어떻" in ko.STOP_BIGRAMS
    korean = feats("어떻게")
    assert f"{K}:어떻" not in korean and f"{K}{UNIGRAM}:어" in korean


@pytest.mark.parametrize("text", ["배포할 때 할당량이 부족하다고 나와요", "az ml endpoint get-logs 로 로그 보는 법"])
def test_hangul_text_is_korean(text):
    assert detect_language(text) == "ko"


def test_hangul_wins_over_as_many_han_characters():
    assert detect_language("配 배") == "ko"


@pytest.mark.parametrize("text,status", [("엔드포인트에서 408 떠요", 408), ("상태 코드 503", 503)])
def test_korean_words_around_a_status_mark_it(text, status):
    assert http_statuses(normalize(text)) == [status]


@pytest.mark.parametrize(("loanword", "term"), [("컴퓨트", "컴퓨팅"), ("디플로이", "배포"), ("디플로이먼트", "배포")])
def test_loanwords_spelt_after_english_meet_the_documentation_term(loanword, term):
    assert feats(f"{loanword}가 실패") == feats(f"{term}가 실패")


def test_a_compute_instance_spelt_as_the_loanword_is_a_neighbour():
    sighting = neighbour_topic(normalize("컴퓨트 인스턴스에서 주피터 커널이 자꾸 죽어요"))
    assert sighting is not None and sighting.topic.id == "compute-instance"


@pytest.mark.parametrize(("everyday", "knowledge"), [
    ("자꾸 재시작돼요", "계속 재시작돼요"),        # "keeps": the everyday word and the knowledge's
    ("배치 작업 돌렸는데", "배치 작업 실행했는데"),  # ran a job
    ("웹서비스 배포", "웹 서비스 배포"),            # two words the knowledge writes apart
    ("미니배치 처리", "미니 배치 처리"),
    ("파일 묶음 처리", "파일 미니 배치 처리"),      # a bundle of files handed to run(): a mini-batch
])
def test_everyday_korean_wording_gives_the_knowledge_words_features(everyday, knowledge):
    assert feats(everyday) == feats(knowledge)


def test_the_job_loanword_still_reads_as_a_job_after_a_latin_name_and_not_inside_a_word():
    assert f"{K}:작업" in feats("배치잡이 실패") and f"{K}:작업" in feats("도커잡이 실패")
    assert f"{K}:복잡" in feats("설정이 복잡해요") and f"{K}:작업" not in feats("설정이 복잡해요")


def test_chat_endings_and_the_particle_after_an_error_give_no_bigrams():
    found = feats("했더니 에러가 나네요 그런데 결국 안 되죠")
    assert not {f"{K}:했더", f"{K}:러가", f"{K}:네요", f"{K}:그런", f"{K}:결국"} & set(found)
    assert f"{K}:에러" in found
