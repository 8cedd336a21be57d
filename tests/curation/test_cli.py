"""`flask kb check` and `flask kb import-doc`: the curators' commands, on the management app."""
import pytest
from flask_migrate import upgrade

from app.knowledge.files import write_entry_files
from app.manage import create_app as create_management_app
from tests.conftest import KNOWLEDGE_DIR, app_on_copy, dispose, make_app


@pytest.fixture
def runner(tmp_path, loaded_template):
    application = app_on_copy(tmp_path / "app.sqlite3", loaded_template, create_management_app)
    yield application.test_cli_runner()
    dispose(application)


@pytest.fixture
def empty_app(tmp_path):
    application = make_app(f"sqlite:///{tmp_path / 'empty.sqlite3'}", create_management_app)
    with application.app_context():
        upgrade()
    yield application
    dispose(application)


def test_the_web_app_has_no_curation_commands(app):
    result = app.test_cli_runner().invoke(args=["kb", "check"])
    assert result.exit_code != 0 and "No such command" in result.output


def test_check_passes_on_shipped_knowledge(runner):
    result = runner.invoke(args=["kb", "check"])
    assert result.exit_code == 0, result.output


def test_check_fails_on_a_gap(empty_app, shipped_entries, tmp_path):
    kept = [dict(e, related=[r for r in e["related"] if r != "stop-the-container"])
            for e in shipped_entries if e["id"] != "stop-the-container"]
    write_entry_files(kept, tmp_path)
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["kb", "load", "--dir", str(tmp_path)]).exit_code == 0
    result = runner.invoke(args=["kb", "check"])
    assert result.exit_code == 1
    assert "stop-the-container: missing" in result.output


def test_import_doc_writes_drafts(runner, tmp_path):
    source = KNOWLEDGE_DIR.parent / "sources" / "001_63ff1a15fb63d82a.txt"
    result = runner.invoke(args=["kb", "import-doc", str(source), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "get-logs.yaml").exists()


def test_import_doc_refuses_to_overwrite(runner, tmp_path):
    source = KNOWLEDGE_DIR.parent / "sources" / "001_63ff1a15fb63d82a.txt"
    runner.invoke(args=["kb", "import-doc", str(source), "--out", str(tmp_path)])
    result = runner.invoke(args=["kb", "import-doc", str(source), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "--overwrite" in result.output
