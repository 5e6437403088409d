"""``sochibo --self-check``: can this installation do its work?

Run after an install (and by the Linux package build on the frozen program), it makes a
temporary register (create, write a person, full check, print a form from it, close, delete),
looks at the PDF (the embedded font, a page pdfium can draw), loads the rule table, the
working-day calendar and the Vietnamese translations, and imports every module of the program
(the window's pages are imported by name at run time, so a frozen build that missed one would
otherwise only show it as a broken page). It prints one line per step and exits 0, or 1 naming
what failed. Nothing is written outside a private temporary folder.

No Qt is imported here: the translations are loaded by the window's own code
(``desktop_app.ui.i18n``) through ``desktop_app.__main__.translate``, the GUI entry point.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
import secrets
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TextIO

import desktop_app
from desktop_app import paths

PACKAGE = "sochibo"
CATALOGUES = ("sochibo", "qtbase")  # the .qm files the window loads (desktop_app/ui/i18n.py)
LANGUAGE = "vi"
FONT_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)
RULES_FILE = "rules/rules.toml"
REPORT_FILE = "tu-kiem-tra.txt"  # in the log folder, when there is no console to print to
TET_2026 = dt.date(2026, 2, 17)  # Mùng 1 Tết Bính Ngọ: never a working day
CELL = {
    "name": "Chi bộ Tự kiểm tra",
    "code": "CB-TKT",
    "upper_level": "Đảng ủy phường Thử",
    "secretary": "Nguyễn Thị Thu Hà",
    "address": "",
}
PERSON = {
    "full_name": "Nguyễn Thị Thu Hà",
    "sex": "female",
    "birth_date": "05/03/1985",
    "membership": "official",
    "admission_decision_date": "01/02/2010",
    "ceremony_date": "20/02/2010",
    "official_date": "20/02/2011",
}
FORM = "7-HSĐV"  # the cell's member book: prints the person just written


class SelfCheckError(Exception):
    """A step found something wrong; the message says what, in Vietnamese."""


@dataclass(frozen=True)
class Step:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        mark = "ĐẠT " if self.ok else "LỖI"
        return f"[{mark}] {self.name}: {self.detail} ({self.seconds:.1f} giây)"


def _step(name: str, work: Callable[[], str]) -> Step:
    start = time.perf_counter()
    try:
        detail, ok = work(), True
    except Exception as exc:  # a self-check reports every failure, whatever it is
        detail, ok = _describe(exc), False
    return Step(name, ok, detail, time.perf_counter() - start)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, SelfCheckError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


# -- the steps -----------------------------------------------------------------------------


def check_version() -> str:
    version = metadata.version(PACKAGE)
    how = "bản đóng gói" if getattr(sys, "frozen", False) else "chạy từ mã nguồn"
    utf8 = ", chế độ UTF-8" if sys.flags.utf8_mode else ""
    return f"{PACKAGE} {version}, {how}, Python {sys.version.split()[0]}{utf8}"


def check_resources() -> str:
    folder = paths.resources_dir()
    wanted = [f"fonts/{name}" for name in FONT_FILES]
    wanted += [f"i18n/{name}_{LANGUAGE}.qm" for name in CATALOGUES]
    wanted.append(RULES_FILE)
    missing = [name for name in wanted if not (folder / name).is_file()]
    if missing:
        raise SelfCheckError(f"thiếu {', '.join(missing)} trong {folder}")
    return f"đủ {len(wanted)} tệp trong {folder}"


def program_modules() -> Iterator[str]:
    """Every module of the program, found the way the running program finds them (the
    frozen importer lists the bundled ones)."""
    yield desktop_app.__name__
    for info in pkgutil.walk_packages(desktop_app.__path__, desktop_app.__name__ + "."):
        yield info.name


def check_modules() -> str:
    names = list(program_modules())
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # report them all, not just the first
            failed.append(f"{name} ({_describe(exc)})")
    if failed:
        raise SelfCheckError(f"không nạp được {len(failed)} mô-đun: {'; '.join(failed)}")
    if not any(name.startswith("desktop_app.ui.pages.") for name in names):
        raise SelfCheckError("không tìm thấy các trang của cửa sổ (desktop_app.ui.pages)")
    return f"nạp được cả {len(names)} mô-đun"


def check_rules() -> str:
    from desktop_app.domain.calendar import WorkCalendar
    from desktop_app.services import rules

    table = rules.rule_table()
    count = len(table.all())
    if not count:
        raise SelfCheckError(f"bảng quy định {RULES_FILE} không có quy định nào")
    calendar = WorkCalendar()
    if calendar.is_working_day(TET_2026) or not calendar.holiday_name(TET_2026):
        raise SelfCheckError("lịch ngày làm việc không biết ngày Tết 17/02/2026 là ngày nghỉ")
    return f"{count} quy định; lịch nghỉ: 17/02/2026 là «{calendar.holiday_name(TET_2026)}»"


def register_steps() -> list[Step]:
    """Create a register in a private temporary folder, write, check, print, close, delete."""
    printed: list[bytes] = []
    temporary = tempfile.TemporaryDirectory(
        prefix="sochibo-tu-kiem-tra-", ignore_cleanup_errors=True
    )
    with temporary as folder:
        path = Path(folder) / "tu-kiem-tra.sochibo"
        made = _step("Sổ tạm", lambda: _use_register(path, printed))
        gone = _step("Xóa sổ tạm", lambda: _remove(path))
    if gone.ok and Path(folder).exists():
        gone = Step(gone.name, False, f"thư mục tạm {folder} vẫn còn", gone.seconds)
    pdf = _step("In PDF", lambda: check_pdf(printed[0]) if printed else _no_pdf())
    return [made, pdf, gone]


def _use_register(path: Path, printed: list[bytes]) -> str:
    from desktop_app.forms import registry
    from desktop_app.services import checks, members, registers

    reg, _recovery = registers.create_register(path, secrets.token_urlsafe(18), CELL)
    try:
        person = members.add_person(reg, PERSON)
        report = checks.check_register(reg)
        if not report.ok:
            problems = report.integrity + report.foreign_keys + report.journal + report.replay
            raise SelfCheckError(f"kiểm tra đầy đủ báo lỗi: {'; '.join(problems)}")
        if members.get_person(reg, person.id).full_name != PERSON["full_name"]:
            raise SelfCheckError("đọc lại người vừa ghi không đúng họ tên")
        printed.append(registry.render(reg, FORM, issue=False))
    finally:
        reg.close()
    entries = report.journal_entries
    return f"tạo, ghi 1 người, kiểm tra đầy đủ ({entries} mục nhật ký), đóng: {path.name}"


def _remove(path: Path) -> str:
    """The register's files go with the temporary folder; they must not be held open."""
    files = sorted(p.name for p in path.parent.iterdir())
    for file in path.parent.iterdir():
        file.unlink()
    if any(path.parent.iterdir()):
        raise SelfCheckError(f"còn tệp trong {path.parent} sau khi xóa")
    return f"đã xóa {len(files)} tệp ({', '.join(files)})"


def _no_pdf() -> str:
    raise SelfCheckError("không có sổ tạm để in")


def check_pdf(pdf: bytes) -> str:
    """A PDF whose text is drawn with the embedded Liberation Serif, and a page pdfium draws."""
    if not pdf.startswith(b"%PDF-"):
        raise SelfCheckError("tệp in ra không phải PDF")
    embedded = set(re.findall(rb"/FontName /[A-Z]{6}\+([A-Za-z-]+)", pdf))
    if not embedded or not all(name.startswith(b"LiberationSerif") for name in embedded):
        raise SelfCheckError(f"PDF không nhúng phông Liberation Serif (có: {sorted(embedded)})")
    if pdf.count(b"/FontFile2") < len(embedded):
        raise SelfCheckError("PDF thiếu dữ liệu phông nhúng (/FontFile2)")
    pages, inked = _draw_first_page(pdf)
    if inked < 0.002:
        raise SelfCheckError("trang đầu của PDF vẽ ra trắng trơn")
    fonts = ", ".join(sorted(name.decode() for name in embedded))
    return f"mẫu {FORM}: {len(pdf) // 1024} KB, {pages} trang, phông nhúng {fonts}"


def _draw_first_page(pdf: bytes) -> tuple[int, float]:
    """(pages, share of the first page's pixels that are not white), drawn as the window's
    preview draws pages (pdfium)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=0.5, grayscale=True)
        pixels = bytes(bitmap.buffer)
        dark = sum(1 for value in pixels[:: max(1, bitmap.n_channels)] if value < 128)
        share = dark / max(1, bitmap.width * bitmap.height)
        bitmap.close()
        page.close()
        return len(document), share
    finally:
        document.close()


def translation_messages(catalogue: str) -> list[tuple[str, str, str | None, str]]:
    """(context, source, disambiguation, translation) of every finished, singular message of
    a catalogue's .ts (which ships beside its .qm)."""
    ts = paths.resources_dir() / "i18n" / f"{catalogue}_{LANGUAGE}.ts"
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" or translation is None or translation.get("type"):
                continue
            comment = message.findtext("comment")
            source = message.findtext("source", "")
            found.append((name, source, comment, translation.text or ""))
    return found


def check_translations() -> str:
    from desktop_app.__main__ import translate  # the GUI entry point may import Qt

    counts = []
    for catalogue in CATALOGUES:
        messages = translation_messages(catalogue)
        if not messages:
            raise SelfCheckError(f"{catalogue}_{LANGUAGE}.ts không có câu nào đã dịch")
        shown = translate([(c, s, d) for c, s, d, _t in messages], LANGUAGE)
        pairs = list(zip(messages, shown, strict=True))
        wrong = [s for (_c, s, _d, t), got in pairs if got != t]
        if all(got == s for (_c, s, _d, t), got in pairs if t != s):  # English throughout
            raise SelfCheckError(f"không nạp được bản dịch {catalogue}_{LANGUAGE}.qm")
        if wrong:
            raise SelfCheckError(
                f"{catalogue}_{LANGUAGE}.qm khác tệp .ts ở {len(wrong)} câu, ví dụ «{wrong[0]}»"
            )
        counts.append(f"{catalogue}_{LANGUAGE}.qm ({len(messages)} câu)")
    return "tiếng Việt: " + ", ".join(counts)


# -- running -------------------------------------------------------------------------------


def run_checks() -> list[Step]:
    steps = [
        _step("Phiên bản", check_version),
        _step("Tài nguyên", check_resources),
        _step("Mô-đun", check_modules),
        _step("Quy định và lịch", check_rules),
    ]
    steps += register_steps()
    steps.append(_step("Bản dịch", check_translations))
    return steps


def report(steps: list[Step]) -> str:
    failed = [step.name for step in steps if not step.ok]
    verdict = (
        f"KẾT QUẢ: LỖI ở {len(failed)} bước: {', '.join(failed)}."
        if failed
        else f"KẾT QUẢ: ĐẠT cả {len(steps)} bước."
    )
    lines = ["Sổ Chi bộ: tự kiểm tra", *(step.line() for step in steps), verdict]
    return "\n".join(lines)


def main(out: TextIO | None = None) -> int:
    """Run every step, print the report (to the log folder when there is no console, as for
    the windowed launcher), return 0 when all passed, else 1."""
    steps = run_checks()
    text = report(steps)
    out = out or sys.stdout
    if out is None:
        target = paths.log_dir() / REPORT_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text + "\n", encoding="utf-8")
    else:
        print(text, file=out, flush=True)
    return 0 if all(step.ok for step in steps) else 1
