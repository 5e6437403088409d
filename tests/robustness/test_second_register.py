"""A second register opened beside the live one (a backup under test, a copy being checked, a
damaged file refused) must leave the live register working and its writes in its own file:
the models follow the register opened last, and closing it gives them back."""

from __future__ import annotations

import shutil

import pytest

from desktop_app.services import members
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import RegisterError
from tests.conftest import PASSPHRASE, TODAY


def _copy(register, tmp_path, name):
    target = tmp_path / name / register.path.name
    target.parent.mkdir()
    shutil.copyfile(register.path, target)
    shutil.copyfile(key_path(register.path), key_path(target))
    return target


def _add(reg, name):
    return members.add_person(reg, {"full_name": name, "sex": "male"}, today=TODAY)


def test_closing_a_copy_gives_the_live_register_back(register, tmp_path):
    _add(register, "Nguyễn Văn An")
    register.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = _copy(register, tmp_path, "ban-sao")
    with Register.open(copy, PASSPHRASE) as other:
        assert [p.full_name for p in members.list_people(other)] == ["Nguyễn Văn An"]
    _add(register, "Trần Văn Bình")  # lands in the live file, not in the closed copy
    assert len(members.list_people(register)) == 2
    with Register.open(copy, PASSPHRASE) as other:
        assert len(members.list_people(other)) == 1
    assert len(members.list_people(register)) == 2


def test_a_refused_file_leaves_the_live_register_working(register, tmp_path):
    damaged = _copy(register, tmp_path, "hong")
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF  # a page that no longer authenticates
    damaged.write_bytes(bytes(data))
    with pytest.raises(RegisterError, match="bị hỏng"):
        Register.open(damaged, PASSPHRASE)
    _add(register, "Lê Văn Cường")
    assert damaged.read_bytes() == bytes(data)  # the write went to the live file
    register.close()
    with Register.open(register.path, PASSPHRASE) as live:
        assert [p.full_name for p in members.list_people(live)] == ["Lê Văn Cường"]
