"""WSGI entry point: `gunicorn wsgi:app`.

On the embedded SQLite default the database is brought up to date first (see
app/bootstrap.py), so the app answers even when started without `make run`.
"""
from app import create_app
from app.bootstrap import prepare

app = create_app()
prepare(app)
