"""Step-wise migrations: each step commits with its version bump, or not at all."""

import pytest

from desktop_app.store import migrations
from desktop_app.store.database import Register, key_path
from tests.conftest import PASSPHRASE


def backups(path):
    return sorted(path.parent.glob(f"{path.stem}.truoc-nang-cap-v*.sochibo"))


@pytest.fixture
def closed(register, register_path):
    register.close()
    return register_path


def _add_table(db):
    db.execute_sql("CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT)")


def _fail_half_way(db):
    db.execute_sql("CREATE TABLE half (id TEXT)")
    raise RuntimeError("step 3 breaks")


def test_next_step_runs_on_open_and_bumps_the_version(closed, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", {**migrations.STEPS, 2: _add_table})
    monkeypatch.setattr(migrations, "LATEST", 2)
    with Register.open(closed, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == 2
        assert reg.db.table_exists("note")
    [copy] = backups(closed)
    assert ".truoc-nang-cap-v1." in copy.name and key_path(copy).exists()
    monkeypatch.setattr(migrations, "LATEST", 1)  # the old program opens the copy as it was
    monkeypatch.setattr(migrations, "STEPS", {1: migrations.STEPS[1]})
    with Register.open(copy, PASSPHRASE) as old:
        assert old.pragma("user_version") == 1
        assert not old.db.table_exists("note")
        assert old.pragma("quick_check") == "ok"


def test_no_backup_when_nothing_to_migrate(closed):
    with Register.open(closed, PASSPHRASE):
        pass
    assert backups(closed) == []


def test_a_failing_step_leaves_the_last_good_version(closed, monkeypatch):
    steps = {**migrations.STEPS, 2: _add_table, 3: _fail_half_way}
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr(migrations, "LATEST", 3)
    with pytest.raises(RuntimeError, match="step 3"):
        Register.open(closed, PASSPHRASE)
    assert len(backups(closed)) == 1  # the copy of schema 1 was made before any step
    monkeypatch.setattr(migrations, "STEPS", {**migrations.STEPS, 2: _add_table})
    monkeypatch.setattr(migrations, "LATEST", 2)
    with Register.open(closed, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == 2
        assert not reg.db.table_exists("half")  # the failed step left nothing behind


def test_steps_are_numbered_without_gaps():
    assert sorted(migrations.STEPS) == list(range(1, migrations.LATEST + 1))
