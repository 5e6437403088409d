"""The live register stays on this computer: one on a USB stick or a network drive is copied
into the data folder (verified, through the backup API, -wal included) and the copy opened,
the original untouched; refusals leave nothing behind."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.services import members, placement, registers
from desktop_app.store import backup as store_backup
from desktop_app.store import journal
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import AlreadyOpen, NotARegister, RegisterError, WrongSecret
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.system import drives
from tests.conftest import CELL, PASSPHRASE
from tests.services.test_members import add, state_digest

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of a folder and a hash of its bytes."""
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


EMPTY = hashlib.sha256(b"").hexdigest()


def register_files(folder: Path) -> dict[str, str]:
    """The files SQLite and the program read. A read-only reader may leave SQLite's shared
    index (``-shm``) and an empty log where there was none: neither holds data."""
    return {
        name: digest
        for name, digest in fingerprint(folder).items()
        if not name.endswith("-shm") and not (name.endswith("-wal") and digest == EMPTY)
    }


@pytest.fixture
def stick(register, monkeypatch):
    """A closed register with one member on what the system calls a USB stick."""
    add(register)
    digest = state_digest(register)
    register.close()
    monkeypatch.setattr(drives, "drive_kind", lambda _path: drives.REMOVABLE)
    return register.path, digest


def names_in(reg: Register) -> list[str]:
    return [p.full_name for p in members.list_people(reg)]


# -- where a register may stay ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "ok", "words"),
    [
        ("removable", False, ["thiết bị nhớ rời", "USB", "rút thiết bị", "hai máy"]),
        ("network", False, ["ổ mạng", "mất kết nối", "hai máy"]),
        ("local", True, []),
        ("unknown", True, []),
    ],
)
def test_check_place_by_drive_kind(monkeypatch, tmp_path, kind, ok, words):
    monkeypatch.setattr(drives, "drive_kind", lambda _path: kind)
    where = placement.check_place(tmp_path / "chi-bo.sochibo")
    assert (where.kind, where.ok) == (kind, ok)
    for word in words:
        assert word in where.message
    if not ok:
        assert "«chi-bo.sochibo»" in where.message
        assert str(paths.data_dir()) in where.message and "giữ nguyên" in where.message
    else:
        assert where.message == ""


def test_registers_in_the_data_folder_may_stay_whatever_the_drive(monkeypatch):
    monkeypatch.setattr(drives, "drive_kind", lambda _path: drives.NETWORK)
    assert placement.check_place(paths.demo_register()).ok
    assert placement.check_place(paths.data_dir() / "so-chi-bo.sochibo").ok
    assert not placement.check_place(paths.data_dir().parent / "khac.sochibo").ok


# -- copying into the data folder --------------------------------------------------------------


def test_a_register_on_a_stick_is_copied_and_the_original_is_untouched(stick):
    path, digest = stick
    before = register_files(path.parent)
    copy = placement.move_into_data_folder(path, PASSPHRASE)
    assert copy == paths.data_dir() / "chi-bo.sochibo"
    assert key_path(copy).is_file()
    assert register_files(path.parent) == before
    with registers.open_register(copy, PASSPHRASE) as reg:
        assert state_digest(reg) == digest
        assert names_in(reg) == ["Nguyễn Thị Thu Hà"]
        assert journal.verify_chain().ok
    assert register_files(path.parent) == before
    assert not copy.read_bytes().startswith(b"SQLite format 3")


def test_open_copy_opens_the_copy_with_the_recovery_key_too(tmp_path, monkeypatch):
    path = tmp_path / "usb" / "thu-hai.sochibo"
    reg, recovery_key = registers.create_register(path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
    add(reg)
    reg.close()
    monkeypatch.setattr(drives, "drive_kind", lambda _path: drives.REMOVABLE)
    with placement.open_copy(path, recovery_key=recovery_key) as opened:
        assert opened.path == paths.data_dir() / "thu-hai.sochibo"
        assert names_in(opened) == ["Nguyễn Thị Thu Hà"]
    with registers.open_register(opened.path, PASSPHRASE) as again:  # the same passphrase
        assert names_in(again) == ["Nguyễn Thị Thu Hà"]


def test_an_open_register_is_copied_from_its_connection(register):
    add(register)
    copy = placement.move_into_data_folder(register)
    assert copy.parent == paths.data_dir() and copy.name == register.path.name
    head = journal.head()
    with Register.open_with_key(copy, register.data_key) as reg:
        assert journal.head() == head
        assert state_digest(reg) == state_digest(register)


def test_a_taken_name_is_never_overwritten(stick):
    path, _digest = stick
    home = paths.data_dir()
    home.mkdir(parents=True, exist_ok=True)
    (home / "chi-bo.sochibo").write_bytes(b"someone else's register")
    (home / "chi-bo-2.sochibo-wal").write_bytes(b"an orphan log")  # never paired with a copy
    (home / "chi-bo-3.sochibo.keys").write_text("{}")
    copy = placement.move_into_data_folder(path, PASSPHRASE)
    assert copy.name == "chi-bo-4.sochibo"
    assert (home / "chi-bo.sochibo").read_bytes() == b"someone else's register"
    assert (home / "chi-bo-2.sochibo-wal").read_bytes() == b"an orphan log"
    assert not (home / "chi-bo-2.sochibo").exists()


def test_free_name_for_odd_names(tmp_path):
    assert placement.free_name(tmp_path, "so.sochibo") == tmp_path / "so.sochibo"
    assert placement.free_name(tmp_path, ".sochibo") == tmp_path / "so-chi-bo.sochibo"
    assert placement.free_name(tmp_path, "ban cu") == tmp_path / "ban cu.sochibo"


CRASHING_WRITER = """
import os, sys
from pathlib import Path
from desktop_app.services import registers
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from tests.conftest import CELL, PASSPHRASE
from tests.services.test_members import add
reg = registers.open_register(Path(sys.argv[1]), PASSPHRASE)
add(reg, full_name="Lê Văn Tám", id_number="052185099999")
print("committed", flush=True)
os._exit(0)  # as if the stick was pulled or the power cut: the log is not checkpointed
"""


def crash_after_a_write(path: Path) -> Path:
    """Add a member to the register at ``path`` in a process that dies before closing it;
    returns the log (``-wal``) it leaves, which alone holds that member."""
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "committed", done.stderr
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    return wal


def test_a_log_left_by_a_crash_travels_with_the_copy(stick):
    path, _digest = stick
    crash_after_a_write(path)
    before = register_files(path.parent)
    with placement.open_copy(path, PASSPHRASE) as reg:
        assert sorted(names_in(reg)) == ["Lê Văn Tám", "Nguyễn Thị Thu Hà"]
    assert register_files(path.parent) == before  # the file and its log were only read


# -- refusals leave nothing behind --------------------------------------------------------------


def test_a_wrong_passphrase_copies_nothing(stick):
    path, _digest = stick
    with pytest.raises(WrongSecret):
        placement.open_copy(path, "sai mật khẩu")
    assert not paths.data_dir().exists() or not any(paths.data_dir().iterdir())


def test_a_register_held_by_another_program_is_not_copied(stick):
    path, _digest = stick
    with (
        registers.open_register(path, PASSPHRASE),
        pytest.raises(AlreadyOpen, match="đang được một chương trình khác mở"),
    ):
        placement.move_into_data_folder(path, PASSPHRASE)
    assert not any(paths.data_dir().glob("chi-bo*"))


def test_a_file_that_is_not_a_register_is_refused(stick, tmp_path):
    path, _digest = stick
    fake = tmp_path / "usb" / "gia.sochibo"
    fake.parent.mkdir()
    fake.write_bytes(os.urandom(4096))
    key_path(fake).write_bytes(key_path(path).read_bytes())
    with pytest.raises(NotARegister, match=r"gia\.sochibo"):
        placement.open_copy(fake, PASSPHRASE)
    assert not any(paths.data_dir().glob("gia*"))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(placement.PlacementError, match="Không tìm thấy sổ"):
        placement.move_into_data_folder(tmp_path / "usb" / "khong-co.sochibo", PASSPHRASE)


def test_a_register_already_in_the_data_folder_is_not_copied():
    home_path = paths.data_dir() / "so-chi-bo.sochibo"
    reg, _ = registers.create_register(home_path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
    with reg, pytest.raises(placement.PlacementError, match="đã nằm trong thư mục dữ liệu"):
        placement.move_into_data_folder(reg)
    assert sorted(p.name for p in paths.data_dir().iterdir()) == [
        "so-chi-bo.sochibo",
        "so-chi-bo.sochibo.keys",
    ]


def test_a_copy_is_never_paired_with_an_orphan_log(register, tmp_path):
    target = tmp_path / "ban-sao.sochibo"
    Path(f"{target}-wal").write_bytes(b"log of another file")
    with pytest.raises(RegisterError, match="-wal"):
        store_backup.verified_copy(register.db, register.data_key, register.key_file, target)
    assert sorted(p.name for p in tmp_path.glob("ban-sao*")) == ["ban-sao.sochibo-wal"]
