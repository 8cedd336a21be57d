"""The desk as staff use it: headless Chromium against a real server, from API traffic to exported YAML.

Screenshots of the gap report and the trend chart go to test-artifacts/.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from app.config import ROOT
from app.querylog.fingerprint import fingerprint
from app.store.snapshot import holder
from tests.conftest import KNOWLEDGE_DIR, dispose
from tests.desk.conftest import PASSWORD, TARGET_ENTRY, UNANSWERED, add_history, flush_query_log, make_desk_app
from tests.web.chat.live_server import serving

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
RELOAD_WAIT_SECONDS = 60
SLOW_PAGE_MS = 120_000
"""Proposing runs the re-evaluation (matcher builds) on this busy test machine."""


@pytest.fixture(scope="module")
def knowledge_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("knowledge") / "entries"
    shutil.copytree(KNOWLEDGE_DIR, folder)
    return folder


@pytest.fixture(scope="module")
def live_desk(tmp_path_factory, loaded_template, knowledge_dir):
    folder = tmp_path_factory.mktemp("desk-live")
    application = make_desk_app(folder / "desk.sqlite3", loaded_template, folder, WTF_CSRF_ENABLED=True,
                                KNOWLEDGE_DIR=str(knowledge_dir))
    holder(application).settle(application)  # the first snapshot (cold vectors) before the first API call
    with serving(application) as url:
        yield application, url
    dispose(application)


@pytest.fixture
def open_page(browser, live_desk):
    """New browser contexts (each a visitor with its own cookies); a script error fails the test."""
    _, url = live_desk
    contexts, errors = [], []

    def open_():
        context = browser.new_context(base_url=url, viewport={"width": 1360, "height": 900}, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(error))
        page.set_default_timeout(SLOW_PAGE_MS)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, errors


def sign_in(page, name: str) -> None:
    page.goto("/desk/gaps")
    assert "/desk/sign-in" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/desk/gaps")


def api_answer(page, paste: str) -> list[str]:
    response = page.request.post("/api/v1/match", data={"query": paste})
    assert response.ok
    return [match["id"] for match in response.json()["matches"]]


def test_curator_teaches_an_unanswered_paste_end_to_end(open_page, live_desk, knowledge_dir):
    application, _ = live_desk
    page = open_page()
    add_history(application)
    for _ in range(3):
        assert api_answer(page, UNANSWERED) == []
    flush_query_log(application)

    sign_in(page, "cora")
    row = page.locator(f".gap-row[data-fingerprint='{fingerprint(UNANSWERED)}']")
    assert UNANSWERED in row.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "desk-gap-report.png", full_page=True)

    row.locator("a").first.click()
    page.wait_for_url("**/desk/gaps/*")
    form = page.locator("#attach-form")
    form.locator("select[name=entry_id]").select_option(TARGET_ENTRY)
    assert form.locator("textarea[name=text]").input_value() == UNANSWERED
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/desk/proposals/*")
    # re-evaluated in the background: the page reloads itself until the result is there
    page.locator("#reevaluation", has_text="would get a different first answer").wait_for(timeout=SLOW_PAGE_MS)
    page.click("#apply")
    page.wait_for_selector(".status-applied")

    deadline = time.monotonic() + RELOAD_WAIT_SECONDS
    while (answer := api_answer(page, UNANSWERED))[:1] != [TARGET_ENTRY] and time.monotonic() < deadline:
        time.sleep(0.25)
    assert answer[:1] == [TARGET_ENTRY]

    page.click("nav >> text=Audit log")
    change = page.locator(".audit-row", has_text="apply-alias")
    assert "cora" in change.inner_text() and TARGET_ENTRY in change.inner_text()
    assert UNANSWERED in change.locator("td").nth(5).inner_text()

    result = application.test_cli_runner().invoke(args=["kb", "export", str(knowledge_dir)])
    assert result.exit_code == 0, result.output
    exported = yaml.safe_load((knowledge_dir / "managed-online-endpoints" / f"{TARGET_ENTRY}.yaml").read_text())
    assert UNANSWERED in exported["aliases"]["en"]

    page.click("nav >> text=Trends")
    chart = page.locator("#trend-chart")
    assert chart.locator("svg .volume").count() >= 1
    chart.screenshot(path=ARTIFACTS / "desk-trend-chart.png")


def test_an_agent_sees_the_report_but_cannot_change_anything(open_page, live_desk):
    application, _ = live_desk
    page = open_page()
    api_answer(page, "my scoring pod sings opera when the endpoint idles")
    flush_query_log(application)
    sign_in(page, "al")
    group = page.locator(".gap-row").first
    group.locator("a").first.click()
    page.wait_for_url("**/desk/gaps/*")
    assert page.locator("form#attach-form").count() == 0
    token = page.evaluate("document.querySelector('input[name=csrf_token]').value")
    status = page.evaluate("""async ([url, token]) => (await fetch(url, {method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({csrf_token: token, entry_id: 'err_1100-not-enough-quota', text: 'x'})})).status""",
                           [page.url + "/attach", token])
    assert status == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(open_page):
    page = open_page()
    for path in ("/desk", "/desk/gaps", "/desk/audit", "/desk/trends", "/desk/proposals"):
        page.goto(path)
        assert "/desk/sign-in" in page.url
        assert page.locator(".gap-row, .audit-row").count() == 0
