"""Who is on a roll, the tallies, and the meeting warnings, from pure records: table-driven
cases for joining, transfers, exits, exemptions and temporary leave; months and quarters
without meetings; unexcused absences at 2 and 3 months."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.attendance import (
    STATUSES,
    Mark,
    MeetingFact,
    Presence,
    Tally,
    group_on,
    member_years,
    percent_text,
    periods,
    tally,
    tally_of,
)
from desktop_app.domain.meeting_warnings import meeting_warnings, window_start
from desktop_app.domain.membership import PersonState
from desktop_app.domain.rules import RuleFileError, RuleTable

D = dt.date
RULES = RuleTable.parse(
    (Path(__file__).resolve().parents[2] / "resources/rules/rules.toml").read_text("utf-8")
)
TODAY = D(2026, 11, 22)


def member(*moves, overlays=(), **state) -> Presence:
    base = {"membership": "official", "ceremony_date": D(2010, 3, 1), **state}
    return Presence("p1", "Lê Văn Tám", "k", PersonState(**base), tuple(moves), tuple(overlays))


@pytest.mark.parametrize(
    ("presence", "on", "group"),
    [
        (member(), D(2026, 3, 5), "member"),
        (member(), D(2009, 3, 5), None),  # before the ceremony
        (member(ceremony_date=D(2026, 3, 5)), D(2026, 3, 5), "member"),  # admitted that day
        (member(membership="candidate", ceremony_date=None), D(2026, 3, 5), None),
        (member(("transfer_in", D(2026, 4, 1))), D(2026, 3, 5), None),  # came later
        (member(("transfer_in", D(2026, 4, 1))), D(2026, 4, 2), "member"),
        (
            member(
                ("transfer_out", D(2026, 4, 1)), exit="transferred_out", exit_date=D(2026, 4, 1)
            ),
            D(2026, 3, 31),
            "member",
        ),
        (
            member(
                ("transfer_out", D(2026, 4, 1)), exit="transferred_out", exit_date=D(2026, 4, 1)
            ),
            D(2026, 4, 1),
            None,
        ),
        (member(exit="deceased", exit_date=D(2026, 2, 1)), D(2026, 3, 5), None),  # no event
        (
            member(("transfer_out", D(2025, 1, 1)), ("transfer_in", D(2026, 1, 1))),
            D(2025, 6, 1),
            None,  # away between leaving and coming back
        ),
        (member(overlays=[("exemption", D(2026, 1, 10))]), D(2026, 3, 5), "exempted"),
        (member(overlays=[("exemption", D(2026, 6, 10))]), D(2026, 3, 5), "member"),
        (member(exempted=True), D(2026, 3, 5), "exempted"),  # typed in without history
        (member(overlays=[("temporary_leave", D(2026, 2, 1))]), D(2026, 3, 5), None),
        (
            member(
                overlays=[("temporary_leave", D(2026, 2, 1)), ("temporary_return", D(2026, 3, 1))]
            ),
            D(2026, 3, 5),
            "member",
        ),
        (member(membership="probationary"), D(2026, 3, 5), "member"),
    ],
)
def test_who_is_on_the_roll(presence, on, group):
    assert group_on(presence, on) == group


def test_tally_counts_and_rate():
    t = Tally()
    for status in ("present", "present", "late", "excused", "absent"):
        t = t.add(status)
    assert (t.expected, t.attended, t.excused, t.absent) == (5, 3, 1, 1)
    assert t.rate == pytest.approx(0.6)
    assert percent_text(t.rate) == "60,0%"
    assert Tally().rate is None and percent_text(None) == "—"


@given(st.lists(st.sampled_from(sorted(STATUSES))))
def test_a_tally_in_one_pass_is_the_sum_of_its_lines(statuses):
    one_by_one = Tally()
    for status in statuses:
        one_by_one = one_by_one.add(status)
    assert tally_of(statuses) == one_by_one
    assert tally(("member", s) for s in statuses) == one_by_one
    assert tally([("exempted", "present"), ("member", None), *(("member", s) for s in statuses)]) \
        == one_by_one  # fmt: skip


def test_a_status_that_is_not_one_is_refused():
    with pytest.raises(KeyError, match="away"):
        tally_of(["present", "away"])
    with pytest.raises(KeyError):
        Tally().add("")


def regular(mid: str, on: dt.date, kind: str = "regular", held: bool = True) -> MeetingFact:
    return MeetingFact(mid, kind, on, held)


def test_member_year_counts_months_of_unexcused_absence_at_cell_meetings_only():
    meetings = [
        regular("m1", D(2026, 1, 5)),
        regular("m2", D(2026, 1, 20), "thematic"),
        regular("m3", D(2026, 2, 5)),
        regular("m4", D(2026, 3, 5), "study"),
        regular("m5", D(2026, 4, 5), "committee"),  # nobody is expected
        regular("m6", D(2026, 5, 5), held=False),  # planned only
        regular("m7", D(2025, 12, 5)),  # another year
    ]
    marks = {
        "m1": {"p1": Mark("absent")},
        "m2": {"p1": Mark("absent")},  # same month: still one month
        "m3": {"p1": Mark("excused", "Ốm")},
        "m4": {"p1": Mark("absent")},  # study: counted as absent, not toward removal
        "m7": {"p1": Mark("absent")},
    }
    [year] = member_years([member()], meetings, marks, 2026)
    assert year.all == Tally(4, 0, 0, 1, 3)
    assert year.study == Tally(1, 0, 0, 0, 1)
    assert year.unexcused_months == [1]


def test_members_never_expected_are_left_out():
    late_joiner = member(ceremony_date=D(2026, 12, 1))
    assert member_years([late_joiner], [regular("m1", D(2026, 1, 5))], {}, 2026) == []


def items_of(kind, items):
    return [i for i in items if i.kind == kind]


def test_months_without_a_regular_meeting_since_the_first_meeting():
    meetings = [regular("a", D(2026, 7, 10)), regular("b", D(2026, 9, 10))]
    items = meeting_warnings(meetings, [], RULES, TODAY, D(2026, 7, 10))
    missing = items_of("no_regular_meeting", items)
    assert [i.due for i in missing] == [D(2026, 8, 31), D(2026, 10, 31), D(2026, 11, 30)]
    assert missing[0].message == "Chưa có buổi sinh hoạt thường kỳ tháng 8/2026"
    assert missing[0].person_id == "" and missing[0].source == "Điều lệ Đảng Điều 24"
    assert missing[0].basis_label == "Tháng 8/2026"


def test_a_planned_meeting_is_named_but_still_missing():
    meetings = [regular("a", D(2026, 11, 27), held=False)]
    [item] = items_of("no_regular_meeting", meeting_warnings(meetings, [], RULES, TODAY, None))
    assert "dự kiến ngày 27/11/2026" in item.message


def test_quarters_without_a_thematic_meeting():
    meetings = [regular("a", D(2026, 2, 10)), regular("t", D(2026, 5, 10), "thematic")]
    items = items_of(
        "no_thematic_meeting", meeting_warnings(meetings, [], RULES, TODAY, D(2026, 2, 10))
    )
    assert [i.due for i in items] == [D(2026, 3, 31), D(2026, 9, 30), D(2026, 12, 31)]
    assert items[0].message == "Chưa có buổi sinh hoạt chuyên đề quý 1/2026"
    assert items[0].confidence == "likely"


@pytest.mark.parametrize(
    ("first", "start"),
    [
        (None, D(2026, 11, 1)),  # nothing recorded yet: only this month
        (D(2020, 5, 3), D(2025, 12, 1)),  # twelve months back, this month included
        (D(2026, 4, 15), D(2026, 4, 1)),
    ],
)
def test_the_window_for_missing_meetings(first, start):
    assert window_start(first, TODAY) == start


def absent_in(months: list[int]) -> tuple[list[MeetingFact], dict]:
    meetings = [regular(f"m{m}", D(2026, m, 5)) for m in range(1, 12)]
    marks = {f"m{m}": {"p1": Mark("absent")} for m in months}
    return meetings, marks


@pytest.mark.parametrize(
    ("months", "kind", "due"),
    [
        ([3], None, None),
        ([3, 5], "absence_warning", D(2026, 11, 30)),  # before the next meeting
        ([3, 5, 9], "absence_removal", D(2026, 9, 5)),  # from the day of the third month
        ([1, 3, 5, 9], "absence_removal", D(2026, 5, 5)),
    ],
)
def test_unexcused_absences_warn_at_two_months_and_alert_at_three(months, kind, due):
    meetings, marks = absent_in(months)
    years = member_years([member()], meetings, marks, 2026)
    items = [
        i for i in meeting_warnings(meetings, years, RULES, TODAY, D(2026, 1, 5)) if i.person_id
    ]
    if kind is None:
        assert items == []
        return
    [item] = items
    assert (item.kind, item.due) == (kind, due)
    assert f"tháng {', '.join(map(str, months))}/2026" in item.message
    expected_rule = "absence.removal_months" if kind == "absence_removal" else "absence.warn_months"
    assert item.rule == expected_rule
    assert item.source == RULES.get(expected_rule, TODAY).source


def test_absences_of_another_year_do_not_warn():
    meetings, marks = absent_in([3, 5, 9])
    years = member_years([member()], meetings, marks, 2026)
    items = meeting_warnings(meetings, years, RULES, D(2027, 2, 1), D(2026, 1, 5))
    assert not [i for i in items if i.person_id]


@given(st.dates(D(2000, 1, 1), D(2100, 12, 31)), st.integers(0, 800), st.sampled_from([1, 3, 6]))
def test_periods_cover_every_day_once(first, span, months):
    last = first + dt.timedelta(days=span)
    found = periods(first, last, months)
    assert found[0][0] <= first and found[-1][1] >= last
    for (_, end), (start, _) in itertools.pairwise(found):
        assert start == end + dt.timedelta(days=1)
    assert all(s.day == 1 and (s.month - 1) % months == 0 for s, _ in found)


def test_percent_rules_render_and_refuse_over_100():
    assert RULES.get("study.target_percent", TODAY).value_text() == "90%"
    text = """version = "t"
[[rule]]
id = "x"
title = "X"
value = 120
unit = "percent"
effective_from = 2021-01-01
source = "S"
confidence = "sure"
"""
    with pytest.raises(RuleFileError, match="từ 1 đến 100"):
        RuleTable.parse(text)
