"""The issue's "done when", in the main window on the demo register: the secretary marks the
planned November meeting as held with the real dialog, marks a member absent in the grid with
the keyboard, sees the removal warning on Today and goes from it to the member's row; the
CLI's attendance report for the year matches the grid."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app import paths
from desktop_app.cli import main
from desktop_app.services import meetings
from desktop_app.ui.dialogs.meeting_dialog import MeetingDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.meetings import MeetingsPage
from desktop_app.ui.pages.today import TodayPage
from tests.conftest import TODAY
from tests.ui.conftest import off_gui_thread
from tests.ui.helpers import replace_text, run, settle


@pytest.fixture
def window(qtbot, demo_runner, settings, vietnamese) -> MainWindow:
    window = MainWindow(demo_runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def held_with_the_dialog(monkeypatch, runner) -> None:
    """MeetingDialog.ask opens the real dialog, ticks "held", dates it 20/11 and saves."""

    def ask(cls, runner_, meeting=None, parent=None, today=None):
        dialog = cls(runner_, meeting, parent, TODAY)
        dialog.show()
        settle(runner_)
        replace_text(dialog.date, "20/11/2026")
        dialog.held.setChecked(True)
        dialog.save_button.click()
        settle(runner_)
        if dialog.banner.level == "warning":
            dialog.save_button.click()
        return dialog.saved if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(MeetingDialog, "ask", classmethod(ask))


def test_a_month_recorded_in_the_window_reaches_today_and_the_cli(
    qtbot, window, demo_runner, demo_register, monkeypatch, capsys
) -> None:
    runner = demo_runner
    window.show_area("meetings")
    page = window.pages["meetings"]
    assert isinstance(page, MeetingsPage)
    page._fixed_today = TODAY
    settle(runner)
    planned = next(m for m in page.model.rows() if not m.held)
    page.select_meeting(planned.id)
    settle(runner)
    held_with_the_dialog(monkeypatch, runner)
    page.edit_meeting()
    settle(runner)
    november = run(runner, lambda reg: meetings.get_meeting(reg, planned.id)).meeting
    assert november.held and november.date == "2026-11-20"

    # the member with two months of unexcused absence misses November too
    before = {i.person_name: i.kind for i in run(runner, lambda reg: _todo(reg))}
    assert before["Lê Văn Thịnh"] == "absence_warning"
    page.tabs.setCurrentWidget(page.grid)
    settle(runner)
    grid = page.grid
    row = next(i for i, r in enumerate(grid.model.rows()) if r.name == "Lê Văn Thịnh")
    column = next(
        c for c in range(grid.model.columnCount())
        if (m := grid.model.meeting_at(c)) and m.id == planned.id
    )  # fmt: skip
    grid.table.setCurrentIndex(grid.model.index(row, column))
    qtbot.keyClick(grid.table, Qt.Key.Key_V)
    settle(runner)

    window.show_area("today")
    today = window.pages["today"]
    assert isinstance(today, TodayPage)
    today._fixed_today = TODAY
    today.reload()
    settle(runner)
    items = today.model.items()
    thinh = next(i for i, item in enumerate(items) if item.person_name == "Lê Văn Thịnh")
    assert items[thinh].kind == "absence_removal"
    assert "tháng 4, 8, 11/2026" in items[thinh].message
    assert items[thinh].source == "Điều lệ Đảng Điều 8"
    today.select_row(thinh)
    today.open_current()
    settle(runner)
    assert window.current_area() == "meetings" and page.tabs.currentWidget() is grid
    current = grid.model.cell(grid.table.currentIndex())
    assert current is not None and current.row.name == "Lê Văn Thịnh"

    # the CLI reads the same register file: its report matches the grid, member by member
    rows = {r.person_id: r for r in grid.model.rows()}
    runner.close_register().result()  # one program at a time holds the file
    capsys.readouterr()
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", paths.DEMO_PASSPHRASE)
    args = ["attendance", "--year", "2026", "--register", str(demo_register.path), "--json"]
    code = off_gui_thread(lambda: main(args))  # as another program would
    out = capsys.readouterr().out
    assert code == 0
    for member in json.loads(out)["members"]:
        cells = rows[member["person_id"]].cells
        assert member["unexcused"] == cells.count("absent")
        assert member["excused"] == cells.count("excused")
        assert member["attended"] == cells.count("present") + cells.count("late")
        assert member["meetings_expected"] == sum(c is not None for c in cells)


def _todo(reg):
    from desktop_app.services import today

    return today.todo(reg, TODAY)
