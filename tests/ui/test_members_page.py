"""The Members page on the demo register: loading, Vietnamese order, search as you type (with
and without diacritics, stale results dropped), status filter, keyboard use, screenshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

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
from tests.ui.helpers import run, settle, type_text

SCREENS = Path(__file__).resolve().parents[1] / "artifacts" / "screens"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def runner(demo_runner):
    return demo_runner


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
    assert page.model.total() == len(everyone) >= 40
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
    births = [
        page.proxy.index(r, people_model.BIRTH).data(ObjectRole).birth_date
        for r in range(page.proxy.rowCount())
    ]
    known = [b for b in births if b]
    assert known == sorted(known)


def test_table_setup(page) -> None:
    table = page.table
    assert table.isSortingEnabled() and table.alternatingRowColors()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    wide = table.fontMetrics().horizontalAdvance("Nguyễn Thị Phương Thảo")
    assert table.columnWidth(people_model.NAME) > wide
    assert page.table.model().index(0, people_model.ID_NUMBER).data().count("•") == 9


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
    added = run(
        runner,
        lambda reg: members.add_person(
            reg, {"full_name": "Đặng Thị Thuỷ", "sex": "female", "birth_date": "1990"}
        ),
    )
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
    monkeypatch.setattr(
        runner,
        "submit",
        lambda work, on_done=None, on_error=None, **kw: held.append((work, on_done)),
    )
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
    assert page.proxy.rowCount() < page.model.total()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    settle(runner)
    assert page.search.text() == ""
    assert page.proxy.rowCount() == sum(1 for p in page.model.everyone() if p.status in MEMBERS)


# -- status filter -------------------------------------------------------------------------


def test_status_filter(page, everyone) -> None:
    groups = {
        "all": None,
        "active": MEMBERS,
        "official": ("official",),
        "probationary": ("probationary",),
        "candidate": ("candidate",),
        "left": EXITS,
    }
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
    assert left and all(
        page.proxy.index(r, 0).data(ObjectRole).status in EXITS
        for r in range(page.proxy.rowCount())
    )
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
    monkeypatch.setattr(
        MemberDialog,
        "ask",
        classmethod(lambda cls, runner, person=None, parent=None: calls.append(("member", person))),
    )
    monkeypatch.setattr(
        EventDialog,
        "ask",
        classmethod(lambda cls, runner, person, parent=None: calls.append(("event", person))),
    )
    page.table.setFocus()
    page._select_proxy_row(0)
    first = page.current_person()
    for key, modifier in (
        (Qt.Key.Key_N, CTRL),
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_E, CTRL),
        (Qt.Key.Key_G, CTRL),
    ):
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
        return runner_.submit(
            lambda reg: members.add_person(
                reg,
                {
                    "full_name": "Nguyễn Thị Phương Thảo",
                    "sex": "female",
                    "birth_date": "02/09/2001",
                },
            )
        ).result(timeout=30)

    monkeypatch.setattr(MemberDialog, "ask", classmethod(fake_ask))
    total = page.model.total()
    page.add_button.click()
    settle(runner)
    assert page.model.total() == total + 1
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


def find_row(page: MembersPage, name: str) -> str:
    return next(
        page.model.person(r).id
        for r in range(page.model.rowCount())
        if page.model.person(r).full_name == name
    )


def test_screenshots_page(qtbot, vietnamese, screens, runner) -> None:
    """The page and the detail with the demo register, in Vietnamese with the program's look
    (tests/ui/conftest.py); look at tests/artifacts/screens/members_*.png."""
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle(runner)
    page.set_status_group("all")
    screens(page, "members_1280x800")
    page.resize(1010, 800)  # what the page gets beside the shell's 270 px sidebar
    screens(page, "members_in_shell_1010x800")
    type_text(page.search, "thuy")
    settle(runner)
    screens(page, "members_search_thuy")
    page.search.clear()
    type_text(page.search, "xyz")
    settle(runner)
    assert page.empty_hint.isVisible()
    screens(page, "members_no_match")
    page.search.clear()
    settle(runner)
    page.select_person(find_row(page, "Trần Tường Hằng"))
    page.open_detail()
    settle(runner)
    screens(page, "member_detail_1010x800")
    page.resize(1280, 800)
    screens(page, "member_detail_1280x800")
    assert (SCREENS / "members_1280x800.png").exists()


def test_screenshots_dialogs(qtbot, vietnamese, screens, runner, monkeypatch) -> None:
    """The dialogs at their natural size: empty, filled, with inline errors and warnings,
    with a possible duplicate, and the event dialog with the register's refusal."""
    from desktop_app.ui.dialogs import member_dialog
    from tests.ui.helpers import commit_text

    monkeypatch.setattr(member_dialog, "ask_discard", lambda parent: True)
    people = run(runner, members.list_people)
    hang = next(p for p in people if p.full_name == "Trần Tường Hằng")
    binh = next(p for p in people if p.full_name == "Bùi Tuấn Bình")

    def show(dialog, name: str) -> None:
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.adjustSize()
        screens(dialog, name)

    show(MemberDialog(runner), "member_dialog_add")
    show(MemberDialog(runner, hang), "member_dialog_edit")
    errors = MemberDialog(runner)
    show(errors, "member_dialog_errors")
    commit_text(errors.editors["full_name"], "Lan")
    commit_text(errors.editors["birth_date"], "12/05/2031")
    commit_text(errors.editors["id_number"], "0521901234567")
    commit_text(errors.editors["phone"], "12345")
    commit_text(errors.editors["notes"], "ghi chú " * 1250)
    errors.adjustSize()
    screens(errors, "member_dialog_errors")
    duplicate = MemberDialog(runner)
    show(duplicate, "member_dialog_duplicate")
    commit_text(duplicate.editors["full_name"], "Lê Thị Cúc")
    duplicate.editors["sex"].setCurrentIndex(1)
    commit_text(duplicate.editors["birth_date"], "28/02/1988")
    commit_text(duplicate.editors["id_number"], "031185123456")  # warns: year digits
    duplicate.save_button.click()
    settle(runner)
    assert duplicate.duplicates.isVisible()
    duplicate.adjustSize()
    screens(duplicate, "member_dialog_duplicate")
    show(EventDialog(runner, hang, today=dt.date(2026, 11, 22)), "event_dialog")
    refused = EventDialog(runner, binh)
    show(refused, "event_dialog_refused")
    refused.set_kind("recognition")
    refused.save_button.click()
    settle(runner)
    assert refused.banner.isVisible()
    refused.adjustSize()
    screens(refused, "event_dialog_refused")
    transfer = EventDialog(runner, hang)
    show(transfer, "event_dialog_transfer")
    transfer.set_kind("transfer_out")
    commit_text(transfer.place, "Chi bộ Trường THCS Lê Lợi, phường Quy Nhơn Bắc")
    transfer.adjustSize()
    screens(transfer, "event_dialog_transfer")


def test_ctrl_f_from_the_detail_goes_back_to_search(qtbot, page, runner) -> None:
    page._select_proxy_row(0)
    page.open_detail()
    settle(runner)
    page.detail.setFocus()
    qtbot.keyClick(page.detail, Qt.Key.Key_F, CTRL)
    assert page.stack.currentWidget() is page.list_view
    assert page.search.hasFocus()
