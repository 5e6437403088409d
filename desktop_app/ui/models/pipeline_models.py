"""Small table models of one person's admission pipeline: the steps done (with their details
summarised in Vietnamese), the next steps, the dossier checklist (status coloured), the mentors
and the deadlines (with the rule's source; the tooltip says why)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.domain.admission import UNIONS, VOTES
from desktop_app.domain.dates import format_vn, vn_from_iso
from desktop_app.domain.deadlines import TodoItem
from desktop_app.domain.dossier import DossierItem
from desktop_app.services.development import MentorshipView, StepView
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.widgets.messages import ERROR_COLOR, WARNING_COLOR
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex

# Dossier status → (text colour, background): red-ish, amber, green-ish, grey.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "missing": (ERROR_COLOR, "#fdecea"),
    "expired": (ERROR_COLOR, "#fdecea"),
    "failed": (ERROR_COLOR, "#fdecea"),
    "expiring": (WARNING_COLOR, "#fff4e0"),
    "in": ("#1e6b34", "#e6f4ea"),
    "optional": ("#5c5c5c", "#f1efeb"),
    "later": ("#5c5c5c", "#f1efeb"),
}


def vote_summary(details: dict) -> str:
    """ "22/32 tán thành, có mặt 24, cần 22: đạt" from a vote's stored figures."""
    electorate = int(details.get("official_total", 0)) + int(details.get("exempted_present", 0))
    verdict = (
        QCoreApplication.translate("StepsModel", "passed")
        if details.get("passed")
        else QCoreApplication.translate("StepsModel", "not passed")
    )
    return fill(
        QCoreApplication.translate("StepsModel", "%1/%2 in favour, %3 present, %4 needed: %5"),
        details.get("in_favour", 0),
        electorate,
        details.get("present", 0),
        details.get("needed", 0),
        verdict,
    )


def step_details(step: StepView) -> str:
    """What was recorded with a step, in one line."""
    d = step.details
    parts: list[str] = []
    if step.kind in VOTES:
        parts.append(vote_summary(d))
    if d.get("introducer_name"):
        parts.append(
            fill(QCoreApplication.translate("StepsModel", "introducer: %1"), d["introducer_name"])
        )
    if d.get("joint_since"):
        parts.append(
            fill(
                QCoreApplication.translate("StepsModel", "worked together since %1"),
                vn_from_iso(d["joint_since"]),
            )
        )
    if d.get("replacement"):
        parts.append(QCoreApplication.translate("StepsModel", "replacement introducer"))
    if d.get("union"):
        parts.append(UNIONS.get(str(d["union"]), str(d["union"])))
    if d.get("certificate_number"):
        parts.append(
            fill(
                QCoreApplication.translate("StepsModel", "certificate no. %1"),
                d["certificate_number"],
            )
        )
    if d.get("issuer"):
        parts.append(fill(QCoreApplication.translate("StepsModel", "issued by %1"), d["issuer"]))
    if d.get("received"):
        parts.append(
            fill(
                QCoreApplication.translate("StepsModel", "received on %1"),
                vn_from_iso(d["received"]),
            )
        )
    if d.get("mentor_name"):
        parts.append(fill(QCoreApplication.translate("StepsModel", "mentor: %1"), d["mentor_name"]))
    if d.get("actor"):
        parts.append(fill(QCoreApplication.translate("StepsModel", "by %1"), d["actor"]))
    if step.reason:
        parts.append(f"«{step.reason}»")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


class RowsModel(QAbstractTableModel):
    """Read-only rows with translated headers; subclasses say what each column shows."""

    CONTEXT = "RowsModel"
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def texts(self, item: Any) -> Sequence[str]:
        raise NotImplementedError

    def sort_key(self, item: Any, column: int) -> object:
        return self.texts(item)[column]

    def tooltip(self, item: Any, column: int) -> str | None:
        return self.texts(item)[column] or None

    def colours(self, item: Any, column: int) -> tuple[str, str] | None:
        """(text, background) colours of a cell, or None for the defaults."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(item)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == SortRole:
            return self.sort_key(item, column)
        if role == ObjectRole:
            return item
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = self.colours(item, column)
            if colours is None:
                return None
            return QColor(colours[0 if role == Qt.ItemDataRole.ForegroundRole else 1])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None


class StepsModel(RowsModel):
    """The steps of the current candidacy, oldest first."""

    DATE, STEP, FORM, REFERENCE, DETAILS = range(5)
    CONTEXT = "StepsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("StepsModel", "Date"),
        QT_TRANSLATE_NOOP("StepsModel", "Step"),
        QT_TRANSLATE_NOOP("StepsModel", "Form"),
        QT_TRANSLATE_NOOP("StepsModel", "Document no."),
        QT_TRANSLATE_NOOP("StepsModel", "Details"),
    )

    def texts(self, item: StepView) -> Sequence[str]:
        return (vn_from_iso(item.date), item.label, item.form, item.reference, step_details(item))

    def sort_key(self, item: StepView, column: int) -> object:
        return item.date if column == self.DATE else self.texts(item)[column]

    def colours(self, item: StepView, column: int) -> tuple[str, str] | None:
        if item.kind in VOTES and column == self.DETAILS:
            return STATUS_COLOURS["in" if item.details.get("passed") else "failed"]
        return None


class NextStepsModel(RowsModel):
    """What the procedure still needs, in order: (kind, label, form)."""

    NUMBER, STEP, FORM = range(3)
    CONTEXT = "NextStepsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("NextStepsModel", "No."),
        QT_TRANSLATE_NOOP("NextStepsModel", "Next step"),
        QT_TRANSLATE_NOOP("NextStepsModel", "Form"),
    )

    def set_rows(self, rows: Iterable[tuple[str, str, str]]) -> None:
        super().set_rows((i, *row) for i, row in enumerate(rows, start=1))

    def texts(self, item: tuple[int, str, str, str]) -> Sequence[str]:
        number, _kind, label, form = item
        return (str(number), label, form)

    def sort_key(self, item: tuple[int, str, str, str], column: int) -> object:
        return item[0] if column == self.NUMBER else self.texts(item)[column]


class DossierModel(RowsModel):
    """The admission dossier checklist; the status cell is coloured. The item's note (the
    introducer, the certificate number, the vote figures) is a second line under the paper."""

    PAPER, FORM, STATUS, DATE, VALID_UNTIL = range(5)
    CONTEXT = "DossierModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DossierModel", "Paper"),
        QT_TRANSLATE_NOOP("DossierModel", "Form"),
        QT_TRANSLATE_NOOP("DossierModel", "Status"),
        QT_TRANSLATE_NOOP("DossierModel", "Date"),
        QT_TRANSLATE_NOOP("DossierModel", "Valid until"),
    )

    def texts(self, item: DossierItem) -> Sequence[str]:
        return (
            f"{item.label}\n{item.note}" if item.note else item.label,
            item.form,
            item.status_label,
            format_vn(item.date),
            format_vn(item.valid_until),
        )

    def sort_key(self, item: DossierItem, column: int) -> object:
        if column in (self.DATE, self.VALID_UNTIL):
            value = item.date if column == self.DATE else item.valid_until
            return value.isoformat() if value else "~"
        return self.texts(item)[column]

    def colours(self, item: DossierItem, column: int) -> tuple[str, str] | None:
        return STATUS_COLOURS.get(item.status) if column == self.STATUS else None

    def missing(self) -> int:
        """Papers still missing, expired or failed (the tab's title counts them)."""
        return sum(1 for i in self._rows if i.status in ("missing", "expired", "failed"))


class MentorsModel(RowsModel):
    """Mentors, active ones first, then past assignments, newest first."""

    MENTOR, START, END, JOINT, NOTE = range(5)
    CONTEXT = "MentorsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("MentorsModel", "Mentor"),
        QT_TRANSLATE_NOOP("MentorsModel", "From"),
        QT_TRANSLATE_NOOP("MentorsModel", "Until"),
        QT_TRANSLATE_NOOP("MentorsModel", "Worked together since"),
        QT_TRANSLATE_NOOP("MentorsModel", "Note"),
    )

    def set_rows(self, rows: Iterable[MentorshipView]) -> None:
        ordered = sorted(rows, key=lambda m: m.start, reverse=True)
        super().set_rows(sorted(ordered, key=lambda m: not m.active))

    def texts(self, item: MentorshipView) -> Sequence[str]:
        until = (
            vn_from_iso(item.end)
            if item.end
            else QCoreApplication.translate("MentorsModel", "still mentoring")
        )
        note = "; ".join(t for t in (item.end_reason, item.note) if t)
        return (
            item.mentor_name,
            vn_from_iso(item.start),
            until,
            vn_from_iso(item.joint_since),
            note,
        )

    def sort_key(self, item: MentorshipView, column: int) -> object:
        dates = {self.START: item.start, self.END: item.end, self.JOINT: item.joint_since}
        if column in dates:
            return dates[column] or "~"
        return self.texts(item)[column]

    def colours(self, item: MentorshipView, column: int) -> tuple[str, str] | None:
        return None if item.active else ("#6b6b6b", "#f7f6f3")

    def active(self) -> list[MentorshipView]:
        return [m for m in self._rows if m.active]


class DeadlinesModel(RowsModel):
    """This person's deadlines, soonest first; overdue ones in red; the tooltip says why."""

    DUE, WHAT, BASIS, SOURCE = range(4)
    CONTEXT = "DeadlinesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DeadlinesModel", "Due"),
        QT_TRANSLATE_NOOP("DeadlinesModel", "What to do"),
        QT_TRANSLATE_NOOP("DeadlinesModel", "Counted from"),
        QT_TRANSLATE_NOOP("DeadlinesModel", "Rule"),
    )

    def __init__(self, parent: QObject | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today or dt.date.today()

    def texts(self, item: TodoItem) -> Sequence[str]:
        basis = f"{item.basis_label} ({format_vn(item.basis)})" if item.basis else item.basis_label
        return (format_vn(item.due), item.message, basis, item.source)

    def sort_key(self, item: TodoItem, column: int) -> object:
        return item.due.isoformat() if column == self.DUE else self.texts(item)[column]

    def tooltip(self, item: TodoItem, column: int) -> str | None:
        return item.why or None

    def colours(self, item: TodoItem, column: int) -> tuple[str, str] | None:
        if item.overdue(self.today) and column in (self.DUE, self.WHAT):
            return STATUS_COLOURS["missing"]
        return None

    def overdue(self) -> int:
        return sum(1 for i in self._rows if i.overdue(self.today))
