"""The sign-in sheet of a meeting (danh sách ký tên): the cell and the meeting at the top, then
everyone on the meeting's roll in Vietnamese order with a blank column to sign, the exempted
members listed apart as the roll keeps them, and the candidates and guests recorded, with blank
rows under them for those who come unannounced.

A meeting not yet held has no roll in the register: the sheet lists who will be expected that
day (the members in the cell on the meeting's date, exempted ones apart), the same people the
roll call will then hold. ``attendees`` is shared with the minutes skeleton."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.attendance import GROUPS, ROLL_KINDS, Presence, group_on
from desktop_app.forms import facts
from desktop_app.forms.layout import Cell, Document, Head, Signature, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import meetings, rolls
from desktop_app.services.meetings import MeetingView, RollLine
from desktop_app.services.tracks import day

CODE = "DS-KT"
COLUMNS = (  # widths in mm of the 160 mm text width
    ("TT", 10),
    ("Họ và tên", 60),
    ("Diện", 24),
    ("Ký tên", 38),
    ("Ghi chú", 28),
)
CENTERED = (0, 2)
ROW_PADDING = 8  # points above and below a name: room to sign (a row about 10.6 mm high)
SPARE_ROWS = 5  # blank rows for candidates and guests not recorded beforehand
OTHER_SPARE_ROWS = 12  # a meeting without a roll: rows for whoever comes
_COUNT = "." * 8  # the number present, written in at the meeting
MEMBERSHIP = {"official": "Chính thức", "probationary": "Dự bị"}
SECTIONS = {
    "member": "Đảng viên",
    "exempted": "Đảng viên được miễn công tác và sinh hoạt đảng",
    "guests": "Quần chúng, khách mời",
    "others": "Người dự",
}


@dataclass(frozen=True)
class Attendee:
    """One person on the roll, with the membership they had on the meeting's day."""

    name: str
    group: str  # member, exempted, candidate, guest (attendance.GROUPS)
    status: str | None  # None: not marked (a meeting not yet held, an exempted member away)
    reason: str = ""
    membership: str | None = None  # official / probationary that day; None for the others


@dataclass(frozen=True)
class Roll:
    meeting: MeetingView
    attendees: list[Attendee]
    held: bool  # the roll was called: statuses are the register's

    def of(self, *groups: str) -> list[Attendee]:
        return [a for a in self.attendees if a.group in groups]


def _membership(presence: Presence | None, on: dt.date) -> str | None:
    if presence is None:
        return None
    state = presence.state
    if state.membership == "official" and (
        state.official_date is None or state.official_date <= on
    ):
        return "official"
    return "probationary" if state.membership in MEMBERSHIP else None


def _expected(presences: list[Presence], on: dt.date) -> list[RollLine]:
    """Who a roll call on that day will expect (``meetings._roll`` for a meeting held)."""
    lines = []
    for p in presences:
        group = group_on(p, on)
        if group is not None:
            lines.append(RollLine(p.person_id, p.name, group, None, "", p.sort_key))
    order = {g: i for i, g in enumerate(GROUPS)}
    return sorted(lines, key=lambda line: (order[line.group], line.sort_key, line.name))


def attendees(request: Request) -> Roll:
    """The meeting and its roll, read once per request."""
    if "roll" in request.cache:
        return request.cache["roll"]
    assert request.meeting_id is not None
    detail = meetings.get_meeting(request.reg, request.meeting_id)
    m = detail.meeting
    on = day(m.date)
    assert on is not None
    presences = rolls.all_presences()
    by_id = {p.person_id: p for p in presences}
    lines = detail.roll
    if not m.held and m.kind in ROLL_KINDS:
        lines = _expected(presences, on)
    people = [
        Attendee(
            line.name,
            line.group,
            line.status,
            line.reason,
            _membership(by_id.get(line.person_id or ""), on) if line.group != "guest" else None,
        )
        for line in lines
    ]
    roll = Roll(m, people, m.held and m.kind in ROLL_KINDS)
    request.cache["roll"] = roll
    return roll


def kind_text(m: MeetingView) -> str:
    """ "sinh hoạt thường kỳ", "họp chi ủy"; a meeting of another kind is a "họp"."""
    return "họp" if m.kind == "other" else m.kind_label.lower()


def meeting_head(request: Request, m: MeetingView) -> Head:
    cell = facts.cell_facts(request.reg)
    return Head(cell.issuer, None, cell.place, day(m.date))


def officers(m: MeetingView) -> tuple[Signature, Signature]:
    """(the minute-taker, the chair): who signs a meeting's papers, as recorded."""
    taker = Signature(("THƯ KÝ",), Value(m.minute_taker_name, "thư ký"))
    chair = Signature(("CHỦ TRÌ",), Value(m.chair_name, "chủ trì"))
    return taker, chair


def _rows(people: list[Attendee], spare: int = 0) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for number, person in enumerate(people, start=1):
        what = MEMBERSHIP.get(person.membership or "", GROUPS.get(person.group, ""))
        rows.append([str(number), Value(person.name, "họ và tên"), what, "", ""])
    for number in range(len(people) + 1, len(people) + spare + 1):
        rows.append([str(number), "", "", "", ""])
    return rows


def _sections(roll: Roll) -> tuple[tuple[tuple[str, list[Attendee], int], ...], str]:
    """(section key, people, blank rows) of the sheet, and the line under it."""
    if roll.meeting.kind in ROLL_KINDS:
        expected = len(roll.of("member"))
        sections = (
            ("member", roll.of("member"), 0),
            ("exempted", roll.of("exempted"), 0),
            ("guests", roll.of("candidate", "guest"), SPARE_ROWS),
        )
        return sections, f"Đảng viên phải có mặt: {expected} đồng chí; có mặt: {_COUNT} đồng chí."
    # a committee meeting, a class: the register knows only who was recorded
    return (("others", roll.attendees, OTHER_SPARE_ROWS),), f"Có mặt: {_COUNT} người."


def render(request: Request) -> bytes:
    roll = attendees(request)
    m = roll.meeting
    doc = Document(CODE, f"Danh sách ký tên: {m.title}")
    doc.head(meeting_head(request, m))
    doc.title("Danh sách ký tên", f"dự {kind_text(m)} ngày {day(m.date):%d/%m/%Y}")
    doc.line("Nội dung: ", Value(m.topic, "nội dung"))
    doc.line("Địa điểm: ", Value(m.place, "địa điểm"))
    sections, total = _sections(roll)
    numerals = iter(("I", "II", "III"))
    for key, people, spare in sections:
        if not people and not spare:
            continue
        count = f" ({len(people)} người)" if people else ""
        doc.heading(f"{next(numerals)}. {SECTIONS[key]}{count}")
        doc.table(COLUMNS, _rows(people, spare), centered=CENTERED, padding=ROW_PADDING)
    doc.spacer(3)
    doc.line(total)
    doc.signatures(*officers(m))
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Danh sách ký tên dự sinh hoạt, dự họp",
    "meeting",
    render,
    note="Tên theo thứ tự tên; cột ký tên để trống; miễn sinh hoạt và khách mời ghi riêng.",
)
