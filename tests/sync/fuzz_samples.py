"""The sync files for tests/robustness/test_fuzz_readers.py: real samples (a small bundle, its
signature, an enrolment file for the fuzz register's cell), hostile variants of the enrolment,
and how the program reads each kind of file.

A bundle is read with its signature beside it: the bundle reader gets a hostile bundle beside
the sound signature, the signature reader a hostile signature beside the sound bundle.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from desktop_app.services import sync_cell
from desktop_app.sync import bundle, envelope
from tests.conftest import CELL
from tests.sync.samples import SIGNER, chain, sealed, upper

BUNDLE = bundle.SUFFIX
SIGNATURE = bundle.SUFFIX + envelope.SIG_SUFFIX
ENROLMENT = ".sochibo-ghidanh"
_DROP = object()


@functools.cache
def samples() -> dict[str, bytes]:
    _name, made = sealed()
    made_for = upper().enrolment_for(CELL["code"], created_at="2026-11-22T08:00:00.000Z")
    return {BUNDLE: made.cipher, SIGNATURE: made.signature, ENROLMENT: made_for.to_bytes()}


def _read(path: Path) -> None:
    got = bundle.read_bundle_file(path, pinned=SIGNER.public, identity=upper().identity)
    assert got.entries == tuple(chain())  # what reads at all is the sample itself


def read_bundle(path: Path, live: object) -> None:
    envelope.signature_path(path).write_bytes(samples()[SIGNATURE])
    _read(path)


def read_signature(path: Path, live: object) -> None:
    target = path.with_name(path.name.removesuffix(envelope.SIG_SUFFIX))
    target.write_bytes(samples()[BUNDLE])
    _read(target)


def read_enrolment(path: Path, live) -> None:
    """The cell imports the file (the first sound one enrols the fuzz register)."""
    result = sync_cell.enrol(live.reg, path)
    assert result.status.enrolled and result.status.upper_id == upper().upper_id


def enrolment_inputs(
    sample: bytes, mutated: Callable[[bytes], st.SearchStrategy[bytes]]
) -> st.SearchStrategy[bytes]:
    """Mutated bytes, or the sound file with one field replaced by any JSON value or gone."""
    doc = json.loads(sample)
    values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=3),
        st.sampled_from(list(doc.values())),
        st.just(_DROP),
    )

    def replace(change: tuple[str, object]) -> bytes:
        name, value = change
        changed = {k: v for k, v in doc.items() if k != name}
        if value is not _DROP:
            changed[name] = value
        return json.dumps(changed, ensure_ascii=False).encode()

    return st.one_of(mutated(sample), st.tuples(st.sampled_from(sorted(doc)), values).map(replace))
