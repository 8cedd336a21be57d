"""Fixtures of the API tests.

Most API tests only read knowledge and append query-log rows, so they share one app on
one copy of the loaded database: the matcher is built once, not once per test. Tests
that need their own configuration (rate limits, keys, CORS, proxies) build an app with
`make_loaded_app`.
"""
from __future__ import annotations

import shutil

import pytest

from app.extensions import db
from tests.conftest import make_app


@pytest.fixture(scope="session")
def app(tmp_path_factory, loaded_template):
    path = tmp_path_factory.mktemp("api") / "api.sqlite3"
    shutil.copy(loaded_template, path)
    application = make_app(f"sqlite:///{path}")
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def make_loaded_app(tmp_path, loaded_template):
    """Build an app with config overrides; each on its own copy of the migrated, loaded database."""
    apps = []

    def build(**overrides):
        path = tmp_path / f"app{len(apps)}.sqlite3"
        shutil.copy(loaded_template, path)
        application = make_app(f"sqlite:///{path}", **overrides)
        apps.append(application)
        return application

    yield build
    for application in apps:
        with application.app_context():
            db.engine.dispose()
