"""A small cell and one candidate walked from the pool to official member through the services,
shared by the development and journal tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.services import development, members
from desktop_app.store import journal

D = dt.date
TODAY = D(2026, 11, 22)


def official(reg, name: str, sex: str = "male", year: int = 2000, **extra) -> str:
    person = members.add_person(
        reg,
        {
            "full_name": name,
            "sex": sex,
            "birth_date": "1970",
            "membership": "official",
            "ceremony_date": f"10/10/{year}",
            "official_date": f"10/10/{year + 1}",
            **extra,
        },
        today=TODAY,
    )
    return person.id


@dataclass
class Cell:
    officials: list[str]
    candidate: str = ""


def small_cell(reg) -> Cell:
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]
    return Cell([official(reg, n, "female" if "Thị" in n else "male") for n in names])


CANDIDATE = {"full_name": "Huỳnh Thị Mỹ Duyên", "sex": "female", "birth_date": "10/05/1998"}


def to_vote(reg, cell: Cell) -> str:
    """A candidate with every paper the admission vote needs."""
    a, b = cell.officials[:2]
    person = development.add_candidate(
        reg, CANDIDATE, pool_date=D(2024, 9, 3), reference="12-NQ/CB", today=TODAY
    )
    pid = cell.candidate = person.id
    development.assign_mentor(reg, pid, a, D(2024, 9, 3), joint_since=D(2022, 1, 1), today=TODAY)
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("awareness_class", D(2024, 10, 15), details={"certificate_number": "215/CN-TTCT"})
    step("application", D(2025, 1, 6))
    step("personal_history", D(2025, 1, 10))
    step("verification", D(2025, 3, 3))
    step("introduction", D(2025, 3, 10), details={"introducer_id": a, "joint_since": D(2022, 1, 1)})
    step("introduction", D(2025, 3, 10), details={"introducer_id": b, "joint_since": D(2023, 6, 1)})
    step("comments_summary", D(2025, 3, 20))
    return pid


def to_probation(reg, cell: Cell) -> str:
    pid = to_vote(reg, cell)
    development.record_vote(
        reg,
        pid,
        "admission",
        D(2025, 4, 8),
        present=4,
        in_favour=4,
        reference="03-NQ/CB",
        today=TODAY,
    )
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("upper_review", D(2025, 4, 20))
    step(
        "admission_decision",
        D(2025, 5, 12),
        reference="45-QĐ/ĐU",
        details={"received": D(2025, 5, 14)},
    )
    step("ceremony", D(2025, 6, 2))
    return pid


def to_official(reg, cell: Cell) -> str:
    pid = to_probation(reg, cell)
    a = cell.officials[0]
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("member_cv", D(2025, 6, 20))
    step("new_member_class", D(2025, 8, 15), details={"certificate_number": "88/CN"})
    step("mentor_comment", D(2025, 9, 1), reason="Tích cực", details={"mentor_id": a})
    step("self_review", D(2026, 6, 3))
    step("mentor_assessment", D(2026, 6, 4), details={"mentor_id": a})
    step("probation_comments", D(2026, 6, 5))
    development.record_vote(
        reg, pid, "recognition", D(2026, 6, 16), present=4, in_favour=4, today=TODAY
    )
    step("recognition", D(2026, 7, 1), reference="77-QĐ/ĐU")
    return pid


class unchanged:  # used as ``with unchanged():``
    """Around a refused call: it must leave no trace in the journal."""

    def __enter__(self):
        self.head = journal.head()

    def __exit__(self, *exc):
        assert journal.head() == self.head, "a refused write left something behind"
