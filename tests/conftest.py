"""Shared fixtures: apps on temporary databases (SQLite, and the real PostgreSQL), the
shipped knowledge, and a matcher built from it."""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy.orm import Session

from app import create_app
from app.config import ROOT, Config
from app.extensions import db
from app.knowledge.files import entry_paths, fingerprint, read_entry_files
from app.matching.matcher import Matcher
from app.matching.semantic import SemanticIndex, default_encoder
from app.store.loader import load_entries

KNOWLEDGE_DIR = ROOT / "knowledge" / "entries"
SHIPPED_COUNT = len(entry_paths(KNOWLEDGE_DIR))
"""How many entry files ship: the 56 catalog entries plus those written from today's docs."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
"""Debian's Chromium, driven by Playwright for the browser tests (chat and desk)."""
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def make_app(database_url: str, factory=create_app, **overrides):
    """An app for tests; `factory` is app.manage.create_app for the curators' commands."""
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False,
              "RATELIMIT_ENABLED": False, "SECRET_KEY": "test-secret", "KNOWLEDGE_RELOAD_SECONDS": 0}
    config.update(overrides)
    return factory(config)


def app_on_copy(path: Path, loaded_template: Path, factory=create_app, **overrides):
    """An app on its own copy (at `path`) of the migrated, loaded template database."""
    shutil.copy(loaded_template, path)
    return make_app(f"sqlite:///{path}", factory, **overrides)


def dispose(application) -> None:
    """Stop the app's query-log writer (writing what it holds) and close its connections."""
    writer = application.extensions.get("querylog_writer")
    if writer is not None:
        writer.close()
    with application.app_context():
        db.engine.dispose()


def migrate_and_load(app, directory: Path = KNOWLEDGE_DIR) -> None:
    """What `make run` does before gunicorn starts: migrations, then the knowledge."""
    with app.app_context():
        upgrade()
        entries, errors = read_entry_files(directory)
        assert not errors, errors
        with Session(db.engine) as session:
            load_entries(session, entries, fingerprint(directory))
        db.engine.dispose()


@pytest.fixture(scope="session")
def shipped_entries() -> list[dict]:
    entries, errors = read_entry_files(KNOWLEDGE_DIR)
    assert not errors, errors
    return entries


@pytest.fixture(scope="session", autouse=True)
def semantic_cache(shipped_entries) -> None:
    """The shipped knowledge's sentence vectors, encoded once for the whole run (and every server
    process a test starts) into the cache file that `flask kb load` also writes."""
    SemanticIndex(shipped_entries, default_encoder(), Path(Config.SEMANTIC_CACHE_DIR))


@pytest.fixture(scope="session")
def matcher(shipped_entries) -> Matcher:
    return Matcher(shipped_entries)


@pytest.fixture(scope="session")
def loaded_template(tmp_path_factory) -> Path:
    """A migrated SQLite database with the shipped knowledge, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    migrate_and_load(make_app(f"sqlite:///{path}"))
    return path


@pytest.fixture
def app(tmp_path, loaded_template):
    """An app on its own SQLite copy of the loaded database."""
    application = app_on_copy(tmp_path / "app.sqlite3", loaded_template)
    yield application
    dispose(application)


@pytest.fixture
def empty_app(tmp_path):
    """An app on a migrated but empty SQLite database."""
    application = make_app(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with application.app_context():
        upgrade()
    yield application
    dispose(application)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _postgres_available() -> bool:
    from sqlalchemy import create_engine, text
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database on the real server, dropped afterwards.

    Skipped only when the server is unreachable and CI is not set; under CI that is a failure.
    """
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is unreachable at {PG_ADMIN_URL} and CI is set")
        pytest.skip(f"PostgreSQL is unreachable at {PG_ADMIN_URL}")
    from sqlalchemy import create_engine, text
    name = f"kbtest_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres_app(postgres_url):
    application = make_app(postgres_url)
    migrate_and_load(application)
    yield application
    dispose(application)


@pytest.fixture
def redis_prefix():
    """A key prefix of the test's own in the real Redis, whose keys are deleted afterwards."""
    from tests.servers import redis_or_skip
    client = redis_or_skip()
    prefix = f"test-{uuid.uuid4().hex}"
    yield prefix
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session. Without one the tests skip, except under CI, where they fail."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if executable is None:
        message = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI is set, so a missing browser is a failure")
        pytest.skip(f"{message}; none found, skipping")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
