"""The rules and working-days dialog: the rule table in force today and every version, the
note of the selected rule, adding and removing days off and swapped working days, refusals in
Vietnamese that change nothing, and screenshots of both tabs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import rules
from desktop_app.services.rules import OverrideView
from desktop_app.ui.dialogs import rules_dialog
from desktop_app.ui.dialogs.rules_dialog import (
    DAY,
    KIND,
    NOTE,
    OverridesModel,
    RulesDialog,
    RulesModel,
    describe_day,
)
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import TODAY
from tests.ui.helpers import commit_text, run, settle

D = dt.date


@pytest.fixture
def runner(demo_runner) -> TaskRunner:
    return demo_runner


@pytest.fixture
def dialog(qtbot, runner) -> RulesDialog:
    dialog = RulesDialog(runner, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(runner)
    return dialog


def rule_row(dialog: RulesDialog, rule_id: str) -> dict[str, str]:
    model = dialog.rules_model
    row = model.row_of(rule_id)
    assert row is not None, rule_id
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {h: model.index(row, c).data() for c, h in enumerate(headers)}


def listed_days(dialog: RulesDialog) -> list[tuple[str, str, str]]:
    model = dialog.days_model
    return [
        tuple(model.index(r, c).data() for c in (DAY, KIND, NOTE)) for r in range(model.rowCount())
    ]


def add_day(dialog: RulesDialog, runner: TaskRunner, text: str, note: str, working=False) -> None:
    dialog.tabs.setCurrentIndex(1)
    (dialog.add_working_button if working else dialog.add_off_button).click()
    assert dialog.day_form.isVisible()
    dialog.day_edit.setText(text)
    if note:
        commit_text(dialog.note_edit, note)
    dialog.save_day_button.click()
    settle(runner)


# -- models --------------------------------------------------------------------------------


def test_qtmodeltester_rules(qtmodeltester) -> None:
    model = RulesModel()
    model.set_rules(rules.list_rules(TODAY, every_version=True), rules.list_rules(TODAY))
    qtmodeltester.check(model, force_py=True)


def test_qtmodeltester_overrides(qtmodeltester) -> None:
    model = OverridesModel()
    model.set_rows(
        [
            OverrideView("b", "2027-01-02", True, "Làm bù cho 04/01"),
            OverrideView("a", "2026-12-31", False, "Thông báo của Chính phủ"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, DAY).data().endswith("31/12/2026")  # by date
    assert model.index(0, KIND).data() == "Ngày nghỉ"
    assert model.index(1, KIND).data() == "Ngày làm việc bù"
    assert model.index(1, NOTE).data(ObjectRole).id == "b"
    calendar = model.calendar()
    assert not calendar.is_working_day(D(2026, 12, 31))
    assert calendar.is_working_day(D(2027, 1, 2))


def test_describe_day(vietnamese) -> None:
    calendar = OverridesModel().calendar()
    assert describe_day(D(2026, 9, 2), calendar) == "Thứ Tư 02/09/2026: Quốc khánh (ngày nghỉ)"
    assert describe_day(D(2026, 11, 22), calendar) == "Chủ Nhật 22/11/2026: nghỉ cuối tuần"
    assert describe_day(D(2026, 11, 23), calendar) == "Thứ Hai 23/11/2026: ngày làm việc"
    assert describe_day(D(2026, 8, 22), calendar) == "Thứ Bảy 22/08/2026: ngày làm việc bù"


# -- tab 1: rules --------------------------------------------------------------------------


def test_rules_in_force_today(dialog) -> None:
    current = rules.list_rules(TODAY)
    assert dialog.rules_model.rowCount() == len(current)
    certificate = next(r for r in current if r.id == "certificate.valid_months")
    row = rule_row(dialog, "certificate.valid_months")
    assert row["Value"] == "60 tháng"
    assert row["Source"] == certificate.source
    assert row["Rule"] == certificate.title
    assert row["In force from"] == certificate.effective_from.strftime("%d/%m/%Y")
    assert row["Confidence"] == certificate.confidence_text
    assert row["Code"] == "certificate.valid_months"
    assert rules.rule_table().version in dialog.table_version.text()


def test_every_version_and_the_note(dialog) -> None:
    every = rules.list_rules(TODAY, every_version=True)
    rules_dialog.select_row(dialog.rules_table, dialog.rules_model.row_of("probation.months"))
    assert "Tính từ ngày chi bộ tổ chức lễ kết nạp" in dialog.rule_note.text()
    assert "12 tháng" in dialog.rule_note.text()
    dialog.every_version.setChecked(True)
    assert dialog.rules_model.rowCount() == len(every) > len(rules.list_rules(TODAY))
    model = dialog.rules_model
    assert dialog.current_rule().id == "probation.months"  # the selection stays,
    assert model.in_force(dialog.current_rule())  # on the version in force
    old = [r for r in range(model.rowCount()) if not model.in_force(model.rule(r))]
    assert old
    assert model.index(old[0], 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    dialog.every_version.setChecked(False)
    assert dialog.rules_model.rowCount() == len(rules.list_rules(TODAY))


# -- tab 2: working days -------------------------------------------------------------------


def test_add_a_day_off_and_a_working_day(dialog, runner) -> None:
    assert listed_days(dialog) == []
    assert not dialog.days_empty.isHidden()
    add_day(dialog, runner, "31/12/2026", "Thông báo 125/TB-VPCP")
    assert not dialog.day_form.isVisible()
    assert listed_days(dialog) == [
        ("Thursday 31/12/2026", "Ngày nghỉ", "Thông báo 125/TB-VPCP"),
    ]
    assert dialog.current_day().day == "2026-12-31"
    add_day(dialog, runner, "02/01/2027", "", working=True)
    assert [k for _d, k, _n in listed_days(dialog)] == ["Ngày nghỉ", "Ngày làm việc bù"]
    saved = run(runner, rules.list_overrides)
    assert [(o.day, o.working) for o in saved] == [("2026-12-31", False), ("2027-01-02", True)]
    assert dialog.changed
    assert dialog.days_empty.isHidden()


def test_a_sunday_is_already_a_day_off(dialog, runner) -> None:
    add_day(dialog, runner, "29/11/2026", "")
    assert dialog.day_form.isVisible()  # stays open with the reason
    message = dialog.day_message.text()
    assert message == "Ngày 29/11/2026 vốn đã là ngày nghỉ; không cần ghi"
    assert dialog.day_message.isVisible()
    assert listed_days(dialog) == []
    assert run(runner, rules.list_overrides) == []
    assert not dialog.changed


def test_a_day_already_added_is_refused(dialog, runner) -> None:
    add_day(dialog, runner, "31/12/2026", "")
    add_day(dialog, runner, "31/12/2026", "lần hai")
    assert "đã được ghi là ngày nghỉ" in dialog.day_message.text()
    assert len(listed_days(dialog)) == 1
    assert len(run(runner, rules.list_overrides)) == 1


def test_bad_or_missing_date(dialog, runner) -> None:
    add_day(dialog, runner, "", "")
    assert dialog.day_message.text() == "Type the date, e.g. 30/04/2027"
    add_day(dialog, runner, "31/02/2026", "")
    assert dialog.day_message.text()  # the domain's message for an impossible date
    assert run(runner, rules.list_overrides) == []


def test_the_typed_date_is_described(dialog) -> None:
    dialog.start_adding(working=False)
    dialog.day_edit.setText("02/09/2026")
    assert "Quốc khánh" in dialog.day_hint.text()
    dialog.day_edit.setText("24/11/2026")
    assert "Ngày Văn hóa Việt Nam" in dialog.day_hint.text()
    dialog.day_edit.setText("")
    assert dialog.day_hint.text() == ""
    dialog.cancel_adding()
    assert not dialog.day_form.isVisible()


def test_remove_a_day(dialog, runner, monkeypatch) -> None:
    add_day(dialog, runner, "31/12/2026", "")
    add_day(dialog, runner, "30/12/2026", "")
    monkeypatch.setattr(rules_dialog, "confirm", lambda *_a: False)
    rules_dialog.select_row(dialog.days_table, 1)
    dialog.remove_button.click()
    settle(runner)
    assert len(listed_days(dialog)) == 2
    asked: list[str] = []
    monkeypatch.setattr(rules_dialog, "confirm", lambda _p, _t, text: asked.append(text) or True)
    dialog.remove_button.click()
    settle(runner)
    assert "31/12/2026" in asked[0]
    assert [o.day for o in run(runner, rules.list_overrides)] == ["2026-12-30"]
    assert [d for d, _k, _n in listed_days(dialog)] == ["Wednesday 30/12/2026"]


def test_no_register(qtbot) -> None:
    bare = TaskRunner()
    try:
        dialog = RulesDialog(bare, today=TODAY)
        qtbot.addWidget(dialog)
        bare.wait_idle()
        settle(bare)
        assert dialog.rules_model.rowCount() > 0  # the rules need no register
        assert not dialog.days_page.isEnabled()
    finally:
        bare.shutdown()


def test_ask_returns_whether_days_changed(runner, monkeypatch) -> None:
    monkeypatch.setattr(RulesDialog, "exec", lambda self: 0)
    assert RulesDialog.ask(None, runner) is False


# -- screenshots ---------------------------------------------------------------------------


def test_screenshots(qtbot, vietnamese, screens, runner) -> None:
    """Both tabs in Vietnamese: tests/artifacts/screens/rules_dialog_*.png."""
    dialog = RulesDialog(runner, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(runner)
    rules_dialog.select_row(
        dialog.rules_table, dialog.rules_model.row_of("certificate.valid_months")
    )
    screens(dialog, "rules_dialog_rules")
    dialog.every_version.setChecked(True)
    screens(dialog, "rules_dialog_every_version")
    add_day(dialog, runner, "31/12/2026", "Nghỉ thêm theo Thông báo 125/TB-VPCP")
    add_day(dialog, runner, "02/01/2027", "Làm bù cho ngày 31/12/2026", working=True)
    add_day(dialog, runner, "29/11/2026", "")
    dialog.day_edit.setText("29/11/2026")
    screens(dialog, "rules_dialog_days")
    assert dialog.tabs.currentIndex() == 1
