"""How the upper level turns a cell's journal entries into the cell's records, and what a
bundle changes: pure, so the dry run and the import share one answer.

Each record is the fold of its entries' changes, in journal order, from the state the upper
level already holds (``Known``). The journal's own rule holds: an entry's ``base_version`` is
the version before it, so a record can neither skip nor repeat a change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.store.journal import JOURNAL_ONLY  # entries with no record behind them
from desktop_app.sync.bundle import Entry
from desktop_app.sync.errors import SyncRefused

Key = tuple[str, str]  # (entity, entity_id)


@dataclass(frozen=True, slots=True)
class Known:
    """A record as the upper level holds it before the bundle."""

    version: int
    deleted: bool
    created_at: str
    updated_at: str
    data: dict[str, object]


@dataclass(slots=True)
class Folded:
    entity: str
    id: str
    version: int
    deleted: bool
    created_at: str
    updated_at: str
    data: dict[str, object]
    before: Known | None  # None: new to the upper level
    text: str = ""  # ``data`` as canonical JSON when known without encoding it, else ""

    @property
    def added(self) -> bool:
        return self.before is None and not self.deleted

    @property
    def removed(self) -> bool:
        """Live before the bundle, a tombstone after (made and withdrawn within one bundle
        is neither added nor removed)."""
        return self.deleted and self.before is not None and not self.before.deleted

    @property
    def changed(self) -> bool:
        """Live before and after, with other data."""
        return (
            self.before is not None
            and not self.before.deleted
            and not self.deleted
            and self.data != self.before.data
        )


def keys_of(entries: Iterable[Entry]) -> set[Key]:
    return {(e.entity, e.entity_id) for e in entries if e.entity not in JOURNAL_ONLY}


def fold(entries: Sequence[Entry], known: Mapping[Key, Known]) -> dict[Key, Folded]:
    """Every record the entries touch, as it stands after them."""
    out: dict[Key, Folded] = {}
    for entry in entries:
        if entry.entity in JOURNAL_ONLY:
            continue
        key = (entry.entity, entry.entity_id)
        record = out.get(key)
        if record is None:
            record = out[key] = _start(key, known.get(key), entry)
        if entry.base_version != record.version:
            raise SyncRefused(
                f"mục số {entry.seq} sửa {entry.entity} {entry.entity_id[:8]} từ phiên bản "
                f"{entry.base_version}, cấp trên đang giữ phiên bản {record.version}"
            )
        fresh = not record.data  # a record made by this entry: its data is the entry's changes
        record.data.update(entry.changes)
        record.text = entry.changes_text if fresh else ""
        if "deleted" in entry.changes:  # the tombstone flag is the record's, not its data
            record.deleted = bool(record.data.pop("deleted"))
            record.text = ""
        record.version = entry.version
        record.updated_at = entry.at
    return out


def _start(key: Key, before: Known | None, entry: Entry) -> Folded:
    if before is None:
        return Folded(key[0], key[1], 0, False, entry.at, entry.at, {}, None)
    return Folded(
        key[0],
        key[1],
        before.version,
        before.deleted,
        before.created_at,
        before.updated_at,
        dict(before.data),
        before,
    )


# -- what the bundle changes ----------------------------------------------------------------------


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    removed: int = 0

    def count(self, record: Folded) -> None:
        if record.added:
            self.added += 1
        elif record.removed:
            self.removed += 1
        elif record.changed:
            self.updated += 1

    def to_json(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "removed": self.removed}


@dataclass
class Changes:
    """What a bundle does to the upper level's copy of one cell."""

    people_added: list[Folded] = field(default_factory=list)
    people_updated: list[Folded] = field(default_factory=list)
    people_removed: list[Folded] = field(default_factory=list)
    people_same: int = 0  # touched, and as they were
    events: Counter[str] = field(default_factory=Counter)  # new events by kind
    events_removed: int = 0
    meetings: Tally = field(default_factory=Tally)
    attendance: Tally = field(default_factory=Tally)
    other: Counter[str] = field(default_factory=Counter)


def changes(folded: Mapping[Key, Folded]) -> Changes:
    out = Changes()
    for record in folded.values():
        if record.entity == "person":
            _person(out, record)
        elif record.entity == "person_event":
            if record.added:
                out.events[str(record.data.get("kind", ""))] += 1
            elif record.removed:
                out.events_removed += 1
        elif record.entity == "meeting":
            out.meetings.count(record)
        elif record.entity == "attendance":
            out.attendance.count(record)
        else:
            out.other[record.entity] += 1
    return out


def _person(out: Changes, record: Folded) -> None:
    if record.added:
        out.people_added.append(record)
    elif record.removed:
        out.people_removed.append(record)
    elif record.changed:
        out.people_updated.append(record)
    elif not record.deleted:
        out.people_same += 1
