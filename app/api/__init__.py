"""REST API v1: a versioned, strict JSON interface for bots and the support desk."""
from flask import Blueprint

from app.api.access import add_cors_headers, reject_unknown_api_key
from app.extensions import limiter
from app.ratelimit import current_limit, is_preflight

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# One budget per caller across the whole API (not per endpoint); it replaces the app-wide default.
limiter.shared_limit(current_limit, scope="api", exempt_when=is_preflight)(bp)
bp.before_request(reject_unknown_api_key)
bp.after_app_request(add_cors_headers)

from app.api import routes  # noqa: E402,F401  (routes attach themselves to bp)
