"""Wrapped text in the transfer dialogs: a label whose height follows its width both ways, the
width a line of text takes, and a dialog as tall as its texts need.

``WrappedLabel`` sets its minimum height from ``heightForWidth``, which Qt never lets fall
below the minimum height already set: once laid out narrow, the label keeps the height of its
narrowest moment and leaves gaps. Clearing the minimum first gives the height of the text at
the width it has now.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.ui.dialogs.write_dialog import WrappedLabel

LINE_CHARS = 90  # what the dialogs' wrapped texts hold on a line


def text_width(widget: QWidget) -> int:
    """The width of a line of text in the widget's font (it grows with the text size)."""
    return widget.fontMetrics().averageCharWidth() * LINE_CHARS


def fit_height_later(dialog: QWidget) -> None:
    """Once the texts shown or hidden now have their new heights, no taller than they need (a
    dialog grows to fit what appears in it, and never shrinks by itself)."""

    def fit() -> None:
        dialog.layout().activate()
        layout = dialog.layout()
        needed = max(dialog.minimumSizeHint().height(), layout.totalHeightForWidth(dialog.width()))
        if dialog.height() > needed:
            dialog.resize(dialog.width(), needed)

    QTimer.singleShot(0, dialog, fit)


class FitLabel(WrappedLabel):
    def _fit(self) -> None:
        if self.minimumHeight():
            self.setMinimumHeight(0)
        super()._fit()
