"""Slow clients ("slowloris") do not stop the service that `make run` starts.

With sync workers, two connections that dribbled their headers held both workers until
gunicorn killed them for timing out, and /healthz went unanswered meanwhile. This starts
the service with the Makefile's `run` command line (benchmarks/slow_clients.py does the
work and is the longer, 60-second version), holds 100 slow connections (half slow heads,
half slow bodies) and checks that normal requests keep being answered quickly, that no
worker is killed, and that slow clients are dropped at the deadlines of gunicorn.conf.py.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import sys

import pytest

from app.config import ROOT

pytestmark = [pytest.mark.slow]

SLOW_CONNECTIONS = 100
HOLD_SECONDS = 12
P99_LIMIT_MS = 100
HEADER_DEADLINE_SECONDS = 5  # `keepalive` in gunicorn.conf.py


def _benchmark():
    spec = importlib.util.spec_from_file_location("slow_clients_benchmark", ROOT / "benchmarks" / "slow_clients.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _benchmark()


@pytest.fixture
def served(tmp_path, loaded_template):
    """`running_service` with its arguments for a copy of the migrated, loaded database."""
    if shutil.which("make") is None:
        if os.environ.get("CI"):
            pytest.fail("make is missing and CI is set")
        pytest.skip("make is missing: the test reads the gunicorn command of `make run` from the Makefile")
    database = tmp_path / "served.sqlite3"
    shutil.copy(loaded_template, database)
    return lambda **env: bench.running_service(tmp_path, database_url=f"sqlite:///{database}", prepared=True,
                                               env=env)


def test_slow_clients_do_not_block_the_workers(served):
    with served() as service:
        report = bench.attack(service, slow_count=SLOW_CONNECTIONS, duration=HOLD_SECONDS)
    print(report.text())

    assert report.slow.most_open == SLOW_CONNECTIONS, "the slow connections were not all open at once"
    for path, stats in report.endpoints.items():
        assert not stats.errors, f"{path}: failed requests {dict(stats.errors)}"
        assert stats.percentile(0.99) < P99_LIMIT_MS, f"{path}: p99 {stats.percentile(0.99):.1f} ms"
        assert stats.count >= 50, f"{path}: too few requests to judge"
    assert report.worker_trouble == []
    # Slow heads are dropped at the header deadline (and come back, as an attacker would);
    # slow bodies are still held: their deadline (30 s) is longer than this test.
    assert report.slow.dropped["header"] >= SLOW_CONNECTIONS // 2
    assert report.slow.longest_before_drop["header"] < HEADER_DEADLINE_SECONDS + 2
    assert report.slow.dropped["body"] == 0


def _status_of(port: int, request: bytes) -> str:
    with socket.create_connection((bench.HOST, port), timeout=10) as sock:
        sock.sendall(request)
        return sock.recv(1024).split(b" ", 2)[1].decode()


def test_a_slow_body_is_cut_off_at_its_deadline_and_the_request_limits_stay(served):
    with served(GUNICORN_BODY_TIMEOUT="2") as service:
        report = bench.attack(service, slow_count=4, duration=6, interval=0.5, concurrency=1)
        long_line = _status_of(service.port, b"GET /healthz?" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        long_api_url = _status_of(service.port, b"GET /api/v1/entries?q=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        long_field = _status_of(service.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000
                                + b"\r\n\r\n")
        chunked = _status_of(service.port, b"POST /api/v1/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                             b"\r\nTransfer-Encoding: chunked\r\n\r\n" + b"%x\r\n" % len(bench.MATCH_BODY)
                             + bench.MATCH_BODY + b"\r\n0\r\n\r\n")
        broken_chunk = _status_of(service.port, b"POST /api/v1/match HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                  b"application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
    print(report.text())
    assert broken_chunk == "400"
    assert long_api_url == "414"  # from the app, in the API's JSON shape (tests/api/test_api_errors.py)  # malformed chunked framing is the client's mistake, never a 500

    assert (long_line, long_field, chunked) == ("414", "431", "200")  # limit_request_line, _field_size

    assert report.slow.answers["body 400"] >= 2, report.slow.answers
    assert report.slow.longest_before_drop["body"] < 2 + 1.5
    for path, stats in report.endpoints.items():
        assert stats.count and not stats.errors, f"{path}: failed requests {dict(stats.errors)}"
    assert report.worker_trouble == []
