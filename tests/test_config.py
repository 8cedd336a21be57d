"""SECRET_KEY: no public default. Unset, the server creates a random key once in the instance
folder (owner-only), and every later start and every worker uses that same key; the old
published default stops the start with a clear error."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.bootstrap import prepare
from app.config import (
    ROOT,
    SECRET_KEY_FILE,
    InsecureSecretKey,
    check_secret_key,
    instance_secret_key,
)
from tests.conftest import make_app

OLD_DEFAULT = "dev-only-change-me"


def _clean_environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "INSTANCE_DIR")}
    return {**env, **extra}


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_a_missing_key_is_created_once_readable_by_the_owner_only(tmp_path):
    folder = tmp_path / "instance"
    key = instance_secret_key(folder)
    path = folder / SECRET_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == key
    assert len(key) >= 64 and key != OLD_DEFAULT
    assert sorted(p.name for p in folder.iterdir()) == [SECRET_KEY_FILE]  # no temporary file left behind


def test_the_key_is_reused_on_later_starts(tmp_path):
    first = instance_secret_key(tmp_path)
    modified = (tmp_path / SECRET_KEY_FILE).stat().st_mtime_ns
    assert instance_secret_key(tmp_path) == first
    assert (tmp_path / SECRET_KEY_FILE).stat().st_mtime_ns == modified


def test_each_instance_gets_its_own_random_key(tmp_path):
    assert instance_secret_key(tmp_path / "a") != instance_secret_key(tmp_path / "b")


def test_threads_starting_together_agree_on_one_key(tmp_path):
    barrier = threading.Barrier(16)

    def start(_: int) -> str:
        barrier.wait(timeout=30)
        return instance_secret_key(tmp_path)

    with ThreadPoolExecutor(16) as pool:
        keys = set(pool.map(start, range(16)))
    assert keys == {(tmp_path / SECRET_KEY_FILE).read_text().strip()}
    assert sorted(p.name for p in tmp_path.iterdir()) == [SECRET_KEY_FILE]


def test_worker_processes_starting_together_agree_on_one_key(tmp_path):
    """Gunicorn workers import the app at the same moment: they must end up with the same key."""
    go = tmp_path / "go"
    code = ("import os, sys, time\n"
            "from pathlib import Path\n"
            "from app.config import instance_secret_key\n"
            f"while not os.path.exists({str(go)!r}): time.sleep(0.001)\n"
            f"print(instance_secret_key(Path({str(tmp_path / 'instance')!r})))\n")
    workers = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=_clean_environment(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(8)]
    go.touch()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers), outputs
    assert {out.strip() for out, _ in outputs} == {(tmp_path / "instance" / SECRET_KEY_FILE).read_text().strip()}


def test_the_server_start_uses_the_instance_key_when_none_is_set(tmp_path, loaded_template):
    """What wsgi.py does: two starts (or two workers) sign with the same key, so sessions survive restarts."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(loaded_template, database)
    apps = [make_app(f"sqlite:///{database}", SECRET_KEY=None, INSTANCE_DIR=str(tmp_path / "instance"))
            for _ in range(2)]
    for app in apps:
        prepare(app)
    key = (tmp_path / "instance" / SECRET_KEY_FILE).read_text().strip()
    assert [app.config["SECRET_KEY"] for app in apps] == [key, key]

    first, second = (app.test_client() for app in apps)
    assert first.post("/chat/messages", json={"text": "ERR_1100"}).status_code == 200
    second.set_cookie("session", first.get_cookie("session").value)
    assert len(second.get("/chat/history").get_json()["messages"]) == 2


def test_wsgi_without_a_secret_key_creates_the_instance_key(tmp_path, loaded_template):
    database = tmp_path / "db.sqlite3"
    shutil.copy(loaded_template, database)
    env = _clean_environment(DATABASE_URL=f"sqlite:///{database}", INSTANCE_DIR=str(tmp_path / "instance"))
    done = _python("import wsgi; print(wsgi.app.config['SECRET_KEY'])", env)
    assert done.returncode == 0, done.stderr[-2000:]
    path = tmp_path / "instance" / SECRET_KEY_FILE
    assert done.stdout.strip().splitlines()[-1] == path.read_text().strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_configuration_has_no_default_key(tmp_path):
    done = _python("from app.config import Config; print(Config.SECRET_KEY)",
                   _clean_environment(INSTANCE_DIR=str(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"
    assert list(tmp_path.iterdir()) == []  # loading the configuration wrote nothing


def test_an_app_given_its_key_touches_no_file(tmp_path, loaded_template):
    """The test suite's apps (and any deployment with SECRET_KEY set) never read or write the key file."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(loaded_template, database)
    app = make_app(f"sqlite:///{database}", INSTANCE_DIR=str(tmp_path / "instance"))
    prepare(app)
    assert app.config["SECRET_KEY"] == "test-secret"
    assert not (tmp_path / "instance").exists()


@pytest.mark.parametrize("value", [OLD_DEFAULT, f" {OLD_DEFAULT}\n"])
def test_the_old_public_default_is_refused(value):
    with pytest.raises(InsecureSecretKey, match="public default"):
        check_secret_key(value)


def test_a_server_start_with_the_old_default_is_refused(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}", SECRET_KEY=OLD_DEFAULT,
                   INSTANCE_DIR=str(tmp_path / "instance"))
    with pytest.raises(InsecureSecretKey):
        prepare(app)


def test_the_app_does_not_start_with_the_old_default_in_the_environment(tmp_path):
    env = _clean_environment(SECRET_KEY=OLD_DEFAULT, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
                             INSTANCE_DIR=str(tmp_path / "instance"))
    done = _python("import wsgi", env)
    assert done.returncode != 0
    assert "SECRET_KEY is set to the public default" in done.stderr
