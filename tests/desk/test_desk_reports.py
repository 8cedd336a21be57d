"""The gap report, entry stats and trends as the desk sees them, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import re
import uuid

import pytest

from app.desk.reports import ReportFilter, entry_stats, gap_report, trends
from app.extensions import db
from app.feedback.recorder import record_feedback
from app.querylog.fingerprint import fingerprint
from tests.conftest import dispose, make_app, migrate_and_load
from tests.desk.conftest import TARGET_ENTRY, UNANSWERED, add_rows, flush_query_log

BAND = 60.0
EXTERNAL_ASSET = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)
LOW = "deployment slow to start, maybe quota"


def _seed(application):
    """Three failing groups and one confident answer nobody complained about."""
    add_rows(application, UNANSWERED, 3, lang="en")
    add_rows(application, UNANSWERED.replace("midnight", "noon"), 1, channel="chat", lang="en")
    add_rows(application, "배포가 계속 실패해요 이상한 로그", 2, lang="ko")
    add_rows(application, LOW, 2, top_ids=[TARGET_ENTRY], top_scores=[50.0])
    confident = add_rows(application, "ERR_1100", 4, top_ids=[TARGET_ENTRY], top_scores=[100.0], lang=None)
    add_rows(application, "an old paste from last quarter", 5, days_ago=40)
    return confident


def test_groups_are_failures_by_fingerprint_most_users_first(desk_app):
    _seed(desk_app)
    with desk_app.app_context():
        groups = gap_report(ReportFilter(days=30), BAND)
    by_fp = {g.fingerprint: g for g in groups}
    assert [g.asks for g in groups] == [3, 2, 2, 1]
    unanswered = by_fp[fingerprint(UNANSWERED)]
    assert unanswered.no_match == 3 and unanswered.languages == {"en": 3} and unanswered.examples == [UNANSWERED]
    assert by_fp[fingerprint(LOW)].low_confidence == 2 and by_fp[fingerprint(LOW)].offered == {TARGET_ENTRY: 2}
    assert fingerprint("ERR_1100") not in by_fp
    assert fingerprint("an old paste from last quarter") not in by_fp


def test_a_not_helpful_answer_is_a_gap_even_when_confident(desk_app):
    confident = _seed(desk_app)
    with desk_app.app_context():
        record_feedback(helpful=False, match_id=confident[0], reason="not_related", comment="wrong entry")
        groups = {g.fingerprint: g for g in gap_report(ReportFilter(days=30), BAND)}
    assert groups[fingerprint("ERR_1100")].not_helpful == 1


def test_filters_period_language_channel_family(desk_app):
    _seed(desk_app)
    with desk_app.app_context():
        assert {g.asks for g in gap_report(ReportFilter(days=30, lang="ko"), BAND)} == {2}
        assert [g.asks for g in gap_report(ReportFilter(days=30, channel="chat"), BAND)] == [1]
        assert len(gap_report(ReportFilter(days=90), BAND)) == 5
        family = gap_report(ReportFilter(days=30, family="managed-online-endpoints"), BAND)
        assert [g.fingerprint for g in family] == [fingerprint(LOW)]
        assert gap_report(ReportFilter(days=30, family="batch-endpoints"), BAND) == []


def test_chat_users_count_once_per_conversation(desk_app):
    """Users affected: a chat visitor asking twice in one conversation is one user."""
    client = desk_app.test_client()
    for _ in range(2):
        assert client.post("/chat/messages", json={"text": UNANSWERED}).status_code in (200, 201)
    other = desk_app.test_client()
    other.post("/chat/messages", json={"text": UNANSWERED})
    flush_query_log(desk_app)
    with desk_app.app_context():
        (group,) = list(gap_report(ReportFilter(days=1, channel="chat"), BAND))
    assert group.asks == 3
    assert group.users == 2


def test_examples_are_redacted(desk_app):
    secret = "could not connect, password=Sup3rS3cretValue!! then nothing"
    add_rows(desk_app, secret)
    with desk_app.app_context():
        (group,) = gap_report(ReportFilter(days=1), BAND)
    assert "Sup3rS3cretValue" not in group.examples[0]


def test_entry_stats_count_served_feedback_and_comments(desk_app, agent):
    confident = _seed(desk_app)
    with desk_app.app_context():
        record_feedback(helpful=True, match_id=confident[0])
        record_feedback(helpful=False, entry_id=TARGET_ENTRY, comment="=HYPERLINK(\"http://evil\")")
        stats = {s.entry_id: s for s in entry_stats(ReportFilter(days=30))}
    assert (stats[TARGET_ENTRY].served, stats[TARGET_ENTRY].helpful, stats[TARGET_ENTRY].not_helpful,
            stats[TARGET_ENTRY].comments) == (6, 1, 1, 1)
    page = agent.get(f"/desk/entries/{TARGET_ENTRY}")
    assert "HYPERLINK" in page.text
    exported = agent.get(f"/desk/entries/{TARGET_ENTRY}?format=csv")
    assert exported.mimetype == "text/csv"
    (row,) = list(csv.DictReader(io.StringIO(exported.text)))
    assert row["comment"].startswith("'=")  # a spreadsheet shows it as text, never runs it


def test_trends_have_every_day_and_the_rates(desk_app):
    _seed(desk_app)
    with desk_app.app_context():
        days = trends(ReportFilter(days=7))
    assert len(days) == 7
    today = days[-1]
    assert today.asks == 12 and today.no_match == 6 and today.answered_rate == 0.5
    assert days[0].asks == 0 and days[0].answered_rate is None


def test_every_table_downloads_as_csv(desk_app, agent, curator):
    _seed(desk_app)
    assert curator.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/out-of-scope",
                        data={"topic": "compute-cluster"}).status_code == 302
    for url in ["/desk/gaps", "/desk/entries", "/desk/trends", "/desk/proposals", "/desk/audit"]:
        response = agent.get(url + "?format=csv")
        assert response.status_code == 200 and response.mimetype == "text/csv", url
        assert len(list(csv.reader(io.StringIO(response.text)))) >= 2, url


def test_trend_page_draws_the_chart(desk_app, agent):
    _seed(desk_app)
    for days_ago in (1, 2):
        add_rows(desk_app, "ERR_1100", 2, days_ago=days_ago, top_ids=[TARGET_ENTRY], top_scores=[100.0])
    page = agent.get("/desk/trends?days=7").text
    assert "<svg" in page and 'class="line answered"' in page
    # drawn on the server: no script or stylesheet from another host (the form's random token may spell "cdn")
    assert not EXTERNAL_ASSET.search(page)


@pytest.mark.postgres
def test_the_report_runs_on_postgresql(postgres_url, tmp_path):
    application = make_app(postgres_url, SEMANTIC_CACHE_DIR=str(tmp_path))
    migrate_and_load(application)
    try:
        confident = _seed(application)
        with application.app_context():
            record_feedback(helpful=False, match_id=confident[0])
            groups = gap_report(ReportFilter(days=30), BAND)
            assert [g.asks for g in groups] == [3, 2, 2, 1, 1]
            assert {g.fingerprint: g.not_helpful for g in groups}[fingerprint("ERR_1100")] == 1
            assert {s.entry_id: s.served for s in entry_stats(ReportFilter(days=30))}[TARGET_ENTRY] == 6
            assert trends(ReportFilter(days=7))[-1].asks == 12
            db.session.remove()
    finally:
        dispose(application)


def _chat_rows(application, text: str, conversations: int, asks_each: int) -> None:
    from app.conversations.models import Conversation, ConversationMessage

    for _ in range(conversations):
        ids = add_rows(application, text, asks_each, channel="chat")
        with application.app_context():
            conversation = Conversation(id=str(uuid.uuid4()))
            db.session.add(conversation)
            db.session.flush()
            for position, match_id in enumerate(ids):
                db.session.add(ConversationMessage(conversation_id=conversation.id, position=position,
                                                   role="assistant", match_id=match_id, payload={}))
            db.session.commit()


def test_ranking_counts_users_not_asks_even_for_groups_off_the_page(desk_app):
    """Five asks from one chat conversation are one user: two API asks of another paste rank above them."""
    _chat_rows(desk_app, "one visitor asks five times", conversations=1, asks_each=5)
    _chat_rows(desk_app, "three visitors ask twice each", conversations=3, asks_each=2)
    add_rows(desk_app, "two bots ask once each", 2)
    with desk_app.app_context():
        everything = gap_report(ReportFilter(days=1), BAND)
        top = gap_report(ReportFilter(days=1), BAND, limit=2)
    assert [(g.examples[0], g.users, g.asks) for g in everything] == [
        ("three visitors ask twice each", 3, 6), ("two bots ask once each", 2, 2), ("one visitor asks five times", 1, 5)]
    assert [g.users for g in top] == [3, 2]
