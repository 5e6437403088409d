"""The rule table the program ships, and the working-day calendar with the user's overrides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from desktop_app import paths
from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import StateError
from desktop_app.domain.names import clean_text
from desktop_app.domain.reports import BAND_RULES, Band
from desktop_app.domain.rules import Rule, RuleTable
from desktop_app.store import development, records
from desktop_app.store.database import Register
from desktop_app.store.models import CalendarOverride

RULES_FILE = "rules/rules.toml"
NOTE_LIMIT = 200


@lru_cache(maxsize=1)
def rule_table() -> RuleTable:
    """The shipped rule table (read once; it is part of the program, not of the register)."""
    text = (paths.resources_dir() / RULES_FILE).read_text(encoding="utf-8")
    return RuleTable.parse(text)


def list_rules(on: dt.date | None = None, every_version: bool = False) -> list[Rule]:
    """The rules in force on a day (default today), or every version of every rule."""
    table = rule_table()
    return table.all() if every_version else table.current(on or dt.date.today())


def rating_bands(on: dt.date) -> dict[str, Band]:
    """The lowest score of each rating level's band in force on a day (level code → Band)."""
    table = rule_table()
    found = {level: table.get(rule_id, on) for level, rule_id in BAND_RULES.items()}
    return {level: Band(int(rule.value), rule.source) for level, rule in found.items()}


def rule_json(rule: Rule) -> dict[str, object]:
    value = rule.value if isinstance(rule.value, int) else str(rule.value)
    return {
        "id": rule.id,
        "title": rule.title,
        "value": value,
        "unit": rule.unit,
        "value_text": rule.value_text(),
        "effective_from": rule.effective_from.isoformat(),
        "source": rule.source,
        "confidence": rule.confidence,
        "note": rule.note,
    }


# -- working days -------------------------------------------------------------------------


@dataclass(frozen=True)
class OverrideView:
    id: str
    day: str
    working: bool
    note: str

    @property
    def label(self) -> str:
        return "Ngày làm việc bù" if self.working else "Ngày nghỉ"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "day": self.day,
            "working": self.working,
            "note": self.note,
            "label": self.label,
        }


def _view(row: CalendarOverride) -> OverrideView:
    return OverrideView(row.id, row.day, bool(row.working), row.note)


def work_calendar(reg: Register) -> WorkCalendar:
    """Vietnamese public holidays and days off, with the days the user moved."""
    rows = development.calendar_overrides()
    return WorkCalendar(
        days_off=[dt.date.fromisoformat(r.day) for r in rows if not r.working],
        working_days=[dt.date.fromisoformat(r.day) for r in rows if r.working],
    )


def list_overrides(reg: Register) -> list[OverrideView]:
    return [_view(r) for r in development.calendar_overrides()]


def set_override(reg: Register, day: dt.date, working: bool, note: str = "") -> OverrideView:
    """Declare a day a day off (the government gave one) or a working day (a swapped
    Saturday); a day already declared is refused, remove it first."""
    note = clean_text(note)
    if len(note) > NOTE_LIMIT:
        raise StateError(f"Ngày {format_vn(day)}: ghi chú quá dài (tối đa {NOTE_LIMIT} ký tự)")
    with reg.atomic():
        existing = development.calendar_override_on(day.isoformat())
        if existing is not None:
            raise StateError(
                f"Ngày {format_vn(day)} đã được ghi là {_view(existing).label.lower()}; "
                "hãy xóa trước khi ghi lại"
            )
        default = WorkCalendar().is_working_day(day)
        if default == working:
            what = "ngày làm việc" if working else "ngày nghỉ"
            raise StateError(f"Ngày {format_vn(day)} vốn đã là {what}; không cần ghi")
        row = records.insert(
            CalendarOverride,
            {"day": day.isoformat(), "working": working, "note": note},
            reg.author,
        )
    return _view(row)


def remove_override(reg: Register, day: dt.date) -> OverrideView:
    with reg.atomic():
        row = development.calendar_override_on(day.isoformat())
        if row is None:
            raise StateError(f"Ngày {format_vn(day)} không có thay đổi nào do người dùng ghi")
        records.tombstone(row, reg.author)
    return _view(row)
