"""`flask maintenance purge`: run daily from cron (see the README's retention section)."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from app.extensions import db
from app.maintenance.purge import purge

maintenance_cli = AppGroup("maintenance", help="Retention and housekeeping.")


@maintenance_cli.command("purge")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Delete what is older than this many days (default: RETENTION_DAYS).")
def purge_command(days: int | None) -> None:
    """Delete query-log rows, conversations and feedback comments older than the retention period."""
    days = days or current_app.config["RETENTION_DAYS"]
    with Session(db.engine) as session:
        report = purge(session, days)
    click.echo(f"maintenance purge: older than {days} days: {report}.")
