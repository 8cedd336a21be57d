"""Gunicorn settings used by `make run`; command-line flags override them."""


def post_worker_init(worker):
    """Build the matcher before the worker takes traffic, so no request waits for it."""
    from app.knowledge.service import current_matcher

    app = worker.wsgi
    with app.app_context():
        try:
            current_matcher()
        except Exception:  # noqa: BLE001 - a worker without knowledge still serves health checks
            worker.log.exception("matcher warm-up failed; it will be built on the first request")
