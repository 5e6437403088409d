"""Queries about what the upper level's receipts brought to a cell (``received_receipt``,
``received_decision``)."""

from __future__ import annotations

from desktop_app.store.upper_models import ReceivedDecision, ReceivedReceipt


def receipt(receipt_id: str) -> ReceivedReceipt | None:
    return ReceivedReceipt.get_or_none(
        (ReceivedReceipt.id == receipt_id) & (ReceivedReceipt.deleted == False)  # noqa: E712
    )


def latest() -> ReceivedReceipt | None:
    """The receipt the upper level issued last (not the one imported last: sticks travel in
    any order)."""
    return (
        ReceivedReceipt.select()
        .where(ReceivedReceipt.deleted == False)  # noqa: E712
        .order_by(ReceivedReceipt.issued_at.desc())
        .first()
    )


def decision(decision_id: str) -> ReceivedDecision | None:
    return ReceivedDecision.get_or_none(
        (ReceivedDecision.id == decision_id) & (ReceivedDecision.deleted == False)  # noqa: E712
    )


def decisions(person_id: str | None = None) -> list[ReceivedDecision]:
    query = ReceivedDecision.select().where(ReceivedDecision.deleted == False)  # noqa: E712
    if person_id is not None:
        query = query.where(ReceivedDecision.person_id == person_id)
    return list(query.order_by(ReceivedDecision.date, ReceivedDecision.created_at))
