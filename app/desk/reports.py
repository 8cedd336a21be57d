"""The desk's reports, read from the query log and feedback through their ORM models.

The gap report groups what the service failed at (no match, an answer below the confidence
band, an answer marked not helpful) by the query log's stable paste fingerprint. It runs in
two steps so it stays fast on large logs: one grouped pass over the period (indexed by
created_at and fingerprint) ranks the groups, then only the groups on the page are read in
detail (languages, entries offered, examples).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from app.conversations.models import ConversationMessage
from app.desk.models import APPLIED, PENDING, Proposal
from app.extensions import db
from app.feedback.models import Feedback
from app.privacy import redact
from app.querylog.models import QueryLogRecord as Log
from app.store.models import Entry, EntryText

PERIODS = (1, 7, 30, 90, 365)
"""The periods (days back from now) the filters offer."""
CHANNELS = ("api", "chat")
EXAMPLES_PER_GROUP = 3
EXAMPLE_MAX_CHARS = 400
GROUPS_PER_PAGE = 50
COMMENTS_PER_ENTRY = 100


@dataclass(frozen=True)
class ReportFilter:
    """Period in days, and optionally a family (of the entries offered), a language, a channel."""

    days: int = 30
    family: str | None = None
    lang: str | None = None
    channel: str | None = None

    @property
    def since(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) - dt.timedelta(days=self.days)


@dataclass
class GapGroup:
    fingerprint: str
    asks: int
    users: int
    no_match: int
    low_confidence: int
    not_helpful: int
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    languages: dict[str, int] = field(default_factory=dict)
    offered: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    status: str | None = None


def _top_id() -> ColumnElement:
    return Log.top_id.expression


def _top_score() -> ColumnElement:
    return Log.top_score.expression


def _scope(filters: ReportFilter, with_period: bool = True) -> list[ColumnElement]:
    """The filter conditions on query-log rows (a family keeps rows whose first answer is of it)."""
    conditions: list[ColumnElement] = [Log.created_at >= filters.since] if with_period else []
    if filters.channel:
        conditions.append(Log.channel == filters.channel)
    if filters.lang:
        conditions.append(Log.query_lang == filters.lang)
    if filters.family:
        conditions.append(_top_id().in_(select(Entry.id).where(Entry.family == filters.family)))
    return conditions


def gap_report(filters: ReportFilter, band: float, limit: int = GROUPS_PER_PAGE) -> list[GapGroup]:
    """The failing paste groups of the period, most users affected first.

    Users affected: the distinct chat conversations a group's pastes came from, plus each API
    request (the API has no notion of a user, so each request counts as one).

    Narrow queries instead of one with correlated subqueries per row, merged here: the no-match
    and low-confidence rows grouped (read from the covering index ix_query_log_gaps, no table
    access), the few rows with not-helpful feedback, then the chat conversations of only the
    groups that can still reach the page, then the details of the page's groups."""
    scope = _scope(filters)
    low = and_(Log.no_match.is_(False), _top_score() < band)
    groups: dict[str, GapGroup] = {}
    chat: dict[str, int] = {}
    for fingerprint, asks, no_match, low_count, chat_asks in db.session.execute(
            select(Log.fingerprint, func.count(), func.sum(case((Log.no_match.is_(True), 1), else_=0)),
                   func.sum(case((low, 1), else_=0)), func.sum(case((Log.channel == "chat", 1), else_=0)))
            .where(*scope, or_(Log.no_match.is_(True), low)).group_by(Log.fingerprint)):
        # first and last seen are read for the page's groups only (_add_details)
        groups[fingerprint] = GapGroup(fingerprint, asks, asks, no_match or 0, low_count or 0, 0)
        chat[fingerprint] = chat_asks or 0
    unhelpful = (select(Log.fingerprint, Log.id, Log.no_match, _top_score(), Log.channel)
                 .where(*scope, Log.id.in_(select(Feedback.match_id).where(Feedback.helpful.is_(False)))))
    extra_rows: set[str] = set()
    for fingerprint, row_id, no_match, score, channel in db.session.execute(unhelpful):
        group = groups.get(fingerprint)
        if group is None:
            group = groups[fingerprint] = GapGroup(fingerprint, 0, 0, 0, 0, 0)
        group.not_helpful += 1
        if not no_match and (score is None or score >= band):
            extra_rows.add(row_id)
            group.asks += 1
            group.users += 1
            chat[fingerprint] = chat.get(fingerprint, 0) + (channel == "chat")
    failing = or_(Log.no_match.is_(True), low, Log.id.in_(extra_rows))
    _count_chat_users(groups, chat, limit, scope, failing)
    ranked = sorted(groups.values(), key=lambda g: (-g.users, -g.asks, g.fingerprint))
    page = {group.fingerprint: group for group in ranked[:limit]}
    if page:
        _add_details(page, filters, failing)
    return list(page.values())


CANDIDATES_IN_MAX = 500
"""Above this many candidate groups the chat query reads every group instead of a long IN list."""


def _count_chat_users(groups: dict[str, GapGroup], chat: dict[str, int], limit: int, scope: list[ColumnElement],
                      failing: ColumnElement) -> None:
    """Asks from one chat conversation count as one user: replace them by their conversations.

    Only for the groups that can reach the page: a group's users lie between its asks with all
    its chat asks in one conversation and its asks; a group whose most is below the page's
    `limit`-th least cannot be on it, and keeps its lower bound (it is not shown)."""
    for fingerprint, chat_asks in chat.items():
        if chat_asks:
            groups[fingerprint].users -= chat_asks - 1
    least = sorted((group.users for group in groups.values()), reverse=True)
    floor = least[limit - 1] if len(least) >= limit else 0
    candidates = [fp for fp, chat_asks in chat.items() if chat_asks and groups[fp].asks >= floor]
    if not candidates:
        return
    query = (select(Log.fingerprint, func.count(func.distinct(ConversationMessage.conversation_id)),
                    func.count(func.distinct(Log.id)))
             .join(ConversationMessage, ConversationMessage.match_id == Log.id)
             .where(*scope, Log.channel == "chat", failing).group_by(Log.fingerprint))
    if len(candidates) <= CANDIDATES_IN_MAX:
        query = query.where(Log.fingerprint.in_(candidates))
    for fingerprint, conversations, asks in db.session.execute(query):
        if fingerprint in groups and chat.get(fingerprint):
            # from the lower bound (one conversation) to the truth: the asks without one count singly
            groups[fingerprint].users += (chat[fingerprint] - asks) + conversations - 1


def _add_details(groups: dict[str, GapGroup], filters: ReportFilter, failing: ColumnElement) -> None:
    """Languages, entries offered, examples and proposal status of the groups on the page only."""
    scope = _scope(filters)
    # Grouped over a subquery: PostgreSQL does not see two renderings of `top_ids ->> 0` (two
    # bound parameters) as one expression.
    rows = (select(Log.fingerprint, Log.query_lang, _top_id().label("entry_id"), Log.created_at)
            .where(*scope, failing, Log.fingerprint.in_(list(groups))).subquery())
    for fingerprint, lang, entry_id, count, first, last in db.session.execute(
            select(rows.c.fingerprint, rows.c.query_lang, rows.c.entry_id, func.count(),
                   func.min(rows.c.created_at), func.max(rows.c.created_at))
            .group_by(rows.c.fingerprint, rows.c.query_lang, rows.c.entry_id)):
        group = groups[fingerprint]
        first, last = _aware(first), _aware(last)
        group.first_seen = min(group.first_seen, first) if group.first_seen else first
        group.last_seen = max(group.last_seen, last) if group.last_seen else last
        group.languages[lang or "-"] = group.languages.get(lang or "-", 0) + count
        if entry_id:
            group.offered[entry_id] = group.offered.get(entry_id, 0) + count
    # Each group's newest pastes, in one statement of one small backwards read along ix_query_log_gaps
    # per group (no period condition needed: a group's newest rows are in any period that ends now).
    newest = [select(Log.fingerprint, Log.query_text)
              .where(*_scope(filters, with_period=False), Log.fingerprint == fingerprint, Log.query_text.is_not(None))
              .order_by(Log.created_at.desc()).limit(EXAMPLES_PER_GROUP * 2).subquery()
              for fingerprint in groups]
    for fingerprint, text in db.session.execute(union_all(*(select(sub.c.fingerprint, sub.c.query_text)
                                                            for sub in newest))):
        example = redact(text)[:EXAMPLE_MAX_CHARS]
        examples = groups[fingerprint].examples
        if example not in examples and len(examples) < EXAMPLES_PER_GROUP:
            examples.append(example)
    for fingerprint, status in db.session.execute(
            select(Proposal.fingerprint, Proposal.status)
            .where(Proposal.fingerprint.in_(list(groups)), Proposal.status.in_((PENDING, APPLIED)))):
        if groups[fingerprint].status != APPLIED:
            groups[fingerprint].status = status


def group_rows(fingerprint: str, limit: int = EXAMPLES_PER_GROUP * 10) -> list[Log]:
    """The newest rows of one group (any period), for the teaching forms."""
    return list(db.session.scalars(select(Log).where(Log.fingerprint == fingerprint)
                                   .order_by(Log.created_at.desc()).limit(limit)))


@dataclass
class EntryStats:
    entry_id: str
    family: str
    title: str
    served: int = 0
    helpful: int = 0
    not_helpful: int = 0
    comments: int = 0


def entry_stats(filters: ReportFilter) -> list[EntryStats]:
    """Per entry: times served first, helpful and not-helpful feedback, comments; most served first."""
    stats = {entry_id: EntryStats(entry_id, family, title) for entry_id, family, title in db.session.execute(
        select(Entry.id, Entry.family, EntryText.title).join(EntryText, and_(EntryText.entry_id == Entry.id,
                                                                             EntryText.lang == "en")))
        if not filters.family or family == filters.family}
    served = select(_top_id().label("entry_id")).where(*_scope(filters), Log.no_match.is_(False)).subquery()
    for entry_id, count in db.session.execute(
            select(served.c.entry_id, func.count()).group_by(served.c.entry_id)):
        if entry_id in stats:
            stats[entry_id].served = count
    rated = (select(func.coalesce(Feedback.entry_id, _top_id()).label("entry_id"), Feedback.helpful, Feedback.comment)
             .select_from(Feedback).outerjoin(Log, Log.id == Feedback.match_id)
             .where(Feedback.created_at >= filters.since))
    if filters.channel:
        rated = rated.where(Feedback.channel == filters.channel)
    if filters.lang:
        rated = rated.where(Log.query_lang == filters.lang)
    about = rated.subquery()
    for entry_id, helpful, not_helpful, comments in db.session.execute(
            select(about.c.entry_id, func.sum(case((about.c.helpful.is_(True), 1), else_=0)),
                   func.sum(case((about.c.helpful.is_(False), 1), else_=0)), func.count(about.c.comment))
            .group_by(about.c.entry_id)):
        if entry_id in stats:
            found = stats[entry_id]
            found.helpful, found.not_helpful, found.comments = helpful or 0, not_helpful or 0, comments
    return sorted(stats.values(), key=lambda s: (-s.served, -s.not_helpful, s.entry_id))


@dataclass
class Comment:
    created_at: dt.datetime
    helpful: bool
    reason: str | None
    channel: str
    comment: str


def entry_comments(entry_id: str, filters: ReportFilter) -> list[Comment]:
    """The feedback comments about an entry, newest first (redacted when stored; again here)."""
    about = func.coalesce(Feedback.entry_id, _top_id())
    rows = db.session.execute(
        select(Feedback.created_at, Feedback.helpful, Feedback.reason, Feedback.channel, Feedback.comment)
        .select_from(Feedback).outerjoin(Log, Log.id == Feedback.match_id)
        .where(about == entry_id, Feedback.comment.is_not(None), Feedback.created_at >= filters.since)
        .order_by(Feedback.created_at.desc()).limit(COMMENTS_PER_ENTRY))
    return [Comment(_aware(at), helpful, reason, channel, redact(text)) for at, helpful, reason, channel, text in rows]


@dataclass
class DayTrend:
    day: str
    asks: int
    answered: int
    no_match: int
    feedback: int
    helpful: int

    @property
    def answered_rate(self) -> float | None:
        return self.answered / self.asks if self.asks else None

    @property
    def no_match_rate(self) -> float | None:
        return self.no_match / self.asks if self.asks else None

    @property
    def helpful_rate(self) -> float | None:
        return self.helpful / self.feedback if self.feedback else None


def trends(filters: ReportFilter) -> list[DayTrend]:
    """Asks, answered and no-match counts and feedback per day of the period, oldest first, no day missing."""
    day = func.date(Log.created_at)
    days: dict[str, DayTrend] = {}
    for bucket, asks, no_match in db.session.execute(
            select(day, func.count(), func.sum(case((Log.no_match.is_(True), 1), else_=0)))
            .where(*_scope(filters)).group_by(day)):
        key = str(bucket)[:10]
        days[key] = DayTrend(key, asks, asks - (no_match or 0), no_match or 0, 0, 0)
    feedback_day = func.date(Feedback.created_at)
    query = (select(feedback_day, func.count(), func.sum(case((Feedback.helpful.is_(True), 1), else_=0)))
             .where(Feedback.created_at >= filters.since).group_by(feedback_day))
    if filters.channel:
        query = query.where(Feedback.channel == filters.channel)
    for bucket, count, helpful in db.session.execute(query):
        key = str(bucket)[:10]
        trend = days.setdefault(key, DayTrend(key, 0, 0, 0, 0, 0))
        trend.feedback, trend.helpful = count, helpful or 0
    today = dt.datetime.now(dt.UTC).date()
    every_day = [(today - dt.timedelta(days=back)).isoformat() for back in range(filters.days - 1, -1, -1)]
    return [days.get(key) or DayTrend(key, 0, 0, 0, 0, 0) for key in every_day]


def _aware(value: dt.datetime | str | None) -> dt.datetime:
    """SQLite hands back naive datetimes (stored as UTC): make them explicit."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is None:
        return dt.datetime.fromtimestamp(0, dt.UTC)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
