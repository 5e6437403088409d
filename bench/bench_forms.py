"""Printed forms: a candidate's full dossier set (every form that applies) and one resolution
(6-KNĐ), on the demo cell (40 members) and on a 300-member cell with the same candidate stages,
beside the floor: a PDF of the same length in the same embedded fonts with no register reads.
The cell's lists too: the 7-HSĐV member book (the issue asks under 2 s for 300 members), the
sign-in sheet and minutes skeleton of the latest meeting held, the pool review and the Today
sheet. ``python -m bench.bench_forms``.

Each cell is built once in bench/data through the services (the demo's people, candidates walked
through the procedure, a year of meetings). The first print of a resolution takes its number;
the timed runs are reprints (the number found, nothing written), which is what a secretary does
most. If LibreOffice is installed, the time it takes to turn a one-page text document into
PDF (``--headless --convert-to pdf``; a flat ODT stands in for the secretary's .docx, since
nothing here writes .docx) is recorded beside; otherwise the result says it was not measured.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pypdfium2

from bench.common import DATA, PASSPHRASE, save, timed
from desktop_app.domain.demo_data import generate_demo_cell
from desktop_app.forms import registry
from desktop_app.forms.layout import Document, Head, Issuer
from desktop_app.services import cell as cell_service
from desktop_app.services import demo_development, demo_meetings, development, meetings, members
from desktop_app.store.database import Register, key_path

TODAY = dt.date(2026, 11, 22)


def _fill(reg: Register, size: int) -> None:
    demo = generate_demo_cell(seed=2026, today=TODAY, members=size, candidates=5)
    cell_service.create_cell(reg, demo.cell)
    with reg.atomic():
        for person in demo.people:
            view = members.add_person(reg, person.fields, allow_duplicate=True, today=TODAY)
            for ev in person.events:
                members.record_event(reg, view.id, ev.kind, dt.date.fromisoformat(ev.date),
                                     reason=ev.reason, reference=ev.reference, place=ev.place,
                                     today=TODAY)  # fmt: skip
        demo_development.fill(reg, TODAY)
        demo_meetings.fill(reg, TODAY)


def build(size: int) -> Path:
    path = DATA / f"forms-{size}.sochibo"
    if not path.exists():
        key_path(path).unlink(missing_ok=True)
        reg, _ = Register.create(path, PASSPHRASE, initialise=lambda r: _fill(r, size))
        reg.close()
    return path


def _voted(reg: Register) -> str:
    """The candidate with a passed admission vote (the fullest dossier)."""
    for row in development.list_candidates(reg, TODAY):
        codes = [s.code for s in registry.forms_for_person(reg, row.person_id, TODAY)]
        if "6-KNĐ" in codes:
            return row.person_id
    raise SystemExit("no candidate with a passed admission vote")


def _cell_lists(reg: Register) -> dict:
    """The cell's list documents: time, and pages of the member book."""
    held = [m for m in meetings.list_meetings(reg) if m.held and m.kind == "regular"]
    mid = held[-1].id
    book = registry.render(reg, "7-HSĐV", today=TODAY)
    out: dict = {
        "member_book_rows": len(members.list_people(reg, {"official", "probationary"})),
        "member_book_pages": len(pypdfium2.PdfDocument(book)),
    }
    for key, code, meeting in (
        ("member_book_7hsdv", "7-HSĐV", None),
        ("sign_in_sheet", "DS-KT", mid),
        ("minutes_skeleton", "BB-SH", mid),
        ("pool_review", "RS-NPT", None),
        ("today_sheet", "VIEC", None),
    ):
        out[key] = timed(
            lambda c=code, m=meeting: registry.render(reg, c, meeting_id=m, today=TODAY),
            repeat=5,
            warmup=1,
        )
    return out


def _dossier_set(reg: Register, pid: str) -> int:
    specs = registry.forms_for_person(reg, pid, TODAY)
    return sum(len(registry.render(reg, s.code, person_id=pid, today=TODAY)) for s in specs)


def _floor() -> bytes:
    """Two pages of the same kind of text in the same fonts, no register."""
    doc = Document("BENCH", "Sàn so sánh")
    doc.head(Head(Issuer("Đảng bộ phường Quy Nhơn Nam", "Chi bộ Trường THPT Nguyễn Trân"),
                  "01-NQ/CB", "Quy Nhơn Nam", TODAY))  # fmt: skip
    doc.title("Nghị quyết", "đề nghị kết nạp đảng viên")
    for _ in range(12):
        doc.paragraph("Tổng số đảng viên của chi bộ: 36 đồng chí, trong đó chính thức 31 đồng chí, "
                      "dự bị 5 đồng chí. Có mặt 28 đồng chí, vắng mặt 3 đồng chí.")  # fmt: skip
    doc.writing_lines(8)
    return doc.build()


def _libreoffice() -> dict:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return {"installed": False}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "6-knd.fodt"
        source.write_text(_FODT, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", folder,
                        str(source)], check=True, capture_output=True, timeout=120)  # fmt: skip
        return {"installed": True, "convert_ms": round((time.perf_counter() - start) * 1000, 1)}


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>NGHỊ QUYẾT đề nghị kết nạp đảng viên</text:p></office:text></office:body>
</office:document>"""


LISTS = ("member_book_7hsdv", "sign_in_sheet", "minutes_skeleton", "pool_review", "today_sheet")


def run() -> dict:
    result: dict = {"today": TODAY.isoformat()}
    for size in (40, 300):
        with Register.open(build(size), PASSPHRASE) as reg:
            pid = _voted(reg)
            codes = [s.code for s in registry.forms_for_person(reg, pid, TODAY)]
            _dossier_set(reg, pid)  # the first print takes the resolution's number
            result[f"cell_{size}"] = {
                "forms": codes,
                "dossier_set": timed(lambda r=reg, p=pid: _dossier_set(r, p), repeat=10),
                "resolution_6knd": timed(
                    lambda r=reg, p=pid: registry.render(r, "6-KNĐ", person_id=p, today=TODAY),
                    repeat=10,
                ),
                "preview_6knd": timed(
                    lambda r=reg, p=pid: registry.render(
                        r, "6-KNĐ", person_id=p, today=TODAY, issue=False
                    ),
                    repeat=10,
                ),
                "forms_for_person": timed(
                    lambda r=reg, p=pid: registry.forms_for_person(r, p, TODAY), repeat=10
                ),
                **_cell_lists(reg),
            }
    result["floor_same_fonts_no_register"] = timed(_floor, repeat=10)
    result["libreoffice"] = _libreoffice()
    return result


def main() -> None:
    result = run()
    for size in (40, 300):
        cell = result[f"cell_{size}"]
        print(f"{size} members, forms {', '.join(cell['forms'])}")
        for key in ("dossier_set", "resolution_6knd", "preview_6knd", "forms_for_person",
                    *LISTS):  # fmt: skip
            print(f"  {key:18} median {cell[key]['median_ms']:8.1f} ms  "
                  f"max {cell[key]['max_ms']:8.1f}")  # fmt: skip
        print(f"  member book: {cell['member_book_rows']} members, "
              f"{cell['member_book_pages']} pages")  # fmt: skip
    floor = result["floor_same_fonts_no_register"]
    print(f"floor (same fonts, no register) median {floor['median_ms']:.1f} ms")
    print(f"libreoffice: {result['libreoffice']}")
    print(save("forms", result))


if __name__ == "__main__":
    main()
