"""REST API v1: a versioned, strict JSON interface for bots and the support desk."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from app.api import routes  # noqa: E402,F401  (routes attach themselves to bp)
