"""A line edit for dd/mm/yyyy dates; with ``partial=True`` it also takes mm/yyyy or yyyy."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.dates import DateFormatError, parse_full, parse_partial, vn_from_iso

_ALLOWED = QRegularExpression(r"[0-9/.\- ]{0,10}")
_DIGITS_ONLY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def tidy_date_text(text: str) -> str:
    """What the user typed, tidied: "5/3/1985" or "05031985" → "05/03/1985"; else unchanged."""
    text = text.strip()
    m = _DIGITS_ONLY.match(text)
    if m:
        text = "/".join(m.groups())
    try:
        value = parse_partial(text)
    except DateFormatError:
        return text
    return value.vn() if value else ""


class DateEdit(QLineEdit):
    """Typed dates, tidied when editing finishes; validation is left to the domain checks."""

    def __init__(self, partial: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._partial = partial
        self.setValidator(QRegularExpressionValidator(_ALLOWED, self))
        self.setPlaceholderText(
            self.tr("dd/mm/yyyy, mm/yyyy or yyyy") if partial else self.tr("dd/mm/yyyy")
        )
        self.setMaxLength(10)
        self.editingFinished.connect(self._tidy)

    def set_iso(self, iso: str | None) -> None:
        self.setText(vn_from_iso(iso))

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.strftime("%d/%m/%Y") if value else "")

    def date(self) -> dt.date | None:
        """The full date typed, None if empty; DateFormatError (Vietnamese) otherwise."""
        return parse_full(tidy_date_text(self.text()))

    def _tidy(self) -> None:
        tidy = tidy_date_text(self.text())
        if tidy != self.text():
            self.setText(tidy)
