"""Teaching the knowledge from the desk: proposals, their re-evaluation, and applying them.

Applying writes to the entry tables (an out-of-scope decision: to the store's table of them)
through the store's loader and changes the stored knowledge fingerprint, so every worker's
snapshot reloads within KNOWLEDGE_RELOAD_SECONDS; `flask kb export` then writes the change back
to the YAML files kept in git (out-of-scope decisions to out_of_scope.yaml).
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from flask import Flask, current_app
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.database import configure_sqlite
from app.desk.models import APPLIED, PENDING, REJECTED, AuditEvent, Proposal
from app.extensions import db
from app.knowledge.files import dump_entry
from app.knowledge.model import LANGS, canonical, validate_entry
from app.matching.language import detect_language
from app.matching.matcher import Matcher
from app.matching.scoring import ScoringParams
from app.matching.semantic import default_encoder, entry_texts, load_or_encode
from app.privacy import redact
from app.querylog.models import QueryLogRecord as Log
from app.store.loader import read_entries, read_out_of_scope, save_entry, save_out_of_scope, stored_fingerprint
from app.store.snapshot import _native_thread, current_matcher

log = logging.getLogger(__name__)

REEVAL_QUERY_CHARS = 300
"""How much of each changed paste the review page shows."""
TODO = "TODO"
"""What a draft template leaves for the curator to write; a draft with it is not applied."""
REEVAL_WAIT_SECONDS = 120.0
"""How long wait_for_reevaluations waits (tests on a busy machine)."""
REEVAL_STALE_SECONDS = 600.0
"""A re-evaluation "running" for longer died with its process: Re-evaluate starts it again."""
VECTOR_MEMO_MAX = 20_000
"""Sentence vectors kept in this process for re-evaluation (entry texts and known pastes)."""


class ProposalError(ValueError):
    """A proposal the desk cannot make or apply (the message says why, for the curator)."""


def audit(actor: str, action: str, target: str, before: Any = None, after: Any = None) -> None:
    """Record one change in the audit log (committed with the change itself)."""
    db.session.add(AuditEvent(actor=actor, action=action, target=target[:200], before=before, after=after))


def propose(actor: str, kind: str, *, text: str, fingerprint: str | None = None, entry_id: str | None = None,
            lang: str | None = None, topic: str | None = None, note: str | None = None) -> Proposal:
    """A pending proposal with its re-evaluation, recorded in the audit log; the text is redacted."""
    text = redact(text).strip()
    if not text:
        raise ProposalError("the proposal has no text")
    if kind in ("alias", "signature"):
        entry = _entry(entry_id)
        lang = lang if lang in LANGS else (detect_language(text) or "en")
        if kind == "signature":
            lang = None
        _check_new_wording(entry, kind, text, lang)
    proposal = Proposal(created_by=actor, kind=kind, status=PENDING, fingerprint=fingerprint, entry_id=entry_id,
                        lang=lang, text=text, topic=topic, note=redact(note) if note else None)
    if kind == "draft":
        _draft_entry(text)
    db.session.add(proposal)
    db.session.flush()
    audit(actor, "propose", f"proposal {proposal.id}", None, describe(proposal))
    db.session.commit()
    if kind != "out_of_scope":
        start_reevaluation(proposal)
    return proposal


def describe(proposal: Proposal) -> dict:
    """The proposal as the audit log keeps it."""
    return {"id": proposal.id, "kind": proposal.kind, "status": proposal.status, "entry_id": proposal.entry_id,
            "lang": proposal.lang, "text": proposal.text, "topic": proposal.topic, "fingerprint": proposal.fingerprint}


def _entry(entry_id: str | None) -> dict:
    entries = {entry["id"]: entry for entry in read_entries(db.session())}
    if entry_id not in entries:
        raise ProposalError(f"there is no entry {entry_id!r}")
    return entries[entry_id]


def _check_new_wording(entry: dict, kind: str, text: str, lang: str | None) -> None:
    existing = entry["signatures"] if kind == "signature" else entry["aliases"].get(lang or "en", [])
    if text in existing:
        raise ProposalError(f"{entry['id']} already has this {kind}")


def _draft_entry(text: str) -> dict:
    """The draft's YAML as a valid entry, or ProposalError listing every schema problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProposalError(f"the draft is not valid YAML: {exc}") from None
    data = json.loads(json.dumps(data, default=str))  # dates as ISO strings, as entry files give them
    errors = validate_entry(data, "draft")
    if errors:
        raise ProposalError("; ".join(f"{error.field}: {error.message}" for error in errors))
    return canonical(data)


def changed_entry(proposal: Proposal, entries: dict[str, dict]) -> dict | None:
    """The entry as it would be after the proposal (None for a proposal that changes no entry)."""
    if proposal.kind == "draft":
        return _draft_entry(proposal.text)
    if proposal.kind not in ("alias", "signature") or proposal.entry_id not in entries:
        return None
    entry = copy.deepcopy(entries[proposal.entry_id])
    if proposal.kind == "alias":
        phrases = entry["aliases"].setdefault(proposal.lang or "en", [])
        if proposal.text not in phrases:
            phrases.append(proposal.text)
    elif proposal.text not in entry["signatures"]:
        entry["signatures"].append(proposal.text)
    return entry


def draft_template(paste: str, family: str, entry_id: str) -> str:
    """A starting YAML for a new entry from a paste: the curator writes the cause, steps and source."""
    lang = detect_language(paste) or "en"
    first = paste.strip().splitlines()[0][:120] if paste.strip() else "New situation"
    data = {"id": entry_id, "family": family, "kind": "symptom", "content": {"en": {
        "title": first if lang == "en" else "TODO: English title",
        "cause": "TODO: why this happens.", "steps": "1. TODO: what to do.\n"}},
        "aliases": {lang: [first]},
        "sources": [{"url": "https://learn.microsoft.com/azure/machine-learning/", "title": "TODO: the page",
                     "anchor": "TODO", "lang": "en", "date": dt.date.today().isoformat()}]}
    return dump_entry(data)


# --- re-evaluation -------------------------------------------------------------------------

class _ReusingEncoder:
    """Encodes only what this process has not encoded yet: the running matcher's entry vectors
    and earlier pastes are reused, so a re-evaluation costs the new texts only."""

    def __init__(self, base: Any, memo: dict[str, np.ndarray]):
        self.base = base
        self.memo = memo

    def encode(self, texts: list[str]) -> np.ndarray:
        # vectors collected locally: another re-evaluation may clear the shared memo meanwhile
        vectors = []
        for text in texts:
            vector = self.memo.get(text)
            if vector is None:
                vector = np.asarray(self.base.encode([text]), dtype=np.float32)[0]
                if len(self.memo) >= VECTOR_MEMO_MAX:
                    self.memo.clear()
                self.memo[text] = vector
            vectors.append(vector)
        return np.stack(vectors) if vectors else np.zeros((0, 512), np.float32)


_MEMO: dict[str, np.ndarray] = {}
_MEMO_LOCK = threading.Lock()


def _encoder() -> _ReusingEncoder | None:
    """None when the semantic layer is off; else the reusing encoder, seeded with the running matcher's vectors."""
    if not current_app.config["MATCH_SEMANTIC"]:
        return None
    running = current_matcher().semantic
    with _MEMO_LOCK:
        if running is not None:
            for text, vector in zip(running.texts, running.vectors):
                _MEMO.setdefault(text, vector)
    return _ReusingEncoder(default_encoder(), _MEMO)


def _matcher(entries: list[dict], encoder: _ReusingEncoder | None) -> Matcher:
    config = current_app.config
    return Matcher(entries, params=ScoringParams.load(config["MATCH_PARAMS"]), encoder=encoder,
                   max_query_chars=config["MATCH_MAX_QUERY_CHARS"])


def known_pastes() -> list[tuple[str, str]]:
    """(source, paste) pairs the re-evaluation replays: the tuning sets, then recent distinct traffic."""
    config = current_app.config
    pastes: list[tuple[str, str]] = []
    for name in config["DESK_REEVAL_SETS"]:
        path = Path(name)
        if path.is_file():
            with path.open(encoding="utf-8") as lines:
                pastes += [(f"{path.name}:{case['id']}", case["query"]) for case in map(json.loads, lines) if case]
    newest = func.max(Log.created_at)
    rows = db.session.execute(select(func.min(Log.query_text)).where(Log.query_text.is_not(None))
                              .group_by(Log.fingerprint).order_by(newest.desc())
                              .limit(config["DESK_REEVAL_TRAFFIC_LIMIT"]))
    pastes += [("traffic", text) for (text,) in rows]
    return pastes


@dataclass(frozen=True)
class _Replay:
    """What a re-evaluation needs, read from the database in the request; the replay itself is CPU only."""

    proposal_id: int
    fingerprint: str | None
    entries: list[dict]
    after: list[dict]
    pastes: list[tuple[str, str]]
    encoder: _ReusingEncoder | None


def start_reevaluation(proposal: Proposal) -> None:
    """Replay the known pastes against the proposal on a background OS thread (seconds on a cold
    process: building matchers, encoding pastes), so no worker is blocked; the proposal shows
    "re-evaluating" until the thread stores the result. The caller has committed the proposal."""
    entries = read_entries(db.session())
    after_entry = changed_entry(proposal, {entry["id"]: entry for entry in entries})
    fingerprint = stored_fingerprint(db.session())
    if after_entry is None or (proposal.kind == "draft" and TODO in proposal.text):
        proposal.reevaluation = {"fingerprint": fingerprint, "checked": 0, "changes": []}
        db.session.commit()
        return
    replay = _Replay(proposal.id, fingerprint, entries,
                     [entry for entry in entries if entry["id"] != after_entry["id"]] + [after_entry],
                     known_pastes(), _encoder())
    proposal.reevaluation = {"fingerprint": fingerprint, "running": True, "started": time.time(),
                             "checked": 0, "changes": []}
    db.session.commit()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    done = threading.Event()
    with _MEMO_LOCK:
        _RUNNING.add(done)
    _native_thread(lambda: _run_replay(app, replay, done))


_RUNNING: set[threading.Event] = set()
"""Re-evaluations this process has running (tools and tests wait for them: wait_for_reevaluations)."""


def _run_replay(app: Flask, replay: _Replay, done: threading.Event) -> None:
    """The background half: replay, then store the result through a connection of its own (the
    request pool is not shared across OS threads). A failure is stored too, for the curator."""
    try:
        with app.app_context():
            try:
                result = _replay(replay)
            except Exception as exc:  # shown on the proposal page; Re-evaluate tries again
                log.exception("re-evaluation of proposal %s failed", replay.proposal_id)
                result = {"fingerprint": replay.fingerprint, "checked": 0, "changes": [],
                          "error": f"{type(exc).__name__}: {exc}"}
        engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], poolclass=NullPool)
        configure_sqlite(engine)
        try:
            with Session(engine) as session:
                found = session.get(Proposal, replay.proposal_id)
                if found is not None and (found.reevaluation or {}).get("running"):
                    found.reevaluation = result
                    session.commit()
        finally:
            engine.dispose()
    except Exception:
        log.exception("storing the re-evaluation of proposal %s failed", replay.proposal_id)
    finally:
        with _MEMO_LOCK:
            _RUNNING.discard(done)
        done.set()


def wait_for_reevaluations(timeout: float = REEVAL_WAIT_SECONDS) -> None:
    """Wait until this process's running re-evaluations have stored their results."""
    deadline = time.monotonic() + timeout
    with _MEMO_LOCK:
        running = list(_RUNNING)
    for done in running:
        if not done.wait(max(0.0, deadline - time.monotonic())):
            raise TimeoutError(f"re-evaluation not done within {timeout:g} s")


def is_running(reevaluation: dict | None) -> bool:
    """A re-evaluation started lately and not finished (one whose process died is not running)."""
    return bool(reevaluation and reevaluation.get("running")
                and time.time() - reevaluation.get("started", 0) < REEVAL_STALE_SECONDS)


def _replay(replay: _Replay) -> dict:
    """Which known pastes would get a different first answer once the proposal is applied."""
    before = _baseline(replay.fingerprint, replay.entries, replay.encoder, [paste for _, paste in replay.pastes])
    after_matcher = _matcher(replay.after, replay.encoder)
    changes = []
    for source, paste in replay.pastes:
        old, new = before[paste], _first(after_matcher, paste)
        if old != new:
            changes.append({"source": source, "query": paste[:REEVAL_QUERY_CHARS], "before": old, "after": new})
    return {"fingerprint": replay.fingerprint, "checked": len(replay.pastes), "changes": changes}


_BASELINE: dict[str, dict[str, str | None]] = {}
"""The first answers of known pastes under the current knowledge (one fingerprint kept), so a
re-evaluation runs only the changed knowledge."""


def _baseline(fingerprint: str | None, entries: list[dict], encoder: _ReusingEncoder | None,
              pastes: list[str]) -> dict[str, str | None]:
    key = fingerprint or ""
    with _MEMO_LOCK:
        known = _BASELINE.get(key, {})
    missing = [paste for paste in dict.fromkeys(pastes) if paste not in known]
    if missing:
        matcher = _matcher(entries, encoder)
        known = {**known, **{paste: _first(matcher, paste) for paste in missing}}
        with _MEMO_LOCK:
            _BASELINE.clear()
            _BASELINE[key] = known
    return known


def _first(matcher: Matcher, paste: str) -> str | None:
    result = matcher.match(paste, limit=1)
    return result.matches[0].id if result.matches else None


# --- review ---------------------------------------------------------------------------------

def apply(proposal: Proposal, actor: str) -> None:
    """Write the proposal into the knowledge (one transaction with its audit event), then have the
    new knowledge's sentence vectors ready for every worker."""
    if proposal.status != PENDING:
        raise ProposalError(f"proposal {proposal.id} is {proposal.status}, not pending")
    if proposal.kind == "draft" and TODO in proposal.text:
        raise ProposalError("the draft still has TODO parts; write them before applying it")
    encoder = _encoder()
    entries = {entry["id"]: entry for entry in read_entries(db.session())}
    after = changed_entry(proposal, entries)
    target = f"proposal {proposal.id}"
    if after is not None:
        before = entries.get(after["id"])
        if proposal.kind == "draft" and before is not None:
            raise ProposalError(f"an entry {after['id']!r} exists already; a draft adds a new entry")
        save_entry(db.session(), after)
        _warm_vectors(encoder)
        target = f"entry {after['id']}"
        audit(actor, f"apply-{proposal.kind}", target, _changed_part(proposal, before), _changed_part(proposal, after))
    elif proposal.kind == "out_of_scope":
        if not proposal.fingerprint or not proposal.topic:
            raise ProposalError(f"proposal {proposal.id} names no gap group or no topic")
        earlier = {decision["fingerprint"]: decision for decision in read_out_of_scope(db.session())}
        save_out_of_scope(db.session(), proposal.fingerprint, proposal.topic, proposal.text, proposal.note)
        target = f"out-of-scope {proposal.fingerprint}"
        audit(actor, "apply-out_of_scope", target, earlier.get(proposal.fingerprint),
              {"fingerprint": proposal.fingerprint, "topic": proposal.topic, "example": proposal.text,
               "note": proposal.note})
    before_status = describe(proposal)
    proposal.status, proposal.reviewed_by, proposal.reviewed_at = APPLIED, actor, dt.datetime.now(dt.UTC)
    audit(actor, "review", f"proposal {proposal.id}", before_status, describe(proposal))
    db.session.commit()


def _changed_part(proposal: Proposal, entry: dict | None) -> dict | None:
    """The part of the entry a proposal touches (the whole entry for a draft)."""
    if entry is None:
        return None
    if proposal.kind == "alias":
        return {"id": entry["id"], "aliases": entry["aliases"]}
    if proposal.kind == "signature":
        return {"id": entry["id"], "signatures": entry["signatures"]}
    return entry


def reject(proposal: Proposal, actor: str, note: str | None) -> None:
    if proposal.status != PENDING:
        raise ProposalError(f"proposal {proposal.id} is {proposal.status}, not pending")
    before = describe(proposal)
    proposal.status, proposal.reviewed_by, proposal.reviewed_at = REJECTED, actor, dt.datetime.now(dt.UTC)
    if note:
        proposal.note = redact(note)
    audit(actor, "review", f"proposal {proposal.id}", before, describe(proposal))
    db.session.commit()


def _warm_vectors(encoder: _ReusingEncoder | None) -> None:
    """Write the changed knowledge's vector file (before the change commits), encoding only the
    texts that are new, so every worker loads it instead of re-encoding the whole knowledge."""
    if encoder is None:
        return
    texts, _ = entry_texts(read_entries(db.session()))
    load_or_encode(texts, encoder, Path(current_app.config["SEMANTIC_CACHE_DIR"]))


def edit_draft(proposal: Proposal, actor: str, text: str) -> None:
    """Replace a pending draft's YAML (validated) and re-evaluate it."""
    if proposal.kind != "draft" or proposal.status != PENDING:
        raise ProposalError(f"proposal {proposal.id} is not a pending draft")
    text = redact(text).strip()
    _draft_entry(text)
    before = describe(proposal)
    proposal.text = text
    audit(actor, "edit-draft", f"proposal {proposal.id}", before, describe(proposal))
    db.session.commit()
    start_reevaluation(proposal)


def refresh_reevaluation(proposal: Proposal) -> None:
    """Re-run the re-evaluation when the knowledge changed since it was computed (or it failed,
    or its process died); one already running is left to finish."""
    reevaluation = proposal.reevaluation or {}
    if proposal.status == PENDING and proposal.kind != "out_of_scope" and not is_running(reevaluation) and (
            not reevaluation or reevaluation.get("running") or reevaluation.get("error")
            or reevaluation.get("fingerprint") != stored_fingerprint(db.session())):
        start_reevaluation(proposal)
