"""Error codes exactly, in the spellings people type; HTTP statuses only in context."""
import pytest

from app.matching.extract import canonical_error_code, error_codes, http_statuses
from app.matching.normalize import normalize


@pytest.mark.parametrize("typed", ["ERR_1100", "err-1100", "ERR 1100", "err1100", "Err_11OO", "error 1100"])
def test_spelling_variants_give_the_canonical_code(typed):
    assert error_codes(normalize(typed)) == ["ERR_1100"]


def test_code_is_never_confused_with_a_neighbour():
    assert error_codes(normalize("deployment failed: ERR_1101 then ERR_1500")) == ["ERR_1101", "ERR_1500"]


def test_words_containing_err_are_not_codes():
    assert error_codes(normalize("stderr 1100 lines; terror 2200")) == []


def test_canonical_code_rejects_non_codes():
    assert canonical_error_code("ERR_11000") is None and canonical_error_code("hello") is None


@pytest.mark.parametrize("text,status", [
    ("HTTP/1.1 429 Too Many Requests", 429),
    ("status code 503", 503),
    ("requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url", 429),
    ("The remote server returned an error: (413) Request Entity Too Large.", 413),
    ('{"statusCode": 424, "message": "model error"}', 424),
    ("502 Bad Gateway", 502),
    ("429", 429),
    ("scoring fails with 424 for big batches", 424),
    ("调用接口返回 404", 404),
    ("408 떠요", 408),
    ("сервис отвечает 502", 502),
    ("every third caller gets 503 when the batch is big", 503),
])
def test_status_in_context_is_extracted(text, status):
    assert http_statuses(normalize(text)) == [status]


@pytest.mark.parametrize("text", [
    "ERR_2200 exit code 137",
    'File "score.py", line 201, in run',
    "memory 500Mi requested, 150 requests per second",
    "resized 404 images to 300 px",
])
def test_numbers_without_status_context_are_not_statuses(text):
    assert http_statuses(normalize(text)) == []


def test_a_status_and_its_reason_are_read_with_a_particle_glued_on():
    """Korean writes its particle against the English words ("... Requests를 받았어요"); an ASCII
    letter right after the reason is another word, though."""
    assert http_statuses(normalize("호출하면 429 Too Many Requests를 받아요")) == [429]
    assert http_statuses(normalize("모델 404 Not Found가 떠요")) == [404]
    assert http_statuses(normalize("item 404 not founders list")) == []
