"""The upper level's statistics over its cells: the cells' rows joined into the rows of one
register, so the same pure functions (``domain.reports``) count the whole đảng bộ, and each
section followed by a table of the same figures by cell (each cell's own report).

The choices the numbers rest on:

* **One person, one id.** A member who moved from one cell of this upper level to another
  keeps their id (the transfer slip carries it), so here they are one person. The receiving
  cell's transfer in of that id and the sending cell's transfer out are one **move within
  the đảng bộ**: neither a decrease nor an increase of the whole, and the member stays a
  member of the đảng bộ between the two days (in transit). The transfer in names the sending
  cell when it came from a slip; without that, a transfer out of another cell holding the
  same id at most MOVE_WINDOW_DAYS away is taken. Each cell's own figures, in the tables by
  cell, still show the move out and the move in. A receiving cell that added the person anew
  (another id) cannot be matched: that move counts as a transfer out and a transfer in, as
  the cells recorded it.
* The person's record is the one of the cell they are in now (with no exit; else the one
  with the latest event); the admission dates it lacks are taken from the cells before. An
  event both cells hold (history a slip carried along) counts once.
* A person two cells hold as members with no transfer between them counts once, and is named.
* A year's quota is the sum of the quotas the upper level set for the cells; a rating the
  same person got in two cells for the same year counts once (the later cell's).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from desktop_app.domain.attendance import ROLL_KINDS
from desktop_app.domain.dates import format_vn
from desktop_app.domain.membership import MEMBERS
from desktop_app.domain.names import fold
from desktop_app.domain.reports import (
    EXIT_KINDS,
    LEVELS,
    MOVE_KINDS,
    Deadlines,
    EventRow,
    History,
    Period,
    PersonRow,
    QuotaRow,
    RatingRow,
    Report,
    Rows,
    Share,
    Table,
    Value,
    admission_day,
    histories,
    history,
    report,
)

# A transfer out and a transfer in of the same person further apart than this are a stay
# outside the đảng bộ, not one move: the member has 30 working days to present the letter at
# the new cell (domain.md §3); half a year leaves room for late entries.
MOVE_WINDOW_DAYS = 183
NAMES_SHOWN = 30  # cells named in a note before "and N others"


@dataclass(frozen=True)
class CellData:
    """One cell's rows as the upper level's copy holds them (its quotas: the upper level's)."""

    code: str
    name: str
    rows: Rows
    reported: dt.date | None = None  # the day the cell made the last bundle received
    # (person id, day of a transfer in) → the code of the cell it came from, as the slip says
    sources: Mapping[tuple[str, dt.date], str] = field(default_factory=dict)


@dataclass(frozen=True)
class InternalMove:
    person_id: str
    full_name: str
    sort_key: str
    from_code: str
    left: dt.date
    to_code: str
    arrived: dt.date

    def in_transit_on(self, day: dt.date) -> bool:
        """Gone from the first cell by the end of the day, not yet in the second."""
        return self.left <= day < self.arrived

    def to_json(self) -> dict[str, object]:
        return {
            "person_id": self.person_id, "full_name": self.full_name,
            "from": self.from_code, "left": self.left.isoformat(),
            "to": self.to_code, "arrived": self.arrived.isoformat(),
        }  # fmt: skip


@dataclass(frozen=True)
class Doubled:
    """A person two cells hold as members, with no transfer between them."""

    person_id: str
    full_name: str
    codes: tuple[str, ...]


@dataclass
class Merged:
    """The rows of all the cells as one register's."""

    people: list[PersonRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    ratings: list[RatingRow] = field(default_factory=list)
    moves: list[InternalMove] = field(default_factory=list)
    doubled: list[Doubled] = field(default_factory=list)
    home: dict[str, str] = field(default_factory=dict)  # person id → code of their cell now
    joined: set[str] = field(default_factory=set)  # ids of people several cells hold


# -- joining the cells ----------------------------------------------------------------------


@dataclass
class _Held:
    """One cell's record of a person, its typed exit made an event."""

    code: str
    person: PersonRow
    events: list[EventRow]
    sources: dict[dt.date, str]  # day of a transfer in → the sending cell's code, folded

    @property
    def start(self) -> dt.date:
        """The day the person came: by transfer, or by admission here (or since ever)."""
        moves = sorted((e.date, e.kind) for e in self.events if e.kind in MOVE_KINDS)
        if moves and moves[0][1] == "transfer_in":
            return moves[0][0]
        return admission_day(self.person) or dt.date.min

    @property
    def last(self) -> dt.date:
        return max((e.date for e in self.events), default=self.start)

    @property
    def live_member(self) -> bool:
        return self.person.exit is None and self.person.membership in MEMBERS


def _held(cell: CellData, person: PersonRow, events: Iterable[EventRow]) -> _Held:
    own = list(events)
    kind = EXIT_KINDS.get(person.exit or "")
    if kind and person.exit_date and not any(e.kind == kind for e in own):
        own.append(EventRow(person.id, kind, person.exit_date))
    sources = {e.date: fold(cell.sources[(person.id, e.date)]) for e in own
               if e.kind == "transfer_in" and (person.id, e.date) in cell.sources}  # fmt: skip
    return _Held(cell.code, person, own, sources)


def _pairs(held: Sequence[_Held]) -> list[tuple[_Held, EventRow, _Held, EventRow]]:
    """Each transfer in, in date order, matched with an unmatched transfer out of another
    cell: of the cell it names if it names one (none if that cell is not among them: an
    arrival from outside), else the nearest within the window."""
    outs = [(h, e) for h in held for e in h.events if e.kind == "transfer_out"]
    ins = sorted(
        ((h, e) for h in held for e in h.events if e.kind == "transfer_in"), key=lambda x: x[1].date
    )
    pairs, used = [], set()
    for into, arrival in ins:
        named = into.sources.get(arrival.date)
        options = [
            (abs((arrival.date - e.date).days), e.date, i)
            for i, (h, e) in enumerate(outs)
            if i not in used and h.code != into.code
            and (fold(h.code) == named if named
                 else abs((arrival.date - e.date).days) <= MOVE_WINDOW_DAYS)
        ]  # fmt: skip
        if options:
            i = min(options)[2]
            used.add(i)
            pairs.append((outs[i][0], outs[i][1], into, arrival))
    return pairs


def _dates_from(home: PersonRow, order: Sequence[_Held]) -> PersonRow:
    """The home record with the admission dates it lacks taken from the earlier cells."""
    found = {}
    for name in ("admission_decision_date", "ceremony_date", "official_date"):
        if getattr(home, name) is None:
            known = [getattr(h.person, name) for h in order if getattr(h.person, name)]
            if known:
                found[name] = known[0]
    return replace(home, **found) if found else home


def _join(held: list[_Held], out: Merged) -> list[str]:
    """One person of several cells into ``out``; the codes of their cells, oldest first."""
    pairs = _pairs(held)
    matched = {id(e) for _, left, _, came in pairs for e in (left, came)}
    order = sorted(held, key=lambda h: h.start)
    live = [h for h in order if h.person.exit is None]
    home = max(live or order, key=lambda h: h.last)  # where they are now, or were last
    person = _dates_from(home.person, order)
    out.people.append(person)
    out.home[person.id] = home.code
    seen = set()
    for h in order:
        for e in h.events:
            key = (e.kind, e.date, e.union)
            if id(e) not in matched and key not in seen:
                seen.add(key)
                out.events.append(e)
    out.moves += [
        InternalMove(person.id, person.full_name, person.sort_key, a.code, left.date, b.code,
                     came.date)
        for a, left, b, came in pairs
    ]  # fmt: skip
    live = [h.code for h in order if h.live_member]
    if len(live) > 1:
        out.doubled.append(Doubled(person.id, person.full_name, tuple(live)))
    return [h.code for h in order]


def merge(cells: Sequence[CellData]) -> Merged:
    """The cells' people, events and ratings as one register's (see the module's notes)."""
    records: dict[str, list[tuple[CellData, PersonRow]]] = defaultdict(list)
    events: dict[tuple[str, str], list[EventRow]] = defaultdict(list)
    for cell in cells:
        for p in cell.rows.people:
            records[p.id].append((cell, p))
        for e in cell.rows.events:
            events[(cell.code, e.person_id)].append(e)
    out = Merged()
    rank: dict[str, dict[str, int]] = {}
    for person_id, found in records.items():
        if len(found) == 1:
            cell, person = found[0]
            out.people.append(person)
            out.events += events.get((cell.code, person_id), [])
            out.home[person_id] = cell.code
            continue
        held = [_held(cell, p, events.get((cell.code, person_id), [])) for cell, p in found]
        out.joined.add(person_id)
        rank[person_id] = {code: i for i, code in enumerate(_join(held, out))}
    out.ratings = _ratings(cells, rank)
    out.moves.sort(key=lambda m: (m.left, m.sort_key))
    return out


def _ratings(cells: Sequence[CellData], rank: Mapping[str, Mapping[str, int]]) -> list[RatingRow]:
    kept: dict[tuple[str, int], tuple[int, RatingRow]] = {}
    for cell in cells:
        for r in cell.rows.ratings:
            order = rank.get(r.person_id, {}).get(cell.code, 0)
            key = (r.person_id, r.year)
            if key not in kept or order >= kept[key][0]:
                kept[key] = (order, r)
    return [r for _, r in kept.values()]


def summed_quotas(cells: Iterable[CellData]) -> list[QuotaRow]:
    """Each year's quota over the cells: the sum of those set."""
    totals: dict[int, int] = defaultdict(int)
    for cell in cells:
        for q in cell.rows.quotas:
            totals[q.year] += q.quota
    return [QuotaRow(year, total, "upper") for year, total in sorted(totals.items())]


# -- the sections, with their tables by cell -------------------------------------------------


@dataclass(frozen=True)
class WithCells:
    """A section of the whole đảng bộ with its tables by cell; reads as the section it wraps
    (its figures, its chart), so every place that shows a report shows this one."""

    section: object
    extra: tuple[Table, ...]
    by_cell: tuple[dict[str, object], ...]
    after: int | None = 1  # the section's own tables before the extra ones (None: all)

    def __getattr__(self, name: str) -> object:
        if name in ("section", "extra", "by_cell", "after"):  # not set yet (a copy)
            raise AttributeError(name)
        return getattr(self.section, name)

    def tables(self) -> list[Table]:
        own = self.section.tables()  # type: ignore[attr-defined]
        cut = len(own) if self.after is None else self.after
        return [*own[:cut], *self.extra, *own[cut:]]

    def to_json(self) -> dict[str, object]:
        return self.section.to_json() | {"by_cell": list(self.by_cell)}  # type: ignore[attr-defined]


Figures = dict[str, Value]
Column = tuple[str, float, str]  # header, share of the width, key of the figures


def _json(value: Value) -> object:
    if isinstance(value, Share):
        return value.to_json()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _by_cell(
    title: str,
    columns: Sequence[Column],
    each: Sequence[tuple[CellData, Figures]],
    total: Figures,
    notes: Sequence[str] = (),
) -> tuple[Table, tuple[dict[str, object], ...]]:
    """A table with a line per cell and a last line for the whole; the same figures as JSON."""
    heads = (("Mã", 10.0), ("Chi bộ", 24.0), *((h, w) for h, w, _ in columns))
    rows = [(c.code, c.name or c.code, *(f[k] for _, _, k in columns)) for c, f in each]
    rows.append(("Cộng", f"{len(each)} chi bộ", *(total[k] for _, _, k in columns)))
    table = Table(title, heads, rows, numeric=tuple(range(2, len(heads))), notes=tuple(notes))
    data = tuple({"code": c.code, "name": c.name, **{k: _json(v) for k, v in f.items()}}
                 for c, f in each)  # fmt: skip
    return table, data


def _admissions(a) -> Figures:
    quotas = [y.quota.quota for y in a.years if y.quota]
    quota = sum(quotas) if quotas else None
    start = a.years[0].members_at_start
    return {"members_at_start": start, "admitted": a.total, "quota": quota,
            "of_quota": Share(a.total, quota), "of_members": Share(a.total, start)}  # fmt: skip


def _new_members(n) -> Figures:
    c = n.composition
    return {"admitted": c.total, "women": c.women, "minorities": c.minorities,
            "believers": c.believers, "youth_union": c.youth_union}  # fmt: skip


def _movements(m) -> Figures:
    counted = m.count("transfer_out") + m.count("death")
    return {
        "at_start": m.at_start, "admission": m.count("admission"),
        "transfer_in": m.count("transfer_in"), "transfer_out": m.count("transfer_out"),
        "left": m.decrease - counted, "death": m.count("death"), "at_end": m.at_end,
        "recognised": len(m.recognised),
    }  # fmt: skip


def _probation(p) -> Figures:
    return {"probationary": len(p.people), "overdue": p.overdue}


def _attendance(a) -> Figures:
    study = a.by_kind["study"]
    return {
        "meetings": sum(a.held.get(k, 0) for k in ROLL_KINDS), "expected": a.overall.expected,
        "attended": a.overall.attended, "rate": Share(a.overall.attended, a.overall.expected),
        "study_rate": Share(study.attended, study.expected),
    }  # fmt: skip


def _rating_year(year: int) -> Callable[[object], Figures]:
    def figures(r) -> Figures:
        [y] = [y for y in r.years if y.year == year]
        return {"to_rate": y.to_rate, "rated": y.rated, **y.counts}

    return figures


_COLUMNS: dict[str, tuple[str, tuple[Column, ...]]] = {
    "admissions": ("Kết nạp đảng viên theo chi bộ", (
        ("Đảng viên đầu năm", 12, "members_at_start"), ("Kết nạp", 9, "admitted"),
        ("Chỉ tiêu", 9, "quota"), ("So với chỉ tiêu", 12, "of_quota"),
        ("So với đảng viên đầu năm", 14, "of_members"))),
    "new-members": ("Đảng viên mới kết nạp theo chi bộ", (
        ("Kết nạp", 10, "admitted"), ("Nữ", 10, "women"), ("Dân tộc thiểu số", 12, "minorities"),
        ("Có đạo", 10, "believers"), ("Đoàn TN giới thiệu", 14, "youth_union"))),
    "movements": ("Tăng, giảm đảng viên theo chi bộ", (
        ("Đầu kỳ", 7, "at_start"), ("Kết nạp", 7, "admission"), ("Chuyển đến", 8, "transfer_in"),
        ("Chuyển đi", 8, "transfer_out"), ("Ra khỏi Đảng", 8, "left"), ("Từ trần", 7, "death"),
        ("Cuối kỳ", 7, "at_end"), ("Công nhận chính thức", 10, "recognised"))),
    "probation": ("Đảng viên dự bị theo chi bộ", (
        ("Đảng viên dự bị", 20, "probationary"), ("Có việc quá hạn", 20, "overdue"))),
    "attendance": ("Sinh hoạt chi bộ theo chi bộ", (
        ("Số buổi", 10, "meetings"), ("Lượt dự kiến", 11, "expected"), ("Có mặt", 10, "attended"),
        ("Tỷ lệ có mặt", 12, "rate"), ("Học tập nghị quyết", 13, "study_rate"))),
}  # fmt: skip
_FIGURES: dict[str, Callable[[object], Figures]] = {
    "admissions": _admissions, "new-members": _new_members, "movements": _movements,
    "probation": _probation, "attendance": _attendance,
}  # fmt: skip
_NOTES = {
    "admissions": "Đảng viên đầu năm: hết ngày 31/12 năm trước năm đầu của kỳ. Chỉ tiêu: cấp "
    "trên giao cho từng chi bộ, các năm trong kỳ cộng lại.",
    "movements": "Ra khỏi Đảng: xóa tên, khai trừ, xin ra khỏi Đảng. Dòng Cộng là số của "
    "toàn đảng bộ: chuyển sinh hoạt giữa hai chi bộ trong đảng bộ có ở chuyển đi, chuyển đến "
    "của từng chi bộ nhưng không là tăng, giảm của đảng bộ.",
    "attendance": "Số buổi: sinh hoạt thường kỳ, chuyên đề, học tập nghị quyết đã họp. "
    "Học tập nghị quyết: tỷ lệ có mặt ở các buổi học tập nghị quyết.",
}


def _cells_note(absent: Sequence[tuple[str, str]]) -> list[str]:
    if not absent:
        return []
    return [f"Chưa có số liệu (chưa gửi gói): {_names(code for code, _ in absent)}."]


def _names(codes: Iterable[str]) -> str:
    found = list(codes)
    shown = ", ".join(found[:NAMES_SHOWN])
    more = len(found) - NAMES_SHOWN
    return f"{shown} và {more} chi bộ khác" if more > 0 else shown


def _section(
    kind: str,
    whole: object,
    each: Sequence[tuple[CellData, Report]],
    moves: Sequence[InternalMove],
    period: Period,
    absent: Sequence[tuple[str, str]],
) -> WithCells:
    if kind == "ratings":
        return _ratings_section(whole, each, absent)
    title, columns = _COLUMNS[kind]
    figures = _FIGURES[kind]
    lines = [(cell, figures(r.sections[kind])) for cell, r in each]
    notes = [*([_NOTES[kind]] if kind in _NOTES else []), *_cells_note(absent)]
    if kind == "movements":
        notes += _transit_notes(moves, period)
    table, data = _by_cell(title, columns, lines, figures(whole), notes)
    extra = [table]
    if kind == "movements":
        data = tuple(d | _moved(d["code"], moves, period) for d in data)  # type: ignore[arg-type]
        within = [m for m in moves if m.left in period or m.arrived in period]
        if within:
            extra.append(_moves_table(within))
    return WithCells(whole, tuple(extra), data)


def _moved(code: str, moves: Sequence[InternalMove], period: Period) -> dict[str, object]:
    return {
        "moved_out_within": sum(m.from_code == code and m.left in period for m in moves),
        "moved_in_within": sum(m.to_code == code and m.arrived in period for m in moves),
    }


def _transit_notes(moves: Sequence[InternalMove], period: Period) -> list[str]:
    notes = []
    before = period.first - dt.timedelta(days=1)
    for day, when in ((before, "Đầu kỳ"), (period.last, "Cuối kỳ")):
        count = sum(m.in_transit_on(day) for m in moves)
        if count:
            notes.append(
                f"{when} của đảng bộ tính cả {count} đảng viên đang chuyển giữa hai chi bộ "
                f"(hết ngày {format_vn(day)} đã chuyển đi, chưa đến chi bộ mới)."
            )
    return notes


def _moves_table(moves: Sequence[InternalMove]) -> Table:
    return Table(
        f"Chuyển sinh hoạt giữa các chi bộ trong đảng bộ ({len(moves)} lượt)",
        (("TT", 6), ("Họ và tên", 30), ("Từ chi bộ", 14), ("Ngày chuyển đi", 15),
         ("Đến chi bộ", 14), ("Ngày chuyển đến", 15)),
        [(n, m.full_name, m.from_code, m.left, m.to_code, m.arrived)
         for n, m in enumerate(moves, 1)],
        numeric=(0, 3, 5),
    )  # fmt: skip


def _ratings_section(
    whole, each: Sequence[tuple[CellData, Report]], absent: Sequence[tuple[str, str]]
) -> WithCells:
    columns = (("Phải xếp loại", 11, "to_rate"), ("Đã xếp loại", 11, "rated"),
               *((lv.short, 9, lv.code) for lv in LEVELS))  # fmt: skip
    tables, data = [], []
    for year in (y.year for y in whole.years if y.rated):
        figures = _rating_year(year)
        lines = [(cell, figures(r.sections["ratings"])) for cell, r in each]
        table, rows = _by_cell(
            f"Xếp loại chất lượng đảng viên năm {year} theo chi bộ", columns, lines,
            figures(whole), _cells_note(absent),
        )  # fmt: skip
        tables.append(table)
        data += [{"year": year, **row} for row in rows]
    return WithCells(whole, tuple(tables), tuple(data), after=None)


# -- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellLine:
    code: str
    name: str
    reported: dt.date | None

    def to_json(self) -> dict[str, object]:
        reported = self.reported.isoformat() if self.reported else None
        return {"code": self.code, "name": self.name, "last_bundle": reported}


@dataclass(frozen=True)
class UpperReport(Report):
    """The report of the whole đảng bộ: the sections (each with its tables by cell), the
    cells counted, those with no figures yet, and the moves between cells."""

    cells: tuple[CellLine, ...] = ()
    absent: tuple[tuple[str, str], ...] = ()  # (code, name) of cells with no bundle yet
    moves: tuple[InternalMove, ...] = ()

    def to_json(self) -> dict[str, object]:
        return super().to_json() | {
            "cells": [c.to_json() for c in self.cells],
            "absent_cells": [{"code": code, "name": name} for code, name in self.absent],
            "moves_within": [m.to_json() for m in self.moves],
        }


def upper_report(
    cells: Sequence[CellData],
    period: Period,
    kinds: Iterable[str],
    *,
    absent: Sequence[tuple[str, str]] = (),
    merged: Merged | None = None,
    deadlines: Mapping[str, Deadlines] | None = None,
    study_target: int | None = None,
    study_source: str = "",
    today: dt.date = dt.date.max,
) -> UpperReport:
    """The sections ``kinds`` over the period for the whole đảng bộ, each with its figures
    by cell; ``absent``: cells that have sent nothing (named in the notes)."""
    kinds = list(kinds)
    merged = merged if merged is not None else merge(cells)
    common = {"deadlines": dict(deadlines or {}), "study_target": study_target,
              "study_source": study_source, "today": today}  # fmt: skip
    rows = Rows(
        merged.people, merged.events, [m for c in cells for m in c.rows.meetings],
        merged.ratings, summed_quotas(cells), **common,
    )  # fmt: skip
    lives = [histories(c.rows.people, c.rows.events) for c in cells]
    whole = report(rows, period, kinds, _whole_lives(merged, lives))
    each = [
        (cell, report(replace(cell.rows, **common), period, kinds, mine))
        for cell, mine in zip(cells, lives, strict=True)
    ]
    sections = {
        kind: _section(kind, section, each, merged.moves, period, absent)
        for kind, section in whole.sections.items()
    }
    notes = _notes(cells, absent, merged, period, today)
    return UpperReport(
        period, today, sections, [*notes, *whole.limits],
        tuple(CellLine(c.code, c.name, c.reported) for c in cells), tuple(absent),
        tuple(m for m in merged.moves if m.left in period or m.arrived in period),
    )  # fmt: skip


def _whole_lives(merged: Merged, lives: Iterable[list[History]]) -> list[History]:
    """The histories of the whole: a person of one cell has the one the cell's report reads
    (the same rows), a person of several is made from the joined rows."""
    known = {h.person.id: h for mine in lives for h in mine if h.person.id not in merged.joined}
    steps: dict[str, list[EventRow]] = defaultdict(list)
    for e in merged.events:
        if e.person_id in merged.joined:
            steps[e.person_id].append(e)
    return [known.get(p.id) or history(p, steps[p.id]) for p in merged.people]


def _notes(
    cells: Sequence[CellData],
    absent: Sequence[tuple[str, str]],
    merged: Merged,
    period: Period,
    today: dt.date,
) -> list[str]:
    """What the upper level must know to read the figures."""
    out = [
        f"Số liệu tổng hợp từ {len(cells)} chi bộ, mỗi chi bộ theo gói gần nhất cấp trên đã "
        "nhận. Đảng viên chuyển sinh hoạt giữa hai chi bộ trong đảng bộ (cùng một mã người) "
        "được tính là chuyển trong đảng bộ, không tính tăng, giảm."
    ]
    if absent:
        named = [f"{code} ({name})" if name else code for code, name in absent]
        out.append(f"Chi bộ chưa gửi gói nào, không có trong số liệu: {_names(named)}.")
    until = min(period.last, today)
    late = [c for c in cells if c.reported is None or c.reported < until]
    if late:
        named = [f"{c.code} ({format_vn(c.reported)})" if c.reported else c.code for c in late]
        out.append(
            f"Chi bộ có gói gần nhất trước ngày {format_vn(until)} (số liệu sau ngày gửi gói "
            f"chưa có): {_names(named)}."
        )
    for year in period.years:
        missing = [c.code for c in cells if not any(q.year == year for q in c.rows.quotas)]
        if missing and len(missing) < len(cells):
            out.append(f"Năm {year} chưa giao chỉ tiêu kết nạp cho: {_names(missing)}.")
    for d in merged.doubled:
        out.append(
            f"{d.full_name} đang là đảng viên của cả các chi bộ {', '.join(d.codes)} (chưa ghi "
            "chuyển đi): tính một người."
        )
    return out
