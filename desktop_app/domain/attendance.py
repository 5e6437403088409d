"""Meetings and attendance: who is on a meeting's roll, the tallies a report needs, and the
warnings of the Charter (a regular meeting every month, a thematic one every quarter, three
months of unexcused absence in a year). Pure: the services gather the rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop_app.domain.dates import format_vn
from desktop_app.domain.membership import MEMBERS, PersonState
from desktop_app.domain.standing import overlay_flags

KINDS = {
    "regular": "Sinh hoạt thường kỳ",
    "thematic": "Sinh hoạt chuyên đề",
    "study": "Học tập nghị quyết",
    "committee": "Họp chi ủy",
    "training": "Lớp bồi dưỡng",
    "other": "Khác",
}
SHORT = {"regular": "TK", "thematic": "CĐ", "study": "NQ", "committee": "CU", "training": "BD",
         "other": "K"}  # fmt: skip
ROLL_KINDS = ("regular", "thematic", "study")  # every member in the cell is expected
CELL_KINDS = ("regular", "thematic")  # absences here count toward the Charter Art. 8 rule
CLASS_KINDS = {
    "awareness_class": "Lớp bồi dưỡng nhận thức về Đảng",
    "new_member_class": "Lớp bồi dưỡng đảng viên mới",
}
STATUSES = {
    "present": "Có mặt",
    "late": "Đến muộn",
    "excused": "Vắng có lý do",
    "absent": "Vắng không lý do",
}
ATTENDED = ("present", "late")
GROUPS = {
    "member": "Đảng viên",
    "exempted": "Miễn sinh hoạt",
    "candidate": "Quần chúng, người vào Đảng",
    "guest": "Khách mời",
}
MOVES = ("transfer_in", "transfer_out", "removal", "expulsion", "resignation", "death",
         "probation_removal")  # fmt: skip
_OUT = tuple(k for k in MOVES if k != "transfer_in")


@dataclass(frozen=True)
class Presence:
    """A member's record as the roll needs it: the state, and the dated moves in and out."""

    person_id: str
    name: str
    sort_key: str
    state: PersonState
    moves: tuple[tuple[str, dt.date], ...] = ()  # transfer_in and exits
    overlays: tuple[tuple[str, dt.date], ...] = ()  # exemption, temporary leave


def joined(state: PersonState) -> dt.date | None:
    """The day the person became a member of the Party (ceremony), as best the record knows."""
    return state.ceremony_date or state.admission_decision_date or state.official_date


def in_cell_on(presence: Presence, on: dt.date) -> bool:
    """A member of this cell that day: admitted, not yet gone, not before a transfer in."""
    state = presence.state
    if state.membership not in MEMBERS:
        return False
    start = joined(state)
    if start is not None and on < start:
        return False
    moves = sorted(presence.moves, key=lambda m: m[1])
    if state.exit and state.exit_date and not any(k in _OUT for k, _ in moves):
        moves.append(("transfer_out", state.exit_date))  # an exit typed in without its event
    inside = not moves or moves[0][0] != "transfer_in"
    for kind, day in moves:
        if day <= on:
            inside = kind == "transfer_in"
    return inside


def group_on(presence: Presence, on: dt.date) -> str | None:
    """ "member" (expected), "exempted" (listed apart), or None (not on the roll: not yet
    admitted, gone, or attached temporarily to another cell)."""
    if not in_cell_on(presence, on):
        return None
    flags = overlay_flags(presence.state, presence.overlays, on)
    if flags["away"]:
        return None
    return "exempted" if flags["exempted"] else "member"


@dataclass(frozen=True)
class MeetingFact:
    id: str
    kind: str
    date: dt.date
    held: bool
    topic: str = ""

    @property
    def takes_roll(self) -> bool:
        return self.held and self.kind in ROLL_KINDS


@dataclass(frozen=True)
class Mark:
    """A roll-call line recorded for someone: status and reason."""

    status: str
    reason: str = ""


@dataclass(frozen=True)
class Tally:
    expected: int = 0
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0  # without a valid reason

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        """Attended / expected, or None when nobody was expected."""
        return self.attended / self.expected if self.expected else None

    def add(self, status: str) -> Tally:
        return self + tally_of((status,))

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.expected + other.expected, self.present + other.present,
            self.late + other.late, self.excused + other.excused, self.absent + other.absent,
        )  # fmt: skip

    def to_json(self) -> dict[str, object]:
        rate = self.rate
        return {
            "expected": self.expected,
            "attended": self.attended,
            "present": self.present,
            "late": self.late,
            "excused": self.excused,
            "absent": self.absent,
            "rate": round(rate, 4) if rate is not None else None,
        }


def tally_of(statuses: Iterable[str]) -> Tally:
    """The tally of one status per expected member (counted in one pass: rolls of thousands)."""
    counts = Counter(statuses)
    unknown = set(counts) - set(STATUSES)
    if unknown:
        raise KeyError(sorted(unknown)[0])
    return Tally(sum(counts.values()), *(counts[k] for k in STATUSES))  # Tally's field order


def percent_text(rate: float | None) -> str:
    """Vietnamese percent with a comma: "93,3%", or "—"."""
    if rate is None:
        return "—"
    return f"{rate * 100:.1f}%".replace(".", ",")


def status_of(group: str, marks: Mapping[str, Mark], person_id: str) -> str | None:
    """A member on the roll is present unless marked; anyone else only when marked."""
    mark = marks.get(person_id)
    if mark is not None:
        return mark.status
    return "present" if group == "member" else None


def tally(roll: Iterable[tuple[str, str | None]]) -> Tally:
    """Tally of (group, status) for the members expected (group "member")."""
    return tally_of(status for group, status in roll if group == "member" and status)


@dataclass
class MemberYear:
    """One member's year: meetings expected and what happened at each."""

    person_id: str
    name: str
    sort_key: str
    year: int
    all: Tally = field(default_factory=Tally)
    study: Tally = field(default_factory=Tally)
    unexcused: dict[int, list[dt.date]] = field(default_factory=dict)  # month → meeting dates

    @property
    def unexcused_months(self) -> list[int]:
        return sorted(self.unexcused)

    def to_json(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "full_name": self.name,
            "year": self.year,
            "meetings_expected": self.all.expected,
            "attended": self.all.attended,
            "late": self.all.late,
            "excused": self.all.excused,
            "unexcused": self.all.absent,
            "rate": self.all.to_json()["rate"],
            "study_expected": self.study.expected,
            "study_attended": self.study.attended,
            "months_with_unexcused_absence": self.unexcused_months,
        }


def member_years(
    presences: Iterable[Presence],
    meetings: list[MeetingFact],
    marks: Mapping[str, Mapping[str, Mark]],
    year: int,
) -> list[MemberYear]:
    """Per member, the year's roll-call meetings at which they were expected; ``marks`` is
    meeting id → person id → recorded line. Members never expected that year are left out."""
    held = sorted((m for m in meetings if m.takes_roll and m.date.year == year), key=_by_date)
    out = []
    for p in presences:
        every, study, unexcused = [], [], {}
        for meeting in held:
            if group_on(p, meeting.date) != "member":
                continue
            status = status_of("member", marks.get(meeting.id, {}), p.person_id) or "present"
            every.append(status)
            if meeting.kind == "study":
                study.append(status)
            if status == "absent" and meeting.kind in CELL_KINDS:
                unexcused.setdefault(meeting.date.month, []).append(meeting.date)
        if every:
            tallies = tally_of(every), tally_of(study)
            out.append(MemberYear(p.person_id, p.name, p.sort_key, year, *tallies, unexcused))
    return out


def _by_date(meeting: MeetingFact) -> tuple[dt.date, str]:
    return (meeting.date, meeting.id)


def months_text(months: Iterable[int], year: int) -> str:
    """ "tháng 3, 5, 9/2026"."""
    return f"tháng {', '.join(str(m) for m in months)}/{year}"


def first_day_of_period(on: dt.date, months: int) -> dt.date:
    """Periods of ``months`` months from January: quarters for 3."""
    return dt.date(on.year, (on.month - 1) // months * months + 1, 1)


def period_end(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def periods(first: dt.date, last: dt.date, months: int) -> list[tuple[dt.date, dt.date]]:
    """(start, end) of each period touching first..last."""
    out = []
    start = first_day_of_period(first, months)
    while start <= last:
        end = period_end(start, months)
        out.append((start, end))
        start = end + dt.timedelta(days=1)
    return out


def period_label(start: dt.date, months: int) -> str:
    if months == 1:
        return f"tháng {start.month}/{start.year}"
    if months == 3:
        return f"quý {(start.month - 1) // 3 + 1}/{start.year}"
    return f"{months} tháng từ {format_vn(start)}"
