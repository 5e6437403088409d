"""The cell's reports for any period: the register read once into plain rows, handed to the
pure computations of ``domain/reports.py`` (the upper level hands the same functions the rows
of its cells). The window, ``sochibo report`` and the printed report all come through
``build``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from desktop_app.domain import reports as domain
from desktop_app.domain.admission import probation_end
from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.domain.membership import PersonState
from desktop_app.domain.reports import (
    ALL,
    KINDS,
    Deadlines,
    EventRow,
    History,
    MeetingRow,
    Period,
    PersonRow,
    QuotaRow,
    RatingRow,
    Report,
    Rows,
)
from desktop_app.services import development, rolls
from desktop_app.services.meetings import list_meetings
from desktop_app.services.rules import rule_table, work_calendar
from desktop_app.services.tracks import day
from desktop_app.store import ratings as store
from desktop_app.store.database import Register

EVENT_KINDS = (
    *(k for k in domain.MOVE_KINDS if k != "admission"), "recognition", *domain.ADMISSION_STEPS,
    "union_introduction", *domain.OVERLAY_KINDS,
)  # fmt: skip
FIRST_DAY = dt.date(domain.FIRST_YEAR, 1, 1)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# -- rows ---------------------------------------------------------------------------------


def person_row(values: tuple) -> PersonRow:
    """A row of ``store.ratings.report_people`` as the reports read it."""
    v = dict(zip(store.REPORT_PERSON_COLUMNS, values, strict=True))
    dates = ("exit_date", "admission_decision_date", "ceremony_date", "official_date")
    for name in dates:
        v[name] = day(v[name])
    v["exempted"], v["temporarily_away"] = bool(v["exempted"]), bool(v["temporarily_away"])
    return PersonRow(**v)


def event_row(values: tuple) -> EventRow:
    person_id, kind, on, details = values
    union = ""
    if kind == "union_introduction":
        union = str(json.loads(details or "{}").get("union") or "")
    return EventRow(person_id, kind, dt.date.fromisoformat(on), union)


def people_rows(person_id: str | None = None) -> list[PersonRow]:
    return [person_row(v) for v in store.report_people(person_id)]


def event_rows(person_id: str | None = None) -> list[EventRow]:
    return [event_row(v) for v in store.report_events(EVENT_KINDS, person_id)]


def history_of(person_id: str) -> History | None:
    """One person's membership of the cell, from their record and events."""
    found = people_rows(person_id)
    return domain.history(found[0], event_rows(person_id)) if found else None


def _meetings(reg: Register, period: Period) -> list[MeetingRow]:
    presences = rolls.all_presences()  # read once for every year of the period
    out = []
    for year in period.years:
        for m in list_meetings(reg, year, presences=presences):
            if day(m.date) in period:
                out.append(MeetingRow(m.id, m.kind, day(m.date), m.held, m.tally))
    return out


def _ratings(period: Period) -> list[RatingRow]:
    rows = store.ratings(years=(period.first.year, period.last.year))
    return [RatingRow(r.person_id, r.year, r.level, r.points) for r in rows]


def _quotas() -> list[QuotaRow]:
    return [QuotaRow(q.year, q.quota, q.source, q.reference) for q in store.quotas()]


def _deadlines(reg: Register, data: Rows, on: dt.date, today: dt.date) -> dict[str, Deadlines]:
    """The dates of everyone probationary on ``on``: the end of probation and the day the
    cell's vote falls due (rule table, working days), and today's nearest deadline for those
    still probationary."""
    rules, calendar = rule_table(), work_calendar(reg)
    lives = domain.histories(data.people, data.events)
    nearest = {row.person_id: row for row in development.list_candidates(reg, today)}
    out = {}
    for h in lives:
        if not h.probationary_on(on):
            continue
        p = h.person
        end = probation_end(PersonState("probationary", ceremony_date=p.ceremony_date), rules)
        due = None
        if end is not None:
            rule = rules.get("recognition_vote.working_days", end)
            due = calendar.add_working_days(end, int(rule.value))
        row = nearest.get(p.id)
        next_due = day(row.next_due) if row else None
        out[p.id] = Deadlines(end, due, next_due, row.next_what if row else "")
    return out


def read_rows(reg: Register, period: Period, kinds: Iterable[str], today: dt.date) -> Rows:
    """What the sections ``kinds`` read, and nothing more (the rolls of a year of meetings
    are the costly part)."""
    kinds = set(kinds)
    target = rule_table().get("study.target_percent", min(period.last, today))
    data = Rows(
        people=people_rows(),
        events=event_rows(),
        meetings=_meetings(reg, period) if "attendance" in kinds else (),
        ratings=_ratings(period) if "ratings" in kinds else (),
        quotas=_quotas(),
        study_target=int(target.value),
        study_source=target.source,
        today=today,
    )
    if "probation" in kinds:
        on = min(period.last, today)
        data = Rows(**{**data.__dict__, "deadlines": _deadlines(reg, data, on, today)})
    return data


# -- reports ------------------------------------------------------------------------------


def check_period(first: dt.date, last: dt.date, today: dt.date) -> Period:
    if first > last:
        raise StateError(
            f"Kỳ báo cáo: ngày bắt đầu {format_vn(first)} sau ngày kết thúc {format_vn(last)}"
        )
    if first < FIRST_DAY:
        raise StateError(f"Kỳ báo cáo: ngày bắt đầu {format_vn(first)} trước năm 1930")
    if first > today:
        raise StateError(
            f"Kỳ báo cáo: ngày bắt đầu {format_vn(first)} sau hôm nay ({format_vn(today)}), "
            "chưa có số liệu"
        )
    return Period(first, last)


def kinds_of(kind: str | Iterable[str]) -> list[str]:
    """The sections asked for: one kind, "all", or several; unknown kinds refused."""
    asked = [kind] if isinstance(kind, str) else list(kind)
    if ALL in asked:
        return list(KINDS)
    unknown = [k for k in asked if k not in KINDS]
    if unknown or not asked:
        known = ", ".join([*KINDS, ALL])
        raise NotFoundError(f"Không có loại báo cáo «{', '.join(unknown)}». Các loại: {known}")
    return [k for k in KINDS if k in asked]


def build(
    reg: Register,
    kind: str | Iterable[str],
    first: dt.date,
    last: dt.date,
    *,
    today: dt.date | None = None,
) -> Report:
    """The report of ``kind`` (a key of ``domain.reports.KINDS``, several, or "all") for the
    period first..last; figures stop at ``today``."""
    today = _today(today)
    period = check_period(first, last, today)
    kinds = kinds_of(kind)
    return domain.report(read_rows(reg, period, kinds, today), period, kinds)


def year_to_date(today: dt.date) -> tuple[dt.date, dt.date]:
    """The default period: 1 January to today."""
    return dt.date(today.year, 1, 1), today
