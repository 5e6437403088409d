"""The change journal: every write appends one entry, chained by SHA-256 over canonical JSON."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from desktop_app.store.models import Journal

GENESIS = "0" * 64
# Entities written only to the journal, with no table behind them (a reveal of an ID number,
# a passphrase change): replay_mismatches has no record to compare them with.
JOURNAL_ONLY: frozenset[str] = frozenset({"id_reveal", "register_key"})


def canonical_json(value: object) -> str:
    """Sorted keys, no spaces, UTF-8 text as is: the same bytes on every machine."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def entry_hash(fields: dict[str, object]) -> str:
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def _hashed_fields(row: Journal) -> dict[str, object]:
    return {
        "seq": row.seq,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "op": row.op,
        "changes": json.loads(row.changes),
        "base_version": row.base_version,
        "version": row.version,
        "author": row.author,
        "at": row.at,
        "prev_hash": row.prev_hash,
    }


def head() -> tuple[int, str]:
    """The last sequence number and its hash (0 and the genesis hash when empty)."""
    sql = "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"  # every write asks: raw
    last = Journal._meta.database.execute_sql(sql).fetchone()
    return (last[0], last[1]) if last else (0, GENESIS)


def append(
    entity: str,
    entity_id: str,
    op: str,
    changes: dict[str, object],
    base_version: int,
    version: int,
    author: str,
    at: str,
) -> Journal:
    """Append one entry; call inside the write transaction, before the data row is written."""
    seq, prev = head()
    row = Journal(
        seq=seq + 1,
        entity=entity,
        entity_id=entity_id,
        op=op,
        changes=canonical_json(changes),
        base_version=base_version,
        version=version,
        author=author,
        at=at,
        prev_hash=prev,
    )
    row.hash = entry_hash(_hashed_fields(row))
    row.save(force_insert=True)
    return row


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_hash: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


_CHAIN_COLUMNS = (
    "seq", "entity", "entity_id", "op", "changes", "base_version", "version", "author", "at",
    "prev_hash", "hash",
)  # fmt: skip
CHAIN_SQL = f"SELECT {', '.join(_CHAIN_COLUMNS)} FROM journal ORDER BY seq"


def verify_chain() -> ChainReport:
    """Recompute every hash and link of the open register; report the first breaks."""
    return verify_rows(Journal._meta.database.execute_sql(CHAIN_SQL))


def verify_rows(rows: Iterable[Sequence[object]]) -> ChainReport:
    """The chain check over raw rows in ``CHAIN_SQL`` order, so a backup can be checked through
    its own connection. Reports the first breaks in Vietnamese."""
    problems: list[str] = []
    prev, expected_seq, count = GENESIS, 1, 0
    for values in rows:
        row = dict(zip(_CHAIN_COLUMNS, values, strict=True))
        count += 1
        seq, stored = row["seq"], row.pop("hash")
        if seq != expected_seq:
            problems.append(f"nhật ký thiếu mục số {expected_seq} (gặp số {seq})")
        if row["prev_hash"] != prev:
            problems.append(f"mục số {seq} không nối với mục trước")
        if _rehash(row) != stored:
            problems.append(f"mục số {seq} đã bị sửa sau khi ghi")
        prev, expected_seq = stored, int(seq) + 1  # type: ignore[call-overload]
        if len(problems) >= 20:
            break
    return ChainReport(count, str(prev), problems)


def _rehash(row: dict[str, object]) -> str | None:
    try:
        return entry_hash({**row, "changes": json.loads(str(row["changes"]))})
    except ValueError:  # not JSON any more: altered
        return None


def chain_rows() -> Iterable[Sequence[object]]:
    """Every entry as a raw row in ``CHAIN_SQL`` order (one pass for readers such as the
    audit view, which can hand the same rows to ``verify_rows``)."""
    return Journal._meta.database.execute_sql(CHAIN_SQL)


def _rows() -> Iterator[Journal]:
    return Journal.select().order_by(Journal.seq).iterator()


def entries_for(entity_id: str) -> list[Journal]:
    return list(Journal.select().where(Journal.entity_id == entity_id).order_by(Journal.seq))


def replay_mismatches(tables: dict[str, type]) -> list[str]:
    """Rebuild every journalled record from the journal alone and compare with the tables.

    Any write that bypassed the journal shows up here as a difference.
    """
    state: dict[tuple[str, str], dict[str, object]] = {}
    for row in _rows():
        if row.entity in JOURNAL_ONLY:
            continue
        record = state.setdefault((row.entity, row.entity_id), {})
        record.update(json.loads(row.changes))
        record["version"] = row.version
    problems: list[str] = []
    for table, model in tables.items():
        for row in model.select().iterator():
            expected = state.pop((table, row.id), None)
            if expected is None:
                problems.append(f"{table} {row.id}: không có trong nhật ký")
                continue
            problems += [
                f"{table} {row.id}: trường {k} khác nhật ký"
                for k, v in expected.items()
                if row.__data__.get(k) != v
            ]
    problems += [f"{t} {i}: có trong nhật ký mà không có trong sổ" for t, i in state]
    return problems
