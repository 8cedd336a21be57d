"""`flask kb check` and `flask kb import-doc`: the curators' commands, added to the `kb` group by app/manage.py."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from app.curation.coverage import coverage_gaps
from app.curation.importer import draft_entries, write_drafts
from app.extensions import db
from app.knowledge.articles import parse_article
from app.store.cli import fail
from app.store.loader import read_entries


@click.command("check")
@with_appcontext
def check_command() -> None:
    """Compare the loaded knowledge with the catalog; exit 1 on any gap."""
    with Session(db.engine) as session:
        entries = read_entries(session)
    gaps = coverage_gaps(entries, current_app.config["CATALOG_PATH"], current_app.config["SOURCES_DIR"])
    for gap in gaps:
        click.echo(gap, err=True)
    if gaps:
        fail(f"kb check: {len(gaps)} gap(s) against the catalog.")
    click.echo(f"kb check: all {len(entries)} entries cover the catalog.")


@click.command("import-doc")
@with_appcontext
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="drafts", show_default=True,
              help="Folder for the draft entry files.")
@click.option("--overwrite", is_flag=True, help="Replace draft files that already exist.")
def import_doc_command(path: str, out_dir: str, overwrite: bool) -> None:
    """Turn a troubleshooting article into draft entry files for curators to finish."""
    article = parse_article(Path(path).read_text(encoding="utf-8"), Path(path).name)
    drafts = draft_entries(article)
    try:
        written = write_drafts(drafts, out_dir, overwrite=overwrite)
    except FileExistsError as exc:
        fail(f"kb import-doc: {exc} exists; pass --overwrite to replace drafts.")
    for draft_path in written:
        click.echo(f"  {draft_path}")
    click.echo(f"kb import-doc: {len(written)} draft(s) from {path} in {out_dir}.")


COMMANDS = (check_command, import_doc_command)
