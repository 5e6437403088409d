"""A heading beside a row of buttons (a person's name): one line while there is room, two
lines rather than a window wider than the screen when the text is long."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class WrapWhenNarrow(QWidget):
    """Holds a word-wrapped label; asks for its one-line width, accepts its longest word.

    (A plain word-wrapped QLabel asks for about twenty characters and wraps a name that
    would fit.)"""

    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)

    def _width(self, text: str) -> int:
        margins = self.label.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.label.margin() + 4
        return self.label.fontMetrics().horizontalAdvance(text) + extra

    def sizeHint(self) -> QSize:
        width = self._width(self.label.text())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        longest = max((self._width(word) for word in self.label.text().split()), default=0)
        return QSize(longest, self.label.fontMetrics().lineSpacing())
