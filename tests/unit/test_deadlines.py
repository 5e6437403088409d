"""Deadlines and the dossier from pure tracks: table-driven dates across Tết, swapped days,
month ends and leap years; working-day deadlines never fall on a day off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.admission import Recorded, Standing, Track
from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.deadlines import MentorLink, deadlines, person_deadlines
from desktop_app.domain.dossier import dossier
from desktop_app.domain.membership import PersonState
from desktop_app.domain.rules import RuleTable

D = dt.date
RULES = RuleTable.parse(
    (Path(__file__).resolve().parents[2] / "resources/rules/rules.toml").read_text("utf-8")
)
CALENDAR = WorkCalendar()
BIRTH = PartialDate.from_iso("1998-05-10")
VOTE = {"passed": True, "official_total": 9, "exempted_present": 0, "in_favour": 9}


def candidate(*steps: Recorded, state: PersonState | None = None) -> Track:
    return Track("p1", "Huỳnh Thị Mỹ Duyên", BIRTH, state or PersonState("candidate"), steps)


def probationary(ceremony: dt.date, *steps: Recorded) -> Track:
    state = PersonState("probationary", ceremony_date=ceremony)
    return Track("p1", "Huỳnh Thị Mỹ Duyên", BIRTH, state, steps)


TODAY = D(2026, 11, 22)


def due(track: Track, kind: str, on: dt.date = TODAY) -> dt.date:
    items = person_deadlines(track, [], RULES, CALENDAR, on)
    return next(i.due for i in items if i.kind == kind)


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        (D(2025, 12, 30), D(2026, 4, 1)),  # 01/01 and Tết 16–20/02/2026 skipped
        (D(2025, 4, 8), D(2025, 7, 3)),  # 30/04–02/05 off, Saturday 26/04/2025 worked
        (D(2024, 12, 31), D(2025, 4, 2)),  # Tết 27–31/01/2025 and 01/01 skipped
    ],
)
def test_decision_within_60_working_days(vote, expected):
    track = candidate(
        Recorded("application", D(2024, 1, 2)), Recorded("admission_vote", vote, VOTE)
    )
    assert due(track, "decision_due") == expected


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (D(2026, 1, 30), D(2026, 3, 20)),  # 30 working days across Tết 2026
        (D(2026, 8, 14), D(2026, 9, 29)),  # Saturday 22/08 worked, 31/08 and 01–02/09 off
        (D(2028, 2, 28), D(2028, 4, 11)),  # 29/02/2028 counts; Giỗ Tổ 04/04/2028 does not
    ],
)
def test_ceremony_within_30_working_days_of_receiving_the_decision(received, expected):
    decision = Recorded(
        "admission_decision", received - dt.timedelta(days=2), {"received": received}
    )
    track = candidate(decision)
    assert due(track, "ceremony_due") == expected
    assert CALENDAR.working_days_between(received, expected) == 30


@pytest.mark.parametrize(
    ("ceremony", "end"),
    [
        (D(2025, 7, 15), D(2026, 7, 15)),
        (D(2024, 2, 29), D(2025, 2, 28)),  # a leap day ceremony ends on the month's last day
        (D(2025, 8, 31), D(2026, 8, 31)),
    ],
)
def test_probation_ends_12_months_after_the_ceremony(ceremony, end):
    track = probationary(ceremony)
    assert due(track, "probation_ends", ceremony) == end
    vote_due = due(track, "recognition_vote_due", ceremony)
    assert CALENDAR.working_days_between(end, vote_due) == 30


def test_the_rule_in_force_on_the_basis_date_is_named():
    early = candidate(
        Recorded("application", D(2021, 1, 2)), Recorded("admission_vote", D(2022, 3, 1), VOTE)
    )
    late = candidate(
        Recorded("application", D(2025, 9, 2)), Recorded("admission_vote", D(2025, 10, 1), VOTE)
    )
    [a] = [
        i
        for i in person_deadlines(early, [], RULES, CALENDAR, D(2022, 3, 2))
        if i.kind == "decision_due"
    ]
    [b] = [
        i
        for i in person_deadlines(late, [], RULES, CALENDAR, D(2025, 10, 2))
        if i.kind == "decision_due"
    ]
    assert a.source.startswith("24-QĐ/TW") and b.source.startswith("294-QĐ/TW")


def test_certificate_and_papers_warn_before_the_vote_only():
    cert = Recorded("awareness_class", D(2022, 1, 10))
    application = Recorded("application", D(2026, 2, 2))
    before = candidate(cert, application)
    assert due(before, "certificate_expires") == D(2027, 1, 10)
    assert due(before, "paper_stale") == D(2027, 2, 2)
    [stale] = [
        i
        for i in person_deadlines(before, [], RULES, CALENDAR, D(2026, 3, 1))
        if i.kind == "paper_stale"
    ]
    assert stale.basis_label == "Ngày đơn xin vào Đảng"  # "Đảng" keeps its capital
    after = candidate(cert, application, Recorded("admission_vote", D(2026, 3, 2), VOTE))
    kinds = {i.kind for i in person_deadlines(after, [], RULES, CALENDAR, D(2026, 3, 3))}
    assert not kinds & {"certificate_expires", "paper_stale", "age_limit"}


def test_the_list_shows_overdue_first_then_90_days():
    tracks = [
        (probationary(D(2025, 10, 1)), []),  # probation ends 01/10/2026: overdue
        (probationary(D(2026, 1, 5)), []),  # ends 05/01/2027: within 90 days
        (probationary(D(2026, 6, 1)), []),  # ends 01/06/2027: beyond the horizon
    ]
    items = deadlines(tracks, RULES, CALENDAR, D(2026, 11, 22))
    ends = [i.due for i in items if i.kind == "probation_ends"]
    assert ends == [D(2026, 10, 1), D(2027, 1, 5)]
    flags = [i.overdue(D(2026, 11, 22)) for i in items]
    assert flags == sorted(flags, reverse=True)


def test_mentor_links():
    gone = Standing("m1", "Lê Văn Cường", official=True, exit="Đã chuyển đi")
    link = MentorLink("a1", "m1", "Lê Văn Cường", D(2025, 1, 6), gone, D(2026, 10, 5))
    items = person_deadlines(
        candidate(Recorded("pool_entry", D(2025, 1, 6))), [link], RULES, CALENDAR, D(2026, 11, 22)
    )
    [flag] = [i for i in items if i.kind == "needs_new_mentor"]
    assert flag.due == D(2026, 10, 5) and "Lê Văn Cường" in flag.message
    steady = Standing("m2", "Phạm Thị Dung", official=True)
    link = MentorLink("a2", "m2", "Phạm Thị Dung", D(2026, 6, 1), steady)
    comment = Recorded("mentor_comment", D(2026, 9, 15), {"mentor_id": "m2"})
    track = candidate(Recorded("pool_entry", D(2026, 6, 1)), comment)
    items = person_deadlines(track, [link], RULES, CALENDAR, D(2026, 11, 22))
    assert [i.due for i in items if i.kind == "mentor_comment_due"] == [D(2026, 12, 15)]


def test_dossier_in_procedure_order_with_validity():
    track = candidate(
        Recorded("awareness_class", D(2022, 1, 10), {"certificate_number": "12/CN"}),
        Recorded("application", D(2025, 9, 1)),
        Recorded("introduction", D(2025, 10, 1), {"introducer_name": "Nguyễn Văn An"}),
    )
    items = {i.kind + str(n): i for n, i in enumerate(dossier(track, RULES, D(2026, 11, 22)))}
    order = [i.kind for i in dossier(track, RULES, D(2026, 11, 22))]
    assert order[:4] == ["awareness_class", "application", "personal_history", "verification"]
    assert items["awareness_class0"].status == "expiring"  # valid to 10/01/2027
    assert items["application1"].status == "expired"  # not considered within 12 months
    assert items["personal_history2"].status == "missing"
    intro = [i for i in dossier(track, RULES, D(2026, 11, 22)) if i.kind == "introduction"]
    assert [i.status for i in intro] == ["expired", "missing"]
    assert intro[0].note == "Nguyễn Văn An"


@given(st.dates(D(2020, 1, 1), D(2030, 12, 31)))
def test_working_day_deadlines_never_fall_on_a_day_off(vote):
    track = candidate(Recorded("admission_vote", vote, VOTE))
    day = due(track, "decision_due", vote)
    assert CALENDAR.is_working_day(day) and day > vote
    assert day.weekday() < 5 or day in CALENDAR_WEEKEND_WORKDAYS


CALENDAR_WEEKEND_WORKDAYS = {D(2024, 5, 4), D(2025, 4, 26), D(2026, 8, 22)}
