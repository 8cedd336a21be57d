"""The real server for tests: gunicorn started as `make run` starts it, on a free loopback port.

One place for what the multi-process tests (rate limits across workers, concurrent appends,
scale-out) all need: a port, a start, a wait until it answers, and a stop that never hangs.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app.config import ROOT

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
STOP_SECONDS = 15
POLL_SECONDS = 0.2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], log_path: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """`gunicorn --config gunicorn.conf.py --workers 2` (then `options`) on a free port; output
    goes to `log_path`. Returns the process and its base URL; it may still be starting."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--workers", "2",
             "--bind", f"127.0.0.1:{port}", *options, "wsgi:app"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return server, f"http://127.0.0.1:{port}"


def wait_until_serving(server: subprocess.Popen, base: str, log_path: Path, timeout: float,
                       path: str = "/healthz") -> None:
    """Poll `path` until it answers 200; fail with the server's log if it exits or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn exited during start-up:\n{log_path.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(POLL_SECONDS)
    pytest.fail(f"gunicorn did not answer {path} within {timeout:g}s:\n{log_path.read_text()[-3000:]}")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=STOP_SECONDS)


def redis_or_skip():
    """A client of the test Redis; skipped when it is unreachable, a failure under CI."""
    import redis
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is unreachable at {REDIS_URL} and CI is set")
        pytest.skip(f"Redis is unreachable at {REDIS_URL}")
    return client
