"""Queries for meetings and roll calls, and the member rows a roll is computed from."""

from __future__ import annotations

from collections import defaultdict, namedtuple

from peewee import fn

from desktop_app.store.development import STANDING_COLUMNS
from desktop_app.store.models import Attendance, Meeting, Person, PersonEvent

_LIVE_MEETING = Meeting.deleted == False  # noqa: E712
_LIVE_LINE = Attendance.deleted == False  # noqa: E712
ROLL_COLUMNS = (*STANDING_COLUMNS, "sort_key")


def meetings_between(first: str | None = None, last: str | None = None) -> list[Meeting]:
    """Live meetings with first <= date <= last (ISO), by date then insertion."""
    query = Meeting.select().where(_LIVE_MEETING)
    if first:
        query = query.where(Meeting.date >= first)
    if last:
        query = query.where(Meeting.date <= last)
    return list(query.order_by(Meeting.date, Meeting.created_at))


def first_meeting_date() -> str | None:
    return Meeting.select(fn.MIN(Meeting.date)).where(_LIVE_MEETING).scalar()


def meeting_by_id(meeting_id: str) -> Meeting | None:
    """By id, or by a prefix of at least 4 characters that fits one meeting."""
    row = Meeting.get_or_none((Meeting.id == meeting_id) & _LIVE_MEETING)
    if row is None and len(meeting_id) >= 4:
        rows = list(Meeting.select().where(Meeting.id.startswith(meeting_id) & _LIVE_MEETING))
        row = rows[0] if len(rows) == 1 else None
    return row


def lines_of(meeting_ids: list[str]) -> dict[str, list[Attendance]]:
    """Live roll-call lines grouped by meeting, in insertion order."""
    grouped: dict[str, list[Attendance]] = defaultdict(list)
    if not meeting_ids:
        return grouped
    query = Attendance.select().where(_LIVE_LINE & Attendance.meeting.in_(meeting_ids))
    for line in query.order_by(Attendance.created_at):
        grouped[line.meeting_id].append(line)
    return grouped


def line_of(meeting_id: str, person_id: str) -> Attendance | None:
    return Attendance.get_or_none(
        (Attendance.meeting == meeting_id) & (Attendance.person == person_id) & _LIVE_LINE
    )


RollRow = namedtuple("RollRow", ROLL_COLUMNS)
_MEMBER_ROWS = (
    f"SELECT {', '.join(ROLL_COLUMNS)} FROM person WHERE deleted = 0 "
    "AND membership IN ('probationary', 'official') ORDER BY sort_key"
)


def member_rows() -> list[RollRow]:
    """Everyone who is or was a member (exits included: they were on past rolls), as plain
    tuples in Vietnamese list order; raw rows, because a big register has 10,000 of them."""
    cursor = Person._meta.database.execute_sql(_MEMBER_ROWS)
    return [RollRow(*row) for row in cursor.fetchall()]


def dated_events(kinds: tuple[str, ...], person_id: str | None = None):
    """{person id: [(kind, ISO date), …]} of live events of these kinds, by date."""
    marks = ", ".join("?" for _ in kinds)
    sql = f"SELECT person_id, kind, date FROM person_event WHERE deleted = 0 AND kind IN ({marks})"
    params: list[str] = list(kinds)
    if person_id is not None:
        sql += " AND person_id = ?"
        params.append(person_id)
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pid, kind, date in PersonEvent._meta.database.execute_sql(sql + " ORDER BY date", params):
        grouped[pid].append((kind, date))
    return grouped


def has_members() -> bool:
    """Anyone in the cell now (a member with no exit)?"""
    query = Person.select(Person.id).where(
        (Person.deleted == False)  # noqa: E712
        & Person.membership.in_(("probationary", "official"))
        & Person.exit.is_null()
    )
    return query.exists()


def person_rows(ids: set[str]) -> dict[str, object]:
    if not ids:
        return {}
    fields = [getattr(Person, name) for name in ROLL_COLUMNS]
    query = Person.select(*fields).where(Person.id.in_(list(ids)))
    return {row.id: row for row in query.namedtuples()}


def linked_events(meeting_id: str, kinds: tuple[str, ...] = ()) -> list[PersonEvent]:
    """Steps recorded at a meeting (their details name it): class certificates, votes."""
    query = PersonEvent.select().where(
        (PersonEvent.deleted == False)  # noqa: E712
        & PersonEvent.details.contains(f'"meeting_id": "{meeting_id}"')
    )
    if kinds:
        query = query.where(PersonEvent.kind.in_(kinds))
    return list(query.order_by(PersonEvent.date, PersonEvent.created_at))
