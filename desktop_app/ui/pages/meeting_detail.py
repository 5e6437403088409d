"""The right side of the meetings page: the chosen meeting's fields, its tally and its roll call,
where the selected line's attendance changes with one key (C có mặt, M đến muộn, P vắng có lý
do, V vắng không lý do, Delete back to the default) or a button, saved at once. Guests and
people who came without being expected are added here; a training class also lists the
certificates it gave and records new ones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.attendance import CLASS_KINDS, ROLL_KINDS, STATUSES, percent_text
from desktop_app.domain.errors import DomainError
from desktop_app.services.meetings import MeetingDetail, MeetingView, RollLine
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.certificate_dialog import CertificateDialog
from desktop_app.ui.dialogs.roll_dialogs import AttendeeDialog, GuestDialog, ReasonDialog, mark_work
from desktop_app.ui.models import roll_model
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.models.roll_model import CertificatesModel, RollModel, line_key
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.print_forms_button import PrintFormsButton
from desktop_app.ui.widgets.text import fill

# One key a status (the Vietnamese initials), Delete or Backspace for the default.
KEYS: dict[int, str | None] = {
    Qt.Key.Key_C: "present",
    Qt.Key.Key_M: "late",
    Qt.Key.Key_P: "excused",
    Qt.Key.Key_V: "absent",
    Qt.Key.Key_Delete: None,
    Qt.Key.Key_Backspace: None,
}
KEY_NAMES = {"present": "C", "late": "M", "excused": "P", "absent": "V"}
FIELDS = ("topic", "place", "chair", "minute_taker", "resolution", "notes")


def roll_open(meeting: MeetingView, today: dt.date) -> bool:
    """The roll can be taken: the meeting was held, and not on a day still to come."""
    return meeting.held and meeting.date <= today.isoformat()


class MeetingDetailView(QWidget):
    """Shows a MeetingDetail; ``written`` tells the meeting id after each roll-call write."""

    written = Signal(str)

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._fixed_today = today
        self.detail: MeetingDetail | None = None
        self.roll_model = RollModel(self)
        self.certificates_model = CertificatesModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_fields())
        self.tally_label = QLabel(self)
        self.tally_label.setWordWrap(True)
        self.tally_label.setFont(style.scaled_font(1.0, bold=True))
        layout.addWidget(self.tally_label)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        layout.addWidget(self._build_roll(), 3)
        self.hint = style.muted("")
        layout.addWidget(self.hint)
        layout.addLayout(self._build_status_buttons())
        layout.addLayout(self._build_add_buttons())
        layout.addWidget(self._build_certificates(), 1)
        self.filler = QWidget(self)  # takes the room of the roll a planned meeting has not
        layout.addWidget(self.filler, 1)
        self.empty = style.muted(self.tr("Choose a meeting in the list to see its roll call."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        self.show_detail(None)

    # -- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.title_label = QLabel(self)
        self.title_label.setFont(style.scaled_font(1.3, bold=True))
        self.title_label.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("background: #e8eef7; border-radius: 4px; padding: 3px 8px;")
        self.print_button = PrintFormsButton(self._runner, self, today=self._fixed_today)
        row = QHBoxLayout()
        row.addWidget(self.title_label, 1)
        row.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_fields(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        names = {
            "topic": self.tr("Topic"),
            "place": self.tr("Place"),
            "chair": self.tr("Chaired by"),
            "minute_taker": self.tr("Minutes by"),
            "resolution": self.tr("Resolution no."),
            "notes": self.tr("Notes"),
        }
        places = {
            "topic": (0, 0, 3),
            "place": (1, 0, 1),
            "resolution": (1, 2, 1),
            "chair": (2, 0, 1),
            "minute_taker": (2, 2, 1),
            "notes": (3, 0, 3),
        }
        self.values: dict[str, QLabel] = {}
        top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        for key in FIELDS:
            row, column, span = places[key]
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            grid.addWidget(style.muted(names[key]), row, column, top_right)
            grid.addWidget(value, row, column + 1, 1, span)
        self.fields_grid = grid
        return grid

    def _build_roll(self) -> QTableView:
        table = self.roll_table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.roll_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)  # a long guest's name or reason takes two lines
        table.verticalHeader().hide()
        table.verticalHeader().setMinimumSectionSize(table.fontMetrics().lineSpacing() + 8)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(roll_model.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(roll_model.REASON, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        return table

    def _fit_names(self) -> None:
        """The name column as wide as the longest name, within limits (long guests wrap)."""
        metrics = self.roll_table.fontMetrics()
        widths = [metrics.horizontalAdvance(line.name) for line in self.roll_model.rows()]
        title = metrics.horizontalAdvance(
            str(self.roll_model.headerData(0, Qt.Orientation.Horizontal))
        )
        chars = metrics.averageCharWidth()
        width = max([title, *widths]) + 20
        self.roll_table.setColumnWidth(roll_model.NAME, max(chars * 16, min(width, chars * 28)))

    def _build_status_buttons(self) -> QGridLayout:
        """Two short rows, so the detail stays narrow enough for the list beside it."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.status_buttons: dict[str | None, QPushButton] = {}
        tips = {
            "present": self.tr("Present at the meeting (key C)"),
            "late": self.tr("Came late (key M)"),
            "excused": self.tr("Absent with a reason, which is asked (key P)"),
            "absent": self.tr("Absent without a reason (key V)"),
        }
        for number, (code, key) in enumerate(KEY_NAMES.items()):
            dots = "…" if code == "excused" else ""
            button = QPushButton(f"{STATUSES[code]}{dots} ({key})", self)
            button.setToolTip(tips[code])
            button.clicked.connect(lambda _=False, c=code: self.set_status(c))
            self.status_buttons[code] = button
            grid.addWidget(button, number // 2, number % 2)
        clear = QPushButton(self.tr("Default (Del)"), self)
        clear.setToolTip(
            self.tr(
                "Back to the default: a member expected is present; anyone else is taken "
                "off the roll (key Delete)"
            )
        )
        clear.clicked.connect(lambda: self.set_status(None))
        self.status_buttons[None] = clear
        grid.addWidget(clear, 0, 2)
        grid.setColumnStretch(3, 1)
        return grid

    def _build_add_buttons(self) -> QHBoxLayout:
        self.guest_button = QPushButton(self.tr("Add &guest…"), self)
        self.guest_button.setToolTip(self.tr("A guest who came: their name"))
        self.guest_button.clicked.connect(self.add_guest)
        self.attendee_button = QPushButton(self.tr("Add &attendee…"), self)
        self.attendee_button.setToolTip(
            self.tr(
                "Someone of the cell who came without being expected: an exempted member, "
                "a candidate"
            )
        )
        self.attendee_button.clicked.connect(self.add_attendee)
        self.certificate_button = QPushButton(self.tr("Record &certificate…"), self)
        self.certificate_button.setToolTip(
            self.tr("The certificate this class gave one attendee (it goes on their record)")
        )
        self.certificate_button.clicked.connect(self.record_certificate)
        row = QHBoxLayout()
        for button in (self.guest_button, self.attendee_button, self.certificate_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_certificates(self) -> QWidget:
        box = self.certificates_box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.certificates_title = style.muted(self.tr("Certificates issued by this class"))
        table = self.certificates_table = QTableView(box)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.certificates_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(roll_model.CERT_NAME, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.certificates_title)
        layout.addWidget(table)
        return box

    # -- showing ---------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def meeting(self) -> MeetingView | None:
        return self.detail.meeting if self.detail else None

    def show_detail(self, detail: MeetingDetail | None) -> None:
        """Show a meeting (None: nothing chosen), keeping the selected line."""
        keep = self.current_line()
        self.detail = detail
        shown = detail is not None
        for widget in self._parts():
            widget.setVisible(shown)
        for widget in (self.certificates_box, self.certificate_button, self.filler):
            widget.setVisible(False)
        self.empty.setVisible(not shown)
        self.print_button.set_meeting(detail.meeting.id if detail else None)
        if detail is None:
            self.roll_model.set_rows([])
            self.certificates_model.set_rows([])
            return
        self._show_fields(detail.meeting)
        self.tally_label.setText(self.tally_text(detail.meeting))
        self.roll_model.set_rows(detail.roll)
        self._fit_names()
        self._reselect(line_key(keep) if keep else None)
        training = detail.meeting.held and detail.meeting.kind == "training"
        training = training and bool(detail.meeting.class_kind)
        self.certificates_model.set_rows(detail.certificates)
        self.certificates_box.setVisible(training)
        self.certificate_button.setVisible(training)
        self._update_actions()

    def _parts(self) -> list[QWidget]:
        grid = [self.fields_grid.itemAt(i).widget() for i in range(self.fields_grid.count())]
        header = [self.title_label, self.state_label, self.print_button]
        return [*header, *grid, self.hint, *self._roll_parts()]

    def _roll_parts(self) -> list[QWidget]:
        """What only a meeting held shows: the figures, the roll and its buttons."""
        return [
            self.tally_label,
            self.roll_table,
            *self.status_buttons.values(),
            self.guest_button,
            self.attendee_button,
        ]

    def _show_fields(self, meeting: MeetingView) -> None:
        self.title_label.setText(meeting.title)
        self.state_label.setText(self.tr("Held") if meeting.held else self.tr("Planned"))
        topic = meeting.topic
        if meeting.class_kind:
            label = CLASS_KINDS.get(meeting.class_kind, "")
            topic = f"{label} — {topic}" if topic else label
        texts = {
            "topic": topic,
            "place": meeting.place,
            "chair": meeting.chair_name,
            "minute_taker": meeting.minute_taker_name,
            "resolution": meeting.resolution,
            "notes": meeting.notes,
        }
        for key, value in self.values.items():
            value.setText(texts[key] or "—")

    def _reselect(self, key: str | None) -> None:
        row = self.roll_model.row_of(key) if key else None
        if row is None:
            self.roll_table.clearSelection()
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        index = self.roll_model.index(row, 0)
        self.roll_table.selectionModel().setCurrentIndex(index, flags)
        self.roll_table.scrollTo(index)

    def select_line(self, row: int) -> None:
        """Make a roll line the current one (the keys act on it)."""
        self._reselect(line_key(self.roll_model.row_at(row)))
        self.roll_table.setFocus()

    def current_line(self) -> RollLine | None:
        index = self.roll_table.currentIndex()
        if not index.isValid() or not self.roll_table.selectionModel().isRowSelected(index.row()):
            return None
        return index.data(ObjectRole)

    def _update_actions(self) -> None:
        meeting = self.meeting()
        is_open = meeting is not None and roll_open(meeting, self.today())
        line = self.current_line() if is_open else None
        for button in self.status_buttons.values():
            button.setEnabled(line is not None)
        for button in (self.guest_button, self.attendee_button, self.certificate_button):
            button.setEnabled(is_open)
        held = meeting is not None and meeting.held
        for widget in self._roll_parts():
            widget.setVisible(held)
        self.filler.setVisible(meeting is not None and not held)
        self.hint.setText(self._hint(meeting, is_open))

    def _hint(self, meeting: MeetingView | None, is_open: bool) -> str:
        if meeting is None:
            return ""
        if not meeting.held:
            return self.tr(
                "Planned: the roll call is taken once the meeting is held (Edit…, tick «Held»)."
            )
        if not is_open:
            return self.tr("This day is still to come: the roll call is taken on the day.")
        return self.tr(
            "Choose a line, then press C present, M late, P excused, V absent without reason, "
            "Delete back to the default. Each change is saved at once."
        )

    def tally_text(self, meeting: MeetingView) -> str:
        """The figures under the fields: who came of those expected, and how the others missed."""
        t = meeting.tally
        if not meeting.held:
            return self.tr("Not held yet")
        if meeting.kind not in ROLL_KINDS:
            if not t.expected:
                return self.tr("No one recorded yet: add the people who came")
            return fill(self.tr("%1 of the %2 people recorded came"), t.attended, t.expected)
        text = fill(
            self.tr(
                "Came %1 of %2 members expected (%3): late %4, excused %5, absent without reason %6"
            ),
            t.attended,
            t.expected,
            percent_text(t.rate),
            t.late,
            t.excused,
            t.absent,
        )
        if meeting.others:
            text += fill(self.tr("; %1 more came without being expected"), meeting.others)
        return text

    # -- writing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.roll_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in KEYS
            and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        ):
            self.set_status(KEYS[Qt.Key(event.key())])
            return True
        return super().eventFilter(watched, event)

    def set_status(self, status: str | None) -> None:
        """Set the selected line's attendance (None: the default) and save it."""
        meeting, line = self.meeting(), self.current_line()
        if meeting is None or line is None or not roll_open(meeting, self.today()):
            return
        self.banner.clear_message()
        if status == "excused":
            detail = ReasonDialog.ask(self._runner, meeting, line, self, self.today())
            if detail is not None:
                self._written(detail)
            return
        if status is None and line.person_id is None and not self._confirm_remove(line):
            return
        work = mark_work(meeting.id, line, status, "", self.today())
        self._runner.submit(work, self._written, self._failed)

    def _confirm_remove(self, guest: RollLine) -> bool:
        return errors.confirm(
            self,
            self.tr("Remove guest"),
            fill(self.tr("Take the guest %1 off this meeting's roll?"), guest.name),
        )

    def add_guest(self) -> None:
        meeting = self.meeting()
        if meeting is not None:
            self._written(GuestDialog.ask(self._runner, meeting, self, self.today()))

    def add_attendee(self) -> None:
        if self.detail is not None:
            self._written(AttendeeDialog.ask(self._runner, self.detail, self, self.today()))

    def record_certificate(self) -> None:
        if self.detail is None:
            return
        line = self.current_line()
        chosen = line.person_id if line else None
        self._written(CertificateDialog.ask(self._runner, self.detail, chosen, self, self.today()))

    def _written(self, detail: MeetingDetail | None) -> None:
        if detail is None:
            return
        self.show_detail(detail)
        self.written.emit(detail.meeting.id)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
