"""Close a conflict of the upper level's workspace with what the officer did about it. The
note is required: the register refuses an empty one, and the refusal shows here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop_app.services import upper_workspace as ws
from desktop_app.services.upper_workspace import ConflictView
from desktop_app.ui.dialogs.write_dialog import WriteDialog
from desktop_app.ui.models.upper_conflicts_model import ConflictRow
from desktop_app.ui.tasks import TaskRunner, Work


class UpperResolveDialog(WriteDialog):
    """``saved`` is the ConflictView as closed."""

    def __init__(self, runner: TaskRunner, conflict: ConflictRow, parent: QWidget | None = None):
        super().__init__(runner, f"{conflict.label} — {conflict.cells}", parent)
        self._conflict = conflict
        self.setWindowTitle(self.tr("Resolve a conflict"))
        what = QLabel(conflict.detail, self)
        what.setWordWrap(True)
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout().insertWidget(1, what)  # under the heading, across the dialog
        self.note = QPlainTextEdit(self.body)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("e.g. Phoned the cell's secretary on 05/12: the cell will send a new bundle")
        )
        metrics = self.note.fontMetrics()
        self.note.setFixedHeight(metrics.lineSpacing() * 5)
        self.note.setMinimumWidth(metrics.averageCharWidth() * 56)
        self.add_row(self.tr("What was done (required)"), self.note)
        self.save_button.setText(self.tr("&Close the conflict"))

    @classmethod
    def ask(
        cls, runner: TaskRunner, conflict: ConflictRow, parent: QWidget | None = None
    ) -> ConflictView | None:
        dialog = cls(runner, conflict, parent)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def work(self) -> Work:
        conflict_id, note = self._conflict.id, self.note.toPlainText()
        return lambda reg: ws.resolve_conflict(reg, conflict_id, note)
