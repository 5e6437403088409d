"""Creating the upper level's workspace: the committee's name, where to keep the file and its
passphrase (typed twice), then the recovery key shown once.

The pages after the first are the cell's create wizard's own (``create_wizard.PlacePage`` and
``KeyPage``); the workspace is made on the database thread when the second page is confirmed,
with its keys sealed inside (``upper_workspace.create_workspace``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizard, QWizardPage

from desktop_app.domain.errors import DomainError
from desktop_app.services import registers, upper_workspace
from desktop_app.store.errors import RegisterExists
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.create_wizard import (
    KeyPage,
    MakingWizard,
    PlacePage,
    _error_label,
    _problem_text,
    _show,
    free_path,
    rich_title,
)
from desktop_app.ui.tasks import TaskRunner


class CommitteePage(QWizardPage):
    """Page 1: the party committee's name (required)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(rich_title(self.tr("The upper level's workspace")))
        self.setSubTitle(
            self.tr(
                "For the party committee above the cells, to receive and follow their "
                "reports: a register of its own, encrypted like a cell's."
            )
        )
        self.name = QLineEdit(maxLength=upper_workspace.NAME_LIMIT)
        self.name.setPlaceholderText(self.tr("e.g. Đảng ủy phường Quy Nhơn Nam"))
        self.problem = _error_label()
        label = QLabel(self.tr("&Name of the party committee *"))
        label.setBuddy(self.name)
        note = style.muted(
            self.tr(
                "The cells see this name in the enrolment file and on every receipt. You can "
                "keep it as the committee writes it on its documents."
            )
        )
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        form.addRow(label, self.name)
        form.addRow("", self.problem)
        form.addRow("", note)
        self.name.textChanged.connect(self._changed)

    def _changed(self) -> None:
        _show(self.problem, "" if self.name.text().strip() else self.tr("Required."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class CreateWorkspaceWizard(MakingWizard):
    """The three steps of a new workspace; ``register_ready`` carries it open. ``cancelled``
    is emitted before the wizard closes (the application shows the welcome screen first)."""

    cancelled = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("New upper level's workspace"))
        self.name_page, self.place_page, self.key_page = CommitteePage(), PlacePage(self), KeyPage()
        self.place_page.path.setText(str(free_path(upper_workspace.default_path())))
        self.place_page.setButtonText(
            QWizard.WizardButton.CommitButton, self.tr("&Create the workspace")
        )
        self.key_page.print_sheet.hide()  # the recovery sheet is a cell's: not for a workspace
        for page in (self.name_page, self.place_page, self.key_page):
            self.addPage(page)
        self.resize(820, 640)

    def create(self) -> None:
        """Create the workspace on the database thread, then show the key."""
        path, secret, again = self._place()
        name = self.name_page.name.text()

        def work():
            registers.check_passphrase(secret, again)
            return upper_workspace.create_workspace(path, secret, name)

        self._make(path, work, self.tr("Creating the workspace…"))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, RegisterExists):
            _show(self.place_page.path_problem, str(exc))
        elif isinstance(exc, DomainError):
            _show(self.place_page.problems, _problem_text(exc))
        else:
            errors.show_error(exc, self)

    def accept(self) -> None:
        self.register_ready.emit(self.register, self.path)  # before closing: a window stays
        super().accept()

    def reject(self) -> None:
        """Cancel, except while creating or once the key is shown (it must be confirmed)."""
        if self.busy or self.register is not None:
            return
        self.cancelled.emit()
        super().reject()
