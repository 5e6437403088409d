"""A person's events (the timeline in the detail view), newest first by default."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.domain.dates import vn_from_iso
from desktop_app.services.views import EventView
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

DATE, KIND, REFERENCE, PLACE, REASON = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("EventsModel", "Date"),
    QT_TRANSLATE_NOOP("EventsModel", "Event"),
    QT_TRANSLATE_NOOP("EventsModel", "Decision no."),
    QT_TRANSLATE_NOOP("EventsModel", "Place"),
    QT_TRANSLATE_NOOP("EventsModel", "Reason"),
)


def newest_first(events: Iterable[EventView]) -> list[EventView]:
    return sorted(events, key=lambda e: (e.date, e.created_at), reverse=True)


class EventsModel(RowsModel):
    """Rows of EventView; labels are the domain's Vietnamese event names."""

    CONTEXT = "EventsModel"
    HEADERS = HEADERS

    def set_rows(self, events: Iterable[EventView]) -> None:
        super().set_rows(newest_first(events))

    def event_at(self, row: int) -> EventView:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        event = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                vn_from_iso(event.date),
                event.label,
                event.reference,
                event.place,
                event.reason,
            )[column]
        if role == SortRole:
            return (
                (event.date, event.created_at)
                if column == DATE
                else ((event.label, event.reference, event.place, event.reason)[column - 1])
            )
        if role == ObjectRole:
            return event
        return None
