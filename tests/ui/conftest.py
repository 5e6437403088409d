"""UI fixtures: no register SQL on the GUI thread, private settings, the Vietnamese interface,
register files made off the GUI thread, and the application shell.

The SQL guard is armed only while the body of a Qt test runs (a test using ``qtbot`` or
``qapp``): fixtures may set up data on the main thread, as services tests do, but anything the
test drives through the window must reach the register through the TaskRunner's thread.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import paths
from desktop_app.services import registers
from desktop_app.store.database import RegisterDatabase, key_path
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.ui import errors, i18n, style
from desktop_app.ui.settings import Settings
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import CELL, PASSPHRASE

SCREENS = Path(__file__).resolve().parents[1] / "artifacts" / "screens"
SCREEN_SIZE = (1280, 800)


@dataclass
class SqlGuard:
    armed: bool = False
    violations: list[str] = field(default_factory=list)


GUARD = pytest.StashKey[SqlGuard]()


@pytest.fixture(autouse=True)
def no_register_sql_on_gui_thread(request, monkeypatch) -> Iterator[SqlGuard]:
    """Register SQL on the main (GUI) thread fails the test while a Qt test body runs."""
    guard = SqlGuard()
    original = RegisterDatabase.execute_sql

    def checked(self, sql, params=None):
        if guard.armed and threading.current_thread() is threading.main_thread():
            guard.violations.append(str(sql))
            raise AssertionError(f"register SQL on the GUI thread: {str(sql)[:120]}")
        return original(self, sql, params)

    monkeypatch.setattr(RegisterDatabase, "execute_sql", checked)
    request.node.stash[GUARD] = guard
    yield guard
    assert not guard.violations, f"register SQL ran on the GUI thread: {guard.violations}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    guard = item.stash.get(GUARD, None)
    uses_qt = bool({"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())))
    if guard is not None and uses_qt:
        guard.armed = True
    try:
        return (yield)
    finally:
        if guard is not None:
            guard.armed = False


@pytest.fixture(autouse=True)
def _no_windows_left() -> Iterator[None]:
    """Top-level widgets a test made are deleted after it, not only closed. A closed window
    lives on hidden, and every later change of language, font or style sheet reached each
    one: after the shell's tests every window test of a long run took about 5 s more."""
    made_before = QApplication.topLevelWidgets() if QApplication.instance() else []
    before = {shiboken6.getCppPointer(w)[0] for w in made_before}
    yield
    if QApplication.instance() is None:
        return
    QApplication.processEvents()  # answers still on their way reach live widgets
    left = [w for w in QApplication.topLevelWidgets()
            if shiboken6.getCppPointer(w)[0] not in before]  # fmt: skip
    for widget in left:  # not closed: a window would ask a runner already shut down
        widget.hide()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path) -> None:
    """QSettings(IniFormat, UserScope) writes under the test's own folder."""
    folder = tmp_path / "settings"
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


@pytest.fixture
def vietnamese(qapp) -> Iterator[QApplication]:
    """The interface as a user sees it: Vietnamese translators and the program's look."""
    old = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    i18n.install(qapp, "vi")
    style.apply(qapp)
    yield qapp
    i18n.install(qapp, "en")
    qapp.setFont(old[0])
    qapp.setPalette(old[1])
    qapp.setStyleSheet(old[2])
    qapp.setStyle(old[3])


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, str]]:
    """Message boxes are recorded instead of shown."""
    seen: list[tuple[str, str]] = []

    def ask(parent, title, text, **_kw):
        seen.append((title, text))
        return errors.Button.Ok

    monkeypatch.setattr(errors.MessageDialog, "ask", ask)
    return seen


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "sochibo.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def shell(vietnamese, runner, settings, qtbot):
    """The application shell; every window it made is closed afterwards."""
    from desktop_app.ui.app import Shell

    shell = Shell(runner, settings)
    yield shell
    close_windows()
    runner.wait_idle()


def close_windows() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QApplication.processEvents()


def off_gui_thread(work: Callable[[], object]) -> object:
    """Run register work on a thread of its own (as another program would)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


@pytest.fixture
def register_file(tmp_path) -> Path:
    """A closed register holding the cell of tests/conftest.py; its passphrase is PASSPHRASE."""
    path = tmp_path / "so" / "chi-bo.sochibo"

    def make() -> None:
        reg, _key = registers.create_register(path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
        reg.close()

    off_gui_thread(make)
    return path


@pytest.fixture
def demo_file(demo_template) -> Path:
    """The session's demo register copied to where the program looks for it."""
    target = paths.demo_register()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(demo_template, target)
    shutil.copy2(key_path(demo_template), key_path(target))
    return target


@pytest.fixture
def screens() -> Callable[[QWidget, str], Path]:
    """Save a widget's picture as tests/artifacts/screens/NAME.png (look at them)."""
    SCREENS.mkdir(parents=True, exist_ok=True)

    def save(widget: QWidget, name: str) -> Path:
        QApplication.processEvents()
        target = SCREENS / f"{name}.png"
        assert widget.grab().save(str(target)), target
        return target

    return save


def _runner_for(register) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    runner.adopt(register)  # opened on the main thread by the fixture; the db thread owns it now
    yield runner
    runner.shutdown()


@pytest.fixture
def demo_runner(demo_register) -> Iterator[TaskRunner]:
    """A runner holding a copy of the demo register (about 45 people)."""
    yield from _runner_for(demo_register)


@pytest.fixture
def empty_runner(register) -> Iterator[TaskRunner]:
    """A runner holding a fresh register with only the cell."""
    yield from _runner_for(register)
