"""The recovery key in the window: a new passphrase after opening with the recovery key, a new
recovery key (shown once), and the recovery sheet printed or saved as PDF.

After the unlock dialog opens a register with the recovery key, ``NewPassphraseDialog`` must
set a new passphrase before the register is shown; cancelling it closes the register again,
unchanged. ``NewRecoveryKeyDialog`` makes a new key after the passphrase is proven and, like
the create wizard, keeps the key on screen until the secretary confirms it is on paper.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.services import cell as cell_service
from desktop_app.services import passphrase
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.passphrase_dialog import (
    FitsHeight,
    NewPassphraseFields,
    Rows,
    column,
    secret_field,
    sentence,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner, FieldMessage
from desktop_app.ui.widgets.pdf_pages import a4_printer, page_images, paint_pages


def key_rows(key: str) -> str:
    """The key in three rows of three groups, as the wizard and the sheet show it."""
    groups = key.split("-")
    return "\n".join("  ".join(groups[i : i + 3]) for i in range(0, len(groups), 3))


def key_label(parent: QWidget | None = None) -> QLabel:
    label = style.set_role(QLabel(parent), "key")
    label.setFont(style.monospace(2.0))
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


# -- the sheet, printed or saved ---------------------------------------------------------------


class SheetOutput:
    """Where a recovery sheet goes: a printer or a PDF file (classmethods, so tests replace
    them)."""

    @classmethod
    def print_pdf(cls, pdf: bytes, parent: QWidget | None) -> bool:
        printer = a4_printer(QCoreApplication.translate("SheetOutput", "Recovery sheet"))
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        paint_pages(printer, page_images(pdf))
        return True

    @classmethod
    def ask_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        title = QCoreApplication.translate("SheetOutput", "Save the recovery sheet")
        pattern = QCoreApplication.translate("SheetOutput", "PDF document (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def _sheet_work(runner: TaskRunner, key: str, register: Register | None, done, failed) -> None:
    """Make the sheet's PDF on the database thread: of the runner's register, or of one not
    adopted yet (the create wizard's, the unlock dialog's)."""
    if register is None:
        runner.submit(lambda reg: passphrase.recovery_sheet_for(reg, key), done, failed)
    else:
        runner.call(lambda: passphrase.recovery_sheet_for(register, key), done, failed)


def print_recovery_sheet(
    runner: TaskRunner, key: str, parent: QWidget | None, register: Register | None = None
) -> None:
    """ "Print the recovery sheet…": the sheet of this register with this key, to a printer."""
    _sheet_work(
        runner,
        key,
        register,
        lambda pdf: SheetOutput.print_pdf(pdf, parent),
        lambda exc: _sheet_failed(exc, parent),
    )


def save_recovery_sheet(
    runner: TaskRunner,
    key: str,
    parent: QWidget | None,
    register: Register | None = None,
    on_saved=None,
) -> None:
    """ "Save as PDF…": the sheet written where the secretary chooses (a USB stick)."""

    def save(pdf: bytes) -> None:
        target = SheetOutput.ask_path(parent, "to-khoa-khoi-phuc.pdf")
        if target is None:
            return
        try:
            partial = target.with_name(target.name + ".dang-ghi")
            partial.write_bytes(pdf)
            partial.replace(target)
        except OSError as exc:
            _sheet_failed(exc, parent)
            return
        if on_saved is not None:
            on_saved(target)

    _sheet_work(runner, key, register, save, lambda exc: _sheet_failed(exc, parent))


def _sheet_failed(exc: BaseException, parent: QWidget | None) -> None:
    title = QCoreApplication.translate("SheetOutput", "Cannot make the recovery sheet")
    if isinstance(exc, (DomainError, OSError)):
        errors.MessageDialog.ask(parent, title, str(exc))
    else:
        errors.show_error(exc, parent)


# -- a new passphrase after the recovery key ---------------------------------------------------


class NewPassphraseDialog(FitsHeight):
    """Set a new passphrase for a register just opened with its recovery key (not yet
    adopted by the runner: the work runs on the database thread through ``call``)."""

    def __init__(
        self,
        runner: TaskRunner,
        register: Register,
        recovery_key: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._runner, self.register, self._key, self._busy = runner, register, recovery_key, False
        self.setWindowTitle(self.tr("Set a new passphrase"))
        self.fields = NewPassphraseFields(self)
        self.show_secret = QCheckBox(self.tr("&Show the passphrase"), self)
        self.banner = Banner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.set_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.set_button.setText(self.tr("&Set the passphrase and open"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # advice grows
        layout.setSpacing(10)
        title = style.heading(self.tr("The recovery key is right"), 1.3)
        title.setMinimumWidth(600)  # the layout sets the dialog's minimum size
        layout.addWidget(title)
        layout.addWidget(
            style.muted(
                self.tr(
                    "Choose a new passphrase now; the register opens once it is set. "
                    "The recovery key keeps working: keep the paper where it was."
                )
            )
        )
        form = Rows()
        self.fields.add_rows(form)
        form.add_row("", None, self.show_secret)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.show_secret.toggled.connect(self.fields.set_shown)
        for field in (self.fields.new, self.fields.confirm):
            field.textChanged.connect(self.revalidate)
        self.revalidate()
        runner.call(lambda: cell_service.get_cell(register), self.fields.set_cell, lambda _e: None)

    def revalidate(self, *_args: object) -> None:
        self.banner.clear_message()
        self.set_button.setEnabled(not self._busy and not self.fields.problems())

    def submit(self) -> None:
        if self._busy or self.fields.problems():
            return
        reg, key = self.register, self._key
        new, again = self.fields.new.text(), self.fields.confirm.text()
        self._set_busy(True)
        self._runner.call(
            lambda: passphrase.reset_passphrase(reg, key, new, again),
            self._done,
            self._failed,
            progress=self.tr("Setting the new passphrase…"),
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.fields.setEnabled(not busy)
        self.show_secret.setEnabled(not busy)
        self.revalidate()

    def _done(self, _advice: object) -> None:
        self._set_busy(False)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            for problem in exc.problems:
                if not self.fields.show_refusal(problem.field, problem.message):
                    self.banner.show_message(str(problem))
        elif isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def reject(self) -> None:
        if not self._busy:
            super().reject()


# -- a new recovery key ------------------------------------------------------------------------


class NewRecoveryKeyDialog(FitsHeight):
    """Prove the passphrase, make a new recovery key, show it once with the sheet's buttons;
    Close only once the secretary confirms the new key is kept."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner, self._busy = runner, False
        self.new_key = ""
        self.setWindowTitle(self.tr("New recovery key"))
        self.passphrase = secret_field(self)
        self.passphrase_message = FieldMessage(self)
        self.key = key_label(self)
        self.print_button = QPushButton(self.tr("&Print the recovery sheet…"), self)
        self.save_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.copy_button = QPushButton(self.tr("Co&py the key"), self)
        self.status = style.muted("")
        self.confirmed = QCheckBox(
            self.tr("I have printed or copied the new key and put it somewhere safe"), self
        )
        self.confirmed.setFont(style.scaled_font(bold=True))
        self.banner = Banner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.make_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(self.tr("&Make a new key"))
        self._layout()
        self._connect()
        self._show_key_part(False)
        self._typed("")

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.setSpacing(10)
        title = style.heading(self.tr("Make a new recovery key"), 1.3)
        title.setMinimumWidth(640)  # the layout sets the dialog's minimum size
        layout.addWidget(title)
        self.intro = style.muted(
            self.tr(
                "Make a new key when the paper with the recovery key is lost, or someone "
                "else may have seen it. The old key stops opening the register as soon as "
                "the new one is made. Type the passphrase to go on."
            )
        )
        layout.addWidget(self.intro)
        cell = column(self.passphrase, self.passphrase_message)
        form = Rows()
        self.passphrase_label = form.add_row(self.tr("&Passphrase:"), self.passphrase, cell)
        self.passphrase_cell = cell
        layout.addLayout(form)
        layout.addWidget(self.key)
        row = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.copy_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.passphrase.textChanged.connect(self._typed)
        self.print_button.clicked.connect(
            lambda: print_recovery_sheet(self._runner, self.new_key, self)
        )
        self.save_button.clicked.connect(
            lambda: save_recovery_sheet(self._runner, self.new_key, self, on_saved=self._saved)
        )
        self.copy_button.clicked.connect(self._copy)
        self.confirmed.toggled.connect(self._confirm_changed)

    def _show_key_part(self, shown: bool) -> None:
        for widget in (self.key, self.print_button, self.save_button, self.copy_button):
            widget.setVisible(shown)
        self.confirmed.setVisible(shown)
        self.status.setVisible(shown)
        self.passphrase_label.setVisible(not shown)
        self.passphrase_cell.setVisible(not shown)

    @classmethod
    def ask(cls, runner: TaskRunner, parent: QWidget | None = None) -> str | None:
        dialog = cls(runner, parent)
        dialog.exec()
        return dialog.new_key or None

    def _typed(self, text: str) -> None:
        self.passphrase_message.show_messages([], [])
        self.make_button.setEnabled(bool(text) and not self._busy)

    def submit(self) -> None:
        if self.new_key:
            if self.confirmed.isChecked():
                self.accept()
            return
        secret = self.passphrase.text()
        if self._busy or not secret:
            return
        self._busy = True
        self.passphrase.setEnabled(False)
        self.make_button.setEnabled(False)
        self._runner.submit(
            lambda reg: passphrase.new_recovery_key(reg, secret),
            self._made,
            self._failed,
            progress=self.tr("Making the new recovery key…"),
            parent=self,
        )

    def _made(self, key: str) -> None:
        self._busy = False
        self.new_key = key
        self.passphrase.clear()
        self.intro.setText(
            self.tr(
                "This is the new recovery key; the old one no longer opens the register. "
                "Print the recovery sheet, or copy the key onto paper, now: it will not be "
                "shown again. A saved PDF holds the key in clear: keep it on a USB stick "
                "kept apart, never on this computer."
            )
        )
        self.key.setText(key_rows(key))
        self._show_key_part(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.disconnect(self.reject)
        self.close_button.clicked.connect(self.submit)
        self.close_button.setEnabled(False)
        self.adjustSize()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.passphrase.setEnabled(True)
        self.make_button.setEnabled(bool(self.passphrase.text()))
        if isinstance(exc, ValidationError):
            self.passphrase_message.show_messages([sentence(p.message) for p in exc.problems], [])
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.new_key)
        self.status.setText(self.tr("Copied to the clipboard."))

    def _saved(self, target: Path) -> None:
        self.status.setText(self.tr("Saved: %1").replace("%1", str(target)))

    def _confirm_changed(self, checked: bool) -> None:
        if self.new_key:
            self.close_button.setEnabled(checked)

    def reject(self) -> None:
        """Cancel before the key is made; after, only once it is confirmed as kept."""
        if self._busy or (self.new_key and not self.confirmed.isChecked()):
            return
        super().reject()


def make_new_recovery_key(runner: TaskRunner, parent: QWidget | None = None) -> None:
    """The Settings page's "Make a new recovery key…"."""
    NewRecoveryKeyDialog.ask(runner, parent)
