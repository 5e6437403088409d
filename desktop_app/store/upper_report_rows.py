"""The rows the upper level's reports read from its copy of the cells (``upper_replica``'s
tables): people with the fields the statistics count, dated events, meetings and their roll
lines, ratings. Raw tuples, every cell at once or a chosen few (500 cells hold 50,000
people and 500,000 roll lines), tombstones left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from desktop_app.store.models import Journal
from desktop_app.store.upper_replica import CHUNK

# The report's person fields, in ``domain.reports.PersonRow`` order after the cell's id;
# those the replica keeps only in the record's data are read from its JSON.
PERSON_COLUMNS = (
    "cell_id", "id", "full_name", "sort_key", "sex", "birth_date", "ethnicity", "religion",
    "education", "profession", "political_theory", "occupation", "membership", "exit",
    "exit_date", "exempted", "temporarily_away", "admission_decision_date", "ceremony_date",
    "official_date",
)  # fmt: skip
_IN_DATA = {"ethnicity", "religion", "education", "profession", "political_theory", "occupation"}
_PERSON_SELECT = ", ".join(
    f"COALESCE(json_extract(data, '$.{c}'), '')" if c in _IN_DATA else c for c in PERSON_COLUMNS
)


def _db():
    return Journal._meta.database


def _cells(cell_ids: Sequence[str] | None, column: str = "cell_id") -> Iterator[tuple[str, list]]:
    """(an SQL condition, its arguments) for every cell (None) or for the chosen ones, a
    chunk of ids at a time."""
    if cell_ids is None:
        yield "1", []
        return
    ids = list(cell_ids)
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        yield f"{column} IN ({', '.join('?' * len(part))})", part


def people(cell_ids: Sequence[str] | None = None) -> list[tuple]:
    """Live people, PERSON_COLUMNS in order, by cell then Vietnamese list order."""
    out: list[tuple] = []
    for where, args in _cells(cell_ids):
        sql = (
            f"SELECT {_PERSON_SELECT} FROM upper_person WHERE deleted = 0 AND {where} "
            "ORDER BY cell_id, sort_key"
        )
        out += _db().execute_sql(sql, args).fetchall()
    return out


def events(kinds: Sequence[str], cell_ids: Sequence[str] | None = None) -> list[tuple]:
    """(cell id, person id, kind, ISO date, details JSON) of live events of these kinds, by
    date then the order they were made."""
    marks = ", ".join("?" * len(kinds))
    out: list[tuple] = []
    for where, args in _cells(cell_ids):
        sql = (
            "SELECT cell_id, person_id, kind, date, json_extract(data, '$.details') "
            f"FROM upper_event WHERE deleted = 0 AND kind IN ({marks}) AND {where} "
            "ORDER BY date, created_at"
        )
        out += _db().execute_sql(sql, [*kinds, *args]).fetchall()
    return out


def all_events_of(cell_id: str, person_ids: Sequence[str]) -> list[tuple]:
    """(person id, kind, ISO date, details JSON) of every live event of these people of one
    cell, oldest first: the whole procedure, for their deadlines."""
    out: list[tuple] = []
    for where, args in _cells(person_ids, "person_id"):
        sql = (
            "SELECT person_id, kind, date, json_extract(data, '$.details') FROM upper_event "
            f"WHERE deleted = 0 AND cell_id = ? AND {where} ORDER BY date, created_at"
        )
        out += _db().execute_sql(sql, [cell_id, *args]).fetchall()
    return out


def meetings(first: str, last: str, cell_ids: Sequence[str] | None = None) -> list[tuple]:
    """(cell id, meeting id, kind, ISO date, held) of live meetings dated first..last."""
    out: list[tuple] = []
    for where, args in _cells(cell_ids):
        sql = (
            "SELECT cell_id, id, kind, date, held FROM upper_meeting WHERE deleted = 0 "
            f"AND date BETWEEN ? AND ? AND {where} ORDER BY cell_id, date, created_at"
        )
        out += _db().execute_sql(sql, [first, last, *args]).fetchall()
    return out


def roll_lines(first: str, last: str, cell_ids: Sequence[str] | None = None) -> list[tuple]:
    """(cell id, meeting id, person id, status) of the live roll-call lines about a person
    (guests left out) of the live meetings dated first..last, in the order they were made."""
    out: list[tuple] = []
    for where, args in _cells(cell_ids, "a.cell_id"):
        sql = (
            "SELECT a.cell_id, a.meeting_id, a.person_id, a.status FROM upper_attendance a "
            "JOIN upper_meeting m ON m.cell_id = a.cell_id AND m.id = a.meeting_id "
            "WHERE a.deleted = 0 AND m.deleted = 0 AND a.person_id IS NOT NULL "
            f"AND m.date BETWEEN ? AND ? AND {where} ORDER BY a.created_at"
        )
        out += _db().execute_sql(sql, [first, last, *args]).fetchall()
    return out


def ratings(first_year: int, last_year: int, cell_ids: Sequence[str] | None = None) -> list[tuple]:
    """(cell id, person id, year, level, points) of the live ratings of these years."""
    out: list[tuple] = []
    for where, args in _cells(cell_ids):
        sql = (
            "SELECT cell_id, json_extract(data, '$.person'), json_extract(data, '$.year'), "
            "json_extract(data, '$.level'), json_extract(data, '$.points') FROM upper_record "
            "WHERE entity = 'rating' AND deleted = 0 "
            f"AND json_extract(data, '$.year') BETWEEN ? AND ? AND {where} "
            "ORDER BY cell_id, created_at"
        )
        out += _db().execute_sql(sql, [first_year, last_year, *args]).fetchall()
    return out
