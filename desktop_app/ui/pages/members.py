"""The Members page: find anyone in a second, filter by status, open, add, edit, record events.

All register work runs on the database thread through the TaskRunner; every search keystroke
is a query there, and results older than the latest keystroke are dropped by sequence number.
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import members
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.event_dialog import EventDialog
from desktop_app.ui.dialogs.import_dialog import ImportDialog
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.dialogs.transfer_receive_dialog import TransferReceiveDialog
from desktop_app.ui.models import people_model
from desktop_app.ui.models.people_model import (
    STATUS_GROUPS,
    PeopleFilterProxy,
    PeopleModel,
    PreparedRows,
    status_group_label,
)
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.pages.member_detail import MemberDetail
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.flow import flow_row
from desktop_app.ui.widgets.text import fill

LONG_NAME_SAMPLE = "Nguyễn Thị Phương Thảo"  # the name column fits at least this
DEFAULT_GROUP = "active"
_MEASURED = 40  # columns are sized on their longest texts only
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MembersPage(QWidget):
    """List of the register's people with search, status filter and a detail view."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._search_seq = 0
        self._load_seq = 0
        self._loaded = False
        self._fitted = False
        self._select_after_load: str | None = None
        self.model = PeopleModel(self)
        self.proxy = PeopleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_status_group(DEFAULT_GROUP)
        self._build()
        self._make_actions()
        self._update_count()
        self._update_actions()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.list_view = QWidget(self.stack)
        self.detail = MemberDetail(self._runner, self.stack)
        self.detail.back_requested.connect(self.show_list)
        self.detail.changed.connect(self._person_changed)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        layout = QVBoxLayout(self.list_view)
        layout.addLayout(self._build_filters())
        self.empty_hint = QLabel(self.list_view)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #5c5c5c; padding: 4px;")
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_buttons())

    def _build_filters(self) -> QHBoxLayout:
        self.search = QLineEdit(self.list_view)
        self.search.setPlaceholderText(
            self.tr("Search by name, with or without accents, or ID number…")
        )
        self.search.setToolTip(self.tr("Search (Ctrl+F); Esc clears it"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 30)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.status_filter = QComboBox(self.list_view)
        for key in STATUS_GROUPS:
            self.status_filter.addItem(status_group_label(key), key)
        self.status_filter.setCurrentIndex(self.status_filter.findData(DEFAULT_GROUP))
        self.status_filter.currentIndexChanged.connect(self._group_changed)
        self.count_label = QLabel(self.list_view)
        widest = fill(self.tr("Showing %1 / %2 people"), 8888, 8888)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        filter_label = QLabel(self.tr("Show:"), self.list_view)
        filter_label.setBuddy(self.status_filter)
        row.addWidget(filter_label)
        row.addWidget(self.status_filter)
        row.addSpacing(12)
        row.addWidget(self.count_label)
        return row

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self.list_view)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(people_model.NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.doubleClicked.connect(lambda _index: self.open_detail())
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.proxy.modelReset.connect(self._update_actions)
        self.proxy.layoutChanged.connect(self._update_actions)
        return table

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add person"), self.list_view)
        self.edit_button = QPushButton(self.tr("Edit"), self.list_view)
        self.event_button = QPushButton(self.tr("Record event"), self.list_view)
        self.open_button = QPushButton(self.tr("View details"), self.list_view)
        for button in (self.add_button, self.edit_button, self.event_button, self.open_button):
            row.addWidget(button)
        self.import_button = QPushButton(self.tr("&Import a list…"), self.list_view)
        self.import_button.setToolTip(
            self.tr("Bring in the cell's existing list from an Excel, LibreOffice or CSV file")
        )
        self.import_button.clicked.connect(self.import_list)
        self.receive_button = QPushButton(self.tr("&Receive a transferred member…"), self.list_view)
        self.receive_button.setToolTip(
            self.tr("Add a member transferred from another cell from the slip it gave")
        )
        self.receive_button.clicked.connect(self.receive_transfer)
        right = [self.receive_button, self.import_button]
        row.addWidget(flow_row(self.list_view, right, right=True), 1)  # wraps when narrow
        return row

    def _make_actions(self) -> None:
        specs = (
            (self.add_button, self.add_person, ("Ctrl+N",), self),
            (self.edit_button, self.edit_person, ("F2", "Ctrl+E"), self.list_view),
            (self.event_button, self.record_event, ("Ctrl+G",), self.list_view),
            (self.open_button, self.open_detail, ("Enter",), None),
        )
        for button, slot, keys, owner in specs:
            button.clicked.connect(slot)
            button.setToolTip(f"{button.text()} ({', '.join(keys)})")
            if owner is not None:
                self._shortcut(owner, button.text(), keys, slot)
        self._shortcut(self, self.tr("Search"), ("Ctrl+F",), self.focus_search)

    @staticmethod
    def _shortcut(owner: QWidget, text: str, keys: tuple[str, ...], slot) -> QAction:
        action = QAction(text, owner)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        owner.addAction(action)
        return action

    # -- keyboard ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search:
                return self._search_key(event)
            if watched is self.table and event.key() in _ENTER and not event.modifiers():
                self.open_detail()
                return True
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.search.text():
                self.search.clear()
            else:
                self.focus_table()
            return True
        if key in (*_ENTER, Qt.Key.Key_Down):
            self.focus_table()
            return True
        return False

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self._select_proxy_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register:
            self.reload()  # other pages may have changed people since we were last shown

    def _register_changed(self) -> None:
        self.model.set_rows([])
        self._loaded = self._fitted = False
        self.show_list()
        if self.isVisible():
            self.reload()
        self._update_count()

    def reload(self) -> None:
        """Reload everyone (and redo the current search) on the database thread."""
        if not self._runner.has_register:
            self.model.set_rows([])
            self._update_count()
            return
        self._load_seq += 1
        seq = self._load_seq
        self._runner.submit(
            lambda reg: PeopleModel.prepare(members.list_people(reg)),
            lambda rows: self._list_loaded(seq, rows),
        )
        self._search_changed(self.search.text())

    def _list_loaded(self, seq: int, rows: PreparedRows) -> None:
        if seq != self._load_seq:
            return
        keep = self._select_after_load or self.current_person_id()
        self._select_after_load = None
        self.model.set_prepared(rows)
        if not self._fitted:
            self._fit_columns()
            self._fitted = bool(rows.rows)  # an empty first list is fitted again once people come
        self._loaded = True
        if keep:
            self.select_person(keep)
        self._update_count()

    def _fit_columns(self) -> None:
        """Columns as wide as their contents and their (two-line) headers, without the room
        Qt keeps for a sort arrow in every header: the eight columns fit 1280 px beside the
        sidebar, and the name column always fits a long Vietnamese name."""
        metrics = self.table.horizontalHeader().fontMetrics()
        cell = self.table.fontMetrics()
        for column in range(self.model.columnCount()):
            lines = str(self.model.headerData(column, Qt.Orientation.Horizontal)).split("\n")
            title = max(metrics.horizontalAdvance(line) for line in lines) + 20
            texts = self.model.column_texts(column)  # all rows, whatever the filter shows
            longest = heapq.nlargest(_MEASURED, texts, key=len)  # measuring 10,000 is slow
            content = max((cell.horizontalAdvance(t) for t in longest), default=0) + 16
            self.table.setColumnWidth(column, max(content, title))
        wide = cell.horizontalAdvance(LONG_NAME_SAMPLE) + 24
        if self.table.columnWidth(people_model.NAME) < wide:
            self.table.setColumnWidth(people_model.NAME, wide)

    # -- search and filter ---------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self._search_seq += 1
        seq = self._search_seq
        if not self._runner.has_register:
            return
        self._runner.submit(
            lambda reg: members.search_ids(reg, text), lambda ids: self.search_done(seq, ids)
        )

    def search_done(self, seq: int, ids: list[str] | None) -> None:
        """Apply a search result unless a newer keystroke has been sent since."""
        if seq != self._search_seq:
            return
        keep = self.current_person_id()
        self.proxy.set_filter_ids(ids)
        self._after_filter(keep)

    def _group_changed(self) -> None:
        keep = self.current_person_id()
        self.proxy.set_status_group(self.status_filter.currentData())
        self._after_filter(keep)

    def set_status_group(self, key: str) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(key))

    def _after_filter(self, keep: str | None) -> None:
        if keep:
            self.select_person(keep)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self._select_proxy_row(0)
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        if not self._runner.has_register:
            self.count_label.setText(self.tr("No register is open"))
            self.empty_hint.hide()
            return
        shown, total = self.proxy.rowCount(), self.model.total()
        self.count_label.setText(fill(self.tr("Showing %1 / %2 people"), shown, total))
        self.empty_hint.setVisible(self._loaded and shown == 0)
        self.empty_hint.setText(self._empty_text())

    def _empty_text(self) -> str:
        text, everyone = self.search.text().strip(), self.proxy.status_group == "all"
        if not text:
            return self.tr("No one in this group. Choose “Everyone” to see all.")
        if everyone:
            return fill(self.tr("No one matches «%1». Try fewer letters."), text)
        return fill(
            self.tr("No one matches «%1» here. Try fewer letters, or choose “Everyone”."), text
        )

    # -- selection -----------------------------------------------------------------------

    def current_person(self) -> PersonView | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return index.data(ObjectRole)

    def current_person_id(self) -> str | None:
        person = self.current_person()
        return person.id if person else None

    def select_person(self, person_id: str) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self._select_proxy_row(index.row())
        return True

    def _select_proxy_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _update_actions(self) -> None:
        has = self.current_person() is not None
        for button in (self.edit_button, self.event_button, self.open_button):
            button.setEnabled(has)
        self.add_button.setEnabled(self._runner.has_register)
        self.import_button.setEnabled(self._runner.has_register)
        self.receive_button.setEnabled(self._runner.has_register)

    # -- actions -------------------------------------------------------------------------

    def add_person(self) -> None:
        if not self._runner.has_register:
            return
        saved = MemberDialog.ask(self._runner, None, self)
        if saved is not None:
            self._reveal(saved.id)

    def import_list(self) -> None:
        """The import dialog; everyone is reloaded once it wrote something."""
        if not self._runner.has_register:
            return
        self.show_list()
        if ImportDialog.ask(self._runner, self) is not None:
            self.reload()

    def receive_transfer(self) -> None:
        """The transfer slip dialog; the person received is shown selected."""
        if not self._runner.has_register:
            return
        self.show_list()
        received = TransferReceiveDialog.ask(self._runner, self)
        if received is not None:
            self._reveal(received.person.id)

    def edit_person(self) -> None:
        person = self.current_person()
        if person is None:
            return
        saved = MemberDialog.ask(self._runner, person, self)
        if saved is not None:
            self._reveal(saved.id)

    def record_event(self) -> None:
        person = self.current_person()
        if person is not None and EventDialog.ask(self._runner, person, self) is not None:
            self._reveal(person.id)

    def open_detail(self) -> None:
        person = self.current_person()
        if person is None:
            return
        self.detail.show_person(person, [])
        self.detail.load(person.id)
        self.stack.setCurrentWidget(self.detail)
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        if self.stack.currentWidget() is self.list_view:
            return
        person = self.detail.person
        self.stack.setCurrentWidget(self.list_view)
        if person is not None:
            self.select_person(person.id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reveal(self, person_id: str) -> None:
        """Reload and select the person; widen the filters if they would hide them."""
        self._select_after_load = person_id
        self.reload()
        self._runner.submit(lambda reg: None, lambda _r: self._ensure_visible(person_id))

    def _ensure_visible(self, person_id: str) -> None:
        if self.select_person(person_id):
            return
        self.search.clear()  # its search result arrives before the next queued callback
        self.set_status_group("all")
        self._runner.submit(lambda reg: None, lambda _r: self.select_person(person_id))

    def _person_changed(self, person_id: str) -> None:
        self._select_after_load = person_id
        self.reload()
