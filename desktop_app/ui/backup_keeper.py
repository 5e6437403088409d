"""Automatic backups while a register is open in the window: after every 30 minutes of use
when something changed, and when the register is closed. The backups themselves (checked,
verified, encrypted, pruned) are the backups service's; this only decides when."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.services import backups
from desktop_app.store.database import Register
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
TICK_MS = 60_000  # one minute of use


def _auto(reg: Register, reason: str) -> backups.BackupInfo | None:
    backups.auto_backup(reg, reason)
    return backups.last_backup(reg.register_id)


class BackupKeeper(QObject):
    """Counts the minutes a register is open and backs it up on the database thread."""

    changed = Signal(object)  # the newest automatic-folder backup (BackupInfo) or None
    failed = Signal(str)  # why the automatic backup could not be made

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self.minutes = 0
        self.every = int(backups.AUTO_EVERY.total_seconds() // 60)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        runner.register_changed.connect(self._register_changed)

    def _register_changed(self) -> None:
        self.minutes = 0
        self.refresh()

    def refresh(self) -> None:
        if self._runner.has_register:
            self._runner.submit(
                lambda reg: backups.last_backup(reg.register_id), self.changed.emit, self._failed
            )

    def tick(self) -> None:
        """A minute of use; every 30th backs the register up if it changed."""
        if not self._runner.has_register:
            return
        self.minutes += 1
        if self.minutes >= self.every:
            self.minutes = 0
            self._runner.submit(lambda reg: _auto(reg, "tu-dong"), self.changed.emit, self._failed)

    @staticmethod
    def on_close(reg: Register) -> None:
        """Database thread, just before the register closes: a backup if something changed
        since the last one (TaskRunner.close_register runs it; a failure is only logged)."""
        backups.auto_backup(reg, "dong-so")

    def _failed(self, exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", exc)
        self.failed.emit(str(exc))
