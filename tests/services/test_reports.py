"""The cell's reports checked number by number against a count made here, independently, from
the raw register (the services' lists of people, events, meetings and ratings, never the report
code): on a small register built with known answers (someone admitted on the first and on the
last day of the year, a transfer out and back, a death, a removal, a member who came by
transfer, a recognition, a decision awaiting its ceremony) and on the demo register over
several periods. The .xlsx is read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import openpyxl
import pytest

from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.services import (
    attendance,
    development,
    meetings,
    members,
    ratings,
    report_export,
    reports,
)
from desktop_app.services.exports import ExportError
from desktop_app.services.meetings import Entry
from desktop_app.services.views import EventView, PersonView
from tests.services import pipeline
from tests.services.pipeline import TODAY

D = dt.date
YEAR = (D(2025, 1, 1), D(2025, 12, 31))
OUT = ("transfer_out", "removal", "probation_removal", "expulsion", "resignation", "death")
EXIT_EVENT = {"transferred_out": "transfer_out", "removed": "removal", "expelled": "expulsion",
              "resigned": "resignation", "deceased": "death"}  # fmt: skip
LEVELS = ("excellent", "good", "complete", "incomplete")


# -- the independent count --------------------------------------------------------------------


def _day(iso: str | None) -> D | None:
    return D.fromisoformat(iso) if iso else None


@dataclass
class Raw:
    """A person as the member list and the event list show them."""

    person: PersonView
    events: list[EventView]

    def dated(self, *kinds: str) -> list[tuple[D, str]]:
        return sorted((D.fromisoformat(e.date), e.kind) for e in self.events if e.kind in kinds)

    @cached_property
    def admitted(self) -> D | None:
        p = self.person
        return _day(p.admission_decision_date or p.ceremony_date or p.official_date)

    @cached_property
    def moves(self) -> list[tuple[D, str]]:
        moves = self.dated("transfer_in", *OUT)
        kind = EXIT_EVENT.get(self.person.status)
        if kind and not any(k == kind for _, k in moves):
            moves.append((_day(self.person.exit_date), kind))
        return sorted(moves)

    @cached_property
    def came_by_transfer(self) -> bool:
        steps = self.dated("admission_decision", "ceremony")
        return bool(self.moves) and self.moves[0][1] == "transfer_in" and not steps

    def member_on(self, day: D) -> bool:
        if self.person.membership == "candidate" and self.admitted is None:
            return False
        if self.came_by_transfer:
            inside = False
        elif self.admitted is None:
            inside = True
        else:
            inside = self.admitted <= day
        for on, kind in self.moves:
            if on <= day:
                inside = kind == "transfer_in"
        return inside

    def admitted_in(self, first: D, last: D) -> bool:
        return not self.came_by_transfer and bool(self.admitted) and first <= self.admitted <= last

    def official_by(self, day: D) -> bool:
        recognitions = self.dated("recognition")
        if recognitions:
            return recognitions[-1][0] <= day
        official = _day(self.person.official_date)
        return self.person.membership == "official" and (official is None or official <= day)

    def exempted_on(self, day: D) -> bool:
        flags = self.dated("exemption", "exemption_end")
        if not flags:
            return self.person.exempted
        before = [kind for on, kind in flags if on <= day]
        return bool(before) and before[-1] == "exemption"


def raw(reg) -> list[Raw]:
    return [Raw(p, members.list_events(reg, p.id)) for p in members.list_people(reg)]


def count_members(people: list[Raw], day: D) -> int:
    return sum(p.member_on(day) for p in people)


def count_events(people: list[Raw], kind: str, first: D, last: D) -> int:
    return sum(first <= on <= last for p in people for on, k in p.moves if k == kind)


def _education(text: str) -> str:
    return {"12/12": "Trung học phổ thông", "10/10": "Trung học phổ thông",
            "9/12": "Trung học cơ sở", "": "Chưa ghi trong sổ"}[text]  # fmt: skip


def check_against_register(reg, first: D, last: D) -> None:
    """Every figure of every section against the count made here."""
    report = reports.build(reg, "all", first, last, today=TODAY)
    people = raw(reg)
    day_before = first - dt.timedelta(days=1)

    admitted = [p for p in people if p.admitted_in(first, last)]
    section = report.sections["admissions"]
    assert section.total == len(admitted)
    assert sorted(a.person_id for a in section.people) == sorted(p.person.id for p in admitted)
    for year in section.years:
        y_first, y_last = max(first, D(year.year, 1, 1)), min(last, D(year.year, 12, 31))
        assert year.admitted == sum(p.admitted_in(y_first, y_last) for p in people)
        assert year.members_at_start == count_members(people, D(year.year - 1, 12, 31))

    moves = report.sections["movements"]
    assert moves.at_start == count_members(people, day_before)
    assert moves.at_end == count_members(people, last)
    assert moves.count("admission") == len(admitted)
    for kind in ("transfer_in", *OUT):
        assert moves.count(kind) == count_events(people, kind, first, last), kind
    recognised = sum(first <= on <= last for p in people for on, _ in p.dated("recognition"))
    assert len(moves.recognised) == recognised
    assert moves.balanced

    new = report.sections["new-members"].composition
    chosen = [p.person for p in admitted]
    assert new.total == len(chosen)
    assert new.women == sum(p.sex == "female" for p in chosen)
    assert new.minorities == sum(p.ethnicity not in ("", "Kinh") for p in chosen)
    assert new.believers == sum(p.religion not in ("", "Không") for p in chosen)
    youth = {e.person_id for p in admitted for e in p.events
             if e.kind == "union_introduction" and e.details.get("union") == "youth"}  # fmt: skip
    assert new.youth_union == len(youth)
    assert sum(new.age_bands.values()) == new.total
    education = Counter(_education(p.education) for p in chosen)
    assert {k: v for k, v in new.education.items() if v} == dict(education)

    on = min(last, TODAY)
    on_probation = [p for p in people if p.member_on(on) and p.admitted and p.admitted <= on
                    and not p.official_by(on)]  # fmt: skip
    listed = report.sections["probation"]
    assert sorted(x.person_id for x in listed.people) == sorted(p.person.id for p in on_probation)
    overdue = {row.person_id for row in development.list_candidates(reg, TODAY)
               if row.next_due and D.fromisoformat(row.next_due) < TODAY}  # fmt: skip
    still = {p.person.id for p in on_probation if not p.official_by(TODAY)
             and p.member_on(TODAY)}  # fmt: skip
    assert listed.overdue == len(overdue & still)

    held = [m for year in range(first.year, last.year + 1)
            for m in meetings.list_meetings(reg, year)
            if m.held and first <= D.fromisoformat(m.date) <= last]  # fmt: skip
    expected, attended, study = 0, 0, [0, 0]
    for m in held:
        if m.kind not in ("regular", "thematic", "study"):
            continue
        roll = [line for line in meetings.get_meeting(reg, m.id).roll if line.group == "member"]
        came = sum(line.status in ("present", "late") for line in roll)
        expected, attended = expected + len(roll), attended + came
        if m.kind == "study":
            study = [study[0] + len(roll), study[1] + came]
    figures = report.sections["attendance"]
    assert (figures.overall.expected, figures.overall.attended) == (expected, attended)
    study_tally = figures.by_kind["study"]
    assert [study_tally.expected, study_tally.attended] == study
    assert figures.held == dict(Counter(m.kind for m in held))

    for year in report.sections["ratings"].years:
        given = ratings.list_ratings(reg, year.year)
        assert year.counts == {lv: sum(r.level == lv for r in given) for lv in LEVELS}
        count_on = min(D(year.year, 12, 31), TODAY)
        due = [p for p in people if p.member_on(count_on) and not p.exempted_on(count_on)]
        assert year.to_rate == len(due)
        rated = {r.person_id for r in given}
        assert sorted(year.not_rated) == sorted(p.person.full_name for p in due
                                                if p.person.id not in rated)  # fmt: skip
        assert year.rated_due == sum(p.person.id in rated for p in due)


# -- a small register with known answers ------------------------------------------------------


def _add(reg, name: str, sex: str = "male", **fields) -> str:
    return members.add_person(reg, {"full_name": name, "sex": sex, **fields}, today=TODAY).id


def _event(reg, pid: str, kind: str, on: D, **kw) -> None:
    members.record_event(reg, pid, kind, on, today=TODAY, **kw)


def _duyen(reg, cell) -> str:
    """Huỳnh Thị Mỹ Duyên, introduced by the Youth Union, decision 12/05/2025."""
    pid = pipeline.to_vote(reg, cell)
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("union_introduction", D(2025, 3, 25), details={"union": "youth"})
    development.record_vote(reg, pid, "admission", D(2025, 4, 8), present=4, in_favour=4,
                            today=TODAY)  # fmt: skip
    step("upper_review", D(2025, 4, 20))
    step("admission_decision", D(2025, 5, 12), details={"received": D(2025, 5, 14)})
    step("ceremony", D(2025, 6, 2))
    return pid


@pytest.fixture
def known(register) -> dict[str, str]:
    """2025 in a small cell. At the end of 2024: An, Bình, Cường, Dung (official since 2000),
    Giang (decision 31/12/2024), Khoa, Nam (probationary) = 7. In 2025: Em admitted on
    01/01 (Tày, Catholic), Minh on 10/03, Duyên on 12/05 (Youth Union), Quỳnh on 31/12
    (ceremony 05/01/2026); Bình out 15/03 and back 20/09; Hải in by transfer 01/07; Cường died
    05/06; Khoa removed 10/10; Nam recognised 05/02; Dung exempted from 01/11. Quota 4.
    Three meetings; three ratings."""
    reg = register
    cell = pipeline.small_cell(reg)
    an, binh, cuong, dung = cell.officials
    ids = {"an": an, "binh": binh, "cuong": cuong, "dung": dung, "duyen": _duyen(reg, cell)}
    probationary = {"membership": "probationary"}
    ids["giang"] = _add(
        reg,
        "Võ Thị Giang",
        "female",
        birth_date="1990",
        **probationary,
        admission_decision_date="31/12/2024",
        ceremony_date="10/01/2025",
    )
    ids["em"] = _add(
        reg,
        "Hà Thị Em",
        "female",
        birth_date="10/05/1999",
        ethnicity="Tày",
        religion="Công giáo",
        education="12/12",
        profession="Cử nhân Luật",
        **probationary,
        admission_decision_date="01/01/2025",
        ceremony_date="15/01/2025",
    )
    ids["minh"] = _add(
        reg,
        "Đỗ Văn Minh",
        birth_date="1975",
        ethnicity="Kinh",
        education="9/12",
        **probationary,
        admission_decision_date="10/03/2025",
        ceremony_date="20/03/2025",
    )
    ids["quynh"] = _add(
        reg,
        "Mai Thị Quỳnh",
        "female",
        birth_date="15/06/1990",
        ethnicity="Kinh",
        religion="Không",
        education="12/12",
        **probationary,
        admission_decision_date="31/12/2025",
        ceremony_date="05/01/2026",
    )
    ids["nam"] = _add(
        reg, "Lý Văn Nam", birth_date="1985", **probationary, ceremony_date="01/02/2024"
    )
    ids["hai"] = _add(
        reg,
        "Trương Văn Hải",
        birth_date="1980",
        membership="official",
        ceremony_date="10/10/2010",
        official_date="10/10/2011",
    )
    ids["khoa"] = _add(reg, "Phan Văn Khoa", birth_date="1970", membership="official",
                       ceremony_date="10/10/2005", official_date="10/10/2006")  # fmt: skip
    development.add_candidate(reg, {"full_name": "Ngô Thị Lan", "sex": "female"},
                              pool_date=D(2025, 2, 1), today=TODAY)  # fmt: skip
    _event(reg, ids["nam"], "recognition", D(2025, 2, 5))
    _event(reg, binh, "transfer_out", D(2025, 3, 15), place="Chi bộ Khu phố 3")
    _event(reg, binh, "transfer_in", D(2025, 9, 20), place="Chi bộ Khu phố 3")
    _event(reg, cuong, "death", D(2025, 6, 5))
    _event(reg, ids["hai"], "transfer_in", D(2025, 7, 1), place="Chi bộ Phường Ghềnh Ráng")
    _event(reg, ids["khoa"], "removal", D(2025, 10, 10), reason="Bỏ sinh hoạt 3 tháng")
    _event(reg, dung, "exemption", D(2025, 11, 1), reason="Tuổi cao")
    add = lambda kind, on: meetings.add_meeting(reg, {"kind": kind, "date": on}, today=TODAY).id  # noqa: E731
    regular, study = add("regular", D(2025, 2, 10)), add("study", D(2025, 3, 15))
    add("thematic", D(2025, 10, 20))
    meetings.record_rollcall(reg, regular, [Entry("excused", dung, reason="Ốm")], today=TODAY)
    meetings.record_rollcall(reg, study, [Entry("absent", ids["khoa"])], today=TODAY)
    ratings.set_quota(reg, 2025, 4, today=TODAY)
    ratings.set_rating(reg, an, 2025, "excellent", points=95, today=TODAY)
    ratings.set_rating(reg, binh, 2025, "good", today=TODAY)
    ratings.set_rating(reg, ids["em"], 2025, "complete", points=60, today=TODAY)
    return ids


def test_the_known_answers_of_2025(register, known):
    report = reports.build(register, "all", *YEAR, today=TODAY)
    s = report.sections
    [year] = s["admissions"].years
    assert (year.admitted, year.quota.quota, year.members_at_start) == (4, 4, 7)
    assert (year.of_quota.text, year.of_members.text) == ("100,0%", "57,1%")
    assert [a.full_name for a in s["admissions"].people] == [
        "Hà Thị Em", "Đỗ Văn Minh", "Huỳnh Thị Mỹ Duyên", "Mai Thị Quỳnh",
    ]  # fmt: skip
    moves = s["movements"]
    assert (moves.at_start, moves.increase, moves.decrease, moves.at_end) == (7, 6, 3, 10)
    assert {k: moves.count(k) for k in ("admission", "transfer_in", "transfer_out", "death",
                                        "removal")} == {
        "admission": 4, "transfer_in": 2, "transfer_out": 1, "death": 1, "removal": 1,
    }  # fmt: skip
    assert [m.full_name for m in moves.recognised] == ["Lý Văn Nam"]
    assert moves.awaiting_ceremony == 1  # Quỳnh
    new = s["new-members"].composition
    assert (new.total, new.women, new.minorities, new.believers, new.youth_union) == (4, 3, 1, 1, 1)
    assert new.age_bands["Từ 18 đến 30 tuổi"] == 2  # Em 25, Duyên 27
    assert new.age_bands["Từ 31 đến 40 tuổi"] == 1  # Quỳnh 35
    assert new.age_bands["Từ 41 đến 50 tuổi"] == 1  # Minh, born 1975: 49 or 50
    assert new.average_age == 29.0  # Em, Duyên, Quỳnh
    assert new.education["Trung học phổ thông"] == 2 and new.education["Trung học cơ sở"] == 1
    listed = [p.full_name for p in s["probation"].people]
    assert sorted(listed) == sorted(
        ["Võ Thị Giang", "Hà Thị Em", "Đỗ Văn Minh", "Huỳnh Thị Mỹ Duyên", "Mai Thị Quỳnh"]
    )  # Nam was recognised; Hải came in as an official
    a = s["attendance"]
    assert (a.overall.expected, a.overall.attended) == (24, 22)  # 8 + 7 + 9 expected
    assert (a.by_kind["study"].expected, a.by_kind["study"].attended) == (7, 6)
    assert a.study_met is False and a.regular_months == 1
    [rated] = s["ratings"].years
    assert (rated.to_rate, rated.exempted, rated.rated) == (9, 1, 3)  # Dung exempted
    assert rated.counts == {"excellent": 1, "good": 1, "complete": 1, "incomplete": 0}
    assert rated.average_points == 77.5 and len(rated.not_rated) == 6
    check_against_register(register, *YEAR)


def test_the_known_answers_of_other_periods(register, known):
    first_day = reports.build(register, "movements", D(2025, 1, 1), D(2025, 1, 1), today=TODAY)
    moves = first_day.sections["movements"]
    assert (moves.at_start, moves.count("admission"), moves.at_end) == (7, 1, 8)  # Em
    away = reports.build(register, "movements", D(2025, 3, 15), D(2025, 9, 19), today=TODAY)
    moves = away.sections["movements"]
    assert (moves.count("transfer_out"), moves.count("transfer_in")) == (1, 1)  # Bình out; Hải in
    two_years = reports.build(register, "admissions", D(2024, 6, 1), D(2025, 6, 30), today=TODAY)
    assert [(y.year, y.admitted, y.quota) for y in two_years.sections["admissions"].years] == [
        (2024, 1, None), (2025, 3, two_years.sections["admissions"].years[1].quota),
    ]  # fmt: skip  # Giang in 2024; Em, Minh, Duyên in the first half of 2025
    for period in [(D(2024, 1, 1), D(2026, 11, 22)), (D(2025, 6, 5), D(2025, 10, 10))]:
        check_against_register(register, *period)


@pytest.mark.parametrize(
    "period",
    [
        (D(2026, 1, 1), TODAY),
        (D(2020, 1, 1), D(2025, 12, 31)),
        (D(2023, 1, 1), D(2023, 12, 31)),
        (D(1980, 1, 1), D(2026, 12, 31)),
    ],
)
def test_the_demo_register_matches_a_count_made_from_its_lists(demo_register, period):
    reg = demo_register
    officials = [p.id for p in members.list_people(reg, {"official"})][:5]
    for pid, level in zip(officials, ("excellent", "good", "good", "complete", "incomplete"),
                          strict=True):  # fmt: skip
        ratings.set_rating(reg, pid, 2025, level, today=TODAY)
    check_against_register(reg, *period)


def test_the_demo_years_attendance_is_the_attendance_tab(demo_register):
    """A whole year of meetings: the same figures as the Meetings area's year tab."""
    report = reports.build(demo_register, "attendance", D(2026, 1, 1), TODAY, today=TODAY)
    tab = attendance.year_report(demo_register, 2026)
    figures = report.sections["attendance"]
    assert figures.overall == tab.overall and figures.by_kind["study"] == tab.study
    assert figures.held == tab.counts and figures.study_met == tab.study_met


def test_bad_periods_and_kinds_are_refused(register):
    with pytest.raises(StateError, match="ngày bắt đầu 02/01/2026 sau ngày kết thúc 01/01/2026"):
        reports.build(register, "all", D(2026, 1, 2), D(2026, 1, 1), today=TODAY)
    with pytest.raises(StateError, match="sau hôm nay"):
        reports.build(register, "all", D(2026, 12, 1), D(2026, 12, 31), today=TODAY)
    with pytest.raises(StateError, match="trước năm 1930"):
        reports.build(register, "all", D(1929, 12, 31), D(2026, 1, 1), today=TODAY)
    with pytest.raises(NotFoundError, match="Không có loại báo cáo «dues»"):
        reports.build(register, "dues", D(2026, 1, 1), TODAY, today=TODAY)


def test_a_period_ending_after_today_counts_to_today(register, known):
    report = reports.build(register, "movements", D(2026, 1, 1), D(2026, 12, 31), today=TODAY)
    assert report.today == TODAY and report.sections["movements"].at_end == 10


# -- the workbook -----------------------------------------------------------------------------


def _rows(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]


def test_the_workbook_reads_back_with_the_same_figures(register, known, tmp_path):
    report = reports.build(register, "all", *YEAR, today=TODAY)
    path = report_export.write_xlsx(report, "Chi bộ Trường THPT Nguyễn Trân", tmp_path / "bc.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Kết nạp", "Đảng viên mới", "Tăng giảm", "Dự bị", "Sinh hoạt", "Xếp loại",
        "Sổ chưa trả lời được",
    ]  # fmt: skip
    sheet = book["Kết nạp"]
    [row] = [r for r in _rows(sheet) if r[0] == 2025]
    assert row[2:8] == (4, 4, "Chi bộ ghi", 1, 7, pytest.approx(4 / 7))
    cells = next(r for r in sheet.iter_rows() if r[0].value == 2025)
    assert cells[7].number_format == "0.0%" and cells[5].number_format == "0.0%"
    names = [r[1] for r in _rows(sheet) if isinstance(r[0], int) and r[0] < 100]
    assert names == ["Hà Thị Em", "Đỗ Văn Minh", "Huỳnh Thị Mỹ Duyên", "Mai Thị Quỳnh"]
    dates = [r[2] for r in _rows(sheet) if r[1] == "Hà Thị Em"]
    assert dates == [dt.datetime(2025, 1, 1)]  # a real date, not text
    moves = dict(r[:2] for r in _rows(book["Tăng giảm"]) if isinstance(r[1], int))
    assert moves["Đảng viên đến hết ngày 31/12/2024"] == 7
    assert moves["Đảng viên đến hết ngày 31/12/2025"] == 10
    assert (moves["- Kết nạp"], moves["- Chuyển đến"], moves["- Từ trần"]) == (4, 2, 1)
    levels = dict(r[:2] for r in _rows(book["Xếp loại"]) if isinstance(r[1], int))
    assert levels["Hoàn thành xuất sắc nhiệm vụ"] == 1 and levels["- chưa xếp loại"] == 6
    assert levels["Đảng viên phải xếp loại (ngày 31/12/2025)"] == 9 and levels["- đã xếp loại"] == 3
    assert len(book["Kết nạp"]._charts) == 1 and len(book["Sinh hoạt"]._charts) == 1
    assert "Đoàn viên Thanh niên" in " ".join(
        str(r[0]) for r in _rows(book["Sổ chưa trả lời được"])
    )
    assert not list(tmp_path.glob(".*dang-ghi"))  # nothing half-written left behind


def test_the_workbook_refuses_other_names(register, tmp_path):
    report = reports.build(register, "movements", *YEAR, today=TODAY)
    with pytest.raises(ExportError, match=r"phải có đuôi \.xlsx"):
        report_export.write_xlsx(report, "Chi bộ", tmp_path / "bc.csv")
    with pytest.raises(ExportError, match="Không ghi được"):
        report_export.write_xlsx(report, "Chi bộ", tmp_path / "missing" / "bc.xlsx")
