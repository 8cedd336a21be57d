"""Fixtures of the API tests.

Most API tests only read knowledge and append query-log rows, so they share one app on
one copy of the loaded database: the matcher is built once, not once per test. Tests
that need their own configuration (rate limits, keys, CORS, proxies) build an app with
`make_loaded_app`.
"""
from __future__ import annotations

import pytest

from tests.conftest import app_on_copy, dispose


@pytest.fixture(scope="session")
def app(tmp_path_factory, loaded_template):
    application = app_on_copy(tmp_path_factory.mktemp("api") / "api.sqlite3", loaded_template)
    yield application
    dispose(application)


@pytest.fixture
def make_loaded_app(tmp_path, loaded_template):
    """Build an app with config overrides; each on its own copy of the migrated, loaded database."""
    apps = []

    def build(**overrides):
        application = app_on_copy(tmp_path / f"app{len(apps)}.sqlite3", loaded_template, **overrides)
        apps.append(application)
        return application

    yield build
    for application in apps:
        dispose(application)
