"""Meetings and their roll calls: add, change and remove a meeting, record who came, and show a
meeting with its roll. Each write is one journalled transaction; the UI and the CLI call these.

A roll call stores only what is not the default: a member expected that day (computed from the
register) is present unless a line says late, excused or absent; exempted members, candidates
and guests who came have a line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.domain.attendance import (
    ATTENDED,
    CLASS_KINDS,
    GROUPS,
    KINDS,
    ROLL_KINDS,
    STATUSES,
    Mark,
    MeetingFact,
    Presence,
    Tally,
    group_on,
    status_of,
    tally,
)
from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.domain.names import clean_text, sort_key_text
from desktop_app.services import development, members, rolls, tracks
from desktop_app.services.tracks import day, details_of
from desktop_app.store import meetings, people, records
from desktop_app.store.database import Register
from desktop_app.store.models import Attendance, Meeting

TEXT_LIMITS = {"topic": 500, "place": 200, "notes": 4000, "resolution": 40}
FIELDS = ("kind", "date", "held", "topic", "place", "chair", "minute_taker", "notes",
          "resolution", "class_kind")  # fmt: skip
ROLES = ("chair", "minute_taker")
REASON_LIMIT = 300
GUEST_LIMIT = 120


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# -- views --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingView:
    id: str
    version: int
    kind: str
    date: str
    held: bool
    topic: str
    place: str
    chair_id: str | None
    chair_name: str
    minute_taker_id: str | None
    minute_taker_name: str
    notes: str
    resolution: str
    class_kind: str
    tally: Tally = field(default_factory=Tally)
    others: int = 0  # attended without being expected: exempted members, candidates, guests
    warnings: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def title(self) -> str:
        """ "Sinh hoạt thường kỳ 05/03/2026"."""
        return f"{self.kind_label} {format_vn(day(self.date))}"

    def fact(self) -> MeetingFact:
        return MeetingFact(self.id, self.kind, day(self.date), self.held, self.topic)

    def to_json(self) -> dict[str, object]:
        plain = {k: getattr(self, k) for k in self.__dataclass_fields__}
        return plain | {
            "kind_label": self.kind_label,
            "tally": self.tally.to_json(),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class RollLine:
    """One person on a meeting's roll (a guest has no person id)."""

    person_id: str | None
    name: str
    group: str  # member, exempted, candidate, guest
    status: str | None  # None: an exempted member who did not come
    reason: str = ""
    sort_key: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "group": self.group,
            "status": self.status,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Certificate:
    person_id: str
    name: str
    number: str
    date: str
    event_id: str


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingView
    roll: list[RollLine]
    certificates: list[Certificate] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return self.meeting.to_json() | {
            "roll": [line.to_json() for line in self.roll],
            "certificates": [c.__dict__ for c in self.certificates],
        }


# -- reading ------------------------------------------------------------------------------


def list_meetings(
    reg: Register, year: int | None = None, *, presences: list[Presence] | None = None
) -> list[MeetingView]:
    """Meetings of a year (or all), by date, each with its attendance tally; ``presences``
    when the caller has already read them."""
    first, last = (f"{year}-01-01", f"{year}-12-31") if year else (None, None)
    rows = meetings.meetings_between(first, last)
    if not rows:
        return []
    lines = meetings.lines_of([r.id for r in rows])
    presences = rolls.all_presences() if presences is None else presences
    names = _names(rows)
    return [_view(r, names, _roll(r, lines.get(r.id, []), presences)) for r in rows]


def get_meeting(reg: Register, meeting_id: str) -> MeetingDetail:
    row = _live(meeting_id)
    lines = meetings.lines_of([row.id]).get(row.id, [])
    roll = _roll(row, lines, rolls.all_presences())
    return MeetingDetail(_view(row, _names([row]), roll), roll, _certificates(row.id))


def _live(meeting_id: str) -> Meeting:
    row = meetings.meeting_by_id(meeting_id)
    if row is None:
        raise NotFoundError(f"Không có buổi sinh hoạt nào mang mã «{meeting_id}» trong sổ.")
    return row


def _names(rows: list[Meeting]) -> dict[str, str]:
    ids = {i for r in rows for i in (r.chair_id, r.minute_taker_id) if i}
    return {i: r.full_name for i, r in meetings.person_rows(ids).items()}


def _view(row: Meeting, names: dict[str, str], roll: list[RollLine], warnings=()) -> MeetingView:
    if row.held and row.kind in ROLL_KINDS:
        counts = tally((line.group, line.status) for line in roll)
        others = sum(1 for line in roll if line.group != "member" and line.status in ATTENDED)
    else:  # nobody is expected: the lines are the people invited
        counts = tally(("member", line.status) for line in roll if line.status)
        others = 0
    return MeetingView(
        row.id,
        row.version,
        row.kind,
        row.date,
        bool(row.held),
        row.topic,
        row.place,
        row.chair_id,
        names.get(row.chair_id or "", ""),
        row.minute_taker_id,
        names.get(row.minute_taker_id or "", ""),
        row.notes,
        row.resolution,
        row.class_kind,
        counts,
        others,
        tuple(warnings),
    )


def _roll(row: Meeting, lines: list[Attendance], presences) -> list[RollLine]:
    """Everyone on the roll: the members expected that day (if the meeting takes a roll),
    exempted members apart, then whoever else has a line."""
    on = day(row.date)
    marks = {ln.person_id: Mark(ln.status, ln.reason) for ln in lines if ln.person_id}
    out: list[RollLine] = []
    listed: set[str] = set()
    if row.held and row.kind in ROLL_KINDS:
        for p in presences:
            group = group_on(p, on)
            if group is None:
                continue
            mark = marks.get(p.person_id)
            status = status_of(group, marks, p.person_id)
            out.append(
                RollLine(
                    p.person_id, p.name, group, status, mark.reason if mark else "", p.sort_key
                )
            )
            listed.add(p.person_id)
    extra = [ln for ln in lines if ln.person_id and ln.person_id not in listed]
    rows = meetings.person_rows({ln.person_id for ln in extra})
    for ln in extra:
        person = rows.get(ln.person_id)
        presence = rolls.presence_of(ln.person_id) if person else None
        group = (rolls.group_of(presence, on) if presence else None) or "candidate"
        name = person.full_name if person else ln.person_id
        sort_key = person.sort_key if person else ""
        out.append(RollLine(ln.person_id, name, group, ln.status, ln.reason, sort_key))
    out += [RollLine(None, ln.guest_name, "guest", ln.status, ln.reason,
                     sort_key_text(ln.guest_name)) for ln in lines if not ln.person_id]  # fmt: skip
    order = {g: i for i, g in enumerate(GROUPS)}
    return sorted(out, key=lambda line: (order[line.group], line.sort_key, line.name))


def _certificates(meeting_id: str) -> list[Certificate]:
    events = meetings.linked_events(meeting_id, tuple(CLASS_KINDS))
    names = {i: r.full_name for i, r in meetings.person_rows({e.person_id for e in events}).items()}
    out = []
    for e in events:
        number = str(details_of(e).get("certificate_number", ""))
        out.append(Certificate(e.person_id, names.get(e.person_id, ""), number, e.date, e.id))
    return out


# -- meetings -----------------------------------------------------------------------------


def add_meeting(
    reg: Register, data: dict[str, object], today: dt.date | None = None
) -> MeetingView:
    """A meeting held (or planned, with ``held`` False). A second regular meeting in a month is
    allowed, with a warning."""
    with reg.atomic():
        values = _clean_meeting({"held": True, **data}, _today(today))
        row = records.insert(Meeting, values, reg.author)
        warnings = _month_warnings(row)
    return _view(row, _names([row]), _roll(row, [], rolls.all_presences()), warnings)


def update_meeting(
    reg: Register,
    meeting_id: str,
    changes: dict[str, object],
    *,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> MeetingView:
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise StateError(f"Buổi sinh hoạt: không có trường {', '.join(unknown)}")
    with reg.atomic():
        row = _live(meeting_id)
        if expected_version is not None and row.version != expected_version:
            raise StateError(
                f"{_title(row)}: đã có người khác sửa buổi này; mở lại để thấy bản mới nhất"
            )
        current = {name: getattr(row, name) for name in FIELDS if name not in ROLES}
        current |= {"chair": row.chair_id, "minute_taker": row.minute_taker_id}
        values = _clean_meeting({**current, **changes}, _today(today))
        if values["date"] != row.date or values["kind"] != row.kind:
            _refuse_if_linked(row, "đổi ngày hay loại buổi")
        _check_lines_still_fit(row, values)
        records.update(row, values, reg.author)
        warnings = _month_warnings(row)
    lines = meetings.lines_of([row.id]).get(row.id, [])
    return _view(row, _names([row]), _roll(row, lines, rolls.all_presences()), warnings)


def delete_meeting(reg: Register, meeting_id: str) -> None:
    """Tombstone the meeting and its roll call (never a row deleted)."""
    with reg.atomic():
        row = _live(meeting_id)
        _refuse_if_linked(row, "xóa buổi")
        for line in meetings.lines_of([row.id]).get(row.id, []):
            records.tombstone(line, reg.author)
        records.tombstone(row, reg.author)


def _refuse_if_linked(row: Meeting, what: str) -> None:
    """Class certificates and votes recorded at the meeting keep it (and its date)."""
    linked = meetings.linked_events(row.id)
    if linked:
        kinds = {"certificates": 0, "votes": 0}
        for event in linked:
            kinds["certificates" if event.kind in CLASS_KINDS else "votes"] += 1
        parts = (
            [f"giấy chứng nhận cho {kinds['certificates']} người"] if kinds["certificates"] else []
        )
        parts += [f"{kinds['votes']} biểu quyết"] if kinds["votes"] else []
        raise StateError(
            f"{_title(row)}: đã ghi {' và '.join(parts)} tại buổi này; hủy các bước đó trước "
            f"khi {what}"
        )


def _title(row: Meeting) -> str:
    return f"Buổi {KINDS.get(row.kind, row.kind).lower()} ngày {format_vn(day(row.date))}"


def _clean_meeting(data: dict[str, object], today: dt.date) -> dict[str, object]:
    kind = str(data.get("kind") or "")
    if kind not in KINDS:
        raise StateError(
            f"Buổi sinh hoạt: loại «{kind}» không có; chọn một trong {', '.join(KINDS)}"
        )
    on = _date(data.get("date"))
    label = f"Buổi {KINDS[kind].lower()}"
    held = bool(data.get("held"))
    if held and on > today:
        raise StateError(
            f"{label} ngày {format_vn(on)}: ngày trong tương lai, chưa thể ghi là đã họp "
            "(bỏ dấu «đã họp» để ghi là dự kiến)"
        )
    values: dict[str, object] = {"kind": kind, "date": on.isoformat(), "held": held}
    for name, limit in TEXT_LIMITS.items():
        text = clean_text(str(data.get(name) or ""))
        if len(text) > limit:
            raise StateError(
                f"{label} ngày {format_vn(on)}: trường «{name}» quá dài (tối đa {limit})"
            )
        values[name] = text
    class_kind = str(data.get("class_kind") or "")
    if class_kind and (kind != "training" or class_kind not in CLASS_KINDS):
        raise StateError(f"{label}: loại lớp «{class_kind}» chỉ dùng cho lớp bồi dưỡng")
    values["class_kind"] = class_kind
    for role in ROLES:
        person_id = data.get(role)
        values[role] = members._live(str(person_id)).id if person_id else None
    return values


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise StateError(f"Buổi sinh hoạt: ngày «{value or ''}» không hợp lệ")


def _month_warnings(row: Meeting) -> list[str]:
    if row.kind != "regular":
        return []
    on = day(row.date)
    first, last = on.replace(day=1).isoformat(), _month_end(on).isoformat()
    same = [m for m in meetings.meetings_between(first, last) if m.kind == "regular"]
    if len(same) < 2:
        return []
    dates = ", ".join(format_vn(day(m.date)) for m in same)
    return [
        f"Tháng {on.month}/{on.year} đã có {len(same)} buổi sinh hoạt thường kỳ ({dates}); "
        "nếu một buổi là chuyên đề hay họp khác, hãy sửa loại"
    ]


def _month_end(on: dt.date) -> dt.date:
    nxt = on.replace(day=28) + dt.timedelta(days=4)
    return nxt - dt.timedelta(days=nxt.day)


def _check_lines_still_fit(row: Meeting, values: dict[str, object]) -> None:
    lines = meetings.lines_of([row.id]).get(row.id, [])
    if not lines:
        return
    if not values["held"]:
        raise StateError(
            f"{_title(row)}: đã điểm danh {len(lines)} người, không thể ghi là chưa họp"
        )
    on = dt.date.fromisoformat(str(values["date"]))
    for line in lines:
        if line.person_id:
            _group_for(line.person_id, on, str(values["kind"]))


# -- roll call ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line given to ``record_rollcall``: a person (by id) or a guest (by name)."""

    status: str
    person_id: str | None = None
    guest_name: str = ""
    reason: str = ""


def entries_of(detail: MeetingDetail) -> list[Entry]:
    """The lines a roll call holds now, as entries (to edit one and record them all again)."""
    out = []
    for line in detail.roll:
        if line.status is None or (line.group == "member" and line.status == "present"):
            continue
        out.append(Entry(line.status, line.person_id, "" if line.person_id else line.name,
                         line.reason))  # fmt: skip
    return out


def record_rollcall(
    reg: Register, meeting_id: str, entries: list[Entry], today: dt.date | None = None
) -> MeetingDetail:
    """Replace the meeting's roll call: every member expected that day and not named is
    present. A person or guest named twice is refused, as is anyone not of the cell that day."""
    with reg.atomic():
        row = _open_roll(meeting_id, _today(today))
        on = day(row.date)
        wanted: dict[tuple[str | None, str], tuple[str, str]] = {}
        for entry in entries:
            key, status, reason = _check_entry(row, on, entry)
            if key in wanted:
                raise StateError(f"{_title(row)}: «{_entry_name(entry)}» được điểm danh hai lần")
            wanted[key] = (status, reason)
        old = {
            (ln.person_id, ln.guest_name): ln for ln in meetings.lines_of([row.id]).get(row.id, [])
        }
        for key, line in old.items():
            if key not in wanted:
                records.tombstone(line, reg.author)
        for key, (status, reason) in wanted.items():
            _write_line(reg, row, key, status, reason, old.get(key))
    return get_meeting(reg, row.id)


def set_attendance(
    reg: Register,
    meeting_id: str,
    person_id: str,
    status: str | None,
    reason: str = "",
    today: dt.date | None = None,
) -> MeetingDetail:
    """One person's line (the grid's cell): ``status`` None or "present" for a member expected
    that day removes any line; None for anyone else removes their line."""
    with reg.atomic():
        row = _open_roll(meeting_id, _today(today))
        on = day(row.date)
        person = members._live(person_id)
        old = meetings.line_of(row.id, person.id)
        if status is None:
            if old is not None:
                records.tombstone(old, reg.author)
        else:
            key, status, reason = _check_entry(row, on, Entry(status, person.id, "", reason))
            _write_line(reg, row, key, status, reason, old)
    return get_meeting(reg, row.id)


def _open_roll(meeting_id: str, today: dt.date) -> Meeting:
    row = _live(meeting_id)
    if not row.held:
        raise StateError(
            f"{_title(row)}: buổi này mới dự kiến, chưa họp; chỉ điểm danh buổi đã họp"
        )
    if day(row.date) > today:
        raise StateError(f"{_title(row)}: ngày trong tương lai, chưa thể điểm danh")
    return row


def _entry_name(entry: Entry) -> str:
    if entry.person_id:
        found = people.by_id(entry.person_id)
        return found.full_name if found else entry.person_id
    return entry.guest_name


def _check_entry(
    row: Meeting, on: dt.date, entry: Entry
) -> tuple[tuple[str | None, str], str, str]:
    """((person id, guest name), status, reason), or StateError naming the person."""
    if entry.status not in STATUSES:
        raise StateError(
            f"{_title(row)}: trạng thái «{entry.status}» không có ({', '.join(STATUSES)})"
        )
    reason = clean_text(entry.reason)
    if len(reason) > REASON_LIMIT:
        raise StateError(f"{_title(row)}: lý do quá dài (tối đa {REASON_LIMIT})")
    if entry.person_id:
        person = members._live(entry.person_id)
        group = _group_for(person.id, on, row.kind)
        who = f"{_title(row)}: «{person.full_name}»"
        key: tuple[str | None, str] = (person.id, "")
    else:
        name = clean_text(entry.guest_name)
        if not name or len(name) > GUEST_LIMIT:
            raise StateError(f"{_title(row)}: khách mời cần họ tên (tối đa {GUEST_LIMIT} ký tự)")
        group, who, key = "guest", f"{_title(row)}: khách mời «{name}»", (None, name)
    expected = group == "member" and row.kind in ROLL_KINDS
    if not expected and row.kind in ROLL_KINDS and entry.status not in ATTENDED:
        raise StateError(f"{who} không có tên trong danh sách phải dự; chỉ ghi khi có mặt")
    if entry.status == "excused" and not reason:
        raise StateError(f"{who}: vắng có lý do, cần ghi lý do")
    if entry.status in ATTENDED:
        reason = "" if entry.status == "present" else reason
    return key, entry.status, reason


def _group_for(person_id: str, on: dt.date, kind: str) -> str:
    """The person's roll group that day, or StateError saying why they cannot be on it."""
    presence = rolls.presence_of(person_id)
    group = rolls.group_of(presence, on) if presence else None
    if group is None:
        found = people.by_id(person_id)
        name = found.full_name if found else person_id
        raise StateError(
            f"«{name}» không sinh hoạt ở chi bộ ngày {format_vn(on)} (chưa kết nạp, đã chuyển "
            "đi, đã ra khỏi Đảng hoặc đang sinh hoạt tạm thời nơi khác)"
        )
    return group


def _write_line(reg: Register, row: Meeting, key, status: str, reason: str, old) -> None:
    person_id, guest = key
    presence = rolls.presence_of(person_id) if person_id else None
    member_default = (
        presence is not None
        and row.kind in ROLL_KINDS
        and group_on(presence, day(row.date)) == "member"
    )
    if member_default and status == "present":  # the default needs no line
        if old is not None:
            records.tombstone(old, reg.author)
        return
    if old is not None:
        records.update(old, {"status": status, "reason": reason}, reg.author)
        return
    records.insert(
        Attendance,
        {"meeting": row.id, "person": person_id, "guest_name": guest, "status": status,
         "reason": reason},
        reg.author,
    )  # fmt: skip


# -- training classes ---------------------------------------------------------------------


def issue_certificate(
    reg: Register,
    meeting_id: str,
    person_id: str,
    number: str,
    on: dt.date,
    *,
    issuer: str = "",
    today: dt.date | None = None,
) -> MeetingDetail:
    """A class's certificate for one attendee: the certificate step on the person's record
    (it feeds the dossier and the validity deadline) and their line on the class roll."""
    with reg.atomic():
        row = _open_roll(meeting_id, _today(today))
        if row.kind != "training" or not row.class_kind:
            raise StateError(
                f"{_title(row)}: chỉ lớp bồi dưỡng (có ghi loại lớp) mới cấp giấy chứng nhận"
            )
        if on < day(row.date):
            raise StateError(f"{_title(row)}: ngày cấp giấy {format_vn(on)} trước ngày khai giảng")
        person = members._live(person_id)
        if not clean_text(number):
            raise StateError(f"Giấy chứng nhận của «{person.full_name}»: cần ghi số giấy")
        development.record_step(
            reg,
            person.id,
            row.class_kind,
            on,
            details={"certificate_number": number, "issuer": issuer or row.place,
                     "meeting_id": row.id},
            today=today,
        )  # fmt: skip
        if meetings.line_of(row.id, person.id) is None:
            key, status, reason = _check_entry(row, day(row.date), Entry("present", person.id))
            _write_line(reg, row, key, status, reason, None)
    return get_meeting(reg, row.id)


# -- votes at a meeting -------------------------------------------------------------------

VOTE_KINDS = ("regular", "thematic", "other")


def vote_attendance(reg: Register, meeting_id: str) -> tuple[int, int]:
    """(official members present and counted, exempted official members present) by the
    meeting's roll: the figures a cell vote taken there starts from."""
    detail = get_meeting(reg, meeting_id)
    on = day(detail.meeting.date)
    standings = tracks.Standings()
    counted = exempted = 0
    for line in detail.roll:
        if line.person_id is None or line.status not in ATTENDED:
            continue
        standing = standings.on(line.person_id, on)
        if not standing.official:
            continue
        counted += line.group == "member"
        exempted += line.group == "exempted"
    return counted, exempted


def check_vote_meeting(reg: Register, meeting_id: str, on: dt.date, present: int) -> str:
    """The meeting a vote was taken at, checked against the vote: held, the same day, a cell
    meeting, and no more official members present than its roll shows. Returns its id."""
    row = _live(meeting_id)
    if not row.held or row.kind not in VOTE_KINDS:
        raise StateError(f"{_title(row)}: chỉ ghi biểu quyết ở buổi sinh hoạt chi bộ đã họp")
    if day(row.date) != on:
        raise StateError(f"{_title(row)}: ngày biểu quyết {format_vn(on)} khác ngày họp")
    counted, _ = vote_attendance(reg, row.id)
    if present > counted:
        raise StateError(
            f"{_title(row)}: ghi {present} đảng viên chính thức có mặt, nhưng điểm danh chỉ có "
            f"{counted}; sửa điểm danh hoặc số có mặt"
        )
    return row.id
