"""Queries about the cell record."""

from __future__ import annotations

from desktop_app.store.models import Cell


def current() -> Cell | None:
    """The register's one live cell record."""
    return Cell.select().where(Cell.deleted == False).first()  # noqa: E712
