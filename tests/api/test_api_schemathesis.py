"""Schemathesis against the OpenAPI document, in-process: no 5xx, every response as documented,
and every request that breaks the schema refused.

It drives schemathesis's own engine (the phases `schemathesis run` has: the documented
examples, the deterministic coverage cases, then fuzzing) rather than its pytest plugin,
whose fixture-based loader does not run under pytest 9. Deterministic and capped, so it
takes seconds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
          "positive_data_acceptance", "missing_required_header", "unsupported_method", "allow_header_conformance",
          "use_after_free", "ensure_resource_availability", "ignored_auth"]
MAX_EXAMPLES = 25
SCHEMA_PATH = "/api/v1/openapi.json"


def _config() -> SchemathesisConfig:
    config = SchemathesisConfig()
    project = config.projects.default
    project.generation.update(modes=["positive", "negative"], deterministic=True, database="none",
                              max_examples=MAX_EXAMPLES)
    project.phases.update(phases=["examples", "coverage", "fuzzing"])
    project.checks.update(included_check_names=CHECKS)
    return config


def _failures(event: events.ScenarioFinished) -> list[str]:
    found = []
    for case_id, checks in event.recorder.checks.items():
        case = event.recorder.cases[case_id].value
        for check in checks:
            if check.status == Status.FAILURE:
                title = check.failure_info.failure.title if check.failure_info else ""
                found.append(f"{event.label}: {check.name}: {title} "
                             f"(query={dict(case.query or {})!r}, body={str(case.body)[:200]!r})")
    return found


@dataclass
class Run:
    operations: set[str]
    tested: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def run(app) -> Run:
    """One schemathesis run over the whole document, shared by the assertions below."""
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, app, config=_config())
    result = Run(operations={f"{method.upper()} {path}" for path, operations in schema.raw_schema["paths"].items()
                             for method in operations})
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            result.tested.add(event.label)
            result.failures.extend(_failures(event))
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            result.failures.append(f"{type(event).__name__}: {event}")
    return result


def test_every_operation_is_exercised(run):
    """All but the document itself, which schemathesis fetched (and parsed) to start the run."""
    assert run.operations - run.tested == {f"GET {SCHEMA_PATH}"}


def test_no_response_breaks_the_documented_contract(run):
    assert run.failures == []
