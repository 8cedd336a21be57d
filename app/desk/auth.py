"""Desk accounts and sessions: scrypt password hashes, a session bound to the account's token, role checks.

Every view of the desk blueprint declares its role with `role_required`; the blueprint's
`before_request` refuses any endpoint that declares none, so a new route cannot be left open.
Anonymous visitors are sent to the sign-in page (GET) or told 401; a signed-in agent asking
for a curator's action is told 403.
"""
from __future__ import annotations

import datetime as dt
import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any

from flask import abort, current_app, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.desk.models import ROLES, StaffUser
from app.extensions import db

PASSWORD_METHOD = "scrypt"
PASSWORD_MIN_CHARS = 12
SESSION_USER = "desk_user"
SESSION_TOKEN = "desk_token"
SESSION_SINCE = "desk_since"
ROLE_RANK = {"agent": 0, "curator": 1}
PUBLIC = "public"
"""The role marker of the views anyone may open (the sign-in form)."""
_DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16), method=PASSWORD_METHOD)
"""Checked against when the name is unknown, so a wrong name takes as long as a wrong password."""


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """The session cookie is `Secure` whenever the request came over HTTPS (or SESSION_COOKIE_SECURE says so)."""

    _serializer: tuple[tuple[Any, ...], URLSafeTimedSerializer | None] | None = None

    def get_cookie_secure(self, app: Any) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or (request and request.is_secure))

    def get_signing_serializer(self, app: Any) -> URLSafeTimedSerializer | None:
        """Flask's serializer, made once per secret key (and fallbacks) instead of on every request,
        where making it cost more than the rest of opening an API call's empty session. It keeps no
        state between uses."""
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if self._serializer is None or self._serializer[0] != keys:
            self._serializer = (keys, super().get_signing_serializer(app))
        return self._serializer[1]


class AccountError(ValueError):
    """A name, role or password `flask desk user add` cannot accept."""


def create_user(name: str, role: str, password: str) -> StaffUser:
    """Add an account (the caller commits); the password is stored only as its scrypt hash."""
    name = name.strip()
    if not name or len(name) > 80:
        raise AccountError("the name must be 1 to 80 characters")
    if role not in ROLES:
        raise AccountError(f"the role must be one of {', '.join(ROLES)}")
    if len(password) < PASSWORD_MIN_CHARS:
        raise AccountError(f"the password must have at least {PASSWORD_MIN_CHARS} characters")
    if db.session.scalar(select(StaffUser.id).where(StaffUser.name == name)) is not None:
        raise AccountError(f"an account named {name!r} exists")
    user = StaffUser(name=name, role=role, password_hash=generate_password_hash(password, method=PASSWORD_METHOD),
                     session_token=secrets.token_hex(16))
    db.session.add(user)
    return user


def authenticate(name: str, password: str) -> StaffUser | None:
    """The account when name and password match, else None (same work either way)."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.name == name.strip()))
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def sign_in(user: StaffUser) -> None:
    """A fresh session for the account (whatever the cookie held before is dropped)."""
    session.clear()
    session[SESSION_USER] = user.id
    session[SESSION_TOKEN] = user.session_token
    session[SESSION_SINCE] = dt.datetime.now(dt.UTC).timestamp()


def sign_out() -> None:
    """End this session and every other session of the account (its token changes)."""
    user = current_user()
    if user is not None:
        user.session_token = secrets.token_hex(16)
        db.session.commit()
    session.clear()


def current_user() -> StaffUser | None:
    """The signed-in account, or None when there is none or its session ended (sign-out, expiry)."""
    if "desk_user_obj" in g:
        return g.desk_user_obj
    user = None
    user_id, token, since = session.get(SESSION_USER), session.get(SESSION_TOKEN), session.get(SESSION_SINCE)
    if isinstance(user_id, int) and isinstance(token, str) and isinstance(since, float):
        age = dt.datetime.now(dt.UTC).timestamp() - since
        found = db.session.get(StaffUser, user_id)
        if (found is not None and hmac.compare_digest(found.session_token, token)
                and age < current_app.config["DESK_SESSION_HOURS"] * 3600):
            user = found
    g.desk_user_obj = user
    return user


def role_required(role: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The view needs a signed-in account of at least `role` (PUBLIC: anyone)."""
    if role != PUBLIC and role not in ROLE_RANK:
        raise ValueError(f"unknown role {role!r}")

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if role != PUBLIC:
                check_role(role)
            return view(*args, **kwargs)

        wrapped.desk_role = role  # type: ignore[attr-defined]
        return wrapped

    return decorate


def check_role(role: str) -> None:
    """Redirect (GET) or 401 when nobody is signed in; 403 when the account's role is too low."""
    user = current_user()
    if user is None:
        if request.method == "GET":
            abort(redirect(url_for("desk.sign_in", next=request.full_path.rstrip("?"))))
        abort(401, description="Sign in to the support desk first.")
    if ROLE_RANK.get(user.role, -1) < ROLE_RANK[role]:
        abort(403, description=f"This needs the {role} role; your account is an {user.role}.")


def refuse_undeclared_views() -> None:
    """Fail closed: a desk endpoint without a declared role answers 403 to everyone."""
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or not hasattr(view, "desk_role"):
        abort(403, description="This desk page declares no role.")


def safe_next(target: str | None) -> str:
    """Where to go after sign-in: a path inside the desk only (no open redirect)."""
    if target and target.startswith("/desk") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("desk.gaps")
