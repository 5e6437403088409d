"""Queries for member development: people in the procedure, their steps, mentors, calendar."""

from __future__ import annotations

from collections import defaultdict

from desktop_app.store.models import CalendarOverride, Mentorship, Person, PersonEvent

_LIVE_PERSON = Person.deleted == False  # noqa: E712
_LIVE_EVENT = PersonEvent.deleted == False  # noqa: E712
_LIVE_MENTOR = Mentorship.deleted == False  # noqa: E712


def people_in(memberships: tuple[str, ...]) -> list[Person]:
    """Live people of these memberships still in the cell or the pool, Vietnamese order."""
    query = (
        Person.select()
        .where(_LIVE_PERSON & Person.membership.in_(memberships) & Person.exit.is_null())
        .order_by(Person.sort_key)
    )
    return list(query)


def people_by_ids(ids: set[str]) -> dict[str, Person]:
    if not ids:
        return {}
    return {p.id: p for p in Person.select().where(_LIVE_PERSON & Person.id.in_(list(ids)))}


STANDING_COLUMNS = (
    "id",
    "full_name",
    "membership",
    "exit",
    "exempted",
    "temporarily_away",
    "admission_decision_date",
    "ceremony_date",
    "official_date",
    "exit_date",
)


def official_rows():
    """Official members, with only what their standing needs (vote electorates count 10,000
    people in a big register: plain tuples, not models)."""
    fields = [getattr(Person, name) for name in STANDING_COLUMNS]
    query = Person.select(*fields).where(_LIVE_PERSON & (Person.membership == "official"))
    return list(query.namedtuples())


def events_by_person(person_ids: list[str] | None = None, kinds: tuple[str, ...] = ()):
    """Live events grouped by person, each list by date then insertion."""
    query = PersonEvent.select().where(_LIVE_EVENT)
    if person_ids is not None:
        query = query.where(PersonEvent.person.in_(person_ids))
    if kinds:
        query = query.where(PersonEvent.kind.in_(kinds))
    grouped: dict[str, list[PersonEvent]] = defaultdict(list)
    for event in query.order_by(PersonEvent.date, PersonEvent.created_at):
        grouped[event.person_id].append(event)
    return grouped


def event_by_id(event_id: str) -> PersonEvent | None:
    return PersonEvent.get_or_none((PersonEvent.id == event_id) & _LIVE_EVENT)


def mentorships(person_id: str | None = None, mentor_id: str | None = None) -> list[Mentorship]:
    query = Mentorship.select().where(_LIVE_MENTOR)
    if person_id:
        query = query.where(Mentorship.person == person_id)
    if mentor_id:
        query = query.where(Mentorship.mentor == mentor_id)
    return list(query.order_by(Mentorship.start, Mentorship.created_at))


def mentorship_by_id(assignment_id: str) -> Mentorship | None:
    row = Mentorship.get_or_none((Mentorship.id == assignment_id) & _LIVE_MENTOR)
    if row is None and len(assignment_id) >= 4:
        rows = list(
            Mentorship.select().where(Mentorship.id.startswith(assignment_id) & _LIVE_MENTOR)
        )
        row = rows[0] if len(rows) == 1 else None
    return row


def calendar_overrides() -> list[CalendarOverride]:
    query = CalendarOverride.select().where(CalendarOverride.deleted == False)  # noqa: E712
    return list(query.order_by(CalendarOverride.day))


def calendar_override_on(day: str) -> CalendarOverride | None:
    return CalendarOverride.get_or_none(
        (CalendarOverride.day == day) & (CalendarOverride.deleted == False)  # noqa: E712
    )
