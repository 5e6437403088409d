"""The upper level's reports for any period: its copy of the cells (every cell, or a chosen
few) read into the same plain rows a cell's register gives, the quotas the upper level set,
and the same pure computations (``domain.reports``, joined by ``domain.aggregate``), so the
whole đảng bộ is counted the way each cell counts itself; each section followed by its
figures by cell. The window, ``sochibo upper report`` and the printed report come through
``build``, shaped like ``services.reports.build``.

A cell that has sent no bundle yet is left out and named in the notes. Each cell's figures
stop at its last bundle received. The roll calls are counted again from the lines the cells
recorded (the copy has no rolls), by the cell's own rule. A probationary member's nearest
deadline leaves out the mentoring reminders (the upper level's copy does not follow who
helps whom; that stays the cell's matter).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence

from desktop_app.domain import aggregate
from desktop_app.domain import reports as domain
from desktop_app.domain.admission import Recorded, Track, probation_end
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.deadlines import person_deadlines
from desktop_app.domain.errors import StateError
from desktop_app.domain.membership import PersonState
from desktop_app.domain.reports import Deadlines, Period, PersonRow, QuotaRow, RatingRow
from desktop_app.domain.roll_tally import MeetingFact, meeting_rows, presences
from desktop_app.services.reports import EVENT_KINDS, check_period, event_row, kinds_of, person_row
from desktop_app.services.rules import rule_table, work_calendar
from desktop_app.services.tracks import DATE_DETAILS
from desktop_app.services.upper_workspace import find_cell, require_workspace
from desktop_app.store import upper
from desktop_app.store import upper_report_rows as store
from desktop_app.store.database import Register
from desktop_app.store.upper_models import UpperCell

MENTOR_KINDS = ("needs_mentor", "needs_new_mentor", "mentor_comment_due")


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# -- which cells ----------------------------------------------------------------------------------


def chosen_cells(codes: Iterable[str] | None) -> list[UpperCell]:
    """Every enrolled cell (None), or those named, in the order of their codes; an unknown
    code is refused."""
    if codes is None:
        return upper.cells()
    asked = [c.strip() for c in codes if c.strip()]
    if not asked:
        raise StateError("Chọn chi bộ: cần ít nhất một mã chi bộ (ví dụ --cells CB-KP5,CB-KP6)")
    found = {row.id: row for row in (find_cell(code) for code in asked)}
    return sorted(found.values(), key=lambda row: row.code_key)


def parse_codes(text: str | None) -> list[str] | None:
    """ "CB-KP5, CB-KP6" → ["CB-KP5", "CB-KP6"]; None stays None (every cell)."""
    return None if text is None else [part.strip() for part in text.split(",")]


def _reported_on(cell: UpperCell) -> dt.date | None:
    if not cell.last_bundle_at:
        return None
    made = dt.datetime.fromisoformat(cell.last_bundle_at.replace("Z", "+00:00"))
    return made.astimezone().date()


# -- rows -----------------------------------------------------------------------------------------


def _grouped(rows: Iterable[tuple], wanted: set[str]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        if row[0] in wanted:
            out[row[0]].append(row[1:])
    return out


def _meetings(
    period: Period, ids: Sequence[str] | None, wanted: set[str], people, events
) -> dict[str, list]:
    first, last = period.first.isoformat(), period.last.isoformat()
    marks: dict[str, dict[str, str]] = defaultdict(dict)
    for _cell, meeting_id, person_id, status in store.roll_lines(first, last, ids):
        marks[meeting_id][person_id] = status
    out = {}
    for cell_id, found in _grouped(store.meetings(first, last, ids), wanted).items():
        facts = [MeetingFact(i, kind, dt.date.fromisoformat(on), bool(held))
                 for i, kind, on, held in found]  # fmt: skip
        out[cell_id] = meeting_rows(presences(people[cell_id], events[cell_id]), facts, marks)
    return out


def _ratings(period: Period, ids: Sequence[str] | None, wanted: set[str]) -> dict[str, list]:
    found = store.ratings(period.first.year, period.last.year, ids)
    return {
        cell_id: [RatingRow(str(p), int(y), str(level), points) for p, y, level, points in rows]
        for cell_id, rows in _grouped(found, wanted).items()
    }


def _quotas(wanted: set[str]) -> dict[str, list[QuotaRow]]:
    out: dict[str, list[QuotaRow]] = defaultdict(list)
    for q in upper.quotas():
        if q.cell_id in wanted:
            out[q.cell_id].append(QuotaRow(q.year, q.count, "upper"))
    return out


def read_cells(
    cells: Sequence[UpperCell], period: Period, kinds: Iterable[str], *, every: bool, today
) -> list[aggregate.CellData]:
    """The cells' rows (``every``: all the enrolled cells, read without a list of ids)."""
    kinds = set(kinds)
    wanted = {c.id for c in cells}
    ids = None if every else [c.id for c in cells]
    people = defaultdict(list)
    for cell_id, rows in _grouped(store.people(ids), wanted).items():
        people[cell_id] = [person_row(row) for row in rows]
    events, sources = defaultdict(list), defaultdict(dict)
    for cell_id, rows in _grouped(store.events(EVENT_KINDS, ids), wanted).items():
        events[cell_id] = [event_row(row) for row in rows]
        sources[cell_id] = _sources(rows)
    meetings = _meetings(period, ids, wanted, people, events) if "attendance" in kinds else {}
    ratings = _ratings(period, ids, wanted) if "ratings" in kinds else {}
    quotas = _quotas(wanted)
    return [
        aggregate.CellData(
            c.code, c.name,
            domain.Rows(people[c.id], events[c.id], meetings.get(c.id, []),
                        ratings.get(c.id, []), quotas.get(c.id, []), today=today),
            _reported_on(c), sources[c.id],
        )
        for c in cells
    ]  # fmt: skip


def _sources(rows: Iterable[tuple]) -> dict[tuple[str, dt.date], str]:
    """(person id, day) of each transfer in received from a slip → the sending cell's code."""
    out = {}
    for person_id, kind, on, details in rows:
        if kind == "transfer_in" and details:
            code = json.loads(details).get("from_cell_code")
            if isinstance(code, str) and code:
                out[(person_id, dt.date.fromisoformat(on))] = code
    return out


# -- deadlines of probationary members ------------------------------------------------------------


def _track(p: PersonRow, steps: list[tuple]) -> Track:
    recorded = []
    for _person, kind, on, details in steps:
        values = json.loads(details or "{}")
        for key in DATE_DETAILS:
            if isinstance(values.get(key), str):
                values[key] = dt.date.fromisoformat(values[key])
        recorded.append(Recorded(kind, dt.date.fromisoformat(on), values))
    state = PersonState(
        p.membership, p.exit, p.exempted, p.temporarily_away, p.admission_decision_date,
        p.ceremony_date, p.official_date, p.exit_date,
    )  # fmt: skip
    birth = PartialDate.from_iso(p.birth_date) if p.birth_date else None
    return Track(p.id, p.full_name, birth, state, tuple(recorded))


def _nearest(reg: Register, people: list[PersonRow], home: dict[str, str], today: dt.date):
    """Today's nearest deadline of each person still probationary, from their whole record
    in the cell they are in now."""
    rules, calendar = rule_table(), work_calendar(reg)
    ids = {c.code: c.id for c in upper.cells()}
    by_cell: dict[str, list[PersonRow]] = defaultdict(list)
    for p in people:
        by_cell[home[p.id]].append(p)
    out = {}
    for code, mine in by_cell.items():
        steps: dict[str, list[tuple]] = defaultdict(list)
        for row in store.all_events_of(ids[code], [p.id for p in mine]):
            steps[row[0]].append(row)
        for p in mine:
            items = person_deadlines(_track(p, steps[p.id]), [], rules, calendar, today)
            items = [i for i in items if i.kind not in MENTOR_KINDS]
            if items:
                out[p.id] = min(items, key=lambda i: i.due)
    return out


def _deadlines(
    reg: Register, merged: aggregate.Merged, on: dt.date, today: dt.date
) -> dict[str, Deadlines]:
    """The dates of everyone probationary on ``on`` (as ``services.reports`` gives a cell's)."""
    rules, calendar = rule_table(), work_calendar(reg)
    lives = [h for h in domain.histories(merged.people, merged.events) if h.probationary_on(on)]
    still = [h.person for h in lives
             if h.person.membership == "probationary" and h.person.exit is None]  # fmt: skip
    nearest = _nearest(reg, still, merged.home, today)
    out = {}
    for h in lives:
        p = h.person
        end = probation_end(PersonState("probationary", ceremony_date=p.ceremony_date), rules)
        due = None
        if end is not None:
            rule = rules.get("recognition_vote.working_days", end)
            due = calendar.add_working_days(end, int(rule.value))
        item = nearest.get(p.id)
        out[p.id] = Deadlines(end, due, item.due if item else None, item.message if item else "")
    return out


# -- the report -----------------------------------------------------------------------------------


def build(
    reg: Register,
    kind: str | Iterable[str],
    first: dt.date,
    last: dt.date,
    *,
    cells: Iterable[str] | None = None,
    today: dt.date | None = None,
) -> aggregate.UpperReport:
    """The report of ``kind`` (a key of ``domain.reports.KINDS``, several, or "all") for the
    period first..last over every cell (or the codes in ``cells``); figures stop at
    ``today`` and at each cell's last bundle."""
    require_workspace(reg)
    today = _today(today)
    period = check_period(first, last, today)
    kinds = kinds_of(kind)
    chosen = chosen_cells(cells)
    sent = [c for c in chosen if c.applied_seq > 0]
    absent = [(c.code, c.name) for c in chosen if c.applied_seq == 0]
    data = read_cells(sent, period, kinds, every=cells is None, today=today)
    merged = aggregate.merge(data)
    on = min(period.last, today)
    deadlines = _deadlines(reg, merged, on, today) if "probation" in kinds else {}
    target = rule_table().get("study.target_percent", on)
    return aggregate.upper_report(
        data, period, kinds, absent=absent, merged=merged, deadlines=deadlines,
        study_target=int(target.value), study_source=target.source, today=today,
    )  # fmt: skip


def year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
