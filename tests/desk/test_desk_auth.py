"""Desk accounts and sign-in: scrypt hashes, cookie flags, CSRF, rate limits, sign-out that ends sessions."""
from __future__ import annotations

from sqlalchemy import select

from app.desk.models import AuditEvent, StaffUser
from app.extensions import db
from tests.conftest import dispose
from tests.desk.conftest import PASSWORD, make_desk_app, signed_in


def test_user_add_from_stdin_stores_only_a_scrypt_hash(desk_app):
    result = desk_app.test_cli_runner().invoke(args=["desk", "user", "add", "nina", "--role", "curator",
                                                     "--password-stdin"], input="a long enough secret\n")
    assert result.exit_code == 0, result.output
    with desk_app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.name == "nina"))
        assert user.role == "curator"
        assert user.password_hash.startswith("scrypt:") and "a long enough secret" not in user.password_hash
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.target == "user nina")).action == "add-user"
    assert desk_app.test_client().post("/desk/sign-in", data={"name": "nina", "password": "a long enough secret"}
                                       ).status_code == 302


def test_user_add_prompts_twice_for_the_password(desk_app):
    result = desk_app.test_cli_runner().invoke(args=["desk", "user", "add", "olga", "--role", "agent"],
                                               input="another good secret\nanother good secret\n")
    assert result.exit_code == 0, result.output
    assert "olga (agent) created" in result.output


def test_user_add_refuses_short_passwords_duplicates_and_unknown_roles(desk_app):
    runner = desk_app.test_cli_runner()
    short = runner.invoke(args=["desk", "user", "add", "pat", "--role", "agent", "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "at least" in short.output
    duplicate = runner.invoke(args=["desk", "user", "add", "cora", "--role", "agent", "--password-stdin"],
                              input=PASSWORD + "\n")
    assert duplicate.exit_code == 1 and "exists" in duplicate.output
    role = runner.invoke(args=["desk", "user", "add", "quin", "--role", "admin", "--password-stdin"], input=PASSWORD)
    assert role.exit_code == 2


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(desk_app):
    client = desk_app.test_client()
    wrong_password = client.post("/desk/sign-in", data={"name": "cora", "password": "not it at all"})
    unknown_name = client.post("/desk/sign-in", data={"name": "nobody", "password": PASSWORD})
    assert wrong_password.status_code == unknown_name.status_code == 401
    assert "Wrong name or password." in wrong_password.text and "Wrong name or password." in unknown_name.text
    assert client.get("/desk/gaps").status_code == 302


def test_session_cookie_is_httponly_and_lax(desk_app):
    response = desk_app.test_client().post("/desk/sign-in", data={"name": "cora", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_over_https(desk_app):
    client = desk_app.test_client()
    response = client.post("/desk/sign-in", base_url="https://desk.example", data={"name": "cora", "password": PASSWORD})
    assert "Secure" in response.headers["Set-Cookie"]


def test_sign_out_ends_the_session_even_for_a_copied_cookie(desk_app):
    client = signed_in(desk_app, "cora")
    stolen = desk_app.test_client()
    cookie = client.get_cookie("session")
    stolen.set_cookie("session", cookie.value)
    assert stolen.get("/desk/gaps").status_code == 200
    assert client.post("/desk/sign-out").status_code == 302
    assert client.get("/desk/gaps").status_code == 302
    assert stolen.get("/desk/gaps").status_code == 302


def test_sign_in_goes_back_only_to_desk_pages(desk_app):
    client = desk_app.test_client()
    inside = client.post("/desk/sign-in", data={"name": "cora", "password": PASSWORD, "next": "/desk/audit"})
    assert inside.headers["Location"] == "/desk/audit"
    outside = desk_app.test_client().post("/desk/sign-in", data={"name": "cora", "password": PASSWORD,
                                                                  "next": "//evil.example/desk"})
    assert outside.headers["Location"] == "/desk/gaps"


def test_sign_in_needs_the_csrf_token(tmp_path, loaded_template):
    application = make_desk_app(tmp_path / "csrf.sqlite3", loaded_template, tmp_path, WTF_CSRF_ENABLED=True)
    try:
        client = application.test_client()
        assert client.post("/desk/sign-in", data={"name": "cora", "password": PASSWORD}).status_code == 400
        page = client.get("/desk/sign-in").text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        assert client.post("/desk/sign-in", data={"name": "cora", "password": PASSWORD,
                                                  "csrf_token": token}).status_code == 302
    finally:
        dispose(application)


def test_sign_in_attempts_are_rate_limited_per_account(tmp_path, loaded_template):
    application = make_desk_app(tmp_path / "limits.sqlite3", loaded_template, tmp_path, RATELIMIT_ENABLED=True,
                                RATELIMIT_EXEMPT_ADDRESSES=[], DESK_SIGNIN_ACCOUNT_RATE_LIMIT="3 per minute")
    try:
        client = application.test_client()
        codes = [client.post("/desk/sign-in", data={"name": "cora", "password": "guess number x"}).status_code
                 for _ in range(4)]
        assert codes == [401, 401, 401, 429]
        assert client.post("/desk/sign-in", data={"name": "cora", "password": PASSWORD}).status_code == 429
        assert client.get("/desk/sign-in").status_code == 200
    finally:
        dispose(application)
