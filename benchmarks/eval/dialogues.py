"""Evaluate conversations: `make eval-dialogues`.

Each dialogue (JSON lines: id, lang, turns[{say, turn, expect[ids], expect_lang?, expect_not?}]) runs
through the real service path in-process, as a bot would: POST /api/v1/conversations, then each turn
as POST /api/v1/match with the conversation_id, on a fresh SQLite database with the shipped knowledge.

A turn is right when its `turn` kind is right and:
  new_topic, follow_up  the first match is in `expect` (none expected: no match or anything, kind decides),
                        and not in `expect_not`;
  feedback              the entry shown just before is not first again;
  language              the same entry is re-rendered (first match in `expect`, or the entry shown before)
                        and the answer is in `expect_lang`;
  small_talk            no entry is offered.

Prints the share of right turns per turn kind and per dialogue language, the kind accuracy and the
entry accuracy apart, and the failing turns. Sets: dialogues_tune.jsonl and dialogues_tune2.jsonl to
dialogues_tune20.jsonl (ours to tune on; from the second on written apart, in varied phrasing, each measured once
before tuning on it) and dialogues_test.jsonl (FROZEN: written by someone else, never read while tuning, run once
at the end).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402
from app.knowledge.files import fingerprint, read_entry_files  # noqa: E402
from app.querylog.recorder import writer as querylog_writer  # noqa: E402
from app.store.loader import load_entries  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = {"tune": HERE / "dialogues_tune.jsonl", "tune2": HERE / "dialogues_tune2.jsonl",
        "tune3": HERE / "dialogues_tune3.jsonl", "tune4": HERE / "dialogues_tune4.jsonl",
        "tune5": HERE / "dialogues_tune5.jsonl", "tune6": HERE / "dialogues_tune6.jsonl",
        "tune7": HERE / "dialogues_tune7.jsonl", "tune8": HERE / "dialogues_tune8.jsonl",
        "tune9": HERE / "dialogues_tune9.jsonl", "tune10": HERE / "dialogues_tune10.jsonl",
        "tune11": HERE / "dialogues_tune11.jsonl",
        "tune12": HERE / "dialogues_tune12.jsonl",
        "tune13": HERE / "dialogues_tune13.jsonl", "tune14": HERE / "dialogues_tune14.jsonl",
        "tune15": HERE / "dialogues_tune15.jsonl", "tune16": HERE / "dialogues_tune16.jsonl",
        "tune17": HERE / "dialogues_tune17.jsonl", "tune18": HERE / "dialogues_tune18.jsonl",
        "tune19": HERE / "dialogues_tune19.jsonl", "tune20": HERE / "dialogues_tune20.jsonl",
        "test": HERE / "dialogues_test.jsonl"}
KINDS = ("new_topic", "follow_up", "feedback", "language", "small_talk")


@dataclass
class Tally:
    turns: int = 0
    kind_right: int = 0
    entry_right: int = 0
    right: int = 0

    def add(self, kind_ok: bool, entry_ok: bool) -> None:
        self.turns += 1
        self.kind_right += kind_ok
        self.entry_right += entry_ok
        self.right += kind_ok and entry_ok

    def share(self) -> float:
        return self.right / self.turns if self.turns else 0.0


@dataclass
class Summary:
    total: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    failures: list[str] = field(default_factory=list)
    """dialogue#turn ids of the wrong turns (safe to print for the frozen set)."""
    details: list[str] = field(default_factory=list)
    """The same with what was said and answered: for the tuning set only."""


def service_app(workdir: Path):
    """The app as the service builds it (semantic layer on), on its own migrated and loaded SQLite file."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'dialogues.sqlite3'}", "TESTING": True,
                      "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "dialogue-evaluation",
                      "KNOWLEDGE_RELOAD_SECONDS": 0})
    with app.app_context():
        upgrade()
        directory = Path(app.config["KNOWLEDGE_DIR"])
        entries, errors = read_entry_files(directory)
        if errors:
            raise SystemExit("\n".join(map(str, errors)))
        with Session(db.engine) as session:
            load_entries(session, entries, fingerprint(directory))
    return app


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge(turn: dict, reply: dict, shown_before: str | None) -> tuple[bool, bool]:
    """(the kind is right, the entry is right) for one turn."""
    expected = turn["turn"]
    kind_ok = reply.get("turn") == expected
    first = reply["matches"][0]["id"] if reply.get("matches") else None
    expect, expect_not = turn.get("expect") or [], turn.get("expect_not") or []
    if first is not None and first in expect_not:
        return kind_ok, False
    if expected == "feedback":
        return kind_ok, first is None or first != shown_before
    if expected == "language":
        wanted = expect or ([shown_before] if shown_before else [])
        same = first in wanted if wanted else True
        return kind_ok, same and reply.get("answer_lang") == turn.get("expect_lang", reply.get("answer_lang"))
    if expected == "small_talk":
        return kind_ok, first is None
    return kind_ok, first in expect if expect else True


def run_dialogues(client, dialogues: list[dict]) -> Summary:
    summary = Summary()
    for dialogue in dialogues:
        created = client.post("/api/v1/conversations")
        conversation_id = created.get_json()["conversation_id"]
        shown: str | None = None
        for number, turn in enumerate(dialogue["turns"], start=1):
            response = client.post("/api/v1/match", json={"query": turn["say"], "conversation_id": conversation_id})
            reply = response.get_json()
            if response.status_code != 200:
                reply = {"turn": None, "matches": []}
            kind_ok, entry_ok = judge(turn, reply, shown)
            for tally in (summary.total, summary.by_kind[turn["turn"]], summary.by_lang[dialogue["lang"]]):
                tally.add(kind_ok, entry_ok)
            if not (kind_ok and entry_ok):
                first = reply["matches"][0]["id"] if reply.get("matches") else "-"
                summary.failures.append(f"{dialogue['id']}#{number}")
                summary.details.append(f"{dialogue['id']}#{number} {turn['turn']}->{reply.get('turn')} "
                                       f"first={first} expect={turn.get('expect')} say={turn['say'][:60]!r}")
            if reply.get("matches"):
                shown = reply["matches"][0]["id"]
    return summary


def evaluate(path: Path) -> Summary:
    with tempfile.TemporaryDirectory() as workdir:
        app = service_app(Path(workdir))
        with app.app_context():
            summary = run_dialogues(app.test_client(), load(path))
            querylog_writer(app).close()  # write the buffered query log before the database goes away
            db.engine.dispose()
    return summary


def _line(name: str, tally: Tally) -> str:
    def share(hits: int) -> str:
        return f"{hits / tally.turns:.3f}" if tally.turns else "-"
    return f"{name:<12} {tally.turns:>6} {share(tally.right):>7} {share(tally.kind_right):>7} {share(tally.entry_right):>7}"


def report(name: str, summary: Summary, show_failures: bool) -> str:
    lines = [f"== {name}", f"{'group':<12} {'turns':>6} {'right':>7} {'kind':>7} {'entry':>7}",
             _line("all", summary.total)]
    lines += [_line(kind, summary.by_kind[kind]) for kind in KINDS if kind in summary.by_kind]
    lines += [_line(lang, summary.by_lang[lang]) for lang in sorted(summary.by_lang)]
    if show_failures:
        lines += ["failing turns:", *(f"  {detail}" for detail in summary.details)]
    elif summary.failures:
        lines.append(f"failing turns: {' '.join(summary.failures)}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", default=["tune"], help="tune, tune2 ... tune20, test, or paths (default: tune)")
    parser.add_argument("--failures", action="store_true",
                        help="list the failing turns with what was said (never for the frozen set)")
    args = parser.parse_args()
    for name in args.sets:
        path = SETS.get(name, Path(name))
        if not path.exists():
            print(f"== {name}: {path} not found, skipped")
            continue
        print(report(name, evaluate(path), args.failures and name != "test"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
