"""Member development from the terminal: the same services and the same deadlines as the
window, JSON for scripts, Vietnamese errors on stderr with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import registers, today
from tests.cli.conftest import PASS
from tests.cli.test_cli import add_member, as_json, run


@pytest.fixture
def cell(reg, capsys):
    ids = []
    for name, sex in (
        ("Nguyễn Văn An", "male"),
        ("Trần Thị Bình", "female"),
        ("Lê Văn Cường", "male"),
        ("Phạm Thị Dung", "female"),
    ):
        person = add_member(
            capsys,
            reg,
            full_name=name,
            sex=sex,
            birth_date="1970",
            membership="official",
            ceremony_date="10/10/2000",
            official_date="10/10/2001",
        )
        ids.append(person["id"])
    return ids


def candidate(capsys, reg):
    person = as_json(
        capsys,
        "candidate",
        "add",
        "--register",
        reg,
        "--full-name",
        "Huỳnh Thị Mỹ Duyên",
        "--sex",
        "female",
        "--birth-date",
        "10/05/1998",
        "--date",
        "03/09/2024",
        "--reference",
        "12-NQ/CB",
    )
    return person["id"]


def step(capsys, reg, pid, kind, day, *extra):
    return as_json(capsys, "candidate", "step", pid, kind, "--date", day, "--register", reg, *extra)


def test_a_candidate_walks_to_the_vote_and_todo_matches_the_service(reg, cell, capsys):
    pid = candidate(capsys, reg)
    a, b = cell[:2]
    assignment = as_json(
        capsys,
        "mentor",
        "assign",
        pid[:8],
        a[:8],
        "--date",
        "03/09/2024",
        "--joint-since",
        "01/01/2022",
        "--register",
        reg,
    )
    assert assignment["mentor_name"] == "Nguyễn Văn An" and assignment["warnings"] == []
    step(capsys, reg, pid, "awareness_class", "15/10/2024", "--certificate", "215/CN")
    step(capsys, reg, pid, "application", "06/01/2025")
    step(capsys, reg, pid, "personal_history", "10/01/2025")
    step(capsys, reg, pid, "verification", "03/03/2025")
    for who in (a, b):
        doc = step(
            capsys,
            reg,
            pid,
            "introduction",
            "10/03/2025",
            "--introducer",
            who[:8],
            "--joint-since",
            "01/01/2022",
        )
        assert doc["details"]["introducer_id"] == who
    step(capsys, reg, pid, "comments_summary", "20/03/2025")
    code, _out, err = run(
        capsys,
        "vote",
        "record",
        pid,
        "--kind",
        "admission",
        "--date",
        "08/04/2025",
        "--present",
        "4",
        "--favour",
        "2",
        "--passed",
        "--register",
        reg,
    )
    assert code == 1 and "không thể ghi nghị quyết là thông qua" in err
    vote = as_json(
        capsys,
        "vote",
        "record",
        pid,
        "--kind",
        "admission",
        "--date",
        "08/04/2025",
        "--present",
        "4",
        "--favour",
        "4",
        "--passed",
        "--register",
        reg,
    )
    assert vote["result"] == {
        "official_total": 4,
        "exempted_present": 0,
        "present": 4,
        "in_favour": 4,
        "needed": 3,
        "passed": True,
    }
    todo = as_json(capsys, "todo", "--on", "2025-05-02", "--register", reg)
    decision = next(i for i in todo if i["kind"] == "decision_due")
    assert decision["person_id"] == pid and decision["rule"] == "decision.working_days"
    # 60 working days after 08/04/2025: 30/04–02/05 off, Saturday 26/04 worked in exchange
    assert decision["due"] == "2025-07-03"
    with registers.open_register(reg, PASS) as opened:
        same = today.todo(opened, dt.date(2025, 5, 2))
    assert [i.to_json() for i in same] == todo
    shown = as_json(capsys, "candidate", "show", pid[:8], "--register", reg)
    assert shown["stage"] == "Chi bộ xét, đề nghị kết nạp"
    assert [d["status"] for d in shown["dossier"][:2]] == ["in", "in"]


def test_bad_steps_are_refused_on_stderr(reg, cell, capsys):
    pid = candidate(capsys, reg)
    code, _out, err = run(
        capsys,
        "candidate",
        "step",
        pid,
        "personal_history",
        "--date",
        "10/01/2025",
        "--register",
        reg,
    )
    assert code == 1 and err.startswith("Lỗi: Người «Huỳnh Thị Mỹ Duyên»")
    assert "chưa ghi bước «Đơn xin vào Đảng»" in err
    code, _out, err = run(
        capsys,
        "candidate",
        "step",
        pid,
        "introduction",
        "--date",
        "10/03/2025",
        "--introducer",
        cell[0],
        "--joint-since",
        "01/10/2024",
        "--register",
        reg,
    )
    assert code == 1 and "mới cùng công tác" in err and "5 tháng" in err
    events = as_json(capsys, "member", "show", pid, "--register", reg)["events"]
    assert [e["kind"] for e in events] == ["pool_entry"]


def test_rules_list_and_versions(capsys):
    rules = as_json(capsys, "rules", "list", "--on", "2026-11-22")
    by_id = {r["id"]: r for r in rules}
    assert by_id["certificate.valid_months"]["value"] == 60
    assert by_id["vote.majority"]["value"] == "2/3"
    assert by_id["age.min_months"]["source"].startswith("294-QĐ/TW")
    old = {r["id"]: r for r in as_json(capsys, "rules", "list", "--on", "2022-03-01")}
    assert old["age.min_months"]["source"].startswith("24-QĐ/TW")
    every = as_json(capsys, "rules", "list", "--all")
    assert len(every) > len(rules)


def test_calendar_overrides_move_deadlines(reg, capsys):
    as_json(
        capsys,
        "calendar",
        "day-off",
        "--date",
        "02/01/2026",
        "--note",
        "Nghỉ bù Tết Dương lịch",
        "--register",
        reg,
    )
    listed = as_json(capsys, "calendar", "list", "--register", reg)
    assert [(d["day"], d["working"]) for d in listed] == [("2026-01-02", False)]
    code, _out, err = run(capsys, "calendar", "day-off", "--date", "04/01/2026", "--register", reg)
    assert code == 1 and "vốn đã là ngày nghỉ" in err
    as_json(capsys, "calendar", "remove", "--date", "02/01/2026", "--register", reg)
    assert as_json(capsys, "calendar", "list", "--register", reg) == []
