"""Chat fixtures: apps shared by a module's endpoint tests (with and without CSRF protection),
and for the browser tests a real HTTP server (werkzeug in a thread) and one headless Chromium
for the whole session."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import ROOT
from tests.conftest import app_on_copy, dispose, make_app
from tests.web.chat.live_server import serving

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def chat_app(tmp_path_factory, loaded_template):
    """One app (one matcher build) per module: every test client is a separate browser with its
    own session, so tests share the database but not conversations."""
    application = app_on_copy(tmp_path_factory.mktemp("chat") / "chat.sqlite3", loaded_template)
    yield application
    dispose(application)


@pytest.fixture
def client(chat_app):
    """A new visitor: its own cookie jar, so its own conversation."""
    return chat_app.test_client()


@pytest.fixture(scope="module")
def csrf_app(tmp_path_factory, loaded_template):
    """Like `chat_app`, but with CSRF protection on, as in production."""
    application = app_on_copy(tmp_path_factory.mktemp("csrf") / "chat.sqlite3", loaded_template,
                              WTF_CSRF_ENABLED=True)
    yield application
    dispose(application)


@pytest.fixture(scope="session")
def live_database(tmp_path_factory, loaded_template) -> Path:
    path = tmp_path_factory.mktemp("live") / "live.sqlite3"
    shutil.copy(loaded_template, path)
    return path


@pytest.fixture(scope="session")
def live_app(live_database):
    application = make_app(f"sqlite:///{live_database}", WTF_CSRF_ENABLED=True)
    yield application
    dispose(application)


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    with serving(live_app) as url:
        yield url


@pytest.fixture
def open_context(browser, live_server):
    """Open fresh browser contexts (own cookies: a new visitor) on the live server; all closed afterwards.

    A script error on any page fails the test at teardown.
    """
    contexts, errors = [], []

    def open_(**options):
        context = browser.new_context(base_url=live_server, locale="en-US", reduced_motion="reduce", **options)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
        context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(error)))
        contexts.append(context)
        return context

    yield open_
    for context in contexts:
        context.close()
    assert not errors, f"script errors on the page: {errors}"


@pytest.fixture
def page(open_context):
    """The chat page in a new desktop-sized browser context, loaded and ready."""
    chat = open_context(viewport={"width": 1200, "height": 900}).new_page()
    chat.goto("/")
    chat.wait_for_selector(".chat[data-state=ready]")
    return chat


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
