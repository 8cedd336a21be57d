"""Application factory: configuration, extensions and blueprints; no I/O at import or build time."""
from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app.api.fast_json import OrjsonProvider
from app.config import Config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build an app; `overrides` replace config values (tests pass a temporary database)."""
    app = Flask(__name__, instance_relative_config=False)
    app.json = OrjsonProvider(app)
    app.config.from_object(Config)
    if overrides:
        app.config.update(overrides)
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

    from app import models  # noqa: F401  (registers every table with the metadata)
    from app.extensions import csrf, db, limiter, migrate
    db.init_app(app)
    migrate.init_app(app, db, directory=app.config["MIGRATIONS_DIR"], render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)

    from app.database import configure_sqlite
    with app.app_context():
        configure_sqlite(db.engine)

    from app import errors
    from app.observability import metrics, requests
    errors.register(app)
    requests.init_app(app)
    metrics.init_app(app)

    from app.api import bp as api_bp
    from app.store.cli import kb_cli
    from app.web.browse import bp as knowledge_bp
    from app.web.chat import conversation_bp
    from app.web.chat import page_bp as chat_bp
    from app.web.health import bp as health_bp
    app.register_blueprint(health_bp)
    app.register_blueprint(chat_bp)
    app.register_blueprint(conversation_bp)
    app.register_blueprint(knowledge_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)
    app.cli.add_command(kb_cli)

    from app.desk.auth import HttpsAwareSessionInterface
    from app.desk.cli import desk_cli
    from app.desk.views import bp as desk_bp
    app.session_interface = HttpsAwareSessionInterface()
    app.register_blueprint(desk_bp)
    app.cli.add_command(desk_cli)
    return app
