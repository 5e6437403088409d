"""PDF pages as images (pdfium) and painted on a printer, for the recovery sheet and the forms.

pdfium is not thread-safe: every call into it holds one lock, so a preview rasterised on the
database thread and a sheet printed from the GUI thread never run in it together. Printing
paints page images at a capped resolution (a 1200 dpi printer gets 300 dpi pages, scaled),
on A4 paper forced whatever the print dialog chose, each page at its exact size on the sheet
(full-page mode: the printer's own margins do not shrink the form's).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300  # the most a page is rasterised at for a printer
POINTS_PER_INCH = 72
_PDFIUM = threading.RLock()


def each_page_image(pdf: bytes, dpi: float = PRINT_DPI) -> Iterator[QImage]:
    """The pages one at a time (a long book never sits in memory whole at print resolution)."""
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            with _PDFIUM:
                image = _render(document, index, dpi)
            yield image
    finally:
        with _PDFIUM:
            document.close()


def page_images(pdf: bytes, dpi: float = PRINT_DPI) -> list[QImage]:
    """Each page of a PDF as an image."""
    return list(each_page_image(pdf, dpi))


def _render(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
        fmt = (
            QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
        )
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
        image = image.copy()  # own the pixels before pdfium frees them
        bitmap.close()
        return image
    finally:
        page.close()


def force_a4(printer: QPrinter) -> None:
    """A4 paper, portrait to start, the whole sheet addressable (pages keep their size)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def a4_printer(doc_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    force_a4(printer)
    return printer


def print_dpi(printer: QPrinter) -> int:
    return min(printer.resolution(), PRINT_DPI)


def paint_pages(printer: QPrinter, images: Iterable[QImage]) -> int:
    """Paint the pages on A4 sheets, a landscape page on a landscape sheet; the page count.

    QPainter may paint on a QPrinter from any thread (not on widgets), so this also runs on a
    worker."""
    force_a4(printer)
    painter: QPainter | None = None
    count = 0
    try:
        for image in images:
            orientation = (
                QPageLayout.Orientation.Landscape
                if image.width() > image.height()
                else QPageLayout.Orientation.Portrait
            )
            if painter is None:
                printer.setPageOrientation(orientation)
                painter = QPainter(printer)
            else:
                printer.setPageOrientation(orientation)  # takes effect on the new sheet
                printer.newPage()
            sheet = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.setViewport(sheet)
            painter.setWindow(sheet)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            size = image.size().scaled(sheet.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(sheet.x(), sheet.y(), size.width(), size.height()), image)
            count += 1
    finally:
        if painter is not None:
            painter.end()
    return count
