"""A scroll area for a part of a page that may be taller than a low screen with large text:
it scrolls down, never sideways, and asks for the width its contents need."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class VerticalScroll(QScrollArea):
    def __init__(self, widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is in it (and shows it)
        self.setWidget(widget)

    def _wide(self, inner: QSize | None, outer: QSize) -> QSize:
        if inner is None:  # asked while being made
            return outer
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.width() + bar, outer.height())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        return self._wide(inner and inner.minimumSizeHint(), super().minimumSizeHint())

    def sizeHint(self) -> QSize:
        inner = self.widget()
        return self._wide(inner and inner.sizeHint(), super().sizeHint())
