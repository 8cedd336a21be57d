"""Evaluate the matcher on the labelled case sets: `make eval`.

Sets (JSON lines, one case each: id, query, expect, query_lang, kind, optional answer_lang, scope):
  tune     benchmarks/eval/tune.jsonl            what we look at while improving the matcher
  neighbours benchmarks/eval/tune_neighbours.jsonl tuning too: Azure ML topics next to deployment
  tune_pastes benchmarks/eval/tune_pastes.jsonl  tuning too: real pastes from public issues (not the frozen ones), with links
  tune_written2 benchmarks/eval/tune_written2.jsonl tuning too: written apart from the code, measured once before tuning
  tune_pastes2 benchmarks/eval/tune_pastes2.jsonl  tuning too: more real pastes (none from the frozen threads), measured once before tuning
  tune_written3 benchmarks/eval/tune_written3.jsonl a third written set, by a new writer, measured once before tuning
  tune_pastes3 benchmarks/eval/tune_pastes3.jsonl  a third set of real pastes from threads not used before, measured once before tuning
  tune_written4 benchmarks/eval/tune_written4.jsonl written apart while the matcher was tuned, measured once on the round's final code
  tune_pastes4 benchmarks/eval/tune_pastes4.jsonl  real pastes collected while the matcher was tuned, measured once on the round's final code
  tune_written5 benchmarks/eval/tune_written5.jsonl written apart and held out while the next round tuned, measured once at its end
  tune_pastes5 benchmarks/eval/tune_pastes5.jsonl  real pastes collected and held out likewise
  tune_written6 benchmarks/eval/tune_written6.jsonl the next round's held-out written set, measured at its start and end
  tune_pastes6 benchmarks/eval/tune_pastes6.jsonl  the next round's held-out real pastes, likewise
  tune_written7 benchmarks/eval/tune_written7.jsonl a seventh written set, held out while its round tuned: start and end
  tune_pastes7 benchmarks/eval/tune_pastes7.jsonl  a seventh set of real pastes, held out likewise
  tune_written8 benchmarks/eval/tune_written8.jsonl an eighth written set, held out while its round tuned: start and end
  tune_pastes8 benchmarks/eval/tune_pastes8.jsonl  an eighth set of real pastes, held out likewise
  tune_written9 benchmarks/eval/tune_written9.jsonl a ninth written set, held out while its round tuned: start and end
  tune_pastes9 benchmarks/eval/tune_pastes9.jsonl  a ninth set of real pastes, held out likewise
  tune_written10 benchmarks/eval/tune_written10.jsonl a tenth written set, held out while its round tuned: start and end
  tune_pastes10 benchmarks/eval/tune_pastes10.jsonl  a tenth set of real pastes, held out likewise
  tune_written11 benchmarks/eval/tune_written11.jsonl an eleventh written set, held out while its round tuned: start and end
  tune_pastes11 benchmarks/eval/tune_pastes11.jsonl  an eleventh set of real pastes, held out likewise
  tune_written12 benchmarks/eval/tune_written12.jsonl a twelfth written set, held out while its round tuned: start and end
  tune_pastes12 benchmarks/eval/tune_pastes12.jsonl  a twelfth set of real pastes, held out likewise
  tune_written13 benchmarks/eval/tune_written13.jsonl a thirteenth written set, held out while its round tuned: start and end
  tune_pastes13 benchmarks/eval/tune_pastes13.jsonl  a thirteenth set of real pastes, held out likewise
  tune_written14 benchmarks/eval/tune_written14.jsonl a fourteenth written set, held out while its round tuned: start and end
  tune_pastes14 benchmarks/eval/tune_pastes14.jsonl  a fourteenth set of real pastes, held out likewise
  tune_written15 benchmarks/eval/tune_written15.jsonl a fifteenth written set, held out while its round tuned: start and end
  tune_pastes15 benchmarks/eval/tune_pastes15.jsonl  a fifteenth set of real pastes, held out likewise
  written  benchmarks/eval/test_written.jsonl    FROZEN: written by someone who never saw the entries
  pastes   benchmarks/eval/test_pastes.jsonl     FROZEN: real pastes from public issues, with links
Frozen sets are never edited to make the matcher pass and never copied into aliases, rules or tests.

Prints, per set: acc@1, recall@3, MRR, no-match rate (right "no entry"), per kind and per query
language; for real pastes, in-scope and out-of-scope apart (and cases whose entry is not written yet).
`--snapshot` rewrites benchmarks/eval/snapshot.tsv (one line per case: what came first), so a scoring
change shows in `git diff` as the cases it changed.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.config import Config  # noqa: E402
from app.knowledge.files import read_entry_files  # noqa: E402
from app.matching.matcher import Matcher  # noqa: E402
from app.matching.scoring import ScoringParams  # noqa: E402
from app.matching.semantic import default_encoder  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = {"tune": HERE / "tune.jsonl", "neighbours": HERE / "tune_neighbours.jsonl",
        "tune_pastes": HERE / "tune_pastes.jsonl", "tune_written2": HERE / "tune_written2.jsonl",
        "tune_pastes2": HERE / "tune_pastes2.jsonl", "tune_written3": HERE / "tune_written3.jsonl",
        "tune_pastes3": HERE / "tune_pastes3.jsonl", "tune_written4": HERE / "tune_written4.jsonl",
        "tune_pastes4": HERE / "tune_pastes4.jsonl", "tune_written5": HERE / "tune_written5.jsonl",
        "tune_pastes5": HERE / "tune_pastes5.jsonl", "tune_written6": HERE / "tune_written6.jsonl",
        "tune_pastes6": HERE / "tune_pastes6.jsonl", "tune_written7": HERE / "tune_written7.jsonl",
        "tune_pastes7": HERE / "tune_pastes7.jsonl", "tune_written8": HERE / "tune_written8.jsonl",
        "tune_pastes8": HERE / "tune_pastes8.jsonl", "tune_written9": HERE / "tune_written9.jsonl",
        "tune_pastes9": HERE / "tune_pastes9.jsonl", "tune_written10": HERE / "tune_written10.jsonl",
        "tune_pastes10": HERE / "tune_pastes10.jsonl", "tune_written11": HERE / "tune_written11.jsonl",
        "tune_pastes11": HERE / "tune_pastes11.jsonl", "tune_written12": HERE / "tune_written12.jsonl",
        "tune_pastes12": HERE / "tune_pastes12.jsonl", "tune_written13": HERE / "tune_written13.jsonl",
        "tune_pastes13": HERE / "tune_pastes13.jsonl", "tune_written14": HERE / "tune_written14.jsonl",
        "tune_pastes14": HERE / "tune_pastes14.jsonl", "tune_written15": HERE / "tune_written15.jsonl",
        "tune_pastes15": HERE / "tune_pastes15.jsonl",
        "written": HERE / "test_written.jsonl", "pastes": HERE / "test_pastes.jsonl"}
FROZEN = ("written", "pastes")
SNAPSHOT = HERE / "snapshot.tsv"
TOP = 3


@dataclass
class Tally:
    """Counts for one group of cases."""

    positive: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal: float = 0.0
    negative: int = 0
    rejected: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, case: dict, ranked: list[str]) -> None:
        expect = case["expect"]
        if not expect:
            self.negative += 1
            self.rejected += not ranked
            if ranked:
                self.failures.append(case["id"])
            return
        self.positive += 1
        rank = next((i for i, entry_id in enumerate(ranked, 1) if entry_id in expect), None)
        self.top1 += rank == 1
        self.top3 += rank is not None and rank <= TOP
        self.reciprocal += 1 / rank if rank else 0.0
        if rank != 1:
            self.failures.append(case["id"])

    def row(self, name: str) -> str:
        def share(hits: float, total: int) -> str:
            return f"{hits / total:5.3f}" if total else "  n/a"
        return (f"  {name:<16} n={self.positive + self.negative:<4} acc@1={share(self.top1, self.positive)} "
                f"recall@3={share(self.top3, self.positive)} mrr={share(self.reciprocal, self.positive)} "
                f"no-match={share(self.rejected, self.negative)}")


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_matcher() -> Matcher:
    entries, errors = read_entry_files(ROOT / "knowledge" / "entries")
    if errors:
        raise SystemExit("\n".join(str(error) for error in errors))
    return Matcher(entries, params=ScoringParams.load(Config.MATCH_PARAMS), max_query_chars=Config.MATCH_MAX_QUERY_CHARS,
                   encoder=default_encoder() if Config.MATCH_SEMANTIC else None, cache_dir=Path(Config.SEMANTIC_CACHE_DIR))


def group_of(case: dict) -> str:
    """Real pastes are judged in and out of scope apart; cases whose entry is not written yet apart again."""
    if "scope" not in case:
        return "all"
    if case.get("future"):
        return "in (no entry yet)"
    return f"{case['scope']}-scope"


def evaluate(matcher: Matcher, name: str, cases: list[dict]) -> tuple[dict[str, Tally], list[tuple[str, ...]], list]:
    totals: dict[str, Tally] = defaultdict(Tally)
    snapshot = []
    latencies = []
    for case in cases:
        if case["expect"] == ["?"]:
            continue
        started = time.perf_counter()
        result = matcher.match(case["query"])
        latencies.append((time.perf_counter() - started) * 1000)
        ranked = [match.id for match in result.matches]
        for key in (f"set {group_of(case)}", f"kind {case['kind']}", f"lang {case['query_lang']}"):
            totals[key].add(case, ranked)
        top = ranked[0] if ranked else "-"
        snapshot.append((name, case["id"], "|".join(case["expect"]) or "-", top,
                         "ok" if (top in case["expect"] or (not case["expect"] and not ranked)) else "MISS"))
    return totals, snapshot, latencies


def summary_line(name: str, totals: dict[str, Tally]) -> str:
    parts = []
    for key, tally in sorted(totals.items()):
        if key.startswith("set "):
            group = key[4:]
            if tally.positive:
                parts.append(f"{group}: acc@1={tally.top1 / tally.positive:.3f} "
                             f"recall@3={tally.top3 / tally.positive:.3f}")
            if tally.negative:
                parts.append(f"{group}: no-match={tally.rejected / tally.negative:.3f}")
    return f"{name}: " + "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    parser.add_argument("--snapshot", action="store_true", help="rewrite benchmarks/eval/snapshot.tsv")
    parser.add_argument("--failures", action="store_true", help="list the ids of the cases that failed")
    args = parser.parse_args()
    matcher = build_matcher()
    rows: list[tuple[str, ...]] = []
    lines = []
    for name in args.sets:
        totals, snapshot, latencies = evaluate(matcher, name, load(SETS[name]))
        rows += snapshot
        latencies.sort()
        frozen = " (frozen test set)" if name in FROZEN else ""
        print(f"== {name}{frozen}: {len(snapshot)} cases, p50 {latencies[len(latencies) // 2]:.2f} ms, "
              f"p99 {latencies[int(len(latencies) * 0.99)]:.2f} ms")
        for key in sorted(totals):
            print(totals[key].row(key))
            if args.failures and totals[key].failures and key.startswith("set "):
                print(f"    failed: {' '.join(totals[key].failures)}")
        lines.append(summary_line(name, totals))
    print()
    for line in lines:
        print(line)
    if args.snapshot:
        SNAPSHOT.write_text("set\tid\texpect\ttop\tresult\n" + "".join("\t".join(row) + "\n" for row in rows),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
