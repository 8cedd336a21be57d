"""The rate limit holds across gunicorn workers because the counters live in the real Redis.

With per-process (memory) counters, two workers would let twice the limit through; this
starts `gunicorn -w 2` on a migrated, loaded SQLite copy and counts what gets through.
Skipped only when Redis is unreachable outside CI; under CI that is a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.servers import REDIS_URL, start_gunicorn, stop, wait_until_serving

pytestmark = [pytest.mark.redis, pytest.mark.slow]

LIMIT = 5
CONCURRENCY = 4
# Each worker builds its matcher before taking traffic (gunicorn.conf.py), so the second one
# may join a little after the first: keep sending, for at most this long, until both answered.
BOTH_WORKERS_SECONDS = 30
START_TIMEOUT_SECONDS = 30


def _request(url: str, body: bytes | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def _worker_pids(access_log: Path) -> set[str]:
    """Pids of the workers that answered API calls (the access log format is `pid path status`)."""
    if not access_log.exists():
        return set()
    return {line.split()[0] for line in access_log.read_text().splitlines() if "/api/" in line}


@pytest.fixture
def two_workers(tmp_path, loaded_template, redis_prefix):
    """`gunicorn -w 2` on a free loopback port, sharing counters in Redis; stopped afterwards."""
    database = tmp_path / "served.sqlite3"
    shutil.copy(loaded_template, database)
    access_log, server_log = tmp_path / "access.log", tmp_path / "gunicorn.log"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "REDIS_URL": REDIS_URL,
           "RATELIMIT_DEFAULT": f"{LIMIT} per minute", "RATELIMIT_KEY_PREFIX": redis_prefix,
           "RATELIMIT_ENABLED": "1", "RATELIMIT_EXEMPT_ADDRESSES": "", "SECRET_KEY": "test-secret"}
    server, base = start_gunicorn(env, server_log, "--access-logfile", str(access_log),
                                  "--access-logformat", "%(p)s %(U)s %(s)s")
    try:
        wait_until_serving(server, base, server_log, START_TIMEOUT_SECONDS)
        yield base, access_log
    finally:
        stop(server)


def test_the_limit_holds_across_two_workers(two_workers):
    base, access_log = two_workers
    body = json.dumps({"query": "ERR_1100 not enough quota"}).encode()
    replies: list[tuple[int, dict[str, str]]] = []
    deadline = time.monotonic() + BOTH_WORKERS_SECONDS
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        while time.monotonic() < deadline:
            replies += pool.map(lambda _: _request(f"{base}/api/v1/match", body), range(CONCURRENCY))
            if len(_worker_pids(access_log)) == 2 and len(replies) > 2 * LIMIT:
                break
            time.sleep(0.05)
    refused = [headers for status, headers in replies if status == 429]
    assert len(_worker_pids(access_log)) == 2, "every request went to one worker; the test proves nothing"
    assert ([status for status, _ in replies].count(200), len(refused)) == (LIMIT, len(replies) - LIMIT)
    assert all(int(headers["Retry-After"]) >= 0 for headers in refused)
