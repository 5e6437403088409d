"""The Forms page: the cell's printed documents, filled in from the register.

On the left the forms the registry knows (code, title, what each is for, its note) and the
subject: a person, a meeting, or nothing for the cell's own lists; on the right a preview of
the real pages. "Print…" paints the pages on an A4 printer; "Save as PDF…" writes the file.

A preview never takes a document number (rendered with ``issue=False``); printing or saving
does, so a numbered resolution gets its "Số 05-NQ/CB" only when it leaves the program, and
keeps it on every reprint. Rendering, rasterising and printing all run on the database thread
through the TaskRunner, which shows progress when it takes longer than 600 ms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QStandardPaths, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError
from desktop_app.forms import registry
from desktop_app.forms.spec import FormSpec
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.models import forms_model
from desktop_app.ui.models.forms_model import FormsModel
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.pages.form_output import (
    Choice,
    FormOutput,
    Preview,
    Subjects,
    file_name,
    load_subjects,
    preview_work,
    print_work,
    save_work,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.page_preview import FIT, PagePreview
from desktop_app.ui.widgets.pdf_pages import page_images
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill

ZOOMS = (FIT, 1.0, 1.25, 1.5, 2.0)
LIST_WIDTH = 380  # the forms list and the subject, left of the preview


class FormsPage(QWidget):
    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._fixed_today = today
        self._person_id: str | None = None
        self._meeting_id: str | None = None
        self._subjects_seq = self._preview_seq = self._sharpen_seq = 0
        self._busy = self._sized = False
        self.preview_result: Preview | None = None
        self.model = FormsModel(self)
        self._build()
        self._make_actions()
        self.model.set_rows(registry.list_forms())
        self._fit_columns()
        self._update_subject()
        if self.model.rowCount():
            self.select_form(self.model.rows()[0].code)
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self._build_left())
        self.split.addWidget(self._build_right())
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)  # the preview takes what the list leaves
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split, 1)

    def _build_left(self) -> QWidget:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(style.heading(self.tr("Forms"), 1.5))
        column.addWidget(
            style.muted(
                self.tr(
                    "The cell's documents, filled in from the register. Choose a form and "
                    "whom it is for: the preview shows the pages as they will print."
                )
            )
        )
        column.addWidget(self._build_table(), 1)
        self.note = style.muted("")
        column.addWidget(self.note)
        column.addLayout(self._build_subject())
        self.banner = Banner(left)
        column.addWidget(self.banner)
        self.print_button = QPushButton(self.tr("&Print…"), left)
        self.save_button = QPushButton(self.tr("Save as P&DF…"), left)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return left

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(forms_model.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.setColumnHidden(forms_model.SUBJECT, True)  # the subject chooser tells it
        table.selectionModel().currentRowChanged.connect(lambda *_: self._form_changed())
        return table

    def _build_subject(self) -> QHBoxLayout:
        self.subject_label = QLabel(self)
        self.person_picker = PersonPicker(self)
        self.person_picker.lineEdit().setPlaceholderText(
            self.tr("Type a name, with or without accents")
        )
        self.meeting_box = QComboBox(self)
        self.meeting_box.setPlaceholderText(self.tr("Choose a meeting"))
        self.meeting_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting_box.setMinimumContentsLength(24)
        self.cell_label = style.muted(
            self.tr("For the whole cell: there is nothing to choose."), 1.0
        )
        self.person_picker.currentIndexChanged.connect(lambda _i: self._person_changed())
        self.person_picker.lineEdit().editingFinished.connect(self._person_changed)
        self.meeting_box.currentIndexChanged.connect(lambda _i: self._meeting_changed())
        row = QHBoxLayout()
        row.addWidget(self.subject_label)
        for widget in self._subject_widgets():  # one shown at a time, each at its own height
            row.addWidget(widget, 1)
            widget.hide()  # until a form is chosen (three side by side would widen the window)
        return row

    def _subject_widgets(self) -> tuple[QWidget, ...]:
        return (self.person_picker, self.meeting_box, self.cell_label)

    def _build_right(self) -> QWidget:
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 0, 0, 0)
        column.setSpacing(6)
        self.pages_label = QLabel(right)
        self.pages_label.setWordWrap(True)
        self.zoom = QComboBox(right)
        for zoom in ZOOMS:
            text = self.tr("Fit to width") if zoom == FIT else f"{round(zoom * 100)}%"
            self.zoom.addItem(text, zoom)
        zoom_label = QLabel(self.tr("&Zoom:"), right)
        zoom_label.setBuddy(self.zoom)
        top = QHBoxLayout()
        top.addWidget(self.pages_label, 1)
        top.addWidget(zoom_label)
        top.addWidget(self.zoom)
        column.addLayout(top)
        self.preview = PagePreview(right)
        self.preview.needs_sharper.connect(self._sharpen)
        self.zoom.currentIndexChanged.connect(
            lambda _i: self.preview.set_zoom(float(self.zoom.currentData()))
        )
        column.addWidget(self.preview, 1)
        return right

    def _make_actions(self) -> None:
        for button, slot, keys, tip in (
            (
                self.print_button,
                self.print_form,
                "Ctrl+P",
                self.tr("Print the pages shown on A4 paper"),
            ),
            (
                self.save_button,
                self.save_pdf,
                "Ctrl+Shift+S",
                self.tr("Write the pages shown to a PDF file"),
            ),
        ):
            button.clicked.connect(slot)
            button.setToolTip(f"{tip} ({keys})")
            action = QAction(button.text(), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, b=button: b.isEnabled() and b.click())
            self.addAction(action)

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        widths = [metrics.horizontalAdvance(spec.code) for spec in self.model.rows()]
        self.table.setColumnWidth(forms_model.CODE, max([60, *widths]) + 16)

    # -- loading -------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the list its width, the preview the rest (the splitter keeps it)
            self._sized = True
            self.split.setSizes([LIST_WIDTH, max(1, self.split.width() - LIST_WIDTH)])
        if not event.spontaneous() and self._runner.has_register:
            self.reload()

    def _register_changed(self) -> None:
        self._person_id = self._meeting_id = None
        self.person_picker.set_people([])
        self.meeting_box.clear()
        self.banner.clear_message()
        self._update_subject()
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """The people and meetings again (someone may have been added), then the preview."""
        self._subjects_seq += 1
        seq = self._subjects_seq
        self._runner.submit(
            load_subjects, lambda subjects: self._subjects_loaded(seq, subjects), self._failed
        )
        self.refresh_preview()

    def _subjects_loaded(self, seq: int, subjects: Subjects) -> None:
        if seq != self._subjects_seq:
            return
        self.person_picker.blockSignals(True)
        self.person_picker.set_people(subjects.people, self._person_id)
        self.person_picker.blockSignals(False)
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for meeting in subjects.meetings:
            text = f"{meeting.title} — {meeting.topic}" if meeting.topic else meeting.title
            self.meeting_box.addItem(text, meeting.id)
        self.meeting_box.setCurrentIndex(
            self.meeting_box.findData(self._meeting_id) if self._meeting_id else -1
        )
        self.meeting_box.blockSignals(False)

    # -- choosing ------------------------------------------------------------------------

    def current_spec(self) -> FormSpec | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def choice(self) -> Choice | None:
        spec = self.current_spec()
        return Choice(spec, self._person_id, self._meeting_id) if spec else None

    def select_form(self, code: str) -> bool:
        row = self.model.row_of(registry.get_form(code).code)
        if row is None:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def show_form(
        self, code: str, person_id: str | None = None, meeting_id: str | None = None
    ) -> None:
        """Open a form for a subject (from a page's "Print…")."""
        if person_id:
            self._person_id = person_id
            self.person_picker.blockSignals(True)
            self.person_picker.set_person_id(person_id)
            self.person_picker.blockSignals(False)
        if meeting_id:
            self._meeting_id = meeting_id
            self.meeting_box.blockSignals(True)
            self.meeting_box.setCurrentIndex(self.meeting_box.findData(meeting_id))
            self.meeting_box.blockSignals(False)
        self.banner.clear_message()
        before = self.current_spec()
        if self.select_form(code) and self.current_spec() is before:
            self.refresh_preview()  # the same form for another subject (a new form previews)

    def _form_changed(self) -> None:
        self.banner.clear_message()
        self._update_subject()
        self.refresh_preview()

    def _update_subject(self) -> None:
        spec = self.current_spec()
        subject = spec.subject if spec else "cell"
        self.note.setText(spec.note if spec else "")
        self.note.setVisible(bool(spec and spec.note))
        widget, label = {
            "person": (self.person_picker, self.tr("P&erson:")),
            "meeting": (self.meeting_box, self.tr("&Meeting:")),
        }.get(subject, (self.cell_label, ""))
        for each in self._subject_widgets():
            each.setVisible(each is widget)
        self.subject_label.setText(label)
        self.subject_label.setVisible(bool(label))
        self.subject_label.setBuddy(widget)

    def _person_changed(self) -> None:
        chosen = self.person_picker.person_id()
        if chosen and self.person_picker.currentData() != chosen:  # typed: show the name
            self.person_picker.blockSignals(True)
            self.person_picker.set_person_id(chosen)
            self.person_picker.blockSignals(False)
        if chosen == self._person_id:
            if chosen is None:
                self.refresh_preview()  # the hint follows what is typed
            return
        self._person_id = chosen
        self.banner.clear_message()
        self.refresh_preview()

    def _meeting_changed(self) -> None:
        self.meeting_box.setToolTip(self.meeting_box.currentText())  # long topics are cut
        chosen = self.meeting_box.currentData()
        if chosen == self._meeting_id:
            return
        self._meeting_id = chosen
        self.banner.clear_message()
        self.refresh_preview()

    # -- the preview ---------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render the chosen form as a draft (no number taken) and show its pages."""
        self._preview_seq += 1
        seq = self._preview_seq
        choice = self.choice()
        self.preview_result = None
        self._set_ready(False)
        if not self._runner.has_register:
            self._show_nothing("")
            return
        if choice is None:
            self._show_nothing(self.tr("Choose a form in the list."))
            return
        if not choice.ready:
            self._show_nothing(self._what_to_choose(choice))
            return
        self.pages_label.setText(self.tr("Preparing the preview…"))
        self._runner.submit(
            preview_work(choice, self.today(), self.preview.wanted_dpi()),
            lambda result: self._previewed(seq, result),
            lambda exc: self._preview_failed(seq, exc),
            progress=self.tr("Preparing the preview…"),
            parent=self,
        )

    def _what_to_choose(self, choice: Choice) -> str:
        if choice.spec.subject == "meeting":
            return self.tr("Choose the meeting this form is for.")
        if self.person_picker.typed_unknown():
            return self.tr("No one in the register has this name: choose from the list.")
        return self.tr("Choose the person this form is for.")

    def _show_nothing(self, message: str) -> None:
        self.pages_label.setText("")
        self.preview.show_message(message)

    def _previewed(self, seq: int, result: Preview) -> None:
        if seq != self._preview_seq:
            return
        spec = result.choice.spec
        if result.refusal:
            reason = result.refusal.rstrip(".")
            self.banner.show_message(
                fill(self.tr("Form %1 does not apply here: %2."), spec.code, reason), "warning"
            )
            self._show_nothing(self.tr("Nothing to print for this choice."))
            return
        self.preview_result = result
        self.preview.set_pages(list(result.images), result.dpi)
        count = len(result.images)
        text = fill(self.tr("Preview: %1 — %2 page(s)"), spec.code, count)
        if spec.numbered:
            text += " " + self.tr("(the document number is given when it is printed or saved)")
        self.pages_label.setText(text)
        self._set_ready(True)

    def _preview_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._preview_seq:
            return
        self._show_nothing(self.tr("The form could not be made."))
        self._failed(exc)

    def _sharpen(self, dpi: float) -> None:
        """The view grew past the images' resolution: rasterise the same PDF again."""
        result = self.preview_result
        if result is None:
            return
        self._sharpen_seq += 1
        seq, preview_seq, pdf = self._sharpen_seq, self._preview_seq, result.pdf

        def done(images: list[QImage]) -> None:
            if seq == self._sharpen_seq and preview_seq == self._preview_seq:
                self.preview_result = Preview(result.choice, None, pdf, tuple(images), dpi)
                self.preview.set_pages(images, dpi)

        self._runner.call(lambda: page_images(pdf, dpi), done, lambda _exc: None)

    def _set_ready(self, ready: bool) -> None:
        ready = ready and not self._busy
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # -- printing and saving ---------------------------------------------------------------

    def _subject_text(self, choice: Choice) -> str:
        if choice.spec.subject == "person":
            return self.person_picker.currentText()
        if choice.spec.subject == "meeting":
            return self.meeting_box.currentText().split(" — ")[0]
        return ""

    def print_form(self) -> None:
        choice = self.preview_result.choice if self.preview_result else None
        if choice is None or self._busy:
            return
        subject = self._subject_text(choice)
        name = f"{choice.spec.code} {subject}".strip()
        printer = FormOutput.ask_printer(self, name)
        if printer is None:
            return
        self._start(
            print_work(choice, self.today(), printer),
            lambda pages: self._finished(
                fill(self.tr("Sent to the printer: %1, %2 page(s) on A4."), name, pages)
            ),
            self.tr("Printing…"),
        )

    def save_pdf(self) -> None:
        choice = self.preview_result.choice if self.preview_result else None
        if choice is None or self._busy:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / file_name(choice, self._subject_text(choice))
        target = FormOutput.ask_path(self, suggested)
        if target is None:
            return
        self._start(
            save_work(choice, self.today(), target),
            lambda path: self._finished(fill(self.tr("Saved: %1"), path)),
            self.tr("Saving the PDF…"),
        )

    def _start(self, work: Callable[[Register], object], done, progress: str) -> None:
        self._busy = True
        self._set_ready(False)
        self.banner.clear_message()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._failed(exc)
            self.refresh_preview()

        def finished(value: object) -> None:
            self._busy = False
            done(value)

        self._runner.submit(work, finished, failed, progress=progress, parent=self)

    def _finished(self, message: str) -> None:
        """Printed or saved: the preview again, now with the number the document took."""
        self.refresh_preview()
        self.banner.show_message(message, "ok")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            where = exc.filename or ""
            self.banner.show_message(
                fill(self.tr("Cannot write the file %1: %2"), where, exc.strerror or exc)
            )
        elif isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
