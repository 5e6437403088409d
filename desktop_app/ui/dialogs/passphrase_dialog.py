"""Changing the register's passphrase: the current one, the new one with its strength advice
shown as it is typed, and the new one again.

The advice is the pure rule of domain/passphrase_advice.py, run as each character is typed
(it does no I/O); the change itself runs on the database thread, since Argon2id takes about
half a second for each of its three derivations. A refusal (wrong current passphrase, weak new
one) keeps the dialog open with the message under the field, and nothing is changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.domain.passphrase_advice import Advice, rate_passphrase
from desktop_app.services import cell as cell_service
from desktop_app.services import passphrase
from desktop_app.services.views import CellView
from desktop_app.ui import errors, style
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner, FieldMessage

Echo = QLineEdit.EchoMode
COLORS = {"weak": "#b3261e", "fair": "#8a5300", "good": "#2e7d32", "strong": "#1b5e20"}


def sentence(text: str) -> str:
    """A refusal clause from the register ("không đúng; …") as a line under a field."""
    return text[:1].upper() + text[1:]


def secret_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(Echo.Password)
    return field


class Rows(QGridLayout):
    """Labelled rows, each label beside the first line of its field. (A QFormLayout keeps
    the height a row had before the wrapped advice under a field grew, and the next row
    then overlaps it.)"""

    def __init__(self) -> None:
        super().__init__()
        self.setVerticalSpacing(10)
        self.setColumnStretch(1, 1)

    def add_row(self, text: str, buddy: QWidget | None, field: QWidget) -> QLabel:
        row = self.rowCount()
        label = QLabel(text)
        if buddy is not None:
            label.setBuddy(buddy)
            label.setMinimumHeight(buddy.sizeHint().height())
        self.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(field, row, 1)
        return label


class FitsHeight(QDialog):
    """A dialog as tall as its wrapped texts need at its width. Qt grows a window to its
    layout's minimum size only, which counts a wrapped label as one line: a longer advice
    or refusal would overlap the row under it."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            layout = self.layout()
            if layout is not None and layout.hasHeightForWidth():
                need = layout.totalHeightForWidth(self.width())
                if need != self.minimumHeight():
                    self.setMinimumHeight(need)
        return handled


def column(*widgets: QWidget) -> QWidget:
    """Widgets stacked in a widget of their own, for one row: a field and what shows under
    it."""
    cell = QWidget()
    rows = QVBoxLayout(cell)
    rows.setContentsMargins(0, 0, 0, 0)
    rows.setSpacing(2)
    for widget in widgets:
        rows.addWidget(widget)
    return cell


class NewPassphraseFields(QObject):
    """The new passphrase, its strength and advice under it, and the confirmation: the part
    the change dialog and the recovery dialog share, added as rows of the dialog's form.
    ``problems`` says what blocks saving."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.cell_name, self.cell_code = "", ""
        self.new = secret_field(parent)
        self.confirm = secret_field(parent)
        self.strength = QLabel(parent)
        self.strength.setFont(style.scaled_font(bold=True))
        self.advice = QLabel(parent, wordWrap=True)
        self.new_message, self.confirm_message = FieldMessage(parent), FieldMessage(parent)
        self.new.textChanged.connect(self.refresh)
        self.confirm.textChanged.connect(self.refresh)
        self.refresh()

    def add_rows(self, form: Rows) -> None:
        new_cell = column(self.new, self.strength, self.advice, self.new_message)
        confirm_cell = column(self.confirm, self.confirm_message)
        form.add_row(self.tr("&New passphrase:"), self.new, new_cell)
        form.add_row(self.tr("&Again:"), self.confirm, confirm_cell)

    def setEnabled(self, enabled: bool) -> None:
        for field in (self.new, self.confirm):
            field.setEnabled(enabled)

    def set_cell(self, cell: CellView) -> None:
        """The cell's name and code are among the first things a guesser tries."""
        self.cell_name, self.cell_code = cell.name, cell.code
        self.refresh()

    def rating_name(self, rating: str) -> str:
        names = {
            "weak": self.tr("Weak"),
            "fair": self.tr("Fair"),
            "good": self.tr("Good"),
            "strong": self.tr("Strong"),
        }
        return names[rating]

    def current_advice(self) -> Advice | None:
        text = self.new.text()
        return rate_passphrase(text, self.cell_name, self.cell_code) if text else None

    def refresh(self, *_args: object) -> None:
        """Show the strength and the advice of what is typed now."""
        advice = self.current_advice()
        self.strength.setVisible(advice is not None)
        self.advice.setVisible(bool(advice and advice.explanation))
        if advice is not None:
            name = self.rating_name(advice.rating)
            self.strength.setText(self.tr("Strength: %1").replace("%1", name))
            self.strength.setStyleSheet(f"color: {COLORS[advice.rating]};")
            self.advice.setText(advice.explanation)
            self.advice.setStyleSheet(
                f"color: {COLORS['weak']};" if not advice.acceptable else "color: #4a4a4a;"
            )
        self.new_message.show_messages([], [])
        mismatch = self.confirm.text() and self.confirm.text() != self.new.text()
        self.confirm_message.show_messages(
            [self.tr("Does not match the new passphrase.")] if mismatch else [], []
        )

    def problems(self) -> bool:
        """Whether something blocks saving (what it is shows under the fields)."""
        advice = self.current_advice()
        return advice is None or not advice.acceptable or self.confirm.text() != self.new.text()

    def show_refusal(self, field: str, text: str) -> bool:
        """A refusal from the register under its field; False when it is not one of ours."""
        target = {"new": self.new_message, "confirm": self.confirm_message}.get(field)
        if target is None:
            return False
        target.show_messages([sentence(text)], [])
        return True

    def set_shown(self, shown: bool) -> None:
        for field in (self.new, self.confirm):
            field.setEchoMode(Echo.Normal if shown else Echo.Password)


class PassphraseDialog(FitsHeight):
    """Change the passphrase; ``advice`` holds the new passphrase's advice once changed."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner, self._busy = runner, False
        self.advice: Advice | None = None
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.old = secret_field(self)
        self.old_message = FieldMessage(self)
        self.fields = NewPassphraseFields(self)
        self.show_secret = QCheckBox(self.tr("&Show the passphrases"), self)
        self.banner = Banner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.change_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.change_button.setText(self.tr("C&hange the passphrase"))
        self._layout()
        self._connect()
        self.revalidate()
        runner.submit(cell_service.get_cell, self.fields.set_cell, lambda _exc: None)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # advice grows
        layout.setSpacing(10)
        title = style.heading(self.tr("Change the passphrase"), 1.3)
        title.setMinimumWidth(600)  # the layout sets the dialog's minimum size
        layout.addWidget(title)
        intro = style.muted(
            self.tr(
                "The register's data stay as they are and are not rewritten; the recovery "
                "key does not change either."
            )
        )
        layout.addWidget(intro)
        form = Rows()
        form.add_row(self.tr("&Current passphrase:"), self.old, column(self.old, self.old_message))
        self.fields.add_rows(form)
        form.add_row("", None, self.show_secret)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.show_secret.toggled.connect(self._echo)
        for field in (self.old, self.fields.new, self.fields.confirm):
            field.textChanged.connect(self.revalidate)
        self.old.textChanged.connect(lambda _t: self.old_message.show_messages([], []))

    def _echo(self, shown: bool) -> None:
        self.old.setEchoMode(Echo.Normal if shown else Echo.Password)
        self.fields.set_shown(shown)

    @classmethod
    def ask(cls, runner: TaskRunner, parent: QWidget | None = None) -> Advice | None:
        dialog = cls(runner, parent)
        return dialog.advice if dialog.exec() == QDialog.DialogCode.Accepted else None

    def revalidate(self, *_args: object) -> None:
        self.banner.clear_message()
        blocked = not self.old.text() or self.fields.problems()
        self.change_button.setEnabled(not self._busy and not blocked)

    def submit(self) -> None:
        if self._busy or not self.old.text() or self.fields.problems():
            return
        old, new, again = self.old.text(), self.fields.new.text(), self.fields.confirm.text()
        self._set_busy(True)
        self._runner.submit(
            lambda reg: passphrase.change_passphrase(reg, old, new, again),
            self._done,
            self._failed,
            progress=self.tr("Changing the passphrase…"),
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.old, self.fields, self.show_secret):
            widget.setEnabled(not busy)
        self.revalidate()

    def _done(self, advice: Advice) -> None:
        self._set_busy(False)
        self.advice = advice
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            for problem in exc.problems:
                if problem.field == "old":
                    self.old_message.show_messages([sentence(problem.message)], [])
                    self.old.selectAll()
                    self.old.setFocus()
                elif not self.fields.show_refusal(problem.field, problem.message):
                    self.banner.show_message(str(problem))
        elif isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def change_passphrase(runner: TaskRunner, parent: QWidget | None = None) -> None:
    """The Settings page's "Change the passphrase…": the dialog, then what changed."""
    if PassphraseDialog.ask(runner, parent) is None:
        return
    errors.MessageDialog.ask(
        parent,
        QCoreApplication.translate("PassphraseDialog", "Passphrase changed"),
        QCoreApplication.translate(
            "PassphraseDialog",
            "From now on the register opens with the new passphrase. The recovery key "
            "has not changed: the paper you keep still opens the register.",
        ),
        icon=errors.Icon.Information,
    )
