"""The import wizard's two tables: the file's columns with the field each one goes to, and the
preview of every row (what was converted, what is wrong, who it may already be, and what to do
with it). Pure presentation of the services' Plan and Preview; nothing here reads a file."""

from __future__ import annotations

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

from desktop_app.domain.legacy_text import SOURCE_LABELS
from desktop_app.domain.names import name_sort_key
from desktop_app.domain.person import MEMBERSHIP_LABELS
from desktop_app.services.imports import ACTIONS, TARGETS, Column, Preview, RowPreview
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key, horizontal_header
from desktop_app.ui.widgets.messages import ERROR_COLOR, WARNING_COLOR
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex
_ERROR_ROW = QColor("#fdecea")

# -- the columns of the file -------------------------------------------------------------------

LETTER, LABEL, SAMPLES, TARGET = range(4)
MAPPING_HEADERS = (
    QT_TRANSLATE_NOOP("ColumnMappingModel", "Column"),
    QT_TRANSLATE_NOOP("ColumnMappingModel", "Header in the file"),
    QT_TRANSLATE_NOOP("ColumnMappingModel", "Sample values"),
    QT_TRANSLATE_NOOP("ColumnMappingModel", "Import into"),
)
NOT_IMPORTED = QT_TRANSLATE_NOOP("ColumnMappingModel", "Not imported")


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA", as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def target_label(target: str | None) -> str:
    if not target:
        return QCoreApplication.translate("ColumnMappingModel", NOT_IMPORTED)
    return TARGETS.get(target, target)


class ColumnMappingModel(QAbstractTableModel):
    """One row per column of the file; the target column is editable (EditRole: the target
    key, "" for not imported)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._columns: list[Column] = []
        self._targets: list[str | None] = []

    def set_columns(self, columns: tuple[Column, ...] | list[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._targets = [c.target for c in self._columns]
        self.endResetModel()

    def mapping(self) -> dict[int, str | None]:
        """{column index in the file: target or None}, as ``imports.with_mapping`` takes it."""
        return {c.index: t for c, t in zip(self._columns, self._targets, strict=True)}

    def target_at(self, row: int) -> str | None:
        return self._targets[row]

    def row_of_column(self, index: int) -> int | None:
        return next((r for r, c in enumerate(self._columns) if c.index == index), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MAPPING_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column, row = self._columns[index.row()], index.row()
        target = self._targets[row]
        texts = (
            column_letter(column.index),
            column.label,
            "; ".join(column.samples),
            target_label(target),
        )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return (target or "") if index.column() == TARGET else texts[index.column()]
        if role == SortRole:
            return column.index if index.column() == LETTER else texts[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == TARGET and not target:
            return QColor("#6b6b6b")
        if role == ObjectRole:
            return column
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != TARGET or role != Qt.ItemDataRole.EditRole:
            return False
        target = str(value) if value else None
        if target is not None and target not in TARGETS:
            return False
        if self._targets[index.row()] != target:
            self._targets[index.row()] = target
            self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return horizontal_header("ColumnMappingModel", MAPPING_HEADERS, section, orientation, role)


# -- the preview -------------------------------------------------------------------------------

ROW, NAME, BIRTH, STATUS, ACTION, DUPLICATE, CONVERTED, PROBLEMS = range(8)
PREVIEW_HEADERS = (
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Row"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Full name"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Birth date"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Status"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Action"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Possible duplicate"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Converted"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Problems"),
)
ACTION_LABELS = {
    "add": QT_TRANSLATE_NOOP("ImportPreviewModel", "Add"),
    "update": QT_TRANSLATE_NOOP("ImportPreviewModel", "Update"),
    "skip": QT_TRANSLATE_NOOP("ImportPreviewModel", "Skip"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreviewModel", text)


def action_label(action: str) -> str:
    return _tr(ACTION_LABELS[action])


def conversion_texts(row: RowPreview) -> list[str]:
    """ "TCVN3 → «Nguyễn»" for each value whose old encoding or decomposed accents were fixed."""
    return [f"{SOURCE_LABELS.get(c.source, c.source)} → «{c.after}»" for c in row.conversions]


def duplicate_texts(row: RowPreview) -> list[str]:
    texts = []
    if row.same_as_row is not None:
        texts.append(
            fill(
                QCoreApplication.translate("ImportPreviewModel", "same as row %1"), row.same_as_row
            )
        )
    texts += [
        fill(
            QCoreApplication.translate("ImportPreviewModel", "already in the register: %1 (%2)"),
            name,
            why,
        )
        for _, name, why in row.matches
    ]
    return texts


def flagged(row: RowPreview) -> bool:
    """Shown by the "only rows with problems or duplicates" filter."""
    return bool(row.errors or row.warnings or row.matches or row.same_as_row is not None)


def _birth(iso: object) -> str:
    text = str(iso or "")
    if len(text) == 10:
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return f"{text[5:7]}/{text[:4]}" if len(text) == 7 else text


class ImportPreviewModel(QAbstractTableModel):
    """One row per row of the file. The action column is editable with EditRole (the action
    key) among the row's ``allowed()`` actions; rows with errors stay at "skip"."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[RowPreview] = []
        self._actions: list[str] = []
        self._texts: list[tuple[str, ...]] = []

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self._rows = list(preview.rows) if preview else []
        self._actions = [r.default_action for r in self._rows]
        self._texts = [self._display(r) for r in self._rows]
        self.endResetModel()

    @staticmethod
    def _display(row: RowPreview) -> tuple[str, ...]:
        membership = str(row.values.get("membership") or "")
        return (
            str(row.number),
            row.name,
            _birth(row.values.get("birth_date")),
            MEMBERSHIP_LABELS.get(membership, membership),
            "",  # the action is read live
            "; ".join(duplicate_texts(row)),
            "; ".join(conversion_texts(row)),
            "; ".join((*row.errors, *row.warnings)),
        )

    def row_at(self, row: int) -> RowPreview:
        return self._rows[row]

    def action_at(self, row: int) -> str:
        return self._actions[row]

    def choices(self) -> dict[int, str]:
        """{row number in the file: action} for ``imports.apply``."""
        return {r.number: a for r, a in zip(self._rows, self._actions, strict=True)}

    def action_counts(self) -> dict[str, int]:
        return {a: self._actions.count(a) for a in ACTIONS}

    def row_of_number(self, number: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.number == number), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PREVIEW_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ACTION:
                return action_label(self._actions[index.row()])
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.EditRole:
            return self._actions[index.row()] if column == ACTION else self.data(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.row(), column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, index.row(), column)
        if role == Qt.ItemDataRole.BackgroundRole and row.errors:
            return _ERROR_ROW
        if role == SortRole:
            return self._sort_key(row, index.row(), column)
        if role == ObjectRole:
            return row
        return None

    def _tooltip(self, row: RowPreview, position: int, column: int) -> str:
        if column == PROBLEMS:
            return "\n".join((*row.errors, *row.warnings))
        if column == CONVERTED:
            return "\n".join(
                f"{TARGETS.get(c.field, c.field)}: «{c.before}» → «{c.after}» "
                f"({SOURCE_LABELS.get(c.source, c.source)})"
                for c in row.conversions
            )
        if column == DUPLICATE:
            return "\n".join(duplicate_texts(row))
        if column == ACTION and len(row.allowed()) > 1:
            return QCoreApplication.translate(
                "ImportPreviewModel", "Click to choose what to do with this row"
            )
        return str(self.data(self.index(position, column)))

    def _foreground(self, row: RowPreview, position: int, column: int) -> QColor | None:
        if column == PROBLEMS and (row.errors or row.warnings):
            return QColor(ERROR_COLOR if row.errors else WARNING_COLOR)
        if column == DUPLICATE and (row.matches or row.same_as_row is not None):
            return QColor(WARNING_COLOR)
        if column == ACTION and self._actions[position] == "skip":
            return QColor("#6b6b6b")
        return None

    def _sort_key(self, row: RowPreview, position: int, column: int) -> object:
        if column == ROW:
            return row.number
        if column == NAME:
            return (name_sort_key(row.name), row.number)
        if column == BIRTH:
            return (*date_key(str(row.values.get("birth_date") or "")), row.number)
        if column == ACTION:
            return (ACTIONS.index(self._actions[position]), row.number)
        if column == PROBLEMS:
            level = 0 if row.errors else 1 if row.warnings else 2
            return (level, self._texts[position][column], row.number)
        return (self._texts[position][column] == "", self._texts[position][column], row.number)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (
            index.isValid()
            and index.column() == ACTION
            and len(self._rows[index.row()].allowed()) > 1
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ACTION or role != Qt.ItemDataRole.EditRole:
            return False
        if value not in self._rows[index.row()].allowed():
            return False
        if self._actions[index.row()] != value:
            self._actions[index.row()] = str(value)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, role])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(PREVIEW_HEADERS)
        ):
            return _tr(PREVIEW_HEADERS[section])
        return None


class ImportPreviewProxy(QSortFilterProxyModel):
    """Sorts by SortRole; optionally shows only rows with problems or duplicates."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.only_flagged = False
        self.setSortRole(SortRole)

    def set_only_flagged(self, on: bool) -> None:
        if on != self.only_flagged:
            self.beginFilterChange()
            self.only_flagged = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.only_flagged:
            return True
        model = self.sourceModel()
        return flagged(model.index(source_row, 0, source_parent).data(ObjectRole))
