"""The report computations over plain rows: who was a member on which day, what changed
membership in a period (and that every period balances), new members by category, attendance
and ratings; the rating levels and the checks on a rating and a quota."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import reports as r
from desktop_app.domain.attendance import Tally
from desktop_app.domain.reports import EventRow, MeetingRow, Period, PersonRow, RatingRow, Rows

D = dt.date
TODAY = D(2026, 11, 22)
YEAR_2025 = Period(D(2025, 1, 1), D(2025, 12, 31))
SOURCE = "Quy định 366-QĐ/TW ngày 30/8/2025"
BANDS = {
    "excellent": r.Band(90, SOURCE),
    "good": r.Band(70, SOURCE),
    "complete": r.Band(50, SOURCE),
}


def person(pid: str, **fields) -> PersonRow:
    values = {
        "full_name": f"Người {pid}", "sort_key": pid, "sex": "male", "birth_date": "1980-01-01",
        "ethnicity": "Kinh", "religion": "Không", "education": "12/12", "profession": "",
        "political_theory": "", "occupation": "", "membership": "official",
        "ceremony_date": D(2000, 1, 1), "official_date": D(2001, 1, 1),
    }  # fmt: skip
    return PersonRow(id=pid, **(values | fields))


def ev(pid: str, kind: str, on: dt.date, union: str = "") -> EventRow:
    return EventRow(pid, kind, on, union)


# -- rating levels and checks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("good", "good"),
        ("Hoàn thành tốt nhiệm vụ", "good"),
        ("hoan thanh tot nhiem vu", "good"),
        ("HTXSNV", "excellent"),
        ("htnv", "complete"),
        ("Không hoàn thành nhiệm vụ", "incomplete"),
        ("xuất sắc", "excellent"),
        ("  Tốt ", "good"),
        ("hoàn thành", "complete"),
        ("khá", None),
        ("", None),
    ],
)
def test_level_of(typed, code):
    found = r.level_of(typed)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("year", "level", "points", "problems"),
    [
        (2025, "good", None, []),
        (2025, "good", "95", []),  # a lower level than the score reaches is allowed
        (2025, "excellent", "90", []),
        (2025, "excellent", "89,5", ["points"]),  # below the band of the level
        (2025, "complete", "49.9", ["points"]),
        (2025, "incomplete", "0", []),
        (2025, "good", "100.5", ["points"]),
        (2025, "good", "-1", ["points"]),
        (2025, "good", "80.25", ["points"]),  # one decimal at most
        (2025, "good", "tám mươi", ["points"]),
        (2027, "good", None, ["year"]),  # after this year
        (1929, "good", None, ["year"]),
        ("năm ngoái", "good", None, ["year"]),
        (2025, "khá", "75", ["level"]),
    ],
)
def test_check_rating(year, level, points, problems):
    values, found = r.check_rating(year, level, points, "", TODAY, BANDS)
    assert [p.field for p in found] == problems
    if not problems:
        assert values["level"] == r.level_of(level).code
        assert values["points"] == (None if points is None else float(points.replace(",", ".")))


def test_rating_messages_are_vietnamese_and_name_the_field():
    _, [problem] = r.check_rating(2025, "excellent", "85", "", TODAY, BANDS)
    assert str(problem) == (
        f"Điểm: 85 điểm chưa đủ mức «Hoàn thành xuất sắc nhiệm vụ» (từ 90 điểm, {SOURCE})"
    )
    _, [problem] = r.check_rating(2025, "good", None, "x" * 1001, TODAY, BANDS)
    assert problem.label == "Ghi chú" and "quá dài" in problem.message


@pytest.mark.parametrize(
    ("year", "quota", "fields"),
    [
        (2026, 3, []),
        (2027, "5", []),  # next year's quota may come early
        (2028, 3, ["year"]),
        (2026, -1, ["quota"]),
        (2026, "ba", ["quota"]),
        (2026, 10_001, ["quota"]),
    ],
)
def test_check_quota(year, quota, fields):
    _, problems = r.check_quota(year, quota, "", "", TODAY)
    assert [p.field for p in problems] == fields


# -- categories -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("12/12", "Trung học phổ thông"),
        ("10/12", "Trung học phổ thông"),
        ("9/12", "Trung học cơ sở"),
        ("6/12", "Trung học cơ sở"),
        ("5/12", "Tiểu học"),
        ("10/10", "Trung học phổ thông"),  # the northern 10-year school
        ("7/10", "Trung học cơ sở"),
        ("4/10", "Tiểu học"),
        ("Tốt nghiệp THPT", "Trung học phổ thông"),
        ("trung học cơ sở", "Trung học cơ sở"),
        ("13/12", "Khác (ghi không rõ)"),
        ("giỏi", "Khác (ghi không rõ)"),
        ("", r.UNKNOWN),
    ],
)
def test_education_level(text, level):
    assert r.education_level(text) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Cử nhân Sư phạm Toán", "Đại học"),
        ("Kỹ sư Điện", "Đại học"),
        ("Bác sĩ Chuyên khoa I Nội", "Đại học"),
        ("Thạc sĩ Quản lý công", "Thạc sĩ"),
        ("tiến sĩ Hóa học", "Tiến sĩ"),
        ("Cao đẳng Văn thư lưu trữ", "Cao đẳng"),
        ("Trung cấp Y", "Trung cấp"),
        ("", "Chưa qua đào tạo hoặc chưa ghi"),
        ("Thợ mộc", "Khác (ghi không rõ)"),
    ],
)
def test_profession_level(text, level):
    assert r.profession_level(text) == level


@pytest.mark.parametrize(
    ("birth", "on", "band"),
    [
        ("1995-05-10", D(2025, 5, 10), "Từ 18 đến 30 tuổi"),  # 30 on the day
        ("1995-05-10", D(2026, 5, 10), "Từ 31 đến 40 tuổi"),  # 31 on the day
        ("1995-05-10", D(2026, 5, 9), "Từ 18 đến 30 tuổi"),
        ("1975", D(2025, 3, 10), "Từ 41 đến 50 tuổi"),  # 49 or 50: one band either way
        ("1995", D(2025, 6, 1), "Từ 18 đến 30 tuổi"),  # 29 or 30: the same band
        ("1994", D(2025, 6, 1), r.UNKNOWN),  # 30 or 31: two bands, not known
        ("1960-02", D(2025, 12, 31), "Trên 60 tuổi"),
        (None, D(2025, 1, 1), r.UNKNOWN),
    ],
)
def test_age_bands(birth, on, band):
    assert r.band_of(r.ages(birth, on)) == band


def test_composition_counts_each_category():
    rows = [
        person("a", sex="female", ethnicity="Tày", religion="Công giáo", birth_date="1999-05-10"),
        person("b", ethnicity="", religion="", birth_date="1975", education="9/12"),
        person("c", sex="female", occupation="giáo viên", birth_date="1990-06-15"),
        person("d", sex="female", occupation="Giáo viên ", birth_date="1996-01-01"),
    ]
    events = [ev("a", "union_introduction", D(2024, 3, 1), "youth"),
              ev("c", "union_introduction", D(2024, 3, 1), "trade")]  # fmt: skip
    lives = r.histories(rows, events)
    on = {p.id: D(2025, 1, 1) for p in rows}
    c = r.composition(lives, on)
    assert (c.total, c.women, c.minorities, c.ethnicity_unknown) == (4, 3, 1, 1)
    assert (c.believers, c.religion_unknown, c.youth_union) == (1, 1, 1)
    assert c.age_bands["Từ 18 đến 30 tuổi"] == 2  # a (25), d (29: a birthday on the day)
    assert c.age_bands["Từ 31 đến 40 tuổi"] == 1  # c (34)
    assert c.age_bands["Từ 41 đến 50 tuổi"] == 1  # b (49 or 50)
    assert c.average_age == round((25 + 34 + 29) / 3, 1)  # b's age is not known to the year
    assert c.education["Trung học phổ thông"] == 3 and c.education["Trung học cơ sở"] == 1
    assert c.occupation == {"giáo viên": 2, r.UNKNOWN: 2}  # grouped however it was typed
    assert c.ethnicities == {"Kinh": 2, r.UNKNOWN: 1, "Tày": 1}


# -- membership over time ------------------------------------------------------------------


def test_admitted_on_the_first_day_counts_in_the_period_and_not_at_its_start():
    em = person("em", membership="probationary", admission_decision_date=D(2025, 1, 1),
                ceremony_date=D(2025, 1, 15), official_date=None)  # fmt: skip
    giang = person("giang", membership="probationary", admission_decision_date=D(2024, 12, 31),
                   ceremony_date=D(2025, 1, 10), official_date=None)  # fmt: skip
    rows = Rows([em, giang])
    moves = r.movements(rows, YEAR_2025)
    assert (moves.at_start, moves.at_end, moves.count("admission")) == (1, 2, 1)
    assert [m.full_name for m in r.admissions(rows, YEAR_2025).people] == ["Người em"]
    assert r.admissions(rows, Period(D(2024, 1, 1), D(2024, 12, 31))).total == 1  # Giang


def test_a_transfer_out_and_back_is_one_decrease_and_one_increase():
    binh = person("binh")
    events = [ev("binh", "transfer_out", D(2025, 3, 15)), ev("binh", "transfer_in", D(2025, 9, 20))]
    life = r.history(binh, events)
    assert life.member_on(D(2025, 3, 14))
    assert not life.member_on(D(2025, 3, 15))  # gone on the day of the transfer
    assert not life.member_on(D(2025, 9, 19))
    assert life.member_on(D(2025, 9, 20))
    moves = r.movements(Rows([binh], events), YEAR_2025)
    assert (moves.at_start, moves.increase, moves.decrease, moves.at_end) == (1, 1, 1, 1)
    assert r.admissions(Rows([binh], events), Period(D(2000, 1, 1), D(2000, 12, 31))).total == 1


def test_a_death_and_an_exit_typed_without_its_event():
    cuong = person("cuong", exit="deceased", exit_date=D(2025, 6, 5))
    khoa = person("khoa", exit="removed", exit_date=D(2025, 10, 10))  # no event recorded
    events = [ev("cuong", "death", D(2025, 6, 5))]
    moves = r.movements(Rows([cuong, khoa], events), YEAR_2025)
    assert (moves.count("death"), moves.count("removal"), moves.at_end) == (1, 1, 0)
    assert moves.balanced


def test_a_member_who_came_by_transfer_was_not_admitted_here():
    hai = person("hai", admission_decision_date=D(2025, 2, 1), ceremony_date=D(2025, 2, 10),
                 official_date=None, membership="probationary")  # fmt: skip
    events = [ev("hai", "transfer_in", D(2025, 7, 1))]
    rows = Rows([hai], events)
    assert r.admissions(rows, YEAR_2025).total == 0
    moves = r.movements(rows, YEAR_2025)
    assert (moves.count("transfer_in"), moves.at_start, moves.at_end) == (1, 0, 1)
    assert not r.history(hai, events).member_on(D(2025, 6, 30))


def test_a_transfer_in_recorded_for_someone_already_in_the_cell_changes_nothing():
    an = person("an")
    events = [ev("an", "transfer_in", D(2025, 5, 1)), ev("an", "ceremony", D(2000, 1, 1))]
    moves = r.movements(Rows([an], events), YEAR_2025)
    assert moves.moves == [] and moves.at_start == moves.at_end == 1


def test_undated_members_candidates_and_the_pool():
    old = person("old", ceremony_date=None, official_date=None)  # typed without dates
    pool = person("pool", membership="candidate", ceremony_date=None, official_date=None)
    dead = person("dead", membership="candidate", ceremony_date=None, official_date=None,
                  exit="deceased", exit_date=D(2025, 2, 1))  # fmt: skip
    rows = Rows([old, pool, dead])
    moves = r.movements(rows, YEAR_2025)
    assert (moves.at_start, moves.at_end, moves.moves) == (1, 1, [])
    assert r.admissions(rows, Period(D(1930, 1, 1), TODAY)).total == 0
    assert any("không có ngày vào Đảng" in line for line in r.limits(r.histories([old], [])))


def test_a_decision_awaiting_its_ceremony_counts_and_is_listed_on_probation():
    duy = person("duy", membership="candidate", admission_decision_date=D(2025, 12, 20),
                 ceremony_date=None, official_date=None)  # fmt: skip
    rows = Rows([duy], today=TODAY)
    moves = r.movements(rows, YEAR_2025)
    assert (moves.count("admission"), moves.awaiting_ceremony) == (1, 1)
    listed = r.probation(rows, YEAR_2025)
    assert [p.person_id for p in listed.people] == ["duy"]
    assert listed.people[0].state(TODAY).startswith("Chờ lễ kết nạp")


def test_probation_uses_the_recognition_decision_and_ignores_officials_who_came_in():
    nam = person("nam", membership="official", ceremony_date=D(2024, 2, 1),
                 official_date=D(2025, 2, 1))  # fmt: skip
    hai = person("hai", ceremony_date=D(2010, 10, 10), official_date=D(2011, 10, 10))
    events = [ev("nam", "recognition", D(2025, 2, 5)), ev("hai", "transfer_in", D(2025, 7, 1))]
    rows = Rows([nam, hai], events, today=TODAY)
    assert [
        p.person_id for p in r.probation(rows, Period(D(2025, 1, 1), D(2025, 2, 4))).people
    ] == ["nam"]
    assert r.probation(rows, YEAR_2025).people == []
    assert len(r.movements(rows, YEAR_2025).recognised) == 1


# The Party's books always balance: whatever was recorded, in whatever order.
_KINDS = st.sampled_from(["transfer_in", *r.OUT_KINDS, "recognition", "exemption"])
_DAYS = st.dates(D(2018, 1, 1), D(2026, 12, 31))


@st.composite
def _registers(draw):
    people, events = [], []
    for index in range(draw(st.integers(0, 8))):
        pid = f"p{index}"
        admitted = draw(st.none() | _DAYS)
        membership = draw(st.sampled_from(["official", "probationary", "candidate"]))
        exit_kind = draw(st.none() | st.sampled_from(list(r._EXIT_KINDS)))
        people.append(person(
            pid, membership=membership, admission_decision_date=admitted,
            ceremony_date=None, official_date=None, exit=exit_kind,
            exit_date=draw(_DAYS) if exit_kind else None,
        ))  # fmt: skip
        events += [ev(pid, draw(_KINDS), draw(_DAYS)) for _ in range(draw(st.integers(0, 4)))]
    return people, events


@settings(max_examples=150, deadline=None)
@given(_registers(), _DAYS, _DAYS)
def test_every_period_balances(register, a, b):
    people, events = register
    period = Period(min(a, b), max(a, b))
    moves = r.movements(Rows(people, events), period)
    assert moves.balanced
    assert moves.at_start == sum(
        r.history(p, [e for e in events if e.person_id == p.id]).member_on(
            period.first - dt.timedelta(days=1)
        )
        for p in people
    )


# -- attendance and ratings ----------------------------------------------------------------


def meeting(kind: str, on: dt.date, expected: int, present: int, *, held=True) -> MeetingRow:
    return MeetingRow(f"{kind}{on}", kind, on, held, Tally(expected, present, 0, 0,
                                                             expected - present))  # fmt: skip


def test_attendance_sums_the_period_only():
    rows = Rows(
        [],
        meetings=[
            meeting("regular", D(2025, 1, 10), 10, 9),
            meeting("regular", D(2025, 1, 25), 10, 10),
            meeting("study", D(2025, 3, 1), 10, 9),
            meeting("committee", D(2025, 3, 2), 0, 0),
            meeting("regular", D(2025, 4, 1), 10, 0, held=False),  # planned only
            meeting("regular", D(2026, 1, 5), 10, 1),  # after the period
        ],
        study_target=90,
    )
    a = r.attendance(rows, Period(D(2025, 1, 1), D(2025, 6, 30)))
    assert a.held == {"regular": 2, "study": 1, "committee": 1}
    assert (a.overall.expected, a.overall.attended) == (30, 28)
    assert a.by_kind["study"].rate == 0.9 and a.study_met is True  # exactly the target
    assert a.regular_months == 1 and len(a.months) == 6
    assert a.chart().series[0][1][:3] == (95.0, None, 90.0)


def test_ratings_leave_out_the_exempted_and_name_who_is_not_rated():
    a, b, c = person("a"), person("b"), person("c", exempted=True)
    gone = person("gone", exit="removed", exit_date=D(2025, 10, 1))
    rows = Rows(
        [a, b, c, gone],
        [ev("c", "exemption", D(2025, 11, 1))],
        ratings=[RatingRow("a", 2025, "good", 80.0), RatingRow("gone", 2025, "incomplete")],
        today=TODAY,
    )
    [year] = r.ratings(rows, YEAR_2025).years
    assert (year.to_rate, year.exempted, year.rated) == (2, 1, 2)
    assert year.counts == {"excellent": 0, "good": 1, "complete": 0, "incomplete": 1}
    assert year.not_rated == ["Người b"] and year.average_points == 80.0
    [table] = r.ratings(rows, YEAR_2025).tables()
    assert table.rows[1][:2] == ("Hoàn thành tốt nhiệm vụ", 1)
    assert table.rows[1][2].text == "50,0%"


def test_report_keeps_the_order_of_the_kinds_and_shares_print_the_vietnamese_way():
    report = r.report(Rows([person("a")], today=TODAY), YEAR_2025, ["ratings", "admissions"])
    assert list(report.sections) == ["admissions", "ratings"]
    assert set(report.to_json()) == {"from", "to", "as_of", "admissions", "ratings", "limits"}
    assert r.Share(2, 3).text == "66,7%" and r.Share(1, 0).text == "—"
    assert r.cell_text(D(2025, 1, 2)) == "02/01/2025" and r.cell_text(92.5) == "92,5"


def test_a_long_period_is_charted_by_year():
    rows = Rows([], meetings=[meeting("regular", D(2024, 5, 1), 10, 8),
                              meeting("study", D(2026, 2, 1), 10, 10)])  # fmt: skip
    chart = r.attendance(rows, Period(D(2024, 1, 1), D(2026, 6, 30))).chart()
    assert chart.title == "Tỷ lệ đảng viên có mặt theo năm (%)"
    assert chart.categories == ("2024", "2025", "2026")
    assert chart.series == (("Có mặt", (80.0, None, 100.0)),)
    short = r.attendance(rows, Period(D(2025, 1, 1), D(2026, 6, 30))).chart()
    assert len(short.categories) == 18 and short.categories[0] == "1/25"


def test_years_without_ratings_are_listed_together():
    rows = Rows([person("a"), person("b")], ratings=[RatingRow("a", 2025, "good")], today=TODAY)
    tables = r.ratings(rows, Period(D(2023, 1, 1), D(2026, 6, 30))).tables()
    assert [t.title for t in tables] == [
        "Kết quả xếp loại chất lượng đảng viên năm 2025 (Biểu 6-BTCTW)",
        "Các năm chưa ghi kết quả xếp loại",
    ]
    assert tables[1].rows == [(2023, 2, D(2023, 12, 31)), (2024, 2, D(2024, 12, 31)),
                              (2026, 2, D(2026, 11, 22))]  # fmt: skip
    assert r.ratings(rows, Period(D(2026, 1, 1), TODAY)).chart() is None
