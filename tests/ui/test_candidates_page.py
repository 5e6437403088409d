"""The Candidates page: the list (filter, search, keeps the selection), the pipeline of the
chosen person, and a candidate taken from the sympathisers' list to official membership
through the page's buttons and the real dialogs (their ask() fills them and saves)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import development, members
from desktop_app.services.development import CandidateRow, MentorshipView, StepView
from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
from desktop_app.ui.dialogs.mentor_dialog import EndMentorDialog, MentorDialog
from desktop_app.ui.dialogs.step_dialog import StepDialog
from desktop_app.ui.dialogs.vote_dialog import VoteDialog
from desktop_app.ui.models import candidates_model, pipeline_models
from desktop_app.ui.models.candidates_model import CandidatesFilter, CandidatesModel
from desktop_app.ui.models.pipeline_models import (
    DeadlinesModel,
    DossierModel,
    MentorsModel,
    NextStepsModel,
    StepsModel,
    step_details,
)
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.pages import candidates
from desktop_app.ui.pages.candidates import CandidatesPage
from desktop_app.ui.tasks import TaskRunner
from tests.ui.helpers import replace_text, run, settle
from tests.ui.test_development_dialogs import (
    NEW_NAME,
    Step,
    fill_candidate,
    fill_mentor,
    fill_step,
    fill_vote,
    new_candidate,
    person_named,
    pipeline_of,
    save,
)

D = dt.date
TODAY = D(2026, 11, 22)


@pytest.fixture
def runner(demo_runner, vietnamese) -> TaskRunner:
    return demo_runner


@pytest.fixture
def page(qtbot, runner) -> CandidatesPage:
    page = CandidatesPage(runner)
    qtbot.addWidget(page)
    page.resize(1010, 800)  # the page beside the sidebar of a 1280 x 800 window
    page.show()
    settle(runner)
    return page


def names(page: CandidatesPage) -> list[str]:
    proxy = page.roster.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def shown_steps(page: CandidatesPage) -> list[str]:
    model = page.view.steps_model
    return [model.row_at(r).kind for r in range(model.rowCount())]


# -- the list ------------------------------------------------------------------------------


def test_list_filter_and_search(page, runner) -> None:
    rows = run(runner, development.list_candidates)
    assert page.roster.model.rowCount() == len(rows) == 10
    assert page.roster.proxy.rowCount() == 10
    assert page.pipeline is not None  # the first row is chosen
    page.roster.set_group("probationary")
    assert set(names(page)) == {r.full_name for r in rows if r.status == "probationary"}
    page.roster.set_group("candidate")
    assert set(names(page)) == {r.full_name for r in rows if r.status == "candidate"}
    page.roster.set_group("all")
    replace_text(page.roster.search, "tuan binh")  # no accents needed
    assert names(page) == ["Bùi Tuấn Bình"]
    assert page.roster.count_label.text() == "Đang hiện 1 / 10 người"


def test_choose_a_person_and_keep_them_after_reloading(page, runner) -> None:
    person = person_named(runner, "Trần Diệu Diễm")
    assert page.select_person(person.id)
    settle(runner)
    assert page.pipeline.person.id == person.id
    assert page.view.name_label.text() == "Trần Diệu Diễm"
    page.reload()
    settle(runner)
    assert page.roster.current_id() == person.id and page.pipeline.person.id == person.id


def test_select_person_widens_the_filter(page, runner) -> None:
    person = person_named(runner, "Bùi Tuấn Bình")
    page.roster.set_group("candidate")
    replace_text(page.roster.search, "Diễm")
    assert page.select_person(person.id)
    settle(runner)
    assert page.roster.group.currentData() == "all" and not page.roster.search.text()
    assert page.view.status_label.text() == "Dự bị"


def test_select_person_not_in_the_list(page, runner) -> None:
    official = person_named(runner, "Lê Thị Cúc")
    assert not page.select_person(official.id)
    settle(runner)
    assert page.pipeline.person.id == official.id  # shown anyway, with no action but viewing
    assert not page.step_button.isEnabled() and page.members_button.isEnabled()


def test_open_in_members(page, runner, qtbot) -> None:
    person = person_named(runner, "Trần Diệu Diễm")
    page.select_person(person.id)
    settle(runner)
    with qtbot.waitSignal(page.open_person) as signal:
        page.members_button.click()
    assert signal.args == ["members", person.id]


def test_header_and_tabs(page, runner) -> None:
    person = person_named(runner, "Trần Diệu Diễm")
    page.select_person(person.id)
    settle(runner)
    pipeline = page.pipeline
    counted, _exempted = run(runner, lambda reg: development.electorate(reg, TODAY))
    assert page.view.electorate_label.text() == (
        f"{counted} đảng viên chính thức có quyền biểu quyết hôm nay"
    )
    assert page.view.stage_label.text() == f"Giai đoạn hiện tại: {pipeline.stage}"
    assert page.view.tabs.tabText(1) == f"Hồ sơ (thiếu {page.view.dossier_model.missing()})"
    assert page.view.next_model.rowCount() == len(pipeline.next_steps)
    deadline = page.view.deadlines_model.index(0, DeadlinesModel.WHAT)
    assert deadline.data(Qt.ItemDataRole.ToolTipRole) == pipeline.deadlines[0].why


def test_shortcuts_and_tooltips(page) -> None:
    assert page.step_button.text() == "Ghi bước…"
    assert page.vote_button.text() == "Ghi biểu quyết…"
    assert page.add_button.text() == "Thêm quần chúng…"
    assert page.undo_button.text() == "Rút lại bước cuối…"
    assert page.mentor_button.text() == "Phân công giúp đỡ…"
    assert page.end_mentor_button.text() == "Kết thúc phân công…"
    assert page.members_button.text() == "Xem trong danh sách đảng viên"
    for button in (page.step_button, page.vote_button, page.add_button, page.undo_button):
        assert "(Ctrl+" in button.toolTip()
    keys = {a.shortcut().toString() for a in page.actions()}
    assert {"Ctrl+G", "Ctrl+B", "Ctrl+Shift+N", "Ctrl+H", "Ctrl+F"} <= keys


# -- from the pool to official membership --------------------------------------------------


def drive_steps(monkeypatch, qtbot, runner: TaskRunner, *planned: Step) -> list[str]:
    """StepDialog.ask fills the real dialog with the next planned step and saves it; the
    register's refusal (if any) is returned in the list of banners."""
    queue, refusals = list(planned), []

    def ask(cls, runner_, pipeline, parent=None, kind=None):
        dialog = cls(runner_, pipeline, parent)
        dialog.show()
        settle(runner_)
        fill_step(dialog, queue.pop(0))
        save(dialog, qtbot, runner_)
        if dialog.saved is None:
            refusals.append(dialog.banner.text())
            dialog.reject()
        return dialog.saved

    monkeypatch.setattr(StepDialog, "ask", classmethod(ask))
    return refusals


def record(page: CandidatesPage, runner: TaskRunner, monkeypatch, qtbot, *planned: Step) -> None:
    refusals = drive_steps(monkeypatch, qtbot, runner, *planned)
    for step in planned:
        page.step_button.click()
        settle(runner)
        assert not refusals, refusals
        assert shown_steps(page)[-1] == step.kind  # the page reloaded the pipeline


def vote(page: CandidatesPage, runner, monkeypatch, qtbot, on: D, present: int, yes: int):
    def ask(cls, runner_, pipeline, parent=None):
        dialog = cls(runner_, pipeline, parent)
        dialog.show()
        settle(runner_)
        fill_vote(dialog, on, present, yes)
        settle(runner_)
        save(dialog, qtbot, runner_)
        assert dialog.saved is not None, dialog.banner.text()
        return dialog.saved

    monkeypatch.setattr(VoteDialog, "ask", classmethod(ask))
    page.vote_button.click()
    settle(runner)


def test_from_the_pool_to_official_member(page, runner, monkeypatch, qtbot, screens) -> None:
    # the sympathisers' list
    def add(cls, runner_, parent=None):
        dialog = cls(runner_, parent)
        dialog.show()
        fill_candidate(dialog, NEW_NAME, "12/05/2000", D(2024, 9, 10))
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.saved is not None)
        return dialog.saved

    monkeypatch.setattr(CandidateDialog, "ask", classmethod(add))
    page.add_button.click()
    settle(runner)
    assert page.view.name_label.text() == NEW_NAME and page.view.status_label.text() == "Quần chúng"
    assert NEW_NAME in names(page)
    assert page.roster.current_id() == page.pipeline.person.id
    assert shown_steps(page) == ["pool_entry"]

    # a mentor
    def assign(cls, runner_, pipeline, parent=None):
        dialog = cls(runner_, pipeline, parent)
        dialog.show()
        settle(runner_)
        fill_mentor(dialog, "Lê Thị Cúc", D(2024, 9, 15), D(2020, 1, 1))
        save(dialog, qtbot, runner_)
        return dialog.saved

    monkeypatch.setattr(MentorDialog, "ask", classmethod(assign))
    page.mentor_button.click()
    settle(runner)
    assert [m.mentor_name for m in page.view.mentors_model.active()] == ["Lê Thị Cúc"]
    assert page.end_mentor_button.isEnabled()

    # the papers and the introducers
    record(
        page,
        runner,
        monkeypatch,
        qtbot,
        Step("awareness_class", D(2024, 10, 20), certificate="123/CN", issuer="TTCT phường"),
        Step("application", D(2024, 11, 1)),
        Step("personal_history", D(2024, 11, 5)),
        Step("verification", D(2025, 1, 10), actor="Chi ủy"),
        Step("introduction", D(2025, 3, 1), introducer="Lê Thị Cúc", joint_since=D(2020, 1, 1)),
        Step(
            "introduction",
            D(2025, 3, 2),
            introducer="Phạm Văn Cường",
            joint_since=D(2021, 6, 1),
        ),
        Step("comments_summary", D(2025, 4, 1)),
    )
    intro = page.view.steps_model.row_at(5)
    assert step_details(intro) == "Người giới thiệu: Lê Thị Cúc; cùng công tác từ 01/01/2020"
    page.view.tabs.setCurrentIndex(0)
    screens(page, "candidates_page_candidate")
    page.view.tabs.setCurrentIndex(1)
    screens(page, "candidates_page_dossier")

    # the cell's vote, the decision, the ceremony
    counted, _ = run(runner, lambda reg: development.electorate(reg, D(2025, 6, 10)))
    vote(page, runner, monkeypatch, qtbot, D(2025, 6, 10), counted - 4, counted - 6)
    votes = page.view.steps_model.row_at(page.view.steps_model.rowCount() - 1)
    assert votes.kind == "admission_vote" and votes.details["passed"] is True
    needed = -(-counted * 2 // 3)
    assert step_details(votes) == (
        f"{counted - 6}/{counted} tán thành, có mặt {counted - 4}, cần {needed}: đạt"
    )
    record(
        page,
        runner,
        monkeypatch,
        qtbot,
        Step("admission_decision", D(2025, 7, 1), reference="12-QĐ/ĐU", received=D(2025, 7, 5)),
        Step("ceremony", D(2025, 7, 15)),
    )
    assert page.view.status_label.text() == "Dự bị"
    assert page.pipeline.person.ceremony_date == "2025-07-15"

    # probation
    record(
        page,
        runner,
        monkeypatch,
        qtbot,
        Step("new_member_class", D(2025, 9, 1), certificate="77/ĐVM"),
        Step("mentor_comment", D(2026, 1, 15), mentor="Lê Thị Cúc", text="Tích cực, gương mẫu."),
        Step("self_review", D(2026, 7, 16)),
        Step("mentor_assessment", D(2026, 7, 17), mentor="Lê Thị Cúc", text="Đủ tư cách."),
        Step("probation_comments", D(2026, 7, 20)),
    )
    row: CandidateRow = page.roster.model.row_at(page.roster.model.row_of(page.pipeline.person.id))
    assert row.status == "probationary" and row.last_comment == "2026-01-15"
    screens(page, "candidates_page_probationary")

    counted, _ = run(runner, lambda reg: development.electorate(reg, D(2026, 8, 10)))
    vote(page, runner, monkeypatch, qtbot, D(2026, 8, 10), counted - 2, counted - 3)
    record(
        page,
        runner,
        monkeypatch,
        qtbot,
        Step("recognition", D(2026, 8, 20), reference="30-QĐ/ĐU"),
    )
    person = person_named(runner, NEW_NAME)
    assert person.status == "official"
    assert person.official_date == "2026-07-15"  # 12 months after the ceremony
    assert page.view.status_label.text() == "Chính thức"
    assert NEW_NAME not in names(page)  # no longer in the pool
    assert not page.step_button.isEnabled() and page.members_button.isEnabled()
    screens(page, "candidates_page_recognised")


def test_refusal_changes_nothing(page, runner, monkeypatch, qtbot) -> None:
    pid = new_candidate(runner)
    page.select_person(pid)
    settle(runner)
    refusals = drive_steps(
        monkeypatch, qtbot, runner, Step("introduction", D(2025, 3, 1), introducer="Lê Thị Cúc")
    )  # no "worked together since"
    page.step_button.click()
    settle(runner)
    assert refusals and "cùng công tác" in refusals[0]
    assert shown_steps(page) == ["pool_entry"]


def test_end_mentorship_from_the_page(page, runner, monkeypatch, qtbot) -> None:
    pid = new_candidate(runner)
    cuc = person_named(runner, "Lê Thị Cúc")
    run(runner, lambda reg: development.assign_mentor(reg, pid, cuc.id, D(2024, 9, 15)))
    page.select_person(pid)
    settle(runner)
    page.view.mentors_table.selectRow(0)
    asked: list[str | None] = []

    def end(cls, runner_, pipeline, assignment_id=None, parent=None):
        asked.append(assignment_id)
        dialog = cls(runner_, pipeline, assignment_id, parent)
        dialog.show()
        replace_text(dialog.end, "01/03/2025")
        save(dialog, qtbot, runner_)
        return dialog.saved

    monkeypatch.setattr(EndMentorDialog, "ask", classmethod(end))
    page.end_mentor_button.click()
    settle(runner)
    assert asked == [page.view.mentors_model.row_at(0).id]
    mentor: MentorshipView = page.view.mentors_model.row_at(0)
    assert mentor.end == "2025-03-01" and not page.end_mentor_button.isEnabled()
    assert page.view.mentors_model.index(0, MentorsModel.END).data() == "01/03/2025"


def test_withdraw_last_step_asks_first(page, runner, monkeypatch) -> None:
    pid = new_candidate(runner)
    run(runner, lambda reg: development.record_step(reg, pid, "application", D(2024, 11, 1)))
    page.select_person(pid)
    settle(runner)
    asked: list[str] = []
    monkeypatch.setattr(candidates, "confirm", lambda parent, title, text: asked.append(text))
    page.undo_button.click()
    settle(runner)
    assert "Đơn xin vào Đảng" in asked[0] and "01/11/2024" in asked[0] and NEW_NAME in asked[0]
    assert shown_steps(page) == ["pool_entry", "application"]  # not confirmed: nothing changed
    monkeypatch.setattr(candidates, "confirm", lambda parent, title, text: True)
    page.undo_button.click()
    settle(runner)
    assert shown_steps(page) == ["pool_entry"]
    assert len(run(runner, lambda reg: members.list_events(reg, pid))) == 1


# -- the models ----------------------------------------------------------------------------


def test_models_pass_qtmodeltester(qtmodeltester, runner) -> None:
    pid = person_named(runner, "Trần Diệu Diễm").id
    pipeline = pipeline_of(runner, pid)
    model = CandidatesModel(today=TODAY)
    model.set_rows(run(runner, development.list_candidates), TODAY)
    qtmodeltester.check(model, force_py=True)
    proxy = CandidatesFilter()
    proxy.setSourceModel(model)
    proxy.set_group("candidate")
    qtmodeltester.check(proxy, force_py=True)
    for small, rows in (
        (StepsModel(), pipeline.steps),
        (NextStepsModel(), pipeline.next_steps),
        (DossierModel(), pipeline.dossier),
        (MentorsModel(), pipeline.mentors),
        (DeadlinesModel(today=TODAY), pipeline.deadlines),
    ):
        small.set_rows(rows)
        assert small.rowCount() == len(rows)
        qtmodeltester.check(small, force_py=True)


def test_candidates_model_texts(runner) -> None:
    rows = run(runner, development.list_candidates)
    model = CandidatesModel(today=TODAY)
    model.set_rows(rows, TODAY)
    late = next(r for r in rows if r.next_due and r.next_due < TODAY.isoformat())
    index = model.index(model.row_of(late.person_id), candidates_model.NEXT_DUE)
    assert index.data().startswith(late.next_due[8:] + "/" + late.next_due[5:7])
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue: red
    assert index.data(ObjectRole) is late


def test_dossier_status_colours(runner) -> None:
    pipeline = pipeline_of(runner, person_named(runner, "Trần Diệu Diễm").id)
    model = DossierModel()
    model.set_rows(pipeline.dossier)
    for row, item in enumerate(pipeline.dossier):
        index = model.index(row, DossierModel.STATUS)
        assert index.data() == item.status_label
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        assert background.name() == pipeline_models.STATUS_COLOURS[item.status][1]


def test_step_details_in_vietnamese(vietnamese) -> None:
    step = StepView(
        "x",
        "admission_vote",
        "Chi bộ xét, đề nghị kết nạp",
        "6-KNĐ",
        "2025-06-10",
        "",
        "",
        {"official_total": 30, "exempted_present": 2, "present": 28, "in_favour": 28,
         "needed": 22, "passed": True},
    )  # fmt: skip
    assert step_details(step) == "28/32 tán thành, có mặt 28, cần 22: đạt"


def test_screens(page, runner, screens) -> None:
    page.select_person(person_named(runner, "Phạm Mỹ Uyên").id)  # waiting for the decision
    settle(runner)
    screens(page, "candidates_page_demo_candidate")
    page.view.tabs.setCurrentIndex(3)
    screens(page, "candidates_page_deadlines")
    page.select_person(person_named(runner, "Bùi Tuấn Bình").id)
    settle(runner)
    page.view.tabs.setCurrentIndex(0)
    screens(page, "candidates_page_demo_probationary")
    page.view.tabs.setCurrentIndex(2)
    screens(page, "candidates_page_mentors")
    page.roster.review_button.click()
    assert not page.view.isVisibleTo(page)
    screens(page, "candidates_page_review")
