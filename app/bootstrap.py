"""First start of the embedded default: an SQLite database brought up to date by itself.

`make run` migrates and loads before gunicorn starts. Anything else that serves the
app straight from `wsgi.py` (a bare `gunicorn wsgi:app`, an in-process evaluation run)
on the default SQLite file would otherwise meet an empty database, so `wsgi.py` calls
`prepare()`: migrations, then the knowledge when its files changed, under a file lock so
that several workers starting together do it once. Shared databases (PostgreSQL) are
never touched here: they are migrated once per release, as the README says.

It also gives the server its SECRET_KEY when none is configured (any database): the
instance's own random key, created once in the instance folder (see
`app.config.instance_secret_key`). This happens here, at server start, rather than in
`create_app()`, so that building an app (tests, scripts, `flask` commands) reads and
writes no file, and an app given its SECRET_KEY (every test app) never touches one.
A SECRET_KEY that was a public default stops the start with InsecureSecretKey.
"""
from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy.orm import Session

from app.config import check_secret_key, instance_secret_key
from app.extensions import db
from app.store.loader import InvalidKnowledge, load_directory


@contextmanager
def _exclusive(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def use_instance_secret_key(app: Flask) -> None:
    """Refuse a public default SECRET_KEY; without any, use the instance's own (created once, 0600)."""
    check_secret_key(app.config.get("SECRET_KEY"))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.config["INSTANCE_DIR"]))


def prepare(app: Flask) -> None:
    """Give the server its SECRET_KEY (see `use_instance_secret_key`), then migrate and load
    an SQLite database file when needed; no-op for other databases.

    Broken entry files are logged, not raised: the app keeps the knowledge it had, and
    `flask kb load` (which imports this module) can still run and name every problem.
    """
    use_instance_secret_key(app)
    with app.app_context():
        url = db.engine.url
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return
        with _exclusive(Path(url.database).with_suffix(".prepare.lock")):
            upgrade(directory=app.config["MIGRATIONS_DIR"])
            with Session(db.engine) as session:
                try:
                    loaded = load_directory(session, app.config["KNOWLEDGE_DIR"], if_changed=True)
                except InvalidKnowledge as exc:
                    loaded = None
                    app.logger.error("knowledge files not loaded (%s); `flask kb load` lists the problems", exc)
            if loaded:
                app.logger.info("knowledge loaded on first start: %s", loaded[1])
        db.engine.dispose()
