"""The pure parts of the upper level's copy: an entry's ``changes`` kept exactly as the cell
wrote it, records folded from their entries (versions checked), what a bundle changes, and
where a bundle falls in the cell's journal."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.store.journal import GENESIS, canonical_json
from desktop_app.sync import continuity, replica
from desktop_app.sync.errors import SyncRefused
from tests.sync.samples import PERSON_ID, chain, read, sealed

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20).map(
    lambda t: unicodedata.normalize("NFC", t)
)
TRICKY = st.sampled_from([',"entity":"', ',"changes":', '"}', "\\", ',"entity":"x"}'])
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), TEXT, TRICKY),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["entity", "changes", "a"]), inner, max_size=3)
    ),
    max_leaves=6,
)
CHANGES = st.dictionaries(st.sampled_from(["entity", "changes", "note", "hash", "x"]), VALUES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(CHANGES, min_size=1, max_size=5))
def test_the_changes_of_a_read_entry_are_kept_exactly_as_written(changes):
    entries = chain([("person", PERSON_ID, "update" if i else "insert", c)
                     for i, c in enumerate(changes)])  # fmt: skip
    name, made = sealed(entries)
    got = read(name, made).entries
    for entry in got:
        assert entry.changes_text == canonical_json(entry.changes)
    [record] = replica.fold(got, {}).values()
    assert record.text in ("", canonical_json(record.data))
    if len(changes) == 1 and "deleted" not in changes[0]:  # made by one entry: no encoding
        assert record.text


def test_records_fold_in_journal_order_and_tombstones_are_kept():
    changes = [
        ("person", PERSON_ID, "insert", {"full_name": "Nguyễn Thị Hường", "sex": "female"}),
        ("person", PERSON_ID, "update", {"phone": "0905"}),
        ("person_event", "e1", "insert", {"person": PERSON_ID, "kind": "exemption"}),
        ("person_event", "e1", "delete", {"deleted": True}),
        ("id_reveal", "r1", "reveal", {"person": PERSON_ID}),
    ]
    folded = replica.fold(chain(changes), {})
    person = folded[("person", PERSON_ID)]
    assert person.version == 2 and person.data["phone"] == "0905" and person.added
    event = folded[("person_event", "e1")]
    assert event.deleted and "deleted" not in event.data
    assert not event.added and not event.removed  # made and withdrawn in one bundle
    assert ("id_reveal", "r1") not in folded  # nothing behind a journal-only entry
    done = replica.changes(folded)
    assert [r.id for r in done.people_added] == [PERSON_ID] and done.events_removed == 0


def test_a_record_that_skips_a_version_is_refused():
    later = chain([("person", PERSON_ID, "update", {"phone": "1"})], start=3, prev="a" * 64)
    with pytest.raises(SyncRefused, match="phiên bản 0, cấp trên đang giữ phiên bản 1"):
        replica.fold(later, {("person", PERSON_ID): replica.Known(1, False, "", "", {})})


def test_changed_removed_and_unchanged_are_told_apart():
    known = {
        ("person", "p1"): replica.Known(1, False, "", "", {"full_name": "A"}),
        ("person", "p2"): replica.Known(1, False, "", "", {"full_name": "B"}),
        ("person", "p3"): replica.Known(1, False, "", "", {"full_name": "C"}),
    }
    entries = chain(
        [
            ("person", "p1", "update", {"full_name": "A2"}),
            ("person", "p2", "delete", {"deleted": True}),
            ("person", "p3", "update", {"full_name": "C"}),
        ]
    )
    folded = replica.fold(
        [dataclasses.replace(e, base_version=1, version=2) for e in entries], known
    )
    done = replica.changes(folded)
    assert [r.id for r in done.people_updated] == ["p1"]
    assert [r.id for r in done.people_removed] == ["p2"] and done.people_same == 1


def _bundle(entries):
    name, made = sealed(entries)
    return read(name, made)


def test_where_a_bundle_falls():
    entries = chain()  # 1..3
    found = _bundle(entries)
    stored = {e.seq: e.hash for e in entries}

    def lookup(first, last):
        return {s: h for s, h in stored.items() if first <= s <= last}

    assert continuity.place(found, 0, GENESIS, lookup) == continuity.Placement("new", 1)
    assert continuity.place(found, 2, entries[1].hash, lookup).first_new == 3
    assert continuity.place(found, 3, entries[2].hash, lookup).kind == "duplicate"
    assert continuity.place(found, 9, "f" * 64, lookup).kind == "duplicate"  # an older bundle
    later = chain([("person", PERSON_ID, "update", {"x": 1})], start=6, prev="c" * 64)
    gap = continuity.place(_bundle(later), 3, entries[2].hash, lookup)
    assert gap == continuity.Placement("gap", missing=(4, 5))
    other = stored | {2: "d" * 64, 3: "e" * 64}  # the upper level holds another branch after 1
    fork = continuity.place(found, 3, other[3], lambda a, b: {s: other[s] for s in range(a, b + 1)})
    assert fork == continuity.Placement("fork", common=1)
    root = {1: "9" * 64, 2: "8" * 64, 3: "7" * 64}
    lost = continuity.place(found, 3, root[3], lambda a, b: {s: root[s] for s in range(a, b + 1)})
    assert lost == continuity.Placement("fork", common=0)
