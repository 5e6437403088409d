"""Member development through the services: the whole pipeline, and every bad input refused
with a Vietnamese message that names the person, with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import DomainError, StateError
from desktop_app.services import development, members, tracks
from tests.services import pipeline
from tests.services.pipeline import TODAY, unchanged

D = dt.date


@pytest.fixture
def cell(register):
    return pipeline.small_cell(register)


def step(reg, pid, kind, on, **kw):
    return development.record_step(reg, pid, kind, on, today=TODAY, **kw)


# -- the whole way ------------------------------------------------------------------------


def test_pool_to_official_member(register, cell):
    pid = pipeline.to_official(register, cell)
    person = members.get_person(register, pid)
    assert person.status == "official"
    assert person.ceremony_date == "2025-06-02"
    # official as of the end of the 12 months, not the later vote or decision (Charter Art. 5)
    assert person.official_date == "2026-06-02"
    assert person.admission_decision_date == "2025-05-12"
    view = development.pipeline(register, pid, TODAY)
    kinds = [s.kind for s in view.steps]
    assert kinds[0] == "pool_entry" and kinds[-1] == "recognition"
    assert view.stage == "Công nhận đảng viên chính thức"
    assert all(d.status in ("in", "optional") for d in view.dossier if d.kind != "mentor_comment")
    assert view.deadlines == []
    vote = next(s for s in view.steps if s.kind == "admission_vote")
    assert vote.details["passed"] and vote.details["official_total"] == 4


def test_the_candidate_list_shows_stage_mentor_and_next_deadline(register, cell):
    pid = pipeline.to_vote(register, cell)
    [row] = [r for r in development.list_candidates(register, TODAY) if r.person_id == pid]
    assert row.stage == "Tổng hợp ý kiến nhận xét nơi làm việc, nơi cư trú"
    assert row.mentors == "Nguyễn Văn An"
    assert row.since == "2024-09-03"
    assert row.next_due is not None


# -- deadlines --------------------------------------------------------------------------


def test_todo_after_the_vote_counts_60_working_days_over_tet(register, cell):
    pid = pipeline.to_vote(register, cell)
    # 60 working days from 30/12/2025 skip 01/01 and Tết 2026 (16–20/02): 01/04/2026
    register_vote = development.record_vote
    with pytest.raises(StateError, match="quá 12 tháng"):
        register_vote(
            register, pid, "admission", D(2026, 1, 15), present=4, in_favour=4, today=TODAY
        )
    register_vote(register, pid, "admission", D(2025, 12, 30), present=4, in_favour=4, today=TODAY)
    items = [i for i in development.todo(register, D(2026, 3, 1)) if i.person_id == pid]
    decision = next(i for i in items if i.kind == "decision_due")
    assert decision.rule == "decision.working_days"
    assert decision.basis == D(2025, 12, 30)
    assert decision.due == D(2026, 4, 1)
    assert decision.source and "60" in decision.why


def test_todo_json_items_have_the_fields_scripts_read(register, cell):
    pipeline.to_probation(register, cell)
    items = development.todo(register, D(2026, 6, 1))
    assert items, "a probationary member near the end of probation has deadlines"
    for item in items:
        doc = item.to_json()
        assert {"person_id", "kind", "due", "rule", "source", "message"} <= set(doc)
        dt.date.fromisoformat(doc["due"])
    overdue = [i.overdue(D(2026, 6, 1)) for i in items]
    assert overdue == sorted(overdue, reverse=True), "overdue first"
    kinds = {i.kind for i in items}
    assert "probation_ends" in kinds and "recognition_vote_due" in kinds


def test_a_mentor_who_leaves_flags_the_candidate(register, cell):
    pid = pipeline.to_vote(register, cell)
    mentor = cell.officials[0]
    members.record_event(
        register,
        mentor,
        "transfer_out",
        D(2026, 10, 5),
        place="Chi bộ Trường THPT Số 2",
        today=TODAY,
    )
    items = [i for i in development.todo(register, TODAY) if i.person_id == pid]
    flag = next(i for i in items if i.kind == "needs_new_mentor")
    assert "Nguyễn Văn An" in flag.message and "chuyển" in flag.message.lower()
    assert flag.due == D(2026, 10, 5)


def test_exempted_mentor_flags_too(register, cell):
    pid = pipeline.to_vote(register, cell)
    members.record_event(register, cell.officials[0], "exemption", D(2026, 9, 1), today=TODAY)
    items = [i for i in development.todo(register, TODAY) if i.person_id == pid]
    assert any(i.kind == "needs_new_mentor" and "miễn" in i.message for i in items)


def test_the_page_and_the_today_list_date_a_mentor_change_alike(register, cell):
    """The person's page reads only their mentors' standings, the Today list every member's:
    both flag an exempted mentor from the day of the exemption, not the day after a return."""
    pid = pipeline.to_vote(register, cell)
    mentor = cell.officials[0]
    members.record_event(register, mentor, "exemption", D(2026, 3, 1), today=TODAY)
    members.record_event(register, mentor, "exemption_end", D(2026, 5, 1), today=TODAY)
    members.record_event(register, mentor, "exemption", D(2026, 9, 1), today=TODAY)
    listed = [i for i in development.todo(register, TODAY) if i.person_id == pid]
    paged = development.pipeline(register, pid, TODAY).deadlines
    flags = [[i for i in items if i.kind == "needs_new_mentor"] for items in (listed, paged)]
    assert flags[0] == flags[1] and [i.due for i in flags[0]] == [D(2026, 9, 1)]


def test_standings_read_for_a_few_people_are_the_same_as_for_everyone(register, cell):
    members.record_event(register, cell.officials[1], "exemption", D(2026, 2, 1), today=TODAY)
    members.record_event(register, cell.officials[2], "temporary_leave", D(2026, 4, 1), today=TODAY)
    days = (D(2026, 1, 15), D(2026, 3, 1), D(2026, 6, 1))
    everyone, few = tracks.Standings(), tracks.Standings.of(cell.officials[:2])
    for pid in cell.officials:  # the last ones are read when asked, their leave with them
        assert [few.on(pid, d) for d in days] == [everyone.on(pid, d) for d in days]
    assert sorted(tracks.Standings.of([]).officials()) == sorted(everyone.officials())
    assert few.last_began(cell.officials[2], ("temporary_leave",)) == D(2026, 4, 1)


def test_the_forms_leave_the_electorate_out_and_the_page_counts_it(register, cell):
    pid = pipeline.to_vote(register, cell)
    assert development.pipeline(register, pid, TODAY).vote_electorate == 4
    assert development.pipeline(register, pid, TODAY, with_electorate=False).vote_electorate is None


# -- votes ------------------------------------------------------------------------------


def test_the_electorate_is_computed_from_the_register(register, cell):
    assert development.electorate(register, D(2026, 1, 1)) == (4, 0)
    members.record_event(register, cell.officials[3], "exemption", D(2026, 2, 1), today=TODAY)
    assert development.electorate(register, D(2026, 3, 1)) == (3, 1)
    assert development.electorate(register, D(2026, 1, 15)) == (4, 0)  # before the exemption
    assert development.electorate(register, D(2001, 1, 1)) == (0, 0)  # nobody official yet


def test_a_failed_vote_is_recorded_as_failed_and_a_pass_cannot_be_claimed(register, cell):
    pid = pipeline.to_vote(register, cell)
    with unchanged(), pytest.raises(StateError, match="không thể ghi nghị quyết"):
        development.record_vote(
            register,
            pid,
            "admission",
            D(2025, 4, 8),
            present=4,
            in_favour=2,
            claim_passed=True,
            today=TODAY,
        )
    _event, result = development.record_vote(
        register, pid, "admission", D(2025, 4, 8), present=4, in_favour=2, today=TODAY
    )
    assert not result.passed and result.needed == 3
    with pytest.raises(StateError, match="chưa biểu quyết thông qua"):
        step(register, pid, "admission_decision", D(2025, 5, 1))


@pytest.mark.parametrize(
    ("present", "favour", "message"),
    [
        (5, 4, "Số có mặt \\(5\\) nhiều hơn số đảng viên chính thức"),
        (3, 4, "Số tán thành \\(4\\) nhiều hơn số có mặt \\(3\\)"),
        (-1, 0, "không được âm"),
    ],
)
def test_impossible_vote_figures_are_refused(register, cell, present, favour, message):
    pid = pipeline.to_vote(register, cell)
    with unchanged(), pytest.raises(StateError, match=message) as caught:
        development.record_vote(
            register,
            pid,
            "admission",
            D(2025, 4, 8),
            present=present,
            in_favour=favour,
            today=TODAY,
        )
    assert "Huỳnh Thị Mỹ Duyên" in str(caught.value)


def test_a_cell_with_fewer_than_three_official_members_cannot_vote(register):
    a = pipeline.official(register, "Nguyễn Văn An")
    b = pipeline.official(register, "Trần Thị Bình", "female")
    small = pipeline.Cell([a, b, a])
    with pytest.raises(StateError, match="cần ít nhất 3"):
        pid = pipeline.to_vote(register, small)
        development.record_vote(
            register, pid, "admission", D(2025, 4, 8), present=2, in_favour=2, today=TODAY
        )


# -- bad input ----------------------------------------------------------------------------


def test_ceremony_before_the_decision_is_refused(register, cell):
    pid = pipeline.to_vote(register, cell)
    development.record_vote(
        register, pid, "admission", D(2025, 4, 8), present=4, in_favour=4, today=TODAY
    )
    step(register, pid, "admission_decision", D(2025, 5, 12), details={"received": D(2025, 5, 14)})
    with unchanged(), pytest.raises(StateError, match="trước ngày nhận quyết định"):
        step(register, pid, "ceremony", D(2025, 5, 13))
    with unchanged(), pytest.raises(StateError, match="trước ngày «Quyết định kết nạp»"):
        step(register, pid, "ceremony", D(2025, 5, 1))
    assert members.get_person(register, pid).status == "candidate"


def test_a_decision_before_the_cell_resolution_is_refused(register, cell):
    pid = pipeline.to_vote(register, cell)
    development.record_vote(
        register, pid, "admission", D(2025, 4, 8), present=4, in_favour=4, today=TODAY
    )
    with unchanged(), pytest.raises(StateError, match="trước nghị quyết của chi bộ"):
        step(register, pid, "admission_decision", D(2025, 4, 1))


@pytest.mark.parametrize(
    ("birth", "message"),
    [("10/05/2007", "chưa đủ 18 tuổi"), ("1964", "đã quá 60 tuổi"), ("05/03/1965", "quá 60")],
)
def test_age_at_the_vote(register, cell, birth, message):
    pid = pipeline.to_vote(register, cell)
    members.update_person(register, pid, {"birth_date": birth}, today=TODAY)
    with unchanged(), pytest.raises(StateError, match=message) as caught:
        development.record_vote(
            register, pid, "admission", D(2025, 4, 8), present=4, in_favour=4, today=TODAY
        )
    assert "232-QĐ/TW" in str(caught.value)  # the text in force on the vote day (04/2025)


def test_exactly_60_years_and_0_months_is_still_allowed(register, cell):
    pid = pipeline.to_vote(register, cell)
    members.update_person(register, pid, {"birth_date": "20/03/1965"}, today=TODAY)
    _e, result = development.record_vote(
        register, pid, "admission", D(2025, 4, 8), present=4, in_favour=4, today=TODAY
    )
    assert result.passed


def test_exactly_18_on_the_vote_day_is_allowed(register, cell):
    pid = pipeline.to_vote(register, cell)
    members.update_person(register, pid, {"birth_date": "08/04/2007"}, today=TODAY)
    _e, result = development.record_vote(
        register, pid, "admission", D(2025, 4, 8), present=4, in_favour=4, today=TODAY
    )
    assert result.passed


def test_an_expired_certificate_blocks_the_vote(register, cell):
    a, b = cell.officials[:2]
    pid = development.add_candidate(
        register, pipeline.CANDIDATE, pool_date=D(2020, 3, 2), today=TODAY
    ).id
    step(register, pid, "awareness_class", D(2020, 6, 1))  # valid to 01/06/2025
    for kind, day in (("application", 2), ("personal_history", 3), ("verification", 4)):
        step(register, pid, kind, D(2025, 5, day))
    for who in (a, b):
        step(
            register,
            pid,
            "introduction",
            D(2025, 5, 5),
            details={"introducer_id": who, "joint_since": D(2020, 1, 1)},
        )
    step(register, pid, "comments_summary", D(2025, 5, 20))
    with unchanged(), pytest.raises(StateError, match="hết hạn ngày 01/06/2025"):
        development.record_vote(
            register, pid, "admission", D(2025, 6, 3), present=4, in_favour=4, today=TODAY
        )
    _e, result = development.record_vote(
        register, pid, "admission", D(2025, 5, 29), present=4, in_favour=4, today=TODAY
    )
    assert result.passed


def test_expired_certificate_message_from_the_rules(register, cell):
    pid = pipeline.to_vote(register, cell)
    from desktop_app.domain import admission
    from desktop_app.services.rules import rule_table

    track = admission.Track(
        pid,
        "X",
        None,
        members_state(register, pid),
        (admission.Recorded("awareness_class", D(2019, 1, 2)),),
    )
    assert admission.certificate_expiry(track, rule_table()) == D(2024, 1, 2)


def members_state(reg, pid):
    from desktop_app.services import tracks
    from desktop_app.store import people

    return tracks.state_of(people.by_id(pid))


def test_an_introducer_must_be_official_and_have_worked_12_months(register, cell):
    probationary = pipeline.official(register, "Đoàn Văn Em")
    members.update_person(
        register,
        probationary,
        {"membership": "probationary", "official_date": "", "ceremony_date": "01/02/2025"},
        today=TODAY,
    )
    person = development.add_candidate(
        register, pipeline.CANDIDATE, pool_date=D(2024, 9, 3), today=TODAY
    )
    pid = person.id
    with unchanged(), pytest.raises(StateError, match="chưa là đảng viên chính thức"):
        step(
            register,
            pid,
            "introduction",
            D(2025, 3, 10),
            details={"introducer_id": probationary, "joint_since": D(2020, 1, 1)},
        )
    with unchanged(), pytest.raises(StateError, match=r"mới cùng công tác .* 8 tháng"):
        step(
            register,
            pid,
            "introduction",
            D(2025, 3, 10),
            details={"introducer_id": cell.officials[0], "joint_since": D(2024, 7, 1)},
        )
    with unchanged(), pytest.raises(StateError, match="chưa ghi từ ngày nào"):
        step(
            register,
            pid,
            "introduction",
            D(2025, 3, 10),
            details={"introducer_id": cell.officials[0]},
        )
    # a replacement introducer (the first one left) needs no 12 months (R5)
    step(
        register,
        pid,
        "introduction",
        D(2025, 3, 10),
        details={"introducer_id": cell.officials[0], "replacement": True},
    )


def test_a_step_recorded_twice_is_refused(register, cell):
    pid = pipeline.to_vote(register, cell)
    with unchanged(), pytest.raises(StateError, match="đã ghi ngày 06/01/2025"):
        step(register, pid, "application", D(2025, 2, 1))
    with unchanged(), pytest.raises(StateError, match="đã giới thiệu"):
        step(
            register,
            pid,
            "introduction",
            D(2025, 3, 11),
            details={"introducer_id": cell.officials[0], "joint_since": D(2022, 1, 1)},
        )


def test_steps_out_of_order_are_refused(register):
    person = development.add_candidate(
        register, pipeline.CANDIDATE, pool_date=D(2024, 9, 3), today=TODAY
    )
    with unchanged(), pytest.raises(StateError, match="chưa ghi bước «Đơn xin vào Đảng»"):
        step(register, person.id, "personal_history", D(2025, 1, 10))
    step(register, person.id, "application", D(2025, 1, 6))
    with unchanged(), pytest.raises(StateError, match="trước ngày «Đơn xin vào Đảng»"):
        step(register, person.id, "personal_history", D(2025, 1, 5))


def test_a_mentor_comment_needs_its_text(register, cell):
    pid = pipeline.to_vote(register, cell)
    with unchanged(), pytest.raises(StateError, match="cần ghi nội dung nhận xét"):
        step(
            register, pid, "mentor_comment", D(2025, 6, 2), details={"mentor_id": cell.officials[0]}
        )


def test_a_candidate_with_only_a_pool_entry_cannot_pass_a_vote(register, cell):
    person = development.add_candidate(
        register, pipeline.CANDIDATE, pool_date=D(2024, 9, 3), today=TODAY
    )
    with unchanged(), pytest.raises(StateError, match="chưa ghi bước"):
        development.record_vote(
            register, person.id, "admission", D(2025, 4, 8), present=4, in_favour=4, today=TODAY
        )


def test_unknown_details_and_future_dates_are_refused(register, cell):
    pid = pipeline.to_vote(register, cell)
    with unchanged(), pytest.raises(StateError, match="không có thông tin colour"):
        step(register, pid, "upper_review", D(2025, 5, 1), details={"colour": "red"})
    with unchanged(), pytest.raises(StateError, match="trong tương lai"):
        step(
            register,
            pid,
            "mentor_comment",
            D(2027, 1, 1),
            reason="Tốt",
            details={"mentor_id": cell.officials[0]},
        )
    with pytest.raises(StateError, match="ghi bằng lệnh biểu quyết"):
        step(register, pid, "admission_vote", D(2025, 5, 1))


def test_recognition_needs_the_probation_papers_and_the_12_months(register, cell):
    pid = pipeline.to_probation(register, cell)
    with unchanged(), pytest.raises(StateError, match="chưa ghi bước «Bản tự kiểm điểm"):
        development.record_vote(
            register, pid, "recognition", D(2026, 6, 16), present=4, in_favour=4, today=TODAY
        )
    for kind, day in (("self_review", 3), ("mentor_assessment", 4), ("probation_comments", 5)):
        step(register, pid, kind, D(2026, 5, day))
    with unchanged(), pytest.raises(StateError, match="chưa hết thời gian dự bị"):
        development.record_vote(
            register, pid, "recognition", D(2026, 5, 20), present=4, in_favour=4, today=TODAY
        )


def test_three_failed_recognition_votes_go_upward(register, cell):
    pid = pipeline.to_probation(register, cell)
    for kind, day in (("self_review", 3), ("mentor_assessment", 4), ("probation_comments", 5)):
        step(register, pid, kind, D(2026, 6, day))
    with pytest.raises(StateError, match="Chỉ báo cáo cấp trên sau 3 lần"):
        step(register, pid, "referred_upward", D(2026, 6, 20))
    for day in (10, 17, 24):
        development.record_vote(
            register, pid, "recognition", D(2026, 6, day), present=4, in_favour=1, today=TODAY
        )
    with unchanged(), pytest.raises(StateError, match="3 lần biểu quyết không đủ 2/3"):
        development.record_vote(
            register, pid, "recognition", D(2026, 7, 1), present=4, in_favour=4, today=TODAY
        )
    assert any(i.kind == "referral_due" for i in development.todo(register, TODAY))
    step(register, pid, "referred_upward", D(2026, 7, 2))
    step(register, pid, "probation_removal", D(2026, 8, 3), reason="Cấp trên quyết định")
    assert members.get_person(register, pid).status == "removed"


def test_not_admitted_needs_a_reason_and_a_new_candidacy_starts_clean(register, cell):
    pid = pipeline.to_vote(register, cell)
    with pytest.raises(StateError, match="cần ghi lý do"):
        step(register, pid, "not_admitted", D(2025, 5, 1))
    step(register, pid, "not_admitted", D(2025, 5, 1), reason="Chuyển nơi ở")
    assert members.get_person(register, pid).status == "left_pool"
    assert all(i.person_id != pid for i in development.todo(register, TODAY))
    step(register, pid, "pool_entry", D(2026, 3, 2))
    view = development.pipeline(register, pid, TODAY)
    assert [s.kind for s in view.steps] == ["pool_entry"]
    step(register, pid, "application", D(2026, 3, 5))  # the earlier one belonged to the old file


# -- mentors ------------------------------------------------------------------------------


def test_mentor_eligibility(register, cell):
    person = development.add_candidate(
        register, pipeline.CANDIDATE, pool_date=D(2024, 9, 3), today=TODAY
    )
    members.record_event(register, cell.officials[1], "exemption", D(2024, 1, 1), today=TODAY)
    with unchanged(), pytest.raises(StateError, match="miễn công tác"):
        development.assign_mentor(
            register, person.id, cell.officials[1], D(2024, 9, 3), today=TODAY
        )
    with unchanged(), pytest.raises(StateError, match="không tự giúp đỡ"):
        development.assign_mentor(register, person.id, person.id, D(2024, 9, 3), today=TODAY)
    view = development.assign_mentor(
        register,
        person.id,
        cell.officials[0],
        D(2024, 9, 3),
        joint_since=D(2024, 3, 1),
        today=TODAY,
    )
    assert view.warnings and "6 tháng" in view.warnings[0]
    with unchanged(), pytest.raises(StateError, match="đang được phân công"):
        development.assign_mentor(
            register, person.id, cell.officials[0], D(2024, 10, 3), today=TODAY
        )
    with unchanged(), pytest.raises(StateError, match="phải từ ngày phân công"):
        development.end_mentorship(register, view.id, D(2024, 1, 1), "x", today=TODAY)
    ended = development.end_mentorship(
        register, view.id, D(2025, 1, 1), "Chuyển công tác", today=TODAY
    )
    assert not ended.active and ended.end == "2025-01-01"
    with pytest.raises(StateError, match="đã kết thúc"):
        development.end_mentorship(register, view.id, D(2025, 2, 1), "x", today=TODAY)


def test_errors_are_domain_errors_in_vietnamese(register, cell):
    pid = pipeline.to_vote(register, cell)
    with pytest.raises(DomainError) as caught:
        step(register, pid, "no_such_step", D(2025, 1, 1))
    assert "Không có bước" in str(caught.value)
