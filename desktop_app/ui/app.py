"""Starting the window: the application, its language and look, logging, and the start flow.

The start flow: a register given on the command line, else the one opened last, else the default
one if it exists, is unlocked and opened; otherwise the welcome screen offers to create one,
try the demo or open a file. ``Shell`` owns these flows for the whole session.
"""

from __future__ import annotations

import html
import importlib
import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from desktop_app import log_privacy, paths
from desktop_app.domain.errors import DomainError
from desktop_app.services import placement, registers
from desktop_app.store.errors import AlreadyOpen
from desktop_app.ui import errors, i18n, style
from desktop_app.ui.dialogs.unlock import UnlockDialog
from desktop_app.ui.pages.welcome import WelcomePage
from desktop_app.ui.settings import LANGUAGE, LAST_REGISTER, TEXT_SCALE, Settings
from desktop_app.ui.single_instance import SingleInstance
from desktop_app.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the windows and wizards are imported when first needed: a fast first window
    from desktop_app.ui.dialogs.create_wizard import CreateWizard
    from desktop_app.ui.dialogs.workspace_wizard import CreateWorkspaceWizard
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.upper_window import UpperWindow

log = logging.getLogger(__name__)
ORGANISATION = "SoChiBo"
# What the window's pages and first loads import, none of it Qt: imported on the database
# thread while the passphrase is typed, so the window is built sooner after it.
WARM_UP = (
    "desktop_app.services.today",
    "desktop_app.services.meetings",
    "desktop_app.services.reports",
    "desktop_app.services.report_export",
    "desktop_app.services.transfers",
    "desktop_app.services.upper_workspace",
    "desktop_app.forms.registry",
)
LOG_FILE = "sochibo.log"


class OpenRegisterFileDialog:
    """Choose an existing register file (a classmethod so tests can replace it)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("Shell", "Open a register")
        pattern = QApplication.translate("Shell", "Register (*.sochibo)")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(paths.data_dir()), pattern)
        return Path(name) if name else None


class PlacementPrompt(QMessageBox):
    """A register on a USB stick or a network drive: copy it to this computer and open the
    copy, or cancel (the file there is never opened for writing)."""

    def __init__(self, where: placement.Placement, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        if where.kind == "network":
            self.setWindowTitle(self.tr("Register on a network drive"))
            self.setText(self.tr("This register is on a network drive."))
        else:
            self.setWindowTitle(self.tr("Register on a removable drive"))
            self.setText(self.tr("This register is on a USB stick or another removable drive."))
        self.setText(f"<b>{html.escape(self.text())}</b>")
        self.setInformativeText(where.message)
        self.setStyleSheet("#qt_msgbox_informativelabel { min-width: 32em; }")  # not a column
        self.copy_button = self.addButton(
            self.tr("&Copy it to this computer and open the copy"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.setEscapeButton(self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        self.setDefaultButton(self.copy_button)

    @classmethod
    def ask(cls, parent: QWidget | None, where: placement.Placement) -> bool:
        """True when the user chose to copy the register here."""
        box = cls(where, parent)
        box.exec()
        return box.clickedButton() is box.copy_button


class Shell(QObject):
    """Which window is shown, and every way of getting a register open or closed."""

    def __init__(self, runner: TaskRunner, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.runner, self.settings = runner, settings
        self.welcome: WelcomePage | None = None
        self.window: MainWindow | UpperWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: CreateWizard | CreateWorkspaceWizard | None = None

    def start(self, register: Path | None = None, *, upper_level: bool = False) -> None:
        """Unlock the given, last or default register, or show the welcome screen; with
        ``upper_level``, the upper level's default workspace (or create it)."""
        if upper_level:
            self.show_welcome()
            self.open_upper_level()
            return
        if register is not None and not register.is_file():
            self.show_welcome()
            self._tell(
                self.tr("Register not found"),
                self.tr("There is no register at %1.").replace("%1", str(register)),
            )
            return
        candidate = register or self._remembered()
        if candidate is None:
            self.show_welcome()
        else:
            self.unlock(candidate)

    def _remembered(self) -> Path | None:
        for text in (self.settings.get(LAST_REGISTER), str(paths.default_register())):
            if text and Path(text).is_file():
                return Path(text)
        return None

    def _parent(self) -> QWidget | None:
        return self.window or self.welcome

    # -- windows ----------------------------------------------------------------------------

    def show_welcome(self) -> WelcomePage:
        if self.welcome is None:
            self.welcome = WelcomePage()
            self.welcome.create_requested.connect(self.new_register)
            self.welcome.demo_requested.connect(self.open_demo)
            self.welcome.open_requested.connect(self.choose_and_open)
            self.welcome.upper_requested.connect(self.open_upper_level)
            self.welcome.upper_demo_requested.connect(self.open_upper_demo)
            self.welcome.resize(self.welcome.sizeHint())
        self.welcome.set_busy("")
        self.welcome.show()
        self.welcome.raise_()
        return self.welcome

    def _main_window(self, upper: bool) -> MainWindow | UpperWindow:
        """The window for a cell's register, or for an upper level's workspace, made hidden
        (its pages load when the runner has the register); a window of the other kind goes."""
        from desktop_app.ui.main_window import MainWindow
        from desktop_app.ui.upper_window import UpperWindow

        wanted = UpperWindow if upper else MainWindow
        if type(self.window) is wanted:
            return self.window
        if self.window is not None:
            old, self.window = self.window, None
            self._drop(old)
        self.window = wanted(self.runner, self.settings)
        if isinstance(self.window, MainWindow):
            self.window.new_requested.connect(self.new_register)
            self.window.demo_requested.connect(self.open_demo)
        else:
            self.window.demo_requested.connect(self.open_upper_demo)
        self.window.open_requested.connect(self.choose_and_open)
        self.window.close_requested.connect(self.close_register)
        return self.window

    def _drop(self, old: QWidget) -> None:
        """Take away the window of the other kind and close its register (as opening another
        register of the same kind does: the models already follow the new one, so no closing
        backup). The window goes at once, so its pages never see the new register."""
        old.hide()
        self.runner.close_register()
        shiboken6.delete(old)

    def _adopt(self, register: object, path: Path) -> None:
        """Ask on the database thread whether the register is an upper level's workspace,
        then show the window for it."""

        def kind() -> bool:
            from desktop_app.services import upper_workspace

            try:
                return upper_workspace.is_workspace(register)  # type: ignore[arg-type]
            except BaseException:
                register.close()  # type: ignore[attr-defined]
                raise

        # The unlock dialog closes now and the window shows only when the answer comes: for
        # that moment no window may be visible, and Qt would quit the program.
        QGuiApplication.setQuitOnLastWindowClosed(False)
        self.runner.call(kind, lambda upper: self._show(register, path, upper), self._adopt_failed)

    def _adopt_failed(self, exc: BaseException) -> None:
        try:
            self._open_failed(exc)
        finally:
            QGuiApplication.setQuitOnLastWindowClosed(True)

    def _show(self, register: object, path: Path, upper: bool) -> None:
        """Show the window with the register (pages exist before they are told)."""
        window = self._main_window(upper)
        self.runner.adopt(register)
        if not _is_demo(path):
            self.settings.set(LAST_REGISTER, str(path))
        window.show()
        window.raise_()
        window.activateWindow()
        QGuiApplication.setQuitOnLastWindowClosed(True)  # a window shows again (see _adopt)
        if self.welcome is not None:
            self.welcome.close()

    def close_register(self) -> None:
        """Back to the welcome screen; closing the window closes the register."""
        self.show_welcome()
        if self.window is not None:
            window, self.window = self.window, None
            window.close()
            window.deleteLater()

    # -- flows ------------------------------------------------------------------------------

    def _already_shown(self, path: Path) -> bool:
        """The register at ``path`` is the one this window has open: nothing to do."""
        shown = self.window.register_path if self.window is not None else None
        return shown is not None and shown.resolve() == Path(path).resolve()

    def unlock(self, path: Path) -> UnlockDialog | None:
        if self._already_shown(path):
            return None
        where = placement.check_place(path)  # a stick or a network drive: open a copy here
        if not where.ok and not PlacementPrompt.ask(self._parent(), where):
            self._back_if_nothing_open()
            return None
        opener = None if where.ok else placement.open_copy
        dialog = UnlockDialog(self.runner, path, self._parent(), opener=opener)
        dialog.opened.connect(lambda reg: self._adopt(reg, reg.path if opener else path))
        dialog.failed.connect(self._open_failed)
        dialog.cancelled.connect(self._back_if_nothing_open)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.unlock_dialog = dialog
        dialog.open()
        self.runner.call(_warm_up, on_error=lambda exc: log.warning("warm-up: %s", exc))
        return dialog

    def bring_forward(self, register: Path | None = None) -> None:
        """Another launch of the program asked for this one: bring it to the front. A register
        it named is opened only when none is open here; otherwise say which one is."""
        for widget in (self.welcome, self.window, self.unlock_dialog, self.wizard):
            if widget is not None and widget.isVisible():
                if widget.isMinimized():
                    widget.showNormal()
                widget.raise_()
                widget.activateWindow()
        if self.window is None and self.welcome is None and self.unlock_dialog is None:
            self.show_welcome()
        if register is None or self._already_shown(register):
            return
        if self.window is not None:
            shown = self.window.register_path
            self._tell(
                self.tr("A register is already open"),
                self.tr(
                    "This window has the register %1 open. To open %2, close this one first "
                    "(File menu, Close register), then open the other."
                )
                .replace("%1", shown.name if shown else "")
                .replace("%2", str(register)),
            )
        elif self.unlock_dialog is None and self.wizard is None:
            self.start(register)

    def _forget(self, dialog: QDialog) -> None:
        """A finished dialog is deleted and no longer the current one."""
        if self.unlock_dialog is dialog:
            self.unlock_dialog = None
        if self.wizard is dialog:
            self.wizard = None
        dialog.deleteLater()

    def open_upper_level(self) -> None:
        """The upper level's default workspace: unlock it, or create it the first time."""
        from desktop_app.services import upper_workspace

        path = upper_workspace.default_path()
        if path.is_file():
            self.unlock(path)
        else:
            self.new_workspace()

    def new_workspace(self) -> CreateWorkspaceWizard:
        from desktop_app.ui.dialogs.workspace_wizard import CreateWorkspaceWizard

        wizard = CreateWorkspaceWizard(self.runner, self._parent())
        wizard.register_ready.connect(self._adopt)
        wizard.cancelled.connect(self._back_if_nothing_open)
        wizard.finished.connect(lambda _code: self._forget(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def open_upper_demo(self) -> None:
        """Open the demo upper level, making it the first time (no passphrase asked)."""
        from desktop_app.services import demo_upper

        path = demo_upper.workspace_path()
        if self._already_shown(path):
            return
        if path.is_file():

            def work():
                return registers.open_register(path, paths.DEMO_PASSPHRASE)

            message = self.tr("Opening the demo upper level…")
        else:

            def work():
                return demo_upper.create_demo_upper().register

            message = self.tr(
                "Creating the demo upper level and its two cells, this takes a few seconds…"
            )
        if self.window is None:
            self.show_welcome().set_busy(message)
        self.runner.call(
            work,
            lambda reg: self._adopt(reg, path),
            self._open_failed,
            progress=message,
            parent=self._parent(),
        )

    def choose_and_open(self) -> None:
        path = OpenRegisterFileDialog.ask(self._parent())
        if path is not None:
            self.unlock(path)

    def new_register(self) -> CreateWizard:
        from desktop_app.ui.dialogs.create_wizard import CreateWizard

        wizard = CreateWizard(self.runner, self._parent())
        wizard.register_ready.connect(self._adopt)
        wizard.finished.connect(lambda _code: self._forget(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def open_demo(self) -> None:
        """Open the demo register, creating it the first time (no passphrase asked)."""
        path = paths.demo_register()
        if self._already_shown(path):
            return
        if path.is_file():

            def work():
                return registers.open_register(path, paths.DEMO_PASSPHRASE)

            message = self.tr("Opening the demo register…")
        else:

            def work():
                return registers.create_demo(path)[0]

            message = self.tr("Creating the demo register, this takes a few seconds…")
        if self.window is None:
            self.show_welcome().set_busy(message)
        self.runner.call(
            work,
            lambda reg: self._adopt(reg, path),
            self._open_failed,
            progress=message,
            parent=self._parent(),
        )

    def _open_failed(self, exc: BaseException) -> None:
        self._back_if_nothing_open()
        if isinstance(exc, AlreadyOpen):
            self._tell(
                self.tr("Register already open"),
                self.tr(
                    "This register is already open in another window of the "
                    "program. Use that window, or close it and open the register "
                    "here again."
                ),
            )
        elif isinstance(exc, DomainError):
            self._tell(self.tr("Cannot open the register"), str(exc))
        else:
            errors.show_error(exc, self._parent())

    def _back_if_nothing_open(self) -> None:
        if self.window is None:
            self.show_welcome()

    def _tell(self, title: str, text: str) -> None:
        errors.MessageDialog.ask(self._parent(), title, text)


def _warm_up() -> None:
    for name in WARM_UP:
        importlib.import_module(name)


def _is_demo(path: Path) -> bool:
    """One of the demos (never remembered as the register to open next time)."""
    from desktop_app.services import demo_upper
    from desktop_app.ui.main_window import is_demo

    return is_demo(path) or demo_upper.is_demo(path)


def setup_logging() -> Path:
    """A rotating log file in the user's log folder (kept between runs, 5 × 1 MB), with ID
    numbers masked (desktop_app/log_privacy.py)."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if not any(getattr(h, "sochibo", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        handler.sochibo = True
        log_privacy.install(handler)  # never a full ID number in the file
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return folder / LOG_FILE


def create_application(settings: Settings | None = None) -> tuple[QApplication, Settings]:
    """The QApplication with its names, translators and look, before any widget exists."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(style.PRODUCT_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("sochibo")  # matches installers/linux/sochibo.desktop (Wayland)
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "sochibo.png")))
    settings = settings or Settings()
    i18n.install(app, i18n.language_override() or settings.get(LANGUAGE))
    style.apply(app, settings.get(TEXT_SCALE))
    return app, settings


def run(register: str | None = None, *, upper_level: bool = False) -> int:
    """Start the window (with ``upper_level``, on the upper level's default workspace);
    returns the exit code."""
    log_file = setup_logging()
    app, settings = create_application()
    errors.install_excepthook()
    log.info(
        "starting; language %s; log %s; settings %s",
        i18n.current_language(),
        log_file,
        settings.file_name,
    )
    instance = SingleInstance()
    if _handed_over(instance, register):
        log.info("the program is already running: the request was handed to it")
        return 0
    runner = TaskRunner()
    runner.default_error = errors.show_error
    shell = Shell(runner, settings)
    instance.show_requested.connect(lambda asked: shell.bring_forward(asked and Path(asked)))
    shell.start(Path(register) if register else None, upper_level=upper_level)
    code = app.exec()
    instance.close()
    runner.shutdown()
    settings.sync()
    return code


def _handed_over(instance: SingleInstance, register: str | None) -> bool:
    """True when a copy of the program already runs for this user and took the request
    (also when it started at the same moment and won the name)."""
    if instance.hand_over(register):
        return True
    return not instance.listen() and instance.hand_over(register)
