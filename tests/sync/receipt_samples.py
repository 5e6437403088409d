"""Receipts made without a workspace: signed by the sample upper level (``samples.upper``),
encrypted to the sample cell's receipt key (``samples.receipts``), and helpers to make them lie
in one way at a time; also the samples and readers for tests/robustness/test_fuzz_readers.py."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from desktop_app.sync import envelope, receipt
from desktop_app.sync.crypto import SigningKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.receipt import Decision, Header, Receipt
from tests.sync import samples

RECEIPT_ID = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98"
DECISION_ID = "6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918"
HASH = "b" * 64
SUFFIX = receipt.SUFFIX
SIGNATURE = receipt.SUFFIX + envelope.SIG_SUFFIX


def decision(**changes: object) -> Decision:
    made = Decision(
        DECISION_ID, "admission", samples.PERSON_ID, "Nguyễn Thị Hường", "45-QĐ/ĐU",
        "2026-05-12", "",
    )  # fmt: skip
    return dataclasses.replace(made, **changes)


def header(decisions: int = 1, key: SigningKey | None = None, **lies: object) -> Header:
    upper = samples.upper()
    made = receipt.new_header(
        upper_id=upper.upper_id,
        upper_name=upper.name,
        upper_key=(key or upper.signing).public,
        cell_id=samples.CELL_ID,
        cell_code="CB-KP5",
        applied_seq=3,
        applied_hash=HASH,
        last_bundle_id=samples.BUNDLE_ID,
        quotas=[(2026, 3)],
        decisions=decisions,
        created_at=samples.AT,
    )
    return dataclasses.replace(made, **{"receipt_id": RECEIPT_ID, **lies})


def sealed(
    decisions: list[Decision] | None = None,
    *,
    head: Header | None = None,
    plaintext: bytes | None = None,
    key: SigningKey | None = None,
    recipient: str | None = None,
) -> tuple[str, Sealed]:
    decisions = [decision()] if decisions is None else decisions
    key = key or samples.upper().signing
    head = head or header(len(decisions), key)
    content = plaintext if plaintext is not None else receipt.encode(head, decisions)
    return receipt.seal_plaintext(
        content, head, key=key, recipient=recipient or samples.receipts().recipient
    )


def read(name: str, made: Sealed, **options: object) -> Receipt:
    return receipt.read_receipt(
        made.cipher,
        made.signature,
        pinned=options.pop("pinned", samples.upper().public),  # type: ignore[arg-type]
        identity=options.pop("identity", samples.receipts()),  # type: ignore[arg-type]
        name=name,
        **options,  # type: ignore[arg-type]
    )


# -- for the fuzzing of every reader --------------------------------------------------------------


@functools.cache
def fuzz_samples() -> dict[str, bytes]:
    _name, made = sealed([decision(), decision(decision_id=samples.BUNDLE_ID, kind="transfer")])
    return {SUFFIX: made.cipher, SIGNATURE: made.signature}


def _read(path: Path) -> None:
    got = receipt.read_receipt_file(
        path, pinned=samples.upper().public, identity=samples.receipts()
    )
    assert [d.decision_id for d in got.decisions] == [DECISION_ID, samples.BUNDLE_ID]


def read_receipt(path: Path, live: object) -> None:
    envelope.signature_path(path).write_bytes(fuzz_samples()[SIGNATURE])
    _read(path)


def read_receipt_signature(path: Path, live: object) -> None:
    target = path.with_name(path.name.removesuffix(envelope.SIG_SUFFIX))
    target.write_bytes(fuzz_samples()[SUFFIX])
    _read(target)
