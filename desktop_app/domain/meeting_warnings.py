"""The Today items of meetings: a month without a regular meeting, a quarter without a thematic
one, and members with unexcused absences (a reminder at 2 months, removal to consider at 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from desktop_app.domain.attendance import (
    KINDS,
    MeetingFact,
    MemberYear,
    first_day_of_period,
    months_text,
    period_end,
    period_label,
    periods,
)
from desktop_app.domain.dates import format_vn
from desktop_app.domain.deadlines import TodoItem
from desktop_app.domain.rules import Rule, RuleTable

ITEM_KINDS = ("no_regular_meeting", "no_thematic_meeting", "absence_warning", "absence_removal")
CELL_NAME = "Chi bộ"  # the "person" of an item about the whole cell
LOOKBACK_MONTHS = 12  # months checked for missing meetings, the current one included


def meeting_warnings(
    meetings: list[MeetingFact],
    years: Iterable[MemberYear],
    rules: RuleTable,
    on: dt.date,
    first: dt.date | None,
) -> list[TodoItem]:
    """``meetings``: at least those of the last 12 months; ``first``: the date of the first
    meeting in the register (None: none yet)."""
    start = window_start(first, on)
    items = _missing(meetings, "regular", rules.get("meeting.regular_months", on), start, on)
    items += _missing(meetings, "thematic", rules.get("meeting.thematic_months", on), start, on)
    for year in years:
        if year.year == on.year:
            items += _absences(year, rules, on)
    return items


def window_start(first: dt.date | None, on: dt.date) -> dt.date:
    """Twelve months back, but not before the first meeting in the register (a secretary who
    starts using the program today is not told about the years before)."""
    month = on.year * 12 + on.month - 1 - (LOOKBACK_MONTHS - 1)
    back = dt.date(month // 12, month % 12 + 1, 1)
    if first is None:
        return dt.date(on.year, on.month, 1)
    return max(back, dt.date(first.year, first.month, 1))


def _missing(
    meetings: list[MeetingFact], kind: str, rule: Rule, start: dt.date, on: dt.date
) -> list[TodoItem]:
    months = int(rule.value)
    items = []
    for begin, end in periods(start, on, months):
        inside = [m for m in meetings if m.kind == kind and begin <= m.date <= end]
        if any(m.held for m in inside):
            continue
        label = period_label(begin, months)
        name = KINDS[kind].lower()
        planned = sorted(m.date for m in inside)
        if planned:
            message = (
                f"Buổi {name} {label} dự kiến ngày {format_vn(planned[0])} chưa được ghi là đã họp"
            )
        else:
            message = f"Chưa có buổi {name} {label}"
        items.append(_item("", CELL_NAME, f"no_{kind}_meeting", end, rule, message, None, label))
    return items


def _absences(year: MemberYear, rules: RuleTable, on: dt.date) -> list[TodoItem]:
    months = year.unexcused_months
    removal = rules.get("absence.removal_months", on)
    warn = rules.get("absence.warn_months", on)
    when = months_text(months, year.year)
    if len(months) >= int(removal.value):
        third = min(year.unexcused[months[int(removal.value) - 1]])
        message = (
            f"Bỏ sinh hoạt không lý do {len(months)} tháng trong năm ({when}): "
            "chi bộ xem xét, đề nghị xóa tên"
        )
        return [
            _item(year.person_id, year.name, "absence_removal", third, removal, message, third,
                  f"Buổi vắng của tháng thứ {removal.value}")
        ]  # fmt: skip
    if len(months) >= int(warn.value):
        last = max(max(days) for days in year.unexcused.values())
        message = (
            f"Vắng sinh hoạt không lý do {len(months)} tháng trong năm ({when}): nhắc nhở; "
            f"vắng đến {removal.value} tháng thì chi bộ phải xem xét xóa tên"
        )
        due = period_end(first_day_of_period(on, 1), 1)
        return [
            _item(year.person_id, year.name, "absence_warning", due, warn, message, last,
                  "Lần vắng gần nhất")
        ]  # fmt: skip
    return []


def _item(
    person_id: str,
    name: str,
    kind: str,
    due: dt.date,
    rule: Rule,
    message: str,
    basis: dt.date | None,
    label: str,
) -> TodoItem:
    return TodoItem(
        person_id, name, kind, due, rule.id, rule.source, rule.confidence, message, basis,
        label[:1].upper() + label[1:], rule.why(),
    )  # fmt: skip
