"""Item roles shared by the register's table models, and small display helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt

SortRole = Qt.ItemDataRole.UserRole + 1  # a native Python value that sorts correctly
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the row's view object (PersonView, EventView)


def date_key(iso: str | None) -> tuple[int, str]:
    """Sort key putting missing dates after every real one."""
    return (0, iso) if iso else (1, "")


def mask_id_number(number: str | None) -> str:
    """Personal ID numbers on a shared PC: "052012345645" → "0520******45"."""
    if not number:
        return ""
    if len(number) <= 6:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 6) + number[-2:]
