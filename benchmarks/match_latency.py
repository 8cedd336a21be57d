"""Match latency and memory of the matcher, in-process, on the shipped knowledge and on
synthetic knowledge bases 10x and 100x larger.

Prints p50/p99 latency over a few thousand realistic queries (codes, status lines,
logs, questions in four languages, typos, no-match pastes), build time (wall and CPU:
the machine may be shared), and the memory of a process holding the matcher: RSS, and
USS (its private pages: what a worker adds when the index's mapped files are shared). RSS is
the interpreter with the app's imports, plus `input MB` (the knowledge's entry dicts, which a
worker's snapshot holds too), plus `matcher MB` (the index and what it maps).
Each size runs twice in fresh processes so memory figures do not mix: `built`, the first
build of that knowledge, which also saves the index to a cache directory, and `cached`,
a later process (a restarted or second worker) mapping the saved index.

    python benchmarks/match_latency.py            # all sizes
    python benchmarks/match_latency.py --scales 1 # shipped knowledge only
"""
from __future__ import annotations

import argparse
import copy
import gc
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import Config  # noqa: E402
from app.knowledge.files import read_entry_files  # noqa: E402
from app.matching.index import index_key  # noqa: E402
from app.matching.matcher import Matcher  # noqa: E402
from app.matching.semantic import default_encoder  # noqa: E402

LOG_NOISE = [
    "2024-03-04T10:11:02,551 | root | INFO | Starting up app insights client",
    "2024-03-04T10:11:02,552 | root | INFO | Starting up request id generator",
    "x-ms-request-id: 0c6f2b1e-93d4-4e7a-b5c8-1d2e3f4a5b6c",
    "Operation ID: 9e41c2d7-3b5a-4f08-8c6e-2a1d7f0b5c93",
    "  File \"/var/azureml-server/aml_blueprint.py\", line 163, in setup",
    "Pulling image \"mlw7c2e.azurecr.io/azureml/azureml_5f1e0c9a7b3d24e6c8a1f0d2b4e6a8c0:latest\"",
    "INFO:     10.0.0.5:51234 - \"POST /score HTTP/1.1\" 200",
]
NEGATIVES = [
    "npm ERR! code ERESOLVE unable to resolve dependency tree",
    "Windows Update failed with error 0x80070643",
    "hi there, thanks for the help earlier!",
    "안녕하세요, 오늘 날씨 어때요?",
    "你好，在吗？",
    "Привет! Как дела?",
    "ERR_9999",
    "HTTP 418 I'm a teapot",
]


def _typo(text: str, rng: random.Random) -> str:
    words = text.split()
    candidates = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def realistic_queries(entries: list[dict], count: int, seed: int = 7) -> list[str]:
    """A mix shaped like real traffic, built from the knowledge so every size gets its own."""
    rng = random.Random(seed)
    queries: list[str] = []
    while len(queries) < count:
        entry = rng.choice(entries)
        kind = rng.random()
        if kind < 0.15 and entry["error_codes"]:
            queries.append(rng.choice(["{}", "Deployment failed: {}", "{} what now?"]).format(
                rng.choice(entry["error_codes"]).replace("_", rng.choice(["_", "-", " ", ""]))))
        elif kind < 0.25 and entry["http_statuses"]:
            queries.append(f"HTTP/1.1 {rng.choice(entry['http_statuses'])} from my endpoint")
        elif kind < 0.45 and entry["signatures"]:
            lines = rng.sample(LOG_NOISE, 4) + [rng.choice(entry["signatures"])] + rng.sample(LOG_NOISE, 3)
            queries.append("\n".join(lines))
        elif kind < 0.85:
            lang = rng.choice([lang for lang in entry["aliases"] if entry["aliases"][lang]])
            queries.append(rng.choice(entry["aliases"][lang]))
        elif kind < 0.92:
            queries.append(_typo(rng.choice(entry["aliases"]["en"]), rng))
        else:
            queries.append(rng.choice(NEGATIVES))
    return queries


class _Rewriter:
    """Rewords text the way a larger knowledge base differs from ours: about half of the
    words (or, in Korean and Chinese, a third of the characters, from a pool of 600) become words of other
    topics, drawn Zipf-like from a big synthetic vocabulary, so postings stay realistic."""

    def __init__(self, rng: random.Random, size: int):
        self.rng = rng
        latin = "bcdfghklmnprstvz"
        vowels = "aeiou"
        cyr = "бвгдзклмнпрстфх"
        cyr_vowels = "аеиоуя"
        self.latin = ["".join(rng.choice(latin) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
                      for _ in range(size)]
        self.cyrillic = ["".join(rng.choice(cyr) + rng.choice(cyr_vowels) for _ in range(rng.randint(2, 4)))
                         for _ in range(size)]
        self.hangul = [chr(rng.randrange(0xAC00, 0xD7A3)) for _ in range(600)]
        self.han = [chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(600)]
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(size)))

    def word(self, pool: list[str]) -> str:
        return self.rng.choices(pool, cum_weights=self.cumulative)[0]

    def text(self, text: str) -> str:
        out = []
        for word in text.split(" "):
            if not word or self.rng.random() > 0.5:
                out.append(word)
            elif any("\uac00" <= c <= "\ud7a3" for c in word):
                out.append("".join(self.rng.choice(self.hangul) if self.rng.random() < 0.33 else c for c in word))
            elif any("\u4e00" <= c <= "\u9fff" for c in word):
                out.append("".join(self.rng.choice(self.han) if self.rng.random() < 0.33 else c for c in word))
            elif any("\u0400" <= c <= "\u04ff" for c in word):
                out.append(self.word(self.cyrillic))
            else:
                out.append(self.word(self.latin))
        return " ".join(out)


def synthetic_knowledge(entries: list[dict], scale: int, seed: int = 11) -> list[dict]:
    """`scale` times the entries: the real ones plus reworded copies with new ids, codes
    and signatures, so the index grows the way a real corpus would."""
    rng = random.Random(seed)
    rewrite = _Rewriter(rng, 20000)
    out = copy.deepcopy(entries)
    for copy_number in range(1, scale):
        for entry in entries:
            clone = copy.deepcopy(entry)
            clone["id"] = f"{entry['id']}-x{copy_number}"
            clone["related"] = []
            clone["error_codes"] = [f"ERR_{rng.randrange(6000, 9999)}" for _ in entry["error_codes"]]
            clone["signatures"] = [rewrite.text(s) for s in entry["signatures"]]
            clone["patterns"] = []
            clone["aliases"] = {lang: [rewrite.text(a) for a in aliases] for lang, aliases in entry["aliases"].items()}
            clone["content"] = {lang: {key: rewrite.text(value) for key, value in text.items()}
                                for lang, text in entry["content"].items()}
            for command in clone["commands"]:
                command["description"] = {lang: rewrite.text(d) for lang, d in command["description"].items()}
            out.append(clone)
    return out


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def uss_mb() -> float:
    """Private pages only (smaps_rollup): memory that is this process's alone."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:])
    return sum(int(fields[name].split()[0]) for name in ("Private_Clean", "Private_Dirty")) / 1024


def measure(scale: int, count: int, index_cache: Path, semantic: bool = False) -> dict:
    entries, errors = read_entry_files(ROOT / "knowledge" / "entries")
    if errors:
        raise SystemExit("\n".join(map(str, errors)))
    gc.collect()
    imported = rss_mb()
    knowledge = synthetic_knowledge(entries, scale)
    queries = realistic_queries(knowledge, count)
    # the semantic cache is the service's (encoding 100x texts takes long); the index cache is the run's
    cache_dir = Path(Config.SEMANTIC_CACHE_DIR) if semantic else index_cache
    saved = (cache_dir / f"index-{index_key(knowledge)}").exists()
    gc.collect()
    before = rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    matcher = Matcher(knowledge, encoder=default_encoder() if semantic else None, cache_dir=cache_dir)
    gc.freeze()
    build_s, build_cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    for query in queries[:200]:
        matcher.match(query)
    timings = []
    for query in queries:
        t0 = time.perf_counter()
        matcher.match(query)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {"scale": f"{scale}x" + ("+sem" if semantic else ""), "index": "cached" if saved else "built",
            "entries": len(knowledge), "queries": len(queries),
            "build_s": round(build_s, 2), "build_cpu_s": round(build_cpu_s, 2),
            "p50_ms": round(statistics.median(timings), 3),
            "p99_ms": round(timings[int(len(timings) * 0.99) - 1], 3), "max_ms": round(timings[-1], 2),
            "rss_mb": round(rss_mb(), 1), "uss_mb": round(uss_mb(), 1), "input_mb": round(before - imported, 1),
            "matcher_mb": round(rss_mb() - before, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated sizes (default 1,10,100)")
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--semantic-scales", default="1",
                        help="sizes also measured with the semantic layer (default 1; encoding 100x takes minutes)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--index-cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--with-semantic", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.queries, args.index_cache, args.with_semantic)))
        return
    print(f"{'size':>8} {'index':>7} {'entries':>8} {'build s':>8} {'cpu s':>7} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'max ms':>7} {'RSS MB':>7} {'USS MB':>7} {'input MB':>8} {'matcher MB':>10}")
    runs = [(int(s), False) for s in args.scales.split(",") if s for _ in ("built", "cached")] + \
        [(int(s), True) for s in args.semantic_scales.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="match-latency-") as index_cache:
        for scale, semantic in runs:
            command = [sys.executable, __file__, "--one", str(scale), "--queries", str(args.queries),
                       "--index-cache", str(Path(index_cache) / str(scale))]
            output = subprocess.run(command + (["--with-semantic"] if semantic else []),
                                    capture_output=True, text=True, check=True).stdout
            r = json.loads(output)
            print(f"{r['scale']:>8} {r['index']:>7} {r['entries']:>8} {r['build_s']:>8} {r['build_cpu_s']:>7} "
                  f"{r['p50_ms']:>7} {r['p99_ms']:>7} {r['max_ms']:>7} {r['rss_mb']:>7} {r['uss_mb']:>7} "
                  f"{r['input_mb']:>8} {r['matcher_mb']:>10}", flush=True)
    from follow_up_latency import follow_up_row  # the conversation's share of a follow-up's match
    print(follow_up_row())


if __name__ == "__main__":
    main()
