"""The main window: the areas of the program in a sidebar, one page per area.

Every area has a shortcut (Ctrl+1 … Ctrl+8) shown in the sidebar and in the View menu. Pages
are made when the window is, before the register is adopted, so each page loads itself on the
runner's ``register_changed``. The window asks the application for register changes (new,
open, demo, close) through signals; it never opens a register itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from desktop_app import paths
from desktop_app.services import cell as cell_service
from desktop_app.services.views import CellView
from desktop_app.ui import errors, guide, style
from desktop_app.ui.backup_keeper import BackupKeeper
from desktop_app.ui.pages.placeholder import PlaceholderPage
from desktop_app.ui.settings import WINDOW_GEOMETRY, WINDOW_STATE, Settings
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.print_forms_button import PrintFormsButton
from desktop_app.ui.window_parts import (
    Area,
    AreaWindow,
    area_text,
    fitted_size,
    load_page,
)

log = logging.getLogger(__name__)

AREAS = (
    Area(
        "today",
        QT_TRANSLATE_NOOP("Areas", "Today"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "What needs doing today and what falls due soon: probationary members near the "
            "end of their probation, candidates whose deadlines are close, members absent from "
            "meetings for months, each with the rule behind it.",
        ),
    ),
    Area("members", QT_TRANSLATE_NOOP("Areas", "Members"), ""),
    Area(
        "candidates",
        QT_TRANSLATE_NOOP("Areas", "Candidates"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "The candidates, their two introducers, the admission dossier checklist and "
            "every deadline of the admission procedure, computed from the rules with the "
            "source shown.",
        ),
    ),
    Area(
        "meetings",
        QT_TRANSLATE_NOOP("Areas", "Meetings"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "The cell's meetings and study sessions with attendance, and a warning before "
            "a member reaches three months absent.",
        ),
    ),
    Area(
        "forms",
        QT_TRANSLATE_NOOP("Areas", "Forms"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "The cell's documents in the Party's layout on A4, filled in from the "
            "register, and sign-in sheets and checklists to print.",
        ),
    ),
    Area(
        "sync",
        QT_TRANSLATE_NOOP("Areas", "Send to upper level"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "Sending the register to the upper level on a USB stick: an encrypted, signed "
            "file that leaks nothing if the stick is lost, and the receipt that comes back.",
        ),
    ),
    Area(
        "reports",
        QT_TRANSLATE_NOOP("Areas", "Reports"),
        QT_TRANSLATE_NOOP(
            "Areas",
            "Figures for the cell: members by status, changes over a period, admissions "
            "and recognitions.",
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


class MainWindow(AreaWindow, QMainWindow):
    """The window of an open register."""

    areas = AREAS

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    close_requested = Signal()

    def __init__(self, runner: TaskRunner, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner, self._settings = runner, settings
        self.register_path: Path | None = None
        self.cell: CellView | None = None
        self.pages: dict[str, QWidget] = {}
        self.area_actions: dict[str, QAction] = {}
        self._build_sidebar()
        self._build_pages()
        self._build_menus()
        self._build_status()
        self.keeper = BackupKeeper(runner, self)
        self.keeper.changed.connect(self.backup_label.show_last)
        self.keeper.failed.connect(self.backup_label.show_failed)
        settings_page = self.pages.get("settings")
        if hasattr(settings_page, "backups_changed"):
            settings_page.backups_changed.connect(self.keeper.refresh)
        if hasattr(settings_page, "use_settings"):
            settings_page.use_settings(settings)
        self.setWindowTitle(style.PRODUCT_NAME)
        self._restore_geometry()
        runner.register_changed.connect(self.reload)
        self.show_area("members")

    # -- building -----------------------------------------------------------------------

    def _build_sidebar(self) -> None:
        panel = self._add_sidebar()
        self.cell_name, self.cell_code = panel.title, panel.subtitle

    def _build_pages(self) -> None:
        factories: dict[str, Callable[[], QWidget]] = {
            "today": lambda: self._page("today", "TodayPage", "Today"),
            "members": lambda: self._page("members", "MembersPage", "Members"),
            "candidates": lambda: self._page("candidates", "CandidatesPage", "Candidates"),
            "meetings": lambda: self._page("meetings", "MeetingsPage", "Meetings"),
            "forms": lambda: self._page("forms", "FormsPage", "Forms"),
            "reports": lambda: self._page("reports", "ReportsPage", "Reports"),
            "sync": lambda: self._page("sync", "SyncPage", "Send to upper level"),
            "settings": lambda: self._page("settings", "SettingsPage", "Settings"),
        }
        for area in AREAS:
            make = factories.get(area.key)
            page = (
                make() if make else PlaceholderPage(area_text(area.title), area_text(area.purpose))
            )
            self.pages[area.key] = page
            self.stack.addWidget(page)

    def _page(self, module: str, name: str, title: str) -> QWidget:
        """A page, or the reason it could not be made (the rest of the window still works).
        Pages that can send the user elsewhere have an ``open_person`` signal(area, id)."""
        page = load_page(f"desktop_app.ui.pages.{module}", name, title, self._runner)
        if hasattr(page, "open_person"):
            page.open_person.connect(self.open_person)
        for button in page.findChildren(PrintFormsButton):  # "Print…" opens the Forms page
            button.set_runner(self._runner)
            button.chosen.connect(self.open_form)
        return page

    def import_list(self) -> None:
        """Show the Members area and open its import dialog."""
        self.show_area("members")
        page = self.pages.get("members")
        if hasattr(page, "import_list"):
            page.import_list()

    def open_person(self, area: str, person_id: str) -> None:
        """Show a person on another page (e.g. from the Today list to their pipeline)."""
        self.show_area(area)
        page = self.pages.get(area)
        if hasattr(page, "select_person"):
            page.select_person(person_id)

    def open_form(self, code: str, person_id: str, meeting_id: str) -> None:
        """Show a form for a person or a meeting on the Forms page (a page's "Print…")."""
        self.show_area("forms")
        page = self.pages.get("forms")
        if hasattr(page, "show_form"):
            page.show_form(code, person_id or None, meeting_id or None)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        # no Ctrl+N: the Members page's "Add person" has it (a new register is made once)
        self._action(file_menu, self.tr("&New register…"), self.new_requested)
        self._action(file_menu, self.tr("&Open register…"), self.open_requested, "Ctrl+O")
        self._action(file_menu, self.tr("Open the &demo register"), self.demo_requested)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("&Import a list…"), self.import_list)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Close register"), self.close_requested, "Ctrl+W")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("E&xit"), self.close, "Ctrl+Q")
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._add_area_actions(view_menu)
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.history_action = self._action(
            self.tools_menu, self.tr("Change &history…"), self.show_history
        )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About"), self._about)
        self.guide_action = self._action(
            help_menu, self.tr("&User guide"), self.open_guide, "F1"
        )  # after About, which tests find first
        self.guide_action.setToolTip(self.tr("Step-by-step help, with pictures, in the browser"))

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

    def show_history(self) -> None:
        """The change history of the whole register, in a window of its own."""
        from desktop_app.ui.dialogs.audit_dialog import AuditDialog  # made on demand

        AuditDialog.open_for(self._runner, self)

    def _build_status(self) -> None:
        self._add_status(QLabel(), self.tr("Demo register"))

    # -- behaviour ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the cell and the register's path on the database thread."""
        if not self._runner.has_register:
            return
        self._runner.submit(
            lambda reg: (cell_service.get_cell(reg), Path(reg.path)),
            self._show_register,
            lambda exc: errors.show_error(exc, self),
        )

    def _show_register(self, result: tuple[CellView, Path]) -> None:
        cell, path = self.cell, self.register_path = result
        self.setWindowTitle(f"{cell.name} ({cell.code}) — {path.name} — {style.PRODUCT_NAME}")
        self.cell_name.setText(cell.name)
        self.cell_code.setText(self.tr("Code: %1").replace("%1", cell.code))
        self.path_label.setText(self.tr("Register: %1").replace("%1", str(path)))
        self.demo_badge.setVisible(is_demo(path))

    def _about(self) -> None:
        text = self.tr(
            "%1, version %2.\n\nThe register of a party cell: it works without the "
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
        """Remember the window and close the register on the database thread."""
        self._settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(WINDOW_STATE, self.saveState())
        self._runner.close_register(before=self.keeper.on_close)
        super().closeEvent(event)


def is_demo(path: Path) -> bool:
    return Path(path).resolve() == paths.demo_register().resolve()
