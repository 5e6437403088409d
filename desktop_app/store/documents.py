"""Queries for the register of numbered documents, and the document numbers the secretary
typed elsewhere (a meeting's resolution, a step's reference), which the register must not
hand out again."""

from __future__ import annotations

from peewee import fn

from desktop_app.store.models import Document, Meeting, PersonEvent

_LIVE = Document.deleted == False  # noqa: E712


def by_subject(form: str, subject_id: str) -> Document | None:
    """The live document of this form about this subject (a vote, a meeting), if issued."""
    return Document.get_or_none(
        (Document.form == form) & (Document.subject_id == subject_id) & _LIVE
    )


def holder_of(kind: str, term: str, number: int) -> Document | None:
    """The document (live or withdrawn) that used this number."""
    return Document.get_or_none(
        (Document.kind == kind) & (Document.term == term) & (Document.number == number)
    )


def highest_number(kind: str, term: str) -> int:
    """The highest number used for this kind in this term, withdrawn documents included."""
    query = Document.select(fn.MAX(Document.number)).where(
        (Document.kind == kind) & (Document.term == term)
    )
    return int(query.scalar() or 0)


def references_between(first: str, last: str, exclude_event: str | None = None) -> list[str]:
    """Numbers typed in the register for documents dated first..last (ISO): meetings'
    resolution numbers and steps' references (``exclude_event``: the subject's own)."""
    meetings = Meeting.select(Meeting.resolution).where(
        (Meeting.deleted == False)  # noqa: E712
        & (Meeting.resolution != "")
        & Meeting.date.between(first, last)
    )
    events = PersonEvent.select(PersonEvent.reference).where(
        (PersonEvent.deleted == False)  # noqa: E712
        & (PersonEvent.reference != "")
        & PersonEvent.date.between(first, last)
    )
    if exclude_event:
        events = events.where(PersonEvent.id != exclude_event)
    return [m.resolution for m in meetings] + [e.reference for e in events]


def documents(term: str | None = None) -> list[Document]:
    """Live documents by term, kind and number."""
    query = Document.select().where(_LIVE)
    if term:
        query = query.where(Document.term == term)
    return list(query.order_by(Document.term, Document.kind, Document.number))
