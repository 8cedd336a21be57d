"""What the HTML pages (chat and knowledge browse) share: the interface language and page headers."""
from __future__ import annotations

from flask import Response, has_request_context, request, session

from app.errors import CONTENT_SECURITY_POLICY, page_security_headers
from app.i18n import LANGUAGE_NAMES, STRINGS
from app.knowledge.model import LANGS

__all__ = ["CONTENT_SECURITY_POLICY", "page_headers", "template_globals", "ui_lang"]


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
    """The pages' security headers (defined in app/errors.py, which gives error pages the same)."""
    return page_security_headers(response)
