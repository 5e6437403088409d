"""The yearly rating of members (đánh giá, xếp loại chất lượng đảng viên, Quy định 366-QĐ/TW)
and the year's admission quota (chỉ tiêu kết nạp): set, change, remove, list. Each write is
one journalled transaction; one live rating per member and year, one live quota per year.

A quota is typed by the secretary ("cell") or comes from the upper level ("upper", with its
document or receipt as the reference); the upper level owns its decisions, so a quota it gave
is never overwritten by a typed one."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import Problem, StateError, ValidationError
from desktop_app.domain.reports import (
    LEVEL_BY_CODE,
    MOVE_LABELS,
    QUOTA_SOURCES,
    Band,
    History,
    Period,
    check_quota,
    check_rating,
    histories,
    points_text,
)
from desktop_app.services import members
from desktop_app.services.reports import event_rows, history_of, people_rows
from desktop_app.services.rules import rating_bands
from desktop_app.store import ratings as store
from desktop_app.store import records
from desktop_app.store.database import Register
from desktop_app.store.models import AdmissionQuota, Person, Rating


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


@dataclass(frozen=True)
class RatingView:
    id: str
    version: int
    person_id: str
    full_name: str
    year: int
    level: str
    points: float | None
    note: str
    sort_key: str

    @property
    def level_label(self) -> str:
        return LEVEL_BY_CODE[self.level].label

    @property
    def points_text(self) -> str:
        return points_text(self.points)

    def to_json(self) -> dict[str, object]:
        values = asdict(self)
        del values["sort_key"]
        return values | {"level_label": self.level_label}


def _view(row: Rating, person: Person) -> RatingView:
    return RatingView(
        row.id, row.version, row.person_id, person.full_name, row.year, row.level, row.points,
        row.note, person.sort_key,
    )  # fmt: skip


def _record(name: str, year: object) -> str:
    return f"Xếp loại năm {year} của «{name}»"


def set_rating(
    reg: Register,
    person_id: str,
    year: int | str,
    level: str,
    *,
    points: float | str | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> RatingView:
    """Rate a member for a year, or change the year's rating. ``level`` is a code (good), the
    level's name or its abbreviation (HTTNV); ``points`` on the 100-point scale, optional, at
    least the level's band."""
    today = _today(today)
    with reg.atomic():
        person = members._live(person_id)
        record = _record(person.full_name, year)
        values, problems = check_rating(year, level, points, note, today, _bands(year, today))
        if not problems:
            problems = _not_a_member(person, int(values["year"]))  # type: ignore[call-overload]
        if problems:
            raise ValidationError(record, problems)
        row = store.rating_of(person.id, int(values["year"]))  # type: ignore[call-overload]
        fields = {"level": values["level"], "points": values["points"], "note": values["note"]}
        if row is None:
            row = records.insert(
                Rating, {"person": person.id, "year": values["year"], **fields}, reg.author
            )
        else:
            records.update(row, fields, reg.author)
    return _view(row, person)


def _bands(year: object, today: dt.date) -> dict[str, Band]:
    """The rating bands in force at the end of the year rated (today's for a year that is not
    one: the check refuses it anyway)."""
    try:
        on = dt.date(int(str(year).strip()), 12, 31)
    except ValueError:
        on = today
    return rating_bands(on)


def _not_a_member(person: Person, year: int) -> list[Problem]:
    """A rating is for someone who was a party member of this cell during the year."""
    life = history_of(person.id)
    whole = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if life is not None and life.member_during(whole):
        return []
    since = f" (vào Đảng {format_vn(life.admitted)})" if life and life.admitted else ""
    return [Problem("year", "Năm đánh giá", f"năm {year} không phải đảng viên của chi bộ{since}")]


def remove_rating(reg: Register, person_id: str, year: int) -> RatingView:
    """Withdraw a year's rating entered by mistake (a tombstone, journalled)."""
    with reg.atomic():
        person = members._live(person_id)
        row = store.rating_of(person.id, int(year))
        if row is None:
            raise StateError(f"«{person.full_name}» chưa có xếp loại năm {year}; không xóa gì.")
        records.tombstone(row, reg.author)
    return _view(row, person)


def list_ratings(reg: Register, year: int | None = None) -> list[RatingView]:
    """Ratings of a year (or all), by year then in Vietnamese name order."""
    rows = store.ratings(year)
    people = store.people_of(rows)
    views = [_view(r, people[r.person_id]) for r in rows]
    return sorted(views, key=lambda v: (v.year, v.sort_key))


# -- the admission quota --------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaView:
    id: str
    version: int
    year: int
    quota: int
    source: str
    reference: str
    note: str

    @property
    def source_label(self) -> str:
        return QUOTA_SOURCES[self.source]

    def to_json(self) -> dict[str, object]:
        return asdict(self) | {"source_label": self.source_label}


def _quota_view(row: AdmissionQuota) -> QuotaView:
    return QuotaView(row.id, row.version, row.year, row.quota, row.source, row.reference, row.note)


def set_quota(
    reg: Register,
    year: int | str,
    quota: int | str,
    *,
    source: str = "cell",
    reference: str = "",
    note: str = "",
    today: dt.date | None = None,
) -> QuotaView:
    """Set the year's admission quota: typed by the secretary (``source`` "cell") or received
    from the upper level ("upper", which replaces a typed one and is never replaced by one)."""
    if source not in QUOTA_SOURCES:
        raise StateError(f"Chỉ tiêu kết nạp: không có nguồn «{source}»")
    values, problems = check_quota(year, quota, reference, note, _today(today))
    if problems:
        raise ValidationError(f"Chỉ tiêu kết nạp năm {year}", problems)
    fields = {"quota": values["quota"], "source": source, "reference": values["reference"],
              "note": values["note"]}  # fmt: skip
    with reg.atomic():
        row = store.quota_of(int(values["year"]))  # type: ignore[call-overload]
        if row is not None and row.source == "upper" and source == "cell":
            raise StateError(
                f"Chỉ tiêu kết nạp năm {row.year} do cấp trên giao ({row.quota} người"
                f"{', ' + row.reference if row.reference else ''}): chi bộ không sửa; chưa lưu gì."
            )
        if row is None:
            row = records.insert(AdmissionQuota, {"year": values["year"], **fields}, reg.author)
        else:
            records.update(row, fields, reg.author)
    return _quota_view(row)


def remove_quota(reg: Register, year: int) -> QuotaView:
    """Withdraw a quota the secretary typed by mistake (one from the upper level stays)."""
    with reg.atomic():
        row = store.quota_of(int(year))
        if row is None:
            raise StateError(f"Năm {year} chưa có chỉ tiêu kết nạp; không xóa gì.")
        if row.source == "upper":
            raise StateError(f"Chỉ tiêu kết nạp năm {year} do cấp trên giao: chi bộ không xóa.")
        records.tombstone(row, reg.author)
    return _quota_view(row)


def list_quotas(reg: Register) -> list[QuotaView]:
    return [_quota_view(row) for row in store.quotas()]


# -- a year's roster (the window's rating editor) -------------------------------------------


@dataclass(frozen=True)
class RosterLine:
    """A member of the cell during the year (or someone rated for it) and their rating."""

    person_id: str
    full_name: str
    sort_key: str
    birth_date: str | None  # ISO, YYYY-MM or YYYY
    due: bool  # to rate: a member of the cell on the roster's day, not exempted
    standing: str  # why not, in Vietnamese ("" when due)
    rating: RatingView | None


@dataclass(frozen=True)
class Roster:
    year: int
    on: dt.date  # 31 December, or today in the current year
    lines: list[RosterLine]  # Vietnamese name order
    quota: QuotaView | None
    bands: dict[str, Band]  # the rule table's bands for the year


def rating_roster(reg: Register, year: int, today: dt.date | None = None) -> Roster:
    """Everyone who was a member of the cell during ``year`` (those to rate, and the others
    with why), with the year's rating of each, the year's quota and the bands in force."""
    today = _today(today)
    on = min(dt.date(year, 12, 31), today)
    whole = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    given = {r.person_id: r for r in list_ratings(reg, year)}
    lines = []
    for life in histories(people_rows(), event_rows()):
        p = life.person
        if p.id in given or life.member_during(whole):
            standing = _standing(life, on, whole)
            lines.append(RosterLine(p.id, p.full_name, p.sort_key, p.birth_date, not standing,
                                    standing, given.get(p.id)))  # fmt: skip
    lines.sort(key=lambda line: line.sort_key)
    quota = store.quota_of(year)
    return Roster(year, on, lines, _quota_view(quota) if quota else None, _bands(year, today))


def _standing(life: History, on: dt.date, whole: Period) -> str:
    if not life.member_during(whole):
        return "Không phải đảng viên của chi bộ trong năm"
    if not life.member_on(on):
        gone = [(d, k) for d, k in life.changes if d <= on]
        if not gone:  # joins after the roster's day
            return f"Chưa là đảng viên của chi bộ ngày {format_vn(on)}"
        day, kind = gone[-1]
        return f"{MOVE_LABELS.get(kind, 'Ra khỏi chi bộ')} ngày {format_vn(day)}"
    if life.exempted_on(on):
        return "Miễn công tác và sinh hoạt đảng"
    return ""
