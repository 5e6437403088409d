"""The detail view and the event dialog: fields with Vietnamese labels, masked ID number, status
overlays, the timeline; record a transfer, see the status change, undo it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.domain.membership import EVENT_KINDS
from desktop_app.domain.person import FIELDS
from desktop_app.services import members
from desktop_app.ui.dialogs.event_dialog import EventDialog, allowed_kinds
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.models import events_model
from desktop_app.ui.pages import member_detail
from desktop_app.ui.pages.member_detail import MemberDetail
from desktop_app.ui.pages.members import MembersPage
from desktop_app.ui.tasks import TaskRunner
from tests.ui.helpers import commit_text, replace_text, run, settle


@pytest.fixture
def runner(demo_runner):
    return demo_runner


def find(runner: TaskRunner, name: str):
    return next(p for p in run(runner, members.list_people) if p.full_name == name)


@pytest.fixture
def detail(qtbot, runner) -> MemberDetail:
    view = MemberDetail(runner)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


@pytest.fixture
def page(qtbot, runner) -> MembersPage:
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle(runner)
    return page


def timeline(view: MemberDetail) -> list[str]:
    model = view.events_model
    return [model.index(r, events_model.KIND).data() for r in range(model.rowCount())]


def open_in_page(page: MembersPage, runner: TaskRunner, name: str) -> None:
    person = find(runner, name)
    page.set_status_group("all")
    assert page.select_person(person.id)
    page.open_detail()
    settle(runner)
    assert page.stack.currentWidget() is page.detail


# -- showing -------------------------------------------------------------------------------


def test_fields_labels_and_masked_id_number(detail, runner) -> None:
    person = find(runner, "Lê Thị Cúc")
    detail.load(person.id)
    settle(runner)
    assert detail.name_label.text() == "Lê Thị Cúc"
    assert detail.status_label.text() == "Chính thức"
    assert detail.values["id_number"].text() == "•" * 9 + person.id_number[-3:]  # masked
    assert detail.values["sex"].text() == "Nữ"
    assert detail.values["birth_date"].text() == "28/02/1988"
    assert detail.values["ceremony_date"].text() == "07/04/2014"
    labels = {w.text() for w in detail.findChildren(type(detail.name_label))}
    wanted = {FIELDS[name].label for name in ("full_name", "ceremony_date", "notes")}
    assert wanted <= labels
    assert timeline(detail) == [
        "Công nhận đảng viên chính thức",
        "Lễ kết nạp",
        "Quyết định kết nạp",
    ]  # newest first
    assert detail.events_model.index(0, events_model.DATE).data() == "07/04/2015"
    assert not detail.exit_value.isVisibleTo(detail)


def test_status_overlays(detail, runner) -> None:
    detail.load(find(runner, "Trần Tường Hằng").id)
    settle(runner)
    assert detail.status_label.text() == "Chính thức (miễn SH)"
    assert "Miễn công tác và sinh hoạt" in timeline(detail)


def test_people_who_left_show_the_date(detail, runner) -> None:
    person = find(runner, "Từ Bá Đạt")
    detail.load(person.id)
    settle(runner)
    assert detail.status_label.text() == "Đã chuyển đi"
    assert detail.exit_value.isVisibleTo(detail)
    assert detail.exit_value.text() == dt.date.fromisoformat(person.exit_date).strftime("%d/%m/%Y")


def test_stale_detail_loads_are_dropped(detail, runner) -> None:
    first, second = find(runner, "Lê Thị Cúc"), find(runner, "Phạm Văn Cường")
    detail.load(first.id)
    detail.load(second.id)
    settle(runner)
    assert detail.person.id == second.id


# -- events --------------------------------------------------------------------------------


def drive_event(qtbot, runner, kind: str, **texts: str):
    """Replacement for EventDialog.ask: fill the real dialog, save, wait for the register."""

    def ask(cls, runner_, person, parent=None):
        dialog = cls(runner_, person, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.set_kind(kind)
        for name, text in texts.items():
            commit_text(getattr(dialog, name), text)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: not dialog._busy)
        return dialog.saved

    return classmethod(ask)


def test_transfer_out_then_undo(qtbot, page, runner, monkeypatch) -> None:
    open_in_page(page, runner, "Lê Thị Cúc")
    monkeypatch.setattr(
        EventDialog,
        "ask",
        drive_event(
            qtbot,
            runner,
            "transfer_out",
            place="Chi bộ Trường THCS Lê Lợi",
            reference="15-QĐ/ĐU",
            reason="Chuyển công tác",
        ),
    )
    page.detail.event_button.click()
    settle(runner)
    view = page.detail
    assert view.status_label.text() == "Đã chuyển đi"
    assert timeline(view)[0] == "Chuyển sinh hoạt đi"
    row = [view.events_model.index(0, c).data() for c in range(5)]
    assert row == [
        dt.date.today().strftime("%d/%m/%Y"),
        "Chuyển sinh hoạt đi",
        "15-QĐ/ĐU",
        "Chi bộ Trường THCS Lê Lợi",
        "Chuyển công tác",
    ]
    assert view.exit_value.isVisibleTo(view)
    listed = page.model.person(page.model.row_of(view.person.id))
    assert listed.status == "transferred_out"  # the list reloaded too

    asked: list[str] = []
    monkeypatch.setattr(
        member_detail, "ask_yes_no", lambda parent, title, text: asked.append(text) or True
    )
    view.undo_button.click()
    settle(runner)
    assert "Chuyển sinh hoạt đi" in asked[0] and "Lê Thị Cúc" in asked[0]
    assert view.status_label.text() == "Chính thức"
    assert "Chuyển sinh hoạt đi" not in timeline(view)
    assert page.model.person(page.model.row_of(view.person.id)).status == "official"


def test_undo_needs_confirmation(detail, runner, monkeypatch) -> None:
    person = find(runner, "Lê Thị Cúc")
    detail.load(person.id)
    settle(runner)
    monkeypatch.setattr(member_detail, "ask_yes_no", lambda *args: False)
    detail.undo_button.click()
    settle(runner)
    assert len(timeline(detail)) == 3
    assert find(runner, "Lê Thị Cúc").version == person.version


def test_undo_disabled_without_events(detail, runner) -> None:
    added = run(
        runner,
        lambda reg: members.add_person(
            reg, {"full_name": "Đinh Văn Mới", "sex": "male", "birth_date": "2000"}
        ),
    )
    detail.load(added.id)
    settle(runner)
    assert not detail.undo_button.isEnabled() and detail.edit_button.isEnabled()
    assert detail.empty_timeline.isVisibleTo(detail)


def test_edit_from_detail_reloads(detail, runner, monkeypatch) -> None:
    person = find(runner, "Lê Thị Cúc")
    detail.load(person.id)
    settle(runner)

    def ask(cls, runner_, person_, parent=None):
        return runner_.submit(
            lambda reg: members.update_person(reg, person_.id, {"occupation": "Hiệu trưởng"})
        ).result(timeout=30)

    monkeypatch.setattr(MemberDialog, "ask", classmethod(ask))
    changed: list[str] = []
    detail.changed.connect(changed.append)
    detail.edit_button.click()
    settle(runner)
    assert detail.values["occupation"].text() == "Hiệu trưởng"
    assert changed == [person.id]


# -- the event dialog ----------------------------------------------------------------------


def event_dialog(qtbot, runner, name: str) -> EventDialog:
    dialog = EventDialog(runner, find(runner, name))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_only_allowed_kinds(qtbot, runner) -> None:
    dialog = event_dialog(qtbot, runner, "Trần Diệu Diễm")  # a candidate
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds == ["admission_decision", "ceremony", "death", "other"]
    assert dialog.kind.itemText(0) == EVENT_KINDS["admission_decision"].label
    assert allowed_kinds("transferred_out") == ["transfer_in", "other"]
    assert dialog.kind.currentIndex() == -1 and not dialog.save_button.isEnabled()


def test_place_only_when_needed(qtbot, runner) -> None:
    dialog = event_dialog(qtbot, runner, "Lê Thị Cúc")
    dialog.set_kind("exemption")
    assert not dialog.place.isVisibleTo(dialog)
    dialog.set_kind("transfer_out")
    assert dialog.place.isVisibleTo(dialog)
    assert dialog.date.text() == dt.date.today().strftime("%d/%m/%Y")
    assert dialog.save_button.isEnabled()


def test_bad_date_is_shown_inline(qtbot, runner) -> None:
    dialog = event_dialog(qtbot, runner, "Lê Thị Cúc")
    dialog.set_kind("exemption")
    replace_text(dialog.date, "03/2026")
    assert "đủ ngày" in dialog.date_message.text() and dialog.date_message.isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled()
    replace_text(dialog.date, "01/03/2026")
    assert not dialog.date_message.isVisibleTo(dialog) and dialog.save_button.isEnabled()


def test_state_error_is_shown_in_the_dialog(qtbot, runner) -> None:
    dialog = event_dialog(qtbot, runner, "Bùi Tuấn Bình")  # probationary since 04/2026
    dialog.set_kind("recognition")
    dialog.save_button.click()
    settle(runner)
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.banner.isVisible() and "chưa đủ 12 tháng" in dialog.banner.text()
    assert find(runner, "Bùi Tuấn Bình").status == "probationary"


def test_future_date_refused_by_the_register(qtbot, runner) -> None:
    dialog = event_dialog(qtbot, runner, "Lê Thị Cúc")
    dialog.set_kind("exemption")
    replace_text(dialog.date, (dt.date.today() + dt.timedelta(days=3)).strftime("%d/%m/%Y"))
    dialog.save_button.click()
    settle(runner)
    assert "tương lai" in dialog.banner.text() and dialog.saved is None


def test_event_ask_returns_none_on_cancel(qtbot, runner, monkeypatch) -> None:
    monkeypatch.setattr(EventDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert EventDialog.ask(runner, find(runner, "Lê Thị Cúc")) is None
