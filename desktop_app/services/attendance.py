"""Attendance over a year: the month-by-member grid, each member's figures, the rates a report
needs, and the meeting warnings of the Today page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.domain.attendance import (
    Mark,
    MeetingFact,
    MemberYear,
    Tally,
    group_on,
    member_years,
    status_of,
)
from desktop_app.domain.deadlines import TodoItem
from desktop_app.domain.meeting_warnings import meeting_warnings
from desktop_app.domain.rules import Rule
from desktop_app.services import rolls
from desktop_app.services.meetings import MeetingView, list_meetings
from desktop_app.services.rules import rule_table
from desktop_app.services.tracks import day
from desktop_app.store import meetings
from desktop_app.store.database import Register


def _marks(meeting_ids: list[str]) -> dict[str, dict[str, Mark]]:
    lines = meetings.lines_of(meeting_ids)
    return {
        mid: {ln.person_id: Mark(ln.status, ln.reason) for ln in rows if ln.person_id}
        for mid, rows in lines.items()
    }


@dataclass(frozen=True)
class GridRow:
    person_id: str
    name: str
    sort_key: str
    exempted: bool  # exempted at every roll of the year they were on: listed apart
    cells: tuple[str | None, ...]  # status per grid meeting; None: not on that roll
    reasons: tuple[str, ...]
    year: MemberYear | None


@dataclass(frozen=True)
class Grid:
    year: int
    meetings: list[MeetingView]  # the roll-taking meetings held that year, by date
    rows: list[GridRow]

    def column_of(self, meeting_id: str) -> int:
        return next(i for i, m in enumerate(self.meetings) if m.id == meeting_id)


def grid(reg: Register, year: int) -> Grid:
    """Members (rows) by the year's roll-taking meetings (columns): the status of each member
    expected at each meeting; exempted members who came show too."""
    presences = rolls.all_presences()
    views = [v for v in list_meetings(reg, year, presences=presences) if v.fact().takes_roll]
    marks = _marks([v.id for v in views])
    years = {
        y.person_id: y for y in member_years(presences, [v.fact() for v in views], marks, year)
    }
    rows = []
    for p in presences:
        groups = [group_on(p, day(v.date)) for v in views]
        if not any(groups):
            continue
        cells, reasons = [], []
        for v, group in zip(views, groups, strict=True):
            mine = marks.get(v.id, {})
            cells.append(status_of(group, mine, p.person_id) if group else None)
            reasons.append(mine[p.person_id].reason if p.person_id in mine else "")
        exempted = all(g in (None, "exempted") for g in groups)
        rows.append(
            GridRow(p.person_id, p.name, p.sort_key, exempted, tuple(cells), tuple(reasons),
                    years.get(p.person_id))
        )  # fmt: skip
    rows.sort(key=lambda r: (r.exempted, r.sort_key))
    return Grid(year, views, rows)


@dataclass(frozen=True)
class YearReport:
    year: int
    meetings: list[MeetingView]
    members: list[MemberYear]
    overall: Tally  # every expected place at a roll-taking meeting
    study: Tally  # resolution-study sessions only
    study_target: Rule
    counts: dict[str, int] = field(default_factory=dict)  # meetings held per kind

    @property
    def study_met(self) -> bool | None:
        rate = self.study.rate
        return None if rate is None else rate * 100 >= int(self.study_target.value)

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "meetings_held": self.counts,
            "attendance": self.overall.to_json(),
            "study": self.study.to_json()
            | {"target_percent": int(self.study_target.value), "met": self.study_met,
               "source": self.study_target.source},
            "members": [m.to_json() for m in self.members],
            "meetings": [
                {"id": m.id, "date": m.date, "kind": m.kind, "topic": m.topic,
                 "held": m.held} | m.tally.to_json()
                for m in self.meetings
            ],
        }  # fmt: skip


def year_report(reg: Register, year: int) -> YearReport:
    """The year's figures: per meeting, per member, overall and for resolution study."""
    presences = rolls.all_presences()
    views = list_meetings(reg, year, presences=presences)
    roll = [v for v in views if v.fact().takes_roll]
    years = member_years(presences, [v.fact() for v in roll], _marks([v.id for v in roll]), year)
    overall, study = Tally(), Tally()
    for v in roll:
        overall += v.tally
        if v.kind == "study":
            study += v.tally
    counts: dict[str, int] = {}
    for v in views:
        if v.held:
            counts[v.kind] = counts.get(v.kind, 0) + 1
    target = rule_table().get("study.target_percent", dt.date(year, 12, 31))
    return YearReport(year, views, years, overall, study, target, counts)


def absence_thresholds(year: int) -> tuple[int, int]:
    """(months of unexcused absence for a reminder, for removal to be considered) in force at
    the end of the year."""
    on, table = dt.date(year, 12, 31), rule_table()
    warn = int(table.get("absence.warn_months", on).value)
    return warn, int(table.get("absence.removal_months", on).value)


def warnings(reg: Register, on: dt.date) -> list[TodoItem]:
    """Months without a regular meeting, quarters without a thematic one, members with
    unexcused absences this year: the Today items of meetings. Members' rolls are read only
    when this year has meetings that take one."""
    if not meetings.has_members():
        return []  # nobody to meet
    since = dt.date(on.year - 1, 1, 1).isoformat()
    facts = [
        MeetingFact(r.id, r.kind, day(r.date), bool(r.held), r.topic)
        for r in meetings.meetings_between(since, None)
    ]
    this_year = [f for f in facts if f.takes_roll and f.date.year == on.year]
    years = []
    if this_year:
        marks = _marks([f.id for f in this_year])
        years = member_years(rolls.all_presences(), this_year, marks, on.year)
    first = meetings.first_meeting_date()
    return meeting_warnings(facts, years, rule_table(), on, day(first))
