"""The people table (Vorta's table-model pattern) and its search/status filter proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterable

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

from desktop_app.domain.membership import EXITS, MEMBERS, STATUS_LABELS, STATUSES
from desktop_app.domain.person import FIELDS, SEX_LABELS
from desktop_app.services.views import PersonView
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key, mask_id_number, vn_date

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
        vn_date(person.birth_date),
        person.status_label,
        vn_date(person.ceremony_date),
        vn_date(person.official_date),
        mask_id_number(person.id_number),
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


class PeopleModel(QAbstractTableModel):
    """People of the register, one per row; display texts and sort keys computed once."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[PersonView] = []
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[tuple, ...]] = []
        self._row_of: dict[str, int] = {}

    def set_rows(self, people: Iterable[PersonView]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self._texts = [_display(p) for p in self._rows]
        self._keys = [_sort_keys(p) for p in self._rows]
        self._row_of = {p.id: i for i, p in enumerate(self._rows)}
        self.endResetModel()

    def column_texts(self, column: int) -> list[str]:
        """Every row's display text in a column (to size it, whatever a filter shows)."""
        return [texts[column] for texts in self._texts]

    def person(self, row: int) -> PersonView:
        return self._rows[row]

    def row_of(self, person_id: str) -> int | None:
        return self._row_of.get(person_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == SortRole:
            return self._keys[row][column]
        if role == ObjectRole:
            return self._rows[row]
        if role == Qt.ItemDataRole.ForegroundRole and self._rows[row].status in EXITS:
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
    """Keeps the rows whose id matched the search (None: no search) and whose status is in the
    chosen group; sorts by SortRole."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids: frozenset[str] | None = None
        self._group = "all"
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def status_group(self) -> str:
        return self._group

    def set_filter_ids(self, ids: Iterable[str] | None) -> None:
        self._refilter(lambda: setattr(self, "_ids", None if ids is None else frozenset(ids)))

    def set_status_group(self, key: str) -> None:
        if key not in STATUS_GROUPS:
            raise KeyError(key)
        self._refilter(lambda: setattr(self, "_group", key))

    def _refilter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        person = self.sourceModel().index(source_row, 0, source_parent).data(ObjectRole)
        if person is None:
            return False
        if self._ids is not None and person.id not in self._ids:
            return False
        statuses = STATUS_GROUPS[self._group][1]
        return statuses is None or person.status in statuses

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(self.sortRole()) < right.data(self.sortRole())
