"""Load benchmark: the service started as `make run` starts it, driven by wrk.

Drives POST /api/v1/match with realistic, mostly unique pastes (codes, status lines, logs
with varying request ids and timestamps, questions in four languages, pastes nothing
answers) and, in the same run, the app's trivial endpoint (GET /healthz) as the ceiling;
prints req/s, p50 and p99 of each and their ratio, and the CPU the server's workers spent per
request (which, unlike req/s, other load on the machine hardly changes), then checks that every
answered match reached the query log. Not a test: it prints what it measured.

    make bench-load                                  # SQLite, 2 workers, 16 connections
    python benchmarks/load.py --workers 2 --connections 16 --seconds 20
    python benchmarks/load.py --database postgresql+psycopg://postgres@127.0.0.1:5432/test

Needs wrk (Debian: apt-get install wrk). Rate limits are raised for the run (a benchmark
client is one address), everything else is as `make run` configures it.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
START_TIMEOUT_SECONDS = 120
SETTLE_SECONDS = 3
WARM_UP_SECONDS = 3
WRK_THREADS = 2

PASTE_TEMPLATES = (
    "ERR_1100 Not enough quota available to deploy in {region}. request-id: {uuid}",
    '{ts} ERROR Deployment "blue" failed: ResourceNotReady. User container has crashed or terminated. pod={hex}',
    "HTTP/1.1 429 Too Many Requests x-ms-request-id: {uuid} retry-after: {n}",
    "(OutOfQuota) Container terminated due to insufficient memory. Operation ID: {uuid}",
    'Traceback (most recent call last):\n  File "/var/azureml-app/score.py", line {n}, in run\n'
    "    data = json.loads(raw_data)\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n{ts}",
    "ImageBuildFailure: the image build for environment {hex} failed. See build log at {ts}",
    "kubectl describe pod: Warning FailedScheduling 0/{n} nodes are available: insufficient cpu. {ts}",
    "배포가 계속 실패합니다. 할당량이 부족하다고 나옵니다 ({n}번째 시도)",
    "批量终结点作业失败，日志里说无法挂载数据集 {hex}",
    "Онлайн-эндпоинт возвращает 502 Bad Gateway после обновления, запрос {uuid}",
    "Our AmlCompute cluster is stuck resizing, nodes never become idle {ts}",
    "how do I see the container logs of my managed online deployment? attempt {n}",
    "az ml online-deployment create fails with BadArgument: instance type Standard_F{n}s_v2 not supported",
    "npm ERR! code ERESOLVE unable to resolve dependency tree at {ts}",
)
"""Codes, status lines, logs, a traceback, questions in four languages, pastes nothing answers;
the placeholders vary on every request (wrk's Lua script and `random_paste` fill them alike)."""
REGIONS = ("westeurope", "eastus", "koreacentral", "japaneast", "northeurope")


def random_paste(rng: random.Random) -> str:
    """One paste as the Lua script makes them, for in-process benchmarks (benchmarks/request_cost.py)."""
    def hex_digits(count: int) -> str:
        return "".join(rng.choice("0123456789abcdef") for _ in range(count))

    text = rng.choice(PASTE_TEMPLATES)
    uuid = f"{hex_digits(8)}-{hex_digits(4)}-4{hex_digits(3)}-a{hex_digits(3)}-{hex_digits(12)}"
    stamp = (f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
             f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z")
    for name, value in (("uuid", uuid), ("hex", hex_digits(12)), ("n", str(rng.randint(1, 99999))),
                        ("ts", stamp), ("region", rng.choice(REGIONS))):
        text = text.replace("{" + name + "}", value)
    return text


def _lua_string(text: str) -> str:
    """A Lua long-bracket literal: no escapes inside (the templates hold quotes and newlines)."""
    return f"[==[{text}]==]"


LUA = r"""
-- Mostly unique pastes: request ids, timestamps and numbers vary on every request.
local pastes = {
""" + "".join(f"  {_lua_string(text)},\n" for text in PASTE_TEMPLATES) + r"""}
local regions = {""" + ", ".join(f"'{region}'" for region in REGIONS) + r"""}
local counter = 0
local function hex(n) local t = {} for i = 1, n do t[i] = string.format('%x', math.random(0, 15)) end return table.concat(t) end
local function uuid() return hex(8) .. '-' .. hex(4) .. '-4' .. hex(3) .. '-a' .. hex(3) .. '-' .. hex(12) end
local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end
request = function()
  counter = counter + 1
  local text = pastes[(counter % #pastes) + 1]
  text = text:gsub('{uuid}', uuid()):gsub('{hex}', hex(12)):gsub('{n}', tostring(math.random(1, 99999)))
  text = text:gsub('{ts}', string.format('2026-%02d-%02dT%02d:%02d:%02d.%03dZ', math.random(1, 12), math.random(1, 28),
                   math.random(0, 23), math.random(0, 59), math.random(0, 59), math.random(0, 999)))
  text = text:gsub('{region}', regions[math.random(#regions)])
  return wrk.format('POST', '/api/v1/match', {['Content-Type'] = 'application/json'},
                    '{"query": ' .. json_string(text) .. '}')
end
"""
WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_PERCENTILE = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
WRK_ERRORS = re.compile(r"Socket errors: (.*)")
WRK_TOTAL = re.compile(r"(\d+) requests in")
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def wrk(url: str, connections: int, seconds: int, script: Path | None) -> dict:
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    percentiles = {int(p): float(v) * UNIT_MS[u] for p, v, u in WRK_PERCENTILE.findall(output)}
    non_2xx, errors = WRK_NON_2XX.search(output), WRK_ERRORS.search(output)
    return {"rps": float(WRK_RPS.search(output).group(1)), "p50": percentiles.get(50), "p99": percentiles.get(99),
            "requests": int(WRK_TOTAL.search(output).group(1)), "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
            "socket_errors": errors.group(1) if errors else "none"}


def children(pid: int) -> list[int]:
    """The worker processes of the gunicorn master `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU the processes `pids` have used so far (/proc/<pid>/stat, in clock ticks)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat(5)
    return total / os.sysconf("SC_CLK_TCK")


def measured(run: Callable[[], dict], pids: list[int]) -> dict:
    """A wrk run, with the CPU the server's workers spent per request: unlike req/s and latency, it
    does not depend on what else the machine runs (wrk itself included)."""
    before = cpu_seconds(pids)
    result = run()
    result["cpu_ms"] = (cpu_seconds(pids) - before) * 1000.0 / max(result["requests"], 1)
    return result


def memory_mb(pid: int) -> dict[str, float]:
    """RSS, PSS (shared pages divided among the processes sharing them) and USS (private) in MB."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        values[name] = int(value.split()[0]) / 1024
    return {"rss": values["Rss"], "pss": values["Pss"], "uss": values["Private_Clean"] + values["Private_Dirty"]}


def metric(text: str, name: str) -> float:
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--database", help="DATABASE_URL (default: a fresh SQLite file, as `make run` makes)")
    parser.add_argument("--access-log", default="-", help="ACCESS_LOG for gunicorn (default '-', as make run)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    load_before = os.getloadavg()[0]
    instance = Path(tempfile.mkdtemp(prefix="bench-load-"))
    port = free_port()
    env = {**os.environ, "INSTANCE_DIR": str(instance), "ACCESS_LOG": args.access_log,
           "SEMANTIC_CACHE_DIR": os.environ.get("SEMANTIC_CACHE_DIR", str(ROOT / "instance" / "cache")),
           "RATELIMIT_DEFAULT": "100000000 per minute", "RATELIMIT_API_KEY": "100000000 per minute"}
    if args.database:
        env["DATABASE_URL"] = args.database
    log = (instance / "server.log").open("w")
    if args.database:  # `make run` migrates and loads first; SQLite is prepared by wsgi.py itself
        for step in (["db", "upgrade"], ["kb", "load", "--if-changed"]):
            subprocess.run([BIN / "flask", *step], cwd=ROOT, env={**env, "FLASK_APP": "app.manage:create_app()"},
                           check=True, stdout=log, stderr=log)
    server = subprocess.Popen([BIN / "gunicorn", "--config", "gunicorn.conf.py", "--workers", str(args.workers),
                               "--bind", f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env,
                              stdout=log, stderr=log, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start; see {instance / 'server.log'}")
            try:
                if get(f"{base}/readyz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        script = instance / "match.lua"
        script.write_text(LUA)
        warm = wrk(f"{base}/api/v1/match", args.connections, WARM_UP_SECONDS, script)  # every worker's first matches
        warm_up = warm["requests"] - warm["non_2xx"]
        workers = children(server.pid)
        match = measured(lambda: wrk(f"{base}/api/v1/match", args.connections, args.seconds, script), workers)
        trivial = measured(lambda: wrk(f"{base}/healthz", args.connections, args.seconds, None), workers)
        time.sleep(SETTLE_SECONDS)  # one flush interval and more: the buffers are written
        metrics = get(f"{base}/metrics")[1]
        memory = {pid: memory_mb(pid) for pid in [server.pid, *children(server.pid)]}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()

    answered = match["requests"] - match["non_2xx"]
    written = metric(metrics, "query_log_written_total")
    dropped = metric(metrics, "query_log_dropped_total")
    print(f"workers {args.workers}, connections {args.connections}, {args.seconds} s each, "
          f"database {'SQLite' if not args.database else args.database.split(':')[0]}, access log {args.access_log!r}")
    print(f"{'endpoint':<22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} {'non-2xx':>8} "
          f"{'CPU ms':>7}  socket errors")
    for name, run in (("POST /api/v1/match", match), ("GET /healthz (trivial)", trivial)):
        print(f"{name:<22} {run['rps']:>9.0f} {run['p50']:>8.2f} {run['p99']:>8.2f} {run['requests']:>9} "
              f"{run['non_2xx']:>8} {run['cpu_ms']:>7.3f}  {run['socket_errors']}")
    print(f"match / trivial req/s: {match['rps'] / trivial['rps']:.0%}; server CPU per request (all workers, "
          f"user + system): match / trivial {match['cpu_ms'] / trivial['cpu_ms']:.1f}x; load average before the run "
          f"{load_before:.2f}")
    print(f"query log: {answered} matches answered in the timed run plus {warm_up} in the warm-up; "
          f"{written:.0f} rows written, {dropped:.0f} dropped")
    for pid, used in memory.items():
        role = "master" if pid == server.pid else "worker"
        print(f"memory {role} {pid}: RSS {used['rss']:.0f} MB, PSS {used['pss']:.0f} MB, USS {used['uss']:.0f} MB")
    shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
