"""All database work runs on one worker thread (Anki's taskman pattern).

The register's SQLCipher connection is used by exactly one thread at a time, so the GUI thread
never blocks on the disk. Results come back to the GUI thread through a queued signal. A busy
cursor shows after 300 ms; a progress dialog (``progress=...``) only after 600 ms.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop_app.store.database import Register

log = logging.getLogger(__name__)
BUSY_AFTER_MS = 300
PROGRESS_AFTER_MS = 600

Work = Callable[[Register], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Owns the open register and the single database thread."""

    _finished = Signal(object, object, object, object)  # future, on_done, on_error, token
    register_changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self._register: Register | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.default_error: Failed = lambda exc: log.error("task failed: %s", exc)

    @property
    def has_register(self) -> bool:
        return self._register is not None

    def submit(
        self,
        work: Work,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Future:
        """Run ``work(register)`` on the database thread; callbacks run on the GUI thread."""
        return self._start(lambda: work(self._require()), on_done, on_error, progress, parent)

    def call(
        self,
        work: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Future:
        """Run work that needs no open register (opening or creating one) on the same thread."""
        return self._start(work, on_done, on_error, progress, parent)

    def adopt(self, register: Register) -> None:
        """Make a register (opened on the database thread) the current one."""
        old, self._register = self._register, register
        if old is not None and old is not register:
            self._pool.submit(old.close)
        self.register_changed.emit()

    def replace_register(
        self,
        work: Callable[[Register], Register],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Future:
        """Run work that closes the current register and returns the one to use instead (a
        restore). The swap happens on the database thread, so work queued after this call
        already sees the new register; a failure that reopened the old file (``reopened`` on
        the error) keeps that one."""

        def run() -> Register:
            try:
                new = work(self._require())
            except BaseException as exc:
                reopened = getattr(exc, "reopened", None)
                if reopened is not None:
                    self._register = reopened
                raise
            self._register = new
            return new

        def done(new: Register) -> None:
            self.register_changed.emit()
            if on_done is not None:
                on_done(new)

        return self._start(run, done, on_error, progress, parent)

    def close_register(self, before: Work | None = None) -> Future:
        """Close the register on the database thread; ``before(register)`` runs there first
        (the backup on closing). Work queued later no longer sees a register."""
        reg, self._register = self._register, None

        def close() -> None:
            if reg is None:
                return
            try:
                if before is not None:
                    before(reg)
            except Exception:
                log.exception("work before closing the register failed")
            finally:
                reg.close()

        return self._pool.submit(close)

    def shutdown(self) -> None:
        self.close_register()
        self._pool.shutdown(wait=True)

    def wait_idle(self) -> None:
        """Block until queued work is done (tests and shutdown only)."""
        self._pool.submit(lambda: None).result()
        QApplication.processEvents()

    # -- internals -----------------------------------------------------------------------

    def _require(self) -> Register:
        if self._register is None:
            raise RegisterClosed("no register is open")
        return self._register

    def _start(
        self,
        work: Callable[[], Any],
        on_done: Done | None,
        on_error: Failed | None,
        progress: str | None,
        parent: QWidget | None,
    ) -> Future:
        token = _Feedback(progress, parent)
        future = self._pool.submit(work)
        future.add_done_callback(lambda f: self._finished.emit(f, on_done, on_error, token))
        return future

    @Slot(object, object, object, object)
    def _deliver(
        self, future: Future, on_done: Done | None, on_error: Failed | None, token: _Feedback
    ) -> None:
        token.stop()
        exc = future.exception()
        if isinstance(exc, RegisterClosed):  # closed before the work ran: nobody waits for it
            log.debug("task dropped: the register was closed before it ran")
            return
        if exc is not None:
            log.debug("task error:\n%s", "".join(traceback.format_exception(exc)))
            (on_error or self.default_error)(exc)
        elif on_done is not None:
            on_done(future.result())


class RegisterClosed(RuntimeError):
    """Work submitted for a register that was closed before the work could run."""


class _Feedback:
    """A busy cursor after 300 ms and a progress dialog after 600 ms, unless done sooner."""

    def __init__(self, progress: str | None, parent: QWidget | None):
        self._cursor = False
        self._dialog: QProgressDialog | None = None
        self._stopped = False
        self._progress, self._parent = progress, parent
        QTimer.singleShot(BUSY_AFTER_MS, self._busy)
        if progress:
            QTimer.singleShot(PROGRESS_AFTER_MS, self._show_progress)

    def _busy(self) -> None:
        if not self._stopped:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._cursor = True

    def _show_progress(self) -> None:
        if self._stopped:
            return
        self._dialog = QProgressDialog(self._progress or "", "", 0, 0, self._parent)
        self._dialog.setCancelButton(None)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._dialog.show()

    def stop(self) -> None:
        self._stopped = True
        if self._cursor:
            QApplication.restoreOverrideCursor()
        if self._dialog is not None:
            self._dialog.close()
