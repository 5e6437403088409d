"""The member list back out: .xlsx in the order of the member book (Mẫu 7-HSĐV, as far as the
sources show it) with Vietnamese headers, real dates and ID numbers as text; .csv in UTF-8 with
a BOM so Excel reads the diacritics. The headers are ones the import recognises, so a list
exported and imported again changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desktop_app.domain.dates import PartialDate
from desktop_app.domain.errors import DomainError
from desktop_app.services import members
from desktop_app.services.views import PersonView
from desktop_app.store.database import Register

SEX = {"male": "Nam", "female": "Nữ"}
MEMBERSHIP = {"official": "Chính thức", "probationary": "Dự bị"}
Value = str | dt.date | int | None


def _date(iso: str | None) -> Value:
    """A full date as a real date; a month or a year alone as the text people write."""
    if not iso:
        return None
    partial = PartialDate.from_iso(iso)
    return partial.earliest() if partial.is_full else partial.vn()


COLUMNS: tuple[tuple[str, Callable[[PersonView], Value], int], ...] = (
    ("Họ và tên", lambda p: p.full_name, 26),
    ("Tên gọi khác", lambda p: p.other_names, 14),
    ("Giới tính", lambda p: SEX.get(p.sex, ""), 8),
    ("Ngày sinh", lambda p: _date(p.birth_date), 11),
    ("Dân tộc", lambda p: p.ethnicity, 9),
    ("Tôn giáo", lambda p: p.religion, 10),
    ("Quê quán", lambda p: p.native_place, 28),
    ("Nơi thường trú", lambda p: p.residence, 28),
    ("Trình độ văn hóa", lambda p: p.education, 9),
    ("Chuyên môn nghiệp vụ", lambda p: p.profession, 16),
    ("Lý luận chính trị", lambda p: p.political_theory, 12),
    ("Nghề nghiệp", lambda p: p.occupation, 18),
    ("Ngày vào Đảng", lambda p: _date(p.ceremony_date), 11),
    ("Ngày chính thức", lambda p: _date(p.official_date), 11),
    ("Số thẻ đảng viên", lambda p: p.party_card_number, 14),
    ("Số định danh cá nhân", lambda p: p.id_number or "", 14),
    ("Số điện thoại", lambda p: p.phone, 12),
    ("Ngày quyết định kết nạp", lambda p: _date(p.admission_decision_date), 11),
    ("Diện", lambda p: MEMBERSHIP.get(p.membership, ""), 10),
    ("Ghi chú", lambda p: p.notes, 24),
)
TEXT_COLUMNS = {"Số thẻ đảng viên", "Số định danh cá nhân", "Số điện thoại"}


class ExportError(DomainError):
    """The file cannot be written; nothing is left half-written."""


def member_rows(reg: Register) -> list[PersonView]:
    """The members in the cell (probationary and official, not gone), Vietnamese order."""
    return [p for p in members.list_people(reg, {"probationary", "official"})]


def export(reg: Register, path: Path | str) -> int:
    """Write the member list to .xlsx or .csv (by the name's ending); returns the rows written.
    The file is written beside the target and renamed into place."""
    path = Path(path)
    rows = member_rows(reg)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = _xlsx(rows)
    elif suffix == ".csv":
        data = _csv(rows)
    else:
        raise ExportError(f"«{path.name}»: chỉ xuất ra tệp .xlsx hoặc .csv")
    _write_atomically(path, data)
    return len(rows)


def _xlsx(rows: list[PersonView]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách đảng viên"
    sheet.append(["STT", *(title for title, _, _ in COLUMNS)])
    for number, person in enumerate(rows, start=1):
        sheet.append([number, *(get(person) for _, get, _ in COLUMNS)])
    for index, (title, _, width) in enumerate(COLUMNS, start=2):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif title in TEXT_COLUMNS:
                cell.number_format = "@"  # ID numbers stay text: leading zeros kept
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(rows: list[PersonView]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["STT", *(title for title, _, _ in COLUMNS)])
    for number, person in enumerate(rows, start=1):
        values = [get(person) for _, get, _ in COLUMNS]
        writer.writerow([number, *(v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v
                                   for v in values)])  # fmt: skip
    return out.getvalue().encode("utf-8-sig")


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Không ghi được «{path}»: {exc.strerror or exc}") from None
