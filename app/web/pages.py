"""What the HTML pages (chat and knowledge browse) share: the interface language and page headers."""
from __future__ import annotations

from flask import Response, has_request_context, request, session

from app.i18n import LANGUAGE_NAMES, STRINGS
from app.knowledge.model import LANGS

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
"""Every asset comes from the app itself, and no inline script can run: a second wall behind
escaping, should user text ever reach the page as HTML."""


def ui_lang() -> str:
    """The interface language: `?lang=`, else the one chosen in the chat, else the browser's, else English."""
    if not has_request_context():
        return "en"
    requested = request.args.get("lang")
    if requested in LANGS:
        return requested
    chosen = session.get("ui_lang")
    if chosen in LANGS:
        return chosen
    return request.accept_languages.best_match(LANGS) or "en"


def template_globals() -> dict:
    """Interface strings for every template, so base.html and error pages speak the page's language."""
    lang = ui_lang()
    return {"ui_lang": lang, "ui": STRINGS[lang], "language_names": LANGUAGE_NAMES, "langs": LANGS}


def page_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response
