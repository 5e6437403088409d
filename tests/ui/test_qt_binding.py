"""Guards against binding bugs that would crash the program after a long session.

PySide6 6.12.0 drops a reference to None each time a Python override returns None to C++ (a
model's data() for a role it does not handle), and one to True on every signal emit. On Python
3.11, where None and True are not immortal, the count reaches zero after some minutes of use
and the interpreter aborts ("none_dealloc", "bool_dealloc"). pyproject.toml keeps PySide6 below
6.12 until these tests pass on a newer release.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_returning_none_from_an_override_keeps_its_references(qapp):
    model = _Model()  # kept alive: an index of a deleted model would crash
    index = model.index(1, 1)
    for _ in range(10):
        index.data(Qt.ItemDataRole.ToolTipRole)  # warm up caches
    before = sys.getrefcount(None)
    for _ in range(200):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None  # through C++ and back
    assert sys.getrefcount(None) - before >= -5  # a broken binding loses 200


def test_emitting_a_signal_keeps_its_references(qapp):
    class Source(QObject):
        fired = Signal(object)

    source = Source()
    source.fired.connect(lambda _value: None)
    for n in range(10):
        source.fired.emit(n)
    before = sys.getrefcount(True)
    for n in range(200):
        source.fired.emit(n)
    assert sys.getrefcount(True) - before >= -5  # a broken binding loses 200
