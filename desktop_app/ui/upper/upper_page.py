"""What the upper level's pages share: reading the workspace on the database thread (when
shown, when another register is opened, on ``refresh()``), answers older than the last
request dropped, the register's refusals in the page's banner, ``data_changed`` after a
write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.domain.errors import DomainError
from desktop_app.ui import errors
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.messages import Banner


class RowsTable(QTableView):
    """Rows as high as the text needs, again when the text size changes."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_rows()

    def fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)


def read_only_table(
    parent: QWidget, model: QAbstractItemModel, *, alternate: bool = True
) -> QTableView:
    """A list in the program's way: whole rows chosen, one at a time; Tab leaves it."""
    view = RowsTable(parent)
    view.setTabKeyNavigation(False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternate)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.fit_rows()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class UpperPage(QWidget):
    """Subclasses say what to read (``load_work``) and show it (``show_loaded``); writes go
    through ``write``."""

    data_changed = Signal()

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._fixed_today = today  # tests; otherwise the computer's date at each use
        self._seq = 0
        self._busy = False
        self.banner = Banner(self)
        runner.register_changed.connect(self._register_changed)

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- to override -----------------------------------------------------------------------

    def load_work(self) -> Work | None:
        """What to read, with the page's choices taken now on the GUI thread (None: nothing)."""
        raise NotImplementedError

    def show_loaded(self, result: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Forget what the last register showed."""

    def update_actions(self) -> None:
        """Enable what can be done now (``self._busy`` is set while a write runs)."""

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the workspace again (on the database thread)."""
        if not self._runner.has_register:
            return
        work = self.load_work()
        if work is None:
            return
        self._seq += 1
        seq = self._seq
        self._runner.submit(work, lambda result: self._loaded(seq, result), self.failed)

    def _loaded(self, seq: int, result: Any) -> None:
        if seq == self._seq:
            self.show_loaded(result)
            self.update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def _register_changed(self) -> None:
        self._seq += 1  # an answer about the old register is dropped
        self.banner.clear_message()
        self.clear()
        self.update_actions()
        if self.isVisible():
            self.refresh()

    # -- writing ---------------------------------------------------------------------------

    def write(self, work: Work, done: Callable[[Any], None], progress: str | None = None) -> None:
        """Run a write; after it, ``done(result)``, ``data_changed`` and a fresh read."""
        self._busy = True
        self.banner.clear_message()
        self.update_actions()

        def finished(result: Any) -> None:
            self._busy = False
            done(result)
            self.data_changed.emit()
            self.refresh()

        self._runner.submit(work, finished, self.failed, progress=progress, parent=self)

    def run(self, work: Work, done: Callable[[Any], None], progress: str | None = None) -> None:
        """Work that writes no record (a file): no ``data_changed``."""
        self._busy = True
        self.banner.clear_message()
        self.update_actions()

        def finished(result: Any) -> None:
            self._busy = False
            self.update_actions()
            done(result)

        self._runner.submit(work, finished, self.failed, progress=progress, parent=self)

    def failed(self, exc: BaseException) -> None:
        """The register's refusal in the banner (nothing was written); a bug in the dialog."""
        self._busy = False
        self.update_actions()
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def say(self, text: str, level: str = "error") -> None:
        self.banner.show_message(text, level)
