"""`flask kb load` and `flask kb export`, as curators use them."""
import shutil

from tests.conftest import KNOWLEDGE_DIR, SHIPPED_COUNT


def test_load_reports_counts(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["kb", "load"])
    assert result.exit_code == 0
    assert f"{SHIPPED_COUNT} added" in result.output


def test_load_if_changed_loads_an_empty_database(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["kb", "load", "--if-changed"])
    assert result.exit_code == 0 and f"{SHIPPED_COUNT} added" in result.output


def test_load_if_changed_skips_unchanged_files(runner):
    result = runner.invoke(args=["kb", "load", "--if-changed"])
    assert "unchanged since the last load" in result.output


def test_load_with_a_broken_file_loads_nothing_and_names_the_problem(empty_app, tmp_path):
    folder = tmp_path / "entries"
    shutil.copytree(KNOWLEDGE_DIR, folder)
    path = folder / "batch-endpoints" / "get-logs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: how-to", "kind: recipe"), encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["kb", "load", "--dir", str(folder)])
    assert result.exit_code == 1
    assert f"{path}: kind: must be one of" in result.output
    assert "nothing was loaded" in result.output


def test_export_round_trips_the_shipped_files(runner, tmp_path):
    result = runner.invoke(args=["kb", "export", str(tmp_path)])
    assert result.exit_code == 0
    exported = sorted(p.relative_to(tmp_path) for p in tmp_path.glob("*/*.yaml"))
    shipped = sorted(p.relative_to(KNOWLEDGE_DIR) for p in KNOWLEDGE_DIR.glob("*/*.yaml"))
    assert exported == shipped
    differing = [str(p) for p in exported
                 if (tmp_path / p).read_bytes() != (KNOWLEDGE_DIR / p).read_bytes()]
    assert differing == []
