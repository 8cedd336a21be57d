"""The browse pages the support desk links to: /entries and /entries/<id>."""
from __future__ import annotations

import re

import pytest
import yaml

from app.extensions import db
from tests.conftest import KNOWLEDGE_DIR, make_app, migrate_and_load

QUOTA = "/entries/err_1100-not-enough-quota"


def entry_ids(page: str, visible_only: bool = False) -> list[str]:
    items = re.findall(r'<li class="entry-item"[^>]*?( hidden)?>\s*<div class="entry-main">\s*<a class="entry-link" '
                       r'href="/entries/([^"?]+)', page)
    return [entry_id for hidden, entry_id in items if not (visible_only and hidden)]


def test_list_shows_every_entry_once(client, shipped_entries):
    page = client.get("/entries").get_data(as_text=True)
    assert sorted(entry_ids(page)) == sorted(entry["id"] for entry in shipped_entries)


def test_list_groups_entries_by_family(client):
    """Each family is a section with its own anchor, so the chat can link straight to it."""
    page = client.get("/entries").get_data(as_text=True)
    section = page.split('id="batch-endpoints"', 1)[1].split("</section>", 1)[0]
    assert "/entries/batch-output-already-exists" in section
    assert "/entries/err_1100-not-enough-quota" not in section


def test_list_shows_error_code_and_status_badges(client):
    page = client.get("/entries").get_data(as_text=True)
    assert '<span class="badge badge-code">ERR_1100</span>' in page
    assert '<span class="badge badge-status">HTTP 429</span>' in page


def test_filter_keeps_only_matching_entries(client):
    """`?q=` (what the filter box submits without JavaScript) hides everything else."""
    page = client.get("/entries?q=err_1100").get_data(as_text=True)
    assert entry_ids(page, visible_only=True) == ["err_1100-not-enough-quota"]


def test_filter_finds_entries_by_phrases_in_any_language(client):
    """The desk can type a Korean phrase while browsing in English."""
    page = client.get("/entries?lang=en&q=할당량 부족").get_data(as_text=True)
    assert "err_1100-not-enough-quota" in entry_ids(page, visible_only=True)


def test_filter_with_no_match_says_so(client):
    page = client.get("/entries?q=zzzz-nothing").get_data(as_text=True)
    assert '<p class="filter-empty" id="filter-empty">' in page


def test_list_in_korean_has_korean_titles_and_labels(client):
    page = client.get("/entries?lang=ko").get_data(as_text=True)
    assert '<html lang="ko">' in page
    assert "ERR_1100 / OutOfQuota(CPU 할당량): 할당량이 모자람" in page
    assert "관리형 온라인 엔드포인트" in page


@pytest.mark.parametrize(("lang", "title"), [
    ("en", "ERR_1100 / OutOfQuota (CPU quota): not enough quota"), ("ko", "ERR_1100 / OutOfQuota(CPU 할당량): 할당량이 모자람"), ("zh", "ERR_1100 / OutOfQuota（CPU 配额）：配额不足")])
def test_entry_page_is_shown_in_each_language_it_has(client, lang, title):
    page = client.get(f"{QUOTA}?lang={lang}").get_data(as_text=True)
    assert f'<h1 class="card-title" lang="{lang}">{title}</h1>' in page
    assert 'class="fallback-note"' not in page


def test_entry_page_in_a_missing_language_says_it_falls_back(client):
    """ERR_1100 has no Russian text: the Russian permalink shows English and says so in Russian."""
    page = client.get(f"{QUOTA}?lang=ru").get_data(as_text=True)
    assert '<h1 class="card-title" lang="en">ERR_1100 / OutOfQuota (CPU quota): not enough quota</h1>' in page
    assert "Нет версии на языке «Русский»; показано на языке «English»." in page


def test_entry_page_links_to_itself_in_all_four_languages(client):
    page = client.get(QUOTA).get_data(as_text=True)
    for lang in ("en", "ko", "zh", "ru"):
        assert f'href="{QUOTA}?lang={lang}"' in page


def test_entry_page_gives_every_command_its_own_block_and_copy_button(client, shipped_entries):
    page = client.get(QUOTA).get_data(as_text=True)
    commands = next(e["commands"] for e in shipped_entries if e["id"] == "err_1100-not-enough-quota")
    assert page.count('class="copy-button"') == len(commands) == page.count("<pre><code")


def test_entry_page_numbers_the_steps(client):
    page = client.get(QUOTA).get_data(as_text=True)
    assert re.search(r'<div class="steps" lang="en"><ol>\s*<li>', page)


def test_entry_page_names_the_source_article(client):
    page = client.get(f"{QUOTA}?lang=ko").get_data(as_text=True)
    assert "관리형 온라인 엔드포인트(미리 보기) 배포 문제 해결" in page


def test_unknown_entry_is_a_404_page(client):
    response = client.get("/entries/no-such-entry")
    assert response.status_code == 404
    assert "text/html" in response.content_type


def test_browse_pages_allow_only_their_own_assets(client):
    policy = client.get("/entries").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_raw_html_in_knowledge_never_reaches_the_page(tmp_path):
    """Entry text is Markdown from curators; HTML in it is dropped, not rendered."""
    source = KNOWLEDGE_DIR / "managed-online-endpoints" / "err_1100-not-enough-quota.yaml"
    entry = yaml.safe_load(source.read_text(encoding="utf-8"))
    entry["content"]["en"]["cause"] = 'Quota <img src=x onerror="alert(1)"> ran out.'
    entry["content"]["en"]["steps"] = "1. Free cores.\n\n<script>alert(2)</script>\n\n2. [Ask](javascript:alert(3))."
    entry["related"] = []
    folder = tmp_path / "entries" / "managed-online-endpoints"
    folder.mkdir(parents=True)
    (folder / source.name).write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    app = make_app(f"sqlite:///{tmp_path / 'html.sqlite3'}")
    migrate_and_load(app, tmp_path / "entries")
    page = app.test_client().get(QUOTA).get_data(as_text=True)
    assert "ran out." in page and "Free cores." in page
    assert "<img" not in page and "<script>alert" not in page and "javascript:" not in page
    with app.app_context():
        db.engine.dispose()
