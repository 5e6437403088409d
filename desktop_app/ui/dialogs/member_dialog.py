"""Add or edit a person: every field of the record, checked as the user types.

Validation is the domain's own (``services.members.check`` is pure, so it runs on the GUI thread);
saving runs on the database thread and nothing closes the dialog until the save succeeded.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import catalogs
from desktop_app.domain.errors import DomainError, DuplicateError, Problem, ValidationError
from desktop_app.domain.person import FIELDS, MEMBERSHIP_LABELS, POLITICAL_THEORY, SEX_LABELS
from desktop_app.services import members
from desktop_app.services.views import PersonView
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import ERROR_COLOR, Banner, FieldMessage
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)

FIELD_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("MemberDialog", "Personal details"),
        (
            "full_name",
            "other_names",
            "sex",
            "birth_date",
            "ethnicity",
            "religion",
            "id_number",
            "native_place",
            "education",
            "political_theory",
            "profession",
            "occupation",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MemberDialog", "Party"),
        (
            "membership",
            "admission_decision_date",
            "ceremony_date",
            "official_date",
            "party_card_number",
        ),
    ),
    (QT_TRANSLATE_NOOP("MemberDialog", "Contact and notes"), ("phone", "residence", "notes")),
)
_CATALOGS: dict[str, tuple[tuple[str, ...], Callable[[str], str | None]]] = {
    "ethnicity": (catalogs.ETHNICITIES, catalogs.match_ethnicity),
    "religion": (catalogs.RELIGIONS, catalogs.match_religion),
}


def group_title(source: str) -> str:
    return QCoreApplication.translate("MemberDialog", source)


def ask_discard(parent: QWidget) -> bool:
    """Ask before throwing typed changes away (tests monkeypatch this)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("MemberDialog", "Discard changes?"),
        QCoreApplication.translate(
            "MemberDialog", "The changes you typed have not been saved. Close anyway?"
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class MemberDialog(QDialog):
    """The person form. ``saved`` holds the PersonView once the register accepted it."""

    def __init__(
        self, runner: TaskRunner, person: PersonView | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._person = person
        self.saved: PersonView | None = None
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self._touched: set[str] = set()
        self._show_all = person is not None
        self._busy = False
        self._problems: list[Problem] = []
        self._build()
        if person is not None:
            self._fill(person)
        self._initial = self.data()
        self._connect_changes()
        self._revalidate()

    @classmethod
    def ask(
        cls, runner: TaskRunner, person: PersonView | None = None, parent: QWidget | None = None
    ) -> PersonView | None:
        """Add (``person=None``) or edit a person; the saved PersonView, or None if cancelled."""
        dialog = cls(runner, person, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved if accepted else None

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        editing = self._person is not None
        self.setWindowTitle(
            fill(self.tr("Edit %1"), self._person.full_name) if editing else self.tr("Add a person")
        )
        self.form = QWidget(self)
        columns = QHBoxLayout(self.form)
        columns.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        for i, (title, names) in enumerate(FIELD_GROUPS):
            (left if i == 0 else right).addWidget(self._group(title, names))
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self._build_duplicates())
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_buttons())
        self.editors["full_name"].setFocus()

    def _group(self, title: str, names: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(group_title(title), self.form)
        box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)  # 150 % text: 1280 px
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: field below
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        line_height = QLineEdit().sizeHint().height()  # an unparented probe, freed at once
        for name in names:
            cell = QWidget(box)
            rows = QVBoxLayout(cell)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setSpacing(2)
            editor = self._editor(name, cell)
            message = FieldMessage(cell)
            rows.addWidget(editor)
            rows.addWidget(message)
            label = QLabel(FIELDS[name].label, box)
            label.setBuddy(editor)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            top = max(0, (line_height - label.fontMetrics().height()) // 2)
            label.setContentsMargins(0, top, 0, 0)  # level with the field, not its message
            form.addRow(label, cell)
            self.editors[name], self.messages[name] = editor, message
        return box

    def _editor(self, name: str, parent: QWidget) -> QWidget:
        kind = FIELDS[name].kind
        if name == "membership" and self._person is not None:
            return self._membership_label(parent)
        if name in ("sex", "membership", "political_theory"):
            return self._choice(name, parent)
        if name in _CATALOGS:
            return self._catalog(name, parent)
        if kind in ("date", "partial_date"):
            return DateEdit(partial=kind == "partial_date", parent=parent)
        if kind == "multiline":
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 5 + 12)
            return edit
        return QLineEdit(parent)

    def _membership_label(self, parent: QWidget) -> QLabel:
        assert self._person is not None
        hint = html.escape(self.tr("changes only through events"))
        label = QLabel(
            f"<b>{html.escape(self._person.status_label)}</b> "
            f"<span style='color:#5c5c5c'>({hint})</span>",
            parent,
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2)  # a dialog's height
        return label  # does not follow a wrapped label: keep room for its second line

    def _choice(self, name: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        if name == "sex":
            for code, label in SEX_LABELS.items():
                combo.addItem(label, code)
            combo.setPlaceholderText(self.tr("Choose…"))
            combo.setCurrentIndex(-1)
        elif name == "membership":
            for code, label in MEMBERSHIP_LABELS.items():
                combo.addItem(label, code)
        else:
            for value in POLITICAL_THEORY:
                combo.addItem(value or "—", value)
        return combo

    def _catalog(self, name: str, parent: QWidget) -> QComboBox:
        items, match = _CATALOGS[name]
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(items)
        combo.setCurrentIndex(-1)
        combo.setEditText("")
        completer = QCompleter(items, combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        line.editingFinished.connect(lambda: self._tidy_catalog(combo, match))
        return combo

    @staticmethod
    def _tidy_catalog(combo: QComboBox, match: Callable[[str], str | None]) -> None:
        """Typed without accents ("tay", "hmong"): show the catalog spelling ("Tày", "Mông")."""
        found = match(combo.currentText()) if combo.currentText().strip() else None
        if found and found != combo.currentText():
            combo.setEditText(found)

    def _build_duplicates(self) -> QFrame:
        self.duplicates = QFrame(self)
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setStyleSheet(
            "#duplicates { background: #fff4e0; border: 1px solid #f0c987; border-radius: 4px; }"
        )
        box = QVBoxLayout(self.duplicates)
        self.duplicates_text = QLabel(self.duplicates)
        self.duplicates_text.setWordWrap(True)
        self.save_anyway = QPushButton(
            self.tr("This is a different person, save anyway"), self.duplicates
        )
        self.save_anyway.clicked.connect(lambda: self._save(allow_duplicate=True))
        box.addWidget(self.duplicates_text)
        box.addWidget(self.save_anyway, 0, Qt.AlignmentFlag.AlignLeft)
        self.duplicates.hide()
        return self.duplicates

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- values --------------------------------------------------------------------------

    def _fill(self, person: PersonView) -> None:
        for name, editor in self.editors.items():
            value = getattr(person, name)
            if isinstance(editor, DateEdit):
                editor.set_iso(value)
            elif isinstance(editor, QComboBox) and editor.isEditable():
                editor.setEditText(value or "")
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index < 0 and value:  # an old value not in today's list
                    editor.addItem(value, value)
                    index = editor.count() - 1
                editor.setCurrentIndex(index)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif isinstance(editor, QLineEdit):
                editor.setText(value or "")
                editor.setCursorPosition(0)  # long addresses show their beginning

    def data(self) -> dict[str, object]:
        """What the form holds, as the services take it (dates as typed)."""
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[name] = (
                    editor.currentText() if editor.isEditable() else (editor.currentData() or "")
                )
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                values[name] = editor.text()
        if self._person is not None:
            values["membership"] = self._person.membership
        return values

    def _connect_changes(self) -> None:
        for name, editor in self.editors.items():

            def changed(*_args: object, name: str = name) -> None:
                self._changed(name)

            if isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(changed)
                if editor.isEditable():
                    editor.editTextChanged.connect(changed)
            elif isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.textChanged.connect(changed)

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self.duplicates.hide()
        self.banner.clear_message()
        self._revalidate()

    # -- validation ----------------------------------------------------------------------

    def _revalidate(self, extra: list[Problem] | None = None) -> None:
        """Check the whole record; say what is wrong under each field, except for fields the
        user has not reached yet and left empty (the summary asks to fill those in)."""
        data = self.data()
        checked = members.check(data)
        self._problems = checked.problems + (extra or [])
        for name, message in self.messages.items():
            visible = self._show_all or name in self._touched or bool(data.get(name))
            errors = [p.message for p in self._problems if p.field == name] if visible else []
            warnings = [p.message for p in checked.warnings if p.field == name] if visible else []
            message.show_messages(errors, warnings)
        self._show_summary()
        self.save_button.setEnabled(not self._problems and not self._busy)

    def _show_summary(self) -> None:
        """Name the fields that block saving: those still to fill in, then those marked red."""
        if not self._problems:
            self.summary.clear()
            self.summary.hide()
            return
        order = list(self.editors)
        fields = sorted({p.field for p in self._problems}, key=order.index)
        marked = [f for f in fields if self.messages[f].level == "error"]
        empty = [f for f in fields if f not in marked]
        parts = [self.tr("Cannot save yet.")]
        if empty:
            parts.append(fill(self.tr("Fill in: %1."), ", ".join(FIELDS[f].label for f in empty)))
        if marked:
            parts.append(
                fill(
                    self.tr("Correct the fields marked in red: %1."),
                    ", ".join(FIELDS[f].label for f in marked),
                )
            )
        self.summary.setStyleSheet(f"color: {ERROR_COLOR if marked else '#555555'};")
        self.summary.setText(" ".join(parts))
        self.summary.show()

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    # -- saving --------------------------------------------------------------------------

    def _changes(self) -> dict[str, object]:
        data = self.data()
        data.pop("membership", None)
        return {k: v for k, v in data.items() if v != self._initial.get(k)}

    def _save(self, allow_duplicate: bool = False) -> None:
        if self._busy or self._problems:
            return
        person = self._person
        if person is not None and not self._changes():
            self.saved = person  # nothing changed: nothing to write
            self.accept()
            return
        self._set_busy(True)
        self._runner.submit(
            self._save_work(allow_duplicate), self._save_done, self._save_failed, parent=self
        )

    def _save_work(self, allow_duplicate: bool) -> Work:
        """The write to run on the database thread (values captured now, on the GUI thread)."""
        person = self._person
        if person is None:
            data = self.data()
            return lambda reg: members.add_person(reg, data, allow_duplicate=allow_duplicate)
        changes, version = self._changes(), person.version
        return lambda reg: members.update_person(
            reg, person.id, changes, expected_version=version, allow_duplicate=allow_duplicate
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.form.setEnabled(not busy)
        self.save_anyway.setEnabled(not busy)
        self.save_button.setEnabled(not busy and not self._problems)

    def _save_done(self, view: PersonView) -> None:
        self._set_busy(False)
        self.saved = view
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DuplicateError):
            self._show_duplicates(exc)
        elif isinstance(exc, ValidationError):
            self._show_all = True
            self._revalidate(extra=[p for p in exc.problems if p not in self._problems])
        elif isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            log.exception("saving a person failed", exc_info=exc)
            self.banner.show_message(fill(self.tr("Could not save: %1"), exc))
        self.save_button.setEnabled(not self._problems)

    def _show_duplicates(self, exc: DuplicateError) -> None:
        blocking = exc.blocking
        lines = [f"• {name} ({why})" for _id, name, why in exc.matches]
        if blocking:
            intro = self.tr(
                "This ID number already belongs to someone in the register. "
                "One ID number is one person: check the number."
            )
        else:
            intro = self.tr("This person may already be in the register:")
        self.duplicates_text.setText("\n".join([intro, *lines]))
        self.save_anyway.setVisible(not blocking)
        self.duplicates.show()
        (self.editors["id_number"] if blocking else self.save_anyway).setFocus()

    def reject(self) -> None:
        if self._busy:
            return
        if self._person is None and not self._touched:
            super().reject()
            return
        if self.data() != self._initial and not ask_discard(self):
            return
        super().reject()
