"""Small bundles made without a register: a hash chain of a few entries, signed by a fixed
cell key and encrypted to one upper level, and helpers to make them lie in one way at a time."""

from __future__ import annotations

import dataclasses
import functools
import unicodedata

from desktop_app.store.journal import GENESIS, entry_hash
from desktop_app.sync import bundle, envelope
from desktop_app.sync.bundle import Bundle, Entry, Manifest
from desktop_app.sync.crypto import AgeIdentity, SigningKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.upper_keys import UpperKeys

CELL_ID = "5b1f3c2e-8d4a-4f6b-9c7e-1a2b3c4d5e6f"
PERSON_ID = "0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f"
BUNDLE_ID = "9e8d7c6b-5a49-4837-a261-504f3e2d1c0b"
AT = "2026-11-22T08:00:00.000Z"
SIGNER = SigningKey(bytes(range(32)))
STRANGER = SigningKey(bytes(range(1, 33)))


@functools.cache
def upper() -> UpperKeys:
    return UpperKeys.generate("Đảng ủy phường Quy Nhơn Nam")


@functools.cache
def other_upper() -> UpperKeys:
    return UpperKeys.generate("Đảng ủy xã Phước Lộc")


@functools.cache
def receipts() -> AgeIdentity:
    return AgeIdentity.generate()


CHANGES = [
    ("cell", CELL_ID, "insert", {"name": "Chi bộ Khu phố 5", "code": "CB-KP5"}),
    ("person", PERSON_ID, "insert", {"full_name": "Nguyễn Thị Hường", "sex": "female"}),
    ("person", PERSON_ID, "update", {"phone": "0905123456"}),
]


def chain(
    changes: list[tuple[str, str, str, dict]] | None = None, start: int = 1, prev: str = GENESIS
) -> list[Entry]:
    """Journal entries with sound hashes, from ``start``, linked to ``prev``."""
    entries = []
    versions: dict[str, int] = {}
    for offset, (entity, entity_id, op, fields) in enumerate(changes or CHANGES):
        base = versions.get(entity_id, 0)
        versions[entity_id] = base + 1
        hashed = {
            "seq": start + offset,
            "entity": entity,
            "entity_id": entity_id,
            "op": op,
            "changes": fields,
            "base_version": base,
            "version": base + 1,
            "author": "device:1a2b3c4d",
            "at": AT,
            "prev_hash": prev,
        }
        prev = entry_hash(hashed)
        entries.append(Entry(**hashed, hash=prev))
    return entries


def rehashed(entries: list[Entry], index: int, **changes: object) -> list[Entry]:
    """``entries`` with one changed and every hash from it on recomputed (a consistent lie)."""
    out = list(entries[:index])
    prev = out[-1].hash if out else entries[0].prev_hash
    for i, entry in enumerate(entries[index:]):
        entry = dataclasses.replace(entry, **{"prev_hash": prev, **(changes if i == 0 else {})})
        prev = entry_hash(entry.hashed())
        out.append(dataclasses.replace(entry, hash=prev))
    return out


def manifest_for(entries: list[Entry], key: SigningKey = SIGNER, **lies: object) -> Manifest:
    made = bundle.new_manifest(
        cell_id=CELL_ID,
        cell_code="CB-KP5",
        cell_name="Chi bộ Khu phố 5",
        key=key.public,
        cell_recipient=receipts().recipient,
        upper_id=upper().upper_id,
        entries=entries,
        check={"ok": True, "integrity": [], "journal": []},
        schema=5,
        program="sochibo 0.1.0",
        created_at=AT,
    )
    return dataclasses.replace(made, **{"bundle_id": BUNDLE_ID, **lies})


def sealed(
    entries: list[Entry] | None = None,
    *,
    manifest: Manifest | None = None,
    plaintext: bytes | None = None,
    key: SigningKey = SIGNER,
    recipient: str | None = None,
) -> tuple[str, Sealed]:
    """A bundle, sealed without the writer's own checks when given a lying manifest or
    content (so the reader alone has to find the lie)."""
    entries = entries if entries is not None else chain()
    manifest = manifest or manifest_for(entries, key)
    content = plaintext if plaintext is not None else bundle.encode(manifest, entries)
    return bundle.seal_plaintext(
        content, manifest, key=key, recipient=recipient or upper().recipient
    )


def read(name: str, made: Sealed, **options: object) -> Bundle:
    return bundle.read_bundle(
        made.cipher,
        made.signature,
        pinned=options.pop("pinned", SIGNER.public),  # type: ignore[arg-type]
        identity=options.pop("identity", upper().identity),  # type: ignore[arg-type]
        name=name,
        **options,  # type: ignore[arg-type]
    )


def with_facts(made: Sealed, name: str, manifest: Manifest, **facts: object) -> Sealed:
    """The same encrypted file, signed again with other facts in the trusted comment."""
    told = {**bundle.outer_facts(manifest, name), **facts}
    untrusted = bundle.UNTRUSTED.format(key_id=SIGNER.public.key_id_hex)
    return Sealed(made.cipher, SIGNER.sign(made.cipher, envelope.facts_text(told), untrusted))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)
