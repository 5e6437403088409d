"""The upper level's window: its workspace (a register of its own kind) in the look of the cell's
window — the areas in a sidebar (Ctrl+1 … Ctrl+7), File, View and Help menus, the last backup
in the status bar, F1 for the guide.

Pages are loaded by name (``window_parts.load_page``): a page whose module is not there yet
shows what the area will hold, one that fails shows why; neither takes the window down. The
Reports page is made the first time its area is shown. A page that writes emits
``data_changed``; the other pages then ``refresh()``. Like the cell's window, this one never
opens a register itself: it asks the application (``Shell``) through signals.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import demo_upper, upper_workspace
from desktop_app.services.upper_workspace import WorkspaceView
from desktop_app.ui import errors, guide, style
from desktop_app.ui.backup_keeper import BackupKeeper
from desktop_app.ui.pages.placeholder import PlaceholderPage
from desktop_app.ui.settings import WINDOW_GEOMETRY, WINDOW_STATE, Settings
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.window_parts import (
    Area,
    AreaWindow,
    ElidedLabel,
    area_text,
    fitted_size,
    load_page,
)

log = logging.getLogger(__name__)

AREAS = (
    Area(
        "cells",
        QT_TRANSLATE_NOOP("Areas", "Cells"),
        QT_TRANSLATE_NOOP(
            "Areas", "The cells enrolled with this upper level, their keys and what they sent."
        ),
    ),
    Area(
        "inbox",
        QT_TRANSLATE_NOOP("Areas", "Receive bundles"),
        QT_TRANSLATE_NOOP(
            "Areas", "The bundles the cells send on a USB stick: checked, previewed, received."
        ),
    ),
    Area(
        "board",
        QT_TRANSLATE_NOOP("Areas", "Board"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "Which cells reported this month, their members and candidates, admissions "
            "against the quota, and the deadlines coming up.",
        ),
    ),
    Area(
        "decisions",
        QT_TRANSLATE_NOOP("Areas", "Decisions and receipts"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "The admission quota of each cell, the upper level's decisions about its people, "
            "and the receipt that takes them back to the cell.",
        ),
    ),
    Area(
        "conflicts",
        QT_TRANSLATE_NOOP("Areas", "Conflicts"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "Bundles held back or that do not follow on, and people two cells both hold, "
            "for the officer to settle.",
        ),
    ),
    Area(
        "reports",
        QT_TRANSLATE_NOOP("Areas", "Reports"),
        QT_TRANSLATE_NOOP(
            "Areas", "Figures for all the cells together, for any period, to print or export."
        ),
    ),
    Area(
        "settings",
        QT_TRANSLATE_NOOP("Areas", "Settings"),
        QT_TRANSLATE_NOOP(
            "Areas", "The language, the text size, backups and changing the register's passphrase."
        ),
    ),
)
# area key → (module, class) of its page, each made with the TaskRunner
PAGES = {
    "cells": ("desktop_app.ui.upper.cells", "CellsPage"),
    "inbox": ("desktop_app.ui.upper.inbox", "InboxPage"),
    "board": ("desktop_app.ui.upper.board", "BoardPage"),
    "decisions": ("desktop_app.ui.upper.decisions", "DecisionsPage"),
    "conflicts": ("desktop_app.ui.upper.conflicts", "ConflictsPage"),
    "reports": ("desktop_app.ui.upper.reports", "UpperReportsPage"),
    "settings": ("desktop_app.ui.pages.settings", "SettingsPage"),
}
LAZY = {"reports"}


def make_page(area: Area, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    """The area's page; what the area will hold when its module is not in this version."""
    module, name = PAGES[area.key]
    if importlib.util.find_spec(module) is None:
        return PlaceholderPage(area_text(area.title), area_text(area.purpose), parent)
    return load_page(module, name, area.title, runner, *([parent] if parent else []))


class LazyPage(QWidget):
    """Holds an area's place until it is first shown, then makes its page (``page``)."""

    def __init__(self, area: Area, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._area, self._runner = area, runner
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        if self.page is None:
            self.page = make_page(self._area, self._runner, self)
            self._layout.addWidget(self.page)
        super().showEvent(event)

    def refresh(self) -> None:
        refresh = getattr(self.page, "refresh", None)
        if callable(refresh):
            refresh()


class UpperWindow(AreaWindow, QMainWindow):
    """The window of an open upper level's workspace."""

    areas = AREAS

    open_requested = Signal()
    demo_requested = Signal()
    close_requested = Signal()

    def __init__(self, runner: TaskRunner, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner, self._settings = runner, settings
        self.register_path: Path | None = None
        self.workspace: WorkspaceView | None = None
        self.pages: dict[str, QWidget] = {}
        self.area_actions: dict[str, QAction] = {}
        self._build_sidebar()
        self._build_pages()
        self._build_menus()
        self._build_status()
        self.keeper = BackupKeeper(runner, self)
        self.keeper.changed.connect(self.backup_label.show_last)
        self.keeper.failed.connect(self.backup_label.show_failed)
        self._wire_pages(settings)
        self.setWindowTitle(style.PRODUCT_NAME)
        self._restore_geometry()
        runner.register_changed.connect(self.reload)
        self.show_area("cells")

    # -- building -----------------------------------------------------------------------

    def _build_sidebar(self) -> None:
        panel = self._add_sidebar()
        self.upper_name, self.fingerprint = panel.title, panel.subtitle

    def _build_pages(self) -> None:
        for area in AREAS:
            page = (
                LazyPage(area, self._runner) if area.key in LAZY else make_page(area, self._runner)
            )
            self.pages[area.key] = page
            self.stack.addWidget(page)

    def _wire_pages(self, settings: Settings) -> None:
        """Backups made on the Settings page or before an import show in the status bar; a
        write on one page refreshes the others."""
        settings_page = self.pages["settings"]
        if hasattr(settings_page, "backups_changed"):
            settings_page.backups_changed.connect(self.keeper.refresh)
        if hasattr(settings_page, "use_settings"):
            settings_page.use_settings(settings)
        for key, page in self.pages.items():
            signal = getattr(page, "data_changed", None)
            if signal is not None:
                signal.connect(lambda k=key: self.data_changed(k))

    def data_changed(self, source: str) -> None:
        """The page ``source`` wrote to the workspace: every other page loads again."""
        for key, page in self.pages.items():
            refresh = getattr(page, "refresh", None)
            if key != source and callable(refresh):
                refresh()
        self.keeper.refresh()  # an import backs the workspace up first
        self.reload()  # the number of cells, the name

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open register…"), self.open_requested, "Ctrl+O")
        self._action(file_menu, self.tr("Open the &demo upper level"), self.demo_requested)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Close the workspace"), self.close_requested, "Ctrl+W")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("E&xit"), self.close, "Ctrl+Q")
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._add_area_actions(view_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About"), self._about)
        self.guide_action = self._action(help_menu, self.tr("&User guide"), self.open_guide, "F1")
        self.guide_action.setToolTip(self.tr("Step-by-step help, with pictures, in the browser"))

    def _build_status(self) -> None:
        self._add_status(ElidedLabel(), self.tr("Demo upper level"))

    # -- behaviour ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the workspace's name, fingerprint and path on the database thread."""
        if not self._runner.has_register:
            return
        self._runner.submit(
            lambda reg: (upper_workspace.show(reg), Path(reg.path)),
            self._show_workspace,
            lambda exc: errors.show_error(exc, self),
        )

    def _show_workspace(self, result: tuple[WorkspaceView, Path]) -> None:
        view, path = self.workspace, self.register_path = result
        self.setWindowTitle(f"{view.name} — {path.name} — {style.PRODUCT_NAME}")
        self.upper_name.setText(view.name)
        self.fingerprint.setText(self.tr("Upper level's workspace"))
        self.fingerprint.setToolTip(self.tr("Fingerprint: %1").replace("%1", view.fingerprint))
        self.path_label.set_full_text(self.tr("Workspace: %1").replace("%1", str(path)))
        self.demo_badge.setVisible(demo_upper.is_demo(path))

    def open_guide(self) -> None:
        """The user guide in the web browser (desktop_app/ui/guide.py)."""
        if not guide.open_guide():
            errors.MessageDialog.ask(
                self,
                self.tr("User guide"),
                self.tr(
                    "The user guide could not be opened: it is not installed with the "
                    "program, or no web browser is set up on this computer."
                ),
            )

    def _about(self) -> None:
        text = self.tr(
            "%1, version %2.\n\nThe upper level's workspace: it receives the cells' bundles, "
            "follows their reports and sends its decisions back. It works without the "
            "Internet and keeps its data encrypted on this computer."
        )
        text = text.replace("%1", style.PRODUCT_NAME).replace("%2", errors.program_version())
        errors.MessageDialog.ask(self, self.tr("About"), text, icon=errors.Icon.Information)

    def _restore_geometry(self) -> None:
        geometry = self._settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(fitted_size(self.screen().availableGeometry().size()))
        state = self._settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window and close the workspace on the database thread."""
        self._settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(WINDOW_STATE, self.saveState())
        self._runner.close_register(before=self.keeper.on_close)
        super().closeEvent(event)
