"""Teaching from the gap report: proposals, re-evaluation, applying, export to YAML and back."""
from __future__ import annotations

import shutil
import threading
import time

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.desk.models import AuditEvent, Proposal
from app.desk.teaching import draft_template, wait_for_reevaluations
from app.desk.wording import ALIAS_MAX_CHARS, is_literal_error, proposed_wording
from app.extensions import db
from app.querylog.fingerprint import fingerprint
from app.store.loader import stored_fingerprint
from app.store.snapshot import holder
from tests.conftest import KNOWLEDGE_DIR
from tests.desk.conftest import TARGET_ENTRY, UNANSWERED, add_rows

RELOAD_WAIT_SECONDS = 60


def answer_ids(client, paste: str) -> list[str]:
    response = client.post("/api/v1/match", json={"query": paste})
    assert response.status_code == 200
    return [match["id"] for match in response.json["matches"]]


def wait_for_answer(application, paste: str, entry_id: str) -> list[str]:
    """The matcher reloads in the background once the fingerprint changed: ask until it has."""
    client = application.test_client()
    deadline = time.monotonic() + RELOAD_WAIT_SECONDS
    while (ids := answer_ids(client, paste))[:1] != [entry_id] and time.monotonic() < deadline:
        time.sleep(0.2)
    return ids


def attach(curator, paste: str, entry_id: str = TARGET_ENTRY, kind: str = "alias") -> str:
    response = curator.post(f"/desk/gaps/{fingerprint(paste)}/attach",
                            data={"entry_id": entry_id, "kind": kind, "lang": "en", "text": paste})
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def test_literal_error_strings_become_signatures_and_sentences_aliases():
    assert proposed_wording("ImagePullBackOff: Back-off pulling image") == (
        "signature", "ImagePullBackOff: Back-off pulling image", "en")
    assert proposed_wording('(ResourceNotReady) "code": "ResourceNotReady"')[0] == "signature"
    assert proposed_wording("my endpoint never becomes ready after an hour") == (
        "alias", "my endpoint never becomes ready after an hour", "en")
    assert proposed_wording("배포가 계속 실패해요")[::2] == ("alias", "ko")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_paste_gives_a_short_single_line_wording(paste):
    kind, text, lang = proposed_wording(paste)
    assert kind in ("alias", "signature") and "\n" not in text and len(text) <= ALIAS_MAX_CHARS
    assert lang in ("en", "ko", "zh", "ru")
    assert is_literal_error(paste) in (True, False)


def test_attach_apply_answers_the_paste_and_is_audited(desk_app, curator):
    add_rows(desk_app, UNANSWERED, 2)
    client = desk_app.test_client()
    assert answer_ids(client, UNANSWERED) == []
    with desk_app.app_context():
        before = stored_fingerprint(db.session())
    review = attach(curator, UNANSWERED)
    wait_for_reevaluations()
    page = curator.get(review).text
    assert "would get a different first answer" in page
    assert "k1" in page  # the known paste from the re-evaluation set that the alias would answer too
    assert curator.post(review + "/apply").status_code == 302
    assert wait_for_answer(desk_app, UNANSWERED, TARGET_ENTRY)[:1] == [TARGET_ENTRY]
    with desk_app.app_context():
        assert stored_fingerprint(db.session()) != before
        proposal = db.session.scalars(select(Proposal)).one()
        assert (proposal.status, proposal.reviewed_by) == ("applied", "cora")
        change = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "apply-alias")).one()
        assert change.actor == "cora" and change.target == f"entry {TARGET_ENTRY}"
        assert UNANSWERED not in change.before["aliases"]["en"] and UNANSWERED in change.after["aliases"]["en"]
    assert holder(desk_app).snapshot.fingerprint != before


def test_the_change_survives_export_and_load(desk_app, curator, tmp_path):
    add_rows(desk_app, UNANSWERED)
    curator.post(attach(curator, UNANSWERED) + "/apply")
    runner = desk_app.test_cli_runner()
    exported = tmp_path / "exported"
    assert runner.invoke(args=["kb", "export", str(exported)]).exit_code == 0
    entry_file = exported / "managed-online-endpoints" / f"{TARGET_ENTRY}.yaml"
    assert UNANSWERED in yaml.safe_load(entry_file.read_text(encoding="utf-8"))["aliases"]["en"]
    shipped = yaml.safe_load((KNOWLEDGE_DIR / "managed-online-endpoints" / f"{TARGET_ENTRY}.yaml").read_text())
    assert UNANSWERED not in shipped["aliases"]["en"]
    loaded = runner.invoke(args=["kb", "load", "--dir", str(exported)])
    assert loaded.exit_code == 0 and "0 added, 0 updated, 0 removed" in loaded.output
    again = tmp_path / "again"
    runner.invoke(args=["kb", "export", str(again)])
    assert (again / "managed-online-endpoints" / f"{TARGET_ENTRY}.yaml").read_bytes() == entry_file.read_bytes()


def test_a_signature_is_added_to_the_entry(desk_app, curator):
    paste = "FluxCapacitorOverheatedError: scoring pod stopped"
    add_rows(desk_app, paste)
    curator.post(attach(curator, paste, kind="signature") + "/apply")
    with desk_app.app_context():
        from app.store.loader import read_entries
        entry = {e["id"]: e for e in read_entries(db.session())}[TARGET_ENTRY]
    assert paste in entry["signatures"]


def test_a_proposal_is_applied_once_and_the_same_alias_not_twice(desk_app, curator):
    add_rows(desk_app, UNANSWERED)
    review = attach(curator, UNANSWERED)
    assert curator.post(review + "/apply").status_code == 302
    assert curator.post(review + "/apply").status_code == 409
    again = curator.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/attach",
                         data={"entry_id": TARGET_ENTRY, "kind": "alias", "lang": "en", "text": UNANSWERED})
    assert again.status_code == 400 and "already has this alias" in again.text


def test_attach_refuses_an_unknown_entry_or_kind(desk_app, curator):
    add_rows(desk_app, UNANSWERED)
    url = f"/desk/gaps/{fingerprint(UNANSWERED)}/attach"
    assert curator.post(url, data={"entry_id": "nope", "text": UNANSWERED}).status_code == 400
    assert curator.post(url, data={"entry_id": TARGET_ENTRY, "kind": "poem", "text": UNANSWERED}).status_code == 400
    assert curator.post(url, data={"entry_id": TARGET_ENTRY, "text": "   "}).status_code == 400


def test_an_agent_cannot_propose_or_apply(desk_app, curator, agent):
    add_rows(desk_app, UNANSWERED)
    review = attach(curator, UNANSWERED)
    assert agent.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/attach",
                      data={"entry_id": TARGET_ENTRY, "text": UNANSWERED}).status_code == 403
    assert agent.post(review + "/apply").status_code == 403
    assert agent.post(review + "/reject").status_code == 403
    assert "Apply" not in agent.get(review).text
    with desk_app.app_context():
        assert db.session.scalars(select(Proposal)).one().status == "pending"


def test_reject_keeps_the_knowledge(desk_app, curator):
    add_rows(desk_app, UNANSWERED)
    with desk_app.app_context():
        before = stored_fingerprint(db.session())
    review = attach(curator, UNANSWERED)
    assert curator.post(review + "/reject", data={"note": "too vague"}).status_code == 302
    with desk_app.app_context():
        assert stored_fingerprint(db.session()) == before
        assert db.session.scalars(select(Proposal)).one().status == "rejected"


def test_out_of_scope_marks_the_group(desk_app, curator, agent):
    add_rows(desk_app, UNANSWERED)
    response = curator.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/out-of-scope",
                            data={"topic": "compute-cluster", "note": "cluster question"})
    curator.post(response.headers["Location"] + "/apply")
    assert "status-applied" in agent.get("/desk/gaps").text
    assert curator.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/out-of-scope",
                        data={"topic": "the moon"}).status_code == 400


def test_a_draft_with_todo_is_kept_until_written(desk_app, curator):
    add_rows(desk_app, UNANSWERED)
    template = draft_template(UNANSWERED, "managed-online-endpoints", "flux-capacitor-hum")
    response = curator.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/draft", data={"text": template})
    review = response.headers["Location"]
    assert curator.post(review + "/apply").status_code == 409
    written = template.replace("TODO: why this happens.", "The capacitor hums when the pod idles.") \
        .replace("1. TODO: what to do.", "1. Restart the deployment.").replace("TODO: the page", "Azure ML") \
        .replace("anchor: TODO", "anchor: overview")
    assert curator.post(review + "/draft", data={"text": written}).status_code == 302
    assert curator.post(review + "/apply").status_code == 302
    assert wait_for_answer(desk_app, UNANSWERED, "flux-capacitor-hum")[:1] == ["flux-capacitor-hum"]


def test_an_invalid_draft_is_refused_with_the_problem(desk_app, curator):
    add_rows(desk_app, UNANSWERED)
    response = curator.post(f"/desk/gaps/{fingerprint(UNANSWERED)}/draft", data={"text": "id: x\nfamily: moon\n"})
    assert response.status_code == 400 and "family" in response.text


def test_the_shipped_files_are_not_touched(desk_app, curator, tmp_path):
    """Applying writes the database only; the files change when a curator exports them."""
    shutil.copytree(KNOWLEDGE_DIR, tmp_path / "copy")
    add_rows(desk_app, UNANSWERED)
    curator.post(attach(curator, UNANSWERED) + "/apply")
    path = f"managed-online-endpoints/{TARGET_ENTRY}.yaml"
    assert (KNOWLEDGE_DIR / path).read_bytes() == (tmp_path / "copy" / path).read_bytes()


def test_re_evaluation_runs_beside_the_request(desk_app, curator, monkeypatch):
    """Proposing answers at once; the page says "re-evaluating" (and reloads) until the result is stored."""
    from app.desk import teaching

    release = threading.Event()
    replay = teaching._replay

    def held(job):
        assert release.wait(RELOAD_WAIT_SECONDS)
        return replay(job)

    monkeypatch.setattr(teaching, "_replay", held)
    add_rows(desk_app, UNANSWERED)
    review = attach(curator, UNANSWERED)  # returns while the replay is held
    page = curator.get(review).text
    assert "Re-evaluating" in page and 'http-equiv="refresh"' in page
    release.set()
    wait_for_reevaluations()
    page = curator.get(review).text
    assert "Re-evaluating" not in page and "would get a different first answer" in page and "k1" in page
