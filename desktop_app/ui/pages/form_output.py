"""What the Forms page sends to the database thread, and where a form goes.

``preview_work`` renders a draft (``issue=False``: no document number taken) and rasterises
its pages; ``save_work`` and ``print_work`` render the document as issued (a numbered one takes
its number then) and write the file through a temporary name, or paint the pages on the
printer. ``FormOutput`` asks where to (classmethods, so tests replace the dialogs)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop_app.domain.names import fold
from desktop_app.forms import registry
from desktop_app.forms.spec import FormSpec
from desktop_app.services import meetings, members
from desktop_app.services.meetings import MeetingView
from desktop_app.services.views import PersonView
from desktop_app.store.database import Register
from desktop_app.ui.widgets.pdf_pages import (
    a4_printer,
    each_page_image,
    force_a4,
    page_images,
    paint_pages,
    print_dpi,
)

PARTIAL_SUFFIX = ".dang-ghi"  # a PDF being written; renamed once whole


@dataclass(frozen=True)
class Choice:
    """A form and its subject, as chosen on the page."""

    spec: FormSpec
    person_id: str | None = None
    meeting_id: str | None = None

    @property
    def ready(self) -> bool:
        """The subject the form needs is chosen."""
        wanted = {"person": self.person_id, "meeting": self.meeting_id}
        return self.spec.subject not in wanted or bool(wanted[self.spec.subject])

    def ids(self) -> dict[str, str | None]:
        subject = self.spec.subject
        return {
            "person_id": self.person_id if subject == "person" else None,
            "meeting_id": self.meeting_id if subject == "meeting" else None,
        }


@dataclass(frozen=True)
class Subjects:
    """Whom and what a form can be printed for: everyone in the register, every meeting."""

    people: list[PersonView]
    meetings: list[MeetingView]


@dataclass(frozen=True)
class Preview:
    choice: Choice
    refusal: str | None  # why the form does not apply (Vietnamese), or None
    pdf: bytes = b""
    images: tuple[QImage, ...] = ()
    dpi: float = 0.0


def load_subjects(reg: Register) -> Subjects:
    listed = meetings.list_meetings(reg)
    return Subjects(members.list_people(reg), sorted(listed, key=lambda m: m.date, reverse=True))


def preview_work(choice: Choice, today: dt.date, dpi: float) -> Callable[[Register], Preview]:
    """Database thread: the refusal, or the draft PDF (no number taken) and its pages."""

    def work(reg: Register) -> Preview:
        code = choice.spec.code
        problem = registry.refusal(reg, code, today=today, **choice.ids())
        if problem:
            return Preview(choice, problem)
        pdf = registry.render(reg, code, today=today, issue=False, **choice.ids())
        return Preview(choice, None, pdf, tuple(page_images(pdf, dpi)), dpi)

    return work


def issued_pdf(reg: Register, choice: Choice, today: dt.date) -> bytes:
    """The PDF as it leaves the program: a numbered document takes its number now."""
    return registry.render(reg, choice.spec.code, today=today, issue=True, **choice.ids())


def save_work(choice: Choice, today: dt.date, target: Path) -> Callable[[Register], Path]:
    def work(reg: Register) -> Path:
        pdf = issued_pdf(reg, choice, today)
        partial = target.with_name(target.name + PARTIAL_SUFFIX)
        try:
            partial.write_bytes(pdf)
            partial.replace(target)  # never a half-written PDF under the real name
        finally:
            partial.unlink(missing_ok=True)
        return target

    return work


def print_work(choice: Choice, today: dt.date, printer: QPrinter) -> Callable[[Register], int]:
    """Render (taking the number), then paint page by page: QPainter may paint on a printer
    from a worker thread."""

    def work(reg: Register) -> int:
        pdf = issued_pdf(reg, choice, today)
        return paint_pages(printer, each_page_image(pdf, print_dpi(printer)))

    return work


def file_name(choice: Choice, subject: str) -> str:
    """ "6-KND-nguyen-van-duy.pdf": the code and the subject, plain ASCII without spaces."""
    text = f"{fold(choice.spec.code).upper()} {fold(subject)}"
    safe = re.sub(r"[^0-9A-Za-z_]+", "-", text).strip("-")
    return f"{safe or 'mau-in'}.pdf"


class FormOutput:
    """Where a form goes: a printer or a PDF file (classmethods, so tests replace them)."""

    @classmethod
    def ask_printer(cls, parent: QWidget | None, doc_name: str) -> QPrinter | None:
        printer = a4_printer(doc_name)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        force_a4(printer)  # whatever paper the dialog offered: the forms are A4
        return printer

    @classmethod
    def ask_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        title = QCoreApplication.translate("FormOutput", "Save the form as PDF")
        pattern = QCoreApplication.translate("FormOutput", "PDF document (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
