"""Meetings from the terminal: add, list, show, roll call, certificates and the year's
attendance; the JSON report matches the grid the window shows; refusals on stderr with
nothing saved."""

from __future__ import annotations

import pytest

from desktop_app.services import attendance, registers
from desktop_app.store import journal
from tests.cli.conftest import PASS
from tests.cli.test_cli import add_member, as_json, run
from tests.services import pipeline

NAMES = (("Nguyễn Văn An", "male"), ("Trần Thị Bình", "female"), ("Lê Văn Cường", "male"))


@pytest.fixture
def cell(reg, capsys):
    return [
        add_member(
            capsys, reg, full_name=name, sex=sex, birth_date="1970", membership="official",
            ceremony_date="10/10/2000", official_date="10/10/2001",
        )["id"]
        for name, sex in NAMES
    ]  # fmt: skip


def meeting(capsys, reg, *args):
    return as_json(capsys, "meeting", "add", "--register", reg, *args)


def test_a_year_of_meetings_and_the_report_matches_the_grid(reg, cell, capsys):
    an, binh, cuong = cell
    for month in range(1, 11):
        m = meeting(capsys, reg, "--kind", "regular", "--date", f"05/{month:02d}/2026",
                    "--topic", f"Sinh hoạt chi bộ tháng {month}")  # fmt: skip
        absent = []
        if month in (2, 6, 9):
            absent += ["--absent", an[:8]]
        if month == 3:
            absent += ["--absent", f"{binh}:Đi công tác Hà Nội", "--late", cuong]
        as_json(capsys, "meeting", "rollcall", m["id"][:8], "--register", reg, *absent)
    listed = as_json(capsys, "meeting", "list", "--year", "2026", "--register", reg)
    assert len(listed) == 10 and listed[1]["tally"]["absent"] == 1
    shown = as_json(capsys, "meeting", "show", listed[2]["id"], "--register", reg)
    lines = {line["name"]: line for line in shown["roll"]}
    assert lines["Trần Thị Bình"] == {
        "person_id": binh, "name": "Trần Thị Bình", "group": "member", "status": "excused",
        "reason": "Đi công tác Hà Nội",
    }  # fmt: skip
    assert lines["Lê Văn Cường"]["status"] == "late"
    report = as_json(capsys, "attendance", "--year", "2026", "--register", reg)
    people = {m["full_name"]: m for m in report["members"]}
    assert people["Nguyễn Văn An"]["months_with_unexcused_absence"] == [2, 6, 9]
    assert people["Nguyễn Văn An"]["meetings_expected"] == 10
    assert people["Nguyễn Văn An"]["attended"] == 7
    assert people["Trần Thị Bình"]["excused"] == 1
    with registers.open_register(reg, PASS) as opened:
        grid = attendance.grid(opened, 2026)
    for row in grid.rows:
        mine = people[row.name]
        assert mine["unexcused"] == row.cells.count("absent")
        assert mine["excused"] == row.cells.count("excused")
        assert mine["attended"] == row.cells.count("present") + row.cells.count("late")
    todo = as_json(capsys, "todo", "--on", "2026-11-22", "--register", reg)
    removal = next(i for i in todo if i["kind"] == "absence_removal")
    assert removal["person_name"] == "Nguyễn Văn An" and removal["due"] == "2026-09-05"


def test_refusals_name_the_person_and_save_nothing(reg, cell, capsys):
    an = cell[0]
    m = meeting(capsys, reg, "--kind", "regular", "--date", "05/03/2026")
    with registers.open_register(reg, PASS):
        before = journal.head()
    code, _, err = run(capsys, "meeting", "rollcall", m["id"], "--register", reg,
                       "--absent", an, "--late", an)  # fmt: skip
    assert code == 1 and "Nguyễn Văn An" in err and "hai lần" in err
    code, _, err = run(capsys, "meeting", "add", "--register", reg, "--kind", "regular",
                       "--date", "05/12/2099")  # fmt: skip
    assert code == 1 and "ngày trong tương lai" in err
    with registers.open_register(reg, PASS):
        assert journal.head() == before


def test_second_regular_meeting_warns_and_a_planned_one_is_allowed(reg, cell, capsys):
    meeting(capsys, reg, "--kind", "regular", "--date", "05/03/2026")
    code, out, _ = run(capsys, "meeting", "add", "--register", reg, "--kind", "regular",
                       "--date", "20/03/2026")  # fmt: skip
    assert code == 0 and "đã có 2 buổi sinh hoạt thường kỳ" in out
    planned = meeting(capsys, reg, "--kind", "thematic", "--date", "05/12/2099", "--planned")
    assert planned["held"] is False


def test_a_training_class_certificate(reg, cell, capsys):
    pupil = as_json(capsys, "candidate", "add", "--register", reg, "--full-name",
                    "Huỳnh Thị Mỹ Duyên", "--sex", "female", "--date", "03/09/2025")  # fmt: skip
    klass = meeting(capsys, reg, "--kind", "training", "--date", "06/04/2026", "--class-kind",
                    "awareness_class", "--place", "Trung tâm Chính trị phường")  # fmt: skip
    shown = as_json(capsys, "meeting", "certificate", klass["id"], pupil["id"], "--register",
                    reg, "--number", "112/CN-TTCT", "--date", "10/04/2026")  # fmt: skip
    assert shown["certificates"][0]["number"] == "112/CN-TTCT"
    candidate = as_json(capsys, "candidate", "show", pupil["id"], "--register", reg)
    step = next(s for s in candidate["steps"] if s["kind"] == "awareness_class")
    assert step["details"]["issuer"] == "Trung tâm Chính trị phường"
    code, _, err = run(capsys, "meeting", "delete", klass["id"], "--register", reg)
    assert code == 1 and "giấy chứng nhận" in err


def test_a_vote_takes_its_day_and_attendance_from_the_meeting(reg, capsys):
    with registers.open_register(reg, PASS) as opened:
        small = pipeline.small_cell(opened)
        pupil = pipeline.to_vote(opened, small)
    m = meeting(capsys, reg, "--kind", "regular", "--date", "08/04/2025")
    as_json(capsys, "meeting", "rollcall", m["id"], "--register", reg, "--absent",
            small.officials[3])  # fmt: skip
    vote = as_json(capsys, "vote", "record", pupil, "--register", reg, "--kind", "admission",
                   "--meeting", m["id"][:8], "--favour", "3", "--passed")  # fmt: skip
    assert vote["date"] == "2025-04-08" and vote["details"]["meeting_id"] == m["id"]
    assert vote["result"]["present"] == 3 and vote["result"]["passed"]
    code, _, err = run(capsys, "vote", "record", pupil, "--register", reg, "--kind",
                       "recognition", "--favour", "2")  # fmt: skip
    assert code == 1 and "--meeting" in err
