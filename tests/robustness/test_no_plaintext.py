"""No plaintext: a whole session through the ``sochibo`` command (each step its own process,
with the data folder, HOME and TMPDIR inside one temporary folder), then every file in that
folder is searched for every person's full name and ID number, in UTF-8, UTF-16-LE, NFD and
accent-folded forms. Only the files the user asked to have in clear (the exported list) may
hold them, and the test checks they do: the search is shown to find what it looks for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import openpyxl

from desktop_app import paths
from desktop_app.domain.names import fold
from desktop_app.services import members, registers
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

ROOT = Path(__file__).resolve().parents[2]
DISTINCT = "Khổng Thị Ngọc Diệp"  # added, then renamed: both names must stay out of sight
RENAMED = "Khổng Thị Ngọc Diễm"
DISTINCT_ID = "001186004567"
IN_WAL, IN_WAL_ID = "Quàng Văn Nhật", "011090001357"  # written while the test looks
IMPORTED = [
    ("Tôn Nữ Thị Huyền Trân", "Nữ", "12/08/1979", "046179003321"),
    ("Ưng Văn Khiêm", "Nam", "03/1966", "046066007788"),
    ("Đoàn Thị Thuỷ", "Nữ", "1971", "046171009911"),
]


def _env(session: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOCHIBO_")}
    home = session / "home"
    env.update(
        SOCHIBO_HOME=str(home / "data"),
        SOCHIBO_PASSPHRASE=paths.DEMO_PASSPHRASE,
        HOME=str(home),
        TMPDIR=str(session / "tmp"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PYTHONDONTWRITEBYTECODE="1",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def sochibo(env: dict[str, str], *args: object) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, f"sochibo {' '.join(map(str, args))}: {done.stderr}"
    return done.stdout


def _source_list(path: Path) -> Path:
    path.parent.mkdir(parents=True)
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 5"])
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức",
               "Số CCCD"])  # fmt: skip
    for n, (name, sex, born, number) in enumerate(IMPORTED, start=1):
        ws.append([n, name, sex, born, "19/05/2001", "19/05/2002", number])
    book.save(path)
    return path


def forms(text: str) -> dict[str, bytes]:
    """The ways a program could spell a name or number in a file."""
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    folded = fold(text)
    return {
        "UTF-8": nfc.encode("utf-8"),
        "UTF-16-LE": nfc.encode("utf-16-le"),
        "NFD": nfd.encode("utf-8"),
        "NFD UTF-16-LE": nfd.encode("utf-16-le"),
        "folded": folded.encode("utf-8"),
        "folded UTF-16-LE": folded.encode("utf-16-le"),
    }


def contents(path: Path) -> list[bytes]:
    """The file's bytes, and for a zip (.xlsx, .ods, .docx…) each member's bytes too."""
    data = [path.read_bytes()]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data += [archive.read(name) for name in archive.namelist()]
    return data


def clear_text_in(path: Path, secrets: list[str]) -> list[str]:
    """What of ``secrets`` appears in the file, and how (folded forms case-insensitively)."""
    found = []
    for data in contents(path):
        lower = data.lower()  # ASCII only: enough for the folded forms
        for secret in secrets:
            for form, needle in forms(secret).items():
                if needle in (lower if form.startswith("folded") else data):
                    found.append(f"{secret!r} ({form})")
    return found


def test_no_file_the_program_wrote_holds_a_name_or_id_number_in_clear(tmp_path):
    session = tmp_path / "session"
    (session / "tmp").mkdir(parents=True)
    env = _env(session)
    source = _source_list(tmp_path / "nguon" / "danh-sach.xlsx")  # the user's file, not ours
    exported = session / "home" / "Tài liệu" / "danh-sach-xuat.xlsx"
    exported.parent.mkdir(parents=True)

    created = json.loads(sochibo(env, "demo", "--json"))
    reg = created["path"]
    added = json.loads(sochibo(
        env, "member", "add", "--register", reg, "--full-name", DISTINCT, "--sex", "Nữ",
        "--birth-date", "14/02/1986", "--id-number", DISTINCT_ID, "--membership", "official",
        "--ceremony-date", "19/05/2010", "--official-date", "19/05/2011", "--json",
    ))  # fmt: skip
    sochibo(env, "member", "update", "--register", reg, added["id"], "--full-name", RENAMED,
            "--phone", "0905123456", "--native-place", "Hương Trà, Thừa Thiên Huế")  # fmt: skip
    sochibo(env, "event", "add", "--register", reg, added["id"], "exemption", "--date",
            "01/10/2026", "--reason", f"Ốm dài ngày ({RENAMED})")  # fmt: skip
    sochibo(env, "import", source, "--register", reg)
    sochibo(env, "export", exported, "--register", reg)
    sochibo(env, "check", "--register", reg)
    sochibo(env, "audit", "--register", reg, "--person", added["id"], "--reveal")
    sochibo(env, "backup", "create", "--register", reg)
    sochibo(env, "backup", "create", "--register", reg, "--to", session / "usb")
    cell_code = json.loads(sochibo(env, "cell", "show", "--register", reg, "--json"))["code"]
    upper = UpperKeys.generate("Đảng ủy phường Quy Nhơn")
    enrolment = write_enrolment(upper.enrolment_for(cell_code), tmp_path / "e.sochibo-ghidanh")
    sochibo(env, "enrol", enrolment, "--register", reg)
    sent = json.loads(sochibo(env, "bundle", "export", "--to", session / "usb", "--register",
                              reg, "--json"))  # fmt: skip
    assert Path(sent["path"]).parent == session / "usb"
    people = json.loads(sochibo(env, "member", "list", "--register", reg, "--json"))

    secrets = sorted({DISTINCT, RENAMED, DISTINCT_ID, IN_WAL, IN_WAL_ID}
                     | {p["full_name"] for p in people}
                     | {p["id_number"] for p in people if p["id_number"]})  # fmt: skip
    assert {RENAMED, *(name for name, *_ in IMPORTED)} <= {p["full_name"] for p in people}
    assert len(secrets) > 80  # the demo cell's ~45 people and their numbers
    allowed = {exported}  # the only file the user asked to have in clear

    # a write still in the write-ahead log, not yet copied into the register file
    with registers.open_register(Path(reg), paths.DEMO_PASSPHRASE) as live:
        members.add_person(live, {"full_name": IN_WAL, "sex": "Nam", "id_number": IN_WAL_ID})
        assert Path(f"{reg}-wal").stat().st_size > 0
        assert Path(f"{reg}-wal") in _assert_nothing_in_clear(session, secrets, allowed)
    written = _assert_nothing_in_clear(session, secrets, allowed)
    assert Path(reg) in written and any(p.name.endswith(".keys") for p in written)
    print(
        f"{len(written)} files searched for {len(secrets)} names and numbers: "
        + ", ".join(str(p.relative_to(session)) for p in written)
    )


def _assert_nothing_in_clear(session: Path, secrets: list[str], allowed: set[Path]) -> list[Path]:
    written = sorted(p for p in session.rglob("*") if p.is_file())
    in_clear = {p: hits for p in written if (hits := clear_text_in(p, secrets))}
    leaks = {str(p.relative_to(session)): hits[:5] for p, hits in in_clear.items()
             if p not in allowed}  # fmt: skip
    assert not leaks, f"names or ID numbers in clear: {leaks}"
    # the search works: the export the user asked for is found holding the names
    assert set(in_clear) == allowed
    return written
