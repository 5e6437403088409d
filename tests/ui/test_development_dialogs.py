"""The member-development dialogs, each filled through its widgets and saved: add a candidate,
record a step (only the fields the step takes), record a vote (electorate for the date, live
verdict), assign and release a mentor. Refusals show in the dialog, which stays open, and
nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.domain.admission import UNIONS
from desktop_app.services import development, meetings, members
from desktop_app.services.development import Pipeline
from desktop_app.services.meetings import Entry
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs import member_dialog
from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
from desktop_app.ui.dialogs.mentor_dialog import EndMentorDialog, MentorDialog
from desktop_app.ui.dialogs.step_dialog import StepDialog
from desktop_app.ui.dialogs.vote_dialog import VoteDialog
from desktop_app.ui.dialogs.write_dialog import WriteDialog
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import TODAY
from tests.ui.helpers import commit_text, replace_text, run, settle

D = dt.date
NEW_NAME = "Hồ Thị Mai Anh"
POOL = D(2024, 9, 10)


def vn(day: D) -> str:
    return day.strftime("%d/%m/%Y")


@pytest.fixture
def runner(demo_runner, vietnamese) -> TaskRunner:
    return demo_runner


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch) -> None:
    """Closing a half-filled person form at the end of a test asks nothing."""
    monkeypatch.setattr(member_dialog, "ask_discard", lambda parent: True)


# -- set-up on the database thread --------------------------------------------------------


def person_named(runner: TaskRunner, name: str) -> PersonView:
    return next(p for p in run(runner, members.list_people) if p.full_name == name)


def pipeline_of(runner: TaskRunner, person_id: str) -> Pipeline:
    return run(runner, lambda reg: development.pipeline(reg, person_id))


def event_count(runner: TaskRunner, person_id: str) -> int:
    return len(run(runner, lambda reg: members.list_events(reg, person_id)))


def new_candidate(runner: TaskRunner, pool: D = POOL, name: str = NEW_NAME) -> str:
    data = {"full_name": name, "sex": "female", "birth_date": "12/05/2000"}
    return run(runner, lambda reg: development.add_candidate(reg, data, pool_date=pool)).id


def steps(runner: TaskRunner, person_id: str, *specs: tuple) -> None:
    """Record steps directly: (kind, date) or (kind, date, details)."""
    for kind, on, *rest in specs:
        details = rest[0] if rest else {}
        run(runner, lambda reg, k=kind, o=on, d=details: development.record_step(
            reg, person_id, k, o, details=d
        ))  # fmt: skip


def ready_for_vote(runner: TaskRunner) -> str:
    """A candidate with every paper and two introducers, ready for the cell's vote."""
    pid = new_candidate(runner)
    cuc, cuong = person_named(runner, "Lê Thị Cúc"), person_named(runner, "Phạm Văn Cường")
    steps(
        runner,
        pid,
        ("awareness_class", D(2024, 10, 20), {"certificate_number": "123/CN"}),
        ("application", D(2024, 11, 1)),
        ("personal_history", D(2024, 11, 5)),
        ("verification", D(2025, 1, 10)),
        ("introduction", D(2025, 3, 1), {"introducer_id": cuc.id, "joint_since": D(2020, 1, 1)}),
        ("introduction", D(2025, 3, 2), {"introducer_id": cuong.id, "joint_since": D(2021, 6, 1)}),
        ("comments_summary", D(2025, 4, 1)),
    )
    return pid


# -- filling the dialogs (the page's tests use these too) ---------------------------------


@dataclass
class Step:
    """What a user types into the step dialog."""

    kind: str
    on: D
    reference: str = ""
    actor: str = ""
    certificate: str = ""
    issuer: str = ""
    introducer: str = ""
    joint_since: D | None = None
    replacement: bool = False
    union: str = ""
    received: D | None = None
    mentor: str = ""
    text: str = ""
    extra: dict = field(default_factory=dict)


def type_into(widget: QWidget, text: str) -> None:
    if text:
        replace_text(widget, text)


def fill_step(dialog: StepDialog, step: Step) -> None:
    dialog.set_kind(step.kind)
    assert dialog.kind_code == step.kind, f"{step.kind} not offered: {dialog.kinds()}"
    replace_text(dialog.date, vn(step.on))
    type_into(dialog.reference, step.reference)
    type_into(dialog.actor, step.actor)
    type_into(dialog.certificate_number, step.certificate)
    type_into(dialog.issuer, step.issuer)
    type_into(dialog.introducer.lineEdit(), step.introducer)
    if step.joint_since:
        replace_text(dialog.joint_since, vn(step.joint_since))
    dialog.replacement.setChecked(step.replacement)
    if step.union:
        dialog.union.setCurrentIndex(dialog.union.findData(step.union))
    if step.received:
        replace_text(dialog.received, vn(step.received))
    type_into(dialog.mentor.lineEdit(), step.mentor)
    if step.text:
        commit_text(dialog.text, step.text)


def save(dialog: WriteDialog, qtbot, runner: TaskRunner) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog._busy)
    settle(runner)


def opened(qtbot, runner: TaskRunner, make: Callable[[], QDialog]) -> QDialog:
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    settle(runner)  # the lists of official members, the electorate
    return dialog


def fill_vote(dialog: VoteDialog, on: D, present: int, in_favour: int, exempted: int = 0) -> None:
    replace_text(dialog.date, vn(on))
    dialog.present.setValue(present)
    dialog.in_favour.setValue(in_favour)
    dialog.exempted_present.setValue(exempted)


def fill_mentor(dialog: MentorDialog, name: str, start: D, joint: D | None, note: str = "") -> None:
    replace_text(dialog.mentor.lineEdit(), name)
    replace_text(dialog.start, vn(start))
    if joint:
        replace_text(dialog.joint_since, vn(joint))
    type_into(dialog.note, note)


def fill_candidate(dialog: CandidateDialog, name: str, birth: str, pool: D) -> None:
    commit_text(dialog.editors["full_name"], name)
    sex = dialog.editors["sex"]
    sex.setCurrentIndex(sex.findData("female"))
    commit_text(dialog.editors["birth_date"], birth)
    replace_text(dialog.pool_date, vn(pool))
    commit_text(dialog.pool_reference, "03-NQ/CB")


# -- adding a candidate --------------------------------------------------------------------


def test_add_candidate(qtbot, runner, screens) -> None:
    dialog = opened(qtbot, runner, lambda: CandidateDialog(runner))
    assert not dialog.editors["ceremony_date"].isVisibleTo(dialog)  # no Party dates yet
    fill_candidate(dialog, NEW_NAME, "12/05/2000", D(2024, 9, 10))
    screens(dialog, "dialog_add_candidate")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved.status == "candidate"
    events = run(runner, lambda reg: members.list_events(reg, dialog.saved.id))
    assert [(e.kind, e.date, e.reference) for e in events] == [
        ("pool_entry", "2024-09-10", "03-NQ/CB")
    ]


def test_add_candidate_needs_a_pool_date(qtbot, runner) -> None:
    dialog = opened(qtbot, runner, lambda: CandidateDialog(runner))
    fill_candidate(dialog, NEW_NAME, "12/05/2000", D(2024, 9, 10))
    dialog.pool_date.clear()
    assert dialog.pool_message.isVisibleTo(dialog) and not dialog.save_button.isEnabled()


def test_add_candidate_in_the_future_is_refused(qtbot, runner) -> None:
    dialog = opened(qtbot, runner, lambda: CandidateDialog(runner))
    fill_candidate(dialog, NEW_NAME, "12/05/2000", D.today() + dt.timedelta(days=5))
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None
    assert "tương lai" in dialog.banner.text()
    assert not [p for p in run(runner, members.list_people) if p.full_name == NEW_NAME]


# -- steps ---------------------------------------------------------------------------------


def test_step_choices_and_fields(qtbot, runner, screens) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    kinds = dialog.kinds()
    assert kinds[0] == "awareness_class" and dialog.kind_code == "awareness_class"
    assert "admission_vote" not in kinds and "recognition_vote" not in kinds
    assert {"not_admitted", "mentor_comment"} <= set(kinds)
    assert "probation_removal" not in kinds  # a probationary member's branch
    assert dialog.certificate_number.isVisibleTo(dialog)
    assert not dialog.introducer.isVisibleTo(dialog)
    dialog.set_kind("introduction")
    assert dialog.introducer.isVisibleTo(dialog) and dialog.joint_since.isVisibleTo(dialog)
    assert dialog.replacement.isVisibleTo(dialog)
    assert not dialog.certificate_number.isVisibleTo(dialog)
    assert not dialog.text.isVisibleTo(dialog)
    dialog.set_kind("union_introduction")
    assert [dialog.union.itemText(i) for i in range(dialog.union.count())] == list(UNIONS.values())
    dialog.set_kind("not_admitted")
    assert dialog.text.isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    commit_text(dialog.text, "Chuyển công tác")
    assert dialog.save_button.isEnabled()
    fill_step(
        dialog,
        Step("introduction", D(2025, 3, 1), introducer="Lê Thị Cúc", joint_since=D(2020, 1, 1)),
    )
    screens(dialog, "dialog_step_introduction")


def test_step_records_a_certificate(qtbot, runner) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    fill_step(
        dialog,
        Step(
            "awareness_class",
            D(2024, 10, 20),
            certificate="123/CN-NTVĐ",
            issuer="Trung tâm chính trị phường Quy Nhơn Nam",
            actor="Trung tâm chính trị",
        ),
    )
    save(dialog, qtbot, runner)
    assert dialog.saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved.details == {
        "certificate_number": "123/CN-NTVĐ",
        "issuer": "Trung tâm chính trị phường Quy Nhơn Nam",
        "actor": "Trung tâm chính trị",
    }


def test_introducer_typed_without_accents(qtbot, runner) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    dialog.set_kind("introduction")
    replace_text(dialog.introducer.lineEdit(), "le thi cuc")
    assert dialog.introducer.person_id() == person_named(runner, "Lê Thị Cúc").id
    completer = dialog.introducer.completer()
    completer.setCompletionPrefix("thi cuc")  # what the popup offers while typing
    offered = [completer.currentCompletion()]
    assert completer.completionCount() == 1 and offered == ["Lê Thị Cúc"]


def test_probationary_introducer_is_not_offered(qtbot, runner) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    fill_step(dialog, Step("introduction", D(2025, 3, 1), introducer="Bùi Tuấn Bình"))
    message = dialog.messages[dialog.introducer]
    assert message.isVisibleTo(dialog) and "đảng viên chính thức" in message.text()
    assert not dialog.save_button.isEnabled()


def test_introducer_still_probationary_that_day_is_refused(qtbot, runner, screens) -> None:
    pid = new_candidate(runner, pool=D(2023, 9, 1))
    before = event_count(runner, pid)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    step = Step(
        "introduction", D(2024, 3, 1), introducer="Nguyễn Thị Hằng", joint_since=D(2020, 1, 1)
    )  # official only from 05/05/2024
    fill_step(dialog, step)
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None
    text = dialog.banner.text()
    assert "Nguyễn Thị Hằng" in text and "chưa là đảng viên chính thức" in text
    assert dialog.introducer.currentText() == "Nguyễn Thị Hằng"  # what was typed stays
    assert event_count(runner, pid) == before
    screens(dialog, "dialog_step_refused")


def test_introducer_with_less_than_12_months_together(qtbot, runner) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    fill_step(
        dialog,
        Step("introduction", D(2025, 3, 1), introducer="Lê Thị Cúc", joint_since=D(2024, 6, 1)),
    )
    save(dialog, qtbot, runner)
    assert "mới cùng công tác" in dialog.banner.text() and dialog.saved is None
    dialog.replacement.setChecked(True)  # a replacement needs no 12 months
    save(dialog, qtbot, runner)
    assert dialog.saved is not None and dialog.saved.details["replacement"] is True


def test_ceremony_before_the_decision_is_refused(qtbot, runner) -> None:
    pid = ready_for_vote(runner)
    run(
        runner,
        lambda reg: development.record_vote(
            reg, pid, "admission", D(2025, 6, 10), present=24, in_favour=22
        ),
    )
    steps(runner, pid, ("admission_decision", D(2025, 7, 1), {"received": D(2025, 7, 5)}))
    before = event_count(runner, pid)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    assert dialog.kind_code == "ceremony"  # the next step
    fill_step(dialog, Step("ceremony", D(2025, 7, 3)))
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None
    assert "trước ngày nhận quyết định 05/07/2025" in dialog.banner.text()
    assert event_count(runner, pid) == before
    assert person_named(runner, NEW_NAME).status == "candidate"
    replace_text(dialog.date, "15/07/2025")
    assert not dialog.banner.isVisible()  # typing again clears the refusal
    save(dialog, qtbot, runner)
    assert dialog.saved is not None
    assert person_named(runner, NEW_NAME).status == "probationary"


def test_bad_date_blocks_saving(qtbot, runner) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: StepDialog(runner, pipeline_of(runner, pid)))
    replace_text(dialog.date, "31/02/2025")
    assert dialog.messages[dialog.date].isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled()


# -- votes ---------------------------------------------------------------------------------


def test_vote_shows_electorate_and_live_verdict(qtbot, runner, screens) -> None:
    pid = ready_for_vote(runner)
    counted, exempted = run(runner, lambda reg: development.electorate(reg, D(2025, 6, 10)))
    dialog = opened(qtbot, runner, lambda: VoteDialog(runner, pipeline_of(runner, pid)))
    assert dialog.kind.currentData() == "admission"
    fill_vote(dialog, D(2025, 6, 10), present=counted - 4, in_favour=counted - 6)
    settle(runner)
    assert f"có {counted} đảng viên chính thức" in dialog.electorate.text()
    assert f"{exempted} đảng viên miễn" in dialog.electorate.text()
    needed = -(-counted * 2 // 3)
    assert dialog.verdict.text() == f"{counted - 6}/{counted} tán thành, cần {needed}: đạt 2/3"
    screens(dialog, "dialog_vote_passed")
    dialog.in_favour.setValue(needed - 1)
    assert dialog.verdict.text().endswith("không đạt 2/3")
    dialog.exempted_present.setValue(exempted + 1)  # capped at the exempted members that day
    assert dialog.exempted_present.value() == exempted


def test_more_in_favour_than_present(qtbot, runner, screens) -> None:
    pid = ready_for_vote(runner)
    before = event_count(runner, pid)
    dialog = opened(qtbot, runner, lambda: VoteDialog(runner, pipeline_of(runner, pid)))
    fill_vote(dialog, D(2025, 6, 10), present=20, in_favour=25)
    settle(runner)
    assert dialog.verdict.text() == "Số tán thành (25) nhiều hơn số có mặt (20)"
    assert not dialog.save_button.isEnabled()
    screens(dialog, "dialog_vote_refused")
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None
    assert event_count(runner, pid) == before


def test_a_failed_vote_is_recorded(qtbot, runner) -> None:
    pid = ready_for_vote(runner)
    dialog = opened(qtbot, runner, lambda: VoteDialog(runner, pipeline_of(runner, pid)))
    fill_vote(dialog, D(2025, 6, 10), present=20, in_favour=12)
    settle(runner)
    save(dialog, qtbot, runner)
    event, result = dialog.saved
    assert not result.passed and event.details["passed"] is False
    assert person_named(runner, NEW_NAME).status == "candidate"


def test_a_vote_at_a_recorded_meeting_takes_the_roll_call(qtbot, runner) -> None:
    pid = ready_for_vote(runner)
    on = D(2025, 6, 10)

    def meeting_with_two_absent(reg):
        m = meetings.add_meeting(reg, {"kind": "regular", "date": on}, today=TODAY)
        roll = meetings.get_meeting(reg, m.id).roll
        officials = [line.person_id for line in roll if line.group == "member"][:2]
        meetings.record_rollcall(reg, m.id, [Entry("absent", p) for p in officials], today=TODAY)
        return m.id, meetings.vote_attendance(reg, m.id)

    meeting_id, (present, exempted) = run(runner, meeting_with_two_absent)
    dialog = opened(qtbot, runner, lambda: VoteDialog(runner, pipeline_of(runner, pid)))
    replace_text(dialog.date, vn(on))
    settle(runner)
    assert dialog.meeting.currentData() == meeting_id
    assert dialog.present.value() == present
    assert dialog.exempted_present.value() == exempted
    dialog.in_favour.setValue(present)
    settle(runner)
    save(dialog, qtbot, runner)
    event, result = dialog.saved
    assert result.passed and event.details["meeting_id"] == meeting_id
    replace_text(dialog.date, vn(D(2025, 6, 11)))
    settle(runner)
    assert dialog.meeting.currentData() is None and not dialog.meeting.isEnabled()


def test_vote_refused_by_the_register_stays_open(qtbot, runner) -> None:
    pid = new_candidate(runner)
    steps(runner, pid, ("awareness_class", D(2024, 10, 20)))  # and no other paper yet
    dialog = opened(qtbot, runner, lambda: VoteDialog(runner, pipeline_of(runner, pid)))
    fill_vote(dialog, D(2025, 6, 10), present=24, in_favour=22)
    settle(runner)
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None and "chưa ghi bước" in dialog.banner.text()


def test_recognition_is_preselected_for_probationary(qtbot, runner) -> None:
    pid = person_named(runner, "Bùi Tuấn Bình").id
    dialog = opened(qtbot, runner, lambda: VoteDialog(runner, pipeline_of(runner, pid)))
    assert dialog.kind.currentData() == "recognition"


# -- mentors -------------------------------------------------------------------------------


def test_assign_mentor_shows_the_advice(qtbot, runner, screens) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: MentorDialog(runner, pipeline_of(runner, pid)))
    assert not dialog.save_button.isEnabled()  # no mentor chosen yet
    fill_mentor(dialog, "Lê Thị Cúc", D(2024, 9, 15), D(2024, 3, 1), "Cùng tổ chuyên môn")
    save(dialog, qtbot, runner)
    assert dialog.saved is not None and dialog.saved.warnings
    assert dialog.isVisible() and dialog.banner.level == "warning"
    assert "mới cùng công tác 6 tháng" in dialog.banner.text()
    screens(dialog, "dialog_mentor_warning")
    dialog.save_button.click()  # OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    mentors = run(runner, lambda reg: development.list_mentorships(reg, pid))
    assert [(m.mentor_name, m.start, m.note) for m in mentors] == [
        ("Lê Thị Cúc", "2024-09-15", "Cùng tổ chuyên môn")
    ]


def test_assign_mentor_without_advice_closes(qtbot, runner, screens) -> None:
    pid = new_candidate(runner)
    dialog = opened(qtbot, runner, lambda: MentorDialog(runner, pipeline_of(runner, pid)))
    fill_mentor(dialog, "Lê Thị Cúc", D(2024, 9, 15), D(2020, 1, 1))
    screens(dialog, "dialog_mentor")
    save(dialog, qtbot, runner)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.saved.warnings


def test_probationary_mentor_is_refused(qtbot, runner) -> None:
    pid = new_candidate(runner, pool=D(2023, 9, 1))
    dialog = opened(qtbot, runner, lambda: MentorDialog(runner, pipeline_of(runner, pid)))
    fill_mentor(dialog, "Nguyễn Thị Hằng", D(2023, 9, 5), D(2020, 1, 1))
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None
    assert "chưa là đảng viên chính thức" in dialog.banner.text()
    assert run(runner, lambda reg: development.list_mentorships(reg, pid)) == []


def test_end_mentorship(qtbot, runner, screens) -> None:
    pid = new_candidate(runner)
    cuc = person_named(runner, "Lê Thị Cúc")
    assigned = run(runner, lambda reg: development.assign_mentor(reg, pid, cuc.id, D(2024, 9, 15)))
    dialog = opened(
        qtbot, runner, lambda: EndMentorDialog(runner, pipeline_of(runner, pid), assigned.id)
    )
    assert dialog.assignment.currentText() == "Lê Thị Cúc (từ 15/09/2024)"
    replace_text(dialog.end, "01/03/2025")
    commit_text(dialog.reason, "Chuyển công tác")
    screens(dialog, "dialog_end_mentor")
    save(dialog, qtbot, runner)
    assert dialog.saved.end == "2025-03-01" and dialog.saved.end_reason == "Chuyển công tác"


def test_end_before_start_is_refused(qtbot, runner) -> None:
    pid = new_candidate(runner)
    cuc = person_named(runner, "Lê Thị Cúc")
    run(runner, lambda reg: development.assign_mentor(reg, pid, cuc.id, D(2024, 9, 15)))
    dialog = opened(qtbot, runner, lambda: EndMentorDialog(runner, pipeline_of(runner, pid)))
    replace_text(dialog.end, "01/09/2024")
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and "phải từ ngày phân công" in dialog.banner.text()
    assert all(m.active for m in run(runner, lambda reg: development.list_mentorships(reg, pid)))


def test_ask_returns_none_on_cancel(qtbot, runner, monkeypatch) -> None:
    pid = new_candidate(runner)
    pipeline = pipeline_of(runner, pid)
    for cls in (StepDialog, VoteDialog, MentorDialog):
        monkeypatch.setattr(cls, "exec", lambda self: QDialog.DialogCode.Rejected)
        assert cls.ask(runner, pipeline) is None
    settle(runner)
