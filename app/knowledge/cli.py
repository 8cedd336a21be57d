"""`flask kb ...`: load, check, export and import knowledge."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from app.extensions import db
from app.knowledge.coverage import coverage_gaps
from app.knowledge.files import write_entry_files
from app.knowledge.loader import InvalidKnowledge, load_directory, read_entries

kb_cli = AppGroup("kb", help="Manage the knowledge base.")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


@kb_cli.command("load")
@click.option("--dir", "directory", type=click.Path(file_okay=False), help="Entry folder (default: KNOWLEDGE_DIR).")
@click.option("--if-changed", is_flag=True, help="Do nothing when the files are unchanged since the last load.")
def load_command(directory: str | None, if_changed: bool) -> None:
    """Validate every entry file, then load them all in one transaction."""
    directory = directory or current_app.config["KNOWLEDGE_DIR"]
    if not Path(directory).is_dir():
        _fail(f"kb load: no such folder: {directory}")
    session = Session(db.engine)
    try:
        loaded = load_directory(session, directory, if_changed=if_changed)
    except InvalidKnowledge as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        _fail(f"kb load: {len(exc.errors)} problem(s); nothing was loaded.")
    finally:
        session.close()
    if loaded is None:
        click.echo("kb load: knowledge unchanged since the last load; nothing to do.")
        return
    count, report = loaded
    click.echo(f"kb load: {count} entries from {directory}: {report}.")


@kb_cli.command("check")
def check_command() -> None:
    """Compare the loaded knowledge with the catalog; exit 1 on any gap."""
    with Session(db.engine) as session:
        entries = read_entries(session)
    gaps = coverage_gaps(entries, current_app.config["CATALOG_PATH"], current_app.config["SOURCES_DIR"])
    for gap in gaps:
        click.echo(gap, err=True)
    if gaps:
        _fail(f"kb check: {len(gaps)} gap(s) against the catalog.")
    click.echo(f"kb check: all {len(entries)} entries cover the catalog.")


@kb_cli.command("export")
@click.argument("directory", type=click.Path(file_okay=False))
def export_command(directory: str) -> None:
    """Write the database back to entry files under DIRECTORY."""
    with Session(db.engine) as session:
        entries = read_entries(session)
    paths = write_entry_files(entries, directory)
    click.echo(f"kb export: wrote {len(paths)} files to {directory}.")


@kb_cli.command("import-doc")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="drafts", show_default=True,
              help="Folder for the draft entry files.")
@click.option("--overwrite", is_flag=True, help="Replace draft files that already exist.")
def import_doc_command(path: str, out_dir: str, overwrite: bool) -> None:
    """Turn a troubleshooting article into draft entry files for curators to finish."""
    from app.knowledge.importer import draft_entries, parse_article, write_drafts

    article = parse_article(Path(path).read_text(encoding="utf-8"), Path(path).name)
    drafts = draft_entries(article)
    try:
        written = write_drafts(drafts, out_dir, overwrite=overwrite)
    except FileExistsError as exc:
        _fail(f"kb import-doc: {exc} exists; pass --overwrite to replace drafts.")
    for draft_path in written:
        click.echo(f"  {draft_path}")
    click.echo(f"kb import-doc: {len(written)} draft(s) from {path} in {out_dir}.")
