"""The response models describe what the API really sends: each live reply validates against its model."""
import pytest

from app.api.models import EntryDetail, EntryList, Lookup, MatchResponse


@pytest.mark.parametrize("query", ["ERR_1100", "HTTP/1.1 429 Too Many Requests", "컨테이너가 계속 재시작돼요"])
def test_a_match_reply_is_a_match_response(client, query):
    MatchResponse.model_validate(client.post("/api/v1/match", json={"query": query}).get_json())


def test_an_entry_list_is_an_entry_list(client):
    EntryList.model_validate(client.get("/api/v1/entries?lang=zh&per_page=100").get_json())


def test_an_entry_is_an_entry_detail(client):
    EntryDetail.model_validate(client.get("/api/v1/entries/err_1100-not-enough-quota?lang=ru").get_json())


def test_a_lookup_is_a_lookup(client):
    Lookup.model_validate(client.get("/api/v1/lookup/429").get_json())


def test_a_reply_with_an_unknown_field_would_not_validate(client):
    reply = client.get("/api/v1/lookup/429").get_json()
    with pytest.raises(ValueError):
        Lookup.model_validate({**reply, "surprise": 1})
