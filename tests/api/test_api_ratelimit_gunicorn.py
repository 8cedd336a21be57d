"""The rate limit holds across gunicorn workers because the counters live in the real Redis.

With per-process (memory) counters, two workers would let twice the limit through; this
starts `gunicorn -w 2` on a migrated, loaded SQLite copy and counts what gets through.
Skipped only when Redis is unreachable outside CI; under CI that is a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.config import ROOT

pytestmark = [pytest.mark.redis, pytest.mark.slow]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LIMIT = 5
CONCURRENCY = 4
# Each worker builds its matcher before taking traffic (gunicorn.conf.py), so the second one
# may join a little after the first: keep sending, for at most this long, until both answered.
BOTH_WORKERS_SECONDS = 30
START_TIMEOUT_SECONDS = 30


def _redis_or_skip():
    import redis
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is unreachable at {REDIS_URL} and CI is set")
        pytest.skip(f"Redis is unreachable at {REDIS_URL}")
    return client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, body: bytes | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def _wait_until_serving(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn exited during start-up:\n{log.read_text()[-2000:]}"
        try:
            if _request(f"{base}/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within {START_TIMEOUT_SECONDS}s:\n{log.read_text()[-2000:]}")


def _worker_pids(access_log: Path) -> set[str]:
    """Pids of the workers that answered API calls (the access log format is `pid path status`)."""
    if not access_log.exists():
        return set()
    return {line.split()[0] for line in access_log.read_text().splitlines() if "/api/" in line}


@pytest.fixture
def redis_prefix():
    client = _redis_or_skip()
    prefix = f"test-{uuid.uuid4().hex}"
    yield prefix
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture
def two_workers(tmp_path, loaded_template, redis_prefix):
    """`gunicorn -w 2` on a free loopback port, sharing counters in Redis; stopped afterwards."""
    database = tmp_path / "served.sqlite3"
    shutil.copy(loaded_template, database)
    port, access_log, server_log = _free_port(), tmp_path / "access.log", tmp_path / "gunicorn.log"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "REDIS_URL": REDIS_URL,
           "RATELIMIT_DEFAULT": f"{LIMIT} per minute", "RATELIMIT_KEY_PREFIX": redis_prefix,
           "RATELIMIT_ENABLED": "1", "RATELIMIT_EXEMPT_ADDRESSES": "", "SECRET_KEY": "test-secret"}
    with server_log.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
             "--access-logfile", str(access_log), "--access-logformat", "%(p)s %(U)s %(s)s", "wsgi:app"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, server, server_log)
        yield base, access_log
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


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
