"""GET /api/v1/entries and /api/v1/entries/<id>: filters, stable pages, languages, errors."""
from __future__ import annotations

import pytest


def _items(client, query: str = "") -> list[dict]:
    return client.get(f"/api/v1/entries{query}").get_json()["items"]


def test_the_list_reports_total_and_pages(client):
    body = client.get("/api/v1/entries?per_page=10").get_json()
    assert (body["page"], body["per_page"], body["pages"]) == (1, 10, -(-body["total"] // 10))


def test_pages_follow_id_order_without_gaps_or_repeats(client):
    everything = [item["id"] for item in _items(client, "?per_page=100")]
    pages = client.get("/api/v1/entries?per_page=9").get_json()["pages"]
    paged = [item["id"] for page in range(1, pages + 1) for item in _items(client, f"?per_page=9&page={page}")]
    assert paged == sorted(everything)


def test_a_page_past_the_end_is_empty(client):
    assert _items(client, "?page=1000") == []


def test_family_filter_keeps_only_that_family(client):
    families = {item["family"] for item in _items(client, "?family=batch-endpoints&per_page=100")}
    assert families == {"batch-endpoints"}


@pytest.mark.parametrize("code", ["ERR_1100", "err-1100", "err 1100"])
def test_code_filter_accepts_the_usual_spellings(client, code):
    assert [item["id"] for item in _items(client, f"?code={code}")] == ["err_1100-not-enough-quota"]


def test_status_filter_finds_every_entry_for_the_status(client):
    assert [item["id"] for item in _items(client, "?status=429")] == [
        "http-429-rate-limiting", "http-429-too-many-pending-requests"]


def test_lang_filter_keeps_entries_written_in_that_language(client):
    items = _items(client, "?lang=ru&per_page=100")
    assert items and all("ru" in item["available_langs"] and item["lang"] == "ru" for item in items)


def test_text_search_finds_an_entry_by_its_title(client):
    assert "err_1100-not-enough-quota" in [item["id"] for item in _items(client, "?q=quota")]


def test_text_search_treats_like_wildcards_literally(client):
    assert _items(client, "?q=%25%25") == []


@pytest.mark.parametrize("query, code", [
    ("?family=aks", "invalid_family"), ("?status=abc", "invalid_status"), ("?status=700", "invalid_status"),
    ("?status=4.2e2", "invalid_status"), ("?page=0", "invalid_page"), ("?page=-1", "invalid_page"),
    ("?page=%D9%A3", "invalid_page"), ("?per_page=101", "invalid_per_page"), ("?per_page=1.5", "invalid_per_page"),
    ("?code=ERR_11", "invalid_code"), ("?code= ERR_1100", "invalid_code"), ("?lang=de", "invalid_lang"),
    ("?lang=", "invalid_lang"), ("?family=", "invalid_family"), ("?page=", "invalid_page"), ("?q=" + "x" * 201, "invalid_q"),
    ("?q=quota%00", "invalid_q"),
], ids=lambda value: value if value.startswith("invalid") else None)
def test_a_bad_filter_is_a_400_that_names_it(client, query, code):
    response = client.get(f"/api/v1/entries{query}")
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, code)


def test_an_entry_is_shown_in_the_requested_language(client):
    body = client.get("/api/v1/entries/err_1100-not-enough-quota?lang=zh").get_json()
    assert (body["lang"], body["fallback"]) == ("zh", False)


def test_an_entry_missing_the_language_falls_back_to_english(client):
    body = client.get("/api/v1/entries/err_1100-not-enough-quota?lang=ru").get_json()
    assert (body["lang"], body["fallback"]) == ("en", True)


def test_an_entry_links_to_its_web_page(client):
    body = client.get("/api/v1/entries/err_1100-not-enough-quota?lang=ko").get_json()
    assert body["url"] == "/entries/err_1100-not-enough-quota?lang=ko"


@pytest.mark.parametrize("entry_id", ["no-such-entry", "ERR_1100-NOT-ENOUGH-QUOTA", "a%00b", "x" * 500, "%F0%9F%92%A5"])
def test_an_unknown_entry_is_a_json_404(client, entry_id):
    response = client.get(f"/api/v1/entries/{entry_id}")
    assert (response.status_code, response.get_json()["error"]["code"]) == (404, "entry_not_found")


def test_an_entry_as_markdown_is_a_ready_to_post_message(client):
    response = client.get("/api/v1/entries/err_1100-not-enough-quota", headers={"Accept": "text/markdown"})
    assert response.get_data(as_text=True).startswith("### ERR_1100")


def test_an_empty_code_filter_filters_nothing(client):
    assert client.get("/api/v1/entries?code=&per_page=100").get_json()["total"] == \
        client.get("/api/v1/entries?per_page=100").get_json()["total"]
