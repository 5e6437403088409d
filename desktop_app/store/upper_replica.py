"""The upper level's copy of its cells: the cells' journal entries (``upper_entry``) and the
records they build (people, events, meetings, attendance, everything else), keyed by the cell.

Written in bulk with raw SQL (an import brings thousands of rows; peewee would build each
statement anew). Call the writers inside the import's transaction, after the journalled
``upper_import`` row: the triggers of schema 7 refuse an entry no import brought and a record
no kept entry produced.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from desktop_app.store.models import Journal

CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on variables

_ENTRY_COLUMNS = (
    "seq", "entity", "entity_id", "op", "changes", "base_version", "version", "author", "at",
    "prev_hash", "hash",
)  # fmt: skip
_ADD_ENTRY = (
    f"INSERT INTO upper_entry (cell_id, import_id, {', '.join(_ENTRY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_ENTRY_COLUMNS) + 2))})"
)
_COMMON = ("cell_id", "id", "version", "deleted", "created_at", "updated_at")


Key = tuple[str, str]  # (entity, entity_id)
Held = tuple[int, bool, str, str, dict[str, object]]  # version, deleted, created, updated, data


class EntryRow(Protocol):
    """A cell's journal entry (``sync.bundle.Entry``)."""

    seq: int
    entity: str
    entity_id: str
    op: str
    changes: dict[str, object]
    base_version: int
    version: int
    author: str
    at: str
    prev_hash: str
    hash: str
    changes_text: str  # ``changes`` as canonical JSON, or "" to encode it here


class RecordRow(Protocol):
    """A record as it stands after an import (``sync.replica.Folded``)."""

    entity: str
    id: str
    version: int
    deleted: bool
    created_at: str
    updated_at: str
    data: dict[str, object]
    text: str  # ``data`` as canonical JSON, or "" to encode it here


def _db():
    return Journal._meta.database


def _text(value: object) -> str:
    return "" if value is None else str(value)


# store.journal.canonical_json's encoder, built once: an import writes thousands of rows.
_dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


# The columns each table takes from a record's data, beside the common ones.
Columns = Callable[[dict[str, object]], tuple]
TABLE_COLUMNS: dict[str, tuple[tuple[str, ...], Columns]] = {
    "person": (
        (
            "full_name", "sort_key", "sex", "birth_date", "membership", "exit", "exit_date",
            "exempted", "temporarily_away", "admission_decision_date", "ceremony_date",
            "official_date",
        ),
        lambda d: (
            _text(d.get("full_name")), _text(d.get("sort_key")), _text(d.get("sex")),
            d.get("birth_date"), _text(d.get("membership") or "candidate"), d.get("exit") or None,
            d.get("exit_date"), int(bool(d.get("exempted"))), int(bool(d.get("temporarily_away"))),
            d.get("admission_decision_date"), d.get("ceremony_date"), d.get("official_date"),
        ),
    ),
    "person_event": (
        ("person_id", "kind", "date", "reference"),
        lambda d: (d.get("person"), _text(d.get("kind")), _text(d.get("date")),
                   _text(d.get("reference"))),
    ),
    "meeting": (
        ("kind", "date", "held"),
        lambda d: (_text(d.get("kind")), _text(d.get("date")), int(d.get("held") is not False)),
    ),
    "attendance": (
        ("meeting_id", "person_id", "status"),
        lambda d: (d.get("meeting"), d.get("person"), _text(d.get("status"))),
    ),
}  # fmt: skip
TABLE_OF = {
    "person": "upper_person",
    "person_event": "upper_event",
    "meeting": "upper_meeting",
    "attendance": "upper_attendance",
}
OTHER = "upper_record"
ALL_TABLES = (*TABLE_OF.values(), OTHER)


def _upsert(table: str, extra: Sequence[str], key: Sequence[str]) -> str:
    columns = (*_COMMON, *extra, "data")
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


_UPSERTS = {
    entity: _upsert(TABLE_OF[entity], extra, ("cell_id", "id"))
    for entity, (extra, _columns) in TABLE_COLUMNS.items()
}
_UPSERT_OTHER = _upsert(OTHER, ("entity",), ("cell_id", "entity", "id"))


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# -- reading what is held -----------------------------------------------------------------------


def known(cell_id: str, keys: Iterable[Key]) -> dict[Key, Held]:
    """The records of these keys the upper level already holds for the cell."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, entity_id in keys:
        by_entity[entity].append(entity_id)
    found: dict[Key, Held] = {}
    for entity, ids in by_entity.items():
        table = TABLE_OF.get(entity, OTHER)
        for part in _chunks(ids):
            marks = ", ".join("?" * len(part))
            where = f"cell_id = ? AND id IN ({marks})"
            args: list[object] = [cell_id, *part]
            if table == OTHER:
                where += " AND entity = ?"
                args.append(entity)
            sql = f"SELECT id, version, deleted, created_at, updated_at, data FROM {table} "
            for row in _db().execute_sql(sql + f"WHERE {where}", args):
                found[(entity, row[0])] = (row[1], bool(row[2]), row[3], row[4], json.loads(row[5]))
    return found


def stored_hashes(cell_id: str, first: int, last: int) -> dict[int, str]:
    sql = (
        "SELECT seq, hash FROM upper_entry WHERE cell_id = ? AND discarded = 0 "
        "AND seq BETWEEN ? AND ?"
    )
    return {seq: h for seq, h in _db().execute_sql(sql, (cell_id, first, last))}


def entries(cell_id: str, last: int) -> list[tuple]:
    """The cell's kept entries up to ``last``, in order, as tuples in ``sync.bundle.Entry``
    field order with ``changes`` decoded."""
    sql = (
        f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM upper_entry WHERE cell_id = ? "
        "AND discarded = 0 AND seq <= ? ORDER BY seq"
    )
    return [
        (*row[:4], json.loads(row[4]), *row[5:]) for row in _db().execute_sql(sql, (cell_id, last))
    ]


def entry_count(cell_id: str) -> tuple[int, int, int]:
    """(kept entries, lowest seq, highest seq) of the cell."""
    sql = (
        "SELECT COUNT(*), COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM upper_entry "
        "WHERE cell_id = ? AND discarded = 0"
    )
    count, low, high = _db().execute_sql(sql, (cell_id,)).fetchone()
    return int(count), int(low), int(high)


# -- writing ------------------------------------------------------------------------------------


def add_entries(cell_id: str, import_id: str, new: Iterable[EntryRow]) -> None:
    rows = [
        (
            cell_id, import_id, e.seq, e.entity, e.entity_id, e.op,
            e.changes_text or _dumps(e.changes),
            e.base_version, e.version, e.author, e.at, e.prev_hash, e.hash,
        )
        for e in new
    ]  # fmt: skip
    _db().cursor().executemany(_ADD_ENTRY, rows)


def write(cell_id: str, records: Iterable[RecordRow]) -> None:
    """Insert or replace each record's row with its new state."""
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for r in records:
        common = (cell_id, r.id, r.version, int(r.deleted), r.created_at, r.updated_at)
        spec = TABLE_COLUMNS.get(r.entity)
        text = r.text or _dumps(r.data)
        if spec is None:
            grouped[""].append((*common, r.entity, text))
        else:
            grouped[r.entity].append((*common, *spec[1](r.data), text))
    cursor = _db().cursor()
    for entity, rows in grouped.items():
        cursor.executemany(_UPSERTS.get(entity, _UPSERT_OTHER), rows)


def set_aside_after(cell_id: str, seq: int) -> int:
    """Mark the cell's entries after ``seq`` as set aside (a fork the officer accepted)."""
    cursor = _db().execute_sql(
        "UPDATE upper_entry SET discarded = 1 WHERE cell_id = ? AND discarded = 0 AND seq > ?",
        (cell_id, seq),
    )
    return cursor.rowcount


def clear(cell_id: str) -> None:
    """Drop the cell's records (not its entries), to build them again from the entries."""
    for table in ALL_TABLES:
        _db().execute_sql(f"DELETE FROM {table} WHERE cell_id = ?", (cell_id,))


# -- what the board and the decisions read -------------------------------------------------------

_PERSON_COLUMNS = (
    "cell_id", "id", "full_name", "sort_key", "birth_date", "membership", "exit", "exit_date",
    "exempted", "temporarily_away", "admission_decision_date", "ceremony_date", "official_date",
    "deleted",
)  # fmt: skip


def _people(where: str, args: Sequence[object]) -> list[dict[str, object]]:
    sql = f"SELECT {', '.join(_PERSON_COLUMNS)} FROM upper_person WHERE {where} ORDER BY sort_key"
    return [dict(zip(_PERSON_COLUMNS, row, strict=True)) for row in _db().execute_sql(sql, args)]


def people(cell_id: str) -> list[dict[str, object]]:
    """The cell's live people (tombstones left out), in Vietnamese list order."""
    return _people("cell_id = ? AND deleted = 0", (cell_id,))


def person(cell_id: str, person_id: str) -> list[dict[str, object]]:
    """The cell's live person with this id, or those whose id starts with it."""
    exact = _people("cell_id = ? AND deleted = 0 AND id = ?", (cell_id, person_id))
    if exact:
        return exact
    return _people("cell_id = ? AND deleted = 0 AND id LIKE ?", (cell_id, person_id + "%"))


def same_people_elsewhere(cell_id: str, ids: Sequence[str]) -> list[dict[str, object]]:
    """These people as other cells hold them (a move between cells keeps the id)."""
    found: list[dict[str, object]] = []
    for part in _chunks(list(ids)):
        marks = ", ".join("?" * len(part))
        found += _people(f"cell_id != ? AND deleted = 0 AND id IN ({marks})", (cell_id, *part))
    return found


def live_count(cell_id: str) -> int:
    sql = "SELECT COUNT(*) FROM upper_person WHERE cell_id = ? AND deleted = 0"
    return int(_db().execute_sql(sql, (cell_id,)).fetchone()[0])


def standing_counts() -> dict[str, dict[str, int]]:
    """Per cell: how many live people stand as each membership, with no exit."""
    sql = (
        "SELECT cell_id, membership, COUNT(*) FROM upper_person "
        "WHERE deleted = 0 AND exit IS NULL GROUP BY cell_id, membership"
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for cell_id, membership, count in _db().execute_sql(sql):
        out[cell_id][membership] = count
    return out


def admitted_in(year: int) -> dict[str, set[str]]:
    """Per cell: the people whose admission decision is dated in ``year``."""
    sql = (
        "SELECT cell_id, id FROM upper_person WHERE deleted = 0 "
        "AND substr(admission_decision_date, 1, 4) = ?"
    )
    out: dict[str, set[str]] = defaultdict(set)
    for cell_id, person_id in _db().execute_sql(sql, (f"{year:04d}",)):
        out[cell_id].add(person_id)
    return out


def developing() -> list[dict[str, object]]:
    """Every live candidate and probationary member with no exit, in every cell."""
    return _people(
        "deleted = 0 AND exit IS NULL AND membership IN ('candidate', 'probationary')", ()
    )


def events_of(cell_id: str, person_ids: Sequence[str]) -> dict[str, list[dict[str, object]]]:
    """Live events of these people, oldest first, as their data."""
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    for part in _chunks(list(person_ids)):
        marks = ", ".join("?" * len(part))
        sql = (
            "SELECT id, person_id, data FROM upper_event WHERE cell_id = ? AND deleted = 0 "
            f"AND person_id IN ({marks}) ORDER BY date, created_at"
        )
        for event_id, person_id, data in _db().execute_sql(sql, (cell_id, *part)):
            out[person_id].append({**json.loads(data), "id": event_id})
    return out


def in_two_cells() -> list[dict[str, object]]:
    """People held live (no exit) by more than one cell."""
    where = (
        "deleted = 0 AND exit IS NULL AND id IN (SELECT id FROM upper_person "
        "WHERE deleted = 0 AND exit IS NULL GROUP BY id HAVING COUNT(*) > 1)"
    )
    return _people(where, ())


def records_of(cell_id: str, entity: str) -> list[tuple[str, dict[str, object]]]:
    """Live records of an entity the replica keeps apart (``upper_record``), with their data."""
    sql = f"SELECT id, data FROM {OTHER} WHERE cell_id = ? AND entity = ? AND deleted = 0"
    return [(i, json.loads(d)) for i, d in _db().execute_sql(sql, (cell_id, entity))]


def snapshot(cell_id: str) -> dict[Key, tuple[int, bool, dict[str, object]]]:
    """Every record held for the cell: (version, deleted, data), for checks and tests."""
    out: dict[Key, tuple[int, bool, dict[str, object]]] = {}
    for entity, table in TABLE_OF.items():
        sql = f"SELECT id, version, deleted, data FROM {table} WHERE cell_id = ?"
        for i, version, deleted, data in _db().execute_sql(sql, (cell_id,)):
            out[(entity, i)] = (version, bool(deleted), json.loads(data))
    sql = f"SELECT entity, id, version, deleted, data FROM {OTHER} WHERE cell_id = ?"
    for entity, i, version, deleted, data in _db().execute_sql(sql, (cell_id,)):
        out[(entity, i)] = (version, bool(deleted), json.loads(data))
    return out
