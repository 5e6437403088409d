"""The reporting board: per cell, the last bundle, reported this month or not, members,
candidates, admissions against the quota, the deadlines that are near, open conflicts; and
the same in an .xlsx workbook."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop_app.services import development, upper_board
from desktop_app.services import upper_workspace as ws
from desktop_app.services.exports import ExportError
from tests.conftest import TODAY
from tests.services import pipeline
from tests.sync import samples
from tests.sync.upper_helpers import bundle_day, crafted, use, world_fixture  # noqa: F401

D = dt.date
CODE = "CB-NT"


@pytest.fixture
def reported(world):
    reg = world.add_cell(CODE, "Chi bộ Trường THPT Nguyễn Trân")
    cell = pipeline.small_cell(reg)
    pid = pipeline.to_vote(reg, cell)
    development.record_vote(reg, pid, "admission", D(2025, 4, 8), present=4, in_favour=4,
                            today=TODAY)  # fmt: skip
    world.probationer = pipeline.official(
        reg, "Bùi Thị Hoa", membership="probationary", ceremony_date="01/12/2025",
        official_date=None,
    )  # fmt: skip
    world.candidate = pid
    world.result = world.first(CODE)
    world.add_cell("CB-KP5", "Chi bộ Khu phố 5")  # enrolled, never reported
    return world


def row_of(found, code):
    [row] = [r for r in found.cells if r.code == code]
    return row


def test_the_board_counts_each_cell_and_names_who_has_not_reported(reported):
    reg = use(reported.upper)
    ws.set_quota(reg, CODE, 2026, 2, today=TODAY)
    sent = bundle_day(reported.result)
    found = upper_board.board(reg, sent)
    nt = row_of(found, CODE)
    assert nt.pinned and nt.reported_this_month and nt.last_bundle_date == sent.strftime("%d/%m/%Y")
    assert (nt.official, nt.probationary, nt.candidates) == (4, 1, 1)
    assert (nt.admissions, nt.quota) == (0, 2)
    kp5 = row_of(found, "CB-KP5")
    assert not kp5.pinned and not kp5.reported_this_month and kp5.last_bundle_date == ""
    assert found.not_reported == ["CB-KP5"]
    next_month = (sent.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    assert upper_board.board(reg, next_month).not_reported == ["CB-KP5", CODE]


def test_deadlines_the_upper_level_owes_and_those_near(reported):
    reg = use(reported.upper)
    found = row_of(upper_board.board(reg, TODAY), CODE)
    kinds = {(d.person_name, d.kind): d for d in found.deadlines}
    decision = kinds[("Huỳnh Thị Mỹ Duyên", "decision_due")]
    assert decision.overdue and "2025-04-08" < decision.due < "2025-12-31"  # from the vote
    ends = kinds[("Bùi Thị Hoa", "probation_ends")]
    assert ends.due == "2026-12-01" and not ends.overdue
    far = row_of(upper_board.board(reg, D(2026, 9, 1)), CODE)
    assert all(d.kind != "probation_ends" for d in far.deadlines)  # more than 30 days off
    ws.decide(reg, CODE, reported.candidate, "admission", number="45-QĐ/ĐU", on=D(2026, 11, 2),
              today=TODAY)  # fmt: skip
    after = row_of(upper_board.board(reg, TODAY), CODE)
    assert all(d.kind != "decision_due" for d in after.deadlines)
    assert after.admissions == 1  # the upper level's own decision counts before the cell's


def test_open_conflicts_and_people_two_cells_hold_are_on_the_board(world, tmp_path):
    reg = use(world.upper)
    ws.enrol_cell(reg, "CB-A", tmp_path)
    ws.enrol_cell(reg, "CB-B", tmp_path)
    fields = {"full_name": "Nguyễn Thị Hường", "sex": "female", "membership": "official"}
    person = ("person", samples.PERSON_ID, "insert", fields)
    a = crafted(world, samples.chain([person]), folder=tmp_path / "a", code="CB-A")
    world.receive(a, confirm=world.receive(a).fingerprint)
    b = crafted(world, samples.chain([person]), folder=tmp_path / "b", code="CB-B",
                cell_id="7b1f3c2e-8d4a-4f6b-9c7e-1a2b3c4d5e6f", key=samples.STRANGER)  # fmt: skip
    world.receive(b, confirm=world.receive(b).fingerprint)
    late = crafted(world, samples.chain(start=9, prev="e" * 64), folder=tmp_path / "late",
                   code="CB-A")  # fmt: skip
    assert world.receive(late).status == "gap"
    found = upper_board.board(use(world.upper), TODAY)
    a_row, b_row = row_of(found, "CB-A"), row_of(found, "CB-B")
    assert sorted(c["kind"] for c in a_row.conflicts) == ["gap", "person_elsewhere"]
    assert [c["kind"] for c in b_row.conflicts] == ["person_elsewhere"]
    assert "CB-A, CB-B" in b_row.conflicts[0]["text"]


def test_the_board_as_a_workbook(reported, tmp_path):
    reg = use(reported.upper)
    ws.set_quota(reg, CODE, 2026, 2, today=TODAY)
    found = upper_board.board(reg, TODAY)
    path = upper_board.export_xlsx(found, tmp_path / "bang-theo-doi.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Tháng 11-2026", "Thời hạn", "Vướng mắc"]
    cells = book["Tháng 11-2026"]
    header = [c.value for c in cells[1]]
    assert header[:2] == ["Mã chi bộ", "Tên chi bộ"] and "Chỉ tiêu kết nạp" in header
    rows = {r[0].value: r for r in cells.iter_rows(min_row=2)}
    nt = [c.value for c in rows[CODE]]
    assert nt[1] == "Chi bộ Trường THPT Nguyễn Trân" and tuple(nt[4:9]) == (4, 1, 1, 0, 2)
    assert isinstance(nt[2], dt.datetime) and rows[CODE][2].number_format == "DD/MM/YYYY"
    assert rows["CB-KP5"][3].value == "Chưa" and rows["CB-KP5"][2].value is None
    due = list(book["Thời hạn"].iter_rows(min_row=2, values_only=True))
    assert {r[1] for r in due} == {"Huỳnh Thị Mỹ Duyên", "Bùi Thị Hoa"}
    with pytest.raises(ExportError, match=r"\.xlsx"):
        upper_board.export_xlsx(found, tmp_path / "bang.csv")
