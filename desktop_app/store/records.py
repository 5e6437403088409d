"""The only write path for journalled tables: insert, update and tombstone, each journalled."""

from __future__ import annotations

import uuid
from typing import TypeVar

from desktop_app.store import journal
from desktop_app.store.models import Journalled

M = TypeVar("M", bound=Journalled)
_SKIP = {"id", "version", "created_at", "updated_at"}


def insert(
    model: type[M], values: dict[str, object], author: str, record_id: str | None = None
) -> M:
    """Create a record with version 1; the journal entry holds every field given."""
    record_id = record_id or str(uuid.uuid4())
    at = journal.now_utc()
    changes = {k: v for k, v in values.items() if k not in _SKIP}
    journal.append(model._meta.table_name, record_id, "insert", changes, 0, 1, author, at)
    row = model(id=record_id, version=1, created_at=at, updated_at=at, **changes)
    row.save(force_insert=True)
    return row


def update(row: M, values: dict[str, object], author: str, op: str = "update") -> dict:
    """Apply the fields that really change; returns them (empty: nothing written)."""
    changes = {k: v for k, v in values.items() if k not in _SKIP and _stored(row, k) != v}
    if not changes:
        return {}
    at = journal.now_utc()
    base = row.version
    journal.append(row._meta.table_name, row.id, op, changes, base, base + 1, author, at)
    for key, value in changes.items():
        setattr(row, key, value)
    row.version, row.updated_at = base + 1, at
    row.save()
    return changes


def _stored(row: Journalled, name: str) -> object:
    """The stored value; for a foreign key its id, without loading the other row."""
    data = row.__data__
    return data[name] if name in data else getattr(row, name)


def tombstone(row: M, author: str) -> None:
    update(row, {"deleted": True}, author, op="delete")
