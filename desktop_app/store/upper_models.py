"""Peewee models of reporting upward: the upper level's workspace (its keys, its cells, the
bundles it applied, its quotas, decisions and open conflicts) and, in a cell's register, what
the upper level's receipts brought back. The cells' own records as the upper level keeps them
(people, events, meetings, attendance) are a replica built from the cells' journals, written
in bulk by ``store/upper_replica.py`` without models.

The base classes repeat ``models.BaseModel`` and ``models.Journalled`` (same fields, same
table naming) so that ``models`` can list these tables without an import cycle.
"""

from __future__ import annotations

import peewee as pw


class _Base(pw.Model):
    class Meta:
        legacy_table_names = False


class _Journalled(_Base):
    id = pw.TextField(primary_key=True)
    version = pw.IntegerField(default=1)
    created_at = pw.TextField()
    updated_at = pw.TextField()
    deleted = pw.BooleanField(default=False)


# -- the upper level's workspace ------------------------------------------------------------------


class UpperIdentity(_Base):
    """The upper level's keys: the age X25519 identity bundles are encrypted to and the
    Ed25519 key its receipts are signed with, sealed under the register's data key
    (``store/sync_state.seal_secret``). Store-internal: never journalled, never changed."""

    key_id = pw.TextField(primary_key=True)
    upper_id = pw.TextField()
    public_key = pw.TextField()  # minisign base64 line
    recipient = pw.TextField()  # age1…
    sealed = pw.TextField()
    created_at = pw.TextField()


class UpperWorkspace(_Journalled):
    """The upper level itself (``id`` is its upper_id), with its public keys."""

    name = pw.TextField()
    recipient = pw.TextField()
    signing_key = pw.TextField()
    key_id = pw.TextField()


class UpperCell(_Journalled):
    """A cell this upper level receives bundles from: expected after ``upper enrol``, pinned
    when the officer confirms the fingerprint of its first bundle."""

    code = pw.TextField()
    code_key = pw.TextField()  # the code folded: CB-KP5 and cb-kp5 are one cell
    name = pw.TextField(default="")
    cell_uuid = pw.TextField(null=True)  # the cell's own id, from its first bundle
    key_id = pw.TextField(default="")
    public_key = pw.TextField(default="")  # pinned signing key (minisign base64 line)
    recipient = pw.TextField(default="")  # the cell's age key its receipts are encrypted to
    fingerprint = pw.TextField(default="")
    pinned_at = pw.TextField(null=True)
    applied_seq = pw.IntegerField(default=0)
    applied_hash = pw.TextField(default="0" * 64)
    last_bundle_id = pw.TextField(null=True)
    last_bundle_at = pw.TextField(null=True)  # when the cell made it (UTC)
    last_import_at = pw.TextField(null=True)


class UpperImport(_Journalled):
    """One bundle applied: which range of the cell's journal it brought."""

    cell = pw.ForeignKeyField(UpperCell, backref="imports", on_delete="RESTRICT")
    bundle_id = pw.TextField()
    file = pw.TextField()
    seq_from = pw.IntegerField()
    seq_to = pw.IntegerField()
    applied_from = pw.IntegerField()  # the first entry that was new here
    head_hash = pw.TextField()
    bundle_created_at = pw.TextField()
    summary = pw.TextField(default="{}")  # counts, as JSON
    rewound_to = pw.IntegerField(null=True)  # a fork accepted: entries after this were set aside


class UpperQuota(_Journalled):
    """How many admissions the upper level plans for a cell in a year."""

    cell = pw.ForeignKeyField(UpperCell, backref="quotas", on_delete="RESTRICT")
    year = pw.IntegerField()
    count = pw.IntegerField()


class UpperDecision(_Journalled):
    """A decision of the upper level about a person of a cell (admission, recognition,
    transfer), with its number and date; receipts carry it down."""

    cell = pw.ForeignKeyField(UpperCell, backref="decisions", on_delete="RESTRICT")
    person_id = pw.TextField()
    person_name = pw.TextField()
    kind = pw.TextField()
    number = pw.TextField()
    date = pw.TextField()
    note = pw.TextField(default="")


class UpperConflict(_Journalled):
    """Something about a cell's bundles a person must look at: a fork (the cell went back to
    an old backup) or a gap (a bundle held back until the missing range arrives)."""

    cell = pw.ForeignKeyField(UpperCell, backref="conflicts", on_delete="RESTRICT")
    kind = pw.TextField()  # fork, gap
    bundle_id = pw.TextField()
    file = pw.TextField()
    seq_from = pw.IntegerField()
    seq_to = pw.IntegerField()
    at_seq = pw.IntegerField()  # fork: the last entry both chains share; gap: the first missing
    detail = pw.TextField()
    resolved_at = pw.TextField(null=True)
    resolution = pw.TextField(default="")


# -- in a cell's register: what the receipts brought -----------------------------------------------


class ReceivedReceipt(_Journalled):
    """A receipt the upper level sent (``id`` is its receipt id)."""

    upper_id = pw.TextField()
    applied_seq = pw.IntegerField()
    applied_hash = pw.TextField()
    quotas = pw.TextField(default="[]")  # [{"year": 2026, "count": 3}], as JSON
    decisions = pw.IntegerField(default=0)
    issued_at = pw.TextField()


class ReceivedDecision(_Journalled):
    """A decision of the upper level about a person of the cell (``id`` is the upper level's
    decision id), and what became of it here (``outcome``)."""

    receipt_id = pw.TextField()
    person_id = pw.TextField()
    person_name = pw.TextField()
    kind = pw.TextField()
    number = pw.TextField()
    date = pw.TextField()
    note = pw.TextField(default="")
    outcome = pw.TextField()  # recorded, already, differs, manual, unknown_person, noted
    outcome_text = pw.TextField(default="")
    event_id = pw.TextField(null=True)


JOURNALLED: dict[str, type[_Journalled]] = {
    "upper_workspace": UpperWorkspace,
    "upper_cell": UpperCell,
    "upper_import": UpperImport,
    "upper_quota": UpperQuota,
    "upper_decision": UpperDecision,
    "upper_conflict": UpperConflict,
    "received_receipt": ReceivedReceipt,
    "received_decision": ReceivedDecision,
}
MODELS: list[type[pw.Model]] = [UpperIdentity, *JOURNALLED.values()]
