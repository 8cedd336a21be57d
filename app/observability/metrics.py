"""Prometheus metrics, summed across gunicorn workers.

prometheus_client's multiprocess mode: when PROMETHEUS_MULTIPROC_DIR is set (gunicorn.conf.py
sets it for `make run` and empties it at start), every worker writes its samples to files
there and /metrics reads them all; without it (tests, `flask run`) the process's own
registry is served. The directory must be set before prometheus_client is imported.
"""
from __future__ import annotations

import os
import time
from functools import lru_cache
from typing import TypeVar

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.metrics import MetricWrapperBase

from app.extensions import limiter

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
"""Seconds: a match takes about a millisecond, a page a few, anything past a second is an incident."""

REQUESTS = Counter("http_requests_total", "HTTP requests by route and status.", ["method", "route", "status"])
REQUEST_SECONDS = Histogram("http_request_duration_seconds", "Time to answer a request, by route.",
                            ["route"], buckets=LATENCY_BUCKETS)
MATCH_STAGE_SECONDS = Histogram("match_stage_duration_seconds", "Time spent in each stage of a match.",
                                ["stage"], buckets=LATENCY_BUCKETS)
MATCHES = Counter("matches_total", "Matches answered, by outcome (answered, no_match, out_of_scope).",
                  ["outcome", "channel"])
QUERY_LOG_DEPTH = Gauge("query_log_queue_depth", "Query-log rows waiting to be written.",
                        multiprocess_mode="livesum")
QUERY_LOG_DROPPED = Counter("query_log_dropped_total", "Query-log rows dropped because the buffer was full.")
QUERY_LOG_WRITTEN = Counter("query_log_written_total", "Query-log rows written.")
KNOWLEDGE = Gauge("knowledge_snapshot_info", "The knowledge fingerprint a worker serves (value 1).",
                  ["fingerprint"], multiprocess_mode="liveall")
KNOWLEDGE_BUILD_SECONDS = Gauge("knowledge_build_seconds", "Time the last knowledge snapshot took to build.",
                                multiprocess_mode="livemax")
KNOWLEDGE_ENTRIES = Gauge("knowledge_entries", "Entries in the snapshot a worker serves.",
                          multiprocess_mode="livemax")

Labelled = TypeVar("Labelled", bound=MetricWrapperBase)
LABELLED_CACHE_SIZE = 4096
"""Distinct (metric, labels) pairs remembered; routes, statuses, stages and outcomes are few."""

bp = Blueprint("metrics", __name__)


@lru_cache(maxsize=LABELLED_CACHE_SIZE)
def _labelled(metric: Labelled, *labels: str) -> Labelled:
    """`metric.labels(*labels)`, looked up once: prometheus_client takes a lock and validates the
    labels on every call, and a match updates a dozen series."""
    return metric.labels(*labels)


@bp.get("/metrics")
@limiter.exempt
def metrics() -> Response:
    """The Prometheus exposition; behind METRICS_TOKEN (a bearer token) when one is configured."""
    token = current_app.config["METRICS_TOKEN"]
    if token and request.headers.get("Authorization", "") != f"Bearer {token}":
        abort(401)
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def observe_match(stages: dict[str, float], outcome: str, channel: str) -> None:
    """Record one match: seconds per stage and whether it was answered."""
    for stage, seconds in stages.items():
        _labelled(MATCH_STAGE_SECONDS, stage).observe(seconds)
    _labelled(MATCHES, outcome, channel).inc()


def observe_query_log(depth: int, written: int, dropped: int) -> None:
    QUERY_LOG_DEPTH.set(depth)
    QUERY_LOG_WRITTEN.inc(written)
    QUERY_LOG_DROPPED.inc(dropped)


def observe_knowledge(fingerprint: str | None, entries: int, build_seconds: float) -> None:
    KNOWLEDGE.clear()
    KNOWLEDGE.labels(fingerprint or "none").set(1)
    KNOWLEDGE_BUILD_SECONDS.set(build_seconds)
    KNOWLEDGE_ENTRIES.set(entries)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _record(response: Response) -> Response:
    started = g.pop("metrics_started", None)
    route = request.url_rule.rule if request.url_rule is not None else "unmatched"
    if started is not None:
        _labelled(REQUEST_SECONDS, route).observe(time.perf_counter() - started)
    _labelled(REQUESTS, request.method, route, str(response.status_code)).inc()
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start_timer)
    app.after_request(_record)
    app.register_blueprint(bp)
