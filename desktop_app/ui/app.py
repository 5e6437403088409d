"""Starting the window: the application, its language and look, logging, and the start flow.

The start flow: a register given on the command line, else the one opened last, else the default
one if it exists, is unlocked and opened; otherwise the welcome screen offers to create one,
try the demo or open a file. ``Shell`` owns these flows for the whole session.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from desktop_app import paths
from desktop_app.domain.errors import DomainError
from desktop_app.services import registers
from desktop_app.store.errors import AlreadyOpen
from desktop_app.ui import errors, i18n, style
from desktop_app.ui.dialogs.create_wizard import CreateWizard
from desktop_app.ui.dialogs.unlock import UnlockDialog
from desktop_app.ui.main_window import MainWindow, is_demo
from desktop_app.ui.pages.welcome import WelcomePage
from desktop_app.ui.settings import LANGUAGE, LAST_REGISTER, TEXT_SCALE, Settings
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
ORGANISATION = "SoChiBo"
LOG_FILE = "sochibo.log"


class OpenRegisterFileDialog:
    """Choose an existing register file (a classmethod so tests can replace it)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("Shell", "Open a register")
        pattern = QApplication.translate("Shell", "Register (*.sochibo)")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(paths.data_dir()), pattern)
        return Path(name) if name else None


class Shell(QObject):
    """Which window is shown, and every way of getting a register open or closed."""

    def __init__(self, runner: TaskRunner, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.runner, self.settings = runner, settings
        self.welcome: WelcomePage | None = None
        self.window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: CreateWizard | None = None

    def start(self, register: Path | None = None) -> None:
        """Unlock the given, last or default register, or show the welcome screen."""
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
            self.welcome.resize(self.welcome.sizeHint())
        self.welcome.set_busy("")
        self.welcome.show()
        self.welcome.raise_()
        return self.welcome

    def _main_window(self) -> MainWindow:
        if self.window is None:
            self.window = MainWindow(self.runner, self.settings)
            self.window.new_requested.connect(self.new_register)
            self.window.open_requested.connect(self.choose_and_open)
            self.window.demo_requested.connect(self.open_demo)
            self.window.close_requested.connect(self.close_register)
        return self.window

    def _adopt(self, register: object, path: Path) -> None:
        """Show the main window with the register (pages exist before they are told)."""
        window = self._main_window()
        self.runner.adopt(register)
        if not is_demo(path):
            self.settings.set(LAST_REGISTER, str(path))
        window.show()
        window.raise_()
        window.activateWindow()
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
        dialog = UnlockDialog(self.runner, path, self._parent())
        dialog.opened.connect(lambda reg: self._adopt(reg, path))
        dialog.failed.connect(self._open_failed)
        dialog.cancelled.connect(self._back_if_nothing_open)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        """A finished dialog is deleted and no longer the current one."""
        if self.unlock_dialog is dialog:
            self.unlock_dialog = None
        if self.wizard is dialog:
            self.wizard = None
        dialog.deleteLater()

    def choose_and_open(self) -> None:
        path = OpenRegisterFileDialog.ask(self._parent())
        if path is not None:
            self.unlock(path)

    def new_register(self) -> CreateWizard:
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


def setup_logging() -> Path:
    """A rotating log file in the user's log folder (kept between runs, 5 × 1 MB)."""
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
    settings = settings or Settings()
    i18n.install(app, settings.get(LANGUAGE))
    style.apply(app, settings.get(TEXT_SCALE))
    return app, settings


def run(register: str | None = None) -> int:
    """Start the window; returns the exit code."""
    log_file = setup_logging()
    app, settings = create_application()
    errors.install_excepthook()
    log.info(
        "starting; language %s; log %s; settings %s",
        i18n.current_language(),
        log_file,
        settings.file_name,
    )
    runner = TaskRunner()
    runner.default_error = errors.show_error
    shell = Shell(runner, settings)
    shell.start(Path(register) if register else None)
    code = app.exec()
    runner.shutdown()
    settings.sync()
    return code
