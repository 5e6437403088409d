"""Where a bundle falls in a cell's journal as the upper level holds it.

The upper level has applied the cell's entries 1…A, whose hashes it keeps. A bundle brings
F…T, chained from the hash of F-1. By the hash chain, two journals that agree on the hash at
one sequence number agree on everything before it, so one comparison at min(T, A) decides:

- F-1 > A: a gap (A+1…F-1 never arrived): the bundle is held back;
- the hashes agree and T ≤ A: nothing new (the same bundle again, or an older one);
- the hashes agree and T > A: the entries after A are new;
- they differ: a fork (the cell went back to an old backup and wrote on): the last sequence
  both journals share is found, when the bundle reaches back that far.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.store.journal import GENESIS
from desktop_app.sync.bundle import Bundle

# Stored hashes for a range of sequence numbers, both ends included.
Lookup = Callable[[int, int], dict[int, str]]


@dataclass(frozen=True)
class Placement:
    kind: str  # new, duplicate, gap, fork
    first_new: int = 0  # new: the first entry to apply
    missing: tuple[int, int] | None = None  # gap
    common: int | None = None  # fork: the last shared entry (None: before this bundle)


def _bundle_hash(found: Bundle, seq: int) -> str:
    first = found.manifest.seq_from
    return found.manifest.prev_hash if seq == first - 1 else found.entries[seq - first].hash


def _stored(seq: int, applied: int, applied_hash: str, lookup: Lookup) -> str | None:
    if seq == 0:
        return GENESIS
    if seq == applied:
        return applied_hash
    return lookup(seq, seq).get(seq)


def place(found: Bundle, applied: int, applied_hash: str, lookup: Lookup) -> Placement:
    first, last = found.manifest.seq_from, found.manifest.seq_to
    if first - 1 > applied:
        return Placement("gap", missing=(applied + 1, first - 1))
    probe = min(last, applied)
    if _bundle_hash(found, probe) == _stored(probe, applied, applied_hash, lookup):
        return Placement("duplicate") if last <= applied else Placement("new", applied + 1)
    return Placement("fork", common=_common(found, probe, lookup))


def _common(found: Bundle, probe: int, lookup: Lookup) -> int | None:
    """The highest sequence before ``probe`` where both journals hold the same hash."""
    low = found.manifest.seq_from - 1
    stored = lookup(max(low, 1), probe) if probe >= 1 else {}
    stored[0] = GENESIS
    for seq in range(probe - 1, low - 1, -1):
        if stored.get(seq) == _bundle_hash(found, seq):
            return seq
    return None
