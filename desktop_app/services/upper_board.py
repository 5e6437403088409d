"""The upper level's reporting board: per cell, the last bundle and its date, whether the cell
reported this month, members (official, probationary), candidates in the pool, admissions this
year against the quota, the procedure's deadlines that fall on the upper level or are near,
and what is open (conflicts, people two cells hold); exportable to .xlsx.

Everything is read from the upper level's copy of the cells as the last bundles left it; the
deadlines come from the same rule table and working-day calendar as the cell's Today page.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desktop_app.domain.admission import Recorded, Track
from desktop_app.domain.dates import PartialDate, format_vn
from desktop_app.domain.deadlines import person_deadlines
from desktop_app.domain.membership import PersonState
from desktop_app.services.exports import ExportError, _write_atomically
from desktop_app.services.rules import rule_table, work_calendar
from desktop_app.services.tracks import DATE_DETAILS
from desktop_app.services.upper_workspace import CONFLICT_KINDS, require_workspace
from desktop_app.store import upper, upper_replica
from desktop_app.store.database import Register
from desktop_app.store.upper_models import UpperCell

DUE_WITHIN_DAYS = 30
# The procedure's deadlines the board shows, and the upper level's decision that ends each.
DUE_KINDS: dict[str, str | None] = {
    "decision_due": "admission",
    "probation_ends": None,
    "recognition_vote_due": None,
    "recognition_decision_due": "recognition",
    "referral_due": None,
}


@dataclass(frozen=True)
class DueItem:
    person_id: str
    person_name: str
    kind: str
    due: str
    overdue: bool
    message: str
    rule: str
    source: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class BoardRow:
    code: str
    name: str
    pinned: bool
    fingerprint: str
    applied_seq: int
    last_bundle_at: str | None
    last_bundle_date: str  # dd/mm/yyyy, local time; "" when none yet
    last_import_at: str | None
    reported_this_month: bool
    official: int = 0
    probationary: int = 0
    candidates: int = 0
    admissions: int = 0
    quota: int | None = None
    deadlines: list[DueItem] = field(default_factory=list)
    conflicts: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "deadlines": [d.to_json() for d in self.deadlines]}


@dataclass
class Board:
    on: dt.date
    upper_name: str
    cells: list[BoardRow]

    @property
    def not_reported(self) -> list[str]:
        return [row.code for row in self.cells if not row.reported_this_month]

    def to_json(self) -> dict[str, object]:
        return {
            "on": self.on.isoformat(),
            "year": self.on.year,
            "month": self.on.month,
            "upper_name": self.upper_name,
            "not_reported": self.not_reported,
            "cells": [row.to_json() for row in self.cells],
        }


def _local_day(utc: str | None) -> dt.date | None:
    if not utc:
        return None
    return dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone().date()


def board(reg: Register, on: dt.date | None = None) -> Board:
    workspace = require_workspace(reg)
    on = on or dt.date.today()
    cells = upper.cells()
    standing = upper_replica.standing_counts()
    admitted = upper_replica.admitted_in(on.year)
    decided = _decided(on.year)
    due = _deadlines(reg, on)
    conflicts = _conflicts(cells)
    rows = []
    for cell in cells:
        counts = standing.get(cell.id, {})
        sent = _local_day(cell.last_bundle_at)
        quota = upper.quota(cell.id, on.year)
        rows.append(
            BoardRow(
                code=cell.code,
                name=cell.name,
                pinned=bool(cell.public_key),
                fingerprint=cell.fingerprint,
                applied_seq=cell.applied_seq,
                last_bundle_at=cell.last_bundle_at,
                last_bundle_date=format_vn(sent) if sent else "",
                last_import_at=cell.last_import_at,
                reported_this_month=sent is not None
                and (sent.year, sent.month) == (on.year, on.month),
                official=counts.get("official", 0),
                probationary=counts.get("probationary", 0),
                candidates=counts.get("candidate", 0),
                admissions=len(admitted.get(cell.id, set()) | decided.get(cell.id, set())),
                quota=quota.count if quota else None,
                deadlines=due.get(cell.id, []),
                conflicts=conflicts.get(cell.id, []),
            )
        )
    return Board(on, workspace.name, rows)


def _decided(year: int) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for d in upper.decisions():
        if d.kind == "admission" and d.date.startswith(f"{year:04d}-"):
            out[d.cell_id].add(d.person_id)
    return out


def _track(person: dict[str, object], events: list[dict[str, object]]) -> Track:
    def day(value: object) -> dt.date | None:
        return dt.date.fromisoformat(str(value)) if value else None

    state = PersonState(
        str(person["membership"]),
        None,
        bool(person["exempted"]),
        bool(person["temporarily_away"]),
        day(person["admission_decision_date"]),
        day(person["ceremony_date"]),
        day(person["official_date"]),
        None,
    )
    steps = tuple(_recorded(e) for e in events if e.get("date"))
    birth = str(person["birth_date"]) if person["birth_date"] else ""
    return Track(
        str(person["id"]),
        str(person["full_name"]),
        PartialDate.from_iso(birth) if birth else None,
        state,
        steps,
    )


def _recorded(event: dict[str, object]) -> Recorded:
    details = json.loads(str(event.get("details") or "{}"))
    for key in DATE_DETAILS:
        if isinstance(details.get(key), str):
            details[key] = dt.date.fromisoformat(details[key])
    return Recorded(str(event["kind"]), dt.date.fromisoformat(str(event["date"])), details, "")


def _deadlines(reg: Register, on: dt.date) -> dict[str, list[DueItem]]:
    rules, calendar = rule_table(), work_calendar(reg)
    limit = on + dt.timedelta(days=DUE_WITHIN_DAYS)
    decided = {(d.cell_id, d.person_id, d.kind) for d in upper.decisions()}
    by_cell: dict[str, list[dict[str, object]]] = defaultdict(list)
    for person in upper_replica.developing():
        by_cell[str(person["cell_id"])].append(person)
    out: dict[str, list[DueItem]] = defaultdict(list)
    for cell_id, people in by_cell.items():
        events = upper_replica.events_of(cell_id, [str(p["id"]) for p in people])
        for person in people:
            track = _track(person, events.get(str(person["id"]), []))
            for item in person_deadlines(track, [], rules, calendar, on):
                ended_by = DUE_KINDS.get(item.kind, "")
                if item.kind not in DUE_KINDS or item.due > limit:
                    continue
                if ended_by and (cell_id, track.person_id, ended_by) in decided:
                    continue
                out[cell_id].append(
                    DueItem(
                        track.person_id,
                        track.name,
                        item.kind,
                        item.due.isoformat(),
                        item.due < on,
                        item.message,
                        item.rule,
                        item.source,
                    )
                )
    for items in out.values():
        items.sort(key=lambda i: (i.due, i.person_name))
    return out


def _conflicts(cells: list[UpperCell]) -> dict[str, list[dict[str, str]]]:
    names = {c.id: c for c in cells}
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in upper.conflicts():
        out[row.cell_id].append(
            {"id": row.id, "kind": row.kind, "label": CONFLICT_KINDS[row.kind], "text": row.detail}
        )
    for person in _in_two_cells(names):
        for cell_id in person.cell_ids:
            out[cell_id].append(
                {
                    "id": person.person_id,
                    "kind": "person_elsewhere",
                    "label": SharedPerson.LABEL,
                    "text": person.text,
                }
            )
    return out


@dataclass(frozen=True)
class SharedPerson:
    """A person two or more cells hold as theirs (a move one cell has not yet reported)."""

    LABEL = "Một người ở hai chi bộ"
    person_id: str
    full_name: str
    cell_ids: list[str]
    cell_codes: list[str]

    @property
    def text(self) -> str:
        return f"{self.full_name} đang sinh hoạt ở cả các chi bộ {', '.join(self.cell_codes)}"


def _in_two_cells(cells: dict[str, UpperCell]) -> list[SharedPerson]:
    shared: dict[str, list[str]] = defaultdict(list)
    people: dict[str, str] = {}
    for person in upper_replica.in_two_cells():
        shared[str(person["id"])].append(str(person["cell_id"]))
        people[str(person["id"])] = str(person["full_name"])
    return [
        SharedPerson(
            person_id,
            people[person_id],
            cell_ids,
            sorted(cells[c].code for c in cell_ids if c in cells),
        )
        for person_id, cell_ids in shared.items()
    ]


def people_in_two_cells(reg: Register) -> list[SharedPerson]:
    """The people more than one cell holds, for the conflicts the officer looks at."""
    require_workspace(reg)
    return _in_two_cells({c.id: c for c in upper.cells()})


# -- .xlsx ---------------------------------------------------------------------------------------

CELL_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Mã chi bộ", 12),
    ("Tên chi bộ", 30),
    ("Gói gần nhất", 12),
    ("Báo cáo tháng này", 10),
    ("Đảng viên chính thức", 11),
    ("Đảng viên dự bị", 10),
    ("Quần chúng (cảm tình Đảng)", 12),
    ("Kết nạp trong năm", 10),
    ("Chỉ tiêu kết nạp", 10),
    ("Thời hạn cần lưu ý", 10),
    ("Vướng mắc", 10),
)


def _cell_line(row: BoardRow) -> list[object]:
    sent = _local_day(row.last_bundle_at)
    return [
        row.code,
        row.name,
        sent,
        "Đã báo cáo" if row.reported_this_month else "Chưa",
        row.official,
        row.probationary,
        row.candidates,
        row.admissions,
        row.quota,
        len(row.deadlines),
        len(row.conflicts),
    ]


def _sheet(book: Workbook, title: str, columns, lines: list[list[object]], first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    sheet.append([name for name, _width in columns])
    for line in lines:
        sheet.append(line)
    for index, (_name, width) in enumerate(columns, start=1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "B2"


def export_xlsx(found: Board, path: Path) -> Path:
    """The board as a workbook: the cells, the deadlines, the open conflicts."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"«{path.name}»: bảng theo dõi chỉ xuất ra tệp .xlsx")
    book = Workbook()
    _sheet(book, f"Tháng {found.on.month:02d}-{found.on.year}", CELL_COLUMNS,
           [_cell_line(r) for r in found.cells], first=True)  # fmt: skip
    due = [
        [r.code, d.person_name, d.message, dt.date.fromisoformat(d.due),
         "Quá hạn" if d.overdue else "Sắp đến hạn", d.source]
        for r in found.cells for d in r.deadlines
    ]  # fmt: skip
    _sheet(book, "Thời hạn", (("Chi bộ", 12), ("Họ và tên", 26), ("Việc", 50),
           ("Hạn", 12), ("Tình trạng", 12), ("Căn cứ", 30)), due, first=False)  # fmt: skip
    open_ = [[r.code, c["label"], c["text"]] for r in found.cells for c in r.conflicts]
    _sheet(book, "Vướng mắc", (("Chi bộ", 12), ("Loại", 24), ("Nội dung", 80)), open_,
           first=False)  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    _write_atomically(path, buffer.getvalue())
    return path
