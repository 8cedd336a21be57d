"""Slow clients ("slowloris") against the service as `make run` starts it.

Starts gunicorn with the Makefile's own `run` command line (read with `make -n run`) on a
free loopback port, on a fresh SQLite database in a temporary folder (migrated and loaded
with `flask db upgrade` and `flask kb load`, as `make run` does). Then, for D seconds:

- N slow connections: half send a request head one byte every few seconds, half send
  complete headers with a Content-Length and then the body one byte every few seconds.
  A connection the server closes is opened again, so N stay open for the whole window;
- normal clients measure `GET /healthz` and `POST /api/v1/match` (one sequential client
  and a few concurrent ones, a new connection per request).

Prints, per endpoint, count, errors, p50, p99 and max; what happened to the slow
connections; and whether gunicorn's log shows a worker killed or exiting during the attack.
Exits 1 when a normal request failed, a p99 reached the limit or a worker was killed.

    .venv/bin/python benchmarks/slow_clients.py                     # 100 connections, 60 s
    .venv/bin/python benchmarks/slow_clients.py -n 20 -d 15
    .venv/bin/python benchmarks/slow_clients.py --config /tmp/old.conf.py   # another gunicorn.conf.py
    .venv/bin/python benchmarks/slow_clients.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench

REDIS_URL and the other variables of the app are passed through from the environment.
Only 127.0.0.1 is contacted; every loop is bounded by the duration.
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import multiprocessing
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MATCH_BODY = json.dumps({"query": "ERR_1100", "limit": 3}).encode()
START_TIMEOUT_SECONDS = 300  # a cold matcher build (semantic vectors not cached yet) takes a while
# Lines of gunicorn's log that mean a worker was killed or left; they are looked for in the
# log written up to the end of the attack, before the server is stopped.
WORKER_TROUBLE = re.compile(r"WORKER TIMEOUT|Worker \(pid:\d+\) (was sent|exited)|Worker exiting"
                            r"|Worker graceful timeout|Booting worker")


# --- the service --------------------------------------------------------------------------

@dataclass
class Service:
    port: int
    process: subprocess.Popen
    log_path: Path
    workers: int

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run_command(port: int, workers: int, bin_dir: Path) -> list[str]:
    """The gunicorn command of the Makefile's `run` target, as `make -n` prints it."""
    output = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", f"PORT={port}", f"WORKERS={workers}", f"BIN={bin_dir}"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    commands = [line for line in output.splitlines() if re.search(r"(^|/)gunicorn\s", line)]
    if len(commands) != 1:
        raise RuntimeError(f"expected one gunicorn command in `make -n run`, got:\n{output}")
    return shlex.split(commands[0])


def prepare_database(env: dict[str, str], bin_dir: Path) -> None:
    """`flask db upgrade` then `flask kb load`, as `make run` does before gunicorn starts."""
    for args in (["db", "upgrade"], ["kb", "load"]):
        done = subprocess.run([str(bin_dir / "flask"), *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        if done.returncode:
            raise RuntimeError(f"flask {' '.join(args)} failed ({done.returncode}):\n"
                               f"{done.stdout[-3000:]}{done.stderr[-3000:]}")


@contextmanager
def running_service(workdir: Path, *, workers: int = 2, config: Path | None = None,
                    database_url: str | None = None, prepared: bool = False,
                    env: dict[str, str] | None = None):
    """The service as `make run` starts it, on a free port; stopped (and waited for) on exit.

    The database (by default a new SQLite file in `workdir`) is migrated and loaded first
    unless `prepared` says it already is.
    """
    bin_dir = Path(sys.executable).parent
    port = free_port()
    full_env = {**os.environ, "FLASK_APP": "app:create_app()",
                "DATABASE_URL": database_url or f"sqlite:///{workdir / 'x.sqlite3'}", **(env or {})}
    if not prepared:
        prepare_database(full_env, bin_dir)
    command = run_command(port, workers, bin_dir)
    if config is not None:
        command[command.index("--config") + 1] = str(config)
    log_path = workdir / "gunicorn.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    service = Service(port, process, log_path, workers)
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited during start-up:\n{service.log_text()[-3000:]}")
            try:
                # Both workers have booted (and built their matchers) when the log says so.
                booted = service.log_text().count("Booting worker")
                if _timed_request(port, "/healthz", 2)[1] is None and booted >= workers:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT_SECONDS}s:\n"
                                   f"{service.log_text()[-3000:]}")
            time.sleep(0.2)
        time.sleep(1.0)  # let the last worker finish its warm-up (post_worker_init)
        yield service
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --- slow connections ---------------------------------------------------------------------

@dataclass
class SlowStats:
    opened: Counter = field(default_factory=Counter)          # kind -> connections opened
    dropped: Counter = field(default_factory=Counter)         # kind -> closed or answered by the server
    answers: Counter = field(default_factory=Counter)         # "kind status" -> count
    longest_before_drop: dict = field(default_factory=dict)   # kind -> seconds
    connect_errors: int = 0
    open_now: int = 0
    most_open: int = 0
    open_at_end: int = 0


def _slow_request(kind: str, port: int) -> tuple[bytes, bytes]:
    """(what is sent at once, what is then dribbled) for one slow connection."""
    host = f"Host: {HOST}:{port}\r\n".encode()
    if kind == "header":
        return b"GET /healthz HTTP/1.1\r\n" + host + b"X-Slow: ", b"a" * 4000 + b"\r\n\r\n"
    body = json.dumps({"query": "ERR_1100", "limit": 3, "pad": "a" * 2000}).encode()
    head = (b"POST /api/v1/match HTTP/1.1\r\n" + host + b"Content-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode())
    return head, body


async def _slow_connection(kind: str, port: int, interval: float, until: float, stats: SlowStats) -> None:
    loop = asyncio.get_running_loop()
    while loop.time() < until:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 5)
        except (TimeoutError, OSError):
            stats.connect_errors += 1
            await asyncio.sleep(1)
            continue
        opened_at = loop.time()
        stats.opened[kind] += 1
        stats.open_now += 1
        stats.most_open = max(stats.most_open, stats.open_now)
        head, dribble = _slow_request(kind, port)
        answer, dropped = b"", False
        try:
            writer.write(head)
            await writer.drain()
            for i in range(len(dribble)):
                try:
                    answer = await asyncio.wait_for(reader.read(1024), min(interval, max(until - loop.time(), 0)))
                    dropped = True  # the server answered or closed the connection
                    break
                except TimeoutError:
                    if loop.time() >= until:
                        break
                writer.write(dribble[i:i + 1])
                await writer.drain()
        except OSError:
            dropped = True
        finally:
            stats.open_now -= 1
            writer.close()
        if dropped:
            stats.dropped[kind] += 1
            held = loop.time() - opened_at
            stats.longest_before_drop[kind] = max(stats.longest_before_drop.get(kind, 0.0), held)
            status = answer.split(b" ", 2)[1].decode() if answer.count(b" ") >= 1 else "closed"
            stats.answers[f"{kind} {status}"] += 1
            await asyncio.sleep(0.5)
        else:
            stats.open_at_end += 1


class SlowClients:
    """N slow connections (half slow heads, half slow bodies) from a child process.

    A process of their own, like an outside attacker: the event loop that opens dozens of
    connections at once does not hold the GIL of the threads that measure latency.
    """

    def __init__(self, port: int, count: int, duration: float, interval: float) -> None:
        self.port, self.count, self.duration, self.interval = port, count, duration, interval
        self.stats = SlowStats()
        context = multiprocessing.get_context("fork")
        self._results, results = context.Pipe(duplex=False)
        self._process = context.Process(target=self._run, args=(results,), daemon=True)

    def _run(self, results) -> None:
        asyncio.run(self._main(results))
        results.send(self.stats)

    async def _main(self, results) -> None:
        loop = asyncio.get_running_loop()
        until = loop.time() + self.duration
        kinds = ["header" if i % 2 == 0 else "body" for i in range(self.count)]
        tasks = [asyncio.create_task(_slow_connection(kind, self.port, self.interval, until, self.stats))
                 for kind in kinds]
        ready_by = loop.time() + 10
        while self.stats.most_open < self.count and loop.time() < ready_by:
            await asyncio.sleep(0.05)
        results.send("open")
        await asyncio.gather(*tasks)

    def start(self) -> None:
        """Start the connections; returns once all are open (or after 10 s)."""
        self._process.start()
        if self._results.poll(15):
            self._results.recv()

    def join(self) -> None:
        if self._results.poll(self.duration + 30):
            self.stats = self._results.recv()
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()


# --- normal clients -----------------------------------------------------------------------

@dataclass
class EndpointStats:
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")

    def summary(self) -> dict:
        return {"count": self.count, "errors": sum(self.errors.values()), "p50_ms": self.percentile(0.50),
                "p99_ms": self.percentile(0.99), "max_ms": max(self.latencies_ms, default=float("nan")),
                "error_kinds": dict(self.errors)}


ENDPOINTS = {"/healthz": ("GET", None), "/api/v1/match": ("POST", MATCH_BODY)}


def _timed_request(port: int, path: str, timeout: float) -> tuple[float, str | None]:
    """Latency in ms of one request on a new connection, and what went wrong (None if 200)."""
    method, body = ENDPOINTS[path]
    headers = {"Content-Type": "application/json"} if body else {}
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        error = None if response.status == 200 else f"HTTP {response.status}"
    except (OSError, http.client.HTTPException) as exc:
        error = type(exc).__name__
    finally:
        conn.close()
    return (time.perf_counter() - started) * 1000, error


def measure(port: int, duration: float, concurrency: int, timeout: float = 5.0,
            pause: float = 0.05) -> dict[str, EndpointStats]:
    """One sequential client plus `concurrency` concurrent ones, each alternating the endpoints
    with `pause` seconds between requests: a steady load, well below what two workers serve."""
    results = {path: EndpointStats() for path in ENDPOINTS}
    lock = threading.Lock()
    until = time.monotonic() + duration

    def client() -> None:
        while time.monotonic() < until:
            for path in ENDPOINTS:
                latency, error = _timed_request(port, path, timeout)
                with lock:
                    results[path].latencies_ms.append(latency)
                    if error:
                        results[path].errors[error] += 1
                time.sleep(pause)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(1 + concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + timeout * 4 + 10)
    return results


# --- the whole check ----------------------------------------------------------------------

@dataclass
class Report:
    slow: SlowStats
    endpoints: dict[str, EndpointStats]
    worker_trouble: list[str]
    slow_count: int
    duration: float
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def ok(self, p99_limit_ms: float) -> bool:
        return (not self.worker_trouble and all(
            stats.count and not stats.errors and stats.percentile(0.99) < p99_limit_ms
            for stats in self.endpoints.values()))

    def text(self) -> str:
        slow = self.slow
        lines = [f"slow connections: {self.slow_count} held for {self.duration:g} s "
                 f"(opened {dict(slow.opened)}, most open at once {slow.most_open}, "
                 f"connect errors {slow.connect_errors}, still open at the end {slow.open_at_end})",
                 f"  dropped by the server: {dict(slow.dropped)}; answers {dict(slow.answers)}; longest held "
                 f"before a drop: " + ", ".join(f"{kind} {seconds:.1f} s"
                                                for kind, seconds in sorted(slow.longest_before_drop.items()))]
        for path, stats in self.endpoints.items():
            summary = stats.summary()
            lines.append(f"{path:15} count {summary['count']:6d}  errors {summary['errors']:5d}  "
                         f"p50 {summary['p50_ms']:8.2f} ms  p99 {summary['p99_ms']:8.2f} ms  "
                         f"max {summary['max_ms']:8.2f} ms  {summary['error_kinds'] or ''}")
        lines.append("machine load average (1, 5, 15 min) at the end: "
                     + " ".join(f"{value:.2f}" for value in self.load_average))
        lines.append("workers killed or exited during the attack: "
                     + ("none" if not self.worker_trouble else f"{len(self.worker_trouble)} log lines"))
        lines += [f"  {line}" for line in self.worker_trouble[:10]]
        return "\n".join(lines)


def worker_trouble(log_text: str, workers: int) -> list[str]:
    """Log lines that show a worker killed, exiting or booted again after the first `workers` boots."""
    found, boots = [], 0
    for line in log_text.splitlines():
        if not WORKER_TROUBLE.search(line):
            continue
        if "Booting worker" in line:
            boots += 1
            if boots <= workers:
                continue
        found.append(line)
    return found


def attack(service: Service, *, slow_count: int, duration: float, interval: float = 3.0,
           concurrency: int = 4, request_timeout: float = 5.0) -> Report:
    """Hold `slow_count` slow connections for `duration` seconds while measuring normal requests."""
    port = service.port
    slow = SlowClients(port, slow_count, duration, interval)
    started = time.monotonic()
    slow.start()
    remaining = duration - (time.monotonic() - started) - 0.5
    endpoints = measure(port, max(remaining, 1.0), concurrency, timeout=request_timeout)
    log_at_end = service.log_text()  # before the server stops: its shutdown logs worker exits too
    slow.join()
    return Report(slow.stats, endpoints, worker_trouble(log_at_end, service.workers), slow_count, duration,
                  os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--connections", type=int, default=100, help="slow connections (default 100)")
    parser.add_argument("-d", "--duration", type=float, default=60, help="seconds to hold them (default 60)")
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between dribbled bytes")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent normal clients besides the sequential one")
    parser.add_argument("--workers", type=int, default=2, help="WORKERS of `make run` (default 2)")
    parser.add_argument("--config", type=Path, help="another gunicorn config file instead of gunicorn.conf.py")
    parser.add_argument("--database-url", help="instead of a fresh SQLite file (it is migrated and loaded)")
    parser.add_argument("--p99-limit-ms", type=float, default=100.0)
    args = parser.parse_args(argv)
    if not 0 <= args.connections <= 1000 or not 1 <= args.duration <= 600:
        parser.error("connections must be 0-1000 and duration 1-600 s")

    with (tempfile.TemporaryDirectory(prefix="slow-clients-") as workdir,
          running_service(Path(workdir), workers=args.workers, config=args.config,
                          database_url=args.database_url) as service):
        print(f"{shlex.join(service.process.args)}\n"
              f"{args.connections} slow connections for {args.duration:g} s ...", flush=True)
        report = attack(service, slow_count=args.connections, duration=args.duration,
                        interval=args.interval, concurrency=args.concurrency)
    print(report.text())
    ok = report.ok(args.p99_limit_ms)
    print("OK" if ok else f"FAILED (a normal request failed, a p99 >= {args.p99_limit_ms:g} ms, "
                          "or a worker was killed)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
