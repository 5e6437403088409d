"""The first screen when no register is open: create one, try the demo, or open a file; and,
for the party committee above the cells, its workspace or a demo of it."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui import style

CONTENT_WIDTH = 660


class ChoiceButton(QPushButton):
    """A large button with a title (its mnemonic underlined) and a sentence under it."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Choice")
        self.setAccessibleName(title.replace("&", ""))
        self.setAccessibleDescription(description)
        self.setShortcut(QKeySequence.mnemonic(title))
        self.title = QLabel(_underline_mnemonic(title))
        self.title.setFont(style.scaled_font(1.35, bold=True))
        style.set_role(self.title, "choice")
        self.description = style.muted(description, 1.1)
        for label in (self.title, self.description):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()


def _underline_mnemonic(text: str) -> str:
    """``&Open`` as rich text with the O underlined."""
    plain = text.replace("<", "&lt;")
    return re.sub(r"&(\w)", r"<u>\1</u>", plain, count=1)


class WelcomePage(QWidget):
    """Three big choices, and two smaller buttons for the upper level; the application
    controller does the work behind each."""

    create_requested = Signal()
    demo_requested = Signal()
    open_requested = Signal()
    upper_requested = Signal()
    upper_demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(style.PRODUCT_NAME)
        self.create_button = self._choice(
            self.tr("&Create the cell's register"),
            self.tr(
                "Enter the cell's name and code and choose a passphrase. You will get a "
                "recovery key to copy onto paper."
            ),
        )
        self.demo_button = self._choice(
            self.tr("Open the &demo register to try the program"),
            self.tr(
                "An imaginary cell with members and candidates, to look around freely. "
                "It has nothing to do with your real register."
            ),
        )
        self.open_button = self._choice(
            self.tr("&Open an existing register…"),
            self.tr("Choose a register file (.sochibo) that is already on this computer."),
        )
        self.upper_caption = style.muted(self.tr("For the party committee above the cells:"))
        self.upper_button = QPushButton(self.tr("The upper level's &workspace…"))
        self.upper_button.setToolTip(
            self.tr("Receive the cells' bundles, follow their reports, record decisions")
        )
        self.upper_demo_button = QPushButton(self.tr("A demo upper &level"))
        self.upper_demo_button.setToolTip(
            self.tr("A committee with two demo cells that have reported, to look around")
        )
        self.status = style.muted("")
        self.upper_button.clicked.connect(self.upper_requested)
        self.upper_demo_button.clicked.connect(self.upper_demo_requested)
        self.create_button.clicked.connect(self.create_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.open_button.clicked.connect(self.open_requested)
        self._layout()

    def _choice(self, title: str, description: str) -> ChoiceButton:
        return ChoiceButton(title, description)

    def _layout(self) -> None:
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(style.heading(style.PRODUCT_NAME, 2.4))
        subtitle = style.muted(
            self.tr(
                "The register of the party cell: kept on this computer, "
                "encrypted, no Internet needed."
            ),
            1.2,
        )
        column.addWidget(subtitle)
        column.addSpacing(18)
        for button in (self.create_button, self.demo_button, self.open_button):
            column.addWidget(button)
        column.addSpacing(10)  # the upper level's two choices, smaller, under the cell's three
        column.addWidget(self.upper_caption)
        upper = QHBoxLayout()
        upper.setSpacing(10)
        upper.addWidget(self.upper_button)
        upper.addWidget(self.upper_demo_button)
        upper.addStretch(1)
        column.addLayout(upper)
        column.addSpacing(8)
        column.addWidget(self.status)
        holder = QWidget()
        holder.setLayout(column)
        holder.setFixedWidth(CONTENT_WIDTH)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)
        self.create_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, message: str = "") -> None:
        """Disable the choices while something runs, with a sentence saying what."""
        for button in self.choices():
            button.setEnabled(not message)
        self.status.setText(message)

    def choices(self) -> tuple[QPushButton, ...]:
        return (
            self.create_button,
            self.demo_button,
            self.open_button,
            self.upper_button,
            self.upper_demo_button,
        )

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)
