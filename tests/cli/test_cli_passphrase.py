"""``sochibo passphrase change|recover|new-recovery-key|sheet``: the happy paths, and every bad
input refused with its Vietnamese message while the register and its key file stay
byte-identical."""

from __future__ import annotations

import getpass
import json
import sys

import pytest

from desktop_app.cli import main
from desktop_app.services import registers
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import WrongRecoveryKey, WrongSecret
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from tests.conftest import CELL
from tests.forms.pdfcheck import assert_sound

OLD = "mật khẩu cũ của chi bộ"
NEW = "Hoa sen nở trong đầm nước"


@pytest.fixture
def made(tmp_path, monkeypatch):
    """A closed register (cheap Argon2 cost), its recovery key, and the old passphrase set."""
    path = tmp_path / "so" / "cb.sochibo"
    reg, recovery = registers.create_register(path, OLD, CELL, kdf=FAST_KDF_FOR_TESTS)
    reg.close()
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", OLD)
    return path, recovery


def secret_file(tmp_path, text, name="moi.txt"):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def files(path):
    return (
        path.read_bytes(),
        key_path(path).read_bytes(),
        sorted(p.name for p in path.parent.iterdir()),
    )


def typed(monkeypatch, *answers):
    """Answers to the getpass prompts, in order, as if typed at a terminal."""
    queue = list(answers)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": queue.pop(0))
    return queue


# -- change ---------------------------------------------------------------------------------------


def test_change_from_a_file(made, tmp_path, capsys):
    path, recovery = made
    code, out, err = run(
        capsys,
        "passphrase",
        "change",
        "--register",
        path,
        "--new-passphrase-file",
        secret_file(tmp_path, NEW),
        "--json",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["passphrase_changed"] and doc["strength"] == "strong"
    assert NEW not in out and OLD not in out
    Register.open(path, NEW).close()
    with pytest.raises(WrongSecret):
        Register.open(path, OLD)
    Register.open(path, recovery_key=recovery).close()
    assert not list(path.parent.glob("*.bak-*"))


def test_change_typed_twice(made, monkeypatch, capsys):
    path, _ = made
    typed(monkeypatch, NEW, NEW)
    code, out, err = run(capsys, "passphrase", "change", "--register", path)
    assert code == 0, err
    assert "Đã đổi mật khẩu của sổ «cb.sochibo». Độ mạnh: Mạnh." in out
    Register.open(path, NEW).close()


def test_change_with_the_real_argon2_cost(reg, tmp_path, capsys):
    """The register made by ``sochibo init`` (default cost, 64 MiB) keeps its cost."""
    code, _, err = run(
        capsys,
        "passphrase",
        "change",
        "--register",
        reg,
        "--new-passphrase-file",
        secret_file(tmp_path, NEW),
    )
    assert code == 0, err
    doc = json.loads(key_path(reg).read_text(encoding="utf-8"))
    assert doc["passphrase"]["memory_kib"] == 64 * 1024
    Register.open(reg, NEW).close()


def test_the_old_passphrase_from_a_file(made, tmp_path, monkeypatch, capsys):
    path, _ = made
    monkeypatch.delenv("SOCHIBO_PASSPHRASE")
    code, _, err = run(
        capsys,
        "passphrase",
        "change",
        "--register",
        path,
        "--passphrase-file",
        secret_file(tmp_path, OLD, "cu.txt"),
        "--new-passphrase-file",
        secret_file(tmp_path, NEW),
    )
    assert code == 0, err
    Register.open(path, NEW).close()


CHANGE_REFUSALS = [
    # (old passphrase, new passphrase file text or prompts, expected message)
    ("mật khẩu sai rồi", NEW, "Mật khẩu không đúng. Sổ không bị thay đổi gì."),
    (OLD, "chibo2026", "Mật khẩu mới: còn yếu"),
    (OLD, "12345678", "chỉ có chữ số"),
    (OLD, "Nguyễn Trân 1975", "tên hoặc mã của chi bộ"),
    (OLD, "ngắn", "quá ngắn: cần ít nhất 8 ký tự"),
    (OLD, OLD, "trùng với mật khẩu hiện tại"),
    (OLD, ("Hoa sen nở trong đầm", "Hoa sen nở trong đầm nước"), "không khớp với mật khẩu mới"),
]


@pytest.mark.parametrize(
    ("old", "new", "message"), CHANGE_REFUSALS, ids=[m for *_, m in CHANGE_REFUSALS]
)
def test_change_refusals_leave_the_files_byte_identical(
    made, tmp_path, monkeypatch, capsys, old, new, message
):
    path, _ = made
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", old)
    before = files(path)
    options = ["--register", path]
    if isinstance(new, tuple):
        typed(monkeypatch, *new)
    else:
        options += ["--new-passphrase-file", secret_file(tmp_path, new)]
    code, out, err = run(capsys, "passphrase", "change", *options)
    assert code == 1 and out == ""
    assert err.startswith("Lỗi: ") and message in err, err
    assert files(path) == before
    Register.open(path, OLD).close()


def test_change_without_a_terminal_needs_the_file(made, capsys, monkeypatch):
    path, _ = made
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    before = files(path)
    code, _, err = run(capsys, "passphrase", "change", "--register", path)
    assert code == 1 and "--new-passphrase-file" in err
    assert files(path) == before


def test_an_unreadable_new_passphrase_file(made, tmp_path, capsys):
    path, _ = made
    before = files(path)
    code, _, err = run(
        capsys,
        "passphrase",
        "change",
        "--register",
        path,
        "--new-passphrase-file",
        tmp_path / "khong-co.txt",
    )
    assert code == 1 and "Không đọc được mật khẩu mới từ tệp" in err
    assert files(path) == before


def test_no_register_there(tmp_path, capsys):
    code, _, err = run(capsys, "passphrase", "change", "--register", tmp_path / "khong.sochibo")
    assert code == 1 and "Chưa có sổ tại" in err


# -- recover --------------------------------------------------------------------------------------


def test_recover_with_the_key_typed_loosely(made, tmp_path, monkeypatch, capsys):
    path, recovery = made
    monkeypatch.delenv("SOCHIBO_PASSPHRASE")  # the passphrase is forgotten
    loose = recovery.lower().replace("-", " ")
    code, out, err = run(
        capsys,
        "passphrase",
        "recover",
        "--register",
        path,
        "--recovery-key",
        loose,
        "--new-passphrase-file",
        secret_file(tmp_path, NEW),
        "--json",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["passphrase_changed"] and doc["recovery_key_still_valid"]
    assert recovery not in out
    Register.open(path, NEW).close()
    with pytest.raises(WrongSecret):
        Register.open(path, OLD)


def test_recover_with_everything_typed(made, monkeypatch, capsys):
    path, recovery = made
    typed(monkeypatch, recovery, NEW, NEW)
    code, out, err = run(capsys, "passphrase", "recover", "--register", path)
    assert code == 0, err
    assert "khóa khôi phục vẫn dùng được" in out
    Register.open(path, NEW).close()


def _typo(key: str) -> str:
    return ("0" if key[0] != "0" else "1") + key[1:]


RECOVER_REFUSALS = [
    # (recovery key (None: the right one, "typo": one character wrong), new, message)
    ("AAAA-BBBB", NEW, "Khóa khôi phục gồm 9 nhóm"),
    ("typo", NEW, "bị gõ sai một vài ký tự"),
    ("other", NEW, "Khóa khôi phục này không phải của sổ này."),
    (None, "chibo2026", "còn yếu"),
    (None, "1234 5678", "chỉ có chữ số"),
    (None, ("Hoa sen nở trong đầm nước", "Hoa sen no trong dam nuoc"), "không khớp"),
]


@pytest.mark.parametrize(
    ("key", "new", "message"), RECOVER_REFUSALS, ids=[m for *_, m in RECOVER_REFUSALS]
)
def test_recover_refusals_leave_the_files_byte_identical(
    made, tmp_path, monkeypatch, capsys, key, new, message
):
    path, recovery = made
    if key is None:
        key = recovery
    elif key == "typo":
        key = _typo(recovery)
    elif key == "other":
        other, key = registers.create_register(
            tmp_path / "khac" / "khac.sochibo", OLD, CELL, kdf=FAST_KDF_FOR_TESTS
        )
        other.close()
    before = files(path)
    options = ["--register", path, "--recovery-key", key]
    if isinstance(new, tuple):
        typed(monkeypatch, *new)
    else:
        options += ["--new-passphrase-file", secret_file(tmp_path, new)]
    code, out, err = run(capsys, "passphrase", "recover", *options)
    assert code == 1 and out == ""
    assert message in err, err
    assert files(path) == before
    Register.open(path, OLD).close()


# -- a new recovery key, and the sheet ------------------------------------------------------------


def test_new_recovery_key_with_its_sheet(made, tmp_path, capsys):
    path, old_key = made
    sheet = tmp_path / "to-khoa.pdf"
    code, out, err = run(
        capsys, "passphrase", "new-recovery-key", "--register", path, "--sheet", sheet, "--json"
    )
    assert code == 0, err
    doc = json.loads(out)
    fresh = doc["recovery_key"]
    assert fresh != old_key and doc["sheet"] == str(sheet)
    with pytest.raises(WrongRecoveryKey):
        Register.open(path, recovery_key=old_key)
    Register.open(path, recovery_key=fresh).close()
    pdf = assert_sound(sheet.read_bytes())
    try:
        assert fresh.replace("-", "") in "".join(pdf.text().split())
        assert CELL["name"] in pdf.flat()
    finally:
        pdf.close()
    assert not list(tmp_path.glob("*.dang-ghi"))


def test_new_recovery_key_as_text(made, capsys):
    path, _ = made
    code, out, err = run(capsys, "passphrase", "new-recovery-key", "--register", path)
    assert code == 0, err
    assert "KHÓA KHÔI PHỤC MỚI" in out and "Khóa cũ không còn mở được sổ này." in out


@pytest.mark.parametrize(
    ("secret", "sheet", "message"),
    [
        ("mật khẩu sai rồi", None, "Mật khẩu không đúng"),
        (OLD, "to-khoa.txt", "phải có đuôi .pdf"),
        (OLD, "khong-co/to-khoa.pdf", "Không có thư mục"),
    ],
)
def test_new_recovery_key_refusals(made, tmp_path, monkeypatch, capsys, secret, sheet, message):
    path, old_key = made
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", secret)
    before = files(path)
    options = ["--sheet", tmp_path / sheet] if sheet else []
    code, _, err = run(capsys, "passphrase", "new-recovery-key", "--register", path, *options)
    assert code == 1 and message in err, err
    assert files(path) == before
    Register.open(path, recovery_key=old_key).close()


def test_sheet_for_the_current_key(made, tmp_path, capsys):
    path, recovery = made
    out = tmp_path / "to.pdf"
    code, _, err = run(
        capsys, "passphrase", "sheet", "--register", path, "--recovery-key", recovery, "--out", out
    )
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")


def test_no_sheet_for_a_wrong_key(made, tmp_path, capsys):
    path, recovery = made
    out = tmp_path / "to.pdf"
    code, _, err = run(
        capsys,
        "passphrase",
        "sheet",
        "--register",
        path,
        "--recovery-key",
        _typo(recovery),
        "--out",
        out,
    )
    assert code == 1 and "gõ sai" in err
    assert not out.exists()
