"""The Today page on the demo register with two candidates walked through the procedure:
overdue items before upcoming ones, the summary, the detail of the rule behind an item, opening
the person, the empty state, reloading, and screenshots."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from desktop_app.domain.deadlines import HORIZON_DAYS, TodoItem
from desktop_app.services import development, members
from desktop_app.services import today as today_service
from desktop_app.services.rules import rule_table
from desktop_app.store.database import Register
from desktop_app.ui.dialogs.rules_dialog import RulesDialog
from desktop_app.ui.models import todo_model
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.todo_model import TodoModel
from desktop_app.ui.pages import today as today_page
from desktop_app.ui.pages.today import TodayPage, TodoList
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import TODAY
from tests.ui.helpers import run, settle

D = dt.date


@dataclass(frozen=True)
class Walked:
    pool: str  # a candidate with a certificate, an application and a mentor
    voted: str  # a candidate the cell voted to admit
    officials: tuple[str, ...]


def walk(reg: Register) -> Walked:
    """Two new candidates, walked through the procedure up to TODAY."""
    people = members.list_people(reg)
    officials = [
        p.id
        for p in people
        if p.status == "official"
        and not p.exempted
        and not p.temporarily_away
        and p.official_date
        and p.official_date < "2020-01-01"
    ]
    a, b = (
        development.add_candidate(
            reg,
            {"full_name": name, "sex": sex, "birth_date": born},
            pool_date=pool,
            reference="12-NQ/CB",
            today=TODAY,
        ).id
        for name, sex, born, pool in (
            ("Huỳnh Thị Mỹ Duyên", "female", "10/05/1998", D(2021, 10, 1)),
            ("Lê Hoàng Phúc", "male", "14/03/2001", D(2025, 9, 1)),
        )
    )

    def step(pid: str, kind: str, on: dt.date, **details: object) -> None:
        development.record_step(reg, pid, kind, on, details=details or None, today=TODAY)

    step(a, "awareness_class", D(2021, 12, 15), certificate_number="12/CN", issuer="TTCT")
    step(a, "application", D(2025, 12, 20))
    development.assign_mentor(reg, a, officials[0], D(2026, 7, 1), joint_since=D(2020, 1, 1))

    step(b, "awareness_class", D(2025, 10, 10), certificate_number="98/CN", issuer="TTCT")
    step(b, "application", D(2026, 3, 2))
    step(b, "personal_history", D(2026, 3, 9))
    step(b, "verification", D(2026, 4, 20))
    for day, introducer in ((4, officials[1]), (5, officials[2])):
        step(
            b, "introduction", D(2026, 5, day), introducer_id=introducer, joint_since=D(2022, 1, 1)
        )
    step(b, "comments_summary", D(2026, 6, 1))
    present, _exempted = development.electorate(reg, D(2026, 10, 5))
    development.record_vote(
        reg, b, "admission", D(2026, 10, 5), present=present, in_favour=present, today=TODAY
    )
    development.assign_mentor(reg, b, officials[3], D(2025, 9, 15), joint_since=D(2020, 1, 1))
    return Walked(a, b, tuple(officials))


@pytest.fixture
def runner(demo_runner) -> TaskRunner:
    return demo_runner


@pytest.fixture
def walked(runner) -> Walked:
    return run(runner, walk)


@pytest.fixture
def page(qtbot, runner, walked) -> TodayPage:
    page = TodayPage(runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 800)
    page.show()
    qtbot.waitExposed(page)
    settle(runner)
    return page


def kinds(page: TodayPage) -> list[tuple[str, str]]:
    return [(i.person_id, i.kind) for i in page.model.items()]


def row_of(page: TodayPage, person_id: str, kind: str) -> int:
    return kinds(page).index((person_id, kind))


# -- the model, without widgets --------------------------------------------------------------


def item(name: str, kind: str, due: dt.date, basis: dt.date | None = None) -> TodoItem:
    return TodoItem(
        f"id-{name}",
        name,
        kind,
        due,
        "mentor.required",
        "Điều lệ Đảng Điều 5",
        "likely",
        "Chưa phân công đảng viên chính thức giúp đỡ",
        basis,
        "Ngày lễ kết nạp",
        "Số đảng viên chính thức được phân công giúp đỡ: 1 (Điều lệ Đảng Điều 5)",
    )


ITEMS = [
    item("Bùi Tuấn Bình", "needs_mentor", D(2026, 4, 9), D(2026, 4, 9)),
    item("Phan Kim Quyên", "needs_mentor", TODAY),
    item("Trần Diệu Diễm", "certificate_expires", D(2026, 12, 15), D(2021, 12, 15)),
]


@pytest.fixture
def model(qapp) -> TodoModel:
    model = TodoModel()
    model.set_rows(ITEMS, TODAY)
    return model


def test_qtmodeltester_todo(qtmodeltester, model) -> None:
    qtmodeltester.check(model, force_py=True)
    model.set_rows([], TODAY)
    qtmodeltester.check(model, force_py=True)


def test_model_texts_roles_and_overdue(model) -> None:
    def text(row: int, column: int, role=Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(row, column).data(role)

    assert model.rowCount() == 3 and model.columnCount() == 6
    assert [text(r, todo_model.DUE) for r in range(3)] == ["09/04/2026", "22/11/2026", "15/12/2026"]
    assert text(0, todo_model.WHEN) == "227 days overdue"
    assert text(1, todo_model.WHEN) == "Today"
    assert text(2, todo_model.WHEN) == "In 23 days"
    assert text(0, todo_model.PERSON) == "Bùi Tuấn Bình"
    assert text(0, todo_model.WHAT) == "Chưa phân công đảng viên chính thức giúp đỡ"
    assert text(0, todo_model.RULE) == "Điều lệ Đảng Điều 5"
    assert text(0, todo_model.BASIS) == "Ngày lễ kết nạp 09/04/2026"
    assert text(1, todo_model.BASIS) == "Ngày lễ kết nạp"  # no date to show
    tip = text(0, todo_model.RULE, Qt.ItemDataRole.ToolTipRole)
    assert ITEMS[0].why in tip and "khá chắc" in tip and "mentor.required" in tip
    assert text(0, todo_model.DUE, SortRole) == D(2026, 4, 9)
    assert text(2, todo_model.PERSON, ObjectRole) is ITEMS[2]
    red = text(0, todo_model.DUE, Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color() == todo_model.OVERDUE_COLOR
    assert text(2, todo_model.DUE, Qt.ItemDataRole.ForegroundRole) is None
    assert model.overdue_count() == 1
    assert model.headerData(todo_model.BASIS, Qt.Orientation.Horizontal) == "Counted from"


# -- the page --------------------------------------------------------------------------------


def test_lists_overdue_before_upcoming(page, runner, walked) -> None:
    expected = run(runner, lambda reg: today_service.todo(reg, TODAY))
    assert page.model.items() == expected
    overdue = [i.overdue(TODAY) for i in page.model.items()]
    assert any(overdue) and not all(overdue)
    assert overdue == sorted(overdue, reverse=True)  # every overdue row comes first
    upcoming = [i.due for i in page.model.items() if not i.overdue(TODAY)]
    assert upcoming == sorted(upcoming)
    assert all(i.due <= TODAY + dt.timedelta(days=HORIZON_DAYS) for i in expected)
    comment = row_of(page, walked.pool, "mentor_comment_due")
    certificate = row_of(page, walked.pool, "certificate_expires")
    paper = row_of(page, walked.pool, "paper_stale")
    decision = row_of(page, walked.voted, "decision_due")
    assert comment < certificate < paper < decision
    assert page.model.index(comment, todo_model.DUE).data() == "01/10/2026"
    assert page.model.is_overdue(comment)
    assert page.model.index(certificate, todo_model.DUE).data() == "15/12/2026"
    assert page.model.index(paper, todo_model.DUE).data() == "20/12/2026"
    assert not page.model.is_overdue(decision)
    assert "bồi dưỡng nhận thức" in page.model.index(certificate, todo_model.WHAT).data()


def test_summary_counts(page, runner) -> None:
    items = page.model.items()
    overdue = sum(i.overdue(TODAY) for i in items)
    assert overdue > 0
    assert page.summary.text() == (
        f"{overdue} overdue, {len(items) - overdue} due in the next {HORIZON_DAYS} days"
    )
    assert "22/11/2026" in page.as_of.text()
    assert page.stack.currentWidget() is page.table


def test_summary_in_vietnamese(qtbot, vietnamese, runner, walked) -> None:
    page = TodayPage(runner, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    settle(runner)
    items = page.model.items()
    overdue = sum(i.overdue(TODAY) for i in items)
    assert page.summary.text() == (
        f"{overdue} việc quá hạn, {len(items) - overdue} việc trong 90 ngày tới"
    )
    first = page.model.index(0, todo_model.WHEN).data()
    assert first.startswith("Quá hạn ") and first.endswith(" ngày")


def test_detail_shows_the_rule(page, walked) -> None:
    row = row_of(page, walked.pool, "certificate_expires")
    page.select_row(row)
    values = {k: v.text() for k, v in page.detail_values.items()}
    assert "Giấy chứng nhận bồi dưỡng nhận thức về Đảng hết hạn" in values["what"]
    assert values["due"].startswith("15/12/2026 (In 23 days")
    assert values["rule"].endswith(": 60 tháng")
    assert "giấy chứng nhận" in values["rule"]
    rule = rule_table().get("certificate.valid_months", D(2021, 12, 15))  # the day of issue
    assert values["source"] == (
        f"{rule.source} — confidence: {rule.confidence_text}; rule code certificate.valid_months"
    )
    assert values["basis"] == "Ngày cấp giấy chứng nhận 15/12/2021"
    assert values["note"]  # the rule's own explanation
    assert page.detail_values["note"].isVisibleTo(page)
    assert not page.detail_hint.isVisibleTo(page)


def test_double_click_and_enter_open_the_person(qtbot, page, walked) -> None:
    row = row_of(page, walked.voted, "decision_due")
    page.table.scrollTo(page.model.index(row, 0))
    rect = page.table.visualRect(page.model.index(row, todo_model.PERSON))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_person, timeout=1000) as signal:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["candidates", walked.voted]
    page.select_row(row_of(page, walked.pool, "paper_stale"))
    with qtbot.waitSignal(page.open_person, timeout=1000) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == ["candidates", walked.pool]
    with qtbot.waitSignal(page.open_person, timeout=1000) as signal:
        page.open_button.click()
    assert signal.args == ["candidates", walked.pool]


def test_a_meeting_warning_opens_the_meetings_page(qtbot, page) -> None:
    row = kinds(page).index(("", "no_regular_meeting"))
    page.select_row(row)
    item = page.model.item(row)
    assert item.person_name == "Chi bộ" and "sinh hoạt thường kỳ" in item.message
    assert page.open_button.text() == "Open in Meetings"
    with qtbot.waitSignal(page.open_person, timeout=1000) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == ["meetings", ""]


def test_reloads_when_shown_and_keeps_the_selection(qtbot, page, runner, walked) -> None:
    page.select_row(row_of(page, walked.voted, "decision_due"))
    page.hide()
    run(
        runner,
        lambda reg: development.record_step(
            reg, walked.pool, "personal_history", D(2026, 11, 2), today=TODAY
        ),
    )
    assert (walked.pool, "needs_mentor") not in kinds(page)
    page.show()
    settle(runner)
    assert page.current_item().person_id == walked.voted
    assert page.current_item().kind == "decision_due"


def test_a_long_list_keeps_rows_of_two_lines(page, runner, monkeypatch) -> None:
    """Rows fit their wrapped text in a cell's list; a list longer than FIT_ROWS_UP_TO (a
    register of thousands) keeps rows of two lines, elided, the whole text in the detail:
    fitting every row again at each resize held the window for seconds."""
    header = page.table.verticalHeader()
    count = page.model.rowCount()
    assert count > 3
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    monkeypatch.setattr(today_page, "FIT_ROWS_UP_TO", count - 1)
    page.reload()
    settle(runner)
    two_lines = page.table.fontMetrics().lineSpacing() * 2 + 12
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert {page.table.rowHeight(r) for r in range(count)} == {two_lines}
    assert page.table.textElideMode() == Qt.TextElideMode.ElideRight
    page.select_row(0)
    assert page.detail_values["what"].text().endswith(page.model.items()[0].message)
    monkeypatch.setattr(today_page, "FIT_ROWS_UP_TO", count)
    page.reload()
    settle(runner)
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents


def test_older_answers_are_dropped(page) -> None:
    before = page.model.items()
    page._loaded_list(page._seq - 1, TodoList(TODAY, [], {}))
    assert page.model.items() == before


def test_register_changed_reloads(page, runner, walked, monkeypatch) -> None:
    calls: list[dt.date] = []
    original = development.todo
    monkeypatch.setattr(
        development, "todo", lambda reg, on=None: calls.append(on) or original(reg, on)
    )
    runner.register_changed.emit()
    settle(runner)
    assert calls == [TODAY]
    assert page.model.rowCount() > 0


def test_rules_button_opens_the_dialog_and_reloads(page, runner, monkeypatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(RulesDialog, "ask", classmethod(lambda cls, parent, r: asked.append(r)))
    before = page._seq
    page.rules_button.click()
    settle(runner)
    assert asked == [runner]
    assert page._seq == before + 1


def test_empty_state(qtbot, vietnamese, empty_runner, screens) -> None:
    page = TodayPage(empty_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 600)
    page.show()
    settle(empty_runner)
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text() == "Không có việc nào quá hạn hoặc đến hạn trong 90 ngày tới."
    assert page.summary.text() == "0 việc quá hạn, 0 việc trong 90 ngày tới"
    assert not page.detail.isVisibleTo(page)
    screens(page, "today_empty")


def test_no_register(qtbot) -> None:
    bare = TaskRunner()
    try:
        page = TodayPage(bare, today=TODAY)
        qtbot.addWidget(page)
        page.show()
        page.reload()
        assert page.summary.text() == "No register is open"
        assert page.model.rowCount() == 0
    finally:
        bare.shutdown()


# -- screenshots ---------------------------------------------------------------------------


def test_screenshots(qtbot, vietnamese, screens, runner, walked) -> None:
    """The page beside the sidebar and in the window (tests/artifacts/screens/today_*.png)."""
    page = TodayPage(runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    settle(runner)
    page.select_row(row_of(page, walked.pool, "certificate_expires"))
    screens(page, "today_1010x760")
    page.select_row(0)
    page.resize(1280, 800)
    screens(page, "today_1280x800")


def test_screenshot_in_the_window(qtbot, vietnamese, screens, runner, walked, settings) -> None:
    """The page where the user sees it, beside the sidebar, and the way to a person."""
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_area("today")
    settle(runner)
    page = window.pages["today"]
    assert isinstance(page, TodayPage)
    assert page.model.rowCount() > 0
    screens(window, "today_in_window_1280x800")
    window.close()
