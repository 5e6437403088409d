"""The Settings page: the interface of this computer (language, text size), the register's
backups (when the last one was made, the list, back up now or to a stick, test-restore,
restore, undo a restore), "Kiểm tra sổ", and the passphrase and recovery key.

The interface choices are machine settings (the INI file, ``ui/settings.py``), saved as soon as
they change. The text size applies at once (``style.change_text_scale``); the language from
the next start, because every text is set when its window is made. Register work runs on
the database thread through the backups service."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import backups, checks
from desktop_app.services.backups import BackupInfo, RestoreTest
from desktop_app.services.checks import CheckReport
from desktop_app.store.database import SUFFIX, Register
from desktop_app.ui import errors, i18n, style
from desktop_app.ui.dialogs.passphrase_dialog import change_passphrase
from desktop_app.ui.dialogs.recovery_dialog import make_new_recovery_key
from desktop_app.ui.models.backups_model import BackupsModel
from desktop_app.ui.settings import LANGUAGE, LANGUAGES, TEXT_SCALE, Settings
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.busy_work import BusyWork
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill


@dataclass(frozen=True)
class BackupList:
    """What the database thread hands back for the page."""

    rows: list[BackupInfo]
    folder: Path
    can_undo: bool


def load_backups(reg: Register) -> BackupList:
    rows = backups.list_backups(reg.register_id)
    undo = backups.undo_target(reg.register_id)
    return BackupList(rows, backups.backup_dir(reg.register_id), undo is not None)


def restore_file(reg: Register, path: Path) -> Register:
    backups.check_is_ours(reg, path)
    return backups.restore(reg, path)


def undo_restore(reg: Register) -> Register:
    undo = backups.undo_target(reg.register_id)
    if undo is None:
        raise backups.BackupError("Chưa lần khôi phục nào để hoàn tác.")
    return backups.restore(reg, undo.path)


LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language
TEXT_SIZES = (100, 110, 120, 130, 140, 150)


class BackupChooser:
    """Where to write a backup, and which backup file to restore (classmethods, so tests can
    replace them)."""

    @classmethod
    def folder(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("SettingsPage", "Back up to a folder or USB stick")
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    @classmethod
    def backup_file(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("SettingsPage", "Restore from a backup file")
        pattern = QApplication.translate("SettingsPage", "Register backup (*%1)").replace(
            "%1", SUFFIX
        )
        name, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return Path(name) if name else None


class SettingsPage(BusyWork, QWidget):
    """Backups, checks and keys of the open register."""

    backups_changed = Signal()

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, settings: Settings | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._settings = settings or Settings()
        self._busy = False
        self._loaded = False
        self._can_undo = False
        self.model = BackupsModel(self)
        self._build()
        self._update_buttons()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(style.heading(self.tr("Settings"), 1.5))
        self.banner = Banner(body)
        layout.addWidget(self.banner)
        layout.addWidget(self._interface_box())
        layout.addWidget(self._backup_box(), 1)
        layout.addWidget(self._check_box())
        layout.addWidget(self._keys_box())
        self._scrolled(body)

    def _interface_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Interface on this computer"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo = QComboBox(box)
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setToolTip(self.tr("The language of menus, buttons and messages"))
        self.scale_combo = QComboBox(box)
        for percent in TEXT_SIZES:
            self.scale_combo.addItem(f"{percent} %", percent)
        self.scale_combo.setToolTip(
            self.tr("Larger letters everywhere in the program; it changes at once")
        )
        self.language_note = style.muted("")
        self.language_note.setWordWrap(True)
        form.addRow(self._buddy(self.tr("&Language:"), self.language_combo), self.language_combo)
        form.addRow(self._buddy(self.tr("Text &size:"), self.scale_combo), self.scale_combo)
        form.addRow(self.language_note)
        self.use_settings(self._settings)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.scale_combo.currentIndexChanged.connect(self._scale_chosen)
        return box

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def use_settings(self, settings: Settings) -> None:
        """Show and change these machine settings (the window's own)."""
        self._settings = settings
        for combo, value in (
            (self.language_combo, settings.get(LANGUAGE)),
            (self.scale_combo, settings.get(TEXT_SCALE)),
        ):
            combo.blockSignals(True)
            index = combo.findData(value)
            if index < 0:  # a size typed into the INI by hand (100–150): shown as it is
                combo.addItem(f"{value} %", value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._show_language_note()

    def _language_chosen(self) -> None:
        self._settings.set(LANGUAGE, self.language_combo.currentData())
        self._settings.sync()
        self._show_language_note()

    def _show_language_note(self) -> None:
        chosen = self.language_combo.currentData()
        if chosen == i18n.current_language():
            self.language_note.clear()
            self.language_note.hide()
            return
        # in both languages: the user may not read the one shown now
        note = {
            "vi": "Ngôn ngữ mới được dùng từ lần mở chương trình sau.",
            "en": "The new language is used from the next time the program starts.",
        }
        shown = note.get(i18n.current_language(), "")
        self.language_note.setText(f"{shown}\n{note[chosen]}".strip())
        self.language_note.show()

    def _scale_chosen(self) -> None:
        scale = int(self.scale_combo.currentData())
        self._settings.set(TEXT_SCALE, scale)
        self._settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.change_text_scale(app, scale)

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"), self)
        column = QVBoxLayout(box)
        self.last_label = QLabel(box)
        self.last_label.setFont(style.scaled_font(1.05, bold=True))
        self.last_label.setWordWrap(True)
        self.about_label = style.muted("")
        self.about_label.setWordWrap(True)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView(box)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(160)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.back_up_button = self._button(
            self.tr("&Back up now"),
            self.tr("Check the register, copy it, read the copy back"),
            self.back_up_now,
        )
        self.to_folder_button = self._button(
            self.tr("Back up to a &folder or USB stick…"),
            self.tr("A verified copy, still encrypted, in a folder you choose"),
            self.back_up_to_folder,
        )
        self.test_button = self._button(
            self.tr("&Test restore"),
            self.tr(
                "Open the chosen backup apart from the register and run every check on it; "
                "the register is not touched"
            ),
            self.test_restore,
        )
        self.restore_button = self._button(
            self.tr("&Restore…"),
            self.tr("Put the chosen backup in place of the register (the register is kept)"),
            self.restore_selected,
        )
        self.from_file_button = self._button(
            self.tr("Restore from a &file…"),
            self.tr("Restore a backup kept on a USB stick or elsewhere"),
            self.restore_from_file,
        )
        self.undo_button = self._button(
            self.tr("&Undo the last restore"),
            self.tr("Go back to the register as it was just before the last restore"),
            self.undo_last_restore,
        )
        first = QHBoxLayout()
        for button in (self.back_up_button, self.to_folder_button):
            first.addWidget(button)
        first.addStretch(1)
        second = QHBoxLayout()
        for button in (
            self.test_button,
            self.restore_button,
            self.from_file_button,
            self.undo_button,
        ):
            second.addWidget(button)
        second.addStretch(1)
        column.addWidget(self.last_label)
        column.addWidget(self.about_label)
        column.addLayout(first)
        column.addWidget(self.table, 1)
        column.addLayout(second)
        return box

    def _check_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Check the register"), self)
        row = QHBoxLayout(box)
        text = style.muted(
            self.tr(
                "A quick check runs every time the register opens. The full check reads "
                "every page, every link between records and the whole change journal."
            )
        )
        text.setWordWrap(True)
        self.check_button = self._button(
            self.tr("&Check the register"),
            self.tr("Integrity, links between records, the journal's hash chain"),
            self.check_register,
        )
        row.addWidget(text, 1)
        row.addWidget(self.check_button)
        return box

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Passphrase and recovery key"), self)
        row = QHBoxLayout(box)
        text = style.muted(
            self.tr(
                "Changing the passphrase takes a backup first. A new recovery key makes the "
                "old one useless: print its sheet and keep it safe."
            )
        )
        text.setWordWrap(True)
        self.passphrase_button = self._button(
            self.tr("Change the &passphrase…"),
            self.tr("Type the current passphrase, then the new one twice"),
            lambda: change_passphrase(self._runner, self),
        )
        self.recovery_button = self._button(
            self.tr("Make a new recovery &key…"),
            self.tr("For a lost or exposed recovery key"),
            lambda: make_new_recovery_key(self._runner, self),
        )
        row.addWidget(text, 1)
        row.addWidget(self.passphrase_button)
        row.addWidget(self.recovery_button)
        return box

    # -- loading -------------------------------------------------------------------------

    def _register_changed(self) -> None:
        self._loaded = False
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        if not self._runner.has_register:
            return
        self._loaded = True
        self._runner.submit(load_backups, self._show, self._failed)

    def _show(self, listed: BackupList) -> None:
        self.model.set_rows(listed.rows)
        self._can_undo = listed.can_undo
        if listed.rows:
            newest = listed.rows[0]
            self.last_label.setText(
                fill(
                    self.tr("Last backup: %1 (%2), %3 members."),
                    newest.created_text,
                    newest.reason_label,
                    newest.members,
                )
            )
            self.table.selectRow(0)
        else:
            self.last_label.setText(self.tr("No backup has been made yet."))
        self.about_label.setText(
            fill(
                self.tr(
                    "A backup is made by itself after every 30 minutes of work when something "
                    "changed, when the register is closed, and before an import, a restore or "
                    "a passphrase change. Backups are encrypted like the register; older ones "
                    "are thinned out (every one from today and yesterday, then one a day for "
                    "12 days, one a week for 10 weeks, one a month for 9 months). Folder: %1"
                ),
                listed.folder,
            )
        )
        self._update_buttons()

    # -- actions ---------------------------------------------------------------------------

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        idle = not self._busy
        for button in (self.test_button, self.restore_button):
            button.setEnabled(idle and chosen)
        for button in (
            self.back_up_button,
            self.to_folder_button,
            self.from_file_button,
            self.check_button,
        ):
            button.setEnabled(idle)
        self.undo_button.setEnabled(idle and self._can_undo)

    def back_up_now(self) -> None:
        self._start(
            lambda reg: backups.create_backup(reg, "thu-cong"),
            self._backed_up,
            self.tr("Backing up the register…"),
        )

    def back_up_to_folder(self) -> None:
        folder = BackupChooser.folder(self)
        if folder is None:
            return
        self._start(
            lambda reg: backups.create_backup(reg, "thu-cong", folder=folder),
            self._backed_up,
            self.tr("Backing up the register…"),
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.banner.show_message(
            fill(
                self.tr(
                    "Backed up and read back: %1 (%2, %3 members). If it is on a USB stick, "
                    "the stick can be removed now."
                ),
                info.path,
                info.size_text,
                info.members,
            ),
            "ok",
        )
        self.reload()
        self.backups_changed.emit()

    def test_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._start(
            lambda reg: backups.trial_restore(chosen.path, reg.data_key, reg.register_id),
            self._tested,
            self.tr("Testing the backup…"),
        )

    def _tested(self, tested: RestoreTest) -> None:
        if tested.ok:
            self.banner.show_message(
                fill(
                    self.tr(
                        "The backup %1 opens and passes every check: %2 members, %3 people, "
                        "%4 journal entries with the chain intact. The register was not touched."
                    ),
                    tested.backup.name,
                    tested.members,
                    tested.people,
                    tested.journal_entries,
                ),
                "ok",
            )
        else:
            self.banner.show_message(
                fill(self.tr("The backup %1 cannot be used:"), tested.backup.name)
                + "\n"
                + "\n".join(f"• {p}" for p in tested.problems)
            )

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = fill(
            self.tr(
                "Put the backup of %1 (%2 members) in place of the register? Changes made "
                "after it will no longer be in the register. The register as it is now is "
                "backed up and kept, so this restore can be undone."
            ),
            chosen.created_text,
            chosen.members,
        )
        if errors.confirm(self, self.tr("Restore a backup"), question):
            self._restore(lambda reg: backups.restore(reg, chosen.path))

    def restore_from_file(self) -> None:
        path = BackupChooser.backup_file(self)
        if path is None:
            return
        question = fill(
            self.tr(
                "Put the backup %1 in place of the register? The register as it is now is "
                "backed up and kept, so this restore can be undone."
            ),
            path.name,
        )
        if errors.confirm(self, self.tr("Restore a backup"), question):
            self._restore(lambda reg: restore_file(reg, path))

    def undo_last_restore(self) -> None:
        question = self.tr(
            "Go back to the register as it was just before the last restore? The register "
            "as it is now is backed up first."
        )
        if errors.confirm(self, self.tr("Undo the last restore"), question):
            self._restore(undo_restore)

    def _restore(self, work) -> None:
        self._busy = True
        self.banner.clear_message()
        self._update_buttons()
        self._runner.replace_register(
            work,
            self._restored,
            self._failed,
            progress=self.tr("Restoring the backup…"),
            parent=self,
        )

    def _restored(self, _register: object) -> None:
        self._busy = False
        self.banner.show_message(
            self.tr(
                "The backup is now the register. The register as it was is kept beside it; "
                "“Undo the last restore” brings it back."
            ),
            "ok",
        )
        self.reload()
        self.backups_changed.emit()

    def check_register(self) -> None:
        self._start(checks.check_register, self._checked, self.tr("Checking the register…"))

    def _checked(self, report: CheckReport) -> None:
        if report.ok:
            self.banner.show_message(
                fill(
                    self.tr(
                        "The register is sound: every page readable, every link between "
                        "records in place, %1 journal entries with the hash chain intact."
                    ),
                    report.journal_entries,
                ),
                "ok",
            )
            return
        found = report.integrity + report.foreign_keys + report.journal + report.replay
        self.banner.show_message(
            self.tr(
                "The register has problems. Make no more changes; restore the newest good "
                "backup (test it first):"
            )
            + "\n"
            + "\n".join(f"• {p}" for p in found[:10])
        )
