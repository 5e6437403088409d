"""One piece of database work at a time for a page with a banner (the Settings and Send pages):
its buttons are off while the work runs, a refusal shows in the banner, anything else in the
error dialog, and the page reads the register again. Also what those pages are made of: a
scrolling body, buttons with their tooltips."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.domain.errors import DomainError
from desktop_app.ui import errors


class BusyWork:
    """A mixin for a QWidget page with ``_runner``, ``banner``, ``_busy``, ``_update_buttons()``
    and ``reload()``."""

    def _scrolled(self, body: QWidget) -> None:
        """``body`` fills the page, scrolling when the window is too small for it."""
        scroll = QScrollArea(self)  # type: ignore[call-overload]
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is in it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)  # type: ignore[call-overload]
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)  # type: ignore[call-overload]
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _start(self, work: Callable, done: Callable[[Any], None], message: str | None = None):
        self._busy = True
        self.banner.clear_message()
        self._update_buttons()
        self._runner.submit(
            work, lambda r: self._finish(done, r), self._failed, progress=message, parent=self
        )

    def _finish(self, done: Callable[[Any], None], result: object) -> None:
        self._busy = False
        self._update_buttons()
        done(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
        self.reload()
