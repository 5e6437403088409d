"""Item roles shared by the register's table models, and small display helpers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt

SortRole = Qt.ItemDataRole.UserRole + 1  # a native Python value that sorts correctly
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the row's view object (PersonView, EventView)


def date_key(iso: str | None) -> tuple[int, str]:
    """Sort key putting missing dates after every real one."""
    return (0, iso) if iso else (1, "")


def horizontal_header(
    context: str, headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """headerData for the common case: translated column titles across the top."""
    if (
        role == Qt.ItemDataRole.DisplayRole
        and orientation == Qt.Orientation.Horizontal
        and 0 <= section < len(headers)
    ):
        return QCoreApplication.translate(context, headers[section])
    return None
