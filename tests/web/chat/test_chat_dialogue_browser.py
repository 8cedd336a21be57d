"""The issue's conversation in a real browser: a crash, "its logs", "that didn't help", "in Korean
please", "thanks!"; then the hand-off: copy for a ticket, delete. Screenshots go to test-artifacts/."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.chat.test_chat_browser import ask, screenshot

pytestmark = pytest.mark.browser

CRASH = "ERR_2200 user container crashed on my managed online endpoint"


def test_the_four_turns_read_in_context(page, artifacts):
    first = ask(page, CRASH)
    expect(first.locator(".answer-card")).to_have_attribute("data-entry-id",
                                                            "err_2200-user-container-has-crashedterminated")
    screenshot(page, artifacts / "dialogue-1-crash.png")

    logs = ask(page, "how do I see its logs?")
    expect(logs.locator(".answer-card")).to_have_attribute("data-entry-id", "get-container-logs")
    expect(logs.locator(".confidence")).to_have_text("From our conversation")
    screenshot(page, artifacts / "dialogue-2-its-logs.png")

    other = ask(page, "that didn't help, what else can I try?")
    choices = other.locator(".alternatives-card .choice")
    expect(choices.first).to_be_visible()
    offered = [choices.nth(i).get_attribute("data-entry-id") for i in range(choices.count())]
    assert "get-container-logs" not in offered and "container-cannot-be-scheduled" not in offered
    screenshot(page, artifacts / "dialogue-3-didnt-help.png")

    korean = ask(page, "and in Korean please")
    expect(korean.locator(".alternatives-card")).to_have_attribute("lang", "ko")
    expect(page.locator("#send")).to_have_text("보내기")  # the interface followed
    assert page.evaluate("document.documentElement.lang") == "ko"
    screenshot(page, artifacts / "dialogue-4-in-korean.png")

    thanks = ask(page, "thanks!")
    expect(thanks.locator(".text-card")).to_be_visible()
    assert thanks.locator(".no-match-card").count() == 0
    screenshot(page, artifacts / "dialogue-5-thanks.png")


def test_nothing_left_offers_the_transcript_and_the_conversation_can_be_deleted(page, artifacts):
    ask(page, CRASH)
    for _ in range(4):
        last = ask(page, "still failing, that didn't help")
    handoff = last.locator(".handoff-card")
    expect(handoff).to_be_visible()
    handoff.locator(".copy-transcript").click()
    expect(page.locator("#conversation-notice")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("# ") and "ERR_2200" in copied and "/entries/err_2200-user-container-has-crashedterminated" in copied
    screenshot(page, artifacts / "dialogue-6-handoff.png")

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#delete-conversation")
    expect(page.locator("#intro")).to_be_visible()
    page.reload()
    page.wait_for_selector(".chat[data-state=ready]")
    assert page.locator(".message").count() == 0
