"""Pages for areas not built yet, and for an area whose page failed to load.

They say plainly what is missing; they never show made-up data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.ui import style


def _frame(parent: QWidget, title: str) -> QVBoxLayout:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(40, 32, 40, 32)
    layout.setSpacing(14)
    layout.addWidget(style.heading(title))
    return layout


class PlaceholderPage(QWidget):
    """An area of the program that this version does not have yet."""

    def __init__(self, title: str, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = _frame(self, title)
        self.notice = QLabel(self.tr("This part is not built yet in this version."), wordWrap=True)
        self.notice.setFont(style.scaled_font(1.15, bold=True))
        self.purpose = style.muted(purpose, 1.1)
        self.purpose.setMaximumWidth(720)
        layout.addWidget(self.notice)
        layout.addSpacing(6)
        will_hold = QLabel(self.tr("When it is built, it will hold:"))
        will_hold.setFont(style.scaled_font(1.1))
        layout.addWidget(will_hold)
        layout.addWidget(self.purpose)
        layout.addStretch(1)


class BrokenPage(QWidget):
    """An area whose page could not be loaded: the plain sentence, then the details."""

    def __init__(self, title: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = _frame(self, title)
        self.notice = QLabel(
            self.tr(
                "This part could not be opened because of an error in the "
                "program. The rest of the program works; the register is "
                "safe."
            ),
            wordWrap=True,
        )
        self.notice.setFont(style.scaled_font(1.1, bold=True))
        style.set_role(self.notice, "error")
        self.details = QPlainTextEdit(details, readOnly=True)
        self.details.setFont(style.monospace(0.9))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notice)
        layout.addWidget(self.details, 1)
