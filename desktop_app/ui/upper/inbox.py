"""The "Receive bundles" page of the upper level's window.

The officer chooses bundle files, or a folder (a USB stick): every ``*.sochibo-goi`` there.
Each is checked and previewed on the database thread, one after another (``import_bundles``
with ``dry_run``, the path of the CLI's ``bundle import --dry-run``): nothing is written. The
preview says what the bundle would change. A cell's first bundle is decrypted only after the
officer has typed the fingerprint the cell's secretary reads over the phone (the CLI's
``--confirm-fingerprint``); "They do not match" leaves it out. "Receive into the workspace"
then takes every bundle ready, each in its own transaction (one verified backup before the
first write); bundles held back (entries missing) or that do not follow on are noted under
Conflicts, nothing of them is taken. Refused files say why and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError
from desktop_app.domain.membership import EVENT_KINDS
from desktop_app.services import upper_import
from desktop_app.services.upper_import import ImportResult
from desktop_app.services.upper_summary import Summary
from desktop_app.store.database import Register
from desktop_app.sync import bundle, envelope
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.write_dialog import WriteDialog
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.models.rows_model import Index, RowsModel
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.upper.cells import dialog_text, local_time_text
from desktop_app.ui.widgets.messages import ERROR_COLOR, WARNING_COLOR, Banner
from desktop_app.ui.widgets.text import fill

FILE, CELL, ENTRIES, STATE = range(4)
SHOWN_NAMES = 30  # names listed per kind of change; the rest are counted
CHECKING, MISMATCH = "checking", "mismatch"  # the page's own states beside ImportResult's
TO_RECEIVE = ("dry_run", "gap", "fork")  # what "Receive" hands to the import
STATE_TEXT = {
    CHECKING: QT_TRANSLATE_NOOP("BundlesModel", "Checking…"),
    "dry_run": QT_TRANSLATE_NOOP("BundlesModel", "Ready to receive"),
    "applied": QT_TRANSLATE_NOOP("BundlesModel", "Received"),
    "duplicate": QT_TRANSLATE_NOOP("BundlesModel", "Received before"),
    "needs_pinning": QT_TRANSLATE_NOOP("BundlesModel", "Fingerprint to confirm"),
    MISMATCH: QT_TRANSLATE_NOOP("BundlesModel", "Fingerprint does not match"),
    "gap": QT_TRANSLATE_NOOP("BundlesModel", "Held back: entries missing"),
    "fork": QT_TRANSLATE_NOOP("BundlesModel", "Does not follow on"),
    "refused": QT_TRANSLATE_NOOP("BundlesModel", "Refused"),
}
LEVEL = {
    "dry_run": "ok",
    "applied": "ok",
    "duplicate": "ok",
    "needs_pinning": "warning",
    "gap": "warning",
    MISMATCH: "error",
    "fork": "error",
    "refused": "error",
}
COLOUR = {"warning": WARNING_COLOR, "error": ERROR_COLOR}


def bundles_in(folder: Path) -> list[Path]:
    """The bundle files in a folder (a stick), by name."""
    return sorted(p for p in folder.iterdir() if p.name.endswith(bundle.SUFFIX) and p.is_file())


def bundle_path(path: Path) -> Path:
    """The bundle itself when its signature file was chosen."""
    if path.name.endswith(bundle.SUFFIX + envelope.SIG_SUFFIX):
        return path.with_name(path.name[: -len(envelope.SIG_SUFFIX)])
    return path


def spelled(fingerprint: str) -> str:
    """A fingerprint as letters and digits only, in capitals (how it was typed does not
    matter: spaces, dashes, small letters)."""
    return "".join(ch for ch in fingerprint.upper() if ch.isalnum())


def preview(reg: Register, path: Path, confirm: str | None = None) -> ImportResult:
    """Database thread: check one bundle and say what it would change; writes nothing."""
    return upper_import.import_bundles(reg, [path], dry_run=True, confirm_fingerprint=confirm)[0]


def receive(
    reg: Register, batches: Sequence[tuple[list[Path], str | None]]
) -> list[tuple[Path, ImportResult]]:
    """Database thread: import each batch (the bundles of the cells already pinned, and per
    cell confirmed now its own batch with its fingerprint), each bundle in its own
    transaction."""
    done = []
    for files, confirm in batches:
        results = upper_import.import_bundles(reg, files, confirm_fingerprint=confirm)
        done += list(zip(files, results, strict=True))
    return done


@dataclass
class Bundle:
    """A bundle on the list: where it is, what the last check or import said, and the
    fingerprint the officer confirmed for its cell (a first bundle)."""

    path: Path
    state: str = CHECKING
    result: ImportResult | None = None
    confirmed: str | None = None

    @property
    def cell_code(self) -> str:
        return self.result.cell_code if self.result else ""

    def order(self) -> tuple[str, int, int, str]:
        r = self.result
        return (self.cell_code, r.seq_from if r else 0, r.seq_to if r else 0, self.path.name)


class BundlesModel(RowsModel):
    CONTEXT = "BundlesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("BundlesModel", "File"),
        QT_TRANSLATE_NOOP("BundlesModel", "Cell code"),
        QT_TRANSLATE_NOOP("BundlesModel", "Entries"),
        QT_TRANSLATE_NOOP("BundlesModel", "State"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: Bundle = self.row_object(index.row())
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CELL and row.result:
            return row.result.cell_name or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATE:
            colour = COLOUR.get(LEVEL.get(row.state, ""))
            return QBrush(QColor(colour)) if colour else None
        return None

    def _text(self, row: Bundle, column: int) -> str:
        r = row.result
        if column == FILE:
            return row.path.name
        if column == CELL:
            return r.cell_code if r else ""
        if column == ENTRIES:
            return f"{r.seq_from}–{r.seq_to}" if r and r.seq_to else ""
        return QCoreApplication.translate(self.CONTEXT, STATE_TEXT[row.state])

    def changed(self, row: Bundle) -> None:
        number = self._rows.index(row)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.HEADERS) - 1))


class BundleChooser:
    """Which files to receive (classmethods, so tests replace them)."""

    @classmethod
    def files(cls, parent: QWidget | None) -> list[Path]:
        title = QCoreApplication.translate("BundleChooser", "Choose the bundles the cells sent")
        pattern = QCoreApplication.translate("BundleChooser", "Bundles (*.sochibo-goi)")
        names, _ = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), pattern)
        return [Path(n) for n in names]

    @classmethod
    def folder(cls, parent: QWidget | None) -> Path | None:
        title = QCoreApplication.translate("BundleChooser", "Choose a folder or a USB stick")
        name = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
        return Path(name) if name else None


# -- the fingerprint of a first bundle --------------------------------------------------------


@dataclass(frozen=True)
class Confirmation:
    """The officer's answer: the fingerprints matched (with the preview made with it) or
    they did not."""

    matched: bool
    typed: str = ""
    result: ImportResult | None = None


class FingerprintDialog(WriteDialog):
    """A cell's first bundle: the officer types the fingerprint the cell's secretary reads
    over the phone; when it is the bundle's, the bundle is decrypted and previewed with it.
    Nothing is pinned here (that happens when the bundle is received)."""

    def __init__(
        self, runner: TaskRunner, path: Path, result: ImportResult, parent: QWidget | None = None
    ):
        heading = fill(self.tr("%1 (code %2): its first bundle"), result.cell_name or "—",
                       result.cell_code)  # fmt: skip
        super().__init__(runner, heading, parent)
        self.setWindowTitle(self.tr("Confirm the cell's fingerprint"))
        self.path, self.found = path, result  # not ``result``: QDialog.result() is the code
        self.mismatch = False
        explain = self.tr(
            "Make sure the bundle really comes from the cell before anything in it is "
            "read. Call the cell's secretary on a number you already know (not one "
            "written on the stick), ask them to read the cell's fingerprint their program "
            "shows, and type it below."
        )
        dialog_text(self, explain)
        self.expected = QLabel(result.fingerprint, self.body)
        self.expected.setFont(style.monospace(1.6))
        self.expected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_row(self.tr("In the bundle:"), self.expected)
        self.typed = QLineEdit(self.body)
        self.typed.setFont(style.monospace(1.3))
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        label = QLabel(self.tr("&Read by the secretary *"), self.body)
        label.setBuddy(self.typed)
        self.add_row(label, self.typed, message=True)
        self.save_button.setText(self.tr("They &match: preview the bundle"))
        self.no_button = self.buttons.addButton(
            self.tr("They do &not match"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.no_button.clicked.connect(self._not_matching)
        self.typed.textChanged.connect(self.revalidate)
        self.revalidate()

    @classmethod
    def ask(
        cls, runner: TaskRunner, path: Path, result: ImportResult, parent: QWidget | None
    ) -> Confirmation | None:
        """None when cancelled (nothing changes)."""
        dialog = cls(runner, path, result, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.mismatch:
            return Confirmation(False)
        return Confirmation(True, dialog.typed.text(), dialog.saved) if accepted else None

    def problems(self) -> dict[QWidget, str]:
        typed, expected = spelled(self.typed.text()), spelled(self.found.fingerprint)
        if typed == expected:
            return {}
        if expected.startswith(typed):
            text = self.tr("Type all %1 letters and digits the secretary reads.")
            return {self.typed: fill(text, len(expected))}
        text = self.tr("Not the fingerprint in the bundle: read it again with the secretary.")
        return {self.typed: text}

    def work(self) -> Work:
        path, typed = self.path, self.typed.text()
        return lambda reg: preview(reg, path, typed)

    def _not_matching(self) -> None:
        if not self._busy:
            self.mismatch = True
            self.reject()


# -- what a bundle changes ---------------------------------------------------------------------


class BundleDetail(QScrollArea):
    """The chosen bundle: what it is, what the check said, and what it changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 6, 4, 0)
        layout.setSpacing(8)
        self.heading = QLabel(body, wordWrap=True)
        self.heading.setFont(style.scaled_font(1.15, bold=True))
        self.facts = style.muted("")
        self.message = Banner(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, QLabel] = {}
        self._titles: dict[str, QLabel] = {}
        titles = {
            "people": self.tr("People"),
            "added": self.tr("Added"),
            "updated": self.tr("Changed"),
            "removed": self.tr("Removed"),
            "events": self.tr("Events"),
            "meetings": self.tr("Meetings"),
            "attendance": self.tr("Roll calls"),
            "moved": self.tr("Moved in"),
            "conflicts": self.tr("To look at"),
            "warnings": self.tr("Notes"),
        }
        top = Qt.AlignmentFlag.AlignTop  # only: a value keeps the column's whole width
        for number, (key, title) in enumerate(titles.items()):
            value = QLabel(body, wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(title, body)
            name.setFont(style.scaled_font(bold=True))
            grid.addWidget(name, number, 0, top)
            grid.addWidget(value, number, 1, top)
            self.rows[key], self._titles[key] = value, name
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_bundle(None)

    def show_bundle(self, row: Bundle | None) -> None:
        r = row.result if row else None
        self.heading.setText(row.path.name if row else self.tr("Choose a bundle in the list."))
        self.facts.setText(self._facts(r) if r else "")
        self.facts.setVisible(bool(r and r.cell_code))
        if row is None or row.state == CHECKING:
            self.message.clear_message()
        else:
            self.message.show_message(self._message(row), LEVEL.get(row.state, "ok"))
        self._show_summary(r.summary if r else None)

    def _facts(self, r: ImportResult) -> str:
        lines = [fill(self.tr("Cell: %1 (code %2)"), r.cell_name or "—", r.cell_code)]
        if r.seq_to:
            lines.append(fill(self.tr("Journal entries %1 to %2"), r.seq_from, r.seq_to))
        if r.created_at:
            lines.append(fill(self.tr("Made by the cell on %1"), local_time_text(r.created_at)))
        if r.fingerprint:
            lines.append(fill(self.tr("Cell's fingerprint: %1"), r.fingerprint))
        return "\n".join(lines)

    def _message(self, row: Bundle) -> str:
        r = row.result
        assert r is not None
        state = row.state
        if state == "dry_run":
            text = self.tr(
                "Checked: the signature, the encryption and every line are right. Nothing is "
                "written yet: “Receive into the workspace” takes what is listed below."
            )
            if row.confirmed:
                text += " " + self.tr(
                    "The cell's fingerprint was confirmed by phone: its key is kept when the "
                    "bundle is received."
                )
            return text
        if state == "applied":
            text = fill(
                self.tr("Received: the upper level now holds the cell's entries up to number %1."),
                r.applied_after,
            )
            return text + (" " + self.tr("The cell's key is kept.") if r.pinned_now else "")
        if state == "duplicate":
            return fill(
                self.tr(
                    "Received before: the upper level already holds the cell's entries up to "
                    "number %1. Nothing changes."
                ),
                r.applied_before,
            )
        if state == "needs_pinning":
            return fill(
                self.tr(
                    "The cell's first bundle. Before anything in it is read, call the cell's "
                    "secretary and compare the fingerprint (%1): “Confirm the fingerprint…”. "
                    "Nothing is received before that."
                ),
                r.fingerprint,
            )
        if state == MISMATCH:
            return self.tr(
                "The fingerprints do not match: this bundle is not received and no key is "
                "kept. The file may not come from the cell: ask the cell to send it again, "
                "and tell whoever is responsible for the upper level's security."
            )
        if state == "gap":
            return self._gap(r)
        if state == "fork":
            return self._fork(r)
        return r.message  # refused: the service says why, in Vietnamese

    def _gap(self, r: ImportResult) -> str:
        first, last = r.missing or (0, 0)
        text = fill(
            self.tr(
                "Held back: the upper level holds the cell's entries up to number %1, and "
                "numbers %2 to %3 are missing. Receive the bundle that has them first, then "
                "this one again; without it, ask the cell to send again from entry %2. Nothing "
                "is taken from this bundle."
            ),
            r.applied_before,
            first,
            last,
        )
        return text + " " + self._noted(r)

    def _fork(self, r: ImportResult) -> str:
        if r.common is None:
            text = fill(
                self.tr(
                    "Does not follow on from what the upper level holds: the cell's journal "
                    "branches before entry %1."
                ),
                r.seq_from,
            )
        else:
            text = fill(
                self.tr(
                    "Does not follow on from what the upper level holds (up to entry %1): the "
                    "cell's journal branches after entry %2. The cell may have restored an old "
                    "backup and written on."
                ),
                r.applied_before,
                r.common,
            )
        more = self.tr("Call the cell. Nothing is taken from this bundle.")
        return f"{text} {more} {self._noted(r)}"

    def _noted(self, r: ImportResult) -> str:
        if r.conflict_id:
            return self.tr("It is noted in the Conflicts area.")
        return self.tr("“Receive into the workspace” notes it in the Conflicts area.")

    def _show_summary(self, s: Summary | None) -> None:
        values = self._summary_texts(s) if s else {}
        for key, label in self.rows.items():
            text = values.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
            self._titles[key].setVisible(bool(text))

    def _summary_texts(self, s: Summary) -> dict[str, str]:
        people = fill(
            self.tr("%1 added, %2 changed, %3 removed, %4 unchanged"),
            len(s.people_added), len(s.people_updated), len(s.people_removed),
            s.people_unchanged,
        )  # fmt: skip
        texts = {
            "people": people,
            "added": self._names(s.people_added),
            "updated": self._names(s.people_updated),
            "removed": self._names(s.people_removed),
            "events": self._events(s),
            "meetings": self._tally(s.meetings),
            "attendance": self._tally(s.attendance),
            "moved": "\n".join(m["text"] for m in s.moved_in),
            "conflicts": "\n".join(c["text"] for c in s.conflicts),
            "warnings": "\n".join(s.warnings),
        }
        return {k: v for k, v in texts.items() if v}

    def _names(self, people: list[dict[str, str]]) -> str:
        lines = [f"{p['full_name']} ({p['status']})" for p in people[:SHOWN_NAMES]]
        if len(people) > SHOWN_NAMES:
            lines.append(fill(self.tr("… and %1 more"), len(people) - SHOWN_NAMES))
        return "\n".join(lines)

    def _events(self, s: Summary) -> str:
        total = sum(s.events_added.values())
        if not total and not s.events_removed:
            return ""
        kinds = "; ".join(
            f"{EVENT_KINDS[k].label if k in EVENT_KINDS else k}: {n}"
            for k, n in s.events_added.items()
        )
        text = fill(self.tr("%1 new, %2 withdrawn"), total, s.events_removed)
        return f"{text}\n{kinds}" if kinds else text

    def _tally(self, counts: dict[str, int]) -> str:
        if not any(counts.values()):
            return ""
        return fill(
            self.tr("%1 added, %2 changed, %3 removed"),
            counts.get("added", 0), counts.get("updated", 0), counts.get("removed", 0),
        )  # fmt: skip


# -- the page ----------------------------------------------------------------------------------


class InboxPage(QWidget):
    """Bundles chosen, checked and previewed, then received."""

    data_changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self._waiting = 0  # checks queued and not answered yet
        self._checked = 0
        self._generation = 0  # answers asked for another register are dropped
        self.model = BundlesModel(self)
        self._build()
        self._update_buttons()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(style.heading(self.tr("Receive bundles"), 1.5))
        intro = style.muted(
            self.tr(
                "A cell's bundle is a .sochibo-goi file with its .minisig signature beside it. "
                "Choose the files, or a folder or USB stick to take every bundle there: each "
                "is checked and previewed first, and nothing is written until you press "
                "“Receive into the workspace”."
            )
        )
        layout.addWidget(intro)
        choose = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Choose bundle &files…"))
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("Choose a f&older or USB stick…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.progress = style.muted("")
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addWidget(self.progress, 1)
        layout.addLayout(choose)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        split = QSplitter(Qt.Orientation.Vertical, self)  # the list across the page's width
        split.setChildrenCollapsible(False)
        split.addWidget(self._build_table())
        self.detail = BundleDetail(self)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        layout.addLayout(self._build_buttons())

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 8)  # a few rows at least
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its numbers
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        return table

    def _build_buttons(self) -> QHBoxLayout:
        self.confirm_button = QPushButton(self.tr("Confirm the fin&gerprint…"))
        self.confirm_button.setToolTip(
            self.tr("A cell's first bundle: compare the cell's fingerprint by phone")
        )
        self.confirm_button.clicked.connect(self.confirm_fingerprint)
        self.receive_button = QPushButton(self.tr("&Receive into the workspace"))
        self.receive_button.clicked.connect(self.receive)
        self.clear_button = QPushButton(self.tr("C&lear the list"))
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        row.addWidget(self.receive_button)
        return row

    # -- state ---------------------------------------------------------------------------

    def rows(self) -> list[Bundle]:
        return [self.model.row_object(i) for i in range(self.model.rowCount())]

    def selected(self) -> Bundle | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def show_row(self, row: Bundle) -> None:
        number = self.rows().index(row)
        self.table.setCurrentIndex(self.model.index(number, 0, QModelIndex()))
        self.table.selectRow(number)

    def _selection_changed(self) -> None:
        self.detail.show_bundle(self.selected())
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        idle = not self._busy and not self._waiting
        ready = [r for r in self.rows() if r.state in TO_RECEIVE]
        self.files_button.setEnabled(idle)
        self.folder_button.setEnabled(idle)
        self.clear_button.setEnabled(idle and self.model.rowCount() > 0)
        self.confirm_button.setEnabled(idle and row is not None and row.state == "needs_pinning")
        self.receive_button.setEnabled(idle and bool(ready))

    # -- choosing and checking -----------------------------------------------------------

    def choose_files(self) -> None:
        paths = BundleChooser.files(self)
        if paths:
            self.check([bundle_path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = BundleChooser.folder(self)
        if folder is None:
            return
        found = bundles_in(folder)
        if not found:
            self.banner.show_message(
                fill(self.tr("There is no bundle file (.sochibo-goi) in %1."), folder), "warning"
            )
            return
        self.check(found)

    def check(self, paths: Sequence[Path]) -> None:
        """Add the files to the list (a file already there is checked again) and check each
        on the database thread, one after another."""
        if self._busy or self._waiting or not self._runner.has_register:
            return
        self.banner.clear_message()
        known = {r.path: r for r in self.rows()}
        rows = []
        for path in dict.fromkeys(paths):  # once each, in the order chosen
            row = known.get(path) or Bundle(path)
            row.state, row.result, row.confirmed = CHECKING, None, None
            rows.append(row)
        self.model.set_rows([r for r in self.rows() if r not in rows] + rows)
        self._waiting, self._checked = len(rows), 0
        self._show_progress(rows[0])
        for row in rows:
            self._runner.submit(
                lambda reg, p=row.path: preview(reg, p),
                self._current(lambda result, r=row: self._previewed(r, result)),
                self._current(lambda exc, r=row: self._check_failed(r, exc)),
            )
        self._update_buttons()

    def _current(self, slot: Callable[..., None]) -> Callable[..., None]:
        """``slot``, unless the register changed after the work was asked for."""
        asked = self._generation
        return lambda *args: slot(*args) if asked == self._generation else None

    def _register_changed(self) -> None:
        """Another workspace, or this one restored: the list starts again."""
        self._generation += 1
        self._busy, self._waiting = False, 0
        self.clear()

    def _show_progress(self, row: Bundle) -> None:
        total = self._checked + self._waiting
        self.progress.setText(
            fill(self.tr("Checking bundle %1 of %2: %3…"), self._checked + 1, total, row.path.name)
        )

    def _previewed(self, row: Bundle, result: ImportResult) -> None:
        row.result, row.state = result, result.status
        self._one_checked(row)

    def _check_failed(self, row: Bundle, exc: BaseException) -> None:
        """A refusal the import did not phrase itself (the workspace's own check), or a
        fault in the program (shown as such); the bundle is left out either way."""
        if isinstance(exc, DomainError):
            text = str(exc)
        else:
            errors.show_error(exc, self)
            text = fill(self.tr("This bundle could not be checked: %1"), exc)
        row.result, row.state = ImportResult("refused", row.path.name, text), "refused"
        self._one_checked(row)

    def _one_checked(self, row: Bundle) -> None:
        self.model.changed(row)
        self._waiting -= 1
        self._checked += 1
        waiting = [r for r in self.rows() if r.state == CHECKING]
        if waiting:
            self._show_progress(waiting[0])
        else:
            self._all_checked()
        if self.selected() is None:
            self.show_row(row)
        self._selection_changed()

    def _all_checked(self) -> None:
        rows = self.rows()
        count = {s: sum(1 for r in rows if r.state == s) for s in LEVEL}
        self.progress.setText(
            fill(
                self.tr(
                    "%1 bundles checked: %2 ready to receive, %3 with a fingerprint to "
                    "confirm, %4 received before, %5 that cannot be received as they are."
                ),
                len(rows),
                count["dry_run"],
                count["needs_pinning"],
                count["duplicate"] + count["applied"],
                count["gap"] + count["fork"] + count["refused"] + count[MISMATCH],
            )
        )
        first = next((r for r in rows if r.state == "needs_pinning"), None)
        if first is not None:
            self.show_row(first)

    # -- the fingerprint ------------------------------------------------------------------

    def confirm_fingerprint(self) -> None:
        row = self.selected()
        if row is None or row.state != "needs_pinning" or row.result is None:
            return
        answer = FingerprintDialog.ask(self._runner, row.path, row.result, self)
        if answer is None:
            return
        if not answer.matched:
            row.state = MISMATCH
            self.model.changed(row)
            self._selection_changed()
            return
        row.confirmed = answer.typed
        if answer.result is not None:
            row.result, row.state = answer.result, answer.result.status
        self.model.changed(row)
        self._selection_changed()
        self._same_cell(row)

    def _same_cell(self, confirmed: Bundle) -> None:
        """Other first bundles of the same cell, signed with the same key, are checked
        again with the fingerprint just confirmed."""
        again = [
            r
            for r in self.rows()
            if r is not confirmed
            and r.state == "needs_pinning"
            and r.result is not None
            and r.cell_code == confirmed.cell_code
            and r.result.fingerprint == confirmed.result.fingerprint  # type: ignore[union-attr]
        ]
        for row in again:
            row.confirmed, row.state = confirmed.confirmed, CHECKING
            self.model.changed(row)
            self._waiting += 1
            self._runner.submit(
                lambda reg, p=row.path, f=row.confirmed: preview(reg, p, f),
                self._current(lambda result, r=row: self._previewed(r, result)),
                self._current(lambda exc, r=row: self._check_failed(r, exc)),
            )
        self._update_buttons()

    # -- receiving ---------------------------------------------------------------------------

    def batches(self) -> list[tuple[list[Path], str | None]]:
        """The bundles to receive, in each cell's order: one batch for the cells already
        pinned, one per cell whose fingerprint was confirmed here."""
        chosen = sorted((r for r in self.rows() if r.state in TO_RECEIVE), key=Bundle.order)
        groups: dict[str | None, list[Path]] = {}
        for row in chosen:
            groups.setdefault(row.confirmed, []).append(row.path)
        return [(files, confirm) for confirm, files in groups.items()]

    def receive(self) -> None:
        batches = self.batches()
        if self._busy or not batches:
            return
        count = sum(len(files) for files, _c in batches)
        message = fill(self.tr("Receiving %1 bundles into the workspace…"), count)
        self._busy = True
        self.progress.setText(message)
        self.banner.clear_message()
        self._update_buttons()
        self._runner.submit(
            lambda reg: receive(reg, batches),
            self._current(self._received),
            self._current(self._receive_failed),
            progress=message,
            parent=self,
        )

    def _received(self, done: list[tuple[Path, ImportResult]]) -> None:
        self._busy = False
        rows = {r.path: r for r in self.rows()}
        for path, result in done:
            row = rows[path]
            row.result, row.state = result, result.status
            self.model.changed(row)
        results = [r for _p, r in done]
        applied = sum(1 for r in results if r.status == "applied")
        noted = sum(1 for r in results if r.conflict_id)
        refused = sum(1 for r in results if not r.ok)
        text = fill(self.tr("Received %1 of %2 bundles."), applied, len(results))
        if refused:
            text += " " + fill(
                self.tr("%1 could not be received (%2 noted in the Conflicts area): see each."),
                refused,
                noted,
            )
        self.progress.setText("")
        self.banner.show_message(text, "warning" if refused else "ok")
        self._selection_changed()
        if applied or noted:
            self.data_changed.emit()

    def _receive_failed(self, exc: BaseException) -> None:
        """Nothing was received (a refused bundle is a result, not this): say why."""
        self._busy = False
        self.progress.setText("")
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def clear(self) -> None:
        if self._busy or self._waiting:
            return
        self.model.set_rows([])
        self.progress.setText("")
        self.banner.clear_message()
        self._selection_changed()

    def refresh(self) -> None:
        """Another page wrote (a cell enrolled, a cell's key forgotten): refused bundles are
        checked again, as the answer may be different now."""
        paths = [r.path for r in self.rows() if r.state == "refused"]
        if paths and not self._busy and not self._waiting:
            self.check(paths)
