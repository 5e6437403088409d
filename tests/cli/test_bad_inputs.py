"""Bad input through the ``sochibo`` command: a table of cases, each with the Vietnamese message
expected on stderr and the exit code (1: refused; 2: the command typed wrong), and the register
left exactly as it was.

"Exactly as it was" is checked twice. The content: the journal head (sequence and hash) and
every row of every table, ids, versions and times included; any write, even one undone by a
later write, moves the journal head. The files: the register's and the key file's bytes and
the folder's listing. A refused command commits nothing, so nothing reaches the write-ahead log
and closing the register has nothing to copy back (a checkpoint changes the file's bytes only
when the log holds committed pages): the bytes stay the same, and a -wal or other file left
behind would show in the listing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shlex
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.services import development, meetings, registers
from desktop_app.store import journal
from desktop_app.store.database import key_path
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.store.models import JOURNALLED, Meta
from tests.conftest import CELL, PASSPHRASE
from tests.services.pipeline import official

TODAY = dt.date.today()  # the command works on the real today
FUTURE = "01/01/2099"


@dataclass
class Setup:
    path: Path
    files: Path
    ids: dict[str, str]


@pytest.fixture(scope="module")
def setup(tmp_path_factory) -> Setup:
    """One register shared by every case (each must leave it as it found it), and the odd
    files some cases need."""
    folder = tmp_path_factory.mktemp("bad-inputs")
    path = folder / "so" / "chi-bo.sochibo"
    reg, _ = registers.create_register(path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
    ids = {
        "an": official(reg, "Nguyễn Văn An", id_number="051065001234"),
        "binh": official(reg, "Trần Thị Bình", "female"),
        "cuong": official(reg, "Lê Văn Cường"),
        "dung": official(reg, "Phạm Thị Dung", "female"),
    }
    ids["duyen"] = development.add_candidate(
        reg, {"full_name": "Huỳnh Thị Mỹ Duyên", "sex": "female", "birth_date": "10/05/1998"},
        pool_date=dt.date(2024, 9, 3),
    ).id  # fmt: skip
    ids["held"] = meetings.add_meeting(reg, {"kind": "regular", "date": dt.date(2026, 3, 5)}).id
    ids["planned"] = meetings.add_meeting(
        reg, {"kind": "regular", "date": dt.date(2099, 3, 5), "held": False}
    ).id
    reg.close()
    files = folder / "tep"
    _odd_files(files, path)
    return Setup(path, files, ids)


def _odd_files(files: Path, register: Path) -> None:
    files.mkdir()
    (files / "ghi-chu.txt").write_text("không phải sổ\n", encoding="utf-8")
    (files / "van-ban.pdf").write_bytes(b"%PDF-1.4\n% not a list\n")
    (files / "hong.xlsx").write_bytes(b"PK\x03\x04 this zip was cut short")
    (files / "rong.sochibo").write_bytes(b"\0" * 4096)
    key_path(files / "rong.sochibo").write_bytes(key_path(register).read_bytes())
    (files / "mat-khau-trong.txt").write_text("", encoding="utf-8")
    plain = files / "khong-ma-hoa.sochibo"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE person (full_name TEXT)")
    no_keys = files / "khong-khoa.sochibo"
    no_keys.write_bytes(register.read_bytes())
    book = openpyxl.Workbook()
    book.active.append(["Số thứ tự", "Ghi chú"])
    book.active.append([1, "không có cột họ tên"])
    book.save(files / "khong-tieu-de.xlsx")
    book = openpyxl.Workbook()
    book.active.title = "Danh sách"
    book.active.append(["STT", "Họ và tên", "Ngày sinh"])
    book.active.append([1, "Đinh Văn Hoà", "1970"])
    book.save(files / "danh-sach.xlsx")


@dataclass(frozen=True)
class Case:
    id: str
    args: str  # split as a shell would; {reg}, {files} and the setup's ids are filled in
    message: str  # expected on stderr
    code: int = 1
    passphrase: str = PASSPHRASE


R = "--register {reg}"
CASES = [
    # opening the register
    Case("missing register", "member list --register {files}/khong-co.sochibo", "Chưa có sổ tại"),
    Case("wrong passphrase", f"member list {R}", "Mật khẩu không đúng", passphrase="sai mật khẩu"),
    Case("empty passphrase file", f"member list {R} --passphrase-file {{files}}/mat-khau-trong.txt",
         "Không đọc được tệp mật khẩu"),
    Case("missing passphrase file", f"member list {R} --passphrase-file {{files}}/khong-co.txt",
         "Không đọc được tệp mật khẩu"),
    Case("text file as register", "member list --register {files}/ghi-chu.txt",
         "không phải sổ chi bộ"),
    Case("zeros as register", "member list --register {files}/rong.sochibo",
         "không phải sổ chi bộ"),
    Case("unencrypted SQLite", "member list --register {files}/khong-ma-hoa.sochibo",
         "tệp SQLite không mã hóa"),
    Case("register without key file", "member list --register {files}/khong-khoa.sochibo",
         "Không tìm thấy tệp khóa"),
    Case("init over a register", f"init {R} --name Chi --code CB", "Đã có một sổ"),
    # adding a person
    Case("empty name", f"member add {R} --sex Nam --full-name ''",
         "Họ và tên: không được để trống"),
    Case("name with digits", f"member add {R} --full-name Nguyễn2 --sex Nam",
         "chỉ gồm chữ cái"),
    Case("one-word name", f"member add {R} --full-name Bình --sex Nam", "cần có cả họ và tên"),
    Case("name too long", f"member add {R} --sex Nam --full-name 'Nguyễn {'Văn ' * 30}An'",
         "quá dài"),
    Case("bad sex", f"member add {R} --full-name 'Lý Văn Ba' --sex Khác", "chọn Nam hoặc Nữ"),
    Case("future birth date", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam --birth-date "
         f"{FUTURE}", "trong tương lai"),
    Case("impossible birth date", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--birth-date 31/02/1980", "Ngày sinh"),
    Case("birth date as words", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--birth-date hôm-qua", "Ngày sinh"),
    Case("ID number too short", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--id-number 05106500123", "phải đủ 12 chữ số"),
    Case("ID number with letters", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--id-number 05106500123A", "chỉ gồm chữ số"),
    Case("duplicate ID number", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--id-number 051065001234", "Một số định danh chỉ thuộc về một người"),
    Case("duplicate name and birth", f"member add {R} --full-name 'Nguyễn Văn An' --sex Nam "
         "--birth-date 1970", "có thể đã có trong sổ"),
    Case("bad phone", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam --phone 12345",
         "không đúng dạng số điện thoại"),
    Case("unknown ethnicity", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--ethnicity Atlantis", "không có trong danh mục"),
    Case("bad membership", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam --membership vip",
         "không phải quần chúng, dự bị hay chính thức"),
    Case("future ceremony", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam --birth-date 1980 "
         f"--membership probationary --ceremony-date {FUTURE}", "Ngày vào Đảng"),
    Case("official before ceremony", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--birth-date 1980 --membership official --ceremony-date 10/10/2010 "
         "--official-date 10/10/2009", "Ngày chính thức"),
    Case("party card with letters", f"member add {R} --full-name 'Lý Văn Ba' --sex Nam "
         "--party-card-number AB12", "Số thẻ đảng viên"),
    # changing a person
    Case("update unknown person", f"member update {R} khong-co-ai --phone 0905123456",
         "Không có người nào mang mã «khong-co-ai»"),
    Case("update nothing", f"member update {R} {{an}}", "Chưa nói sửa trường nào"),
    Case("update stale version", f"member update {R} {{an}} --expected-version 99 "
         "--phone 0905123456", "vừa được sửa ở nơi khác"),
    Case("update to another's ID", f"member update {R} {{binh}} --id-number 051065001234",
         "cùng số định danh 051065001234"),
    Case("update to bad date", f"member update {R} {{an}} --birth-date 32/13/1970",
         "Ngày sinh"),
    Case("update empties the name", f"member update {R} {{an}} --full-name ' '",
         "Người «Nguyễn Văn An»: dữ liệu chưa hợp lệ, chưa lưu gì.\n"
         "  • Họ và tên: không được để trống"),
    Case("show unknown person", f"member show {R} zzzz", "Không có người nào mang mã «zzzz»"),
    # events
    Case("unknown event kind", f"event add {R} {{an}} bogus --date 01/01/2020",
         "không có lựa chọn 'bogus'", code=2),
    Case("event without date", f"event add {R} {{an}} exemption", "thiếu tham số bắt buộc: --date",
         code=2),
    Case("event bad date", f"event add {R} {{an}} exemption --date 32/13/2020", "Ngày:"),
    Case("event in the future", f"event add {R} {{an}} exemption --date {FUTURE}",
         "là ngày trong tương lai"),
    Case("end an exemption never made", f"event add {R} {{an}} exemption_end --date 01/01/2020",
         "Thôi miễn: chưa ở trạng thái này"),
    Case("candidate transferred out", f"event add {R} {{duyen}} transfer_out --date 01/01/2025 "
         "--place Huế", "không áp dụng cho người đang ở diện «Quần chúng»"),
    Case("ceremony without decision", f"event add {R} {{duyen}} ceremony --date 01/01/2025",
         "Huỳnh Thị Mỹ Duyên"),
    Case("event for unknown person", f"event add {R} khong-co-ai death --date 01/01/2020",
         "Không có người nào mang mã"),
    Case("undo with nothing to undo", f"event undo {R} {{an}}",
         "chưa có sự kiện nào để rút lại"),
    # meetings and roll calls
    Case("unknown meeting kind", f"meeting add {R} --kind picnic --date 05/03/2026",
         "không có lựa chọn 'picnic'", code=2),
    Case("held meeting in the future", f"meeting add {R} --kind regular --date {FUTURE}",
         "chưa thể ghi là đã họp"),
    Case("meeting bad date", f"meeting add {R} --kind regular --date 30/02/2026", "Ngày:"),
    Case("meeting chair unknown", f"meeting add {R} --kind regular --date 05/04/2026 "
         "--chair khong-co-ai", "Không có người nào mang mã «khong-co-ai»"),
    Case("class kind on a regular meeting", f"meeting add {R} --kind regular --date 05/04/2026 "
         "--class-kind awareness_class", "chỉ dùng cho lớp bồi dưỡng"),
    Case("resolution number too long", f"meeting add {R} --kind regular --date 05/04/2026 "
         f"--resolution '{'01-NQ/CB ' * 10}'", "quá dài"),
    Case("show unknown meeting", f"meeting show {R} khong-co", "Không có buổi sinh hoạt nào"),
    Case("roll call of unknown meeting", f"meeting rollcall {R} khong-co --absent {{an}}",
         "Không có buổi sinh hoạt nào"),
    Case("roll call named twice", f"meeting rollcall {R} {{held}} --absent {{an}} --late {{an}}",
         "được điểm danh hai lần"),
    Case("roll call absent candidate", f"meeting rollcall {R} {{held}} --absent {{duyen}}",
         "chỉ ghi khi có mặt"),
    Case("roll call of a planned meeting", f"meeting rollcall {R} {{planned}} --absent {{an}}",
         "mới dự kiến, chưa họp"),
    Case("roll call unknown person", f"meeting rollcall {R} {{held}} --absent khong-co-ai",
         "Không có người nào mang mã"),
    Case("delete unknown meeting", f"meeting delete {R} khong-co", "Không có buổi sinh hoạt nào"),
    # votes
    Case("more in favour than present", f"vote record {R} {{duyen}} --kind admission "
         "--date 05/03/2026 --present 3 --favour 4", "Số tán thành (4) nhiều hơn số có mặt (3)"),
    Case("more present than members", f"vote record {R} {{duyen}} --kind admission "
         "--date 05/03/2026 --present 9 --favour 4", "Số có mặt (9) nhiều hơn"),
    Case("negative vote", f"vote record {R} {{duyen}} --kind admission --date 05/03/2026 "
         "--present 3 --favour -1", "không được âm"),
    Case("vote figures not numbers", f"vote record {R} {{duyen}} --kind admission "
         "--date 05/03/2026 --present ba --favour 3", "'ba' không phải số nguyên", code=2),
    Case("vote without date", f"vote record {R} {{duyen}} --kind admission --favour 3",
         "Cần --date và --present"),
    Case("claimed pass without 2/3", f"vote record {R} {{duyen}} --kind admission "
         "--date 05/03/2026 --present 4 --favour 2 --passed",
         "không thể ghi nghị quyết là thông qua"),
    # importing and exporting
    Case("import a PDF", f"import {{files}}/van-ban.pdf {R}", "chỉ đọc được tệp .xlsx"),
    Case("import a missing file", f"import {{files}}/khong-co.xlsx {R}", "Không có tệp"),
    Case("import a damaged xlsx", f"import {{files}}/hong.xlsx {R}", "Không đọc được «hong.xlsx»"),
    Case("import without a name column", f"import {{files}}/khong-tieu-de.xlsx {R}",
         "không tìm thấy dòng tiêu đề"),
    Case("import a missing sheet", f"import {{files}}/danh-sach.xlsx {R} --sheet Khác",
         "không có trang «Khác»"),
    Case("import bad column map", f"import {{files}}/danh-sach.xlsx {R} --map 3",
         "cần dạng SỐ_CỘT=TRƯỜNG"),
    Case("import map to unknown field", f"import {{files}}/danh-sach.xlsx {R} --map 3=tuoi",
         "Không có trường tuoi"),
    Case("export to PDF", f"export {{files}}/ra.pdf {R}", ".xlsx hoặc .csv"),
    # the cell
    Case("cell name emptied", f"cell update {R} --name ''",
         f"Chi bộ «{CELL['name']}»: dữ liệu chưa hợp lệ, chưa lưu gì.\n  • Tên chi bộ: không được"),
    # everything else typed wrong
    Case("unknown command", f"sochibo-lam-gi {R}", "không có lựa chọn 'sochibo-lam-gi'", code=2),
    Case("unknown option", f"member list {R} --tat-ca", "không hiểu tham số: --tat-ca", code=2),
    Case("audit bad date", f"audit {R} --from 31/04/2026", "Ngày:"),
    Case("todo bad date", f"todo {R} --on mai", "Ngày:"),
]  # fmt: skip


def _args(case: Case, setup: Setup) -> list[str]:
    values = {"reg": str(setup.path), "files": str(setup.files), **setup.ids}
    return shlex.split(case.args.format(**values))


def state(setup: Setup) -> dict[str, object]:
    """Everything the register holds, and the bytes of its files."""
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(setup.path.parent.iterdir())}  # fmt: skip
    with registers.open_register(setup.path, PASSPHRASE):
        tables = {name: [dict(r) for r in model.select().order_by(model.id).dicts()]
                  for name, model in JOURNALLED.items()}  # fmt: skip
        meta = sorted((m.key, m.value) for m in Meta.select())
        head = journal.head()
    after_read = sorted(p.name for p in setup.path.parent.iterdir())
    return {"files": files, "after_read": after_read, "head": head, "meta": meta, **tables}


def test_the_table_is_big_enough():
    assert len(CASES) >= 50
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(case, setup, monkeypatch, capsys):
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", case.passphrase)
    before = state(setup)
    capsys.readouterr()
    try:
        code = main(_args(case, setup))
    except SystemExit as exc:  # argparse: the command typed wrong
        code = exc.code
    out, err = capsys.readouterr()
    assert code == case.code, (out, err)
    assert case.message in err, err
    assert not out.strip(), out
    assert state(setup) == before
