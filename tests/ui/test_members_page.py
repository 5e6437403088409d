"""The Members page on the demo register: loading, Vietnamese order, search as you type (with
and without diacritics, stale results dropped), status filter, keyboard use, screenshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.membership import EXITS, MEMBERS
from desktop_app.domain.names import name_sort_key
from desktop_app.services import members
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.event_dialog import EventDialog
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.models import people_model
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.pages.members import MembersPage
from desktop_app.ui.tasks import TaskRunner
from tests.ui.helpers import type_text

SCREENS = Path(__file__).resolve().parents[1] / "artifacts" / "screens"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def runner(demo_register):
    runner = TaskRunner()
    runner.adopt(demo_register)
    yield runner
    runner.shutdown()


def settle(runner: TaskRunner, rounds: int = 4) -> None:
    """Let queued database work and the callbacks it triggers (which may queue more) finish."""
    for _ in range(rounds):
        runner.wait_idle()


def run(runner: TaskRunner, work):
    """Run work on the database thread and return its result (test set-up only)."""
    value = runner.submit(work).result(timeout=30)
    settle(runner)
    return value


@pytest.fixture
def page(qtbot, runner) -> MembersPage:
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    settle(runner)
    return page


@pytest.fixture
def everyone(runner) -> list[PersonView]:
    return run(runner, members.list_people)


def shown_names(page: MembersPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, people_model.NAME).data() for r in range(proxy.rowCount())]


def search(page: MembersPage, runner: TaskRunner, text: str) -> list[str]:
    page.search.clear()
    type_text(page.search, text)
    settle(runner)
    assert page.search.text() == text
    return shown_names(page)


# -- loading and order ---------------------------------------------------------------------

def test_loads_when_shown_and_counts(page, everyone) -> None:
    active = [p for p in everyone if p.status in MEMBERS]
    assert page.model.rowCount() == len(everyone) >= 40
    assert page.status_filter.currentData() == "active"
    assert page.proxy.rowCount() == len(active)
    assert page.count_label.text() == f"Showing {len(active)} / {len(everyone)} people"


def test_not_loaded_until_first_shown(qtbot, runner) -> None:
    page = MembersPage(runner)
    qtbot.addWidget(page)
    runner.register_changed.emit()
    settle(runner)
    assert page.model.rowCount() == 0
    page.show()
    settle(runner)
    assert page.model.rowCount() > 0


def test_register_changed_reloads(page, runner, demo_register) -> None:
    page.model.set_rows([])
    runner.adopt(demo_register)  # same register: emits register_changed
    settle(runner)
    assert page.model.rowCount() > 0


def test_vietnamese_order(page, everyone) -> None:
    page.set_status_group("all")
    expected = [p.full_name for p in sorted(everyone, key=lambda p: name_sort_key(p.full_name))]
    assert shown_names(page) == expected
    # by given name, then middle, then family name: "Lê Thị Cúc" before "Phạm Văn Cường"
    names = shown_names(page)
    assert names.index("Lê Thị Cúc") < names.index("Phạm Văn Cường")
    page.table.sortByColumn(people_model.NAME, Qt.SortOrder.DescendingOrder)
    assert shown_names(page) == expected[::-1]


def test_sort_by_birth_date(page) -> None:
    page.set_status_group("all")
    page.table.sortByColumn(people_model.BIRTH, Qt.SortOrder.AscendingOrder)
    births = [page.proxy.index(r, people_model.BIRTH).data(ObjectRole).birth_date
              for r in range(page.proxy.rowCount())]
    known = [b for b in births if b]
    assert known == sorted(known)


def test_table_setup(page) -> None:
    table = page.table
    assert table.isSortingEnabled() and table.alternatingRowColors()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    wide = table.fontMetrics().horizontalAdvance("Nguyễn Thị Phương Thảo")
    assert table.columnWidth(people_model.NAME) > wide
    assert page.table.model().index(0, people_model.ID_NUMBER).data().count("*") == 6


# -- search --------------------------------------------------------------------------------

def test_search_with_and_without_diacritics(page, runner, everyone) -> None:
    page.set_status_group("all")
    nguyen = {p.full_name for p in everyone if p.full_name.startswith("Nguyễn")}
    assert len(nguyen) > 5
    assert set(search(page, runner, "nguyen")) == nguyen
    assert set(search(page, runner, "Nguyễn")) == nguyen
    assert set(search(page, runner, "nguyen thi")) == {n for n in nguyen if " Thị " in n}
    assert search(page, runner, "") == shown_names(page) and page.proxy.rowCount() == len(everyone)


def test_search_tones_thuy(page, runner) -> None:
    added = run(runner, lambda reg: members.add_person(
        reg, {"full_name": "Đặng Thị Thuỷ", "sex": "female", "birth_date": "1990"}))
    page.reload()
    settle(runner)
    page.set_status_group("all")
    found = search(page, runner, "thuy")
    assert {"Hồ Thị Thủy", added.full_name, "Võ Ánh Thuý", "Trần Hồng Thuý"} <= set(found)
    typed = search(page, runner, "Thủy")
    assert {"Hồ Thị Thủy", "Đặng Thị Thuỷ"} <= set(typed)
    assert not {"Võ Ánh Thuý", "Trần Hồng Thuý"} & set(typed)


def test_search_by_id_number(page, runner, everyone) -> None:
    page.set_status_group("all")
    person = next(p for p in everyone if p.id_number)
    assert shown_names(page)  # sanity
    assert search(page, runner, person.id_number) == [person.full_name]


def test_every_keystroke_is_a_query(page, runner, monkeypatch) -> None:
    typed: list[str] = []
    real = members.search_ids

    def spy(reg, text):
        typed.append(text)
        return real(reg, text)

    monkeypatch.setattr(members, "search_ids", spy)
    type_text(page.search, "ngu")
    settle(runner)
    assert typed == ["n", "ng", "ngu"]


def test_stale_results_are_dropped(page, runner, monkeypatch) -> None:
    """Results delivered out of order: the older query's answer never wins."""
    page.set_status_group("all")
    held: list[tuple] = []
    real_submit = runner.submit
    monkeypatch.setattr(runner, "submit", lambda work, on_done=None, on_error=None, **kw:
                        held.append((work, on_done)))
    type_text(page.search, "tr")  # "t" then "tr"
    monkeypatch.setattr(runner, "submit", real_submit)
    assert len(held) == 2
    results = [real_submit(work).result(timeout=30) for work, _ in held]
    held[1][1](results[1])  # the newer answer ("tr") arrives first
    newer = shown_names(page)
    held[0][1](results[0])  # then the older one ("t"): dropped
    assert shown_names(page) == newer
    assert all(any(w.lower().startswith("tr") for w in n.split()) for n in newer)


def test_escape_clears_search_and_ctrl_f_focuses(qtbot, page, runner) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()
    type_text(page.search, "tran")
    settle(runner)
    assert page.proxy.rowCount() < page.model.rowCount()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    settle(runner)
    assert page.search.text() == ""
    assert page.proxy.rowCount() == sum(
        1 for r in range(page.model.rowCount()) if page.model.person(r).status in MEMBERS)


# -- status filter -------------------------------------------------------------------------

def test_status_filter(page, everyone) -> None:
    groups = {"all": None, "active": MEMBERS, "official": ("official",),
              "probationary": ("probationary",), "candidate": ("candidate",), "left": EXITS}
    for key, statuses in groups.items():
        page.status_filter.setCurrentIndex(page.status_filter.findData(key))
        expected = [p for p in everyone if statuses is None or p.status in statuses]
        assert page.proxy.rowCount() == len(expected), key
        assert page.count_label.text().startswith(f"Showing {len(expected)} / ")
    labels = [page.status_filter.itemText(i) for i in range(page.status_filter.count())]
    assert {"Chính thức", "Dự bị", "Quần chúng"} <= set(labels)


def test_filter_and_search_combine(page, runner) -> None:
    page.set_status_group("left")
    left = shown_names(page)
    assert left and all(page.proxy.index(r, 0).data(ObjectRole).status in EXITS
                        for r in range(page.proxy.rowCount()))
    name = left[0].split()[-1]
    assert left[0] in search(page, runner, name)
    assert all(n in left for n in shown_names(page))


# -- keyboard and actions ------------------------------------------------------------------

def test_keyboard_search_enter_opens_detail_escape_returns(qtbot, page, runner) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_F, CTRL)
    type_text(page.search, "cuc")
    settle(runner)
    assert shown_names(page) == ["Lê Thị Cúc"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    assert page.current_person().full_name == "Lê Thị Cúc"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    settle(runner)
    assert page.stack.currentWidget() is page.detail
    assert page.detail.name_label.text() == "Lê Thị Cúc"
    qtbot.keyClick(page.detail, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_view
    assert page.current_person().full_name == "Lê Thị Cúc"


def test_double_click_opens_detail(qtbot, page, runner) -> None:
    page._select_proxy_row(2)
    rect = page.table.visualRect(page.proxy.index(2, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(runner)
    assert page.stack.currentWidget() is page.detail
    assert page.detail.person.id == page.proxy.index(2, 0).data(ObjectRole).id


def test_shortcuts_call_the_dialogs(qtbot, page, runner, monkeypatch) -> None:
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(MemberDialog, "ask", classmethod(
        lambda cls, runner, person=None, parent=None: calls.append(("member", person))))
    monkeypatch.setattr(EventDialog, "ask", classmethod(
        lambda cls, runner, person, parent=None: calls.append(("event", person))))
    page.table.setFocus()
    page._select_proxy_row(0)
    first = page.current_person()
    for key, modifier in ((Qt.Key.Key_N, CTRL), (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_E, CTRL), (Qt.Key.Key_G, CTRL)):
        qtbot.keyClick(page.table, key, modifier)
    assert calls == [("member", None), ("member", first), ("member", first), ("event", first)]


def test_buttons_need_a_selection(page) -> None:
    page.table.selectionModel().clearSelection()
    page.table.setCurrentIndex(page.proxy.index(-1, -1))
    page._update_actions()
    assert not page.edit_button.isEnabled() and not page.open_button.isEnabled()
    assert page.add_button.isEnabled()
    page._select_proxy_row(0)
    assert page.edit_button.isEnabled() and page.event_button.isEnabled()


def test_added_candidate_is_revealed(page, runner, monkeypatch) -> None:
    """A new candidate is hidden by the default filter: the page widens it and selects them."""
    def fake_ask(cls, runner_, person=None, parent=None):
        return runner_.submit(lambda reg: members.add_person(
            reg, {"full_name": "Nguyễn Thị Phương Thảo", "sex": "female",
                  "birth_date": "02/09/2001"})).result(timeout=30)

    monkeypatch.setattr(MemberDialog, "ask", classmethod(fake_ask))
    total = page.model.rowCount()
    page.add_button.click()
    settle(runner)
    assert page.model.rowCount() == total + 1
    assert page.status_filter.currentData() == "all"
    assert page.current_person().full_name == "Nguyễn Thị Phương Thảo"


def test_no_register_open(qtbot) -> None:
    runner = TaskRunner()
    try:
        page = MembersPage(runner)
        qtbot.addWidget(page)
        page.show()
        assert page.model.rowCount() == 0
        assert not page.add_button.isEnabled()
        assert page.count_label.text() == "No register is open"
    finally:
        runner.shutdown()


# -- screenshots ---------------------------------------------------------------------------

@pytest.fixture
def shell_style(qapp):
    """The shell's look (Fusion, palette, 10 pt font) for screenshots, restored afterwards."""
    style = pytest.importorskip("desktop_app.ui.style")
    saved = (qapp.style().name(), qapp.palette(), qapp.font(), qapp.styleSheet())
    style.apply(qapp)
    yield
    qapp.setStyleSheet(saved[3])
    qapp.setFont(saved[2])
    qapp.setPalette(saved[1])
    qapp.setStyle(saved[0])


def grab(widget, name: str) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = SCREENS / name
    assert widget.grab().save(str(path))
    return path


def test_screenshots(qtbot, shell_style, runner) -> None:
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle(runner)
    page.set_status_group("all")
    grab(page, "members_1280x800.png")
    page.resize(1010, 800)  # what the page gets beside the shell's 270 px sidebar
    grab(page, "members_in_shell_1010x800.png")
    type_text(page.search, "thuy")
    settle(runner)
    grab(page, "members_search_thuy.png")
    page.search.clear()
    settle(runner)
    page.select_person(next(page.model.person(r).id for r in range(page.model.rowCount())
                            if page.model.person(r).full_name == "Trần Tường Hằng"))
    page.open_detail()
    settle(runner)
    grab(page, "member_detail_1010x800.png")
    page.resize(1280, 800)
    grab(page, "member_detail_1280x800.png")
    person = page.detail.person
    for name, dialog in (("member_dialog_add.png", MemberDialog(runner, None, page)),
                         ("member_dialog_edit.png", MemberDialog(runner, person, page)),
                         ("event_dialog.png", EventDialog(runner, person, page,
                                                          today=dt.date(2026, 11, 22)))):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.adjustSize()
        grab(dialog, name)
        dialog.close()
    assert len(list(SCREENS.glob("*.png"))) >= 8
