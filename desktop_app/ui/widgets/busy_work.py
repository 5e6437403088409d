"""One piece of database work at a time for a page with a banner (the Settings and Send pages):
its buttons are off while the work runs, a refusal shows in the banner, anything else in the
error dialog, and the page reads the register again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.domain.errors import DomainError
from desktop_app.ui import errors


class BusyWork:
    """A mixin for a QWidget page with ``_runner``, ``banner``, ``_busy``, ``_update_buttons()``
    and ``reload()``."""

    def _start(self, work: Callable, done: Callable[[Any], None], message: str | None = None):
        self._busy = True
        self.banner.clear_message()
        self._update_buttons()
        self._runner.submit(
            work, lambda r: self._finish(done, r), self._failed, progress=message, parent=self
        )

    def _finish(self, done: Callable[[Any], None], result: object) -> None:
        self._busy = False
        self._update_buttons()
        done(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
        self.reload()
