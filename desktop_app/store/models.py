"""Peewee models of the register. Journalled tables carry id (UUIDv4), version, timestamps and a
tombstone flag; triggers (see migrations) refuse any write that has no journal entry."""

from __future__ import annotations

import peewee as pw

from desktop_app.store import upper_models


class BaseModel(pw.Model):
    class Meta:
        legacy_table_names = False


class Meta(BaseModel):
    """Store-internal settings: register id, device id. Not journalled, never synced."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()


class Journalled(BaseModel):
    id = pw.TextField(primary_key=True)
    version = pw.IntegerField(default=1)
    created_at = pw.TextField()
    updated_at = pw.TextField()
    deleted = pw.BooleanField(default=False)


class Cell(Journalled):
    name = pw.TextField()
    code = pw.TextField()
    upper_level = pw.TextField(default="")
    secretary = pw.TextField(default="")
    address = pw.TextField(default="")


class Person(Journalled):
    full_name = pw.TextField()
    other_names = pw.TextField(default="")
    sex = pw.TextField()
    birth_date = pw.TextField(null=True)  # ISO, or YYYY-MM, or YYYY
    ethnicity = pw.TextField(default="")
    religion = pw.TextField(default="")
    native_place = pw.TextField(default="")
    residence = pw.TextField(default="")
    id_number = pw.TextField(null=True)
    phone = pw.TextField(default="")
    education = pw.TextField(default="")
    political_theory = pw.TextField(default="")
    profession = pw.TextField(default="")
    occupation = pw.TextField(default="")
    membership = pw.TextField(default="candidate")
    exit = pw.TextField(null=True)
    exit_date = pw.TextField(null=True)
    exempted = pw.BooleanField(default=False)
    temporarily_away = pw.BooleanField(default=False)
    admission_decision_date = pw.TextField(null=True)
    ceremony_date = pw.TextField(null=True)
    official_date = pw.TextField(null=True)
    party_card_number = pw.TextField(default="")
    notes = pw.TextField(default="")
    name_folded = pw.TextField(index=True)
    search_text = pw.TextField(default="")
    sort_key = pw.TextField(index=True, default="")  # Vietnamese list order, bytewise


class PersonEvent(Journalled):
    person = pw.ForeignKeyField(Person, backref="events", on_delete="RESTRICT")
    kind = pw.TextField()
    date = pw.TextField()
    reason = pw.TextField(default="")
    reference = pw.TextField(default="")
    place = pw.TextField(default="")
    before = pw.TextField(default="{}")  # the person's state before, so undo can restore it
    details = pw.TextField(default="{}")  # step data: vote figures, certificate, introducer


class Mentorship(Journalled):
    """An official member assigned to help a candidate or probationary member (and who is
    usually the future introducer); ``joint_since`` records the 12-month joint-work rule."""

    person = pw.ForeignKeyField(Person, backref="mentors", on_delete="RESTRICT")
    mentor = pw.ForeignKeyField(Person, backref="mentees", on_delete="RESTRICT")
    start = pw.TextField()
    end = pw.TextField(null=True)
    end_reason = pw.TextField(default="")
    joint_since = pw.TextField(null=True)
    note = pw.TextField(default="")


class CalendarOverride(Journalled):
    """A day the government moved: a day off the holidays package does not know, or a
    working Saturday."""

    day = pw.TextField()
    working = pw.BooleanField()
    note = pw.TextField(default="")


class Meeting(Journalled):
    """A cell meeting, study session or class; ``held`` is False while it is only planned."""

    kind = pw.TextField()  # regular, thematic, study, committee, training, other
    date = pw.TextField()
    held = pw.BooleanField(default=True)
    topic = pw.TextField(default="")
    place = pw.TextField(default="")
    chair = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    minute_taker = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    notes = pw.TextField(default="")
    resolution = pw.TextField(default="")  # the number of a resolution adopted there
    class_kind = pw.TextField(default="")  # training: the certificate step it leads to


class Attendance(Journalled):
    """One line of a roll call that is not the default: members expected that day are present
    unless a line says otherwise; anyone else who came (exempted members, candidates, guests)
    has a line."""

    meeting = pw.ForeignKeyField(Meeting, backref="attendance", on_delete="RESTRICT")
    person = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    guest_name = pw.TextField(default="")
    status = pw.TextField()  # present, late, excused, absent
    reason = pw.TextField(default="")


class Document(Journalled):
    """A numbered document the cell issued (Số 01-NQ/CB): one number per kind and committee
    term, never used twice; ``subject_id`` is what it is about (a vote, a meeting), so a
    reprint of the same document keeps its number."""

    form = pw.TextField()  # "6-KNĐ"
    kind = pw.TextField()  # "NQ" (nghị quyết), "BC", "TB", …
    term = pw.TextField()  # "2025-2030"
    number = pw.IntegerField()
    subject_id = pw.TextField()
    person = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    meeting = pw.ForeignKeyField(Meeting, null=True, backref="+", on_delete="RESTRICT")
    date = pw.TextField()  # the document's date (ISO)
    title = pw.TextField(default="")


class SyncIdentity(BaseModel):
    """The cell's own sync keys: the Ed25519 key that signs its bundles and the X25519 key its
    receipts are encrypted to, the secrets sealed under the register's data key
    (store/sync_state.py). Store-internal: never journalled, never synced, never changed."""

    key_id = pw.TextField(primary_key=True)
    public_key = pw.TextField()  # minisign base64 line
    recipient = pw.TextField()  # age1…
    sealed = pw.TextField()
    created_at = pw.TextField()


class SyncEnrolment(Journalled):
    """The upper level this cell reports to (from its enrolment file), the cell's public keys
    it reports with, and how far the upper level has acknowledged the journal."""

    upper_id = pw.TextField()
    upper_name = pw.TextField()
    upper_recipient = pw.TextField()
    upper_signing_key = pw.TextField()
    cell_key_id = pw.TextField()
    cell_public_key = pw.TextField()
    cell_recipient = pw.TextField()
    acked_seq = pw.IntegerField(default=0)
    acked_hash = pw.TextField(default="0" * 64)
    acked_at = pw.TextField(null=True)


class Rating(Journalled):
    """A member's yearly quality rating (đánh giá, xếp loại chất lượng đảng viên): one live
    rating per person and year; ``points`` on the 100-point scale where the cell uses it."""

    person = pw.ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
    year = pw.IntegerField()
    level = pw.TextField()  # excellent, good, complete, incomplete (domain/reports.py LEVELS)
    points = pw.FloatField(null=True)
    note = pw.TextField(default="")


class AdmissionQuota(Journalled):
    """The year's admission quota (chỉ tiêu kết nạp): typed by the secretary ("cell") or
    received from the upper level ("upper"); one live quota per year."""

    year = pw.IntegerField()
    quota = pw.IntegerField()
    source = pw.TextField()
    reference = pw.TextField(default="")
    note = pw.TextField(default="")


class Journal(BaseModel):
    seq = pw.IntegerField(primary_key=True)
    entity = pw.TextField()
    entity_id = pw.TextField()
    op = pw.TextField()  # insert, update, delete (tombstone)
    changes = pw.TextField()  # canonical JSON of the changed fields
    base_version = pw.IntegerField()
    version = pw.IntegerField()
    author = pw.TextField()
    at = pw.TextField()
    prev_hash = pw.TextField()
    hash = pw.TextField(unique=True)

    class Meta:
        indexes = ((("entity", "entity_id", "version"), True),)


JOURNALLED: dict[str, type[Journalled]] = {
    "cell": Cell,
    "person": Person,
    "person_event": PersonEvent,
    "mentorship": Mentorship,
    "calendar_override": CalendarOverride,
    "meeting": Meeting,
    "attendance": Attendance,
    "document": Document,
    "sync_enrolment": SyncEnrolment,
    "rating": Rating,
    "admission_quota": AdmissionQuota,
}
MODELS = [
    Meta, Cell, Person, PersonEvent, Mentorship, CalendarOverride, Meeting, Attendance, Document,
    SyncIdentity, SyncEnrolment, Rating, AdmissionQuota, Journal,
]  # fmt: skip
# reporting upward: the upper level's workspace and the receipts a cell receives
JOURNALLED |= upper_models.JOURNALLED  # type: ignore[arg-type]
MODELS += upper_models.MODELS
