"""Liveness and readiness probes for load balancers and orchestrators."""
from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db, limiter
from app.store.models import Entry, EntryText

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
def healthz():
    """The process is up and serving; says nothing about its dependencies."""
    return jsonify(status="ok")


@bp.get("/readyz")
@limiter.exempt
def readyz():
    """Ready when the database answers and knowledge is loaded; 503 tells the balancer to wait."""
    try:
        entries = db.session.scalar(select(func.count()).select_from(Entry)) or 0
        per_lang = dict(db.session.execute(
            select(EntryText.lang, func.count()).group_by(EntryText.lang)).all())
    except SQLAlchemyError as exc:
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable", detail=type(exc).__name__), 503
    ready = entries > 0
    body = {"status": "ok" if ready else "unavailable", "database": "ok",
            "knowledge": {"entries": entries, "languages": per_lang}}
    return jsonify(body), (200 if ready else 503)
