"""What reading a message in a conversation adds to a match (the follow-up row of `make bench`).

The conversation state is in memory (it rides on the conversation row the request reads anyway),
so a follow-up costs the cue patterns, the choice of what to match, and re-ranking the candidates
with the context; the matcher runs once, on the context query instead of the bare message.
"""
from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.dialogue.policy import context_query, in_conversation, opened, resolve  # noqa: E402
from app.dialogue.state import State  # noqa: E402
from app.dialogue.turns import read_turn  # noqa: E402
from app.knowledge.files import read_entry_files  # noqa: E402
from app.matching.matcher import Matcher  # noqa: E402

FOLLOW_UPS = ["how do I see its logs?", "same on AKS?", "what about batch?", "the command for that",
              "why does it happen?", "that didn't help", "in Korean please", "thanks!",
              "где посмотреть логи?", "а для пакетных?", "日志在哪里看？", "还是不行", "로그는 어디서 봐요?", "배치는요?"]
CANDIDATES = 20


def measure_follow_up() -> dict:
    entries, errors = read_entry_files(ROOT / "knowledge" / "entries")
    if errors:
        raise SystemExit("\n".join(map(str, errors)))
    matcher = Matcher(entries)
    states = [opened(State(), entry["id"], matcher) for entry in entries]
    gc.freeze()  # as match_latency.py: the built index is not collected over and over
    dialogue_ms, match_ms = [], []
    for state in states:
        for text in FOLLOW_UPS:
            started = time.perf_counter()
            reading = read_turn(text, in_conversation(state))
            query = context_query(text, reading, state, matcher)
            read_at = time.perf_counter()
            result = matcher.match(query, limit=CANDIDATES) if query is not None else None
            matched_at = time.perf_counter()
            resolve(reading, state, result, matcher)
            done = time.perf_counter()
            dialogue_ms.append(((read_at - started) + (done - matched_at)) * 1000)
            match_ms.append((matched_at - read_at) * 1000)
    dialogue_ms.sort()
    return {"turns": len(dialogue_ms), "dialogue_p50_ms": round(statistics.median(dialogue_ms), 3),
            "dialogue_p90_ms": round(dialogue_ms[int(len(dialogue_ms) * 0.9) - 1], 3),
            "dialogue_p99_ms": round(dialogue_ms[int(len(dialogue_ms) * 0.99) - 1], 3),
            "match_p50_ms": round(statistics.median(match_ms), 3)}


def follow_up_row() -> str:
    r = measure_follow_up()
    return (f"follow-up (state in memory, shipped knowledge, words only): {r['turns']} turns; reading the turn and "
            f"resolving it adds p50 {r['dialogue_p50_ms']} ms, p90 {r['dialogue_p90_ms']} ms, p99 {r['dialogue_p99_ms']} ms to the one match "
            f"(p50 {r['match_p50_ms']} ms)")


if __name__ == "__main__":
    print(follow_up_row())
