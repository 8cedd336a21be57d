"""Scale-out: two gunicorn instances (two workers each) on different ports, sharing one
PostgreSQL and one Redis, under concurrent load.

Checks what a user of either instance would notice: the same answers, one rate limit for
both, feedback accepted on either for a match made on the other, every answered match in
the query log, and a knowledge change (`flask kb load` run once) served by every worker of
both instances while requests keep being answered without waiting for the rebuild.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml
from sqlalchemy import create_engine, select

from app.querylog.models import QueryLogRecord
from tests.conftest import KNOWLEDGE_DIR, ROOT, make_app, migrate_and_load
from tests.servers import REDIS_URL, start_gunicorn, stop, wait_until_serving

KEY = "scale-test-key-0123456789"
KEYED_LIMIT = 30
START_TIMEOUT_SECONDS = 120
RELOAD_SECONDS = 0.5
CHANGE_VISIBLE_SECONDS = 30
NO_WAIT_SHARE = 0.5
"""A request that waited for the rebuild would take at least the build's time; one answered from
the current snapshot takes a fraction of it (the build shares the CPU, so not nothing)."""
ENTRY = "get-container-logs"
NEW_TITLE = "Read a managed online deployment's container logs (renamed in the scale-out test)"


def _call(url: str, body: dict | None = None, headers: dict | None = None) -> tuple[int, dict, float]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        raw, status = error.read(), error.code
    elapsed_ms = (time.perf_counter() - started) * 1000
    try:
        return status, json.loads(raw), elapsed_ms
    except ValueError:
        return status, {"text": raw.decode(errors="replace")}, elapsed_ms


@pytest.fixture
def two_instances(tmp_path, postgres_url, redis_prefix):
    migrate_and_load(make_app(postgres_url))
    env = {**os.environ, "DATABASE_URL": postgres_url, "REDIS_URL": REDIS_URL, "RATELIMIT_KEY_PREFIX": redis_prefix,
           "API_KEYS": f"scale:{KEY}", "RATELIMIT_API_KEY": f"{KEYED_LIMIT} per minute",
           "RATELIMIT_DEFAULT": "100000 per minute", "RATELIMIT_EXEMPT_ADDRESSES": "",
           "KNOWLEDGE_RELOAD_SECONDS": str(RELOAD_SECONDS), "SECRET_KEY": "scale-test-secret",
           "ACCESS_LOG": "", "INSTANCE_DIR": str(tmp_path / "instance")}
    servers, logs = [], []
    for number in (1, 2):
        logs.append(tmp_path / f"gunicorn-{number}.log")
        servers.append(start_gunicorn({**env, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / f"metrics-{number}")},
                                      logs[-1]))
    try:
        for (server, base), log in zip(servers, logs, strict=True):
            wait_until_serving(server, base, log, START_TIMEOUT_SECONDS, path="/readyz")
        yield [base for _, base in servers], postgres_url, env, tmp_path
    finally:
        for server, _ in servers:
            stop(server)


def _serving_fingerprints(base: str) -> dict[str, str]:
    """Worker pid -> knowledge fingerprint it serves, from the instance's /metrics."""
    text = _call(f"{base}/metrics")[1]["text"]
    return {pid: fingerprint for fingerprint, pid in re.findall(
        r'knowledge_snapshot_info\{fingerprint="([^"]+)",pid="(\d+)"\} 1\.0', text)}


def test_two_instances_share_answers_limits_feedback_log_and_knowledge(two_instances):
    (first, second), database_url, env, tmp_path = two_instances
    keyed = {"X-API-Key": KEY}

    # Feedback on either instance for a match made on the other.
    status, made, _ = _call(f"{first}/api/v1/match", {"query": "ERR_1100 not enough quota"}, keyed)
    assert status == 200 and made["matches"][0]["id"] == "err_1100-not-enough-quota"
    status, body, _ = _call(f"{second}/api/v1/feedback", {"match_id": made["match_id"], "helpful": True}, keyed)
    assert status == 201, body

    # One rate limit for both instances (Redis), under concurrent load on both.
    pastes = [f"ERR_1100 not enough quota, request {n}" for n in range(KEYED_LIMIT + 10)]
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(lambda n: _call(f"{(first, second)[n % 2]}/api/v1/match", {"query": pastes[n]}, keyed),
                                range(len(pastes))))
    answered = [body for status, body, _ in replies if status == 200]
    assert len(answered) == KEYED_LIMIT - 2  # the first match and its feedback used two
    assert all(body["matches"][0]["id"] == "err_1100-not-enough-quota" for body in answered)
    assert [status for status, _, _ in replies].count(429) == len(pastes) - len(answered)

    # Every answered match reaches the shared query log (written in batches, within seconds).
    expected = {body["match_id"] for body in answered} | {made["match_id"]}
    engine = create_engine(database_url)
    deadline = time.monotonic() + 10
    while True:
        with engine.connect() as connection:
            logged = set(connection.scalars(select(QueryLogRecord.id)))
        if expected <= logged or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    engine.dispose()
    assert expected <= logged

    # A knowledge change loaded once is served by every worker of both instances; requests keep
    # being answered meanwhile, none waiting for a rebuild.
    before = {base: _serving_fingerprints(base) for base in (first, second)}
    changed = tmp_path / "entries"
    shutil.copytree(KNOWLEDGE_DIR, changed)
    path = next(changed.rglob(f"{ENTRY}.yaml"))
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["content"]["en"]["title"] = NEW_TITLE
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = subprocess.run([sys.executable, "-m", "flask", "kb", "load", "--dir", str(changed)], cwd=ROOT,
                            env={**env, "FLASK_APP": "app.manage:create_app()"}, capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    slowest, titles = 0.0, {}
    deadline = time.monotonic() + CHANGE_VISIBLE_SECONDS
    while time.monotonic() < deadline:
        for base in (first, second):
            status, body, elapsed = _call(f"{base}/api/v1/entries/{ENTRY}")
            assert status == 200
            slowest = max(slowest, elapsed)
            titles[base] = body["title"]
        now = {base: _serving_fingerprints(base) for base in (first, second)}
        if all(len(fps) >= 2 and not set(fps.values()) & set(before[base].values()) for base, fps in now.items()):
            break
        time.sleep(0.1)
    assert all(len(fps) == 2 for fps in before.values()), before  # both workers of each instance report
    assert all(len(set(fps.values())) == 1 for fps in before.values()), before
    assert all(len(fps) == 2 and not set(fps.values()) & set(before[base].values())
               for base, fps in now.items()), (before, now)
    for base in (first, second):
        for _ in range(4):  # whichever worker answers
            assert _call(f"{base}/api/v1/entries/{ENTRY}")[1]["title"] == NEW_TITLE
    build_ms = max(float(value) * 1000 for value in re.findall(
        r"^knowledge_build_seconds(?:\{[^}]*\})? ([\d.e+-]+)$", _call(f"{first}/metrics")[1]["text"], re.MULTILINE))
    assert slowest < NO_WAIT_SHARE * build_ms, f"a request took {slowest:.0f} ms; the rebuild {build_ms:.0f} ms"
