"""What the cell's window and the upper level's window are both made of: the sidebar of areas
(each with its Ctrl+number shortcut drawn on the right), a page loaded by name that falls back
to the reason it failed, the status bar's "last backup" label, and ``AreaWindow``: menu
actions, switching areas and the status bar."""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeySequence, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.backups import BackupInfo
from desktop_app.ui import style
from desktop_app.ui.pages.placeholder import BrokenPage

log = logging.getLogger(__name__)
SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 270  # at least; wider when larger text needs it
ITEM_PADDING = 32  # an item's padding, its accent border and the shortcut's right margin
SIDEBAR_AIR = 18  # beside the longest name
SHORTCUT_GAP = 16  # between an area's name and its shortcut


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # QT_TRANSLATE_NOOP("Areas", …)
    purpose: str


def area_text(text: str) -> str:
    return QCoreApplication.translate("Areas", text)


class ShortcutDelegate(QStyledItemDelegate):
    """Draws each sidebar entry with its shortcut, greyed, on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        if not shortcut_fits(option, index):  # large text: the name first (menus have it)
            return
        painter.save()
        painter.setFont(option.font)  # the entry's own size, whatever the text size
        painter.setPen(Qt.GlobalColor.gray)
        rect = option.rect.adjusted(0, 0, -14, 0)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(index.data(SHORTCUT_ROLE) or ""),
        )
        painter.restore()


def shortcut_fits(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
    """Room for the shortcut to the right of the area's name in the sidebar."""
    metrics = QFontMetrics(option.font)
    name = metrics.horizontalAdvance(str(index.data()))
    shortcut = metrics.horizontalAdvance(str(index.data(SHORTCUT_ROLE) or ""))
    return name + SHORTCUT_GAP + shortcut + ITEM_PADDING <= option.rect.width()


class Sidebar(QWidget):
    """The register's name (``title``) and a second line (``subtitle``) over the list of
    areas (``nav``), Ctrl+1 … Ctrl+N. As wide as the longest area name at the current text
    size, so the pages keep their room."""

    def __init__(self, areas: Sequence[Area], parent: QWidget | None = None):
        super().__init__(parent, objectName="SidebarPanel")
        self.title = QLabel(wordWrap=True)
        self.title.setFont(style.scaled_font(1.1, bold=True))
        self.subtitle = style.muted("")
        self.nav = QListWidget(objectName="Sidebar")
        self.nav.setItemDelegate(ShortcutDelegate(self.nav))
        self.nav.setFont(style.scaled_font(1.1))
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, area in enumerate(areas, start=1):
            item = QListWidgetItem(area_text(area.title))
            shortcut = QKeySequence(f"Ctrl+{number}")
            item.setData(SHORTCUT_ROLE, shortcut.toString(QKeySequence.SequenceFormat.NativeText))
            item.setToolTip(f"{item.text()} ({item.data(SHORTCUT_ROLE)})")
            self.nav.addItem(item)
        self.fit()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 18, 0, 0)
        header = QVBoxLayout()
        header.setContentsMargins(18, 0, 14, 10)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        column.addLayout(header)
        column.addWidget(self.nav, 1)

    def fit(self) -> None:
        metrics = QFontMetrics(style.scaled_font(1.1))
        widest = max(
            (metrics.horizontalAdvance(self.nav.item(r).text()) for r in range(self.nav.count())),
            default=0,
        )
        self.setFixedWidth(max(SIDEBAR_WIDTH, widest + ITEM_PADDING + SIDEBAR_AIR))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "nav"):  # text size
            self.fit()
        super().changeEvent(event)


def load_page(module: str, name: str, title: str, *args: object) -> QWidget:
    """``module.name(*args)``, or the reason it could not be made (the rest of the window
    still works): a page not built yet, or one that fails, never takes the window down."""
    try:
        page_class = getattr(importlib.import_module(module), name)
        return page_class(*args)
    except Exception:
        log.exception("the %s page could not be made", title)
        return BrokenPage(area_text(title), traceback.format_exc())


class BackupLabel(QLabel):
    """The status bar's "Last backup: …", or that the automatic backup failed (in red, why
    in the tooltip)."""

    def show_last(self, info: BackupInfo | None) -> None:
        self.setStyleSheet("")
        if info is None:
            self.setText(self.tr("Not backed up yet"))
        else:
            self.setText(self.tr("Last backup: %1").replace("%1", info.created_text))
        self.setToolTip(self.tr("Backups are on the Settings page"))

    def show_failed(self, message: str) -> None:
        self.setText(self.tr("Automatic backup failed"))
        self.setStyleSheet("color: #b00020;")
        self.setToolTip(message)


class ElidedLabel(QLabel):
    """One line that gives up its middle when short of room (a long path in the status
    bar), the whole text in its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self.text()) + 2, super().sizeHint().height()
        )


def fitted_size(available: QSize) -> QSize:
    """The default size, shrunk to fit the screen's free area (1366×768 office laptops)."""
    width, height = DEFAULT_SIZE
    return QSize(min(width, available.width() - 40), min(height, available.height() - 40))


class AreaWindow:
    """A mixin for both windows (before QMainWindow): ``areas`` is the window's;
    ``_add_sidebar`` makes ``nav`` (the sidebar's list) and ``stack`` (the pages). It has no
    text of its own: what it shows is translated by the window, so each window keeps its own
    translation context."""

    areas: Sequence[Area] = ()
    area_actions: dict[str, QAction]

    def _action(self, menu: QMenu, text: str, slot, shortcut: str = "") -> QAction:
        action = QAction(text, self)  # type: ignore[call-overload]
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _add_sidebar(self) -> Sidebar:
        """The sidebar of ``areas`` beside the stack of pages, as the window's body."""
        panel = self.sidebar = Sidebar(self.areas)
        self.nav = panel.nav
        self.nav.currentRowChanged.connect(self._row_changed)
        self.stack = QStackedWidget()
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(panel)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)  # type: ignore[attr-defined]
        return panel

    def _add_area_actions(self, menu: QMenu) -> None:
        """One checkable action for each area, Ctrl+1 to Ctrl+9."""
        group = QActionGroup(self)  # type: ignore[call-overload]
        for number, area in enumerate(self.areas, start=1):
            action = self._action(
                menu,
                area_text(area.title),
                lambda _c=False, k=area.key: self.show_area(k),
                f"Ctrl+{number}",
            )
            action.setCheckable(True)
            group.addAction(action)
            self.area_actions[area.key] = action

    def _add_status(self, path_label: QLabel, badge: str) -> None:
        """The register's path, the last backup and the demo badge (hidden) below."""
        self.path_label = path_label
        self.demo_badge = style.set_role(QLabel(badge), "badge")
        self.demo_badge.setVisible(False)
        self.backup_label = BackupLabel()
        bar = self.statusBar()  # type: ignore[attr-defined]
        bar.addWidget(self.path_label, 1)
        bar.addPermanentWidget(self.backup_label)
        bar.addPermanentWidget(self.demo_badge)

    def show_area(self, key: str) -> None:
        self.nav.setCurrentRow([a.key for a in self.areas].index(key))  # type: ignore[attr-defined]

    def current_area(self) -> str:
        return self.areas[self.stack.currentIndex()].key  # type: ignore[attr-defined]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)  # type: ignore[attr-defined]
        self.area_actions[self.areas[row].key].setChecked(True)
