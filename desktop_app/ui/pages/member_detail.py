"""One person: every field with its Vietnamese label, ID numbers masked with a Show button (the
reveal is journalled), the status with its overlays, and the timeline of events, with Edit,
Record event, Undo last event and the history of changes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.id_mask import ID_FIELDS, mask_id
from desktop_app.domain.person import FIELDS, SEX_LABELS
from desktop_app.services import audit, members
from desktop_app.services.views import EventView, PersonView
from desktop_app.ui.dialogs.audit_dialog import AuditDialog
from desktop_app.ui.dialogs.event_dialog import EventDialog
from desktop_app.ui.dialogs.member_dialog import FIELD_GROUPS, MemberDialog, group_title
from desktop_app.ui.dialogs.transfer_slip_dialog import TransferSlipDialog, can_write_slip
from desktop_app.ui.models import events_model
from desktop_app.ui.models.events_model import EventsModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.flow import flow_row
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.print_forms_button import PrintFormsButton
from desktop_app.ui.widgets.text import fill
from desktop_app.ui.widgets.wrap_when_narrow import WrapWhenNarrow

_EMPTY = "—"


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A confirmation with No as the default answer (tests monkeypatch this)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def field_text(person: PersonView, name: str) -> str:
    """A field as the detail view shows it (ID numbers masked, dd/mm/yyyy dates)."""
    value = getattr(person, name)
    kind = FIELDS[name].kind
    if name in ID_FIELDS:
        return mask_id(value)
    if name == "sex":
        return SEX_LABELS.get(value, value)
    if name == "membership":
        return person.status_label
    if kind in ("date", "partial_date"):
        return vn_from_iso(value)
    return value or ""


def last_event(events: list[EventView]) -> EventView | None:
    """The event ``undo_last_event`` withdraws: the one recorded last."""
    return max(events, key=lambda e: e.created_at, default=None)


class MemberDetail(QWidget):
    """The detail page of one person, shown in place of the list (with a back button)."""

    back_requested = Signal()
    changed = Signal(str)  # person id, after an edit, an event or an undo

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._seq = 0
        self.person: PersonView | None = None
        self.events: list[EventView] = []
        self.values: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        self._build()
        self._make_actions()
        self._set_enabled(False)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        """Header, then the fields in two columns, then the timeline across the whole width
        (room for the decision number, place and reason on a 1280 x 800 screen)."""
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        layout.addWidget(self._build_fields())
        layout.addWidget(self._build_timeline(), 1)

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the list"), self)
        self.back_button.setToolTip(self.tr("Back to the list (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.name_label = QLabel(self)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(
            "background: #e8eef7; border-radius: 4px; padding: 3px 8px;"
        )
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.event_button = QPushButton(self.tr("Record event"), self)
        self.undo_button = QPushButton(self.tr("&Undo last event…"), self)
        self.history_button = QPushButton(self.tr("History of changes…"), self)
        self.history_button.setToolTip(
            self.tr("Every change to this person's records: who, when, before and after")
            + " (Ctrl+H)"
        )
        self.print_button = PrintFormsButton(self._runner, self)  # the forms that apply
        self.transfer_button = QPushButton(self.tr("Transfer &slip…"), self)
        self.transfer_button.setToolTip(
            self.tr("The slip the receiving cell imports: the person keeps the same record")
        )
        self.transfer_button.clicked.connect(self.write_transfer_slip)
        row.addWidget(self.back_button)
        row.addSpacing(12)
        row.addWidget(WrapWhenNarrow(self.name_label, self))  # a long name wraps
        row.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        buttons = [self.edit_button, self.event_button, self.undo_button]
        buttons += [self.history_button, self.transfer_button, self.print_button]
        row.addWidget(flow_row(self, buttons, right=True), 4)  # two lines if need be
        return row

    def _build_fields(self) -> QScrollArea:
        self.fields = QWidget()
        columns = QHBoxLayout(self.fields)
        columns.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        right_keys: list[QLabel] = []
        for i, (title, names) in enumerate(FIELD_GROUPS):
            keys: list[QLabel] = []
            (left if i == 0 else right).addWidget(self._field_group(title, names, keys))
            right_keys += keys if i > 0 else []
        width = max(label.sizeHint().width() for label in right_keys)
        for label in right_keys:  # the right column's two groups line their values up
            label.setMinimumWidth(width)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.fields_scroll = QScrollArea(self)
        self.fields_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is in it
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields_scroll.setWidget(self.fields)
        return self.fields_scroll

    def _field_group(self, title: str, names: tuple[str, ...], keys: list[QLabel]) -> QGroupBox:
        box = QGroupBox(group_title(title), self.fields)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # large text: value below
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for name in names:
            key = self._muted(
                FIELDS[name].label if name != "membership" else self.tr("Status"), box
            )
            value = QLabel(box)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(key, self._revealable(name, value, box) if name in ID_FIELDS else value)
            self.values[name] = value
            keys.append(key)
        if "membership" in names:  # the Party group also says when someone left
            self.exit_label = self._muted(self.tr("Left the cell on"), box)
            self.exit_value = QLabel(box)
            form.addRow(self.exit_label, self.exit_value)
            keys.append(self.exit_label)
        return box

    def _revealable(self, name: str, value: QLabel, parent: QWidget) -> QWidget:
        """A masked number with a Show button beside it."""
        holder = QWidget(parent)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Show"), holder)
        button.setToolTip(self.tr("Show the full number (the change history records it)"))
        button.setFlat(True)
        button.setStyleSheet("color: #1f4e8c; text-decoration: underline; padding: 0 4px;")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _=False, n=name: self.reveal(n))
        row.addWidget(value)
        row.addWidget(button)
        row.addStretch(1)
        self.reveal_buttons[name] = button
        return holder

    @staticmethod
    def _muted(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setStyleSheet("color: #555555;")
        return label

    def _fit_fields(self) -> None:
        """Show every field without scrolling unless a long note would squeeze the timeline."""
        width = self.fields_scroll.viewport().width()
        wanted = (
            self.fields.heightForWidth(width)
            if self.fields.hasHeightForWidth()
            else self.fields.sizeHint().height()
        ) + 4
        self.fields_scroll.setFixedHeight(min(wanted, max(240, self.height() // 2)))

    def _build_timeline(self) -> QGroupBox:
        box = QGroupBox(self.tr("History (newest first)"), self)
        self.events_model = EventsModel(self)
        self.timeline = QTableView(box)
        self.timeline.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.timeline.setModel(self.events_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().hide()
        self.timeline.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )  # long reasons wrap
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(events_model.REASON, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.empty_timeline = QLabel(self.tr("No events recorded yet."), box)
        self.empty_timeline.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(box)
        layout.addWidget(self.timeline)
        layout.addWidget(self.empty_timeline)
        return box

    def _make_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        specs = (
            (self.edit_button, self.edit, ("F2", "Ctrl+E")),
            (self.event_button, self.record_event, ("Ctrl+G",)),
            (self.undo_button, self.undo_last_event, ()),
            (self.history_button, self.show_history, ("Ctrl+H",)),
        )
        for button, slot, keys in specs:
            button.clicked.connect(slot)
            if keys and button is not self.history_button:  # that one says what it shows
                button.setToolTip(f"{button.text()} ({', '.join(keys)})")
            if keys:
                action = QAction(button.text(), self)
                action.setShortcuts([QKeySequence(k) for k in keys])
                action.setShortcutContext(context)
                action.triggered.connect(lambda _=False, b=button: b.isEnabled() and b.click())
                self.addAction(action)
        back = QAction(self.tr("Back to the list"), self)
        back.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence("Alt+Left")])
        back.setShortcutContext(context)
        back.triggered.connect(self.back_requested)
        self.addAction(back)

    # -- loading -------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        """Fetch the person and their events on the database thread."""
        self._seq += 1
        seq = self._seq
        self.banner.clear_message()
        self._runner.submit(
            lambda reg: (members.get_person(reg, person_id), members.list_events(reg, person_id)),
            lambda result: self._loaded(seq, *result),
            self._load_failed,
        )

    def reload(self) -> None:
        if self.person is not None:
            self.load(self.person.id)

    def _loaded(self, seq: int, person: PersonView, events: list[EventView]) -> None:
        if seq != self._seq:
            return  # a newer load is on its way
        self.show_person(person, events)

    def _load_failed(self, exc: BaseException) -> None:
        self.banner.show_message(str(exc))

    def show_person(self, person: PersonView, events: list[EventView]) -> None:
        """Fill the view (also used directly by tests and by the list for a quick first paint)."""
        self.person, self.events = person, list(events)
        self.name_label.setText(person.full_name)
        self.status_label.setText(person.status_label)
        for name, label in self.values.items():
            self._set_value(label, field_text(person, name))
        for name, button in self.reveal_buttons.items():
            button.setVisible(bool(getattr(person, name)))
            button.setEnabled(True)
        has_exit = person.exit_date is not None
        self.exit_label.setVisible(has_exit)
        self.exit_value.setVisible(has_exit)
        self.exit_value.setText(vn_from_iso(person.exit_date))
        self.events_model.set_rows(events)
        self._fit_fields()
        self.timeline.setVisible(bool(events))
        self.empty_timeline.setVisible(not events)
        self._set_enabled(True)
        self.print_button.set_person(person.id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fields()

    @staticmethod
    def _set_value(label: QLabel, text: str) -> None:
        label.setText(text or _EMPTY)
        label.setStyleSheet("" if text else "color: #8a8a8a;")

    def _set_enabled(self, enabled: bool) -> None:
        self.edit_button.setEnabled(enabled)
        self.event_button.setEnabled(enabled)
        self.undo_button.setEnabled(enabled and bool(self.events))
        self.history_button.setEnabled(enabled)
        self.transfer_button.setVisible(self.person is not None and can_write_slip(self.person))
        self.transfer_button.setEnabled(enabled)

    # -- actions -------------------------------------------------------------------------

    def edit(self) -> None:
        if self.person is None:
            return
        saved = MemberDialog.ask(self._runner, self.person, self)
        if saved is not None:
            self._after_change(saved.id)

    def record_event(self) -> None:
        if self.person is None:
            return
        if EventDialog.ask(self._runner, self.person, self) is not None:
            self._after_change(self.person.id)

    def undo_last_event(self) -> None:
        event = last_event(self.events)
        if self.person is None or event is None:
            return
        text = fill(
            self.tr(
                "Withdraw the last event of %1: %2 on %3?\n"
                "The status it changed goes back to what it was."
            ),
            self.person.full_name,
            event.label,
            vn_from_iso(event.date),
        )
        if not ask_yes_no(self, self.tr("Undo last event"), text):
            return
        person_id = self.person.id
        self._set_enabled(False)
        self._runner.submit(
            lambda reg: members.undo_last_event(reg, person_id),
            lambda _event: self._after_change(person_id),
            self._undo_failed,
        )

    def reveal(self, name: str) -> None:
        """Show one full number; the service journals that it was shown."""
        if self.person is None:
            return
        person_id, button = self.person.id, self.reveal_buttons[name]
        button.setEnabled(False)
        self._runner.submit(
            lambda reg: audit.reveal_id(reg, person_id, name),
            lambda number: self._revealed(person_id, name, number),
            self._reveal_failed,
        )

    def _revealed(self, person_id: str, name: str, number: str) -> None:
        if self.person is None or self.person.id != person_id:
            return  # another person is shown by now
        self._set_value(self.values[name], number)
        self.reveal_buttons[name].hide()

    def _reveal_failed(self, exc: BaseException) -> None:
        for button in self.reveal_buttons.values():
            button.setEnabled(True)
        self.banner.show_message(str(exc))

    def write_transfer_slip(self) -> None:
        if self.person is None or not can_write_slip(self.person):
            return
        if TransferSlipDialog.ask(self._runner, self.person, self.events, self) is not None:
            self._after_change(self.person.id)  # the transfer out may be recorded with it

    def show_history(self) -> None:
        if self.person is not None:
            AuditDialog.open_for(self._runner, self, self.person.id, self.person.full_name)

    def _undo_failed(self, exc: BaseException) -> None:
        self._set_enabled(self.person is not None)
        self.banner.show_message(str(exc))

    def _after_change(self, person_id: str) -> None:
        self.load(person_id)
        self.changed.emit(person_id)
