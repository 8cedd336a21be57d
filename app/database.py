"""The declarative base shared by every table, in plain SQLAlchemy.

Kept free of Flask so the knowledge loader and scripts can use the models with any Session.
"""
from pathlib import Path

from sqlalchemy import Engine, MetaData, event
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with named constraints (Alembic batch migrations on SQLite need names)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _sqlite_path(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def configure_sqlite(engine: Engine) -> None:
    """For SQLite: create the file's folder on first connect, then WAL with synchronous=NORMAL,
    foreign keys, busy timeout.

    Registered as engine events, so nothing touches the disk until a connection is needed.
    """
    path = _sqlite_path(engine)
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "do_connect")
    def _make_folder(dialect, conn_rec, cargs, cparams):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        if path is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL is durable across application crashes and consistent across power
            # loss (the last commits may roll back); FULL would fsync on every commit.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
