"""First start without `make run`: the SQLite default migrates and loads itself; shared
databases are left to the release step."""
import pytest
from sqlalchemy import inspect

from app.bootstrap import prepare
from app.extensions import db
from tests.conftest import SHIPPED_COUNT, make_app


def test_first_start_on_a_new_sqlite_file_is_ready_to_answer(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'new' / 'db.sqlite3'}")
    prepare(app)
    body = app.test_client().get("/readyz").get_json()
    assert body["knowledge"]["entries"] == SHIPPED_COUNT


def test_second_start_changes_nothing(tmp_path, caplog):
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    prepare(app)
    caplog.clear()
    with caplog.at_level("INFO"):
        prepare(app)
    assert "knowledge loaded" not in caplog.text


@pytest.mark.postgres
def test_a_shared_postgres_database_is_never_migrated_on_start(postgres_url):
    app = make_app(postgres_url)
    prepare(app)
    with app.app_context():
        assert inspect(db.engine).get_table_names() == []
        db.engine.dispose()


def test_broken_knowledge_files_do_not_stop_the_start(tmp_path, caplog):
    folder = tmp_path / "entries" / "batch-endpoints"
    folder.mkdir(parents=True)
    (folder / "get-logs.yaml").write_text("id: [broken\n", encoding="utf-8")
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}", KNOWLEDGE_DIR=str(tmp_path / "entries"))
    prepare(app)
    assert "flask kb load" in caplog.text
    assert app.test_client().get("/healthz").status_code == 200
