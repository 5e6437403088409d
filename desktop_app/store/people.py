"""Queries about people: lookups, the Vietnamese-ordered list, accent-insensitive search."""

from __future__ import annotations

from collections import namedtuple

from peewee import SQL

from desktop_app.domain.names import fts_query
from desktop_app.store.models import Person, PersonEvent

_LIVE = Person.deleted == False  # noqa: E712
_MATCH = (
    "FROM person_search s JOIN person p ON p.rowid = s.rowid "
    "WHERE person_search MATCH ? AND p.deleted = 0"
)


def live_rows(columns: tuple[str, ...]) -> list[dict[str, object]]:
    """Every live person as a plain dict, in Vietnamese list order (no model objects: fast)."""
    fields = [getattr(Person, name) for name in columns]
    return list(Person.select(*fields).where(_LIVE).order_by(Person.sort_key).dicts())


def count_live(memberships: set[str] | None = None) -> int:
    """How many live people, or how many of them still in the cell with one of these
    memberships (what the lists call "status": no exit, then the membership)."""
    query = Person.select().where(_LIVE)
    if memberships is not None:
        still_here = Person.exit.is_null() | (Person.exit == "")
        query = query.where(still_here & Person.membership.in_(sorted(memberships)))
    return query.count()


def by_id(person_id: str) -> Person | None:
    return Person.get_or_none((Person.id == person_id) & _LIVE)


def any_by_id(person_id: str) -> Person | None:
    """The person with this id, live or tombstoned (an id is never given twice)."""
    return Person.get_or_none(Person.id == person_id)


def existing_event_ids(ids: list[str]) -> set[str]:
    """Which of these event ids the register holds (live or tombstoned)."""
    if not ids:
        return set()
    query = PersonEvent.select(PersonEvent.id).where(PersonEvent.id.in_(ids))
    return {row.id for row in query}


def by_id_prefix(prefix: str) -> list[Person]:
    """Ids typed short on the command line (like git's abbreviated hashes)."""
    return list(Person.select().where(Person.id.startswith(prefix) & _LIVE).limit(2))


# Raw SQL for the lookups every add and every imported row makes: peewee would build the same
# 30-column SELECT each time, which costs more than running it.
_BY_ID_NUMBER = "SELECT * FROM person WHERE id_number = ? AND deleted = 0"
_BY_FOLDED_NAME = "SELECT * FROM person WHERE name_folded = ? AND deleted = 0"
DuplicateRow = namedtuple("DuplicateRow", "id full_name birth_date id_number name_folded")


def by_id_number(number: str) -> Person | None:
    found = list(Person.raw(_BY_ID_NUMBER, number))
    return found[0] if found else None


def by_folded_name(folded: str) -> list[Person]:
    return list(Person.raw(_BY_FOLDED_NAME, folded))


def duplicate_rows() -> list[DuplicateRow]:
    """What duplicate detection compares, for every live person (one read for a whole import)."""
    sql = "SELECT id, full_name, birth_date, id_number, name_folded FROM person WHERE deleted = 0"
    return [DuplicateRow(*row) for row in Person._meta.database.execute_sql(sql).fetchall()]


def search_ids(text: str) -> list[str] | None:
    """Ids of people whose folded name, other names, ID, phone or card number has words
    starting with each word typed; None when nothing searchable was typed."""
    match = fts_query(text)
    if match is None:
        return None
    return [row[0] for row in Person._meta.database.execute_sql(f"SELECT p.id {_MATCH}", (match,))]


def search_texts(text: str) -> list[tuple[str, str]] | None:
    """Like search_ids, with the searchable text of each hit (id, text) for a finer filter."""
    match = fts_query(text)
    if match is None:
        return None
    sql = (
        f"SELECT p.id, p.full_name || ' ' || p.other_names || ' ' || "
        f"coalesce(p.id_number, '') || ' ' || p.phone || ' ' || p.party_card_number {_MATCH}"
    )
    return [(row[0], row[1]) for row in Person._meta.database.execute_sql(sql, (match,))]


def last_event_of(person_id: str) -> PersonEvent | None:
    """The event recorded last (insertion order: rows are never deleted, so rowid is exact,
    unlike a timestamp two quick writes can share)."""
    query = (
        PersonEvent.select()
        .where((PersonEvent.person == person_id) & (PersonEvent.deleted == False))  # noqa: E712
        .order_by(SQL("rowid").desc())
    )
    return query.first()


def events_of(person_id: str) -> list[PersonEvent]:
    query = (
        PersonEvent.select()
        .where((PersonEvent.person == person_id) & (PersonEvent.deleted == False))  # noqa: E712
        .order_by(PersonEvent.date, PersonEvent.created_at)
    )
    return list(query)
