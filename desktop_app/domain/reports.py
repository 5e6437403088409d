"""The cell's statistics for any period, and the yearly rating levels: pure functions over plain
rows, so the same code counts one cell's register or the rows of many cells at the upper level.

What counts as what (the choices the numbers rest on):

* **Admitted** on the admission decision's date (party age counts from it, Charter Art. 5.4),
  or the ceremony's, or the official date, whichever the record knows first. Someone whose
  first move in the register is a transfer in, with no admission step recorded here, was
  admitted elsewhere: they count as a transfer in, never as an admission of this cell. A
  decision awaiting its ceremony counts from the decision (shown apart, "chưa tổ chức lễ kết
  nạp"); the roll calls, by contrast, expect a member from the ceremony.
* **A member of the cell on a day**: admitted here by then (or typed in as a member with no
  date at all: a member since before any period), or arrived by transfer, and not gone since.
  Each record's admissions, transfers and exits are walked in date order and only what
  changes membership counts, so a period always balances: members at the start (the end of
  the day before) + increases - decreases = members at the end.
* **Recognised** on the day of the recognition decision (the event), or, for a record typed in
  without its history, on its official date if the person was in the cell that day.

The statistics forms of Hướng dẫn 11-HD/BTCTW (13/12/2021) that apply to a cell: Biểu 1
(increase and decrease), Biểu 2 and 2B (new members, by category, ethnicity and religion),
Biểu 6 (rating results). Attendance and resolution study are not in those forms: the figures
follow the rule table's study target.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.domain.attendance import KINDS as MEETING_KINDS
from desktop_app.domain.attendance import Tally, percent_text
from desktop_app.domain.dates import PartialDate, format_vn
from desktop_app.domain.errors import Problem
from desktop_app.domain.membership import MEMBERS, PersonState
from desktop_app.domain.names import clean_text, fold
from desktop_app.domain.standing import overlay_flags

# -- the yearly rating (Quy định 366-QĐ/TW, domain.md §6) ----------------------------------


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    short: str  # the abbreviation reports use


LEVELS: tuple[Level, ...] = (
    Level("excellent", "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"),
    Level("good", "Hoàn thành tốt nhiệm vụ", "HTTNV"),
    Level("complete", "Hoàn thành nhiệm vụ", "HTNV"),
    Level("incomplete", "Không hoàn thành nhiệm vụ", "KHTNV"),
)
LEVEL_BY_CODE = {level.code: level for level in LEVELS}
# The rule table's ids of the lowest score of each band (the rest has no floor).
BAND_RULES = {
    "excellent": "rating.excellent_min_points",
    "good": "rating.good_min_points",
    "complete": "rating.complete_min_points",
}


@dataclass(frozen=True)
class Band:
    """The lowest score of a level's band, and the text it comes from (the rule table's)."""

    min_points: int
    source: str


MAX_POINTS = 100
FIRST_YEAR = 1930  # the Party's founding: no rating or quota before it
NOTE_LIMIT = 1000
_LEVEL_WORDS = {
    **{fold(level.label).replace(" ", ""): level.code for level in LEVELS},
    **{level.short.lower(): level.code for level in LEVELS},
    **{level.code: level.code for level in LEVELS},
    "xuatsac": "excellent", "tot": "good", "hoanthanh": "complete",
    "khonghoanthanh": "incomplete",
}  # fmt: skip


def level_of(text: str) -> Level | None:
    """The level meant by a code ("good"), its name with or without diacritics ("Hoàn thành
    tốt nhiệm vụ"), its abbreviation ("HTTNV") or its short name ("tốt"); None otherwise."""
    code = _LEVEL_WORDS.get(fold(clean_text(text)).replace(" ", ""))
    return LEVEL_BY_CODE[code] if code else None


def points_text(points: float | None) -> str:
    """ "92,5", "90" (a comma for decimals), "" for none."""
    if points is None:
        return ""
    return f"{points:g}".replace(".", ",")


def check_rating(
    year: object, level: str, points: object, note: str, today: dt.date, bands: Mapping[str, Band]
) -> tuple[dict[str, object], list[Problem]]:
    """Clean and check a rating's fields against the bands in force (level code → Band, from
    the rule table); (values, problems in Vietnamese by field)."""
    problems: list[Problem] = []
    values: dict[str, object] = {"note": clean_text(note)}
    values["year"] = _year(year, "year", "Năm đánh giá", FIRST_YEAR, today.year, problems)
    found = level_of(level or "")
    if found is None:
        names = "; ".join(f"{lv.label} ({lv.short})" for lv in LEVELS)
        problems.append(
            Problem(
                "level",
                "Mức xếp loại",
                f"«{clean_text(level)}» không phải một trong 4 mức: {names}",
            )
        )
    values["level"] = found.code if found else None
    values["points"] = _points(points, bands.get(found.code) if found else None, found, problems)
    if len(str(values["note"])) > NOTE_LIMIT:
        problems.append(Problem("note", "Ghi chú", f"quá dài (tối đa {NOTE_LIMIT} ký tự)"))
    return values, problems


def _year(
    value: object, name: str, label: str, first: int, last: int, problems: list[Problem]
) -> int | None:
    try:
        year = int(str(value).strip())
    except ValueError:
        problems.append(Problem(name, label, f"«{value}» không phải năm (ví dụ 2026)"))
        return None
    if not first <= year <= last:
        problems.append(Problem(name, label, f"năm {year} phải từ {first} đến {last}"))
        return None
    return year


def _points(
    value: object, band: Band | None, level: Level | None, problems: list[Problem]
) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().replace(",", ".")
    try:
        points = float(text)
    except ValueError:
        problems.append(Problem("points", "Điểm", f"«{value}» không phải số điểm"))
        return None
    if not 0 <= points <= MAX_POINTS or round(points, 1) != points:
        problems.append(
            Problem("points", "Điểm", f"{points_text(points)} phải từ 0 đến {MAX_POINTS}, "
                    "lẻ nhiều nhất một chữ số thập phân")
        )  # fmt: skip
        return None
    if level is not None and band is not None and points < band.min_points:
        problems.append(
            Problem("points", "Điểm", f"{points_text(points)} điểm chưa đủ mức «{level.label}» "
                    f"(từ {band.min_points} điểm, {band.source})")
        )  # fmt: skip
    return points


QUOTA_SOURCES = {"cell": "Chi bộ ghi", "upper": "Cấp trên giao"}
QUOTA_LIMIT = 10_000


def check_quota(
    year: object, quota: object, reference: str, note: str, today: dt.date
) -> tuple[dict[str, object], list[Problem]]:
    """A year's admission quota: a year up to next year, a whole number of people."""
    problems: list[Problem] = []
    values: dict[str, object] = {
        "year": _year(year, "year", "Năm", FIRST_YEAR, today.year + 1, problems),
        "reference": clean_text(reference),
        "note": clean_text(note),
    }
    try:
        count: int | None = int(str(quota).strip())
    except ValueError:
        problems.append(Problem("quota", "Chỉ tiêu kết nạp", f"«{quota}» không phải số người"))
        count = None
    if count is not None and not 0 <= count <= QUOTA_LIMIT:
        problems.append(
            Problem("quota", "Chỉ tiêu kết nạp", f"{count} phải từ 0 đến {QUOTA_LIMIT}")
        )
        count = None
    values["quota"] = count
    for name, label, limit in (("reference", "Số văn bản", 100), ("note", "Ghi chú", NOTE_LIMIT)):
        if len(str(values[name])) > limit:
            problems.append(Problem(name, label, f"quá dài (tối đa {limit} ký tự)"))
    return values, problems


# -- the rows the reports read ------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    """A person as the reports need them (a register's row or a row from a cell's bundle)."""

    id: str
    full_name: str
    sort_key: str
    sex: str
    birth_date: str | None  # ISO, YYYY-MM or YYYY
    ethnicity: str
    religion: str
    education: str
    profession: str
    political_theory: str
    occupation: str
    membership: str
    exit: str | None = None
    exit_date: dt.date | None = None
    exempted: bool = False
    temporarily_away: bool = False
    admission_decision_date: dt.date | None = None
    ceremony_date: dt.date | None = None
    official_date: dt.date | None = None


@dataclass(frozen=True)
class EventRow:
    person_id: str
    kind: str
    date: dt.date
    union: str = ""  # a union introduction: "youth" (4-KNĐ) or "trade" (4A-KNĐ)


@dataclass(frozen=True)
class MeetingRow:
    id: str
    kind: str
    date: dt.date
    held: bool
    tally: Tally  # the members expected and what happened (roll-taking meetings)


@dataclass(frozen=True)
class RatingRow:
    person_id: str
    year: int
    level: str
    points: float | None = None


@dataclass(frozen=True)
class QuotaRow:
    year: int
    quota: int
    source: str  # "cell" or "upper" (QUOTA_SOURCES)
    reference: str = ""


@dataclass(frozen=True)
class Deadlines:
    """A probationary member's dates, worked out by the services from the rule table and the
    working-day calendar."""

    probation_end: dt.date | None
    vote_due: dt.date | None  # the cell's recognition vote
    next_due: dt.date | None = None  # the nearest deadline today, while still probationary
    next_what: str = ""


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    @property
    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)

    @property
    def label(self) -> str:
        return f"từ ngày {format_vn(self.first)} đến ngày {format_vn(self.last)}"

    def of_year(self, year: int) -> Period:
        return Period(max(self.first, dt.date(year, 1, 1)), min(self.last, dt.date(year, 12, 31)))

    def whole_year(self, year: int) -> bool:
        return self.of_year(year) == Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass(frozen=True)
class Rows:
    """Everything a report reads, as plain rows."""

    people: Sequence[PersonRow]
    events: Sequence[EventRow] = ()
    meetings: Sequence[MeetingRow] = ()
    ratings: Sequence[RatingRow] = ()
    quotas: Sequence[QuotaRow] = ()
    deadlines: dict[str, Deadlines] = field(default_factory=dict)
    study_target: int | None = None  # percent, the rule table's value (services pass it)
    study_source: str = ""
    today: dt.date = dt.date.max  # figures after this day are not known yet


# -- one person's membership ---------------------------------------------------------------

IN_KINDS = ("admission", "transfer_in")
OUT_KINDS = ("transfer_out", "removal", "probation_removal", "expulsion", "resignation", "death")
MOVE_KINDS = (*IN_KINDS, *OUT_KINDS)
MOVE_LABELS = {
    "admission": "Kết nạp",
    "transfer_in": "Chuyển đến",
    "transfer_out": "Chuyển đi",
    "removal": "Xóa tên",
    "probation_removal": "Xóa tên đảng viên dự bị",
    "expulsion": "Khai trừ",
    "resignation": "Xin ra khỏi Đảng",
    "death": "Từ trần",
    "left_pool": "Ra khỏi danh sách (khác)",
    "recognition": "Công nhận đảng viên chính thức",
}
_EXIT_KINDS = {  # an exit typed into the record without its event
    "transferred_out": "transfer_out", "removed": "removal", "expelled": "expulsion",
    "resigned": "resignation", "deceased": "death", "left_pool": "left_pool",
}  # fmt: skip
EXIT_KINDS = _EXIT_KINDS  # the upper level's merge of its cells reads them too
_OUT = (*OUT_KINDS, "left_pool")
ADMISSION_STEPS = ("admission_decision", "ceremony")
OVERLAY_KINDS = ("exemption", "exemption_end", "temporary_leave", "temporary_return")


@dataclass(frozen=True)
class History:
    """One person's membership of the cell: where they started and what changed it."""

    person: PersonRow
    admitted: dt.date | None
    admitted_here: bool
    inside_at_first: bool  # a member with no date at all: in the cell before any period
    changes: tuple[tuple[dt.date, str], ...]  # (day, kind) of what changed membership
    recognised: dt.date | None  # recognised official while in this cell
    youth_union: bool  # introduced by the Youth Union (4-KNĐ)
    overlays: tuple[tuple[str, dt.date], ...]
    official_since: dt.date | None = None  # here or elsewhere; date.min: official, undated

    def member_on(self, day: dt.date) -> bool:
        inside = self.inside_at_first
        for on, kind in self.changes:
            if on > day:
                break
            inside = kind in IN_KINDS
        return inside

    def member_during(self, period: Period) -> bool:
        return self.member_on(period.first) or any(on in period for on, _ in self.changes)

    def probationary_on(self, day: dt.date) -> bool:
        start = self.admitted  # a decision awaiting its ceremony is listed too
        if not self.member_on(day) or start is None or start > day:
            return False
        return self.official_since is None or self.official_since > day

    def exempted_on(self, day: dt.date) -> bool:
        p = self.person
        state = PersonState(p.membership, exempted=p.exempted, temporarily_away=p.temporarily_away)
        return overlay_flags(state, self.overlays, day)["exempted"]


def admission_day(p: PersonRow) -> dt.date | None:
    return p.admission_decision_date or p.ceremony_date or p.official_date


def histories(people: Iterable[PersonRow], events: Iterable[EventRow]) -> list[History]:
    by_person: dict[str, list[EventRow]] = {}
    for event in events:
        by_person.setdefault(event.person_id, []).append(event)
    return [history(p, by_person.get(p.id, [])) for p in people]


def history(p: PersonRow, events: Sequence[EventRow]) -> History:
    events = sorted(events, key=lambda e: e.date)
    moves = [(e.date, e.kind) for e in events if e.kind in MOVE_KINDS]
    exit_kind = _EXIT_KINDS.get(p.exit or "")
    if exit_kind and p.exit_date and not any(k == exit_kind for _, k in moves):
        moves.append((p.exit_date, exit_kind))  # an exit typed in without its event
    moves.sort(key=lambda m: m[0])
    stepped = any(e.kind in ADMISSION_STEPS for e in events)
    arrived = bool(moves) and moves[0][1] == "transfer_in" and not stepped
    admitted = admission_day(p)
    was_member = p.membership in MEMBERS or admitted is not None
    here = was_member and not arrived and admitted is not None
    timeline = sorted(
        [*([(admitted, "admission")] if here else []), *moves],
        key=lambda m: (m[0], m[1] != "admission"),  # the admission first on its day
    )
    inside = was_member and not arrived and admitted is None
    changes, state = [], inside
    for on, kind in timeline:
        if (kind in IN_KINDS) != state:  # only what changes membership
            state = kind in IN_KINDS
            changes.append((on, kind))
    recognitions = [e.date for e in events if e.kind == "recognition"]
    draft = History(p, admitted, here, inside, tuple(changes), None, False, ())
    recognised = recognitions[-1] if recognitions else _typed_official(draft)
    youth = any(e.kind == "union_introduction" and e.union == "youth" for e in events)
    overlays = tuple((e.kind, e.date) for e in events if e.kind in OVERLAY_KINDS)
    official = recognitions[-1] if recognitions else p.official_date
    if official is None and p.membership == "official":
        official = dt.date.min
    return History(p, admitted, here, inside, tuple(changes), recognised, youth, overlays, official)


def _typed_official(h: History) -> dt.date | None:
    """The official date of a record typed in without its recognition step, if the person
    was a probationary member of this cell that day (a ceremony, in the cell)."""
    p = h.person
    if p.official_date and p.ceremony_date and h.member_on(p.official_date):
        return p.official_date
    return None


# -- shares and tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """part of whole, shown as a percent ("—" when there is no whole)."""

    part: int
    whole: int | None

    @property
    def rate(self) -> float | None:
        return self.part / self.whole if self.whole else None

    @property
    def text(self) -> str:
        return percent_text(self.rate)

    def to_json(self) -> float | None:
        rate = self.rate
        return round(rate, 4) if rate is not None else None


Value = str | int | float | Share | dt.date | None


@dataclass(frozen=True)
class Table:
    """A table as both the PDF and the spreadsheet print it."""

    title: str
    columns: tuple[tuple[str, float], ...]  # header, share of the width
    rows: list[tuple[Value, ...]]
    numeric: tuple[int, ...] = ()  # columns of figures (centred)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A bar chart: categories along the bottom, one bar per series in each."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, one value per category)
    unit: str  # "người" or "%"


def cell_text(value: Value) -> str:
    if isinstance(value, Share):
        return value.text
    if isinstance(value, dt.date):
        return format_vn(value)
    if isinstance(value, float):
        return points_text(value)
    return "" if value is None else str(value)


# -- admissions against the quota ----------------------------------------------------------


@dataclass(frozen=True)
class AdmissionYear:
    year: int
    first: dt.date
    last: dt.date
    admitted: int
    quota: QuotaRow | None
    members_at_start: int  # at the end of 31 December of the year before

    @property
    def of_quota(self) -> Share:
        return Share(self.admitted, self.quota.quota if self.quota else None)

    @property
    def of_members(self) -> Share:
        return Share(self.admitted, self.members_at_start)

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year, "from": self.first.isoformat(), "to": self.last.isoformat(),
            "admitted": self.admitted, "quota": self.quota.quota if self.quota else None,
            "quota_source": self.quota.source if self.quota else None,
            "of_quota": self.of_quota.to_json(), "members_at_start": self.members_at_start,
            "of_members": self.of_members.to_json(),
        }  # fmt: skip


@dataclass(frozen=True)
class Admitted:
    person_id: str
    full_name: str
    sort_key: str
    admitted: dt.date
    ceremony: dt.date | None


@dataclass(frozen=True)
class Admissions:
    period: Period
    years: list[AdmissionYear]
    people: list[Admitted]  # by date, then name
    chart: Chart

    @property
    def total(self) -> int:
        return len(self.people)

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "years": [y.to_json() for y in self.years],
            "people": [
                {"person_id": a.person_id, "full_name": a.full_name,
                 "admitted": a.admitted.isoformat(),
                 "ceremony": a.ceremony.isoformat() if a.ceremony else None}
                for a in self.people
            ],
        }  # fmt: skip

    def tables(self) -> list[Table]:
        years = Table(
            "Kết nạp đảng viên so với chỉ tiêu và so với số đảng viên đầu năm",
            (("Năm", 8), ("Trong kỳ", 19), ("Kết nạp", 9), ("Chỉ tiêu", 9),
             ("Nguồn chỉ tiêu", 13), ("So với chỉ tiêu", 12), ("Đảng viên đầu năm", 13),
             ("So với đảng viên đầu năm", 14)),
            [(y.year, f"{format_vn(y.first)} - {format_vn(y.last)}", y.admitted,
              y.quota.quota if y.quota else None,
              QUOTA_SOURCES[y.quota.source] if y.quota else "Chưa có",
              y.of_quota, y.members_at_start, y.of_members)
             for y in self.years],
            numeric=(0, 2, 3, 5, 6, 7),
            notes=("Ngày kết nạp là ngày quyết định kết nạp (không có thì ngày lễ kết nạp); "
                   "đảng viên đầu năm: số đảng viên của chi bộ hết ngày 31/12 năm trước.",),
        )  # fmt: skip
        people = Table(
            f"Đảng viên kết nạp trong kỳ ({self.total} người)",
            (("TT", 6), ("Họ và tên", 44), ("Ngày kết nạp", 25), ("Ngày lễ kết nạp", 25)),
            [(n, a.full_name, a.admitted, a.ceremony) for n, a in enumerate(self.people, 1)],
            numeric=(0, 2, 3),
        )
        return [years, people]


CHART_YEARS = 5  # a chart of admissions shows at least this many years


def admissions(rows: Rows, period: Period, members: list[History] | None = None) -> Admissions:
    lives = members if members is not None else histories(rows.people, rows.events)
    quotas = {q.year: q for q in rows.quotas}
    admitted = sorted(
        (
            Admitted(h.person.id, h.person.full_name, h.person.sort_key, h.admitted,
                     h.person.ceremony_date)
            for h in lives
            if h.admitted_here and h.admitted is not None and h.admitted in period
        ),
        key=lambda a: (a.admitted, a.sort_key),
    )  # fmt: skip
    years = []
    for year in period.years:
        part = period.of_year(year)
        count = sum(a.admitted in part for a in admitted)
        start = members_on(lives, dt.date(year - 1, 12, 31))
        years.append(AdmissionYear(year, part.first, part.last, count, quotas.get(year), start))
    return Admissions(period, years, admitted, _admissions_chart(lives, period, quotas))


def _admissions_chart(lives: list[History], period: Period, quotas: dict) -> Chart:
    last = period.last.year
    years = range(min(period.first.year, last - CHART_YEARS + 1), last + 1)
    by_year = Counter(h.admitted.year for h in lives if h.admitted_here and h.admitted)
    return Chart(
        f"Kết nạp đảng viên theo năm ({years[0]}-{last})",
        tuple(str(y) for y in years),
        (
            ("Kết nạp", tuple(float(by_year.get(y, 0)) for y in years)),
            ("Chỉ tiêu", tuple(float(quotas[y].quota) if y in quotas else None for y in years)),
        ),
        "người",
    )


def members_on(lives: Iterable[History], day: dt.date) -> int:
    return sum(h.member_on(day) for h in lives)


# -- new members by category (Biểu 2, 2B) --------------------------------------------------

AGE_BANDS = ((18, 30), (31, 40), (41, 50), (51, 60), (61, None))
UNKNOWN = "Chưa ghi trong sổ"
EDUCATION_LEVELS = ("Trung học phổ thông", "Trung học cơ sở", "Tiểu học")
PROFESSION_LEVELS = ("Tiến sĩ", "Thạc sĩ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp")
_PROFESSION_WORDS = (  # how the register's free text starts, folded → level
    ("tien si", "Tiến sĩ"), ("thac si", "Thạc sĩ"), ("cu nhan", "Đại học"), ("ky su", "Đại học"),
    ("bac si", "Đại học"), ("duoc si", "Đại học"), ("kien truc su", "Đại học"),
    ("dai hoc", "Đại học"), ("cao dang", "Cao đẳng"), ("trung cap", "Trung cấp"),
    ("so cap", "Sơ cấp"),
)  # fmt: skip
THEORY_LEVELS = ("Cao cấp", "Cử nhân", "Trung cấp", "Sơ cấp")
_GRADE = re.compile(r"^(\d{1,2})\s*/\s*(9|10|12)$")
_SCHOOL_WORDS = (
    ("trung hoc pho thong", 0), ("thpt", 0), ("cap 3", 0), ("cap iii", 0),
    ("trung hoc co so", 1), ("thcs", 1), ("cap 2", 1), ("cap ii", 1),
    ("tieu hoc", 2), ("cap 1", 2), ("cap i", 2),
)  # fmt: skip


def age_band(low: int, high: int | None) -> str:
    return f"Từ {low} đến {high} tuổi" if high else f"Trên {low - 1} tuổi"


def ages(birth: str | None, on: dt.date) -> tuple[int, int] | None:
    """(youngest, oldest) whole years of age on a day, from a full or partial birth date."""
    if not birth:
        return None
    known = PartialDate.from_iso(birth)
    return _years(known.latest(), on), _years(known.earliest(), on)


def _years(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def band_of(age: tuple[int, int] | None) -> str:
    """The band both possible ages fall in, or UNKNOWN (no birth date, or a partial one that
    straddles two bands)."""
    if age is None:
        return UNKNOWN
    labels = {_band(a) for a in age}
    return labels.pop() if len(labels) == 1 else UNKNOWN


def _band(age: int) -> str:
    for low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return age_band(low, high)
    return "Dưới 18 tuổi"


def education_level(text: str) -> str:
    """General education: "12/12" → upper secondary, "9/12" → lower secondary, "7/10" (the
    northern 10-year school) → lower secondary, or the level written out."""
    folded = fold(clean_text(text))
    if not folded:
        return UNKNOWN
    grade = _GRADE.match(folded)
    if grade:
        year, system = int(grade.group(1)), int(grade.group(2))
        if year > system or year == 0:
            return "Khác (ghi không rõ)"
        primary, lower = {12: (5, 9), 10: (4, 7), 9: (4, 7)}[system]
        index = 2 if year <= primary else 1 if year <= lower else 0
        return EDUCATION_LEVELS[index]
    for word, index in _SCHOOL_WORDS:
        if re.search(rf"\b{re.escape(word)}\b", folded):
            return EDUCATION_LEVELS[index]
    return "Khác (ghi không rõ)"


def profession_level(text: str) -> str:
    folded = fold(clean_text(text))
    if not folded:
        return "Chưa qua đào tạo hoặc chưa ghi"
    for word, level in _PROFESSION_WORDS:
        if folded.startswith(word):
            return level
    return "Khác (ghi không rõ)"


def theory_level(text: str) -> str:
    text = clean_text(text)
    return text if text in THEORY_LEVELS else "Chưa có hoặc chưa ghi"


@dataclass(frozen=True)
class Composition:
    """Who the people of a list are, by the categories of Biểu 2 and 2B."""

    total: int
    women: int
    minorities: int  # ethnicity known and not Kinh
    ethnicity_unknown: int
    believers: int  # a religion recorded, not "Không"
    religion_unknown: int
    youth_union: int
    age_bands: dict[str, int]
    average_age: float | None  # of those whose age is known to the year
    education: dict[str, int]
    profession: dict[str, int]
    theory: dict[str, int]
    occupation: dict[str, int]  # as written in the register
    ethnicities: dict[str, int]
    religions: dict[str, int]

    def to_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def composition(lives: Sequence[History], on: dict[str, dt.date]) -> Composition:
    """``on``: person id → the day each one's age is counted (the admission)."""
    people = [h.person for h in lives]
    age_of = {p.id: ages(p.birth_date, on[p.id]) for p in people}
    exact = [a[0] for a in age_of.values() if a and a[0] == a[1]]
    return Composition(
        total=len(people),
        women=sum(p.sex == "female" for p in people),
        minorities=sum(bool(p.ethnicity) and p.ethnicity != "Kinh" for p in people),
        ethnicity_unknown=sum(not p.ethnicity for p in people),
        believers=sum(bool(p.religion) and p.religion != "Không" for p in people),
        religion_unknown=sum(not p.religion for p in people),
        youth_union=sum(h.youth_union for h in lives),
        age_bands=_ordered(
            Counter(band_of(age_of[p.id]) for p in people), [age_band(*b) for b in AGE_BANDS]
        ),
        average_age=round(sum(exact) / len(exact), 1) if exact else None,
        education=_ordered(Counter(education_level(p.education) for p in people), EDUCATION_LEVELS),
        profession=_ordered(
            Counter(profession_level(p.profession) for p in people), PROFESSION_LEVELS
        ),
        theory=_ordered(Counter(theory_level(p.political_theory) for p in people), THEORY_LEVELS),
        occupation=_as_written([p.occupation for p in people]),
        ethnicities=_by_count(Counter(p.ethnicity or UNKNOWN for p in people)),
        religions=_by_count(Counter(p.religion or UNKNOWN for p in people)),
    )


def _ordered(counts: Counter, order: Sequence[str]) -> dict[str, int]:
    """The fixed categories in their order (zeros too), then anything else seen, by count."""
    out = {label: counts.get(label, 0) for label in order}
    return out | _by_count(Counter({k: v for k, v in counts.items() if k not in out}))


def _by_count(counts: Counter) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], fold(kv[0]))))


def _as_written(values: list[str]) -> dict[str, int]:
    """Occupations grouped however they were typed ("giáo viên", "Giáo viên"), shown as first
    written; empty as UNKNOWN."""
    shown: dict[str, str] = {}
    counts: Counter = Counter()
    for value in values:
        text = clean_text(value)
        key = fold(text) if text else ""
        shown.setdefault(key, text or UNKNOWN)
        counts[shown[key]] += 1
    return _by_count(counts)


@dataclass(frozen=True)
class NewMembers:
    period: Period
    composition: Composition
    people: list[Admitted]

    def to_json(self) -> dict[str, object]:
        return {"total": self.composition.total} | self.composition.to_json()

    def tables(self) -> list[Table]:
        c = self.composition
        total = c.total
        share = lambda n: Share(n, total)  # noqa: E731
        main = [
            ("Tổng số đảng viên mới kết nạp", total, share(total)),
            ("Nữ", c.women, share(c.women)),
            ("Người dân tộc thiểu số", c.minorities, share(c.minorities)),
            ("Người có đạo (theo tôn giáo ghi trong sổ)", c.believers, share(c.believers)),
            ("Được Đoàn Thanh niên giới thiệu (mẫu 4-KNĐ)", c.youth_union, share(c.youth_union)),
        ]
        groups = [
            ("Tuổi đời khi kết nạp", c.age_bands),
            ("Giáo dục phổ thông", c.education),
            ("Chuyên môn nghiệp vụ", c.profession),
            ("Lý luận chính trị", c.theory),
            ("Nghề nghiệp (như ghi trong sổ)", c.occupation),
        ]
        average = f"{points_text(c.average_age)} tuổi" if c.average_age is not None else "—"
        rows: list[tuple[Value, ...]] = list(main)
        for heading, counts in groups:
            rows.append((heading, None, None))
            rows += [(f"- {label}", n, share(n)) for label, n in counts.items()]
            if counts is c.age_bands:
                rows.append(("- Tuổi đời bình quân", average, None))
        columns = (("Chỉ tiêu thống kê", 60), ("Số người", 15), ("Tỷ lệ", 15))
        second = [("Dân tộc", None, None)]
        second += [(f"- {k}", n, share(n)) for k, n in c.ethnicities.items()]
        second += [("Tôn giáo", None, None)]
        second += [(f"- {k}", n, share(n)) for k, n in c.religions.items()]
        return [
            Table(f"Đảng viên mới kết nạp theo đối tượng (Biểu 2-BTCTW), {total} người",
                  columns, rows, numeric=(1, 2), notes=NEW_MEMBER_NOTES),
            Table("Đảng viên mới kết nạp theo dân tộc, tôn giáo (Biểu 2B-BTCTW)",
                  columns, second, numeric=(1, 2)),
        ]  # fmt: skip


NEW_MEMBER_NOTES = (
    "Tỷ lệ tính trên tổng số đảng viên mới kết nạp trong kỳ. Tuổi tính đến ngày kết nạp.",
)


def new_members(rows: Rows, period: Period, lives: list[History] | None = None) -> NewMembers:
    lives = lives if lives is not None else histories(rows.people, rows.events)
    taken = [h for h in lives if h.admitted_here and h.admitted and h.admitted in period]
    on = {h.person.id: h.admitted for h in taken if h.admitted}
    found = admissions(rows, period, lives).people
    return NewMembers(period, composition(taken, on), found)


# -- increase and decrease (Biểu 1) --------------------------------------------------------


@dataclass(frozen=True)
class Move:
    person_id: str
    full_name: str
    sort_key: str
    date: dt.date
    kind: str


@dataclass(frozen=True)
class Movements:
    period: Period
    at_start: int  # at the end of the day before the period
    at_end: int
    moves: list[Move]  # by date, then name
    recognised: list[Move]
    awaiting_ceremony: int = 0  # of those at the end: a decision, no ceremony yet

    def count(self, kind: str) -> int:
        return sum(m.kind == kind for m in self.moves)

    @property
    def increase(self) -> int:
        return sum(m.kind in IN_KINDS for m in self.moves)

    @property
    def decrease(self) -> int:
        return len(self.moves) - self.increase

    @property
    def balanced(self) -> bool:
        return self.at_start + self.increase - self.decrease == self.at_end

    def to_json(self) -> dict[str, object]:
        return {
            "at_start": self.at_start, "at_end": self.at_end,
            "increase": self.increase, "decrease": self.decrease,
            "counts": {k: self.count(k) for k in (*MOVE_KINDS, "left_pool")},
            "recognised": len(self.recognised), "awaiting_ceremony": self.awaiting_ceremony,
            "moves": [{"person_id": m.person_id, "full_name": m.full_name,
                       "date": m.date.isoformat(), "kind": m.kind} for m in self.moves],
        }  # fmt: skip

    def tables(self) -> list[Table]:
        before = self.period.first - dt.timedelta(days=1)
        rows: list[tuple[Value, ...]] = [
            (f"Đảng viên đến hết ngày {format_vn(before)}", self.at_start),
            ("Tăng trong kỳ", self.increase),
            *((f"- {MOVE_LABELS[k]}", self.count(k)) for k in IN_KINDS),
            ("Giảm trong kỳ", self.decrease),
            *((f"- {MOVE_LABELS[k]}", self.count(k)) for k in (*OUT_KINDS, "left_pool")
              if k != "left_pool" or self.count(k)),
            (f"Đảng viên đến hết ngày {format_vn(self.period.last)}", self.at_end),
            ("- trong đó có quyết định kết nạp, chưa tổ chức lễ kết nạp", self.awaiting_ceremony),
            ("Công nhận đảng viên chính thức trong kỳ", len(self.recognised)),
        ]  # fmt: skip
        summary = Table(
            "Tăng, giảm đảng viên (Biểu 1-BTCTW)",
            (("Nội dung", 70), ("Số người", 20)),
            rows,
            numeric=(1,),
            notes=("Đầu kỳ + tăng - giảm = cuối kỳ. Chuyển đi rồi chuyển về trong kỳ được tính "
                   "cả một lần giảm và một lần tăng.",),
        )  # fmt: skip
        listing = sorted([*self.moves, *(_recognised(m) for m in self.recognised)],
                         key=lambda m: (m.date, m.sort_key))  # fmt: skip
        people = Table(
            f"Danh sách tăng, giảm và công nhận chính thức ({len(listing)} lượt)",
            (("TT", 6), ("Ngày", 16), ("Họ và tên", 40), ("Nội dung", 38)),
            [(n, m.date, m.full_name, MOVE_LABELS.get(m.kind, m.kind))
             for n, m in enumerate(listing, 1)],
            numeric=(0, 1),
        )  # fmt: skip
        return [summary, people]


def _recognised(move: Move) -> Move:
    return Move(move.person_id, move.full_name, move.sort_key, move.date, "recognition")


def _ceremony_by(h: History, day: dt.date) -> bool:
    ceremony = h.person.ceremony_date
    return ceremony is not None and ceremony <= day


def movements(rows: Rows, period: Period, lives: list[History] | None = None) -> Movements:
    lives = lives if lives is not None else histories(rows.people, rows.events)
    moves, recognised = [], []
    for h in lives:
        p = h.person
        moves += [Move(p.id, p.full_name, p.sort_key, on, kind)
                  for on, kind in h.changes if on in period]  # fmt: skip
        if h.recognised and h.recognised in period:
            recognised.append(Move(p.id, p.full_name, p.sort_key, h.recognised, "recognition"))
    order = lambda m: (m.date, m.sort_key)  # noqa: E731
    before = period.first - dt.timedelta(days=1)
    waiting = sum(
        h.admitted_here and h.member_on(period.last) and not _ceremony_by(h, period.last)
        for h in lives
    )
    return Movements(
        period, members_on(lives, before), members_on(lives, period.last),
        sorted(moves, key=order), sorted(recognised, key=order), waiting,
    )  # fmt: skip


# -- probationary members and their deadlines ----------------------------------------------


@dataclass(frozen=True)
class OnProbation:
    person_id: str
    full_name: str
    sort_key: str
    ceremony: dt.date | None
    deadlines: Deadlines
    recognised: dt.date | None  # since recognised (after the day of the list)
    gone: str | None  # since left the cell: what happened

    def state(self, today: dt.date) -> str:
        d = self.deadlines
        if self.recognised:
            return f"Đã công nhận chính thức ngày {format_vn(self.recognised)}"
        if self.gone:
            return self.gone
        wait = "" if self.ceremony else "Chờ lễ kết nạp. "
        if d.next_due is not None:
            days = (d.next_due - today).days
            when = f"quá hạn {-days} ngày" if days < 0 else f"còn {days} ngày"
            return f"{wait}{d.next_what} (hạn {format_vn(d.next_due)}, {when})"
        return wait.strip() or "Đang dự bị"

    def overdue(self, today: dt.date) -> bool:
        d = self.deadlines
        return not self.recognised and not self.gone and bool(d.next_due and d.next_due < today)


@dataclass(frozen=True)
class Probation:
    period: Period
    on: dt.date  # the day of the list: the end of the period, or today if sooner
    today: dt.date
    people: list[OnProbation]

    @property
    def overdue(self) -> int:
        return sum(p.overdue(self.today) for p in self.people)

    def to_json(self) -> dict[str, object]:
        return {
            "on": self.on.isoformat(), "count": len(self.people), "overdue": self.overdue,
            "people": [
                {"person_id": p.person_id, "full_name": p.full_name,
                 "ceremony": _iso(p.ceremony), "probation_end": _iso(p.deadlines.probation_end),
                 "vote_due": _iso(p.deadlines.vote_due), "recognised": _iso(p.recognised),
                 "next_due": _iso(p.deadlines.next_due), "next_what": p.deadlines.next_what,
                 "overdue": p.overdue(self.today)}
                for p in self.people
            ],
        }  # fmt: skip

    def tables(self) -> list[Table]:
        rows = [
            (n, p.full_name, p.ceremony, p.deadlines.probation_end, p.deadlines.vote_due,
             p.state(self.today))
            for n, p in enumerate(self.people, 1)
        ]  # fmt: skip
        return [
            Table(
                f"Đảng viên dự bị đến ngày {format_vn(self.on)} ({len(self.people)} người, "
                f"{self.overdue} người có việc quá hạn)",
                (("TT", 6), ("Họ và tên", 30), ("Ngày vào Đảng", 16), ("Hết dự bị", 16),
                 ("Hạn chi bộ xét chính thức", 18), ("Tình hình", 44)),
                rows,
                numeric=(0, 2, 3, 4),
                notes=("Hết dự bị và hạn chi bộ xét công nhận tính theo bảng quy định (số tháng "
                       "dự bị kể từ ngày lễ kết nạp; số ngày làm việc kể từ ngày hết dự bị). "
                       f"«Tình hình»: việc đến hạn gần nhất, tính đến ngày "
                       f"{format_vn(self.today)}.",),
            )
        ]  # fmt: skip


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def probation(rows: Rows, period: Period, lives: list[History] | None = None) -> Probation:
    lives = lives if lives is not None else histories(rows.people, rows.events)
    on = min(period.last, rows.today)
    people = []
    for h in lives:
        if not h.probationary_on(on):
            continue
        p = h.person
        gone = next((MOVE_LABELS[k] + f" ngày {format_vn(d)}" for d, k in h.changes
                     if d > on and k in _OUT), None)  # fmt: skip
        recognised = h.recognised if h.recognised and h.recognised > on else None
        deadlines = rows.deadlines.get(p.id, Deadlines(None, None))
        people.append(OnProbation(p.id, p.full_name, p.sort_key, p.ceremony_date, deadlines,
                                  recognised, gone))  # fmt: skip
    people.sort(key=lambda o: (o.ceremony or dt.date.min, o.sort_key))
    return Probation(period, on, rows.today, people)


# -- attendance and resolution study -------------------------------------------------------

ROLL_REPORT = ("regular", "thematic", "study")


@dataclass(frozen=True)
class Attendance:
    period: Period
    held: dict[str, int]  # meetings held, by kind
    overall: Tally
    by_kind: dict[str, Tally]
    months: list[tuple[dt.date, Tally]]  # first of each month of the period
    regular_months: int  # months with a regular meeting held
    study_target: int | None
    study_source: str

    @property
    def study_met(self) -> bool | None:
        rate = self.by_kind["study"].rate
        if rate is None or self.study_target is None:
            return None
        return rate * 100 >= self.study_target

    def to_json(self) -> dict[str, object]:
        return {
            "held": self.held, "overall": self.overall.to_json(),
            "by_kind": {k: t.to_json() for k, t in self.by_kind.items()},
            "months": [{"month": m.strftime("%Y-%m")} | t.to_json() for m, t in self.months],
            "regular_months": self.regular_months, "months_in_period": len(self.months),
            "study_target_percent": self.study_target, "study_met": self.study_met,
        }  # fmt: skip

    def tables(self) -> list[Table]:
        def row(label: str, held: int, t: Tally) -> tuple[Value, ...]:
            return (label, held, t.expected, t.attended, t.excused, t.absent,
                    Share(t.attended, t.expected))  # fmt: skip

        rows = [row(MEETING_KINDS[k], self.held.get(k, 0), self.by_kind[k]) for k in ROLL_REPORT]
        rows.append(row("Cộng", sum(self.held.get(k, 0) for k in ROLL_REPORT), self.overall))
        notes = (
            f"Sinh hoạt thường kỳ: {self.regular_months}/{len(self.months)} tháng trong kỳ có "
            "buổi sinh hoạt.",
            self._study_note(),
            "Lượt dự kiến: mỗi đảng viên sinh hoạt tại chi bộ ngày đó là một lượt (không kể "
            "đảng viên miễn sinh hoạt, sinh hoạt tạm thời nơi khác).",
        )
        others = [(MEETING_KINDS[k], n) for k, n in self.held.items() if k not in ROLL_REPORT]
        tables = [Table(
            "Sinh hoạt chi bộ và học tập nghị quyết",
            (("Loại buổi", 30), ("Số buổi", 10), ("Lượt dự kiến", 13), ("Có mặt", 11),
             ("Vắng có lý do", 13), ("Vắng không lý do", 13), ("Tỷ lệ có mặt", 13)),
            rows, numeric=(1, 2, 3, 4, 5, 6), notes=notes,
        )]  # fmt: skip
        if others:
            tables.append(
                Table(
                    "Các buổi khác (không điểm danh đảng viên)",
                    (("Loại buổi", 70), ("Số buổi", 20)),
                    others,
                    numeric=(1,),
                )
            )
        return tables

    def _study_note(self) -> str:
        rate = percent_text(self.by_kind["study"].rate)
        if self.study_target is None:
            return f"Học tập nghị quyết: {rate} đảng viên tham gia."
        met = {True: "đạt", False: "chưa đạt", None: "chưa có buổi học tập nghị quyết"}
        return (
            f"Học tập nghị quyết: {rate} so với chỉ tiêu {self.study_target}% "
            f"({met[self.study_met]}). Nguồn chỉ tiêu: {self.study_source}."
        )

    def chart(self) -> Chart:
        """By month over a period of up to MONTHS_CHARTED months, else by year (a bar a month
        over years would be too thin to read)."""
        if len(self.months) <= MONTHS_CHARTED:
            labels = tuple(f"{m.month}/{m.year % 100:02d}" for m, _ in self.months)
            tallies = [t for _, t in self.months]
            by = "tháng"
        else:
            years: dict[int, Tally] = {}
            for month, tally in self.months:
                years[month.year] = years.get(month.year, Tally()) + tally
            labels, tallies, by = tuple(str(y) for y in years), list(years.values()), "năm"
        return Chart(
            f"Tỷ lệ đảng viên có mặt theo {by} (%)",
            labels,
            (("Có mặt", tuple(_percent(t) for t in tallies)),),
            "%",
        )


MONTHS_CHARTED = 18


def _percent(tally: Tally) -> float | None:
    rate = tally.rate
    return round(rate * 100, 1) if rate is not None else None


def attendance(rows: Rows, period: Period) -> Attendance:
    held: Counter = Counter()
    by_kind = {k: Tally() for k in ROLL_REPORT}
    months = {m: Tally() for m in _months(period)}
    regular = set()
    for m in rows.meetings:
        if not m.held or m.date not in period:
            continue
        held[m.kind] += 1
        if m.kind in ROLL_REPORT:
            by_kind[m.kind] += m.tally
            first = m.date.replace(day=1)
            months[first] = months[first] + m.tally
        if m.kind == "regular":
            regular.add(m.date.replace(day=1))
    overall = sum(by_kind.values(), Tally())
    order = [*MEETING_KINDS]
    return Attendance(
        period, dict(sorted(held.items(), key=lambda kv: order.index(kv[0]))), overall, by_kind,
        sorted(months.items()), len(regular), rows.study_target, rows.study_source,
    )  # fmt: skip


def _months(period: Period) -> list[dt.date]:
    out, day = [], period.first.replace(day=1)
    while day <= period.last:
        out.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


# -- the year's ratings (Biểu 6) -----------------------------------------------------------


@dataclass(frozen=True)
class RatingYear:
    year: int
    on: dt.date  # members counted on this day: 31 December, or today in the current year
    to_rate: int  # members of the cell that day, not exempted
    exempted: int
    counts: dict[str, int]  # level code → every rating recorded for the year
    not_rated: list[str]  # names of members to rate with no rating yet
    average_points: float | None

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def rated_due(self) -> int:
        """Members to rate who have their rating."""
        return self.to_rate - len(self.not_rated)

    @property
    def rated_others(self) -> int:
        """Ratings of people not to rate that day: exempted, or gone during the year."""
        return self.rated - self.rated_due

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year, "on": self.on.isoformat(), "to_rate": self.to_rate,
            "exempted": self.exempted, "rated": self.rated, "rated_due": self.rated_due,
            "counts": self.counts, "not_rated": self.not_rated,
            "average_points": self.average_points,
        }  # fmt: skip


NAMES_SHOWN = 30  # the names of members not rated yet, when no more are left than this


@dataclass(frozen=True)
class Ratings:
    period: Period
    years: list[RatingYear]

    def to_json(self) -> dict[str, object]:
        return {"years": [y.to_json() for y in self.years]}

    def tables(self) -> list[Table]:
        """A table of Biểu 6 for each year with ratings; the years with none, in one list."""
        tables = [self._table(y) for y in self.years if y.rated]
        empty = [y for y in self.years if not y.rated]
        if empty:
            tables.append(Table(
                "Các năm chưa ghi kết quả xếp loại",
                (("Năm", 20), ("Đảng viên phải xếp loại", 40), ("Tính đến ngày", 30)),
                [(y.year, y.to_rate, y.on) for y in empty],
                numeric=(0, 1, 2),
            ))  # fmt: skip
        return tables

    def _table(self, y: RatingYear) -> Table:
        rows: list[tuple[Value, ...]] = [
            (lv.label, y.counts[lv.code], Share(y.counts[lv.code], y.rated)) for lv in LEVELS
        ]
        rows += [
            ("Cộng số đảng viên đã xếp loại", y.rated, None),
            (f"Đảng viên phải xếp loại (ngày {format_vn(y.on)})", y.to_rate, None),
            ("- đã xếp loại", y.rated_due, Share(y.rated_due, y.to_rate)),
            ("- chưa xếp loại", len(y.not_rated), Share(len(y.not_rated), y.to_rate)),
            ("Đảng viên miễn công tác và sinh hoạt (không phải xếp loại)", y.exempted, None),
        ]
        notes = [
            "Tỷ lệ từng mức tính trên số đã xếp loại. Đảng viên phải xếp loại: đảng viên của "
            "chi bộ ngày đó, trừ người miễn công tác và sinh hoạt.",
        ]
        if y.rated_others:
            notes.append(
                f"{y.rated_others} người đã xếp loại không thuộc diện phải xếp loại ngày đó "
                "(miễn sinh hoạt, hoặc đã ra khỏi chi bộ trong năm)."
            )
        if y.average_points is not None:
            notes.append(f"Điểm bình quân: {points_text(y.average_points)}/{MAX_POINTS}.")
        if y.rated and 0 < len(y.not_rated) <= NAMES_SHOWN:
            notes.append("Chưa xếp loại: " + ", ".join(y.not_rated) + ".")
        return Table(
            f"Kết quả xếp loại chất lượng đảng viên năm {y.year} (Biểu 6-BTCTW)",
            (("Mức xếp loại", 60), ("Số người", 15), ("Tỷ lệ", 15)),
            rows, numeric=(1, 2), notes=tuple(notes),
        )  # fmt: skip

    def chart(self) -> Chart | None:
        """Levels along the bottom, a bar per year; None before any rating is recorded."""
        shown = [y for y in self.years if y.rated][-CHART_YEARS:]
        if not shown:
            return None
        years = f"năm {shown[0].year}" if len(shown) == 1 else "theo năm"
        return Chart(
            f"Xếp loại chất lượng đảng viên {years} (số người)",
            tuple(lv.short for lv in LEVELS),
            tuple((str(y.year), tuple(float(y.counts[lv.code]) for lv in LEVELS)) for y in shown),
            "người",
        )


def ratings(rows: Rows, period: Period, lives: list[History] | None = None) -> Ratings:
    lives = lives if lives is not None else histories(rows.people, rows.events)
    years = []
    for year in period.years:
        on = min(dt.date(year, 12, 31), rows.today)
        members = [h for h in lives if h.member_on(on)]
        exempted = {h.person.id for h in members if h.exempted_on(on)}
        due = sorted(
            (h for h in members if h.person.id not in exempted), key=lambda h: h.person.sort_key
        )
        given = [r for r in rows.ratings if r.year == year]
        counts = Counter(r.level for r in given)
        rated = {r.person_id for r in given}
        points = [r.points for r in given if r.points is not None]
        years.append(RatingYear(
            year, on, len(due), len(exempted), {lv.code: counts.get(lv.code, 0) for lv in LEVELS},
            [h.person.full_name for h in due if h.person.id not in rated],
            round(sum(points) / len(points), 1) if points else None,
        ))  # fmt: skip
    return Ratings(period, years)


# -- what the register cannot answer -------------------------------------------------------

LIMITS = (
    "Đoàn viên Thanh niên: sổ không ghi ai là đoàn viên; chỉ đếm được người được Đoàn giới "
    "thiệu (mẫu 4-KNĐ). Đoàn viên được hai đảng viên giới thiệu không đếm được.",
    "Thành phần xã hội, khu vực kinh tế (công nhân, nông dân, doanh nghiệp tư nhân, học sinh, "
    "sinh viên…): sổ chỉ có nghề nghiệp ghi tự do, nên được đếm đúng như đã ghi.",
    "Kết nạp lại: sổ không phân biệt kết nạp lần đầu với kết nạp lại.",
    "Chuyên môn nghiệp vụ: xếp theo chữ đầu của mục đã ghi (Cử nhân, Kỹ sư… là đại học); "
    "mục ghi khác được tính «Khác».",
    "Thi hành kỷ luật (khiển trách, cảnh cáo), đảng phí và tặng Huy hiệu Đảng chưa có trong sổ.",
)


def limits(lives: Sequence[History]) -> list[str]:
    """What the register cannot answer, and the records that make a figure less sure."""
    out = list(LIMITS)
    undated = [h.person.full_name for h in lives if h.inside_at_first]
    if undated:
        out.append(
            f"{len(undated)} đảng viên không có ngày vào Đảng trong sổ: tính là đảng viên từ "
            "trước mọi kỳ, không tính vào số kết nạp."
        )
    return out


# -- every section ------------------------------------------------------------------------

KINDS = {
    "admissions": "Kết nạp đảng viên so với chỉ tiêu",
    "new-members": "Đảng viên mới kết nạp theo đối tượng",
    "movements": "Tăng, giảm đảng viên",
    "probation": "Đảng viên dự bị và thời hạn",
    "attendance": "Sinh hoạt chi bộ, học tập nghị quyết",
    "ratings": "Xếp loại chất lượng đảng viên",
}
ALL = "all"


@dataclass(frozen=True)
class Report:
    """The sections asked for, over one period."""

    period: Period
    today: dt.date
    sections: dict[str, object]  # kind → Admissions, NewMembers, …
    limits: list[str]

    def tables(self, kind: str) -> list[Table]:
        return self.sections[kind].tables()  # type: ignore[attr-defined]

    def charts(self, kind: str) -> list[Chart]:
        """The section's charts that have something to show (a bar above zero)."""
        chart = getattr(self.sections[kind], "chart", None)  # a field, a method, or none
        found = chart() if callable(chart) else chart
        if found is None or not any(v for _, values in found.series for v in values):
            return []
        return [found]

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.period.first.isoformat(), "to": self.period.last.isoformat(),
            "as_of": self.today.isoformat(),
            **{kind: s.to_json() for kind, s in self.sections.items()},  # type: ignore[attr-defined]
            "limits": self.limits,
        }  # fmt: skip


def report(
    rows: Rows, period: Period, kinds: Iterable[str], lives: list[History] | None = None
) -> Report:
    """The sections ``kinds`` (keys of KINDS, in that order) over the period; ``lives``: the
    people's histories when the caller has them already (the upper level's cells)."""
    wanted = [k for k in KINDS if k in set(kinds)]
    lives = lives if lives is not None else histories(rows.people, rows.events)
    build = {
        "admissions": lambda: admissions(rows, period, lives),
        "new-members": lambda: new_members(rows, period, lives),
        "movements": lambda: movements(rows, period, lives),
        "probation": lambda: probation(rows, period, lives),
        "attendance": lambda: attendance(rows, period),
        "ratings": lambda: ratings(rows, period, lives),
    }
    return Report(period, rows.today, {k: build[k]() for k in wanted}, limits(lives))
