"""REST API v1: a versioned, strict JSON interface for bots and the support desk."""
from app.api.routes import bp

__all__ = ["bp"]
