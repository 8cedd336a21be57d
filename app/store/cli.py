"""`flask kb load` and `flask kb export`: entry files into the database and back.

The curators' commands (`kb check`, `kb import-doc`) join this group in app/manage.py."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from app.extensions import db
from app.knowledge.files import write_entry_files
from app.store.loader import (
    OUT_OF_SCOPE_FILE,
    InvalidKnowledge,
    dump_out_of_scope,
    load_directory,
    read_entries,
    read_out_of_scope,
)
from app.store.snapshot import warm_caches

kb_cli = AppGroup("kb", help="Manage the knowledge base.")


def fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


@kb_cli.command("load")
@click.option("--dir", "directory", type=click.Path(file_okay=False), help="Entry folder (default: KNOWLEDGE_DIR).")
@click.option("--if-changed", is_flag=True, help="Do nothing when the files are unchanged since the last load.")
def load_command(directory: str | None, if_changed: bool) -> None:
    """Validate every entry file, then load them all in one transaction."""
    directory = directory or current_app.config["KNOWLEDGE_DIR"]
    if not Path(directory).is_dir():
        fail(f"kb load: no such folder: {directory}")
    session = Session(db.engine)
    try:
        loaded = load_directory(session, directory, if_changed=if_changed)
    except InvalidKnowledge as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        fail(f"kb load: {len(exc.errors)} problem(s); nothing was loaded.")
    finally:
        session.close()
    if loaded is None:
        click.echo("kb load: knowledge unchanged since the last load; nothing to do.")
    else:
        count, report = loaded
        click.echo(f"kb load: {count} entries from {directory}: {report}.")
    started = time.monotonic()
    index_seconds, texts = warm_caches(current_app._get_current_object())  # type: ignore[attr-defined]
    click.echo(f"kb load: index ready ({index_seconds:.1f} s).")
    if texts is not None:
        click.echo(f"kb load: semantic vectors ready for {texts} texts ({time.monotonic() - started - index_seconds:.1f} s).")


@kb_cli.command("export")
@click.argument("directory", type=click.Path(file_okay=False))
def export_command(directory: str) -> None:
    """Write the database back to entry files under DIRECTORY (and out_of_scope.yaml beside them)."""
    with Session(db.engine) as session:
        entries = read_entries(session)
        decisions = read_out_of_scope(session)
    paths = write_entry_files(entries, directory)
    decisions_path = Path(directory) / OUT_OF_SCOPE_FILE
    if decisions or decisions_path.exists():  # no file is written for a knowledge without decisions
        decisions_path.write_text(dump_out_of_scope(decisions), encoding="utf-8")
        paths.append(decisions_path)
    click.echo(f"kb export: wrote {len(paths)} files to {directory}.")
