"""The desk's pages under /desk: sign-in, gap report, entry stats, trends, proposals, audit log.

Staff only: every view declares its role (app/desk/auth.py), and the blueprint refuses a
view that declares none. Every table has a CSV download (`?format=csv`).
"""
from __future__ import annotations

import json
import re

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from markupsafe import Markup
from sqlalchemy import select

from app.desk import teaching
from app.desk.auth import (
    PUBLIC,
    authenticate,
    current_user,
    refuse_undeclared_views,
    role_required,
    safe_next,
    sign_in,
    sign_out,
)
from app.desk.chart import Series, trend_svg
from app.desk.csv_export import csv_response
from app.desk.models import PENDING, AuditEvent, Proposal
from app.desk.reports import (
    CHANNELS,
    PERIODS,
    ReportFilter,
    entry_comments,
    entry_stats,
    gap_report,
    group_rows,
    trends,
)
from app.desk.wording import proposed_wording
from app.errors import page_security_headers
from app.extensions import db, limiter
from app.knowledge.model import FAMILIES, ID_RE, LANGS
from app.matching.neighbours import TOPIC_IDS
from app.store.loader import read_entries

bp = Blueprint("desk", __name__, url_prefix="/desk")
bp.before_request(refuse_undeclared_views)
bp.after_request(page_security_headers)
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{64}$")
AUDIT_PAGE = 200
PROPOSALS_PAGE = 200
REEVAL_REFRESH_SECONDS = 2
"""How often a proposal page re-evaluating in the background reloads itself."""


@bp.after_request
def _private(response):
    """Desk pages hold staff data: never cached by a browser or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _globals():
    return {"staff": current_user(), "families": FAMILIES, "langs": LANGS, "channels": CHANNELS, "periods": PERIODS}


def _filters() -> ReportFilter:
    """The report filters from the query string; a value the form never offers is a 400."""
    args = request.args
    try:
        days = int(args.get("days", "30"))
    except ValueError:
        abort(400, description="days must be a whole number")
    family, lang, channel = args.get("family") or None, args.get("lang") or None, args.get("channel") or None
    if days not in PERIODS or (family and family not in FAMILIES) or (lang and lang not in LANGS) or (
            channel and channel not in CHANNELS):
        abort(400, description=f"Unknown filter: period is one of {PERIODS} days; family, language and channel "
                               "come from the lists the form offers.")
    return ReportFilter(days=days, family=family, lang=lang, channel=channel)


def _wants_csv() -> bool:
    return request.args.get("format") == "csv"


def _band() -> float:
    return float(current_app.config["DESK_CONFIDENCE_BAND"])


def _fingerprint(value: str) -> str:
    if not FINGERPRINT_RE.match(value):
        abort(404, description="No such gap group.")
    return value


# --- sign-in ---------------------------------------------------------------------------------

def _signin_account_key() -> str:
    return "desk-signin:" + request.form.get("name", "").strip().casefold()[:80]


@bp.route("/sign-in", methods=["GET", "POST"], endpoint="sign_in")
@role_required(PUBLIC)
@limiter.limit(lambda: current_app.config["DESK_SIGNIN_RATE_LIMIT"], methods=["POST"])
@limiter.limit(lambda: current_app.config["DESK_SIGNIN_ACCOUNT_RATE_LIMIT"], methods=["POST"],
               key_func=_signin_account_key)
def sign_in_page():
    error = None
    if request.method == "POST":
        user = authenticate(request.form.get("name", ""), request.form.get("password", ""))
        if user is not None:
            sign_in(user)
            return redirect(safe_next(request.form.get("next")))
        error = "Wrong name or password."
    status = 401 if error else 200
    return render_template("desk/sign_in.html", error=error, next=request.values.get("next", "")), status


@bp.post("/sign-out")
@role_required("agent")
def sign_out_page():
    sign_out()
    return redirect(url_for("desk.sign_in"))


@bp.get("/")
@role_required("agent")
def home():
    return redirect(url_for("desk.gaps"))


# --- reports ---------------------------------------------------------------------------------

@bp.get("/gaps")
@role_required("agent")
def gaps():
    filters = _filters()
    groups = gap_report(filters, _band())
    if _wants_csv():
        return csv_response("gap-report.csv", [
            "fingerprint", "users", "asks", "no_match", "low_confidence", "not_helpful", "first_seen", "last_seen",
            "languages", "entries_offered", "examples", "status"],
            [[g.fingerprint, g.users, g.asks, g.no_match, g.low_confidence, g.not_helpful, g.first_seen.isoformat(),
              g.last_seen.isoformat(), " ".join(f"{k}:{v}" for k, v in g.languages.items()),
              " ".join(f"{k}:{v}" for k, v in g.offered.items()), " | ".join(g.examples), g.status or ""]
             for g in groups])
    return render_template("desk/gaps.html", groups=groups, filters=filters, band=_band())


@bp.get("/gaps/<fingerprint>")
@role_required("agent")
def gap_group(fingerprint: str):
    rows = group_rows(_fingerprint(fingerprint))
    if not rows:
        abort(404, description="No such gap group.")
    example = next((row.query_text for row in rows if row.query_text), None)
    kind, wording, lang = proposed_wording(example or "")
    offered = [row.top_ids[0] for row in rows if row.top_ids]
    entries = read_entries(db.session())
    proposals = db.session.scalars(select(Proposal).where(Proposal.fingerprint == fingerprint)
                                   .order_by(Proposal.id.desc())).all()
    return render_template("desk/group.html", fingerprint=fingerprint, rows=rows, example=example, kind=kind,
                           wording=wording, lang=lang, offered=offered[0] if offered else "", entries=entries,
                           topics=TOPIC_IDS, proposals=proposals,
                           draft=teaching.draft_template(example or "", FAMILIES[0], "new-entry-id"))


@bp.get("/entries")
@role_required("agent")
def entries():
    filters = _filters()
    stats = entry_stats(filters)
    if _wants_csv():
        return csv_response("entry-stats.csv", ["entry_id", "family", "title", "served", "helpful", "not_helpful",
                                                "comments"],
                            [[s.entry_id, s.family, s.title, s.served, s.helpful, s.not_helpful, s.comments]
                             for s in stats])
    return render_template("desk/entries.html", stats=stats, filters=filters)


@bp.get("/entries/<entry_id>")
@role_required("agent")
def entry_detail(entry_id: str):
    if not ID_RE.match(entry_id):
        abort(404, description="No such entry.")
    filters = _filters()
    stats = next((s for s in entry_stats(filters) if s.entry_id == entry_id), None)
    if stats is None:
        abort(404, description="No such entry.")
    comments = entry_comments(entry_id, filters)
    if _wants_csv():
        return csv_response(f"comments-{entry_id}.csv", ["created_at", "helpful", "reason", "channel", "comment"],
                            [[c.created_at.isoformat(), c.helpful, c.reason, c.channel, c.comment] for c in comments])
    return render_template("desk/entry.html", stats=stats, comments=comments, filters=filters)


@bp.get("/trends")
@role_required("agent")
def trend_page():
    filters = _filters()
    days = trends(filters)
    if _wants_csv():
        return csv_response("trends.csv", ["day", "asks", "answered", "no_match", "feedback", "helpful",
                                           "answered_rate", "no_match_rate", "helpful_rate"],
                            [[d.day, d.asks, d.answered, d.no_match, d.feedback, d.helpful, _rate(d.answered_rate),
                              _rate(d.no_match_rate), _rate(d.helpful_rate)] for d in days])
    chart = trend_svg([d.day for d in days], [
        Series("Answered", "answered", [d.answered_rate for d in days]),
        Series("No match", "no-match", [d.no_match_rate for d in days]),
        Series("Helpful (of feedback)", "helpful", [d.helpful_rate for d in days]),
    ], [d.asks for d in days], f"Answered, no-match and helpful rate per day, last {filters.days} days")
    return render_template("desk/trends.html", days=days, chart=Markup(chart), filters=filters)


def _json(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


# --- teaching --------------------------------------------------------------------------------

def _propose(kind: str, fingerprint: str | None, **fields):
    user = current_user()
    assert user is not None, "role_required let only a signed-in curator through"
    try:
        proposal = teaching.propose(user.name, kind, fingerprint=fingerprint, **fields)
    except teaching.ProposalError as exc:
        db.session.rollback()
        abort(400, description=str(exc))
    return redirect(url_for("desk.proposal", proposal_id=proposal.id))


@bp.post("/gaps/<fingerprint>/attach")
@role_required("curator")
def attach(fingerprint: str):
    form = request.form
    kind = form.get("kind", "alias")
    if kind not in ("alias", "signature"):
        abort(400, description="kind is alias or signature")
    lang = form.get("lang") or None
    if lang is not None and lang not in LANGS:
        abort(400, description=f"lang is one of {', '.join(LANGS)}")
    return _propose(kind, _fingerprint(fingerprint), text=form.get("text", ""), entry_id=form.get("entry_id"),
                    lang=lang)


@bp.post("/gaps/<fingerprint>/out-of-scope")
@role_required("curator")
def out_of_scope(fingerprint: str):
    topic = request.form.get("topic")
    if topic not in TOPIC_IDS:
        abort(400, description=f"topic is one of {', '.join(TOPIC_IDS)}")
    rows = group_rows(_fingerprint(fingerprint))
    text = next((row.query_text for row in rows if row.query_text), None) or fingerprint
    return _propose("out_of_scope", fingerprint, text=text, topic=topic, note=request.form.get("note"))


@bp.post("/gaps/<fingerprint>/draft")
@role_required("curator")
def draft(fingerprint: str):
    return _propose("draft", _fingerprint(fingerprint), text=request.form.get("text", ""))


@bp.get("/proposals")
@role_required("agent")
def proposals():
    found = db.session.scalars(select(Proposal).order_by(Proposal.id.desc()).limit(PROPOSALS_PAGE)).all()
    if _wants_csv():
        return csv_response("proposals.csv", ["id", "created_at", "created_by", "kind", "status", "entry_id", "lang",
                                              "text", "topic", "reviewed_by", "reviewed_at"],
                            [[p.id, p.created_at, p.created_by, p.kind, p.status, p.entry_id, p.lang, p.text, p.topic,
                              p.reviewed_by, p.reviewed_at] for p in found])
    return render_template("desk/proposals.html", proposals=found)


def _proposal(proposal_id: int) -> Proposal:
    found = db.session.get(Proposal, proposal_id)
    if found is None:
        abort(404, description="No such proposal.")
    return found


@bp.get("/proposals/<int:proposal_id>")
@role_required("agent")
def proposal(proposal_id: int):
    found = _proposal(proposal_id)
    changes = (found.reevaluation or {}).get("changes", [])
    if _wants_csv():
        return csv_response(f"proposal-{proposal_id}-changes.csv", ["source", "query", "before", "after"],
                            [[c["source"], c["query"], c["before"], c["after"]] for c in changes])
    return render_template("desk/proposal.html", proposal=found, changes=changes, pending=found.status == PENDING,
                           running=teaching.is_running(found.reevaluation), refresh_seconds=REEVAL_REFRESH_SECONDS)


def _review(proposal_id: int, action) -> object:
    user = current_user()
    assert user is not None, "role_required let only a signed-in curator through"
    found = _proposal(proposal_id)
    try:
        action(found, user.name)
    except teaching.ProposalError as exc:
        db.session.rollback()
        abort(409, description=str(exc))
    return redirect(url_for("desk.proposal", proposal_id=proposal_id))


@bp.post("/proposals/<int:proposal_id>/apply")
@role_required("curator")
def apply(proposal_id: int):
    response = _review(proposal_id, teaching.apply)
    flash("Applied: every worker answers with it within seconds. Run `flask kb export` to write it to the files.")
    return response


@bp.post("/proposals/<int:proposal_id>/reject")
@role_required("curator")
def reject(proposal_id: int):
    return _review(proposal_id, lambda found, actor: teaching.reject(found, actor, request.form.get("note")))


@bp.post("/proposals/<int:proposal_id>/draft")
@role_required("curator")
def edit_draft(proposal_id: int):
    return _review(proposal_id, lambda found, actor: teaching.edit_draft(found, actor, request.form.get("text", "")))


@bp.post("/proposals/<int:proposal_id>/reevaluate")
@role_required("curator")
def reevaluate(proposal_id: int):
    return _review(proposal_id, lambda found, actor: teaching.refresh_reevaluation(found))


@bp.get("/audit")
@role_required("agent")
def audit_log():
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(AUDIT_PAGE)).all()
    if _wants_csv():
        return csv_response("audit-log.csv", ["id", "created_at", "actor", "action", "target", "before", "after"],
                            [[e.id, e.created_at, e.actor, e.action, e.target, _json(e.before), _json(e.after)]
                             for e in events])
    return render_template("desk/audit.html", events=events)
