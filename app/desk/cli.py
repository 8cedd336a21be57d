"""`flask desk user add NAME --role agent|curator`: desk accounts are made on the server, never on the web."""
from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from app.desk.auth import AccountError, create_user
from app.desk.models import ROLES
from app.desk.teaching import audit
from app.extensions import db

desk_cli = AppGroup("desk", help="Support desk accounts.")
user_cli = AppGroup("user", help="Add desk accounts.")
desk_cli.add_command(user_cli)


@user_cli.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="agent reads reports; curator also changes knowledge.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
def add_user(name: str, role: str, password_stdin: bool) -> None:
    """Create a desk account; the password is prompted for (twice) unless --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(name, role, password)
    except AccountError as exc:
        click.echo(f"desk user add: {exc}", err=True)
        sys.exit(1)
    audit("cli", "add-user", f"user {user.name}", None, {"name": user.name, "role": user.role})
    db.session.commit()
    click.echo(f"desk user add: {user.name} ({user.role}) created.")
