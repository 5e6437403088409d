"""A meeting's roll call (members expected first, exempted members apart, then candidates and
guests, in the order the service gives) and the certificates a training class issued."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_app.domain.attendance import GROUPS, STATUSES
from desktop_app.domain.dates import vn_from_iso
from desktop_app.services.meetings import Certificate, RollLine
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key
from desktop_app.ui.widgets.messages import ERROR_COLOR, WARNING_COLOR

Index = QModelIndex | QPersistentModelIndex

NAME, GROUP, STATUS, REASON = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("RollModel", "Name"),
    QT_TRANSLATE_NOOP("RollModel", "On the roll as"),
    QT_TRANSLATE_NOOP("RollModel", "Attendance"),
    QT_TRANSLATE_NOOP("RollModel", "Reason"),
)
# The groups after the members expected are set apart by a tint.
GROUP_BACKGROUNDS = {"exempted": "#f1efeb", "candidate": "#eef3f9", "guest": "#f8f3e6"}
STATUS_COLORS = {"absent": ERROR_COLOR, "excused": WARNING_COLOR, "late": WARNING_COLOR}


def line_key(line: RollLine) -> str:
    """What identifies a line across reloads: the person, or the guest's name."""
    return line.person_id or f"guest:{line.name}"


def status_text(line: RollLine) -> str:
    return STATUSES.get(line.status or "", "—")


def _header(context: str, headers: tuple[str, ...], section: int, orientation, role) -> object:
    if (
        role == Qt.ItemDataRole.DisplayRole
        and orientation == Qt.Orientation.Horizontal
        and 0 <= section < len(headers)
    ):
        return QCoreApplication.translate(context, headers[section])
    return None


class RollModel(QAbstractTableModel):
    """Rows of RollLine, in the order given."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[RollLine] = []

    def set_rows(self, rows: Iterable[RollLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RollLine]:
        return list(self._rows)

    def row_at(self, row: int) -> RollLine:
        return self._rows[row]

    def row_of(self, key: str | None) -> int | None:
        return next((i for i, r in enumerate(self._rows) if line_key(r) == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def display(self, line: RollLine, column: int) -> str:
        texts = (line.name, GROUPS.get(line.group, line.group), status_text(line), line.reason)
        return texts[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON:
            return line.reason or None
        if role == SortRole:
            return (index.row(), self.display(line, column))
        if role == ObjectRole:
            return line
        if role == Qt.ItemDataRole.BackgroundRole and line.group in GROUP_BACKGROUNDS:
            return QColor(GROUP_BACKGROUNDS[line.group])
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            color = STATUS_COLORS.get(line.status or "")
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.FontRole and column == STATUS and line.status == "absent":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return _header("RollModel", HEADERS, section, orientation, role)


CERT_NAME, CERT_NUMBER, CERT_DATE = range(3)
CERT_HEADERS = (
    QT_TRANSLATE_NOOP("CertificatesModel", "Name"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Certificate no."),
    QT_TRANSLATE_NOOP("CertificatesModel", "Issued on"),
)


class CertificatesModel(QAbstractTableModel):
    """The certificates issued for a class, as the service lists them."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Certificate] = []

    def set_rows(self, rows: Iterable[Certificate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CERT_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cert = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (cert.name, cert.number, vn_from_iso(cert.date))[index.column()]
        if role == SortRole:
            return ((cert.name,), (cert.number,), date_key(cert.date))[index.column()]
        if role == ObjectRole:
            return cert
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return _header("CertificatesModel", CERT_HEADERS, section, orientation, role)
