"""The app for management commands: the web app plus the curators' tools.

`FLASK_APP='app.manage:create_app()'` (the Makefile sets it) gives `flask kb check` and
`flask kb import-doc`; `wsgi.py` builds the web app without them, so the server never
imports the curation package.
"""
from __future__ import annotations

from typing import Any

from flask import Flask
from flask.cli import AppGroup

from app import create_app as create_web_app
from app.curation.cli import COMMANDS
from app.maintenance.cli import maintenance_cli
from app.store.cli import kb_cli


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """The web app whose `kb` group also has the curation commands (a new group: the web app's stays as it is)."""
    app = create_web_app(overrides)
    group = AppGroup(kb_cli.name, help=kb_cli.help)
    for command in (*kb_cli.commands.values(), *COMMANDS):
        group.add_command(command)
    app.cli.add_command(group)
    app.cli.add_command(maintenance_cli)
    return app
