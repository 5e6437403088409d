"""The pages of a PDF one under the other on grey, as images, scaled to the width of the view
or to a zoom (100% is the page's real size on a 96 dpi screen).

The images come from the owner (rasterised off the GUI thread); ``wanted_dpi`` tells it the
resolution the current zoom needs, and ``needs_sharper`` when the view has grown past what the
images hold, so the owner rasterises again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from desktop_app.ui.widgets.pdf_pages import POINTS_PER_INCH
from desktop_app.ui.widgets.text import fill

SCREEN_DPI = 96  # what "100%" means
FIT = 0.0  # the zoom that fits the page to the view's width
A4_WIDTH_POINTS = 595.28
GAP = 14  # pixels around and between pages
MIN_FIT_WIDTH = 480  # below this a fitted page is too small to read: scroll instead
SHARPER_BY = 1.15  # rasterise again when the images are this much too small


class PagePreview(QScrollArea):
    """Shows page images; ``needs_sharper`` asks for them again at a higher resolution."""

    needs_sharper = Signal(float)  # dpi wanted

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._images: list[QImage] = []
        self._dpi = 0.0
        self._zoom = FIT
        self.pages: list[QLabel] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.body = QWidget(self)
        self.body.setObjectName("PreviewBody")
        self.body.setStyleSheet("QWidget#PreviewBody { background: #8d8d8d; }")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(GAP, GAP, GAP, GAP)
        self.column.setSpacing(GAP)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(self.body)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #ffffff; padding: 40px 24px;")
        self.column.addWidget(self.message)
        self.setWidget(self.body)
        self._rescale_timer = QTimer(self, singleShot=True, interval=80)
        self._rescale_timer.timeout.connect(self._rescale)

    # -- what the owner calls ------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        """FIT, or a factor of the real size (1.0 = 100%)."""
        self._zoom = zoom
        self._rescale()

    def wanted_dpi(self, width_points: float = A4_WIDTH_POINTS) -> float:
        """The resolution that draws a page of this width sharp at the current zoom."""
        pixels = self._page_width(width_points) * self.devicePixelRatioF()
        return pixels / (width_points / POINTS_PER_INCH)

    def set_pages(self, images: list[QImage], dpi: float) -> None:
        self._images, self._dpi = list(images), dpi
        self.message.hide()
        while len(self.pages) < len(images):
            label = QLabel(self.body)
            label.setStyleSheet("background: #ffffff; border: 1px solid #5f5f5f;")
            self.column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)
        self._drop(self.pages[len(images) :])
        del self.pages[len(images) :]
        total = len(images)
        for number, label in enumerate(self.pages, start=1):
            label.setAccessibleName(fill(self.tr("Page %1 of %2"), number, total))
        self._rescale()

    def show_message(self, text: str) -> None:
        """No pages: a sentence in their place (what to choose, why nothing prints)."""
        self._images, self._dpi = [], 0.0
        self._drop(self.pages)
        self.pages = []
        self.message.setText(text)
        self.message.show()

    def page_count(self) -> int:
        return len(self.pages)

    def _drop(self, labels: list[QLabel]) -> None:
        """Out of the column at once (deleteLater alone leaves them shown until the event
        loop runs again, above the new pages)."""
        for label in labels:
            label.hide()
            self.column.removeWidget(label)
            label.deleteLater()

    # -- scaling -------------------------------------------------------------------------------

    def _page_width(self, width_points: float) -> float:
        if self._zoom == FIT:  # the vertical scroll bar counted in: pages are taller than wide
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
            room = self.contentsRect().width() - bar - 2 * GAP - 2
            return max(room, MIN_FIT_WIDTH)
        return width_points / POINTS_PER_INCH * SCREEN_DPI * self._zoom

    def _rescale(self) -> None:
        if not self._images:
            return
        ratio = self.devicePixelRatioF()
        sharpest = 0.0
        for label, image in zip(self.pages, self._images, strict=True):
            width_points = image.width() / self._dpi * POINTS_PER_INCH
            width = round(self._page_width(width_points) * ratio)
            scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            size = pixmap.deviceIndependentSize().toSize()
            label.setFixedSize(size.width() + 2, size.height() + 2)  # and the border
            sharpest = max(sharpest, self.wanted_dpi(width_points))
        if sharpest > self._dpi * SHARPER_BY:
            self.needs_sharper.emit(sharpest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom == FIT and self._images:
            self._rescale_timer.start()
