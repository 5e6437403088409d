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
    raise RuntimeError("the step breaks")


NOW = migrations.LATEST
REAL_STEPS = dict(migrations.STEPS)


def test_next_step_runs_on_open_and_bumps_the_version(closed, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", {**REAL_STEPS, NOW + 1: _add_table})
    monkeypatch.setattr(migrations, "LATEST", NOW + 1)
    with Register.open(closed, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == NOW + 1
        assert reg.db.table_exists("note")
    [copy] = backups(closed)
    assert f".truoc-nang-cap-v{NOW}." in copy.name and key_path(copy).exists()
    monkeypatch.setattr(migrations, "LATEST", NOW)  # the old program opens the copy as it was
    monkeypatch.setattr(migrations, "STEPS", REAL_STEPS)
    with Register.open(copy, PASSPHRASE) as old:
        assert old.pragma("user_version") == NOW
        assert not old.db.table_exists("note")
        assert old.pragma("quick_check") == "ok"


def test_no_backup_when_nothing_to_migrate(closed):
    with Register.open(closed, PASSPHRASE):
        pass
    assert backups(closed) == []


def test_a_failing_step_leaves_the_last_good_version(closed, monkeypatch):
    steps = {**REAL_STEPS, NOW + 1: _add_table, NOW + 2: _fail_half_way}
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr(migrations, "LATEST", NOW + 2)
    with pytest.raises(RuntimeError, match="the step breaks"):
        Register.open(closed, PASSPHRASE)
    assert len(backups(closed)) == 1  # the copy was made before any step
    monkeypatch.setattr(migrations, "STEPS", {**REAL_STEPS, NOW + 1: _add_table})
    monkeypatch.setattr(migrations, "LATEST", NOW + 1)
    with Register.open(closed, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == NOW + 1
        assert not reg.db.table_exists("half")  # the failed step left nothing behind


def test_steps_are_numbered_without_gaps():
    assert sorted(migrations.STEPS) == list(range(1, migrations.LATEST + 1))


def test_the_migrated_schema_has_every_column_of_the_models(register):
    from desktop_app.store.models import MODELS

    for model in MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in register.db.execute_sql(f'PRAGMA table_info("{table}")')}
        assert columns == set(model._meta.columns), table


def test_a_schema_1_register_keeps_its_people_through_step_2(register_path, monkeypatch):
    from desktop_app.services import members

    first = {1: migrations.STEPS[1]}
    monkeypatch.setattr(migrations, "STEPS", first)
    monkeypatch.setattr(migrations, "LATEST", 1)
    from desktop_app.store.keys import FAST_KDF_FOR_TESTS

    reg, _ = Register.create(register_path, PASSPHRASE, kdf=FAST_KDF_FOR_TESTS)
    with reg:
        person = members.add_person(reg, {"full_name": "Lê Thị Hoa", "sex": "female"})
    monkeypatch.undo()
    with Register.open(register_path, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == migrations.LATEST
        assert members.get_person(reg, person.id).full_name == "Lê Thị Hoa"
        assert members.list_events(reg, person.id) == []
