"""Importing a 5,000-row list: the preview (read, convert, validate, look for duplicates) and the
import (one transaction, journalled) into an empty register, beside the floor: the same rows
inserted by plain SQL. ``python -m bench.bench_import``. The issue's targets: preview under
3 s, import under 5 s."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import openpyxl

from bench.common import PASSPHRASE, save
from desktop_app.domain.demo_data import _full_name
from desktop_app.services import imports
from desktop_app.store.database import Register

TODAY = dt.date(2026, 11, 22)
PLACES = ("Bình Định", "Phú Yên", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Hà Tĩnh", "Nghệ An")


def make_sheet(path: Path, rows: int, seed: int = 2026) -> Path:
    """A secretary's list: a title block, a merged header, dates in mixed formats, ID numbers
    stored as numbers (Excel dropped their leading zero)."""
    rng = random.Random(seed)
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH ĐẢNG VIÊN"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Quê quán",
               "Ngày vào Đảng", "Ngày chính thức", "Số CCCD"])  # fmt: skip
    for number in range(1, rows + 1):
        sex = rng.choice(("male", "female"))
        born = dt.date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))
        joined_year = min(born.year + rng.randint(20, 25), TODAY.year - 2)  # official by now
        joined = dt.date(joined_year, rng.randint(1, 12), rng.randint(1, 28))
        official = joined.replace(year=joined.year + 1)
        ws.append([
            number, _full_name(rng, sex, born.year, "Kinh"),
            born if number % 3 else born.strftime("%d/%m/%Y"),
            "Nam" if sex == "male" else "Nữ", "Kinh", rng.choice(PLACES),
            joined, official.strftime("%d-%m-%Y"), 51_000_000_000 + number,
        ])  # fmt: skip
    book.save(path)
    return path


def _floor(path: Path, rows: int) -> float:
    """The same number of rows inserted by plain SQL into an encrypted register."""
    reg, _ = Register.create(path, PASSPHRASE)
    with reg:
        start = time.perf_counter()
        with reg.atomic():
            reg.db.execute_sql("CREATE TEMP TABLE t (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)")
            for number in range(rows):
                reg.db.execute_sql(
                    "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                    (str(number), "Nguyễn Văn An", "1965-03-05", "Kinh", "051000000001"),
                )
        return (time.perf_counter() - start) * 1000


def run(rows: int = 5000) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        sheet = make_sheet(folder_path / "danh-sach.xlsx", rows)
        reg, _ = Register.create(folder_path / "so.sochibo", PASSPHRASE)
        with reg:
            start = time.perf_counter()
            plan = imports.open_plan(sheet)
            result = imports.preview(reg, plan, TODAY)
            previewed = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            summary = imports.apply(reg, result, today=TODAY)
            written = (time.perf_counter() - start) * 1000
        floor = _floor(folder_path / "floor.sochibo", rows)
    return {
        "rows": rows,
        "added": len(summary.added),
        "skipped": len(summary.skipped),
        "preview_ms": round(previewed),
        "import_ms": round(written),
        "floor_insert_ms": round(floor),
    }


if __name__ == "__main__":
    figures = run()
    print(figures)
    print(save("import", figures))
