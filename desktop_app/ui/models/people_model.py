"""The people table (Vorta's table-model pattern) and its search/status filter proxy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.id_mask import mask_id
from desktop_app.domain.membership import EXITS, MEMBERS, STATUS_LABELS, STATUSES
from desktop_app.domain.person import FIELDS, SEX_LABELS
from desktop_app.services.views import PersonView
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key

Index = QModelIndex | QPersistentModelIndex

NAME, SEX, BIRTH, STATUS, CEREMONY, OFFICIAL, ID_NUMBER, PHONE = range(8)
COLUMN_COUNT = 8
_FIELD_OF = {
    NAME: "full_name",
    SEX: "sex",
    BIRTH: "birth_date",
    CEREMONY: "ceremony_date",
    OFFICIAL: "official_date",
    ID_NUMBER: "id_number",
    PHONE: "phone",
}
_STATUS_HEADER = QT_TRANSLATE_NOOP("PeopleModel", "Status")
_LEFT_COLOR = QColor("#6b6b6b")
_ONE_LINE = (NAME, STATUS)  # wide columns keep their header on one line


def column_header(column: int) -> str:
    """Field columns use the domain's Vietnamese label ("Ngày vào Đảng (lễ kết nạp)" loses its
    explanation in brackets); the status column has no field, so its header is translated."""
    if column == STATUS:
        return QCoreApplication.translate("PeopleModel", _STATUS_HEADER)
    return FIELDS[_FIELD_OF[column]].label.split(" (")[0]


def two_lines(text: str) -> str:
    """Break a header over two lines as evenly as the words allow, so narrow columns of dates
    and numbers need not be as wide as their labels ("Ngày" over "chính thức")."""
    words = text.split()
    if len(words) < 2:
        return text
    cut = min(
        range(1, len(words)), key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:])))
    )
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _display(person: PersonView) -> tuple[str, ...]:
    return (
        person.full_name,
        SEX_LABELS.get(person.sex, person.sex),
        vn_from_iso(person.birth_date),
        person.status_label,
        vn_from_iso(person.ceremony_date),
        vn_from_iso(person.official_date),
        mask_id(person.id_number),  # last 3 digits: the detail view can show it whole
        person.phone,
    )


def _sort_keys(person: PersonView) -> tuple[tuple, ...]:
    name = person.sort_key  # stored Vietnamese order (given, middle, family): no work here
    status = (STATUSES.index(person.status), person.exempted, person.temporarily_away)
    return (
        name,
        (person.sex, name),
        (*date_key(person.birth_date), name),
        (*status, name),
        (*date_key(person.ceremony_date), name),
        (*date_key(person.official_date), name),
        (*date_key(person.id_number), name),
        (*date_key(person.phone), name),
    )


@dataclass(frozen=True)
class PreparedRows:
    """Everything the table shows, computed off the GUI thread (pure Python, no Qt): display
    texts, sort keys and, per column, the row order that sorting by it gives."""

    rows: tuple[PersonView, ...]
    texts: tuple[tuple[str, ...], ...]
    keys: tuple[tuple[tuple, ...], ...]
    orders: tuple[tuple[int, ...], ...]  # per column: row indices in ascending order

    @classmethod
    def of(cls, people: Iterable[PersonView]) -> PreparedRows:
        rows = tuple(people)
        keys = tuple(_sort_keys(p) for p in rows)
        orders = tuple(
            tuple(sorted(range(len(rows)), key=lambda i, c=c: keys[i][c]))
            for c in range(COLUMN_COUNT)
        )
        return cls(rows, tuple(_display(p) for p in rows), keys, orders)


class PeopleModel(QAbstractTableModel):
    """People of the register, one per row. It sorts itself by reordering rows along the
    prepared orders, so sorting 10,000 people never calls Python once per comparison."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._data = PreparedRows.of(())
        self._order: list[int] = []  # display row -> index into the prepared rows
        self._row_of: dict[str, int] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: rows as given
        self._ids: frozenset[str] | None = None  # search hits; None: no search
        self._statuses: frozenset[str] | None = None  # status group; None: everyone

    @staticmethod
    def prepare(people: Iterable[PersonView]) -> PreparedRows:
        """Call on the database thread; hand the result to set_prepared on the GUI thread."""
        return PreparedRows.of(people)

    def set_rows(self, people: Iterable[PersonView]) -> None:
        self.set_prepared(PreparedRows.of(people))

    def set_prepared(self, data: PreparedRows) -> None:
        self.beginResetModel()
        self._data = data
        self._order = self._visible()
        self._index_ids()
        self.endResetModel()

    _KEEP: object = object()

    def set_filter(self, ids: object = _KEEP, statuses: object = _KEEP) -> None:
        """Show only the search hits (``ids``) in the status group (``statuses``); either
        left out keeps its current value."""
        if ids is not self._KEEP:
            self._ids = ids  # type: ignore[assignment]
        if statuses is not self._KEEP:
            self._statuses = statuses  # type: ignore[assignment]
        self.beginResetModel()
        self._order = self._visible()
        self._index_ids()
        self.endResetModel()

    def _visible(self) -> list[int]:
        """Display order: sorted (or as given), then filtered, in one pass."""
        rows = self._data.rows
        order = self._ordered(*self._sort) if self._sort else range(len(rows))
        ids, statuses = self._ids, self._statuses
        if ids is None and statuses is None:
            return list(order)
        return [
            b
            for b in order
            if (ids is None or rows[b].id in ids)
            and (statuses is None or rows[b].status in statuses)
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.person(i.row()).id for i in old]
        self._sort = (column, order)
        self._order = self._visible()
        self._index_ids()
        self.changePersistentIndexList(
            old,
            [self.index(self._row_of[pid], i.column()) for pid, i in zip(ids, old, strict=True)],
        )
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[int]:
        ascending = list(self._data.orders[column]) if self._data.rows else []
        return ascending[::-1] if order == Qt.SortOrder.DescendingOrder else ascending

    def _index_ids(self) -> None:
        rows = self._data.rows
        self._row_of = {rows[base].id: row for row, base in enumerate(self._order)}

    def column_texts(self, column: int) -> list[str]:
        """Every row's display text in a column (to size it, whatever a filter shows)."""
        return [texts[column] for texts in self._data.texts]

    def everyone(self) -> tuple[PersonView, ...]:
        """Everyone loaded, in load order, whatever the filter shows."""
        return self._data.rows

    def total(self) -> int:
        """Everyone loaded, whatever the filter shows (rowCount() is what it shows)."""
        return len(self._data.rows)

    def person(self, row: int) -> PersonView:
        return self._data.rows[self._order[row]]

    def row_of(self, person_id: str) -> int | None:
        return self._row_of.get(person_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        base, column = self._order[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._data.texts[base][column]
        if role == SortRole:
            return self._data.keys[base][column]
        if role == ObjectRole:
            return self._data.rows[base]
        if role == Qt.ItemDataRole.ForegroundRole and self._data.rows[base].status in EXITS:
            return _LEFT_COLOR
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = column_header(section)
            return text if section in _ONE_LINE else two_lines(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_header(section)
        return None


# -- filtering -----------------------------------------------------------------------------

STATUS_GROUPS: dict[str, tuple[str | None, frozenset[str] | None]] = {
    "active": (QT_TRANSLATE_NOOP("PeopleFilterProxy", "Active members"), frozenset(MEMBERS)),
    "official": (None, frozenset({"official"})),
    "probationary": (None, frozenset({"probationary"})),
    "candidate": (None, frozenset({"candidate"})),
    "left": (QT_TRANSLATE_NOOP("PeopleFilterProxy", "Left the cell"), frozenset(EXITS)),
    "all": (QT_TRANSLATE_NOOP("PeopleFilterProxy", "Everyone"), None),
}


def status_group_label(key: str) -> str:
    """Vietnamese status names come from the domain; the groups it has no name for are
    translated."""
    source, _statuses = STATUS_GROUPS[key]
    if source is None:
        return STATUS_LABELS[key]
    return QCoreApplication.translate("PeopleFilterProxy", source)


class PeopleFilterProxy(QSortFilterProxyModel):
    """The view's model: search and status filter, and sorting, are passed to PeopleModel,
    which applies them to its prepared rows in one pass. (A Python filterAcceptsRow would be
    called 10,000 times per keystroke from C++; this way the proxy accepts every row.)"""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._group = "all"

    def sourceModel(self) -> PeopleModel:
        return super().sourceModel()  # type: ignore[return-value]

    @property
    def status_group(self) -> str:
        return self._group

    def set_filter_ids(self, ids: Iterable[str] | None) -> None:
        self.sourceModel().set_filter(ids=None if ids is None else frozenset(ids))

    def set_status_group(self, key: str) -> None:
        if key not in STATUS_GROUPS:
            raise KeyError(key)
        self._group = key
        self.sourceModel().set_filter(statuses=STATUS_GROUPS[key][1])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
