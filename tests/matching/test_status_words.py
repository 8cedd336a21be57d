"""An HTTP status counts as what it says, wherever the knowledge writes it: a signature that is only the
generic sentence a service returns with a status says no more than the status, and a phrase that names a
status is missing a word when the paste never writes that status."""
from __future__ import annotations

import pytest

from app.matching.features import tokens
from app.matching.matcher import Matcher, _spells_status, _statuses_said
from app.matching.normalize import normalize


@pytest.mark.parametrize("status, signature", [
    (503, "Service Unavailable"),
    (503, "The service is unavailable right now: Service Unavailable, retry in a few minutes"),
    (500, "Sorry, an Internal Server Error happened while handling your call"),
    (404, "Response 404 from the registry"),
    (413, "413 Payload Too Large"),
])
def test_a_signature_that_only_wraps_a_status_is_that_status(status, signature):
    assert _spells_status(status, signature, None)


@pytest.mark.parametrize("status, signature", [
    (500, "Key Vault access policies were reset"),
    (503, "The scoring container ran out of memory"),
    # the service's own phrase after the number tells two cases of one status apart
    (424, "424 Model Error"),
    (424, "424 Response payload too large"),
])
def test_a_signature_of_its_own_is_not_the_status(status, signature):
    assert not _spells_status(status, signature, None)


def test_the_service_s_own_name_for_a_424_picks_its_case_without_doubt(matcher):
    result = matcher.match("my online endpoint call fails with HTTP 424 Model Error")
    assert result.matches[0].id == "http-424-model-error"
    assert not result.ambiguous


@pytest.mark.parametrize("paste, said", [
    ("the router keeps answering bad gateway", {"502"}),
    ("curl came back with 429 after ten calls", {"429"}),
    ("the call hangs until the client gives up", set()),
    ("python 3.10 with 200 rows", {"200"}),
])
def test_a_paste_says_a_status_by_its_number_or_its_reason_phrase(paste, said):
    assert _statuses_said(tokens(normalize(paste))) == said


def _entry(entry_id: str, alias: str) -> dict:
    return {"id": entry_id, "family": "managed-online-endpoints", "kind": "symptom", "error_codes": [],
            "http_statuses": [], "signatures": [], "patterns": [], "related": [], "commands": [],
            "content": {"en": {"title": alias, "cause": alias, "steps": "1. Do it."}},
            "aliases": {"en": [alias]},
            "sources": [{"doc": "x.txt", "anchor": "a", "lang": "en", "date": "2021-01-01"}]}


@pytest.fixture(scope="module")
def small() -> Matcher:
    entries = [_entry("status-named", "409 whenever the tulip route is called"),
               _entry("plain", "the tulip route is called and waits")]
    entries += [_entry(f"other-{word}", f"{word} kettle") for word in ("apple", "river", "pencil", "violin")]
    return Matcher(entries)


def _text_score(matcher: Matcher, query: str, entry_id: str) -> float:
    result = matcher.match(query)
    match = next(m for m in result.candidates if m.id == entry_id)
    return max(r["score"] for r in match.reasons if r["type"] in ("alias", "title"))


def test_a_phrase_naming_a_status_the_paste_never_writes_misses_a_word(small):
    without = _text_score(small, "whenever the tulip route is called", "status-named")
    with_status = _text_score(small, "409 whenever the tulip route is called", "status-named")
    by_name = _text_score(small, "conflict whenever the tulip route is called", "status-named")
    assert without < with_status and without < by_name
