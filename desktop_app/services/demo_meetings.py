"""The demo cell's year of meetings: a regular meeting every month, thematic meetings each
quarter, resolution study, roll calls with the usual absences, one member nearing removal and
one with a reminder due, and next month's meeting planned. Written through the services."""

from __future__ import annotations

import datetime as dt
import random

from desktop_app.domain.attendance import group_on
from desktop_app.services import meetings, rolls
from desktop_app.services.meetings import Entry
from desktop_app.store.database import Register

REASONS = ("Đi công tác", "Ốm, có giấy của trạm y tế", "Việc gia đình", "Trực cơ quan")
THEMATIC = {
    3: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    6: "Nâng cao vai trò của đảng viên trong xây dựng khu dân cư văn hóa",
    9: "Chuyển đổi số trong công tác của chi bộ",
}
STUDY = {2: "Học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"}
GUEST = "Đồng chí Nguyễn Văn Hải, Đảng ủy viên phường"


def _weekday(year: int, month: int, day: int) -> dt.date:
    on = dt.date(year, month, day)
    while on.weekday() >= 5:
        on += dt.timedelta(days=1)
    return on


def fill(reg: Register, today: dt.date, seed: int = 2026) -> None:
    """Meetings from January to two months ago; last month's regular meeting held, this
    month's only planned."""
    rng = random.Random(seed)
    year = today.year
    last = today.month - 1
    if last < 1:
        return  # January: the demo starts the year with nothing recorded
    steady = set.intersection(*(set(_members_on(_weekday(year, m, 6))) for m in range(1, last + 1)))
    members_then = [pid for pid in _members_on(_weekday(year, 1, 6)) if pid in steady]
    absentees = _absentees(members_then)
    officers = {"chair": members_then[0], "minute_taker": members_then[1]} if len(
        members_then) > 1 else {}  # fmt: skip
    for month in range(1, last + 1):
        on = _weekday(year, month, 6)
        topic = f"Sinh hoạt chi bộ thường kỳ tháng {month}/{year}"
        regular = _add(reg, "regular", on, topic, today, **officers)
        _roll(reg, regular, month, absentees, rng, today)
        if month in THEMATIC:
            thematic = _add(reg, "thematic", _weekday(year, month, 20), THEMATIC[month], today)
            meetings.record_rollcall(reg, thematic.id, [Entry("present", None, GUEST)], today=today)
        if month in STUDY:
            study = _add(reg, "study", _weekday(year, month, 13), STUDY[month], today)
            _roll(reg, study, month, {}, rng, today)
    planned = _weekday(year, today.month, 27)
    if planned > today:
        meetings.add_meeting(
            reg,
            {"kind": "regular", "date": planned, "held": False,
             "topic": f"Sinh hoạt chi bộ thường kỳ tháng {today.month}/{year}"},
            today=today,
        )  # fmt: skip


def _add(reg: Register, kind: str, on: dt.date, topic: str, today: dt.date, **officers):
    return meetings.add_meeting(
        reg,
        {"kind": kind, "date": on, "topic": topic, "place": "Hội trường khu phố",
         "resolution": f"{on.month:02d}-NQ/CB" if kind == "regular" else "", **officers},
        today=today,
    )  # fmt: skip


def _absentees(members_then: list[str]) -> dict[str, tuple[int, ...]]:
    """Two members with unexcused absences: one at three months (removal to consider), one at
    two (a reminder)."""
    if len(members_then) < 8:
        return {}
    return {members_then[-3]: (3, 6, 9), members_then[-5]: (4, 8)}


def _members_on(on: dt.date) -> list[str]:
    return [p.person_id for p in rolls.all_presences() if group_on(p, on) == "member"]


def _roll(reg, meeting, month: int, absentees, rng: random.Random, today: dt.date) -> None:
    roll = meetings.get_meeting(reg, meeting.id).roll
    here = [line.person_id for line in roll if line.group == "member" and line.person_id]
    entries = [Entry("absent", pid) for pid, months in absentees.items()
               if month in months and pid in here]  # fmt: skip
    others = [pid for pid in here if pid not in absentees]
    for pid in rng.sample(others, k=min(len(others), rng.randint(1, 3))):
        entries.append(Entry("excused", pid, reason=rng.choice(REASONS)))
    late = [pid for pid in others if pid not in {e.person_id for e in entries}]
    if late and rng.random() < 0.5:
        entries.append(Entry("late", rng.choice(late)))
    meetings.record_rollcall(reg, meeting.id, entries, today=today)
