"""Creating the cell's register: the cell, where to keep it and its passphrase, the recovery key.

The register is created on the database thread when the second page is confirmed (a commit
page: there is no going back once the file exists). The last page shows the recovery key once
and Finish stays disabled until the secretary confirms it is copied onto paper.
"""

from __future__ import annotations

import html
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import paths
from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.services import registers
from desktop_app.services.cell import CELL_FIELDS
from desktop_app.store.errors import RegisterExists
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.recovery_dialog import print_recovery_sheet
from desktop_app.ui.tasks import TaskRunner

Echo = QLineEdit.EchoMode
SUFFIX = ".sochibo"
REQUIRED = ("name", "code")


def free_path(path: Path) -> Path:
    """``path``, or the first ``name-2.sochibo``, ``name-3.sochibo``… not taken yet."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


class SaveRegisterFileDialog:
    """Where to save a new register (a classmethod so tests can replace it)."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path) -> Path | None:
        title = QGuiApplication.translate("CreateWizard", "Where to keep the register")
        pattern = QGuiApplication.translate("CreateWizard", "Register (*.sochibo)")
        name, _ = QFileDialog.getSaveFileName(parent, title, str(start), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def rich_title(text: str) -> str:
    """A page title in the heading size and colour (the wizard shows titles as rich text)."""
    size = QApplication.font().pointSizeF() * 1.5
    return f"<span style='font-size:{size:.1f}pt; color:{style.ACCENT}'>{html.escape(text)}</span>"


def _error_label() -> QLabel:
    label = style.set_role(QLabel(wordWrap=True), "error")
    label.setVisible(False)
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class CellPage(QWizardPage):
    """Page 1: the cell's name and code (required), upper level, secretary and address."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(rich_title(self.tr("The party cell")))
        self.setSubTitle(
            self.tr(
                "These details head every list and form. You can change them "
                "later. Fields marked * are required."
            )
        )
        self.fields = {key: QLineEdit(maxLength=limit) for key, (_l, limit) in CELL_FIELDS.items()}
        self.problems = {key: _error_label() for key in self.fields}
        labels = {
            "name": self.tr("Cell &name *"),
            "code": self.tr("Cell &code *"),
            "upper_level": self.tr("&Upper level"),
            "secretary": self.tr("&Secretary"),
            "address": self.tr("&Address"),
        }
        self.fields["name"].setPlaceholderText(self.tr("e.g. Chi bộ Trường THPT Nguyễn Trân"))
        self.fields["code"].setPlaceholderText(self.tr("the code the upper level uses, e.g. CB-NT"))
        self.fields["upper_level"].setPlaceholderText(self.tr("e.g. Đảng ủy phường Quy Nhơn Nam"))
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        for key, field in self.fields.items():
            label = QLabel(labels[key])
            label.setBuddy(field)
            form.addRow(label, field)
            form.addRow("", self.problems[key])
            field.textChanged.connect(lambda _t, k=key: self._changed(k))

    def _changed(self, key: str) -> None:
        missing = key in REQUIRED and not self.fields[key].text().strip()
        _show(self.problems[key], self.tr("Required.") if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(self.fields[key].text().strip() for key in REQUIRED)

    def values(self) -> dict[str, object]:
        return {key: field.text() for key, field in self.fields.items()}

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.problems.items():
            _show(label, problems.get(key, ""))


class PlacePage(QWizardPage):
    """Page 2: the file and the passphrase; confirming it creates the register."""

    def __init__(self, wizard: CreateWizard):
        super().__init__()
        self._wizard = wizard
        self._check_seq = 0
        self.setTitle(rich_title(self.tr("Where to keep it, and its passphrase")))
        self.setSubTitle(
            self.tr(
                "The register is one encrypted file on this computer. Only the "
                "passphrase, or the recovery key, opens it."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the register"))
        self.path = QLineEdit(str(free_path(paths.default_register())))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.passphrase = QLineEdit(echoMode=Echo.Password)
        self.confirm = QLineEdit(echoMode=Echo.Password)
        self.show_secret = QCheckBox(self.tr("&Show the passphrase"))
        self.path_problem, self.problems = _error_label(), _error_label()
        self._layout()
        self._connect()

    def _layout(self) -> None:
        place = QHBoxLayout()
        place.addWidget(self.path, 1)
        place.addWidget(self.browse)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self._buddy(self.tr("&File:"), self.path), place)
        form.addRow("", self.path_problem)
        form.addRow(self._buddy(self.tr("&Passphrase:"), self.passphrase), self.passphrase)
        form.addRow(self._buddy(self.tr("&Again:"), self.confirm), self.confirm)
        form.addRow("", self.show_secret)
        form.addRow("", self.problems)
        note = QLabel(
            self.tr(
                "At least 8 characters; a short sentence is easy to remember and "
                "hard to guess. There is no way back into the register without "
                "the passphrase or the recovery key: nobody, not even the makers "
                "of the program, can open it."
            ),
            wordWrap=True,
        )
        style.set_role(note, "note")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(note)
        layout.addStretch(1)

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def _connect(self) -> None:
        self.browse.clicked.connect(self._browse)
        self.show_secret.toggled.connect(self._echo)
        self.path.textChanged.connect(lambda _t: _show(self.path_problem, ""))
        for field in (self.path, self.passphrase, self.confirm):
            field.textChanged.connect(self.completeChanged)
        self.passphrase.textChanged.connect(self._check_passphrase)
        self.confirm.textChanged.connect(self._check_passphrase)

    def _echo(self, shown: bool) -> None:
        for field in (self.passphrase, self.confirm):
            field.setEchoMode(Echo.Normal if shown else Echo.Password)

    def _browse(self) -> None:
        chosen = SaveRegisterFileDialog.ask(self, Path(self.path.text() or paths.data_dir()))
        if chosen is not None:
            self.path.setText(str(chosen))

    def _check_passphrase(self) -> None:
        """Ask the service for the passphrase's problems (on the database thread)."""
        self._check_seq += 1
        seq, secret, again = self._check_seq, self.passphrase.text(), self.confirm.text()
        self._wizard.runner.call(
            lambda: registers.check_passphrase(secret, again or None),
            lambda _r: self._checked(seq, ""),
            lambda exc: self._checked(seq, _problem_text(exc)),
        )

    def _checked(self, seq: int, text: str) -> None:
        # an answer for what is typed now, to a wizard still there (it may close meanwhile)
        if seq == self._check_seq and shiboken6.isValid(self.problems):
            _show(self.problems, text)

    def isComplete(self) -> bool:
        filled = all(f.text() for f in (self.path, self.passphrase, self.confirm))
        return filled and not self._wizard.busy

    def validatePage(self) -> bool:
        """Create the register first; the wizard moves on when it exists."""
        if self._wizard.register is not None:
            return True
        self._wizard.create()
        return False

    def cell_path(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def _problem_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(str(p) for p in exc.problems)
    return str(exc)


class KeyPage(QWizardPage):
    """Page 3: the recovery key, shown once, and the confirmation that it is on paper."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(rich_title(self.tr("The recovery key")))
        self.setSubTitle(
            self.tr(
                "The register is created. If the passphrase is ever forgotten, "
                "only this key opens the register."
            )
        )
        intro = QLabel(
            self.tr(
                "Copy the key onto paper now, group by group, and keep the paper "
                "somewhere safe, away from the computer. The program will not "
                "show this key again."
            ),
            wordWrap=True,
        )
        self.key = style.set_role(QLabel(), "key")
        self.key.setFont(style.monospace(2.0))
        self.key.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.copy = QPushButton(self.tr("Co&py the key"))
        self.print_sheet = QPushButton(self.tr("P&rint the recovery sheet…"))
        self.copied = style.muted("")
        self.confirmed = QCheckBox(
            self.tr("I have copied the recovery key onto paper and put it somewhere safe")
        )
        self.confirmed.setFont(style.scaled_font(bold=True))
        self.copy.clicked.connect(self._copy)
        self.confirmed.toggled.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addWidget(self.copy)
        row.addWidget(self.print_sheet)
        row.addWidget(self.copied, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.key)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.confirmed)
        self._recovery = ""

    def set_key(self, recovery: str) -> None:
        self._recovery = recovery
        groups = recovery.split("-")
        rows = ["  ".join(groups[i : i + 3]) for i in range(0, len(groups), 3)]
        self.key.setText("\n".join(rows))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._recovery)
        self.copied.setText(self.tr("Copied to the clipboard."))

    def isComplete(self) -> bool:
        return self.confirmed.isChecked()


class MakingWizard(QWizard):
    """What the register's and the workspace's wizards share: the file made on the database
    thread with the place page held, then its recovery key shown. A subclass adds
    ``place_page``, ``key_page`` and ``_failed``."""

    register_ready = Signal(object, object)  # Register, Path

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.busy = False
        self.register: object | None = None
        self.path: Path | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def _place(self) -> tuple[Path, str, str]:
        """Where to make the file, the passphrase and its confirmation, as typed."""
        page = self.place_page
        return page.cell_path(), page.passphrase.text(), page.confirm.text()

    def _make(self, path: Path, work, progress: str) -> None:
        self._set_busy(True)
        self.runner.call(
            work,
            lambda result: self._created(path, result),
            self._failed,
            progress=progress,
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.place_page.setEnabled(not busy)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
        self.place_page.completeChanged.emit()

    def _created(self, path: Path, result: tuple[object, str]) -> None:
        if not shiboken6.isValid(self):  # closed while the file was being made
            self.runner.call(result[0].close)  # type: ignore[attr-defined]
            return
        self.register, recovery = result
        self.path = path
        self._set_busy(False)
        self.key_page.set_key(recovery)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.next()

    def _failed(self, exc: BaseException) -> None:
        raise NotImplementedError


class CreateWizard(MakingWizard):
    """The three steps of a new register; ``register_ready`` carries the open register."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("New register"))
        self.cell_page, self.place_page, self.key_page = CellPage(), PlacePage(self), KeyPage()
        self.key_page.print_sheet.clicked.connect(self._print_sheet)
        for page in (self.cell_page, self.place_page, self.key_page):
            self.addPage(page)
        self.resize(820, 640)

    def create(self) -> None:
        """Create the register on the database thread, then show the key."""
        path, secret, again = self._place()
        cell = self.cell_page.values()

        def work():
            registers.check_passphrase(secret, again)
            return registers.create_register(path, secret, cell)

        self._make(path, work, self.tr("Creating the register…"))

    def _print_sheet(self) -> None:
        """The recovery sheet of the register just made (recovery_dialog.py)."""
        key = self.key_page._recovery
        print_recovery_sheet(self.runner, key, self, register=self.register)  # type: ignore[arg-type]

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, RegisterExists):
            _show(self.place_page.path_problem, str(exc))
        elif isinstance(exc, ValidationError) and exc.for_field("name") + exc.for_field("code"):
            self.cell_page.show_problems({p.field: p.message for p in exc.problems})
            self.back()
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
        super().reject()
