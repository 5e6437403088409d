"""The import dialog driven for real: a secretary's spreadsheet (title block, "Năm sinh" merged
over Nam | Nữ, an NFD name, a TCVN3 place name, an impossible date, a row twice, someone
already in the register) opened, one column re-mapped, previewed with its flags, one row's
action changed, imported, the summary saved; a refused import writes nothing; errors opening a
file show in the banner; the Members page and the File menu open it; screenshots of each
step."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.errors import DomainError
from desktop_app.domain.legacy_text import SOURCE_LABELS
from desktop_app.services import imports, members
from desktop_app.ui.dialogs import import_dialog
from desktop_app.ui.dialogs.import_dialog import (
    FILE_STEP,
    PREVIEW_STEP,
    RESULT_STEP,
    ImportDialog,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models import import_preview_model as pm
from desktop_app.ui.models.import_preview_model import (
    ColumnMappingModel,
    ImportPreviewModel,
    ImportPreviewProxy,
)
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.pages.members import MembersPage
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import TODAY
from tests.ui.helpers import run, settle

TITLE = (["ĐẢNG BỘ PHƯỜNG QUY NHƠN NAM"], ["DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 5"], [])
HEADER = (
    ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Quê quán", "Ngày vào Đảng",
     "Ngày chính thức", "Số CCCD", "Địa chỉ liên lạc", "Ghi chú"],
    [None, None, "Nam", "Nữ", None, None, None, None, None, None, None],
)  # fmt: skip
THUY_NFD = unicodedata.normalize("NFD", "Trần Thị Thuỷ")
PEOPLE = [
    [1, "Nguyễn Văn An", 1965, None, "Kinh", "Bình Định", dt.date(1990, 5, 3), "03/05/1991",
     "051065001234", "12 Trần Phú, phường Quy Nhơn", None],
    [2, THUY_NFD, None, 1979, "Kinh", "Phú Yên", "12/03/2001", "12/03/2002", "051179001235",
     "45 Lê Lợi, phường Quy Nhơn Nam", None],
    [3, "Lê Văn Cường", 1970, None, "Ê Đê", "Đắk Lắk", "15/03/2026", None, None,
     "7 Hoàng Văn Thụ", "Mới kết nạp"],
    [4, "Nguyễn Văn An", 1965, None, "Kinh", "Bình Định", dt.date(1990, 5, 3), None, None, None,
     None],
    [5, "Phạm Thị Hoa", None, 1988, "Kinh", "Quảng Ngãi", "31/02/2020", None, None,
     "3 Nguyễn Huệ", None],
    [6, "Võ Minh Tuấn", 1972, None, "Kinh", "B×nh §Þnh", dt.date(1998, 6, 20), "20/06/1999", None,
     "78 Ngô Mây, phường Quy Nhơn Nam", "Bí thư chi bộ"],
]  # fmt: skip
ADDRESS_COLUMN = 9  # J: "Địa chỉ liên lạc" is not recognised; the test maps it to residence
EDITABLE = Qt.ItemFlag.ItemIsEditable


def write_list(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh sách"
    for row in [*TITLE, *HEADER, *PEOPLE]:
        ws.append(row)
    ws.merge_cells("A1:K1")
    ws.merge_cells("A2:K2")
    ws.merge_cells("C4:D4")  # "Năm sinh" over Nam | Nữ
    for column in ("A", "B", "E", "F", "G", "H", "I", "J", "K"):
        ws.merge_cells(f"{column}4:{column}5")
    notes = book.create_sheet("Ghi chú")
    notes.append(["Danh sách cập nhật tháng 10/2026"])
    book.save(path)
    return path


@pytest.fixture
def list_file(tmp_path) -> Path:
    return write_list(tmp_path / "danh-sach-dang-vien.xlsx")


@pytest.fixture
def runner(empty_runner) -> TaskRunner:
    """A fresh register where Võ Minh Tuấn (born 1972) already is."""
    run(
        empty_runner,
        lambda reg: members.add_person(
            reg,
            {
                "full_name": "Võ Minh Tuấn",
                "sex": "male",
                "birth_date": "1972",
                "membership": "official",
                "ceremony_date": "1998-06-20",
                "official_date": "1999-06-20",
            },
            today=TODAY,
        ),
    )
    return empty_runner


def open_dialog(qtbot, runner, path: Path | None) -> ImportDialog:
    dlg = ImportDialog(runner, today=TODAY, path=path)
    qtbot.addWidget(dlg)
    dlg.resize(1280, 800)
    dlg.show()
    settle(runner)
    return dlg


def to_preview(dlg: ImportDialog, runner: TaskRunner) -> None:
    assert dlg.next_button.isEnabled()
    dlg.next_button.click()
    settle(runner)
    assert dlg.step() == PREVIEW_STEP, dlg.banner.text()


def proxy_row(dlg: ImportDialog, number: int) -> int:
    for r in range(dlg.proxy.rowCount()):
        if dlg.proxy.index(r, pm.ROW).data(ObjectRole).number == number:
            return r
    raise AssertionError(f"row {number} not shown")


def cell(dlg: ImportDialog, number: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return dlg.proxy.index(proxy_row(dlg, number), column).data(role)


def choose_action(dlg: ImportDialog, number: int, action: str) -> list[str]:
    """Open the action combo of a row as a click does, pick an action; the offered ones."""
    index = dlg.proxy.index(proxy_row(dlg, number), pm.ACTION)
    dlg.preview_table.setCurrentIndex(index)
    dlg.preview_table.edit(index)
    editor = dlg.action_editor()
    assert editor is not None
    offered = [editor.itemData(i) for i in range(editor.count())]
    editor.setCurrentIndex(editor.findData(action))
    editor.activated.emit(editor.currentIndex())
    return offered


def everyone(runner: TaskRunner) -> dict[str, object]:
    return {p.full_name: p for p in run(runner, members.list_people)}


# -- the whole import --------------------------------------------------------------------------


def test_import_a_list_step_by_step(qtbot, vietnamese, runner, list_file, screens, monkeypatch):
    dlg = open_dialog(qtbot, runner, list_file)
    assert dlg.step() == FILE_STEP and dlg.plan is not None, dlg.banner.text()
    assert not dlg.banner.isVisible()
    assert dlg.windowTitle() == "Nhập danh sách"
    assert [dlg.sheet_combo.itemText(i) for i in range(dlg.sheet_combo.count())] == [
        "Danh sách",
        "Ghi chú",
    ]
    assert dlg.sheet_combo.currentText() == "Danh sách"
    assert "dòng 5" in dlg.header_info.text() and "dòng 6" in dlg.header_info.text()
    assert "lần trước" not in dlg.header_info.text()
    mapping = dlg.mapping_model.mapping()
    assert mapping[1] == "full_name" and mapping[2] == "male_mark" and mapping[3] == "female_mark"
    assert mapping[8] == "id_number" and mapping[ADDRESS_COLUMN] is None
    assert dlg.target_combo(ADDRESS_COLUMN).currentText() == "Không nhập"
    name_row = dlg.mapping_model.row_of_column(1)
    assert dlg.mapping_model.index(name_row, pm.SAMPLES).data().startswith("Nguyễn Văn An; Trần")
    # the user maps the address column with its combo
    combo = dlg.target_combo(ADDRESS_COLUMN)
    combo.setCurrentIndex(combo.findData("residence"))
    assert dlg.mapping_model.mapping()[ADDRESS_COLUMN] == "residence"
    assert dlg.default_combo.currentData() == "official"
    screens(dlg, "import_1_columns")

    to_preview(dlg, runner)
    assert dlg.preview is not None and len(dlg.preview.rows) == 6
    counts = dlg.preview.counts()
    assert counts["errors"] == 1 and counts["converted"] == 2 and counts["duplicates"] == 2
    assert dlg.counts_label.text().startswith("6 dòng: 1 dòng có lỗi")
    assert "trùng" in dlg.counts_label.text()
    # the NFD name was made NFC, and says so
    assert cell(dlg, 7, pm.NAME) == "Trần Thị Thuỷ"
    assert cell(dlg, 7, pm.CONVERTED) == f"{SOURCE_LABELS['nfd']} → «Trần Thị Thuỷ»"
    # a place name typed in the old .VnTime font (TCVN3)
    assert cell(dlg, 11, pm.CONVERTED) == f"{SOURCE_LABELS['tcvn3']} → «Bình Định»"
    assert cell(dlg, 6, pm.BIRTH) == "1965" and cell(dlg, 6, pm.STATUS) == "Chính thức"
    assert cell(dlg, 8, pm.STATUS) == "Dự bị"
    # a row twice in the file
    assert cell(dlg, 9, pm.DUPLICATE) == "trùng dòng 6"
    assert cell(dlg, 9, pm.ACTION) == "Bỏ qua"
    # an impossible date: an error, in red, fixed at "skip"
    problems = cell(dlg, 10, pm.PROBLEMS)
    assert "không có ngày 31" in problems
    assert cell(dlg, 10, pm.PROBLEMS, Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert cell(dlg, 10, pm.ACTION) == "Bỏ qua"
    assert not dlg.proxy.index(proxy_row(dlg, 10), pm.ACTION).flags() & EDITABLE
    # someone already in the register
    assert cell(dlg, 11, pm.DUPLICATE) == "đã có: Võ Minh Tuấn (cùng họ tên và ngày sinh 1972)"
    assert cell(dlg, 11, pm.ACTION) == "Bỏ qua"
    assert dlg.actions_label.text().startswith("Sẽ thêm 3, cập nhật 0, bỏ qua 3")
    # the details of the selected row
    dlg.preview_table.setCurrentIndex(dlg.proxy.index(proxy_row(dlg, 10), pm.NAME))
    assert "Lỗi: Ngày vào Đảng" in dlg.row_details.text()
    screens(dlg, "import_2_preview")

    # only the flagged rows
    dlg.only_flagged.setChecked(True)
    shown = {dlg.proxy.index(r, 0).data(ObjectRole).number for r in range(dlg.proxy.rowCount())}
    assert shown == {9, 10, 11}
    dlg.only_flagged.setChecked(False)
    assert dlg.proxy.rowCount() == 6

    # Võ Minh Tuấn: update the one in the register rather than skip the row
    assert choose_action(dlg, 11, "update") == ["add", "update", "skip"]
    assert cell(dlg, 11, pm.ACTION) == "Cập nhật"
    assert dlg.preview_model.choices()[11] == "update"
    assert dlg.actions_label.text().startswith("Sẽ thêm 3, cập nhật 1, bỏ qua 2")
    dlg.preview_table.setCurrentIndex(dlg.proxy.index(proxy_row(dlg, 11), pm.NAME))
    screens(dlg, "import_2_preview_changed")

    assert dlg.next_button.text() == "&Nhập"
    dlg.next_button.click()
    settle(runner)
    assert dlg.step() == RESULT_STEP, dlg.banner.text()
    summary = dlg.summary
    assert summary is not None
    assert [n for _, n in summary.added] == ["Nguyễn Văn An", "Trần Thị Thuỷ", "Lê Văn Cường"]
    assert summary.updated == [(11, "Võ Minh Tuấn")]
    assert {r for r, _, _ in summary.skipped} == {9, 10}
    assert dlg.result_heading.text() == "Xong: đã thêm 3, cập nhật 1, bỏ qua 2."
    text = dlg.summary_view.toPlainText()
    assert "«danh-sach-dang-vien.xlsx», trang «Danh sách», ngày 22/11/2026" in text
    assert summary.to_text() in text and "trùng với dòng 6" in text
    assert dlg.close_button.isVisible() and not dlg.next_button.isVisible()
    assert not dlg.back_button.isVisible() and dlg.save_button.isVisible()
    screens(dlg, "import_3_result")

    # the register, read through the services on the database thread
    people = everyone(runner)
    assert set(people) == {"Nguyễn Văn An", "Trần Thị Thuỷ", "Lê Văn Cường", "Võ Minh Tuấn"}
    thuy = people["Trần Thị Thuỷ"]
    assert thuy.full_name == unicodedata.normalize("NFC", thuy.full_name)
    assert thuy.sex == "female" and thuy.birth_date == "1979"
    tuan = run(runner, lambda reg: members.get_person(reg, people["Võ Minh Tuấn"].id))
    assert tuan.residence == "78 Ngô Mây, phường Quy Nhơn Nam"
    assert tuan.native_place == "Bình Định"
    assert people["Lê Văn Cường"].status == "probationary"

    # the summary saved as UTF-8 text
    target = list_file.parent / "ket-qua.txt"
    monkeypatch.setattr(import_dialog, "choose_summary_file", lambda parent, s: str(target))
    dlg.save_button.click()
    settle(runner)
    assert target.read_text(encoding="utf-8") == dlg.summary_text
    assert str(target) in dlg.saved_label.text()

    # the mapping is remembered for the next file with the same headers
    dlg.close_button.click()
    again = open_dialog(qtbot, runner, list_file)
    assert again.mapping_model.mapping()[ADDRESS_COLUMN] == "residence"
    assert "lần trước" in again.header_info.text()


def test_a_refused_import_writes_nothing(qtbot, runner, list_file, monkeypatch):
    dlg = open_dialog(qtbot, runner, list_file)
    to_preview(dlg, runner)
    original, calls = members.add_person, []

    def failing(reg, values, **kw):
        calls.append(values["full_name"])
        if len(calls) == 2:
            raise OSError("disk full")
        return original(reg, values, **kw)

    monkeypatch.setattr(members, "add_person", failing)
    remembered = []
    monkeypatch.setattr(imports, "remember", remembered.append)
    dlg.next_button.click()
    settle(runner)
    assert calls == ["Nguyễn Văn An", "Trần Thị Thuỷ"]
    assert dlg.step() == PREVIEW_STEP and dlg.summary is None
    assert dlg.banner.isVisible()
    assert dlg.banner.text() == "Nothing was written to the register: disk full"
    assert dlg.next_button.isEnabled() and dlg.back_button.isEnabled()
    assert set(everyone(runner)) == {"Võ Minh Tuấn"}
    assert remembered == []


def test_a_refused_row_is_explained_in_vietnamese(
    qtbot, vietnamese, runner, list_file, monkeypatch
):
    dlg = open_dialog(qtbot, runner, list_file)
    to_preview(dlg, runner)

    def refuse(reg, values, **kw):
        raise DomainError("Sổ đang được sao lưu")

    monkeypatch.setattr(members, "add_person", refuse)
    dlg.next_button.click()
    settle(runner)
    assert dlg.step() == PREVIEW_STEP
    assert dlg.banner.text() == "Chưa ghi gì vào sổ: Sổ đang được sao lưu"
    assert set(everyone(runner)) == {"Võ Minh Tuấn"}


def test_going_back_and_changing_the_default_status(qtbot, runner, list_file):
    dlg = open_dialog(qtbot, runner, list_file)
    to_preview(dlg, runner)
    dlg.back_button.click()
    assert dlg.step() == FILE_STEP
    dlg.default_combo.setCurrentIndex(dlg.default_combo.findData("probationary"))
    to_preview(dlg, runner)
    assert dlg.preview.plan.default_membership == "probationary"


def test_the_columns_must_name_people_once(qtbot, runner, list_file):
    dlg = open_dialog(qtbot, runner, list_file)
    combo = dlg.target_combo(1)
    combo.setCurrentIndex(combo.findData(""))
    assert not dlg.next_button.isEnabled()
    assert "Họ và tên" in dlg.mapping_message.text()
    combo.setCurrentIndex(combo.findData("full_name"))
    assert dlg.next_button.isEnabled() and dlg.mapping_message.isHidden()
    other = dlg.target_combo(5)
    other.setCurrentIndex(other.findData("full_name"))
    assert not dlg.next_button.isEnabled()
    assert dlg.mapping_message.text().startswith("Columns B, F all go to")


def test_changing_the_sheet_reads_it_again(qtbot, runner, list_file):
    dlg = open_dialog(qtbot, runner, list_file)
    dlg.sheet_combo.setCurrentText("Ghi chú")
    settle(runner)
    assert dlg.plan is None and dlg.banner.isVisible()
    assert "Ghi chú" in dlg.banner.text() and "Họ và tên" in dlg.banner.text()
    assert not dlg.next_button.isEnabled()


def test_errors_opening_a_file_show_in_the_banner(qtbot, vietnamese, runner, tmp_path, screens):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    dlg = open_dialog(qtbot, runner, bad)
    assert dlg.banner.isVisible() and "hong.xlsx" in dlg.banner.text()
    assert dlg.plan is None and not dlg.next_button.isEnabled()
    assert dlg.mapping_model.rowCount() == 0
    screens(dlg, "import_0_unreadable")


def test_choosing_a_file(qtbot, runner, list_file, monkeypatch):
    dlg = open_dialog(qtbot, runner, None)
    assert dlg.plan is None and not dlg.next_button.isEnabled()
    monkeypatch.setattr(import_dialog, "choose_list_file", lambda parent, folder: str(list_file))
    dlg.choose_button.click()
    settle(runner)
    assert dlg.plan is not None and dlg.path_edit.text() == str(list_file)
    assert dlg.next_button.isEnabled()


def test_nothing_is_read_on_the_gui_thread(qtbot, runner, list_file, monkeypatch):
    """Opening and previewing go through the runner (the SQL guard covers the preview)."""
    seen = []
    real = runner.submit

    def spy(work, *args, **kwargs):
        seen.append(kwargs.get("progress"))
        return real(work, *args, **kwargs)

    monkeypatch.setattr(runner, "submit", spy)
    dlg = open_dialog(qtbot, runner, list_file)
    to_preview(dlg, runner)
    assert seen == ["Reading the list…", "Checking every row…"]


# -- where it is opened ----------------------------------------------------------------------


def test_the_members_page_opens_it_and_reloads(qtbot, runner, monkeypatch):
    asked = []
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.show()
    settle(runner)
    assert page.model.total() == 1

    def ask(cls, runner_, parent=None, today=None):
        asked.append(parent)
        mai = {"full_name": "Đào Thị Mai", "sex": "female", "birth_date": "1984"}
        run(runner_, lambda reg: members.add_person(reg, mai, today=TODAY))
        return imports.Summary(added=[(6, "Đào Thị Mai")])

    monkeypatch.setattr(ImportDialog, "ask", classmethod(ask))
    assert page.import_button.isEnabled()
    page.import_button.click()
    settle(runner)
    assert asked == [page]
    assert page.model.total() == 2


def test_a_cancelled_import_does_not_reload(qtbot, runner, monkeypatch):
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.show()
    settle(runner)
    monkeypatch.setattr(ImportDialog, "ask", classmethod(lambda cls, r, p=None, t=None: None))
    reloads = []
    monkeypatch.setattr(page, "reload", lambda: reloads.append(1))
    page.import_list()
    assert reloads == []


def test_the_file_menu_shows_members_and_opens_it(qtbot, runner, settings, monkeypatch):
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window.show_area("today")
    asked = []
    monkeypatch.setattr(
        ImportDialog, "ask", classmethod(lambda cls, r, p=None, t=None: asked.append(p))
    )
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Import a list…")
    action.trigger()
    settle(runner)
    assert window.current_area() == "members"
    assert asked == [window.pages["members"]]


# -- the models --------------------------------------------------------------------------------


@pytest.fixture
def preview(runner, list_file, qapp) -> imports.Preview:
    return run(runner, lambda reg: imports.preview(reg, imports.open_plan(list_file), TODAY))


def test_qtmodeltester_preview(qtmodeltester, preview) -> None:
    model = ImportPreviewModel()
    model.set_preview(preview)
    qtmodeltester.check(model, force_py=True)
    proxy = ImportPreviewProxy()
    proxy.setSourceModel(model)
    proxy.set_only_flagged(True)
    qtmodeltester.check(proxy, force_py=True)


def test_qtmodeltester_columns(qtmodeltester, preview) -> None:
    model = ColumnMappingModel()
    model.set_columns(preview.plan.columns)
    qtmodeltester.check(model, force_py=True)


def test_preview_model_actions_and_sorting(qapp, preview) -> None:
    model = ImportPreviewModel()
    model.set_preview(preview)
    assert model.choices() == {6: "add", 7: "add", 8: "add", 9: "skip", 10: "skip", 11: "skip"}
    error_row = model.row_of_number(10)
    action = model.index(error_row, pm.ACTION)
    assert not model.setData(action, "add")  # an error row stays skipped
    same = model.index(model.row_of_number(9), pm.ACTION)
    assert model.setData(same, "add") and model.choices()[9] == "add"
    assert not model.setData(model.index(0, pm.ACTION), "update")  # nobody to update
    assert model.action_counts() == {"add": 4, "update": 0, "skip": 2}
    assert model.index(0, pm.ROW).data(SortRole) == 6
    names = sorted(range(model.rowCount()), key=lambda r: model.index(r, pm.NAME).data(SortRole))
    # Vietnamese order by given name: An, An, Cường, Hoa, Thuỷ, Tuấn
    assert [model.row_at(r).number for r in names] == [6, 9, 8, 10, 7, 11]
    assert model.index(error_row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_column_letters() -> None:
    assert [pm.column_letter(i) for i in (0, 9, 25, 26, 27, 51, 52)] == [
        "A", "J", "Z", "AA", "AB", "AZ", "BA",
    ]  # fmt: skip
