"""Fit the fusion weights and the answer threshold on the TUNING sets: `make fit`.

Grid search over the semantic layer's parameters and the threshold, scoring each setting by
balanced accuracy on the tuning cases (right entry first for positives, no entry for negatives
and neighbouring topics). Writes app/matching/scoring_params.json. The frozen test sets are never
read here: check the result with `make eval` afterwards.
"""
from __future__ import annotations

import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.config import Config  # noqa: E402
from app.knowledge.files import read_entry_files  # noqa: E402
from app.matching.matcher import Matcher  # noqa: E402
from app.matching.scoring import FITTED_PARAMS, ScoringParams  # noqa: E402
from app.matching.semantic import default_encoder  # noqa: E402

HERE = Path(__file__).resolve().parent
TUNING = (HERE / "tune.jsonl", HERE / "tune_neighbours.jsonl", HERE / "tune_pastes.jsonl")
GRID = {
    "semantic_floor": (0.45, 0.50),
    "semantic_scale": (120.0, 180.0),
    "semantic_cap": (65.0, 80.0),
    "neighbour": (0.4, 0.55),
    "threshold": (45.0, 50.0, 55.0),
}
FITTED = tuple(GRID)


class MemoEncoder:
    """The real encoder, remembering each text: every setting re-reads the same queries."""

    def __init__(self) -> None:
        self.inner = default_encoder()
        self.memo: dict[str, object] = {}

    def encode(self, texts: list[str]) -> object:
        if len(texts) != 1:
            return self.inner.encode(texts)
        if texts[0] not in self.memo:
            self.memo[texts[0]] = self.inner.encode(texts)
        return self.memo[texts[0]]


def load_cases() -> list[dict]:
    cases = []
    for path in TUNING:
        if path.exists():
            cases += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [case for case in cases if case["expect"] != ["?"]]


def balanced_accuracy(matcher: Matcher, cases: list[dict]) -> float:
    positive = [c for c in cases if c["expect"]]
    negative = [c for c in cases if not c["expect"]]
    hits = sum(1 for c in positive if (m := matcher.match(c["query"]).matches) and m[0].id in c["expect"])
    rejected = sum(1 for c in negative if not matcher.match(c["query"]).matches)
    return (hits / len(positive) + rejected / len(negative)) / 2


def main() -> int:
    entries, errors = read_entry_files(ROOT / "knowledge" / "entries")
    if errors:
        raise SystemExit("\n".join(map(str, errors)))
    cases = load_cases()
    base = ScoringParams.load(Config.MATCH_PARAMS)
    matcher = Matcher(entries, params=base, encoder=MemoEncoder(), cache_dir=Path(Config.SEMANTIC_CACHE_DIR))
    best_score, best_params = -1.0, base
    for values in itertools.product(*GRID.values()):
        params = replace(base, **dict(zip(GRID, values)))
        matcher.params, matcher.threshold = params, params.threshold
        score = balanced_accuracy(matcher, cases)
        if score > best_score:
            best_score, best_params = score, params
            print(f"{score:.4f} {dict(zip(GRID, values))}", flush=True)
    fitted = {name: getattr(best_params, name) for name in FITTED}
    FITTED_PARAMS.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
    print(f"best balanced accuracy on {len(cases)} tuning cases: {best_score:.4f}; wrote {FITTED_PARAMS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
