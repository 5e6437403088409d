"""Pick a person from a list (official members for introducers and mentors): a combo box that
also takes typed text, found with or without accents ("le thi cuc" finds "Lê Thị Cúc")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.names import fold
from desktop_app.services.views import PersonView

FoldedRole = Qt.ItemDataRole.UserRole + 10


class _FoldingCompleter(QCompleter):
    """Matches the folded text typed against the folded names."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class PersonPicker(QComboBox):
    """Editable combo of people; ``person_id()`` is the one chosen or typed in full."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        completer = _FoldingCompleter(self)
        completer.setModel(self._items)
        completer.setCompletionRole(FoldedRole)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated[QModelIndex].connect(self._completed)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def set_people(self, people: Iterable[PersonView], keep: str | None = None) -> None:
        """Fill the list; names shared by two people show the birth year to tell them apart."""
        people = sorted(people, key=lambda p: p.sort_key)
        names = [p.full_name for p in people]
        self._items.clear()
        for person in people:
            text = person.full_name
            if names.count(text) > 1 and person.birth_date:
                text = f"{text} ({vn_from_iso(person.birth_date)[-4:]})"
            item = QStandardItem(text)
            item.setData(person.id, Qt.ItemDataRole.UserRole)
            item.setData(fold(text), FoldedRole)
            item.setToolTip(person.status_label)
            self._items.appendRow(item)
        self.set_person_id(keep)

    def set_person_id(self, person_id: str | None) -> None:
        index = self.findData(person_id) if person_id else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def _completed(self, index: QModelIndex) -> None:
        source = index
        while isinstance(source.model(), QSortFilterProxyModel):
            source = source.model().mapToSource(source)
        self.setCurrentIndex(source.row())

    def person_id(self) -> str | None:
        """The chosen person; a typed name counts when it names exactly one person."""
        text = fold(self.currentText())
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and fold(self.itemText(index)) == text:
            return self.itemData(index)
        found = [i for i in range(self.count()) if fold(self.itemText(i)) == text]
        return self.itemData(found[0]) if len(found) == 1 else None

    def typed_unknown(self) -> bool:
        """Something is typed that names no one in the list."""
        return bool(self.currentText().strip()) and self.person_id() is None
