"""The Today list: the deadlines of member development and the warnings of meetings, in one
order. The Today page and ``sochibo todo`` both call ``todo``."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.deadlines import TodoItem, arrange
from desktop_app.services import attendance, development
from desktop_app.store.database import Register


def todo(reg: Register, on: dt.date | None = None) -> list[TodoItem]:
    """Overdue first, then what falls due in the next 90 days."""
    on = on or dt.date.today()
    items = development.todo(reg, on) + attendance.warnings(reg, on)
    return arrange(items, on)
