"""Opening a register: the pragmas, and every way opening must fail without touching it."""

import hashlib
import multiprocessing
import shutil

import pytest

from desktop_app.store import migrations
from desktop_app.store.database import PRAGMAS, Register, key_path
from desktop_app.store.errors import (
    AlreadyOpen,
    KeyFileError,
    NewerRegister,
    NotARegister,
    RegisterExists,
    WrongSecret,
)
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from tests.conftest import PASSPHRASE


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed(register, register_path):
    register.close()
    return register_path


def test_pragmas_are_in_force(register):
    assert register.pragma("journal_mode") == "wal"
    assert register.pragma("synchronous") == 2  # FULL
    assert register.pragma("foreign_keys") == 1
    assert register.pragma("locking_mode") == "exclusive"
    assert register.pragma("user_version") == migrations.LATEST
    assert dict(PRAGMAS)["locking_mode"] == "EXCLUSIVE"


def test_file_is_encrypted(closed):
    data = closed.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert "Nguyễn Trân".encode() not in data and b"CB-NT" not in data


def test_files_are_private(closed):
    import os
    import stat

    if os.name == "posix":
        assert stat.S_IMODE(closed.stat().st_mode) == 0o600
        assert stat.S_IMODE(key_path(closed).stat().st_mode) == 0o600
        assert stat.S_IMODE(closed.parent.stat().st_mode) == 0o700  # a new folder is private


def test_wrong_passphrase_changes_nothing(closed):
    before = digest(closed), digest(key_path(closed))
    with pytest.raises(WrongSecret, match="Mật khẩu không đúng"):
        Register.open(closed, "sai mật khẩu")
    assert (digest(closed), digest(key_path(closed))) == before


def test_reopen(closed):
    with Register.open(closed, PASSPHRASE) as reg:
        assert reg.pragma("quick_check") == "ok"
        assert not closed.with_name(closed.name + "-shm").exists()  # exclusive WAL: no shm


def test_not_a_register(tmp_path):
    path = tmp_path / "khac.sochibo"
    path.write_bytes(b"Hello, this is a Word document." * 100)
    with pytest.raises((NotARegister, KeyFileError)):
        Register.open(path, PASSPHRASE)


def test_plain_sqlite_file(tmp_path):
    import sqlite3

    path = tmp_path / "plain.sochibo"
    sqlite3.connect(path).execute("create table t(x)").connection.close()
    with pytest.raises(NotARegister, match="không mã hóa"):
        Register.open(path, PASSPHRASE)


def test_foreign_file_with_our_key_file(closed, tmp_path):
    """Garbage in place of the register (e.g. a broken copy) with the right key file."""
    closed.write_bytes(bytes(range(256)) * 64)
    before = digest(closed)
    with pytest.raises(NotARegister):
        Register.open(closed, PASSPHRASE)
    assert digest(closed) == before


@pytest.mark.parametrize("keep", [0, 100, 4096 + 100, 1024 * 8])
def test_truncated_register(closed, keep):
    data = closed.read_bytes()
    closed.write_bytes(data[:keep])
    with pytest.raises(NotARegister):
        Register.open(closed, PASSPHRASE)


def test_missing_key_file(closed):
    key_path(closed).unlink()
    with pytest.raises(KeyFileError, match="tệp khóa"):
        Register.open(closed, PASSPHRASE)


def test_key_file_of_another_register(closed, tmp_path):
    other = tmp_path / "other.sochibo"
    Register.create(other, PASSPHRASE, kdf=FAST_KDF_FOR_TESTS)[0].close()
    shutil.copy(key_path(other), key_path(closed))
    with pytest.raises(NotARegister):
        Register.open(closed, PASSPHRASE)


def test_newer_register_is_refused_untouched(closed):
    with Register.open(closed, PASSPHRASE) as reg:
        reg.db.execute_sql(f"PRAGMA user_version = {migrations.LATEST + 1}")
    before = digest(closed)
    with pytest.raises(NewerRegister, match="phiên bản mới hơn"):
        Register.open(closed, PASSPHRASE)
    assert digest(closed) == before


def test_create_refuses_to_overwrite(closed):
    with pytest.raises(RegisterExists):
        Register.create(closed, PASSPHRASE, kdf=FAST_KDF_FOR_TESTS)


def test_failed_initialise_leaves_nothing(tmp_path):
    path = tmp_path / "new" / "x.sochibo"

    def boom(reg):
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        Register.create(path, PASSPHRASE, kdf=FAST_KDF_FOR_TESTS, initialise=boom)
    assert not path.exists() and not key_path(path).exists()
    assert list(path.parent.iterdir()) == []


def _hold(path, ready, release):
    with Register.open(path, PASSPHRASE):
        ready.set()
        release.wait(20)


def test_second_instance_gets_a_friendly_message(closed):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(closed, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(AlreadyOpen, match="đang được mở"):
            Register.open(closed, PASSPHRASE)
    finally:
        release.set()
        holder.join(30)
    with Register.open(closed, PASSPHRASE):
        pass


def test_half_made_register_is_refused_untouched(closed):
    with Register.open(closed, PASSPHRASE) as reg:
        reg.db.execute_sql("PRAGMA user_version = 0")
    before = digest(closed)
    with pytest.raises(NotARegister, match="chưa tạo xong"):
        Register.open(closed, PASSPHRASE)
    assert digest(closed) == before
