"""Gunicorn settings used by `make run`; command-line flags override them.

Worker model: gevent. A sync worker serves one connection at a time, so a client that
sends its request slowly (a "slowloris": headers or body a byte every few seconds) holds a
whole worker until `timeout` kills it; two such connections stopped the two default
workers. The gevent worker parks every connection in a greenlet that only runs when bytes
arrive, so up to `worker_connections` slow clients per worker cost some memory, not the
worker, and the matcher (CPU, ~1 ms) and the database keep serving everybody else.
The worker monkey-patches the standard library itself (`gevent.monkey.patch_all()`)
before it imports the app (no `preload_app`), so `threading.Lock`, the SQLAlchemy pool,
redis-py and psycopg 3 (which then waits on the patched `select.poll`) yield to other
greenlets instead of blocking the process.

Slow clients are still dropped: the request line and headers must arrive within
`keepalive` seconds (the gevent worker reads them under that timeout), and the body
within GUNICORN_BODY_TIMEOUT seconds after them (`pre_request` below). The
`limit_request_*` checks stay: this worker parses with gunicorn's own HTTP parser.
Production should still sit behind a buffering reverse proxy (see the README).
"""
import os
import shutil
import sys
import time
from pathlib import Path

INSTANCE_DIR = Path(os.environ.get("INSTANCE_DIR") or Path(__file__).resolve().parent / "instance")
# Metrics of every worker are summed by /metrics from files here (prometheus_client's
# multiprocess mode); it must be set before the app (and prometheus_client) is imported.
METRICS_DIR = Path(os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(INSTANCE_DIR / "prometheus")))
# Start with an empty folder (files of an earlier run would be summed in), before the app loads.
shutil.rmtree(METRICS_DIR, ignore_errors=True)
METRICS_DIR.mkdir(parents=True, exist_ok=True)

worker_class = "gevent"
# The app and the knowledge snapshot (matcher, index, sentence-encoder weights) are built once
# in the master and shared by the forked workers copy-on-write: no worker builds at start,
# and the read-only arrays (most of the memory) stay shared. Under gevent that needs the
# standard library patched before the app is imported, here in the master. GUNICORN_PRELOAD=0
# loads the app in each worker instead.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
if preload_app:
    from gevent import monkey

    monkey.patch_all()
# Access log: ACCESS_LOG=- (stdout, the default), a file, or empty for none. Written after
# the response has been sent; the request id is the last field.
accesslog = os.environ.get("ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" %({x-request-id}o)s'
# Connections one worker holds at once (slow or not); past that the listen backlog queues them.
worker_connections = 1000
# Request line and headers must arrive within this many seconds, and an idle kept-alive
# connection is closed after it. Keep it above 0: 0 switches the header deadline off.
keepalive = 5
# The request limits, written out because they are part of the protection.
limit_request_line = 8190  # gunicorn's maximum; the app answers URLs over 4 KB itself (JSON under /api/)
limit_request_fields = 100
limit_request_field_size = 8190
# Seconds a request body may take to arrive, counted from the end of its headers; a client
# still sending after that gets an error (400 from this app) and its connection is closed.
BODY_TIMEOUT = float(os.environ.get("GUNICORN_BODY_TIMEOUT") or 30)


def child_exit(server, worker):
    """A worker that has gone stops counting in the live gauges (queue depth, knowledge)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


WARM_UP_PASTES = ("ERR_1100 HTTP 429", "배포한 모델이 응답하지 않고 계속 재시작돼요", "how do I read my deployment's logs")


def _warm_up(matcher) -> None:
    """A few matches, so first-call costs (the encoder's weights, lazy imports) are paid before traffic."""
    for text in WARM_UP_PASTES:
        matcher.match(text)


def when_ready(server):
    """With preload: build the knowledge snapshot in the master, before any worker is forked,
    then close the master's database connections (a forked worker must not share them)."""
    if not preload_app:
        return
    from app.extensions import db
    from app.store.snapshot import current_snapshot

    app = server.app.wsgi()
    with app.app_context():
        try:
            _warm_up(current_snapshot().matcher)  # loads the encoder's weights here, to be shared
        except Exception:
            server.log.exception("knowledge snapshot not built in the master; each worker builds its own")
        db.engine.dispose()
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(os.getpid())  # the master serves nothing: only workers report


def post_worker_init(worker):
    """Build the matcher before the worker takes traffic (inherited from the master with
    preload), so no request waits for it."""
    from app.store.snapshot import current_matcher, report_snapshot

    app = worker.wsgi
    with app.app_context():
        try:
            _warm_up(current_matcher())
            report_snapshot()  # the one inherited from the master, under this worker's pid
        except Exception:
            worker.log.exception("matcher warm-up failed; it will be built on the first request")


def worker_exit(server, worker):
    """Write the query-log rows still buffered before the worker goes (a restart, a reload, a stop)."""
    from app.querylog.recorder import flush

    try:
        flush(worker.wsgi)
    except Exception:
        worker.log.exception("query log: flushing at exit failed")


# A timed sleep, not sleep(0): sleep(0) only requeues the greenlet ahead of the next I/O poll, so
# a connection whose next request is already there is served again before the waiting ones.
POST_REQUEST_YIELD_SECONDS = float(os.environ.get("POST_REQUEST_YIELD_SECONDS", "0.0001"))


def post_request(worker, req, environ, resp):
    """Yield to the other connections after every response. A gevent greenlet keeps the CPU
    until it waits on I/O, and on a kept-alive connection whose next request is already there
    it does not wait: a few busy connections then starve the others (p99 above a second
    at 16 connections on this machine; 0.2 s with the yield). One yield per request makes
    the worker take turns."""
    if _greenlets_can_time_out():
        import gevent

        gevent.sleep(POST_REQUEST_YIELD_SECONDS)


def pre_request(worker, req):
    """Log the request (gunicorn's default hook) and put a deadline on reading its body."""
    worker.log.debug("%s %s", req.method, req.path)
    if BODY_TIMEOUT > 0 and req.body is not None and _greenlets_can_time_out():
        req.body = _BodyWithDeadline(req, time.monotonic() + BODY_TIMEOUT)


def _greenlets_can_time_out() -> bool:
    """True in a gevent worker (patched sockets), where gevent.Timeout interrupts a read."""
    monkey = sys.modules.get("gevent.monkey")
    return monkey is not None and monkey.is_module_patched("socket")


class _BodyWithDeadline:
    """`wsgi.input` that stops reading at `deadline`.

    A socket timeout would bound each recv(), and a client sending a byte every few seconds
    never trips it; gevent.Timeout bounds the whole read. The error is a TimeoutError
    (an OSError, what a WSGI server raises for a failed read: werkzeug answers 400
    "client disconnected"), and the connection is not kept alive.
    """

    def __init__(self, req, deadline: float) -> None:
        self._req = req
        self._body = req.body
        self._deadline = deadline

    def _within_deadline(self, read, *args):
        import gevent

        remaining = self._deadline - time.monotonic()
        error = TimeoutError(f"request body not received within {BODY_TIMEOUT:g}s")
        if remaining <= 0:
            self._req.force_close()
            raise error
        try:
            with gevent.Timeout(remaining, error):
                return read(*args)
        except TimeoutError:
            self._req.force_close()
            raise

    def read(self, size=None):
        return self._within_deadline(self._body.read, size)

    def readline(self, size=None):
        return self._within_deadline(self._body.readline, size)

    def readlines(self, size=None):
        return self._within_deadline(self._body.readlines, size)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __getattr__(self, name):
        return getattr(self._body, name)
