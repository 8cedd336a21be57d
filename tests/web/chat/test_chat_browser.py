"""The chat as people use it: headless Chromium against a real server.

Screenshots of the main states go to test-artifacts/ for review.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.feedback.models import Feedback
from tests.conftest import make_app
from tests.web.chat.live_server import serving

pytestmark = pytest.mark.browser

KOREAN_QUOTA = "배포하다가 오류가 났어요: ERR_1100 할당량이 부족합니다"
ENGLISH_QUOTA = "Deployment failed with ERR_1100: not enough quota"
IMAGE_PULL_LOG = """2024-03-02T10:15:01Z INFO  Creating deployment blue for endpoint my-endpoint
2024-03-02T10:17:44Z ERROR Failed to pull image "myregistry.azurecr.io/azureml/azureml_abc:latest"
2024-03-02T10:17:44Z ERROR Back-off pulling image: ImagePullBackOff
2024-03-02T10:17:45Z ERROR Deployment failed"""
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def screenshot(page, path) -> None:
    """The whole conversation in one image, with the message box at its bottom rather than across it."""
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": page.evaluate("document.documentElement.scrollHeight")})
    page.screenshot(path=path)


def ask(page, text: str):
    """Paste `text`, press Enter, and return the answer that appears for it."""
    answers = page.locator(".message-assistant:not(.pending)")
    before = answers.count()
    page.fill("#query", text)
    page.press("#query", "Enter")
    answer = answers.nth(before)
    answer.wait_for()
    return answer


def test_korean_error_gets_a_korean_answer(page, artifacts):
    """A Korean paste is answered in Korean: the card's title and labels."""
    answer = ask(page, KOREAN_QUOTA)
    card = answer.locator(".answer-card")
    assert card.get_attribute("lang") == "ko"
    assert "할당량" in card.locator(".card-title").inner_text()
    assert card.locator(".card-section h3").first.inner_text() == "원인"
    screenshot(page, artifacts / "chat-answer.png")


def test_pasted_english_log_gets_the_right_entry(page):
    """Multi-line log output (no code, just the failure) leads to the image-pull entry."""
    answer = ask(page, IMAGE_PULL_LOG)
    assert answer.locator(".answer-card").get_attribute("data-entry-id") \
        == "err_1200-unable-to-download-user-container-image"


def test_shift_enter_adds_a_line_and_enter_sends(page):
    """Keyboard only: skip link to the box, Shift+Enter for a new line, Enter to send."""
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "query"
    page.keyboard.type("ERR_1100")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("not enough quota")
    assert page.input_value("#query") == "ERR_1100\nnot enough quota"
    page.keyboard.press("Enter")
    page.locator(".message-assistant:not(.pending)").first.wait_for()
    assert page.locator(".message-user .user-text").inner_text() == "ERR_1100\nnot enough quota"


def test_answer_is_announced_to_screen_readers(page):
    """The polite live region names the answer, so a screen reader hears it without moving focus."""
    ask(page, ENGLISH_QUOTA)
    expect(page.locator("#announcer")).to_contain_text("ERR_1100")
    assert page.locator("#announcer").get_attribute("aria-live") == "polite"


def test_language_switch_rerenders_the_answer_and_marks_a_fallback(page):
    """Switching to Russian re-renders the answer; this entry has no Russian text, and the card says so."""
    ask(page, ENGLISH_QUOTA)
    page.click("#lang-switch button[data-lang=ru]")
    card = page.locator(".message-assistant .answer-card").last
    card.locator(".fallback-note").wait_for()
    assert card.get_attribute("lang") == "ru"
    assert "Русский" in card.locator(".fallback-note").inner_text()
    assert card.locator(".card-title").get_attribute("lang") == "en"
    assert page.locator("#send").inner_text() == "Отправить"


def test_language_switch_to_an_available_language_has_no_fallback_note(page):
    """Switching to Chinese shows the entry's own Chinese text, with no fallback note."""
    ask(page, ENGLISH_QUOTA)
    page.click("#lang-switch button[data-lang=zh]")
    card = page.locator(".message-assistant .answer-card[lang=zh]")
    card.wait_for()
    assert "配额" in card.locator(".card-title").inner_text()
    assert card.locator(".fallback-note").count() == 0


def test_copy_button_copies_the_command(page):
    """The copy button puts exactly the command on the clipboard and says it did."""
    answer = ask(page, ENGLISH_QUOTA)
    block = answer.locator(".code-block").first
    block.locator(".copy-button").click()
    expect = block.locator("code").inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == expect
    assert block.locator(".copy-button").inner_text() == "Copied"


def test_not_helpful_feedback_with_a_reason_is_recorded(page, live_app):
    """Feedback from the card lands in the shared feedback table, tied to the entry, marked as chat."""
    answer = ask(page, ENGLISH_QUOTA)
    answer.locator(".feedback-no").click()
    answer.locator(".feedback-form select").select_option("outdated")
    answer.locator(".feedback-form textarea").fill("The portal menu is named differently now.")
    answer.locator(".feedback-form button[type=submit]").click()
    answer.locator(".feedback-thanks").wait_for()
    with live_app.app_context():
        row = db.session.scalars(select(Feedback).where(
            Feedback.comment == "The portal menu is named differently now.")).one()
        assert (row.channel, row.helpful, row.reason, row.entry_id) == \
            ("chat", False, "outdated", "err_1100-not-enough-quota")


def test_history_survives_a_reload(page):
    """Reloading shows the same conversation: the paste and its answer."""
    ask(page, KOREAN_QUOTA)
    page.reload()
    page.wait_for_selector(".chat[data-state=ready]")
    assert page.locator(".message-user .user-text").inner_text() == KOREAN_QUOTA
    assert page.locator(".message-assistant .answer-card[lang=ko]").count() == 1


def test_history_survives_a_server_restart(page, live_database):
    """A new server process on the same database still shows this browser its conversation."""
    ask(page, KOREAN_QUOTA)
    restarted = make_app(f"sqlite:///{live_database}", WTF_CSRF_ENABLED=True)
    with serving(restarted) as url:
        page.goto(url)
        page.wait_for_selector(".chat[data-state=ready]")
        assert page.locator(".message-user .user-text").inner_text() == KOREAN_QUOTA
    with restarted.app_context():
        db.engine.dispose()


def test_new_conversation_starts_empty_and_stays_empty_after_reload(page):
    """"New conversation" clears the page, and a reload does not bring the old one back."""
    ask(page, ENGLISH_QUOTA)
    page.click("#new-conversation")
    page.locator("#intro").wait_for()
    page.reload()
    page.wait_for_selector(".chat[data-state=ready]")
    assert page.locator(".message").count() == 0
    assert page.locator("#intro").is_visible()


def test_xss_payload_in_the_query_stays_text(page):
    """Markup in a paste is shown literally and never runs, before and after a reload."""
    ask(page, XSS)
    page.reload()
    page.wait_for_selector(".chat[data-state=ready]")
    assert page.locator(".message-user .user-text").inner_text() == XSS
    assert page.locator(".messages img, .messages script").count() == 0
    assert page.evaluate("window.__xss") is None


def test_unmatched_paste_says_so_and_suggests_what_to_paste(page, artifacts):
    """No match: a plain statement, three things worth pasting, and the three families to browse."""
    answer = ask(page, "my coffee machine is broken")
    card = answer.locator(".no-match-card")
    assert card.locator(".tips li").count() == 3
    assert card.locator("a.chip").count() == 3
    screenshot(page, artifacts / "chat-no-match.png")


def test_close_candidates_are_offered_as_a_choice(page, artifacts):
    """A bare "HTTP 429" fits two entries equally: the user picks, and the picked entry opens as a card."""
    answer = ask(page, "HTTP 429")
    choices = answer.locator(".choice")
    assert choices.count() >= 2
    screenshot(page, artifacts / "chat-ambiguous.png")
    choices.first.click()
    page.locator(".message-assistant.kind-entry .answer-card").wait_for()
    assert "429" in page.locator(".kind-entry .card-title").inner_text()


def test_chip_opens_that_entry_in_the_conversation(page):
    """A chip under an answer adds that entry's card to the conversation."""
    answer = ask(page, ENGLISH_QUOTA)
    chip = answer.locator("button.chip").first
    entry_id = chip.get_attribute("data-entry-id")
    chip.click()
    opened = page.locator(".message-assistant.kind-entry .answer-card")
    opened.wait_for()
    assert opened.get_attribute("data-entry-id") == entry_id


def test_phone_width_has_no_sideways_scrolling(open_context, artifacts):
    """At 390 px the page fits the screen, long commands scroll inside their block, the box stays reachable."""
    phone = open_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                         has_touch=True).new_page()
    phone.goto("/")
    phone.wait_for_selector(".chat[data-state=ready]")
    ask(phone, "部署时报错 ERR_1200 无法下载镜像")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.locator("#query").is_visible()
    phone.screenshot(path=artifacts / "chat-phone.png")


def test_entry_list_filter_narrows_as_you_type(open_context):
    """The browse page's filter box hides non-matching entries live."""
    browse = open_context().new_page()
    browse.goto("/entries")
    browse.fill("#entry-filter", "ERR_1100")
    visible = browse.locator(".entry-item:visible")
    visible.first.wait_for()
    assert visible.count() == 1
    assert browse.locator("#filter-count").inner_text().endswith("1")


def test_entry_page_shows_todays_commands_first_and_the_articles_folded(open_context, artifacts):
    """Today's CLI v2 commands, labelled; the 2021 `az ml endpoint` ones folded underneath; sources with dates."""
    entry = open_context().new_page()
    entry.goto("/entries/err_1100-not-enough-quota?lang=ko")
    first = entry.locator(".answer-card .command").first
    assert "CLI v2" in first.locator(".badge-generation").inner_text()
    assert first.locator("code").inner_text().startswith("az ml ")
    older = entry.locator("details.older-commands")
    assert not older.locator("code").first.is_visible()
    older.locator("summary").click()
    assert older.locator("code").first.inner_text().startswith("az ml endpoint ")
    assert entry.locator(".source time").count() >= 2
    entry.screenshot(path=artifacts / "entry-command-generations.png", full_page=True)


def test_an_sdk_v1_entry_says_its_support_ends(open_context, artifacts):
    entry = open_context().new_page()
    entry.goto("/entries/service-launch-fails?lang=ru")
    notice = entry.locator(".answer-card .notice")
    assert "30 июня 2026" in notice.inner_text()
    assert notice.locator("a").first.get_attribute("href").startswith("https://learn.microsoft.com/")
    entry.screenshot(path=artifacts / "entry-sdk-v1-notice.png", full_page=True)


def test_a_neighbouring_topic_is_answered_as_not_covered(page, artifacts):
    answer = ask(page, "Our AmlCompute cluster is stuck resizing and the nodes never become idle")
    assert answer.locator(".out-of-scope a").get_attribute("href").startswith("https://learn.microsoft.com/")
    screenshot(page, artifacts / "chat-out-of-scope.png")
