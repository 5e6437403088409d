"""The attendance grid on a 30-member cell with a year of meetings made through the services:
the model's texts and totals, keyboard entry written through ``set_attendance`` (checked
through the services afterwards), the reason asked for an excused absence, a refusal shown
and nothing written, select_person, and screenshots."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.attendance import KINDS
from desktop_app.services import attendance, meetings, members
from desktop_app.services.attendance import Grid
from desktop_app.services.meetings import Entry
from desktop_app.store import journal
from desktop_app.store.database import Register
from desktop_app.ui.models import attendance_grid_model as gm
from desktop_app.ui.models.attendance_grid_model import AttendanceGridModel
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.pages.attendance_grid import AbsenceReasonDialog, AttendanceGrid
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import TODAY
from tests.services.pipeline import official
from tests.ui.helpers import commit_text, run, settle

D = dt.date
YEAR = 2026
NAMES = (
    "Nguyễn Văn An", "Trần Thị Thu Hà", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức",
    "Huỳnh Thị Mai", "Vũ Thị Lan", "Bùi Văn Hùng", "Đỗ Thị Hồng", "Hồ Văn Long",
    "Ngô Thị Minh Nguyệt", "Dương Văn Phúc", "Lý Văn Sơn", "Đinh Thị Quỳnh", "Trương Văn Tài",
    "Lưu Thị Thanh Tâm", "Mai Văn Thắng", "Cao Thị Thủy", "Tạ Văn Tiến", "Châu Thị Trang",
    "Lâm Văn Trung", "Quách Thị Uyên", "Kiều Văn Vinh", "Thái Thị Xuân", "Tôn Nữ Yến Nhi",
    "Ông Văn Bảo",
)  # fmt: skip
REASONS = ("Đi công tác", "Ốm, có giấy của trạm y tế", "Việc gia đình", "Trực cơ quan")
THEMATIC = {
    3: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    6: "Nâng cao vai trò của đảng viên trong xây dựng khu dân cư văn hóa",
    9: "Chuyển đổi số trong công tác của chi bộ",
    11: "Phòng, chống tham nhũng, tiêu cực",
}
STUDY = {
    2: "Học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    8: "Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh",
}


@dataclass
class Cell30:
    """The people and meetings of the test cell."""

    steady: list[str] = field(default_factory=list)  # official members all year
    exempted: str = ""  # Võ Văn Kiệt, exempted (old age) since 2025
    gone: str = ""  # Phan Văn Khải, transferred out 10/04/2026
    newcomer: str = ""  # Đặng Thu Thảo, admitted 02/06/2026
    away: str = ""  # Đoàn Văn Tuấn, attached to another cell from 01/09/2026
    removal: str = ""  # Lý Văn Sơn: unexcused in March, June, September
    reminded: str = ""  # Hồ Văn Long: unexcused in April and August
    meetings: dict[tuple[str, int], str] = field(default_factory=dict)  # (kind, month) → id


def _weekday(month: int, day: int) -> dt.date:
    on = D(YEAR, month, day)
    while on.weekday() >= 5:
        on += dt.timedelta(days=1)
    return on


def _people(reg: Register, cell: Cell30) -> None:
    for i, name in enumerate(NAMES):
        sex = "female" if " Thị " in name or "Nữ" in name else "male"
        cell.steady.append(official(reg, name, sex, year=1995 + i % 25))
    cell.exempted = official(reg, "Võ Văn Kiệt", year=1975)
    members.record_event(reg, cell.exempted, "exemption", D(2025, 6, 1), reason="Tuổi cao",
                         today=TODAY)  # fmt: skip
    cell.gone = official(reg, "Phan Văn Khải", year=2005)
    members.record_event(reg, cell.gone, "transfer_out", D(2026, 4, 10),
                         place="Chi bộ Khu phố 2", today=TODAY)  # fmt: skip
    cell.away = official(reg, "Đoàn Văn Tuấn", year=2010)
    members.record_event(reg, cell.away, "temporary_leave", D(2026, 9, 1),
                         place="Học viện Chính trị khu vực III", today=TODAY)  # fmt: skip
    cell.newcomer = members.add_person(
        reg,
        {"full_name": "Đặng Thu Thảo", "sex": "female", "birth_date": "12/08/1999",
         "membership": "probationary", "ceremony_date": "02/06/2026"},
        today=TODAY,
    ).id  # fmt: skip
    cell.removal = cell.steady[NAMES.index("Lý Văn Sơn")]
    cell.reminded = cell.steady[NAMES.index("Hồ Văn Long")]


def _entries(reg: Register, cell: Cell30, meeting_id: str, kind: str, month: int) -> list[Entry]:
    roll = meetings.get_meeting(reg, meeting_id).roll
    here = [line.person_id for line in roll if line.group == "member" and line.person_id]
    unexcused = {cell.removal: (3, 6, 9), cell.reminded: (4, 8)}
    out = [Entry("absent", p) for p, months in unexcused.items()
           if kind == "regular" and month in months and p in here]  # fmt: skip
    for i, pid in enumerate(here):
        if pid in unexcused:
            continue
        if (i + month) % 11 == 0:
            out.append(Entry("excused", pid, reason=REASONS[(i + month) % len(REASONS)]))
        elif (i * month) % 17 == 5:
            out.append(Entry("late", pid))
    if kind == "regular" and month in (1, 6):
        out.append(Entry("present", cell.exempted))  # the exempted member came twice
    return out


def _add(reg: Register, cell: Cell30, kind: str, month: int, day: int, topic: str) -> None:
    view = meetings.add_meeting(
        reg, {"kind": kind, "date": _weekday(month, day), "topic": topic,
              "place": "Hội trường Trường THPT Nguyễn Trân"}, today=TODAY,
    )  # fmt: skip
    cell.meetings[(kind, month)] = view.id
    meetings.record_rollcall(reg, view.id, _entries(reg, cell, view.id, kind, month), today=TODAY)


def make_cell(reg: Register) -> Cell30:
    """30 members (one exempted, one who left in April, one admitted in June, one away from
    September) and a year of meetings: 11 regular, 4 thematic, 2 resolution study, with a
    member at three months of unexcused absence and one at two."""
    cell = Cell30()
    _people(reg, cell)
    for month in range(1, 12):
        _add(reg, cell, "regular", month, 6, f"Sinh hoạt chi bộ thường kỳ tháng {month}/{YEAR}")
        if month in THEMATIC:
            _add(reg, cell, "thematic", month, 20, THEMATIC[month])
        if month in STUDY:
            _add(reg, cell, "study", month, 13, STUDY[month])
    return cell


@pytest.fixture
def runner(empty_runner) -> TaskRunner:
    return empty_runner


@pytest.fixture
def cell(runner) -> Cell30:
    return run(runner, make_cell)


@pytest.fixture
def grid(runner, cell) -> Grid:
    return run(runner, lambda reg: attendance.grid(reg, YEAR))


@pytest.fixture
def page(qtbot, runner, cell) -> AttendanceGrid:
    page = AttendanceGrid(runner)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    page.load(YEAR)
    settle(runner)
    return page


def status_in_register(runner: TaskRunner, cell: Cell30, kind: str, month: int, pid: str):
    """(status, reason) of one person at one meeting, read back through the service."""
    detail = run(runner, lambda reg: meetings.get_meeting(reg, cell.meetings[(kind, month)]))
    line = next((ln for ln in detail.roll if ln.person_id == pid), None)
    return (line.status, line.reason) if line else None


def column_of(page: AttendanceGrid, cell: Cell30, kind: str, month: int) -> int:
    ids = [m.id for m in page.model.meetings]
    return ids.index(cell.meetings[(kind, month)])


def put_cursor(page: AttendanceGrid, pid: str, column: int) -> None:
    page.table.setCurrentIndex(page.model.index(page.model.row_of(pid), column))


# -- the model, without widgets --------------------------------------------------------------


def test_qtmodeltester_grid(qtmodeltester, grid) -> None:
    model = AttendanceGridModel()
    model.set_grid(grid)
    qtmodeltester.check(model, force_py=True)  # watches the model's signals from here on
    model.set_grid(grid)  # same shape: only changed rows
    model.clear()
    model.set_grid(grid)


def test_columns_rows_and_headers(grid, cell) -> None:
    model = AttendanceGridModel()
    model.set_grid(grid, 2, 3)
    assert len(model.meetings) == 17  # 11 regular, 4 thematic, 2 study
    assert model.columnCount() == 17 + 5
    assert model.rowCount() == 30
    first = model.meetings[0]
    assert first.kind == "regular" and first.date == "2026-01-06"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "06/01\nTK"
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Sinh hoạt thường kỳ 06/01/2026\nSinh hoạt chi bộ thường kỳ tháng 1/2026")
    study = next(i for i, m in enumerate(model.meetings) if m.kind == "study")
    assert model.headerData(study, Qt.Orientation.Horizontal).endswith("\nNQ")
    assert KINDS["study"] in model.headerData(study, Qt.Orientation.Horizontal, 3)
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(30)]
    assert names[0] == "Nguyễn Văn An" and names[1] == "Ông Văn Bảo"  # by given name
    assert names[-1] == "Võ Văn Kiệt" and model.first_exempted() == 29
    assert model.row_at(29).exempted and not model.row_at(28).exempted
    assert model.headerData(29, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole).italic()
    totals = [model.headerData(model.total_column(w), Qt.Orientation.Horizontal) for w in range(5)]
    assert totals == ["Expected", "Attended", "Excused", "Unexcused", "Months\nunexcused"]


def test_cells_and_totals(grid, cell) -> None:
    model = AttendanceGridModel()
    model.set_grid(grid, 2, 3)

    def text(pid: str, column: int, role=Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(model.row_of(pid), column).data(role)

    ids = [m.id for m in model.meetings]
    march = ids.index(cell.meetings[("regular", 3)])
    may = ids.index(cell.meetings[("regular", 5)])
    assert text(cell.removal, march) == "V"
    assert text(cell.removal, march, Qt.ItemDataRole.ForegroundRole).name() == gm.ERROR_COLOR
    assert "Vắng không lý do" in text(cell.removal, march, Qt.ItemDataRole.ToolTipRole)
    assert text(cell.gone, march) in "•MPV"  # still here in March
    assert text(cell.gone, may) == gm.NOT_ON_ROLL
    assert "Not on this meeting's roll" in text(cell.gone, may, Qt.ItemDataRole.ToolTipRole)
    assert text(cell.newcomer, march) == gm.NOT_ON_ROLL
    assert text(cell.exempted, 0) == gm.LETTERS["present"]  # came in January
    assert text(cell.exempted, 1) == gm.NOT_ON_ROLL
    months = model.total_column(gm.MONTHS)
    assert text(cell.removal, months) == "3, 6, 9"
    assert text(cell.removal, model.total_column(gm.UNEXCUSED)) == "3"
    assert text(cell.reminded, months) == "4, 8"
    assert text(cell.reminded, months, Qt.ItemDataRole.ForegroundRole).name() == gm.WARNING_COLOR
    assert text(cell.removal, months, Qt.ItemDataRole.FontRole).bold()
    assert text(cell.exempted, months) == ""  # never expected: no totals
    row = next(r for r in grid.rows if r.person_id == cell.steady[0])
    assert text(cell.steady[0], model.total_column(gm.EXPECTED)) == str(row.year.all.expected)
    assert text(cell.steady[0], 0, ObjectRole) == row
    excused = [(r, c) for r in grid.rows for c, s in enumerate(r.cells) if s == "excused"]
    r, c = excused[0]
    tip = model.index(model.row_of(r.person_id), c).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Reason: {r.reasons[c]}" in tip and "Vắng có lý do" in tip
    assert text(cell.removal, march, SortRole) > text(cell.steady[0], march, SortRole)


def test_same_shape_updates_only_changed_rows(qtbot, runner, cell, grid) -> None:
    model = AttendanceGridModel()
    model.set_grid(grid)
    pid = cell.steady[3]
    run(runner, lambda reg: meetings.set_attendance(
        reg, cell.meetings[("regular", 2)], pid, "late", today=TODAY))  # fmt: skip
    changed = run(runner, lambda reg: attendance.grid(reg, YEAR))
    rows: list[int] = []
    model.dataChanged.connect(lambda top, bottom, _roles: rows.append(top.row()))
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_grid(changed)
    assert rows == [model.row_of(pid)]


def test_one_cell_is_shown_before_the_grid_is_read_again(grid, cell) -> None:
    model = AttendanceGridModel()
    model.set_grid(grid)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _r: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    pid, meeting = cell.steady[2], cell.meetings[("study", 8)]
    column = [m.id for m in model.meetings].index(meeting)
    model.set_cell(pid, meeting, "excused", "Trực cơ quan")
    row = model.row_of(pid)
    assert changed == [(row, column, row, column)]
    assert model.index(row, column).data() == "P"
    assert "Reason: Trực cơ quan" in model.index(row, column).data(3)
    model.set_cell("someone-else", meeting, "late", "")  # not in the grid: nothing happens
    assert len(changed) == 1


# -- keyboard entry --------------------------------------------------------------------------


def test_opens_on_the_latest_meeting_with_a_legend(page) -> None:
    index = page.table.currentIndex()
    assert (index.row(), index.column()) == (0, 16)
    assert page.stack.currentWidget() is page.grid_box
    assert page.summary.text() == "2026: 17 meetings that take a roll, 29 members (1 exempted)"
    assert "present (C or Space)" in page.legend.text() and "Delete" in page.legend.text()


def test_keys_write_through_the_service_and_move_down(qtbot, page, runner, cell) -> None:
    column = column_of(page, cell, "regular", 10)
    a, b, c = (page.model.row_at(r).person_id for r in range(3))
    put_cursor(page, a, column)
    with qtbot.waitSignal(page.changed, timeout=3000):
        qtbot.keyClick(page.table, Qt.Key.Key_V)
    settle(runner)
    assert page.table.currentIndex().row() == 1  # down to the next member
    qtbot.keyClick(page.table, Qt.Key.Key_M)
    qtbot.keyClick(page.table, Qt.Key.Key_C)  # present: the default, no line
    settle(runner)
    assert page.table.currentIndex().row() == 3
    assert page.table.currentIndex().column() == column
    assert status_in_register(runner, cell, "regular", 10, a) == ("absent", "")
    assert status_in_register(runner, cell, "regular", 10, b) == ("late", "")
    assert status_in_register(runner, cell, "regular", 10, c) == ("present", "")
    assert page.model.index(0, column).data() == "V"
    assert page.model.index(1, column).data() == "M"
    # the totals follow
    unexcused = page.model.total_column(gm.UNEXCUSED)
    expected = run(runner, lambda reg: attendance.grid(reg, YEAR)).rows[0].year.all.absent
    assert page.model.index(0, unexcused).data() == str(expected) != "0"
    assert page.model.index(0, page.model.total_column(gm.MONTHS)).data().endswith("10")
    # Delete and Space: back to the default
    put_cursor(page, a, column)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    settle(runner)
    assert status_in_register(runner, cell, "regular", 10, a) == ("present", "")
    assert status_in_register(runner, cell, "regular", 10, b) == ("present", "")
    assert page.model.index(0, column).data() == gm.LETTERS["present"]


def test_p_asks_the_reason_prefilled(qtbot, page, runner, cell, monkeypatch) -> None:
    asked: list[tuple[str, str, str]] = []
    answers = ["Đi công tác Hà Nội", None]

    def ask(cls, parent, name, meeting, reason):
        asked.append((name, meeting, reason))
        return answers.pop(0)

    monkeypatch.setattr(AbsenceReasonDialog, "ask", classmethod(ask))
    pid = cell.steady[0]
    column = column_of(page, cell, "thematic", 9)
    put_cursor(page, pid, column)
    qtbot.keyClick(page.table, Qt.Key.Key_P)
    settle(runner)
    assert asked == [("Nguyễn Văn An", "sinh hoạt chuyên đề 21/09/2026", "")]
    assert status_in_register(runner, cell, "thematic", 9, pid) == ("excused", "Đi công tác Hà Nội")
    assert "Reason: Đi công tác Hà Nội" in page.model.index(0, column).data(3)
    # again: the reason is offered for editing; Esc (None) writes nothing, the cursor stays
    put_cursor(page, pid, column)
    head = run(runner, lambda reg: journal.head())
    qtbot.keyClick(page.table, Qt.Key.Key_P)
    settle(runner)
    assert asked[-1][2] == "Đi công tác Hà Nội"
    assert run(runner, lambda reg: journal.head()) == head
    assert page.table.currentIndex().row() == 0


def test_a_refusal_is_shown_and_writes_nothing(qtbot, page, runner, cell) -> None:
    column = column_of(page, cell, "regular", 5)
    put_cursor(page, cell.gone, column)  # transferred out in April
    assert page.current_cell().status is None
    head = run(runner, lambda reg: journal.head())
    events: list[object] = []
    page.changed.connect(lambda: events.append(1))
    qtbot.keyClick(page.table, Qt.Key.Key_V)
    settle(runner)
    assert page.banner.isVisible()
    assert "Phan Văn Khải" in page.banner.text() and "không sinh hoạt" in page.banner.text()
    assert run(runner, lambda reg: journal.head()) == head
    assert events == []
    assert page.model.index(page.model.row_of(cell.gone), column).data() == gm.NOT_ON_ROLL
    qtbot.keyClick(page.table, Qt.Key.Key_C)  # the next write clears the message
    settle(runner)
    assert not page.banner.isVisible()


def test_keys_off_a_meeting_column_do_nothing(qtbot, page, runner, cell) -> None:
    put_cursor(page, cell.steady[0], page.model.total_column(gm.EXPECTED))
    head = run(runner, lambda reg: journal.head())
    qtbot.keyClick(page.table, Qt.Key.Key_V)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    settle(runner)
    assert run(runner, lambda reg: journal.head()) == head
    assert page.table.currentIndex().row() == 0


def test_select_person_scrolls_to_the_row(qtbot, page, cell) -> None:
    page.resize(900, 420)
    qtbot.wait(10)
    assert page.select_person(cell.exempted)
    index = page.table.currentIndex()
    assert index.row() == page.model.row_of(cell.exempted) == 29
    assert page.table.viewport().rect().intersects(page.table.visualRect(index))
    assert page.table.selectionModel().isSelected(index)
    assert not page.select_person("no-such-person")


def test_select_person_before_the_rows_arrive(qtbot, runner, cell) -> None:
    page = AttendanceGrid(runner)
    qtbot.addWidget(page)
    page.show()
    assert not page.select_person(cell.reminded)
    page.load(YEAR)
    settle(runner)
    assert page.table.currentIndex().row() == page.model.row_of(cell.reminded)


def test_another_year_has_no_meetings(qtbot, page, runner) -> None:
    page.load(2019)
    settle(runner)
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty
    assert "2019" in page.empty.text()


def test_the_reason_dialog(qtbot) -> None:
    dialog = AbsenceReasonDialog("Nguyễn Văn An", "Sinh hoạt thường kỳ 06/10/2026", "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    commit_text(dialog.reason, "Ốm, có giấy của trạm y tế")
    assert ok.isEnabled() and dialog.text() == "Ốm, có giấy của trạm y tế"
    prefilled = AbsenceReasonDialog("A", "B", "Việc gia đình")
    qtbot.addWidget(prefilled)
    assert prefilled.reason.text() == "Việc gia đình"


# -- screenshots -----------------------------------------------------------------------------


def test_screenshots(qtbot, vietnamese, screens, runner, cell) -> None:
    """tests/artifacts/screens/attendance_grid_*.png: the year, and scrolled to the end."""
    page = AttendanceGrid(runner)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    page.load(YEAR)
    settle(runner)
    page.select_person(cell.removal)
    screens(page, "attendance_grid_1010x760")
    page.resize(1280, 800)
    page.table.scrollTo(page.model.index(29, 0))
    screens(page, "attendance_grid_1280x800")
    page.resize(760, 560)
    page.select_person(cell.exempted)
    screens(page, "attendance_grid_760x560")
    meeting = "sinh hoạt chuyên đề 20/11/2026"
    dialog = AbsenceReasonDialog("Lý Văn Sơn", meeting, "Ốm, có giấy của trạm y tế", page)
    dialog.show()
    screens(dialog, "attendance_reason_dialog")
    dialog.close()
