"""The change history: every journal entry (who, when, which record, what changed from what to
what), for one person or the whole register, with the state of the hash chain on top.

ID numbers are masked; "Show ID numbers" shows one person's in full and the journal records
that it was done. The journal is read on the database thread (services/audit.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import DateFormatError, vn_from_iso
from desktop_app.domain.numbers import vn_int
from desktop_app.services import audit, members
from desktop_app.services.audit import AuditFilter, AuditReport
from desktop_app.services.views import PersonView
from desktop_app.ui.models import audit_model
from desktop_app.ui.models.audit_model import AuditModel, ChangesModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.flow import flow_row
from desktop_app.ui.widgets.messages import ERROR_COLOR, Banner
from desktop_app.ui.widgets.text import fill

SEARCH_DELAY_MS = 250
MATCHES_SHOWN = 30
_OK_STYLE = "color: #1e6b2f; background: #e7f4ea; border: 1px solid #a8d5b1;"
_BROKEN_STYLE = f"color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f1b0aa;"
_BOX = " border-radius: 4px; padding: 6px; font-weight: bold;"


class AuditDialog(QDialog):
    """A window of its own beside the main one (not modal: the secretary may compare)."""

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        person_id: str | None = None,
        person_name: str = "",
    ):
        super().__init__(parent)
        self._runner = runner
        self._person_id, self._person_name = person_id, person_name
        self._load_seq = self._search_seq = 0
        self._dates = ("", "")
        self.report: AuditReport | None = None
        self.setWindowTitle(self.tr("Change history"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1200, 760)
        self._build()
        self.person_edit.setText(person_name)
        self.load()

    @classmethod
    def open_for(
        cls,
        runner: TaskRunner,
        parent: QWidget | None,
        person_id: str | None = None,
        person_name: str = "",
    ) -> AuditDialog:
        """Show the history (of one person, or of the whole register) without blocking."""
        dialog = cls(runner, parent, person_id, person_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.chain_label = QLabel(self)
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chain_label.hide()
        layout.addWidget(self.chain_label)
        layout.addLayout(self._build_filters())
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #555555;")
        layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._build_table())
        splitter.addWidget(self._build_changes())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build_filters(self) -> QHBoxLayout:
        self.person_edit = QLineEdit(self)
        self.person_edit.setPlaceholderText(self.tr("Everyone — type a name to see one person"))
        self.person_edit.setClearButtonEnabled(True)
        self.person_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[QModelIndex].connect(self._match_chosen)
        self.person_edit.setCompleter(self.completer)
        self.person_edit.textEdited.connect(self._person_typed)
        self.person_edit.returnPressed.connect(self._choose_single_match)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("All records"), None)
        for key, label in audit.ENTITY_LABELS.items():
            self.kind_box.addItem(label, key)
        self.kind_box.currentIndexChanged.connect(lambda _i: self.load())
        self.start_edit, self.end_edit = DateEdit(parent=self), DateEdit(parent=self)
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
            edit.editingFinished.connect(self._dates_changed)
        self.reveal_button = QPushButton(self.tr("Show ID numbers"), self)
        self.reveal_button.setToolTip(
            self.tr(
                "Show this person's ID and party card numbers in full. "
                "The change history records that you looked."
            )
        )
        self.reveal_button.clicked.connect(self.reveal)
        pairs: list[QWidget] = []
        for label, widget in (
            (self.tr("Person:"), self.person_edit),
            (self.tr("Kind:"), self.kind_box),
            (self.tr("From:"), self.start_edit),
            (self.tr("To:"), self.end_edit),
        ):
            pair = QWidget(self)
            buddy = QLabel(label, pair)
            buddy.setBuddy(widget)
            line = QHBoxLayout(pair)
            line.setContentsMargins(0, 0, 6, 0)
            line.addWidget(buddy)
            line.addWidget(widget)
            pairs.append(pair)
        row = QHBoxLayout()
        row.addWidget(flow_row(self, [*pairs, self.reveal_button]), 1)  # two lines if need be
        return row

    def _build_table(self) -> QTableView:
        self.model = AuditModel(self)
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            audit_model.WHEN: 130, audit_model.WHO: 130, audit_model.KIND: 150,
            audit_model.RECORD: 300, audit_model.ACTION: 100,
        }  # fmt: skip
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_changes())
        return table

    def _build_changes(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        self.changes_title = QLabel(self.tr("Fields changed in the selected entry"), box)
        self.changes_model = ChangesModel(self)
        self.changes = QTableView(box)
        self.changes.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.changes.setModel(self.changes_model)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        self.changes.verticalHeader().hide()
        self.changes.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(audit_model.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(audit_model.BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(audit_model.AFTER, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.changes_title)
        layout.addWidget(self.changes)
        return box

    # -- loading -------------------------------------------------------------------------

    def filters(self) -> AuditFilter:
        """The filters as shown; DateFormatError (Vietnamese, naming the field) for a date
        typed wrong."""
        key = self.kind_box.currentData()
        return AuditFilter(
            person_id=self._person_id,
            start=self._date(self.start_edit, self.tr("From:")),
            end=self._date(self.end_edit, self.tr("To:")),
            kinds=frozenset({key}) if key else None,
        )

    @staticmethod
    def _date(edit: DateEdit, label: str) -> dt.date | None:
        try:
            return edit.date()
        except DateFormatError as exc:
            raise DateFormatError(f"{label} {exc}") from None

    def load(self, reveal: bool = False) -> None:
        """Read the journal on the database thread (with a progress note on a big register)."""
        self._dates = (self.start_edit.text(), self.end_edit.text())
        try:
            filters = self.filters()
        except DateFormatError as exc:
            self.banner.show_message(str(exc))
            return
        self._load_seq += 1
        seq = self._load_seq
        self.banner.clear_message()
        self.reveal_button.setEnabled(False)
        self._runner.submit(
            lambda reg: audit.trail(reg, filters, reveal=reveal),
            lambda report: self._loaded(seq, report),
            lambda exc: self._failed(seq, exc),
            progress=self.tr("Reading the change history…"),
            parent=self,
        )

    def reveal(self) -> None:
        """Show the chosen person's numbers in full (journalled by the service)."""
        if self._person_id is not None:
            self.load(reveal=True)

    def _loaded(self, seq: int, report: AuditReport) -> None:
        if seq != self._load_seq:
            return  # a newer read is on its way
        self.report = report
        self._show_chain(report)
        self.model.set_rows(report.entries)
        self.count_label.setText(self._count_text(report))
        self.reveal_button.setEnabled(self._person_id is not None and not report.revealed)
        if report.entries:
            self.table.selectRow(0)
        self._show_changes()

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._load_seq:
            self.reveal_button.setEnabled(self._person_id is not None)
            self.banner.show_message(str(exc))

    def _show_chain(self, report: AuditReport) -> None:
        if report.chain_ok:
            text = fill(self.tr("Journal chain intact: %1 entries"), vn_int(report.chain_entries))
            style = _OK_STYLE
        else:
            lines = "\n".join(f"• {p}" for p in report.chain_problems)
            text = self.tr("The journal chain is broken or was altered:") + "\n" + lines
            style = _BROKEN_STYLE
        self.chain_label.setText(text)
        self.chain_label.setStyleSheet(style + _BOX)
        self.chain_label.show()

    def _count_text(self, report: AuditReport) -> str:
        count = vn_int(len(report.entries))
        if report.person_name:
            text = fill(self.tr("%1 entries about %2, newest first"), count, report.person_name)
        else:
            text = fill(self.tr("%1 entries, newest first"), count)
        if report.revealed:
            text += " " + self.tr("(ID numbers shown in full; this was recorded)")
        return text

    def _show_changes(self) -> None:
        index = self.table.currentIndex()
        entry = self.model.entry(index.row()) if index.isValid() else None
        self.changes_model.set_entry(entry)

    def _dates_changed(self) -> None:
        """Reload when a date really changed (editing finishes on every focus change)."""
        dates = (self.start_edit.text(), self.end_edit.text())
        if dates != self._dates:
            self.load()

    def done(self, result: int) -> None:
        self._search_timer.stop()  # nothing more for the database thread from this window
        super().done(result)

    # -- choosing a person ---------------------------------------------------------------

    def _person_typed(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self.set_person(None)
            return
        self._search_timer.start()

    def _search(self) -> None:
        """Search as the Members list does: with or without accents."""
        self._search_seq += 1
        seq, text = self._search_seq, self.person_edit.text()
        self._runner.submit(
            lambda reg: members.search_people(reg, text)[:MATCHES_SHOWN],
            lambda people: self._matches_found(seq, people),
            lambda exc: self.banner.show_message(str(exc)),
        )

    def _matches_found(self, seq: int, people: list[PersonView]) -> None:
        if seq != self._search_seq:
            return
        self.matches.clear()
        for person in people:
            born = vn_from_iso(person.birth_date)
            item = QStandardItem(f"{person.full_name} ({born})" if born else person.full_name)
            item.setData(person.id, Qt.ItemDataRole.UserRole)
            item.setData(person.full_name, Qt.ItemDataRole.UserRole + 1)
            self.matches.appendRow(item)
        if people and self.person_edit.hasFocus():
            self.completer.complete()

    def _match_chosen(self, index: QModelIndex) -> None:
        person_id = index.data(Qt.ItemDataRole.UserRole)
        name = index.data(Qt.ItemDataRole.UserRole + 1)
        QTimer.singleShot(0, lambda: self.person_edit.setText(name))  # after the completer
        self.set_person(person_id, name)

    def _choose_single_match(self) -> None:
        if self.matches.rowCount() == 1:
            self._match_chosen(self.matches.index(0, 0))

    def set_person(self, person_id: str | None, name: str = "") -> None:
        """Show one person's history (None: the whole register)."""
        if person_id == self._person_id:
            return
        self._person_id, self._person_name = person_id, name
        self.load()
