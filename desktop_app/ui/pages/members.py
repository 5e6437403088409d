"""The Members page: search, filter and browse the cell's people (stub, being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.ui.tasks import TaskRunner


class MembersPage(QWidget):
    """List of the register's people with search and status filter."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        QVBoxLayout(self)
        runner.register_changed.connect(self.reload)

    def reload(self) -> None:
        """Reload the list from the register (on the database thread)."""
