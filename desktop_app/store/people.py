"""Queries about people: lookups, accent-insensitive search, duplicate candidates."""

from __future__ import annotations

from desktop_app.domain.names import fts_query
from desktop_app.store.models import Person, PersonEvent


def live() -> list[Person]:
    return list(Person.select().where(Person.deleted == False))  # noqa: E712


def by_id(person_id: str) -> Person | None:
    return Person.get_or_none((Person.id == person_id) & (Person.deleted == False))  # noqa: E712


def by_id_prefix(prefix: str) -> list[Person]:
    """Ids typed short on the command line (like git's abbreviated hashes)."""
    query = Person.select().where(Person.id.startswith(prefix) & (Person.deleted == False))  # noqa: E712
    return list(query.limit(2))


def by_id_number(number: str) -> Person | None:
    return Person.get_or_none((Person.id_number == number) & (Person.deleted == False))  # noqa: E712


def by_folded_name(folded: str) -> list[Person]:
    return list(Person.select().where((Person.name_folded == folded) & (Person.deleted == False)))  # noqa: E712


def search(text: str) -> list[Person] | None:
    """People whose folded name, other names, ID, phone or card number start with the words
    typed, in any order; None when nothing searchable was typed."""
    ids = search_ids(text)
    if ids is None:
        return None
    return list(Person.select().where(Person.id.in_(ids))) if ids else []


def search_ids(text: str) -> list[str] | None:
    match = fts_query(text)
    if match is None:
        return None
    sql = (
        "SELECT p.id FROM person_search s JOIN person p ON p.rowid = s.rowid "
        "WHERE person_search MATCH ? AND p.deleted = 0"
    )
    return [row[0] for row in Person._meta.database.execute_sql(sql, (match,))]


def events_of(person_id: str) -> list[PersonEvent]:
    query = (
        PersonEvent.select()
        .where((PersonEvent.person == person_id) & (PersonEvent.deleted == False))  # noqa: E712
        .order_by(PersonEvent.date, PersonEvent.created_at)
    )
    return list(query)
