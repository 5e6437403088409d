"""Registers for the printed forms: the demo register (its candidates at every stage), and a
small cell whose candidate is walked to a recognition vote taken at a meeting with a roll."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from desktop_app.forms import registry
from desktop_app.services import development, meetings, members
from desktop_app.services.meetings import Entry
from tests.conftest import TODAY
from tests.services import pipeline

D = dt.date
VOTE_DAY = D(2026, 6, 16)


@dataclass
class SmallCell:
    reg: object
    officials: list[str]  # An, Bình, Cường, Dung
    candidate: str  # Huỳnh Thị Mỹ Duyên, probationary from 02/06/2025
    newcomer: str  # Đặng Thu Thảo, probationary from 01/03/2026
    meeting: str  # the meeting of the recognition vote


def _probationary(reg, name: str, ceremony: str) -> str:
    person = members.add_person(
        reg,
        {
            "full_name": name,
            "sex": "female",
            "birth_date": "12/08/1996",
            "membership": "probationary",
            "ceremony_date": ceremony,
        },
        today=TODAY,
    )
    return person.id


@pytest.fixture
def small(register) -> SmallCell:
    """Four official members and two probationary ones; Duyên's recognition vote was taken at
    the regular meeting of 16/06/2026, chaired by An with Bình taking the minutes; Dung was
    away on work, the rest came; 3 of the 4 official members voted in favour."""
    reg = register
    cell = pipeline.small_cell(reg)
    pid = pipeline.to_probation(reg, cell)
    newcomer = _probationary(reg, "Đặng Thu Thảo", "01/03/2026")
    a, b, _c, dung = cell.officials
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("self_review", D(2026, 6, 3))
    step("mentor_assessment", D(2026, 6, 4), details={"mentor_id": a})
    step("probation_comments", D(2026, 6, 5))
    meeting = meetings.add_meeting(
        reg,
        {"kind": "regular", "date": VOTE_DAY, "topic": "Sinh hoạt chi bộ tháng 6",
         "chair": a, "minute_taker": b},
        today=TODAY,
    )  # fmt: skip
    meetings.record_rollcall(
        reg, meeting.id, [Entry("excused", dung, reason="Đi công tác Hà Nội")], today=TODAY
    )
    development.record_vote(
        reg, pid, "recognition", VOTE_DAY, present=3, in_favour=3, meeting_id=meeting.id,
        today=TODAY,
    )  # fmt: skip
    return SmallCell(reg, cell.officials, pid, newcomer, meeting.id)


def render(reg, code: str, person_id: str, **kw) -> bytes:
    return registry.render(reg, code, person_id=person_id, today=TODAY, **kw)


def demo_person(reg, code: str, *, status: str | None = None) -> str:
    """The first demo person (Vietnamese order) a form applies to."""
    for row in development.list_candidates(reg, TODAY):
        if status and row.status != status:
            continue
        if registry.refusal(reg, code, person_id=row.person_id, today=TODAY) is None:
            return row.person_id
    raise AssertionError(f"no demo person for {code}")
