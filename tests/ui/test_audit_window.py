"""The change history window: the chain state on top, entries newest first, one person found by
typing without accents, before → after for the chosen entry, ID numbers masked until "Show ID
numbers" (journalled); reached from the member detail page and from Tools → Change history.
The member detail page's ID numbers are masked with a Show button that journals the reveal."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.services import audit, members
from desktop_app.services.audit import AuditFilter
from desktop_app.store import journal
from desktop_app.ui.dialogs.audit_dialog import AuditDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models import audit_model
from desktop_app.ui.models.audit_model import AuditModel, ChangesModel
from desktop_app.ui.pages.member_detail import MemberDetail
from desktop_app.ui.tasks import TaskRunner
from tests.ui.helpers import replace_text, run, settle, type_text

CUC = "Lê Thị Cúc"


@pytest.fixture
def runner(demo_runner):
    return demo_runner


def find(runner: TaskRunner, name: str):
    return next(p for p in run(runner, members.list_people) if p.full_name == name)


def head(runner: TaskRunner) -> int:
    return run(runner, lambda reg: journal.head()[0])


@pytest.fixture
def dialog(qtbot, runner, vietnamese) -> AuditDialog:
    view = AuditDialog(runner)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    settle(runner)
    return view


def rows(view: AuditDialog, column: int) -> list[str]:
    model = view.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def change_rows(view: AuditDialog) -> list[tuple[str, str, str]]:
    model = view.changes_model
    return [
        tuple(model.index(r, c).data() for c in range(3))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def shown_dialogs() -> list[AuditDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AuditDialog) and w.isVisible()
    ]


def choose_person(view: AuditDialog, runner: TaskRunner, typed: str) -> None:
    """Type as a user does, wait for the search, pick the first suggestion."""
    view.person_edit.setFocus()
    type_text(view.person_edit, typed)
    assert view._search_timer.isActive()
    view._search_timer.stop()  # the search-as-you-type delay, without waiting
    view._search()
    settle(runner)
    assert view.matches.rowCount() >= 1
    view.completer.activated[type(view.matches.index(0, 0))].emit(view.matches.index(0, 0))
    settle(runner)


# -- models ---------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, runner) -> None:
    report = run(runner, lambda reg: audit.trail(reg))
    model = AuditModel()
    model.set_rows(report.entries[:60])
    qtmodeltester.check(model, force_py=True)
    changes = ChangesModel()
    changes.set_entry(report.entries[-1])
    qtmodeltester.check(changes, force_py=True)
    assert changes.rowCount() == len(report.entries[-1].changes) > 3


def test_change_text_of_an_update_and_of_a_new_record(runner) -> None:
    cuc = find(runner, CUC)
    entries = run(runner, lambda reg: audit.trail(reg, AuditFilter(person_id=cuc.id))).entries
    update = next(e for e in entries if e.op == "update" and e.kind == "Người")
    insert = next(e for e in entries if e.op == "insert" and e.kind == "Người")
    assert (
        audit_model.summary(update) == "Diện: Dự bị → Chính thức; Ngày chính thức: — → 07/04/2015"
    )
    assert audit_model.summary(insert).startswith("Họ và tên: Lê Thị Cúc; Giới tính: Nữ;")
    assert cuc.id_number not in audit_model.summary(insert)


# -- the window -----------------------------------------------------------------------------


def test_the_whole_register_newest_first_with_the_chain_on_top(dialog, runner, screens) -> None:
    total = head(runner)
    assert dialog.chain_label.text() == f"Chuỗi nhật ký nguyên vẹn: {total} mục"
    assert "#1e6b2f" in dialog.chain_label.styleSheet()  # green
    assert dialog.model.rowCount() == total
    assert dialog.count_label.text() == f"{total} mục, mới nhất trước"
    assert rows(dialog, audit_model.KIND)[-1] == "Chi bộ"
    assert dialog.table.currentIndex().row() == 0  # the newest is chosen
    first = dialog.model.entry(0)
    assert change_rows(dialog) == [
        (c.label, c.before or "—", c.after or "—") for c in first.changes
    ]
    headers = [dialog.model.headerData(c, audit_model.Qt.Orientation.Horizontal) for c in range(6)]
    assert headers[0] == "Thời điểm" and headers[-1] == "Các trường đã sửa (trước → sau)"
    assert not dialog.reveal_button.isEnabled()  # only for one person
    screens(dialog, "audit-register")


def test_one_person_found_without_accents(dialog, runner, screens) -> None:
    cuc = find(runner, CUC)
    choose_person(dialog, runner, "le thi cuc")
    assert dialog.matches.index(0, 0).data() == "Lê Thị Cúc (28/02/1988)"
    assert dialog.person_edit.text() == CUC
    assert dialog.report.person_name == CUC
    assert (
        dialog.count_label.text() == f"{dialog.model.rowCount()} mục về Lê Thị Cúc, mới nhất trước"
    )
    records = set(rows(dialog, audit_model.RECORD))
    assert CUC in records and "Lê Thị Cúc giúp đỡ Nguyễn Văn Duy" in records
    assert all(e.person_id == cuc.id for e in dialog.report.entries)
    row = rows(dialog, audit_model.CHANGES).index(
        "Diện: Dự bị → Chính thức; Ngày chính thức: — → 07/04/2015"
    )
    dialog.table.selectRow(row)
    assert change_rows(dialog) == [
        ("Diện", "Dự bị", "Chính thức"),
        ("Ngày chính thức", "—", "07/04/2015"),
    ]
    assert dialog.reveal_button.isEnabled()
    shown = " ".join(rows(dialog, audit_model.CHANGES))
    assert cuc.id_number not in shown and "•••••••••" + cuc.id_number[-3:] in shown
    screens(dialog, "audit-person")
    dialog.person_edit.clear()
    dialog._person_typed("")  # the clear button empties the field as a user would
    settle(runner)
    assert dialog.model.rowCount() == head(runner)


def test_show_id_numbers_is_journalled(dialog, runner) -> None:
    cuc = find(runner, CUC)
    choose_person(dialog, runner, "cuc")
    before = head(runner)
    dialog.reveal_button.click()
    settle(runner)
    assert head(runner) == before + 1
    assert dialog.report.revealed and not dialog.reveal_button.isEnabled()
    assert rows(dialog, audit_model.ACTION)[0] == "xem số đầy đủ"
    assert rows(dialog, audit_model.RECORD)[0] == CUC
    assert cuc.id_number in " ".join(rows(dialog, audit_model.CHANGES))
    assert dialog.count_label.text().endswith("(hiện đủ các số; việc xem đã được ghi lại)")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("person"))  # any new read masks
    settle(runner)
    assert not dialog.report.revealed and head(runner) == before + 1
    assert cuc.id_number not in " ".join(rows(dialog, audit_model.CHANGES))
    assert set(rows(dialog, audit_model.KIND)) == {"Người"}


def test_dates_filter_and_a_wrong_date_is_refused(dialog, runner) -> None:
    total = dialog.model.rowCount()
    replace_text(dialog.start_edit, "01/01/2090")
    dialog.start_edit.editingFinished.emit()
    settle(runner)
    assert dialog.model.rowCount() == 0
    dialog.start_edit.clear()
    dialog.start_edit.editingFinished.emit()
    settle(runner)
    assert dialog.model.rowCount() == total
    replace_text(dialog.end_edit, "31/02/2026")
    dialog.end_edit.editingFinished.emit()
    settle(runner)
    assert dialog.banner.isVisible()
    assert dialog.banner.text() == "Đến ngày: tháng 2/2026 không có ngày 31"
    assert dialog.model.rowCount() == total  # the last good read stays


def test_a_broken_chain_is_shown_in_red(qtbot, runner, vietnamese) -> None:
    def tamper(reg) -> None:
        reg.db.execute_sql("DROP TRIGGER journal_append_only_update")
        reg.db.execute_sql("UPDATE journal SET author = 'device:khac' WHERE seq = 5")

    run(runner, tamper)
    view = AuditDialog(runner)
    qtbot.addWidget(view)
    view.show()
    settle(runner)
    assert view.chain_label.text() == (
        "Chuỗi nhật ký bị đứt hoặc đã bị sửa:\n• mục số 5 đã bị sửa sau khi ghi"
    )
    assert "#b3261e" in view.chain_label.styleSheet()  # red
    assert "device:khac" in rows(view, audit_model.WHO)


# -- where it opens from --------------------------------------------------------------------


def test_tools_menu_opens_the_history(qtbot, runner, settings, vietnamese) -> None:
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window.show()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Công cụ") == titles.index("Trợ &giúp") - 1
    assert window.history_action.text() == "&Lịch sử thay đổi…"
    window.history_action.trigger()
    settle(runner)
    opened = shown_dialogs()
    assert len(opened) == 1 and opened[0].isVisible()
    assert opened[0].model.rowCount() == head(runner)
    opened[0].close()


@pytest.fixture
def detail(qtbot, runner, vietnamese) -> MemberDetail:
    view = MemberDetail(runner)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def test_member_detail_masks_and_reveals_with_a_journal_entry(detail, runner, screens) -> None:
    cuc = find(runner, CUC)
    detail.load(cuc.id)
    settle(runner)
    assert detail.values["id_number"].text() == "•••••••••" + cuc.id_number[-3:]
    card = detail.values["party_card_number"].text()
    assert card.endswith(cuc.party_card_number[-3:]) and card.count("•") >= 5
    button = detail.reveal_buttons["id_number"]
    assert button.isVisible() and button.text() == "Hiện số"
    screens(detail, "member-detail-masked")
    before = head(runner)
    button.click()
    settle(runner)
    assert detail.values["id_number"].text() == cuc.id_number
    assert not button.isVisible()
    assert head(runner) == before + 1
    assert detail.values["party_card_number"].text() == card  # the other number stays masked
    latest = run(runner, lambda reg: audit.trail(reg, AuditFilter(person_id=cuc.id))).entries[0]
    assert (latest.action, latest.changes[0].after) == ("xem số đầy đủ", "Số định danh cá nhân")
    detail.load(cuc.id)  # shown again: masked again
    settle(runner)
    assert detail.values["id_number"].text() == "•••••••••" + cuc.id_number[-3:]


def test_no_show_button_without_a_number(detail, runner) -> None:
    nobody = next(p for p in run(runner, members.list_people) if not p.party_card_number)
    detail.load(nobody.id)
    settle(runner)
    assert not detail.reveal_buttons["party_card_number"].isVisible()
    assert detail.values["party_card_number"].text() == "—"


def test_member_detail_opens_the_persons_history(detail, runner) -> None:
    cuc = find(runner, CUC)
    detail.load(cuc.id)
    settle(runner)
    assert detail.history_button.text() == "Lịch sử thay đổi…"
    detail.history_button.click()
    settle(runner)
    opened = shown_dialogs()
    assert len(opened) == 1
    view = opened[0]
    assert view.person_edit.text() == CUC and view.report.person_name == CUC
    assert view.reveal_button.isEnabled()
    view.close()
