"""Reading the lists secretaries keep: .xlsx, .xls and .ods through python-calamine, .csv in
UTF-8 (with or without BOM), UTF-16 or Windows-1258. Rows come back as Python values (text,
numbers, dates), every sheet by name; nothing is written."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook

from desktop_app.domain.errors import DomainError

log = logging.getLogger(__name__)
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_FILES = (".csv", ".txt")
MAX_BYTES = 50 * 1024 * 1024  # no member list is this big; refuse before reading it all


class SheetError(DomainError):
    """The file cannot be read as a list; the message names the file."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[object]]


@dataclass(frozen=True)
class Book:
    path: Path
    sheet_names: list[str]
    sheet: Sheet
    encoding: str = ""  # for a .csv: how its bytes were read


def read_book(path: Path, sheet: str | None = None) -> Book:
    """The chosen sheet (default: the first that has anything in it) and the names of all."""
    path = Path(path)
    if not path.is_file():
        raise SheetError(f"Không có tệp «{path}»")
    if path.stat().st_size > MAX_BYTES:
        raise SheetError(f"Tệp «{path.name}» quá lớn để là một danh sách (trên 50 MB)")
    suffix = path.suffix.lower()
    if suffix in TEXT_FILES:
        try:
            rows, encoding = read_csv(path.read_bytes())
        except csv.Error:
            raise SheetError(
                f"Không đọc được «{path.name}»: tệp .csv bị hỏng (có dòng không đúng dạng)"
            ) from None
        return Book(path, [path.stem], Sheet(path.stem, rows), encoding)
    if suffix not in SPREADSHEETS:
        raise SheetError(f"«{path.name}»: chỉ đọc được tệp .xlsx, .xls, .ods hoặc .csv")
    return _read_spreadsheet(path, sheet)


def _read_spreadsheet(path: Path, wanted: str | None) -> Book:
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        if wanted is not None and wanted not in names:
            raise SheetError(f"«{path.name}» không có trang «{wanted}» ({', '.join(names)})")
        sheets = [wanted] if wanted else names
        for name in sheets:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if any(any(v not in (None, "") for v in row) for row in rows) or name == sheets[-1]:
                return Book(path, names, Sheet(name, [list(r) for r in rows]))
    except SheetError:
        raise
    except Exception as exc:  # calamine's own errors (English): a damaged or protected file
        log.warning("cannot read %s: %s", path.name, exc)
        raise SheetError(
            f"Không đọc được «{path.name}»: tệp bị hỏng, có mật khẩu, hoặc không phải bảng tính"
        ) from None
    raise SheetError(f"«{path.name}» không có trang nào")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM says it; else UTF-8 if the bytes are valid UTF-8; else
    Windows-1258, the Vietnamese Windows code page Excel used for "CSV" files."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                          (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "cp1258"


def read_csv(data: bytes) -> tuple[list[list[object]], str]:
    text, encoding = decode(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # newline="": a lone CR (an old Mac file) ends a line instead of breaking the reader
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    return rows, encoding
