"""The upper level's pages, each driven on its own over a workspace with real data: the
reporting board (its numbers are the service's, the .xlsx opens), quotas and decisions (what
the page records is in the workspace; the receipt it writes imports on the cell), conflicts
(explained, closed only with a note); and every bad input refused with the register's
Vietnamese message, nothing written.

The workspace is built once for the module (five cells: two real registers, one of which
restored an old backup and forked, two crafted cells holding the same person, one of them
with a bundle held back, and one cell enrolled that never reported) and copied for each test.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop_app.services import backups, development, registers, sync_cell, upper_board
from desktop_app.services import upper_workspace as ws
from desktop_app.store.database import Register
from desktop_app.sync import envelope
from desktop_app.ui import style
from desktop_app.ui.dialogs.upper_resolve_dialog import UpperResolveDialog
from desktop_app.ui.models import upper_board_model as board_columns
from desktop_app.ui.models.upper_board_model import UpperBoardModel, UpperDueModel
from desktop_app.ui.models.upper_conflicts_model import ConflictRow, UpperConflictsModel
from desktop_app.ui.models.upper_decisions_model import UpperDecisionsModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.upper import board as board_module
from desktop_app.ui.upper import decisions as decisions_module
from desktop_app.ui.upper.board import BoardPage
from desktop_app.ui.upper.conflicts import ConflictsPage
from desktop_app.ui.upper.decisions import DecisionsPage
from tests.conftest import PASSPHRASE, TODAY
from tests.services import pipeline
from tests.sync import samples
from tests.sync.upper_helpers import World, use
from tests.ui.conftest import SCREEN_SIZE, SCREENS, off_gui_thread
from tests.ui.helpers import commit_text, replace_text, run, settle
from tests.ui.scenes import opening_size

D = dt.date
NT, KP5, AL, TH, DB = "CB-NT", "CB-KP5", "CB-AL", "CB-TH", "CB-DB"
OTHER_CELL = "7b1f3c2e-8d4a-4f6b-9c7e-1a2b3c4d5e6f"
CANDIDATE = "Huỳnh Thị Mỹ Duyên"
WAIT = 15_000


# -- the workspace --------------------------------------------------------------------------


def _crafted(world: World, folder: Path, entries, code: str, name: str, **keys) -> Path:
    """A bundle of a cell made without a register (tests/sync/samples), under its own name."""
    upper = world.keys
    manifest = samples.manifest_for(entries, keys.get("key", samples.SIGNER),
                                    upper_id=upper.upper_id, cell_code=code, cell_name=name,
                                    cell_id=keys.get("cell_id", samples.CELL_ID))  # fmt: skip
    made_name, made = samples.sealed(
        entries, manifest=manifest, key=keys.get("key", samples.SIGNER), recipient=upper.recipient
    )
    folder.mkdir(parents=True, exist_ok=True)
    return envelope.write_pair(folder, made_name, made)


def _first(world: World, path: Path) -> None:
    assert world.receive(path, confirm=world.receive(path).fingerprint).status == "applied"


def _build(world: World, folder: Path) -> None:
    nt = world.add_cell(NT, "Chi bộ Trường THPT Nguyễn Trân")
    cell = pipeline.small_cell(nt)
    candidate = pipeline.to_vote(nt, cell)
    development.record_vote(nt, candidate, "admission", D(2025, 4, 8), present=4, in_favour=4,
                            today=TODAY)  # fmt: skip
    pipeline.official(nt, "Bùi Thị Hoa", membership="probationary", ceremony_date="01/12/2025",
                      official_date=None)  # fmt: skip
    world.first(NT)
    ws.set_quota(use(world.upper), NT, 2026, 2, today=TODAY)

    kp5 = world.add_cell(KP5, "Chi bộ Khu phố 5")
    for name in ("Đặng Văn Hùng", "Võ Thị Lan", "Ngô Văn Tài"):
        pipeline.official(use(kp5), name, "female" if "Thị" in name else "male")
    saved = backups.create_backup(use(kp5), "thu-cong")
    pipeline.official(use(kp5), "Phạm Thị Dung", "female")
    world.first(KP5)
    world.cells[KP5] = backups.restore(use(world.cells[KP5]), saved.path)
    pipeline.official(use(world.cells[KP5]), "Lê Văn Sáu")  # written on after the restore
    assert world.receive(world.export(KP5)).status == "fork"

    fields = {"full_name": "Nguyễn Thị Hường", "sex": "female", "membership": "official",
              "birth_date": "1978-03-12"}  # fmt: skip
    person = ("person", samples.PERSON_ID, "insert", fields)
    folder.mkdir(parents=True)
    for code in (AL, TH, DB):
        ws.enrol_cell(use(world.upper), code, folder,
                      name={AL: "Chi bộ Thôn An Lợi", TH: "Chi bộ Tổ dân phố Thanh Hà",
                            DB: "Chi bộ Đông Bình"}[code])  # fmt: skip
    _first(world, _crafted(world, folder / "al", samples.chain([person]), AL, "Chi bộ Thôn An Lợi"))
    late = samples.chain(start=9, prev="e" * 64)
    held = world.receive(_crafted(world, folder / "late", late, AL, "Chi bộ Thôn An Lợi"))
    assert held.status == "gap"
    other = {"key": samples.STRANGER, "cell_id": OTHER_CELL}
    th = _crafted(world, folder / "th", samples.chain([person]), TH, "Chi bộ Tổ dân phố Thanh Hà",
                  **other)  # fmt: skip
    _first(world, th)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("upper-pages")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOCHIBO_HOME", str(folder / "home"))
        world = World(folder / "world")
        try:
            _build(world, folder / "files")
        finally:
            world.close()
    return folder / "world"


class Copy:
    """The module's workspace copied for one test; cells are opened when needed."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.upper = registers.open_register(folder / "cap-tren.sochibo", PASSPHRASE)
        self.opened: list[Register] = [self.upper]

    def cell(self, code: str) -> Register:
        reg = registers.open_register(self.folder / code / "so.sochibo", PASSPHRASE)
        self.opened.append(reg)
        use(self.upper)  # the workspace stays the one the pages read
        return reg

    def close(self) -> None:
        for reg in reversed(self.opened):
            reg.close()


@pytest.fixture
def copy(template, tmp_path) -> Iterator[Copy]:
    shutil.copytree(template, tmp_path / "world")
    made = Copy(tmp_path / "world")
    yield made
    made.close()


@pytest.fixture
def upper_runner(qapp, copy) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    runner.adopt(use(copy.upper))
    yield runner
    runner.shutdown()


def shown(qtbot, page: QWidget) -> QWidget:
    qtbot.addWidget(page)
    page.resize(*SCREEN_SIZE)
    page.show()
    return page


def writes(page) -> list[int]:
    seen: list[int] = []
    page.data_changed.connect(lambda: seen.append(1))
    return seen


# -- the board ------------------------------------------------------------------------------


@pytest.fixture
def board_page(qtbot, upper_runner) -> BoardPage:
    page = shown(qtbot, BoardPage(upper_runner, today=TODAY))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=WAIT)
    return page


def test_the_board_shows_the_services_numbers(board_page, upper_runner):
    found = run(upper_runner, lambda reg: upper_board.board(reg, TODAY))
    model = board_page.model
    assert [r.code for r in model.rows()] == [r.code for r in found.cells]
    for number, row in enumerate(found.cells):
        shown_row = [model.display(row, c) for c in range(model.columnCount())]
        quota = "—" if row.quota is None else str(row.quota)
        late = sum(d.overdue for d in row.deadlines)
        due = f"{len(row.deadlines)} ({late} overdue)" if late else str(len(row.deadlines))
        assert shown_row == [
            row.code, row.name or row.code, row.last_bundle_date or "—",
            "Reported" if row.reported_this_month else "Not yet", str(row.official),
            str(row.probationary), str(row.candidates), f"{row.admissions} / {quota}", due,
            str(len(row.conflicts)),
        ]  # fmt: skip
        tinted = model.index(number, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert tinted == (not row.reported_this_month)
    nt = next(r for r in found.cells if r.code == NT)
    assert (nt.official, nt.probationary, nt.candidates, nt.quota) == (4, 1, 1, 2)
    assert found.not_reported and DB in found.not_reported
    summary = board_page.summary.text()
    assert board_page.summary.level == "warning"
    assert f"{len(found.not_reported)} of 5 cells have not reported in 11/2026" in summary
    assert ", ".join(found.not_reported) in summary


def test_the_board_fits_the_window_its_names_giving_way(board_page, upper_runner, qtbot):
    """In the window at 1280 px the page is about 1,000 px wide: every figure shows without
    scrolling sideways; a cell's name gives way, and its tooltip holds it whole."""
    found = run(upper_runner, lambda reg: upper_board.board(reg, TODAY))
    board_page.resize(1000, 700)
    qtbot.waitUntil(lambda: board_page.table.viewport().width() < 1000, timeout=WAIT)
    QApplication.processEvents()
    table, header = board_page.table, board_page.table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    named = next(r for r in found.cells if r.fingerprint)
    row = board_page.model.rows().index(named)
    tip = board_page.model.index(row, board_columns.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == (named.name or named.code) and named.fingerprint in tip


def test_the_board_sorts_by_column_with_names_in_vietnamese_order(board_page):
    table, proxy = board_page.table, board_page.proxy

    def column(number: int) -> list[str]:
        return [proxy.index(r, number).data() for r in range(proxy.rowCount())]

    table.sortByColumn(board_columns.NAME, Qt.SortOrder.AscendingOrder)
    assert column(board_columns.NAME) == [
        "Chi bộ Đông Bình",
        "Chi bộ Khu phố 5",
        "Chi bộ Thôn An Lợi",
        "Chi bộ Tổ dân phố Thanh Hà",
        "Chi bộ Trường THPT Nguyễn Trân",
    ]  # fmt: skip  (Python's sorted() would put Đông Bình last)
    table.sortByColumn(board_columns.OFFICIAL, Qt.SortOrder.DescendingOrder)
    assert column(board_columns.CODE)[0] == NT
    table.sortByColumn(board_columns.CONFLICTS, Qt.SortOrder.DescendingOrder)
    assert column(board_columns.CODE)[0] == AL  # a held bundle and a person in two cells


def test_the_chosen_cells_deadlines_and_conflicts(board_page, upper_runner):
    found = run(upper_runner, lambda reg: upper_board.board(reg, TODAY))
    nt = next(r for r in found.cells if r.code == NT)
    assert board_page.select_cell(NT)
    assert board_page.due_model.rowCount() == len(nt.deadlines) == 2
    names = {board_page.due_model.index(r, 1).data() for r in range(2)}
    assert names == {CANDIDATE, "Bùi Thị Hoa"}
    assert "Overdue" in {board_page.due_model.index(r, 3).data() for r in range(2)}
    assert board_page.conflicts_label.text() == "No open conflicts."
    assert board_page.select_cell(AL)
    assert not board_page.due_table.isVisible() and board_page.no_due.isVisible()
    text = board_page.conflicts_label.text()
    assert "Gói bị giữ lại vì thiếu mục" in text and "Nguyễn Thị Hường" in text
    assert "Chi bộ Thôn An Lợi (CB-AL)" in board_page.detail.title()


def test_a_cell_double_clicked_is_offered_to_the_window(board_page, qtbot):
    proxy = board_page.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == KP5)
    with qtbot.waitSignal(board_page.cell_activated, timeout=WAIT) as got:
        board_page.table.doubleClicked.emit(proxy.index(row, board_columns.NAME))
    assert got.args == [KP5]


def test_the_day_to_look_at(board_page, upper_runner, qtbot):
    replace_text(board_page.on_edit, "15/12/2026")
    board_page.on_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: board_page.board.on == D(2026, 12, 15), timeout=WAIT)
    found = run(upper_runner, lambda reg: upper_board.board(reg, D(2026, 12, 15)))
    reported = [board_page.model.display(r, board_columns.MONTH) for r in board_page.model.rows()]
    assert reported == ["Reported" if r.reported_this_month else "Not yet" for r in found.cells]
    replace_text(board_page.on_edit, "31/02/2026")
    board_page.on_edit.editingFinished.emit()
    settle(upper_runner)
    assert board_page.banner.level == "error"
    assert (
        board_page.banner.text() == "The day to look at «31/02/2026»: tháng 2/2026 không có ngày 31"
    )
    assert board_page.board.on == D(2026, 12, 15)  # the last board stays


def test_export_to_excel(board_page, upper_runner, tmp_path, monkeypatch, qtbot):
    chosen = {"path": tmp_path / "bang-theo-doi"}
    monkeypatch.setattr(board_module.BoardFileChooser, "xlsx_path",
                        classmethod(lambda cls, parent, suggested: chosen["path"]))  # fmt: skip
    assert board_page.export_button.isEnabled()
    board_page.export_xlsx()
    qtbot.waitUntil(lambda: board_page.banner.level == "ok", timeout=WAIT)
    written = tmp_path / "bang-theo-doi.xlsx"
    assert str(written) in board_page.banner.text()
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Tháng 11-2026", "Thời hạn", "Vướng mắc"]
    rows = {r[0]: r for r in book["Tháng 11-2026"].iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {NT, KP5, AL, TH, DB} and rows[NT][4:9] == (4, 1, 1, 0, 2)
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file became the workbook
    chosen["path"] = tmp_path / "bang.csv"
    board_page.export_xlsx()
    qtbot.waitUntil(lambda: board_page.banner.level == "error", timeout=WAIT)
    assert "«bang.csv»: bảng theo dõi chỉ xuất ra tệp .xlsx" in board_page.banner.text()
    assert not (tmp_path / "bang.csv").exists()


def test_the_board_reads_again_when_the_register_changes(board_page, upper_runner, copy, qtbot):
    run(upper_runner, lambda reg: ws.set_quota(reg, KP5, 2026, 4, today=TODAY))
    kp5 = board_page.model.row_of(KP5)
    assert board_page.model.index(kp5, board_columns.ADMISSIONS).data() == "0 / —"
    upper_runner.adopt(copy.upper)  # another register opened (the same one here)
    qtbot.waitUntil(
        lambda: board_page.model.index(board_page.model.row_of(KP5) or 0,
                                       board_columns.ADMISSIONS).data() == "0 / 4",
        timeout=WAIT,
    )  # fmt: skip
    board_page.refresh()  # and the window's own refresh
    settle(upper_runner)
    assert board_page.model.rowCount() == 5


# -- quotas and decisions -------------------------------------------------------------------


@pytest.fixture
def decisions_page(qtbot, upper_runner) -> DecisionsPage:
    page = shown(qtbot, DecisionsPage(upper_runner, today=TODAY))
    qtbot.waitUntil(lambda: page.data is not None and page.data.code is not None, timeout=WAIT)
    return page


def choose_cell(page: DecisionsPage, runner: TaskRunner, code: str) -> None:
    page.select_cell(code)
    settle(runner)
    assert page.data.code == code


def people_of(runner: TaskRunner, code: str) -> dict[str, str]:
    return {p.full_name: p.id for p in run(runner, lambda reg: ws.cell_people(reg, code))}


def decisions_now(runner: TaskRunner) -> list:
    return run(runner, lambda reg: ws.list_decisions(reg))


def test_cells_in_vietnamese_order_and_the_chosen_cells_people(decisions_page, upper_runner):
    combo = decisions_page.cell_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Chi bộ Đông Bình (CB-DB)", "Chi bộ Khu phố 5 (CB-KP5)", "Chi bộ Thôn An Lợi (CB-AL)",
        "Chi bộ Tổ dân phố Thanh Hà (CB-TH)", "Chi bộ Trường THPT Nguyễn Trân (CB-NT)",
    ]  # fmt: skip
    assert decisions_page.data.code == DB and decisions_page.person.count() == 0
    assert "cấp trên chưa nhận gói nào" in decisions_page.receipt_label.text()
    assert not decisions_page.receipt_button.isEnabled()
    choose_cell(decisions_page, upper_runner, NT)
    picker = decisions_page.person
    listed = [picker.itemText(i) for i in range(picker.count())]
    assert listed == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung",
                      "Huỳnh Thị Mỹ Duyên", "Bùi Thị Hoa"]  # fmt: skip
    assert decisions_page.quotas_label.text() == "Set so far: 2026: 2"
    assert decisions_page.count.value() == 2 and decisions_page.receipt_button.isEnabled()


def test_a_quota_set_in_the_page_is_in_the_workspace(decisions_page, upper_runner, qtbot):
    choose_cell(decisions_page, upper_runner, KP5)
    seen = writes(decisions_page)
    decisions_page.year.setValue(2027)
    decisions_page.count.setValue(3)
    with qtbot.waitSignal(decisions_page.data_changed, timeout=WAIT):
        decisions_page.quota_button.click()
    settle(upper_runner)
    quotas = run(upper_runner, lambda reg: ws.list_quotas(reg, KP5))
    assert [(q.year, q.count) for q in quotas] == [(2027, 3)] and seen == [1]
    assert (
        decisions_page.banner.level == "ok" and "CB-KP5 in 2027: 3" in decisions_page.banner.text()
    )
    assert decisions_page.quotas_label.text() == "Set so far: 2027: 3"


def test_a_quota_for_a_year_too_far_is_refused(decisions_page, upper_runner):
    choose_cell(decisions_page, upper_runner, NT)
    seen = writes(decisions_page)
    decisions_page.year.setValue(2030)
    decisions_page.count.setValue(5)
    decisions_page.quota_button.click()
    settle(upper_runner)
    text = decisions_page.banner.text()
    assert decisions_page.banner.level == "error"
    assert text.startswith("Chỉ tiêu kết nạp năm 2030 của chi bộ CB-NT: dữ liệu chưa hợp lệ")
    assert "Năm: năm 2030 phải từ 1930 đến 2027" in text
    quotas = run(upper_runner, lambda reg: ws.list_quotas(reg, NT))
    assert [(q.year, q.count) for q in quotas] == [(2026, 2)] and seen == []


def fill_decision(page: DecisionsPage, kind: str, person_id: str, number: str, date: str) -> None:
    page.new_decision()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    page.person.set_person_id(person_id)
    page.number.setText(number)
    page.date.setText(date)


def test_a_decision_added_in_the_page_is_in_the_workspace(decisions_page, upper_runner, qtbot):
    choose_cell(decisions_page, upper_runner, NT)
    people = people_of(upper_runner, NT)
    fill_decision(decisions_page, "admission", people[CANDIDATE], "45-QĐ/ĐU", "02/11/2026")
    commit_text(decisions_page.note, "Kết nạp đợt kỷ niệm 3/2")
    with qtbot.waitSignal(decisions_page.data_changed, timeout=WAIT):
        decisions_page.record_button.click()
    settle(upper_runner)
    [made] = decisions_now(upper_runner)
    assert (made.cell_code, made.person_id, made.kind, made.number, made.date, made.note) == (
        NT, people[CANDIDATE], "admission", "45-QĐ/ĐU", "2026-11-02", "Kết nạp đợt kỷ niệm 3/2"
    )  # fmt: skip
    assert decisions_page.banner.text() == (
        "Recorded: Admission no. 45-QĐ/ĐU of 02/11/2026 — Huỳnh Thị Mỹ Duyên. The next receipt "
        "carries it to the cell."
    )
    model = decisions_page.model
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "02/11/2026", "Admission", "45-QĐ/ĐU", CANDIDATE, "In the next receipt",
        "Kết nạp đợt kỷ niệm 3/2",
    ]  # fmt: skip
    assert "1 decisions the cell has not yet confirmed" in decisions_page.receipt_label.text()
    # chosen again, corrected: the same decision, a new number
    decisions_page.table.selectRow(0)
    assert decisions_page.number.text() == "45-QĐ/ĐU"
    replace_text(decisions_page.number, "46-QĐ/ĐU")
    with qtbot.waitSignal(decisions_page.data_changed, timeout=WAIT):
        decisions_page.record_button.click()
    settle(upper_runner)
    assert [d.number for d in decisions_now(upper_runner)] == ["46-QĐ/ĐU"]
    assert decisions_page.banner.text().startswith("Corrected: Admission no. 46-QĐ/ĐU")


BAD_DECISIONS = [
    ("no number", "admission", CANDIDATE, "", "02/11/2026",
     "Quyết định kết nạp: số quyết định cần 1 đến 100 ký tự"),
    ("future date", "admission", CANDIDATE, "45-QĐ/ĐU", "01/01/2099",
     "Quyết định kết nạp: ngày 01/01/2099 là ngày trong tương lai"),
    ("malformed date", "admission", CANDIDATE, "45-QĐ/ĐU", "31/02/2026",
     "Admission, decision date «31/02/2026»: tháng 2/2026 không có ngày 31"),
    ("no date", "recognition", "Bùi Thị Hoa", "46-QĐ/ĐU", "",
     "Recognition as full member, decision date: type it"),
    ("does not apply", "admission", "Nguyễn Văn An", "45-QĐ/ĐU", "02/11/2026",
     "Quyết định kết nạp: «Nguyễn Văn An» ở chi bộ «Chi bộ Trường THPT Nguyễn Trân» (mã CB-NT) "
     "đang là chính thức theo gói gần nhất; không ghi quyết định này."),
    ("recognition of a candidate", "recognition", CANDIDATE, "46-QĐ/ĐU", "02/11/2026",
     "Quyết định công nhận đảng viên chính thức: «Huỳnh Thị Mỹ Duyên» ở chi bộ «Chi bộ Trường "
     "THPT Nguyễn Trân» (mã CB-NT) đang là quần chúng"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "name", "number", "date", "message"),
    [case[1:] for case in BAD_DECISIONS],
    ids=[case[0] for case in BAD_DECISIONS],
)
def test_a_bad_decision_is_refused_and_nothing_written(
    decisions_page, upper_runner, kind, name, number, date, message
):
    choose_cell(decisions_page, upper_runner, NT)
    seen = writes(decisions_page)
    fill_decision(decisions_page, kind, people_of(upper_runner, NT)[name], number, date)
    decisions_page.record_button.click()
    settle(upper_runner)
    assert decisions_page.banner.level == "error"
    assert message in decisions_page.banner.text()
    assert decisions_now(upper_runner) == [] and seen == []
    assert decisions_page.number.text() == number  # what was typed stays, to be put right


def test_a_person_not_in_that_cell_is_refused(decisions_page, upper_runner):
    choose_cell(decisions_page, upper_runner, NT)
    seen = writes(decisions_page)
    elsewhere = run(upper_runner, lambda reg: ws.cell_people(reg, KP5))
    decisions_page.person.set_people(elsewhere)  # a list left from another cell
    fill_decision(decisions_page, "transfer", elsewhere[0].id, "12-QĐ/ĐU", "02/11/2026")
    decisions_page.record_button.click()
    settle(upper_runner)
    assert decisions_page.banner.text() == (
        "Chi bộ «Chi bộ Trường THPT Nguyễn Trân» (mã CB-NT) không có người nào mang mã "
        f"«{elsewhere[0].id}» trong các gói cấp trên đã nhận."
    )
    assert decisions_now(upper_runner) == [] and seen == []
    # a name typed that is no one's in the list
    decisions_page.refresh()
    settle(upper_runner)
    fill_decision(decisions_page, "transfer", "", "12-QĐ/ĐU", "02/11/2026")
    commit_text(decisions_page.person.lineEdit(), "Trần Văn Không Có")
    decisions_page.record_button.click()
    settle(upper_runner)
    assert decisions_page.banner.text() == (
        "Transfer: Chi bộ Trường THPT Nguyễn Trân (CB-NT) has no one named «Trần Văn Không Có» "
        "in the bundles received; choose a name"
    )
    assert decisions_now(upper_runner) == [] and seen == []


def test_the_receipt_written_imports_on_the_cell(
    decisions_page, upper_runner, copy, tmp_path, monkeypatch, qtbot
):
    choose_cell(decisions_page, upper_runner, NT)
    people = people_of(upper_runner, NT)
    fill_decision(decisions_page, "admission", people[CANDIDATE], "45-QĐ/ĐU", "02/11/2026")
    with qtbot.waitSignal(decisions_page.data_changed, timeout=WAIT):
        decisions_page.record_button.click()
    settle(upper_runner)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(decisions_module.ReceiptFolderChooser, "folder",
                        classmethod(lambda cls, parent: stick))  # fmt: skip
    seen = writes(decisions_page)
    decisions_page.receipt_button.click()
    qtbot.waitUntil(lambda: decisions_page.banner.level == "ok", timeout=WAIT)
    [written] = stick.glob("*.sochibo-biennhan")
    assert written.name.startswith("CB-NT.nhan-") and (stick / f"{written.name}.minisig").exists()
    text = decisions_page.banner.text()
    assert str(written) in text and "1 decisions; admission quotas: 2026: 2" in text
    assert "Encrypted to the cell" in text and seen == []  # a file, no record written

    cell = off_gui_thread(lambda: copy.cell(NT))
    taken = off_gui_thread(lambda: sync_cell.import_receipt(use(cell), written, today=TODAY))
    use(copy.upper)
    assert [(d.number, d.person_id) for d in taken.decisions] == [("45-QĐ/ĐU", people[CANDIDATE])]
    assert taken.applied_seq == taken.status.acked_seq > 0


def test_no_receipt_for_a_cell_that_never_reported(decisions_page, upper_runner, monkeypatch):
    asked = []
    monkeypatch.setattr(decisions_module.ReceiptFolderChooser, "folder",
                        classmethod(lambda cls, parent: asked.append(1)))  # fmt: skip
    choose_cell(decisions_page, upper_runner, DB)
    assert not decisions_page.receipt_button.isEnabled()
    decisions_page.receipt_button.click()
    assert asked == []


# -- conflicts ------------------------------------------------------------------------------


@pytest.fixture
def conflicts_page(qtbot, upper_runner) -> ConflictsPage:
    page = shown(qtbot, ConflictsPage(upper_runner, today=TODAY))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT)
    return page


def test_open_conflicts_each_explained(conflicts_page):
    rows = conflicts_page.model.rows()
    assert [(r.kind, r.cells) for r in rows] == [
        ("fork", KP5), ("gap", AL), ("person_elsewhere", f"{AL}, {TH}")
    ]  # fmt: skip
    assert not conflicts_page.empty_label.isVisible()
    for number, row in enumerate(rows):
        conflicts_page.table.selectRow(number)
        assert conflicts_page.happened.text() == row.detail
        assert conflicts_page.meaning.text() == conflicts_page.meaning_of(row.kind)
        assert conflicts_page.action.text() == conflicts_page.action_for(row.kind)
        assert conflicts_page.resolve_button.isEnabled() == (row.kind != "person_elsewhere")
    assert "restored an old backup" in conflicts_page.meaning_of("fork")
    assert "còn thiếu mục số" in rows[1].detail
    assert "it is not closed here" in conflicts_page.action_for("person_elsewhere")


def resolving_with(note: str, qtbot):
    """UpperResolveDialog.ask as the officer answers it: the note typed, Close pressed."""
    answered: list[UpperResolveDialog] = []

    def ask(cls, runner, conflict, parent=None):
        dialog = cls(runner, conflict, parent)
        qtbot.addWidget(dialog)
        answered.append(dialog)
        if note:
            commit_text(dialog.note, note)
        dialog.save_button.click()
        qtbot.waitUntil(
            lambda: dialog.saved is not None or bool(dialog.banner.text()), timeout=WAIT
        )
        return dialog.saved

    return classmethod(ask), answered


def test_resolving_needs_a_note(conflicts_page, upper_runner, monkeypatch, qtbot):
    seen = writes(conflicts_page)
    conflicts_page.table.selectRow(1)
    gap = conflicts_page.chosen()
    assert gap.kind == "gap"
    for empty in ("", "   "):
        ask, answered = resolving_with(empty, qtbot)
        monkeypatch.setattr(UpperResolveDialog, "ask", ask)
        conflicts_page.resolve()
        assert answered[0].banner.text() == "Cách giải quyết: cần 1 đến 1.000 ký tự"
        assert len(run(upper_runner, ws.list_conflicts)) == 2 and seen == []
    ask, _ = resolving_with("Đã gọi bí thư chi bộ: chi bộ sẽ xuất gói mới", qtbot)
    monkeypatch.setattr(UpperResolveDialog, "ask", ask)
    with qtbot.waitSignal(conflicts_page.data_changed, timeout=WAIT):
        conflicts_page.resolve()
    settle(upper_runner)
    [left] = run(upper_runner, ws.list_conflicts)
    assert left.kind == "fork" and seen == [1]
    assert conflicts_page.banner.text().endswith(
        "Note: Đã gọi bí thư chi bộ: chi bộ sẽ xuất gói mới"
    )
    assert [r.kind for r in conflicts_page.model.rows()] == ["fork", "person_elsewhere"]
    conflicts_page.closed_box.setChecked(True)
    settle(upper_runner)
    closed = conflicts_page.model.rows()[-1]
    assert closed.kind == "gap" and closed.closed and not closed.resolvable
    conflicts_page.table.selectRow(2)
    assert not conflicts_page.resolve_button.isEnabled()
    assert conflicts_page.closed_label.text().endswith(
        ": Đã gọi bí thư chi bộ: chi bộ sẽ xuất gói mới"
    )
    assert conflicts_page.model.index(2, 3).data().startswith("Closed ")


def test_a_person_in_two_cells_is_not_closed_here(conflicts_page, monkeypatch):
    asked = []
    monkeypatch.setattr(UpperResolveDialog, "ask", classmethod(lambda *a: asked.append(a)))
    conflicts_page.table.selectRow(2)
    assert conflicts_page.chosen().kind == "person_elsewhere"
    conflicts_page.resolve()
    assert asked == []


# -- the models -----------------------------------------------------------------------------


def test_the_models(qtmodeltester, upper_runner):
    found = run(upper_runner, lambda reg: upper_board.board(reg, TODAY))
    board = UpperBoardModel()
    board.set_rows(found.cells)
    qtmodeltester.check(board, force_py=True)
    due = UpperDueModel()
    due.set_rows(next(r for r in found.cells if r.code == NT).deadlines)
    qtmodeltester.check(due, force_py=True)
    conflicts = UpperConflictsModel()
    conflicts.set_rows([ConflictRow.recorded(c) for c in run(upper_runner, ws.list_conflicts)])
    qtmodeltester.check(conflicts, force_py=True)
    candidate = people_of(upper_runner, NT)[CANDIDATE]
    made = run(
        upper_runner,
        lambda reg: ws.decide(
            reg, NT, candidate, "admission", number="45-QĐ/ĐU", on=TODAY, today=TODAY
        ),
    )
    decisions = UpperDecisionsModel()
    decisions.set_decisions([made], [made.id])
    qtmodeltester.check(decisions, force_py=True)


# -- how they look --------------------------------------------------------------------------


def test_screens(vietnamese, qtbot, upper_runner, screens):
    """The three pages in Vietnamese at 1280×800, at 100 % and 150 % text (look at them)."""
    frame = QWidget()
    qtbot.addWidget(frame)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    board, decisions, conflicts = (BoardPage(upper_runner, today=TODAY),
                                   DecisionsPage(upper_runner, today=TODAY),
                                   ConflictsPage(upper_runner, today=TODAY))  # fmt: skip
    for page in (board, decisions, conflicts):
        layout.addWidget(page)
        page.hide()
    frame.resize(*SCREEN_SIZE)
    frame.show()

    def look(page: QWidget, name: str) -> None:
        for other in (board, decisions, conflicts):
            other.setVisible(other is page)
        settle(upper_runner)
        QApplication.processEvents()
        screens(frame, name)

    people = people_of(upper_runner, NT)
    for person, kind, number, on, note in (
        (CANDIDATE, "admission", "45-QĐ/ĐU", D(2026, 11, 2), ""),
        ("Nguyễn Văn An", "transfer", "80-QĐ/ĐU", D(2026, 11, 16),
         "Chuyển sinh hoạt về Đảng bộ phường Ghềnh Ráng"),
    ):  # fmt: skip
        run(upper_runner, lambda reg, p=people[person], k=kind, n=number, o=on, t=note: ws.decide(
            reg, NT, p, k, number=n, on=o, note=t, today=TODAY))  # fmt: skip
    try:
        for scale in (100, 150):
            style.change_text_scale(vietnamese, scale)
            look(board, f"upper-board-{scale}")  # read when shown
            board.select_cell(NT)
            look(board, f"upper-board-{scale}")
            decisions.select_cell(NT)
            look(decisions, f"upper-decisions-{scale}")
            look(conflicts, f"upper-conflicts-{scale}")
            dialog = UpperResolveDialog(upper_runner, conflicts.model.rows()[1], frame)
            qtbot.addWidget(dialog)
            commit_text(dialog.note, "Đã gọi bí thư chi bộ ngày 05/12: chi bộ sẽ xuất gói mới")
            dialog.show()
            dialog.resize(opening_size(dialog))
            QApplication.processEvents()
            screens(dialog, f"upper-resolve-{scale}")
            dialog.reject()
    finally:
        style.change_text_scale(vietnamese, 100)
    assert (SCREENS / "upper-board-150.png").exists()
