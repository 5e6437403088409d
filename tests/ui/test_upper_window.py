"""The upper level's window: the shell shows it for a workspace (and the cell's window for a
cell's register), its areas and their shortcuts, a page that is missing or fails, the Cells
page enrolling a cell with a file the cell accepts, and the "Receive bundles" page taking a
real bundle a cell register exported — first bundle (fingerprint typed, preview, received),
the same bundle again, a later bundle previewed then received, and the files it refuses or
holds back (garbage, another upper level's, a gap, a fingerprint that does not match)."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWizard

from desktop_app.services import (
    demo_upper,
    members,
    registers,
    sync_cell,
    upper_import,
    upper_workspace,
)
from desktop_app.store.database import Register
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.sync import envelope
from desktop_app.ui import style
from desktop_app.ui.app import Shell
from desktop_app.ui.dialogs.workspace_wizard import CreateWorkspaceWizard
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.placeholder import BrokenPage, PlaceholderPage
from desktop_app.ui.pages.settings import SettingsPage
from desktop_app.ui.settings import LAST_REGISTER
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.upper import cells as cells_module
from desktop_app.ui.upper import inbox as inbox_module
from desktop_app.ui.upper.cells import CellsModel, CellsPage, EnrolCellDialog, ResetKeyDialog
from desktop_app.ui.upper.inbox import (
    BundleChooser,
    BundlesModel,
    FingerprintDialog,
    InboxPage,
)
from desktop_app.ui.upper_window import AREAS, LazyPage, UpperWindow
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.sync import samples
from tests.ui import scenes
from tests.ui.conftest import SCREEN_SIZE, off_gui_thread
from tests.ui.helpers import commit_text, replace_text, run, settle

WAIT = 20_000
CTRL = Qt.KeyboardModifier.ControlModifier
UPPER_NAME = "Đảng ủy phường Quy Nhơn Nam"
TITLES = [
    "Chi bộ",
    "Nhận gói",
    "Bảng theo dõi",
    "Quyết định",
    "Vướng mắc",
    "Báo cáo",
    "Cài đặt",
]


# -- a workspace, a cell that reported, and bundles of every kind -------------------------------


@dataclass
class Post:
    """A workspace (open, not adopted yet) and what came in the post for it."""

    workspace: Register
    cell: Path  # the cell's register (closed)
    first: Path  # the cell's first bundle, made by sync_cell.export_bundle
    fingerprint: str  # the cell's, as its secretary reads it
    people: list[str]  # who the first bundle adds
    late: Path  # a bundle of another enrolled cell that starts at entry 5 (a gap)
    foreign: Path  # a bundle for another upper level
    garbage: Path  # not a bundle at all


def make_post(folder: Path) -> Post:
    """Everything made on this thread before any runner has the workspace (the models
    follow the register opened last: the cell's is closed again at the end)."""
    workspace, _ = upper_workspace.create_workspace(
        folder / "cap-tren.sochibo", PASSPHRASE, UPPER_NAME, kdf=FAST_KDF_FOR_TESTS
    )
    stick = folder / "usb"
    stick.mkdir()
    enrolment = upper_workspace.enrol_cell(workspace, CELL["code"], stick, name=CELL["name"])
    cell, _ = registers.create_register(
        folder / "chi-bo" / "so.sochibo", PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
    )
    people = ["Trần Thị Thuỷ", "Lê Văn Đức"]
    try:
        sync_cell.enrol(cell, enrolment.path)
        for name in people:
            data = {"full_name": name, "sex": "female" if "Thị" in name else "male"}
            members.add_person(cell, data, today=TODAY)
        first = sync_cell.export_bundle(cell, stick).path
        fingerprint = sync_cell.status(cell).cell_fingerprint
    finally:
        cell.close()  # the models go back to the workspace
    keys = upper_workspace.upper_keys(workspace)
    upper_workspace.enrol_cell(workspace, "CB-KP5", folder, name="Chi bộ Khu phố 5")
    late = samples.chain(start=5, prev="a" * 64)
    name, made = samples.sealed(
        late,
        manifest=samples.manifest_for(late, upper_id=keys.upper_id),
        recipient=keys.recipient,
    )
    late_path = envelope.write_pair(_fresh(folder / "giu-lai"), name, made)
    other = samples.other_upper()
    name, made = samples.sealed(
        manifest=samples.manifest_for(samples.chain(), upper_id=other.upper_id),
        recipient=other.recipient,
    )
    foreign = envelope.write_pair(_fresh(folder / "cap-khac"), name, made)
    garbage = _fresh(folder / "rac") / "CB-NT.000001-000009.sochibo-goi"
    garbage.write_bytes(b"not a bundle at all\n" * 40)
    garbage.with_name(garbage.name + ".minisig").write_text("chữ ký giả\n", encoding="utf-8")
    return Post(workspace, cell.path, first, fingerprint, people, late_path, foreign, garbage)


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def post(tmp_path) -> Post:
    made = make_post(tmp_path / "buu-dien")
    yield made
    made.workspace.close()


@pytest.fixture
def post_runner(post, qapp):
    runner = TaskRunner()
    runner.adopt(post.workspace)
    yield runner
    runner.shutdown()


def cells(runner: TaskRunner) -> dict[str, upper_workspace.CellView]:
    return {c.code: c for c in run(runner, upper_workspace.list_cells)}


@pytest.fixture
def inbox(post_runner, vietnamese, qtbot) -> InboxPage:
    page = InboxPage(post_runner)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    return page


def choose(monkeypatch, qtbot, page: InboxPage, *files: Path) -> None:
    """Choose bundle files as the file dialog would, and wait for every check."""
    monkeypatch.setattr(BundleChooser, "files", classmethod(lambda cls, parent: list(files)))
    page.files_button.click()
    qtbot.waitUntil(lambda: page.files_button.isEnabled(), timeout=WAIT)
    settle(page._runner)


def row_for(page: InboxPage, path: Path) -> inbox_module.Bundle:
    return next(r for r in page.rows() if r.path == path)


def answer_fingerprint(monkeypatch, qtbot, typed: str | None, *, mismatch: bool = False) -> list:
    """The fingerprint dialog, answered as the officer would: ``typed`` and "They match",
    or "They do not match", or (neither) cancelled."""
    shown: list[FingerprintDialog] = []

    def exec_(dialog: FingerprintDialog) -> int:
        shown.append(dialog)
        if mismatch:
            dialog.no_button.click()
            return QDialog.DialogCode.Rejected
        if typed is None:
            dialog.reject()
            return QDialog.DialogCode.Rejected
        commit_text(dialog.typed, typed)
        assert dialog.save_button.isEnabled(), dialog.messages[dialog.typed].text()
        dialog.save_button.click()
        qtbot.waitUntil(
            lambda: dialog.saved is not None or bool(dialog.banner.text()), timeout=WAIT
        )
        return dialog.result()

    monkeypatch.setattr(FingerprintDialog, "exec", exec_)
    return shown


# -- the shell ---------------------------------------------------------------------------------


@pytest.fixture
def workspace_file(tmp_path) -> Path:
    """A closed workspace; its passphrase is PASSPHRASE."""
    path = tmp_path / "cap-tren" / "cap-tren.sochibo"

    def make() -> None:
        reg, _ = upper_workspace.create_workspace(
            path, PASSPHRASE, UPPER_NAME, kdf=FAST_KDF_FOR_TESTS
        )
        reg.close()

    off_gui_thread(make)
    return path


def unlock(shell: Shell, qtbot, path: Path, kind: type) -> None:
    dialog = shell.unlock(path)
    replace_text(dialog.secret, PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(
        lambda: type(shell.window) is kind and shell.window.register_path is not None,
        timeout=WAIT,
    )


def test_the_shell_shows_the_window_for_the_kind_of_register(
    shell: Shell, qtbot, workspace_file, register_file
) -> None:
    shell.start()
    unlock(shell, qtbot, workspace_file, UpperWindow)
    window = shell.window
    assert not shell.welcome.isVisible() and window.isVisible()
    assert window.upper_name.text() == UPPER_NAME
    assert window.windowTitle() == f"{UPPER_NAME} — cap-tren.sochibo — Sổ Chi bộ"
    assert shell.settings.get(LAST_REGISTER) == str(workspace_file)
    unlock(shell, qtbot, register_file, MainWindow)  # File, Open register…: a cell's
    qtbot.waitUntil(lambda: shell.window.cell is not None, timeout=WAIT)
    assert shell.window.cell.code == CELL["code"] and shell.window.isVisible()
    unlock(shell, qtbot, workspace_file, UpperWindow)  # and back
    cells_page = shell.window.pages["cells"]
    qtbot.waitUntil(lambda: cells_page.state is not None, timeout=WAIT)
    assert cells_page.title.text() == UPPER_NAME
    shell.window.close_requested.emit()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    assert shell.window is None and shell.welcome.isVisible()
    for path in (workspace_file, register_file):  # both closed: the locks are free
        off_gui_thread(lambda p=path: registers.open_register(p, PASSPHRASE).close())


def test_upper_level_button_creates_the_workspace_then_opens_it(
    shell: Shell, qtbot, screens, monkeypatch
) -> None:
    fast = functools.partial(upper_workspace.create_workspace, kdf=FAST_KDF_FOR_TESTS)
    monkeypatch.setattr(upper_workspace, "create_workspace", fast)
    shell.start()
    shell.welcome.resize(*SCREEN_SIZE)
    screens(shell.welcome, "upper-welcome")
    qtbot.mouseClick(shell.welcome.upper_button, Qt.MouseButton.LeftButton)
    wizard = shell.wizard
    assert isinstance(wizard, CreateWorkspaceWizard) and wizard.isVisible()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    commit_text(wizard.name_page.name, "   ")
    assert wizard.name_page.problem.text() == "Cần nhập mục này."
    replace_text(wizard.name_page.name, UPPER_NAME)
    assert next_button.isEnabled()
    screens(wizard, "upper-wizard-1-name")
    wizard.next()
    place = wizard.place_page
    assert Path(place.path.text()) == upper_workspace.default_path()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Tạo sổ làm việc"
    for field in (place.passphrase, place.confirm):
        commit_text(field, "mật khẩu của cấp ủy 2026")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=WAIT)
    assert not wizard.key_page.print_sheet.isVisible()  # a cell's sheet, not for a workspace
    screens(wizard, "upper-wizard-3-key")
    wizard.key_page.confirmed.setChecked(True)
    wizard.accept()
    qtbot.waitUntil(lambda: type(shell.window) is UpperWindow, timeout=WAIT)
    qtbot.waitUntil(lambda: shell.window.workspace is not None, timeout=WAIT)
    assert shell.window.workspace.name == UPPER_NAME
    assert upper_workspace.default_path().is_file()
    shell.close_register()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    shell.runner.wait_idle()
    qtbot.mouseClick(shell.welcome.upper_button, Qt.MouseButton.LeftButton)
    assert shell.unlock_dialog is not None  # the second time it is unlocked
    assert shell.unlock_dialog.path == upper_workspace.default_path()


def test_cancelling_the_workspace_wizard_goes_back_to_welcome(shell: Shell) -> None:
    shell.start(upper_level=True)  # sochibo-gui --upper-level with no workspace yet
    wizard = shell.wizard
    assert isinstance(wizard, CreateWorkspaceWizard) and wizard.isVisible()
    wizard.reject()
    assert shell.welcome.isVisible() and shell.window is None and shell.wizard is None
    assert not upper_workspace.default_path().exists()
    # deleted now: a hidden wizard left alive crashes Qt when the next test sets the style
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_upper_level_switch_unlocks_the_default_workspace(
    shell: Shell, workspace_file, monkeypatch
) -> None:
    monkeypatch.setattr(upper_workspace, "default_path", lambda: workspace_file)
    shell.start(upper_level=True)
    assert shell.unlock_dialog is not None and shell.unlock_dialog.path == workspace_file


def test_windowed_launcher_passes_upper_level(monkeypatch) -> None:
    import desktop_app.__main__ as entry

    seen = []
    monkeypatch.setattr(entry, "run_gui", lambda register=None, **kw: seen.append(kw) or 0)
    monkeypatch.setattr(sys, "argv", ["sochibo-gui", "--upper-level"])
    assert entry.gui_main() == 0
    assert seen == [{"upper_level": True}]


def test_the_demo_upper_level_from_the_welcome_screen(
    shell: Shell, qtbot, monkeypatch, screens
) -> None:
    fast = functools.partial(demo_upper.create_demo_upper, kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    monkeypatch.setattr(demo_upper, "create_demo_upper", fast)
    shell.start()
    qtbot.mouseClick(shell.welcome.upper_demo_button, Qt.MouseButton.LeftButton)
    assert not shell.welcome.upper_demo_button.isEnabled()
    assert "Đang tạo cấp trên mẫu" in shell.welcome.status.text()
    qtbot.waitUntil(lambda: type(shell.window) is UpperWindow, timeout=60_000)
    window = shell.window
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT)
    assert window.demo_badge.isVisibleTo(window) and window.demo_badge.text() == "Cấp trên mẫu"
    assert shell.settings.get(LAST_REGISTER) == ""  # a demo is never remembered
    page = window.pages["cells"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT)
    shell.close_register()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    shell.runner.wait_idle()
    qtbot.mouseClick(shell.welcome.upper_demo_button, Qt.MouseButton.LeftButton)
    assert shell.unlock_dialog is None  # opened again, no passphrase asked
    qtbot.waitUntil(lambda: type(shell.window) is UpperWindow, timeout=WAIT)


# -- the window ---------------------------------------------------------------------------------


@pytest.fixture
def window(post_runner, settings, vietnamese, qtbot) -> UpperWindow:
    made = UpperWindow(post_runner, settings)
    qtbot.addWidget(made)
    made.resize(*SCREEN_SIZE)
    made.show()
    made.reload()  # the runner had the workspace before the window was made
    qtbot.waitUntil(lambda: made.workspace is not None, timeout=WAIT)
    return made


def test_every_area_has_its_page_and_shortcut(window: UpperWindow, qtbot, screens) -> None:
    assert window.current_area() == "cells"
    for number, area in enumerate(AREAS, start=1):
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.current_area() == area.key
        assert window.area_actions[area.key].isChecked()
        item = window.nav.item(number - 1)
        assert item.text() == TITLES[number - 1]
        assert item.data(Qt.ItemDataRole.UserRole + 1) == f"Ctrl+{number}"
        settle(window._runner)
        screens(window, f"upper-{number}-{area.key}")
    pages = window.pages
    assert isinstance(pages["cells"], CellsPage) and isinstance(pages["inbox"], InboxPage)
    assert isinstance(pages["settings"], SettingsPage)
    for key in ("board", "decisions", "conflicts"):  # another helper's pages, by name
        assert not isinstance(pages[key], BrokenPage), pages[key].details.toPlainText()
    reports = pages["reports"]
    assert isinstance(reports, LazyPage) and reports.page is not None  # made when shown
    assert not isinstance(reports.page, BrokenPage)
    assert [a.text() for a in window.menuBar().actions()] == ["&Tệp", "&Xem", "Trợ &giúp"]
    file_menu = window.menuBar().actions()[0].menu()
    assert [a.text() for a in file_menu.actions() if not a.isSeparator()] == [
        "&Mở sổ…",
        "Mở cấp trên mẫ&u",
        "Đó&ng sổ làm việc",
        "T&hoát",
    ]
    assert window.guide_action.shortcut().toString() == "F1"


def test_title_status_bar_and_sidebar(window: UpperWindow, post, qtbot) -> None:
    assert window.upper_name.text() == UPPER_NAME
    assert window.fingerprint.text() == "Sổ làm việc của cấp trên"
    view = window.workspace
    assert view.fingerprint in window.fingerprint.toolTip()
    assert str(post.workspace.path) in window.path_label.full_text()
    assert window.path_label.toolTip() == window.path_label.full_text()
    assert not window.demo_badge.isVisibleTo(window)
    window.keeper.refresh()  # the runner had the workspace before the window was made
    qtbot.waitUntil(lambda: window.backup_label.text() != "", timeout=WAIT)
    assert window.backup_label.text() == "Chưa sao lưu"


def test_a_page_missing_or_failing_leaves_the_window_working(
    post_runner, settings, vietnamese, qtbot, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "desktop_app.ui.upper.board", None)  # not there yet

    def fails(self, runner):
        raise RuntimeError("trang hỏng")

    monkeypatch.setattr(InboxPage, "__init__", fails)
    made = UpperWindow(post_runner, settings)
    qtbot.addWidget(made)
    board, inbox = made.pages["board"], made.pages["inbox"]
    assert isinstance(board, PlaceholderPage)
    assert board.notice.text() == "Phần này chưa được xây dựng trong phiên bản này."
    assert board.purpose.text().startswith("Chi bộ nào đã báo cáo tháng này")
    assert isinstance(inbox, BrokenPage) and "trang hỏng" in inbox.details.toPlainText()
    made.show()
    QTest.keyClick(made, Qt.Key.Key_1, CTRL)
    assert made.current_area() == "cells"


def test_a_write_on_one_page_refreshes_the_others(window: UpperWindow, qtbot) -> None:
    seen = []
    for key, page in window.pages.items():
        if hasattr(page, "refresh") and key != "cells":
            page.refresh = lambda k=key: seen.append(k)
    window.pages["cells"].data_changed.emit()
    assert {"inbox", "board", "decisions", "conflicts", "reports"} <= set(seen)
    assert "cells" not in seen


def test_settings_work_on_a_workspace(window: UpperWindow, qtbot, told) -> None:
    window.show_area("settings")
    page = window.pages["settings"]
    settle(window._runner)
    page.back_up_now()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: window.backup_label.text().startswith("Sao lưu lần cuối"),
                    timeout=WAIT)  # fmt: skip
    page.check_register()
    qtbot.waitUntil(lambda: page.banner.level == "ok" and "Sổ" in page.banner.text(),
                    timeout=WAIT)  # fmt: skip
    assert "chuỗi băm" in page.banner.text() or "nhật ký" in page.banner.text()


# -- the Cells page ----------------------------------------------------------------------------


@pytest.fixture
def cells_page(post_runner, vietnamese, qtbot) -> CellsPage:
    page = CellsPage(post_runner)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    qtbot.waitUntil(lambda: page.state is not None, timeout=WAIT)
    return page


def test_cells_page_shows_the_workspace_and_its_cells(
    cells_page: CellsPage, post, post_runner, screens, qtmodeltester
) -> None:
    view = run(post_runner, upper_workspace.show)
    assert cells_page.title.text() == UPPER_NAME
    assert cells_page.fingerprint.text() == view.fingerprint
    model = cells_page.model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == [
        "Mã",
        "Chi bộ",
        "Vân tay của chi bộ",
        "Đến mục số",
        "Gói gần nhất",
        "Nhận lần cuối",
    ]
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    row = rows[CELL["code"]]
    texts = [model.index(row, c).data() for c in range(6)]
    assert texts == [CELL["code"], CELL["name"], "chưa ghi nhận khóa", "chưa nhận gì", "—", "—"]
    assert cells_page.count.text() == "Đã ghi danh 2 chi bộ, 0 chi bộ đã gửi gói."
    assert not cells_page.reset_button.isEnabled()  # nothing pinned to forget
    screens(cells_page, "upper-cells-page")


def enrol_with(monkeypatch, qtbot, code: str, name: str, folder: Path) -> list[EnrolCellDialog]:
    shown: list[EnrolCellDialog] = []

    def exec_(dialog: EnrolCellDialog) -> int:
        shown.append(dialog)
        assert not dialog.save_button.isEnabled()  # the code is required
        commit_text(dialog.code, code)
        commit_text(dialog.name, name)
        replace_text(dialog.folder, str(folder))
        dialog.save_button.click()
        qtbot.waitUntil(
            lambda: dialog.saved is not None or bool(dialog.banner.text()), timeout=WAIT
        )
        if dialog.saved is None:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(EnrolCellDialog, "exec", exec_)
    return shown


def test_enrolling_a_cell_writes_a_file_the_cell_accepts(
    cells_page: CellsPage, post_runner, qtbot, tmp_path, monkeypatch, screens
) -> None:
    stick = tmp_path / "usb-moi"
    stick.mkdir()
    changed = []
    cells_page.data_changed.connect(lambda: changed.append(True))
    enrol_with(monkeypatch, qtbot, "CB-KV5", "Chi bộ Khu vực 5", stick)
    cells_page.enrol_button.click()
    written = stick / "CB-KV5.sochibo-ghidanh"
    assert written.is_file()
    qtbot.waitUntil(lambda: cells_page.model.rowCount() == 3, timeout=WAIT)
    assert changed == [True]
    assert "Đã ghi danh chi bộ CB-KV5" in cells_page.banner.text()
    view = run(post_runner, upper_workspace.show)
    assert view.fingerprint in cells_page.banner.text()
    assert cells_page.selected().code == "CB-KV5"
    screens(cells_page, "upper-cells-enrolled")
    settle(post_runner)

    def cell_takes_it() -> sync_cell.EnrolResult:
        cell = {**CELL, "code": "CB-KV5", "name": "Chi bộ Khu vực 5"}
        reg, _ = registers.create_register(
            tmp_path / "kv5" / "so.sochibo", PASSPHRASE, cell, kdf=FAST_KDF_FOR_TESTS
        )
        try:
            return sync_cell.enrol(reg, written)
        finally:
            reg.close()

    taken = off_gui_thread(cell_takes_it)
    assert taken.change == "new" and taken.status.upper_fingerprint == view.fingerprint


def test_enrolling_into_a_folder_gone_writes_nothing(
    cells_page: CellsPage, post_runner, qtbot, tmp_path, monkeypatch
) -> None:
    stick = tmp_path / "usb-rut-ra"
    stick.mkdir()
    original = EnrolCellDialog.work

    def pulled_out(dialog: EnrolCellDialog):
        stick.rmdir()  # the stick is pulled out as Save is pressed
        return original(dialog)

    monkeypatch.setattr(EnrolCellDialog, "work", pulled_out)
    shown = enrol_with(monkeypatch, qtbot, "CB-KV5", "", stick)
    cells_page.enrol_button.click()
    assert (
        "Không thấy thư mục" in shown[0].banner.text() and "Chưa ghi gì" in shown[0].banner.text()
    )
    assert "CB-KV5" not in cells(post_runner) and not stick.exists()


def test_the_enrol_dialog_needs_a_code_and_a_folder_that_is_there(
    post_runner, vietnamese, qtbot, tmp_path, screens
) -> None:
    dialog = EnrolCellDialog(post_runner, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert dialog.messages[dialog.code].text() == "Cần nhập mục này."
    commit_text(dialog.code, "CB-KV5")
    assert dialog.save_button.isEnabled()
    replace_text(dialog.folder, str(tmp_path / "khong-co"))
    assert not dialog.save_button.isEnabled()
    assert dialog.messages[dialog.place].text().startswith("Không có thư mục này")
    screens(dialog, "upper-enrol-dialog")
    dialog.folder.clear()
    assert dialog.messages[dialog.place].text() == "Cần nhập mục này."


# -- receiving bundles ---------------------------------------------------------------------------


def test_a_first_bundle_is_previewed_after_its_fingerprint_then_received(
    inbox: InboxPage, post: Post, post_runner, qtbot, monkeypatch, screens, qtmodeltester
) -> None:
    choose(monkeypatch, qtbot, inbox, post.first)
    row = row_for(inbox, post.first)
    assert row.state == "needs_pinning"
    qtmodeltester.check(inbox.model)
    assert inbox.model.index(0, 3).data() == "Cần xác nhận vân tay"
    assert post.fingerprint in inbox.detail.message.text()
    assert not inbox.receive_button.isEnabled() and inbox.confirm_button.isEnabled()
    assert not row.result.summary  # nothing decrypted before the phone call
    screens(inbox, "upper-inbox-first-bundle")
    shown = answer_fingerprint(monkeypatch, qtbot, post.fingerprint.lower().replace("-", " "))
    inbox.confirm_button.click()
    assert shown and shown[0].expected.text() == post.fingerprint
    assert row.state == "dry_run" and row.confirmed
    summary = inbox.detail.rows
    assert summary["people"].text() == "thêm 2, sửa 0, xóa 0, không đổi 0"
    for name in post.people:
        assert name in summary["added"].text()
    assert not cells(post_runner)[CELL["code"]].pinned  # not before it is received
    assert inbox.receive_button.isEnabled()
    screens(inbox, "upper-inbox-preview")
    changed = []
    inbox.data_changed.connect(lambda: changed.append(True))
    inbox.receive_button.click()
    qtbot.waitUntil(lambda: row.state == "applied", timeout=WAIT)
    cell = cells(post_runner)[CELL["code"]]
    assert cell.pinned and cell.fingerprint == post.fingerprint
    assert cell.applied_seq == row.result.seq_to > 0
    assert changed == [True]
    assert inbox.banner.text() == "Đã nhận 1/1 gói."
    assert "Đã ghi nhận khóa của chi bộ" in inbox.detail.message.text()
    screens(inbox, "upper-inbox-received")

    # the same bundle again: nothing changes, and it says so
    choose(monkeypatch, qtbot, inbox, post.first)
    assert row_for(inbox, post.first).state == "duplicate"
    assert "đã nhận từ trước" in inbox.detail.message.text()
    assert "Không thay đổi gì" in inbox.detail.message.text()
    assert not inbox.receive_button.isEnabled()
    assert cells(post_runner)[CELL["code"]].applied_seq == cell.applied_seq


def test_a_later_bundle_is_previewed_first_then_received(
    inbox: InboxPage, post: Post, post_runner, qtbot, monkeypatch, tmp_path
) -> None:
    run(post_runner, lambda reg: upper_import.import_bundles(
        reg, [post.first], confirm_fingerprint=post.fingerprint))  # fmt: skip
    stick = tmp_path / "usb-2"
    stick.mkdir()

    def cell_writes_again() -> Path:
        reg = registers.open_register(post.cell, PASSPHRASE)
        try:
            person = next(p for p in members.list_people(reg) if p.full_name == post.people[0])
            members.update_person(reg, person.id, {"phone": "0905123456"}, today=TODAY)
            return sync_cell.export_bundle(reg, stick).path
        finally:
            reg.close()

    settle(post_runner)
    later = off_gui_thread(cell_writes_again)
    choose(monkeypatch, qtbot, inbox, later)
    row = row_for(inbox, later)
    assert row.state == "dry_run"
    assert inbox.detail.rows["people"].text() == "thêm 0, sửa 1, xóa 0, không đổi 1"
    assert post.people[0] in inbox.detail.rows["updated"].text()
    before = cells(post_runner)[CELL["code"]].applied_seq
    assert before < row.result.seq_to  # previewed, not received
    inbox.receive_button.click()
    qtbot.waitUntil(lambda: row.state == "applied", timeout=WAIT)
    assert cells(post_runner)[CELL["code"]].applied_seq == row.result.seq_to


def test_garbage_another_upper_levels_bundle_and_a_gap_are_refused_or_held(
    inbox: InboxPage, post: Post, post_runner, qtbot, monkeypatch, screens
) -> None:
    choose(monkeypatch, qtbot, inbox, post.garbage, post.foreign, post.late)
    garbage, foreign, late = (row_for(inbox, p) for p in (post.garbage, post.foreign, post.late))
    assert (garbage.state, foreign.state, late.state) == ("refused", "refused", "needs_pinning")
    inbox.show_row(garbage)
    assert "bị từ chối" in inbox.detail.message.text()
    inbox.show_row(foreign)
    assert "gửi cho một cấp ủy khác" in inbox.detail.message.text()
    assert "Không nhận gì từ gói này" in inbox.detail.message.text()
    assert inbox.model.index(inbox.rows().index(foreign), 3).data() == "Bị từ chối"
    screens(inbox, "upper-inbox-refused")
    inbox.show_row(late)
    fingerprint = late.result.fingerprint
    answer_fingerprint(monkeypatch, qtbot, fingerprint)
    inbox.confirm_button.click()
    assert late.state == "gap" and late.result.missing == [1, 4]
    text = inbox.detail.message.text()
    assert "Gói bị giữ lại" in text and "còn thiếu mục số 1 đến 4" in text
    assert "Chưa nhận gì từ gói này" in text
    assert not run(post_runner, upper_workspace.list_conflicts)  # a preview writes nothing
    inbox.receive_button.click()  # only the held bundle is on the way: it is noted
    qtbot.waitUntil(lambda: late.result.conflict_id is not None, timeout=WAIT)
    assert late.state == "gap" and "đã được ghi vào phần Vướng mắc" in inbox.detail.message.text()
    assert [c.kind for c in run(post_runner, upper_workspace.list_conflicts)] == ["gap"]
    held = cells(post_runner)["CB-KP5"]
    assert held.applied_seq == 0 and not held.pinned  # nothing taken, no key kept
    assert garbage.state == foreign.state == "refused"
    assert inbox.banner.text().startswith("Đã nhận 0/1 gói.")


def test_refusing_the_fingerprint_pins_nothing(
    inbox: InboxPage, post: Post, post_runner, qtbot, monkeypatch
) -> None:
    choose(monkeypatch, qtbot, inbox, post.first)
    row = row_for(inbox, post.first)
    answer_fingerprint(monkeypatch, qtbot, None)  # cancelled: as it was
    inbox.confirm_button.click()
    assert row.state == "needs_pinning" and row.confirmed is None
    answer_fingerprint(monkeypatch, qtbot, None, mismatch=True)
    inbox.confirm_button.click()
    assert row.state == "mismatch" and row.confirmed is None
    assert "Vân tay không khớp" in inbox.detail.message.text()
    assert not inbox.receive_button.isEnabled() and not inbox.confirm_button.isEnabled()
    cell = cells(post_runner)[CELL["code"]]
    assert not cell.pinned and cell.applied_seq == 0
    assert inbox.batches() == []


def test_the_fingerprint_dialog_takes_only_the_bundles_fingerprint(
    post_runner, post: Post, vietnamese, qtbot, screens
) -> None:
    result = run(post_runner, lambda reg: inbox_module.preview(reg, post.first))
    dialog = FingerprintDialog(post_runner, post.first, result)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    commit_text(dialog.typed, post.fingerprint[:6])
    assert not dialog.save_button.isEnabled()
    assert dialog.messages[dialog.typed].text() == "Gõ đủ 16 chữ và số bí thư đọc."
    replace_text(dialog.typed, "AAAA-BBBB-CCCC-DDDD")
    assert dialog.messages[dialog.typed].text().startswith("Khác vân tay trong gói")
    assert not dialog.save_button.isEnabled()
    screens(dialog, "upper-fingerprint-wrong")
    replace_text(dialog.typed, post.fingerprint)
    assert dialog.save_button.isEnabled()


def test_a_folder_with_no_bundle_says_so(inbox: InboxPage, tmp_path, monkeypatch) -> None:
    empty = tmp_path / "usb-trong"
    empty.mkdir()
    monkeypatch.setattr(BundleChooser, "folder", classmethod(lambda cls, parent: empty))
    inbox.folder_button.click()
    assert "Không có tệp gói" in inbox.banner.text() and inbox.model.rowCount() == 0


def test_a_folder_takes_every_bundle_in_it(
    inbox: InboxPage, post: Post, qtbot, monkeypatch
) -> None:
    folder = post.first.parent  # the stick: the enrolment file and the bundle
    monkeypatch.setattr(BundleChooser, "folder", classmethod(lambda cls, parent: folder))
    inbox.folder_button.click()
    qtbot.waitUntil(lambda: inbox.files_button.isEnabled(), timeout=WAIT)
    assert [r.path for r in inbox.rows()] == [post.first]
    assert "Đã kiểm tra 1 gói" in inbox.progress.text()


def test_another_register_clears_the_list_and_drops_late_answers(
    inbox: InboxPage, post: Post, post_runner, qtbot
) -> None:
    inbox.check([post.first, post.garbage])
    assert not inbox.files_button.isEnabled()  # checking
    post_runner.register_changed.emit()  # as when a backup is restored or a register opened
    settle(post_runner)
    assert inbox.model.rowCount() == 0 and inbox.progress.text() == ""
    assert inbox.files_button.isEnabled() and not inbox.receive_button.isEnabled()


# -- forgetting a cell's key ------------------------------------------------------------------


def test_forgetting_a_cells_key_needs_a_note(
    cells_page: CellsPage, post: Post, post_runner, qtbot, monkeypatch
) -> None:
    run(post_runner, lambda reg: upper_import.import_bundles(
        reg, [post.first], confirm_fingerprint=post.fingerprint))  # fmt: skip
    cells_page.refresh()
    settle(post_runner)
    assert cells_page.select_cell(CELL["code"]) and cells_page.reset_button.isEnabled()
    dialog = ResetKeyDialog(post_runner, cells_page.selected(), cells_page)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.messages[dialog.note].text() == "Cần nhập mục này."

    def exec_(made: ResetKeyDialog) -> int:
        made.note.setPlainText("Đã gọi đồng chí Hà: máy hỏng, mất cả USB sao lưu")
        made.save_button.click()
        qtbot.waitUntil(lambda: made.saved is not None, timeout=WAIT)
        return made.result()

    monkeypatch.setattr(ResetKeyDialog, "exec", exec_)
    cells_page.reset_button.click()
    assert "Đã bỏ khóa cũ" in cells_page.banner.text()
    cell = cells(post_runner)[CELL["code"]]
    assert not cell.pinned and cell.applied_seq == 0


# -- the models ----------------------------------------------------------------------------------


def test_the_models_pass_the_model_tester(qtmodeltester, vietnamese) -> None:
    cell = upper_workspace.CellView(
        "id", "CB-KP5", "", None, False, "", "", 0, "2026-11-30T17:30:00.000Z", None
    )
    model = CellsModel()
    model.set_rows([cell])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "(chưa rõ tên)"
    assert model.index(0, 4).data() in ("30/11/2026", "01/12/2026")  # the local day
    bundles = BundlesModel()
    bundles.set_rows([inbox_module.Bundle(Path("/usb/CB-KP5.000001-000003.sochibo-goi"))])
    qtmodeltester.check(bundles)
    assert bundles.index(0, 3).data() == "Đang kiểm tra…"
    assert cells_module.local_day_text(None) == ""


# -- pictures, at the usual text size and at 150 % ----------------------------------------------

upper_demo = scenes.upper_demo
MINE = ("upper-cells", "upper-inbox", "upper-enrol", "upper-reset-key", "upper-fingerprint",
        "upper-wizard-name", "upper-wizard-place", "upper-wizard-key")  # fmt: skip


upper_runner = scenes.upper_runner


@pytest.mark.parametrize("scale", [100, 150])
def test_the_pictures_and_nothing_cut_off(
    qtbot, upper_runner, tmp_path, settings, vietnamese, qapp, screens, scale
) -> None:
    """The demo upper level's pages and dialogs of this window (tests/ui/scenes.py), looked
    at in tests/artifacts/screens/upper{scale}-*.png; no label or button cut off."""
    from tests.ui.test_pseudo_translation import clipped

    style.apply(qapp, scale)
    try:
        stage = scenes.make_upper_stage(qtbot, upper_runner, settings, tmp_path)
        chosen = tuple(s for s in scenes.UPPER_SCENES if s.name in MINE)
        chosen += (scenes.Scene("welcome", scenes.welcome),)  # its two upper-level buttons
        problems = {}
        for scene, widget in scenes.each_scene(stage, chosen):
            screens(widget, f"upper{scale}-{scene.name}")
            found = clipped(widget)
            if found:
                problems[scene.name] = found
        assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
    finally:
        style.apply(qapp)
