"""The upper level's keys and the enrolment files it writes for its cells.

The upper level's workspace (a later phase) keeps these in its own encrypted register; here
they are made and used: an age X25519 identity (bundles are encrypted to it) and an Ed25519
signing key (its receipts are signed with it), under one workspace id.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.names import clean_text
from desktop_app.store.journal import now_utc
from desktop_app.store.keys import fsync_dir
from desktop_app.sync import crypto, enrolment
from desktop_app.sync.crypto import AgeIdentity, PublicKey, SigningKey
from desktop_app.sync.enrolment import Enrolment


@dataclass(frozen=True, eq=False)
class UpperKeys:
    upper_id: str
    name: str
    identity: AgeIdentity
    signing: SigningKey

    @classmethod
    def generate(cls, name: str) -> UpperKeys:
        return cls(
            str(uuid.uuid4()), clean_text(name), AgeIdentity.generate(), SigningKey.generate()
        )

    @property
    def recipient(self) -> str:
        return self.identity.recipient

    @property
    def public(self) -> PublicKey:
        return self.signing.public

    @property
    def fingerprint(self) -> str:
        return crypto.upper_fingerprint(self.recipient, self.public)

    def enrolment_for(
        self, cell_code: str, cell_id: str | None = None, created_at: str | None = None
    ) -> Enrolment:
        return enrolment.make(
            upper_id=self.upper_id,
            upper_name=self.name,
            cell_code=cell_code,
            cell_id=cell_id,
            recipient=self.recipient,
            signing_key=self.public,
            created_at=created_at or now_utc(),
        )


def write_enrolment(made: Enrolment, path: Path) -> Path:
    """Write the file whole or not at all (temporary name, flushed, renamed)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(made.to_bytes())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)
    return path
