"""The upper level's report checked number by number against a count made here, independently,
from the raw rows of the cells' own registers (their person, event, meeting, attendance and
rating tables read with the store's models, never the report code), for 2025 and for 2026:
three cells that report, with admissions (one through every step, introduced by the Youth
Union), recognitions, two transfers between cells by slip keeping the person's id (one in
transit over New Year), transfers to and from outside, a removal, a probationary member
removed, deaths, an exemption, a temporary leave, meetings with roll calls and ratings, sent
up in two rounds of bundles; a fourth cell enrolled that never reported. The figures of the
whole are also the sums of the cells' figures where a sum is right, and each cell's line is
the cell's own report of itself."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest

from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.services import (
    development,
    meetings,
    members,
    ratings,
    reports,
    transfers,
    upper_reports,
)
from desktop_app.services import upper_workspace as ws
from desktop_app.services.meetings import Entry
from desktop_app.store.models import Attendance, Meeting, Person, PersonEvent, Rating
from tests.conftest import TODAY
from tests.services import pipeline
from tests.sync.upper_helpers import World, use

D = dt.date
Y2025 = (D(2025, 1, 1), D(2025, 12, 31))
Y2026 = (D(2026, 1, 1), D(2026, 12, 31))
CODES = ("CB-KP1", "CB-KP2", "CB-KP3")
SILENT = "CB-KP4"
OUT = ("transfer_out", "removal", "probation_removal", "expulsion", "resignation", "death")
EXIT_EVENTS = {"transferred_out": ("transfer_out",), "removed": ("removal", "probation_removal"),
               "expelled": ("expulsion",), "resigned": ("resignation",),
               "deceased": ("death",)}  # fmt: skip
ROLL = ("regular", "thematic", "study")
LEVELS = ("excellent", "good", "complete", "incomplete")


# -- the cells ---------------------------------------------------------------------------------


class Cells:
    """The world of this file: an upper level, three cells that report, one that does not."""

    def __init__(self, folder: Path) -> None:
        self.world = World(folder)
        self.ids: dict[str, str] = {}
        self.slips = folder / "slips"
        self.slips.mkdir()
        self.held_slip: transfers.SlipWritten | None = None
        for code in CODES:
            self.world.add_cell(code, f"Chi bộ Khu phố {code[-1]}")
        ws.enrol_cell(use(self.world.upper), SILENT, folder, name="Chi bộ Khu phố 4")

    def reg(self, code: str):
        return use(self.world.cells[code])

    def add(self, code: str, key: str, name: str, **fields) -> str:
        sex = "female" if " Thị " in f" {name} " else "male"
        data = {"full_name": name, "sex": sex, "birth_date": "1970", **fields}
        self.ids[key] = members.add_person(self.reg(code), data, today=TODAY).id
        return self.ids[key]

    def official(self, code: str, key: str, name: str, year: int = 2000, **fields) -> str:
        return self.add(code, key, name, membership="official", ceremony_date=f"10/10/{year}",
                        official_date=f"10/10/{year + 1}", **fields)  # fmt: skip

    def event(self, code: str, key: str, kind: str, on: D, **kw) -> None:
        members.record_event(self.reg(code), self.ids[key], kind, on, today=TODAY, **kw)

    def move(self, key: str, source: str, target: str, left: D, arrived: D) -> None:
        """A transfer by slip: out of ``source``, into ``target``, the same id."""
        sent = transfers.write_slip(
            self.reg(source), self.ids[key], self.slips, on=left,
            place=f"Chi bộ Khu phố {target[-1]}", today=TODAY,
        )  # fmt: skip
        done = transfers.receive_slip(self.reg(target), sent.path, sent.code, on=arrived,
                                      today=TODAY)  # fmt: skip
        assert done.person.id == self.ids[key]

    def meeting(self, code: str, kind: str, on: D, lines: dict[str, str] | None = None) -> None:
        reg = self.reg(code)
        made = meetings.add_meeting(reg, {"kind": kind, "date": on}, today=TODAY).id
        entries = [Entry(status, self.ids[key], reason="Ốm" if status == "excused" else "")
                   for key, status in (lines or {}).items()]  # fmt: skip
        if entries:
            meetings.record_rollcall(reg, made, entries, today=TODAY)

    def rate(self, code: str, key: str, year: int, level: str, points=None) -> None:
        ratings.set_rating(self.reg(code), self.ids[key], year, level, points=points, today=TODAY)

    def send(self) -> None:
        """Each cell's bundle of what is new, applied by the upper level."""
        for code in CODES:
            use(self.world.upper)
            if ws.find_cell(code).applied_seq == 0:
                done = self.world.first(code)
            else:
                done = self.world.receive(self.world.export(code))
            assert done.status == "applied", done.message


def _youth_admission(cells: Cells) -> None:
    """KP1: Huỳnh Thị Mỹ Duyên through every step, introduced by the Youth Union, decision
    12/05/2025, ceremony 02/06/2025."""
    reg = cells.reg("CB-KP1")
    officials = [cells.ids[k] for k in ("an", "binh", "cuong", "dung")]
    pid = pipeline.to_vote(reg, pipeline.Cell(officials))
    cells.ids["duyen"] = pid
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("union_introduction", D(2025, 3, 25), details={"union": "youth"})
    development.record_vote(reg, pid, "admission", D(2025, 4, 8), present=4, in_favour=4,
                            today=TODAY)  # fmt: skip
    step("upper_review", D(2025, 4, 20))
    step("admission_decision", D(2025, 5, 12), details={"received": D(2025, 5, 14)})
    step("ceremony", D(2025, 6, 2))


def _first_round(c: Cells) -> None:
    """Everything up to the end of 2025."""
    prob = {"membership": "probationary"}
    # KP1: An, Bình, Cường, Dung since 2000; Giang probationary since 31/12/2024; Em admitted
    # 01/03/2025 (Tày, Catholic) and gone to KP2 by slip 15/06 → 01/07; Khoa removed.
    for key, name in (("an", "Nguyễn Văn An"), ("binh", "Trần Thị Bình"),
                      ("cuong", "Lê Văn Cường"), ("dung", "Phạm Thị Dung")):  # fmt: skip
        c.official("CB-KP1", key, name)
    c.official("CB-KP1", "khoa", "Phan Văn Khoa", 2005)
    c.add("CB-KP1", "giang", "Võ Thị Giang", birth_date="1990", **prob,
          admission_decision_date="31/12/2024", ceremony_date="10/01/2025")  # fmt: skip
    c.add("CB-KP1", "em", "Hà Thị Em", birth_date="10/05/1999", ethnicity="Tày",
          religion="Công giáo", education="12/12", **prob, admission_decision_date="01/03/2025",
          ceremony_date="15/03/2025")  # fmt: skip
    _youth_admission(c)
    c.event("CB-KP1", "cuong", "death", D(2025, 6, 5))
    c.event("CB-KP1", "khoa", "removal", D(2025, 10, 10), reason="Bỏ sinh hoạt 3 tháng")
    c.event("CB-KP1", "dung", "exemption", D(2025, 11, 1), reason="Tuổi cao")
    # KP2: Phúc, Quang, Sơn, Tâm since 2005; Vinh gone outside 01/09; Uyên in from outside
    # 01/08; Em in from KP1; Tâm to KP3 by slip 20/12/2025 → 05/01/2026 (in transit at New Year)
    for key, name in (("phuc", "Đỗ Văn Phúc"), ("quang", "Bùi Văn Quang"), ("son", "Đặng Văn Sơn"),
                      ("tam", "Ngô Thị Tâm"), ("vinh", "Lý Văn Vinh")):  # fmt: skip
        c.official("CB-KP2", key, name, 2005)
    c.official("CB-KP2", "uyen", "Trương Thị Uyên", 2010)
    c.event("CB-KP2", "uyen", "transfer_in", D(2025, 8, 1), place="Chi bộ Phường Ghềnh Ráng")
    c.event("CB-KP2", "vinh", "transfer_out", D(2025, 9, 1), place="Đảng bộ xã Cát Tiến")
    c.move("em", "CB-KP1", "CB-KP2", D(2025, 6, 15), D(2025, 7, 1))
    sent = transfers.write_slip(c.reg("CB-KP2"), c.ids["tam"], c.slips, on=D(2025, 12, 20),
                                place="Chi bộ Khu phố 3", today=TODAY)  # fmt: skip
    c.held_slip = sent  # received by KP3 in the second round
    # KP3: Xuân, Yến, Ánh since 1995; Bảo probationary since 2024, never recognised (overdue);
    # Châu admitted 20/04/2025 (Buddhist); Đạt admitted 2024, removed from probation 2025; Yến
    # away 01/04 → 01/10/2025.
    for key, name in (("xuan", "Hồ Thị Xuân"), ("yen", "Mai Thị Yến"), ("anh", "Lâm Văn Ánh")):
        c.official("CB-KP3", key, name, 1995)
    c.add("CB-KP3", "bao", "Tạ Văn Bảo", birth_date="1992", **prob,
          admission_decision_date="05/05/2024", ceremony_date="15/05/2024")  # fmt: skip
    c.add("CB-KP3", "chau", "Kiều Thị Châu", birth_date="20/08/1995", ethnicity="Kinh",
          religion="Phật giáo", education="9/12", **prob, admission_decision_date="20/04/2025",
          ceremony_date="01/05/2025")  # fmt: skip
    c.add("CB-KP3", "dat", "Văn Công Đạt", birth_date="1988", **prob,
          admission_decision_date="02/02/2024", ceremony_date="12/02/2024")  # fmt: skip
    c.event("CB-KP3", "dat", "probation_removal", D(2025, 3, 3), reason="Không đủ tư cách")
    c.event("CB-KP3", "yen", "temporary_leave", D(2025, 4, 1), place="Trường Chính trị tỉnh")
    c.event("CB-KP3", "yen", "temporary_return", D(2025, 10, 1))
    development.add_candidate(c.reg("CB-KP3"), {"full_name": "Ngô Thị Lan", "sex": "female"},
                              pool_date=D(2025, 2, 1), today=TODAY)  # fmt: skip
    # meetings and their roll calls
    c.meeting("CB-KP1", "regular", D(2025, 2, 10), {"dung": "excused"})
    c.meeting("CB-KP1", "study", D(2025, 3, 15), {"khoa": "absent", "em": "late"})
    c.meeting("CB-KP1", "thematic", D(2025, 11, 20))  # Dung exempted: not expected
    c.meeting("CB-KP1", "committee", D(2025, 5, 5))
    c.meeting("CB-KP2", "regular", D(2025, 5, 5), {"quang": "absent"})
    c.meeting("CB-KP2", "thematic", D(2025, 8, 20), {"em": "excused", "uyen": "late"})
    c.meeting("CB-KP3", "regular", D(2025, 4, 10), {"xuan": "late"})  # Yến away
    c.meeting("CB-KP3", "study", D(2025, 6, 6), {"bao": "absent"})
    # ratings of 2025; the upper level's quotas
    c.rate("CB-KP1", "an", 2025, "excellent", 95)
    c.rate("CB-KP1", "binh", 2025, "good")
    c.rate("CB-KP2", "em", 2025, "good", 80)
    c.rate("CB-KP2", "phuc", 2025, "complete", 60)
    c.rate("CB-KP3", "xuan", 2025, "excellent")
    c.rate("CB-KP3", "yen", 2025, "incomplete")
    upper = use(c.world.upper)
    for code, year, count in (("CB-KP1", 2025, 2), ("CB-KP2", 2025, 1), ("CB-KP3", 2025, 3),
                              ("CB-KP1", 2026, 2), (SILENT, 2026, 1)):  # fmt: skip
        ws.set_quota(upper, code, year, count, today=TODAY)
    c.send()


def _second_round(c: Cells) -> None:
    """2026: Tâm arrives in KP3; Giang and Em recognised; Minh admitted in KP2; Ánh dies;
    Sơn resigns; meetings and ratings; the second bundles."""
    held = c.held_slip
    assert held is not None
    done = transfers.receive_slip(c.reg("CB-KP3"), held.path, held.code, on=D(2026, 1, 5),
                                  today=TODAY)  # fmt: skip
    assert done.person.id == c.ids["tam"]
    c.event("CB-KP1", "giang", "recognition", D(2026, 1, 15))
    c.event("CB-KP2", "em", "recognition", D(2026, 4, 1))
    c.add("CB-KP2", "minh", "Đỗ Văn Minh", birth_date="1975", membership="probationary",
          admission_decision_date="10/03/2026", ceremony_date="20/03/2026")  # fmt: skip
    c.event("CB-KP3", "anh", "death", D(2026, 2, 1))
    c.event("CB-KP2", "son", "resignation", D(2026, 6, 1))
    c.meeting("CB-KP1", "regular", D(2026, 3, 10), {"an": "absent"})
    c.meeting("CB-KP2", "study", D(2026, 2, 2), {"em": "present", "son": "excused"})
    c.meeting("CB-KP3", "regular", D(2026, 1, 20), {"tam": "late"})
    c.rate("CB-KP3", "tam", 2026, "good")
    c.send()


@pytest.fixture(scope="module")
def cells(tmp_path_factory):
    made = Cells(tmp_path_factory.mktemp("upper-reports"))
    _first_round(made)
    _second_round(made)
    yield made
    made.world.close()


def build(world: Cells, first: D, last: D, kinds="all", **kw):
    return upper_reports.build(use(world.world.upper), kinds, first, last, today=TODAY, **kw)


# -- the independent count -----------------------------------------------------------------------


def _day(iso: str | None) -> D | None:
    return D.fromisoformat(iso) if iso else None


@dataclass
class Rec:
    """One cell's record of a person: its row and its events, as the tables hold them."""

    code: str
    row: Person
    events: list[PersonEvent]

    def dated(self, *kinds: str) -> list[tuple[D, str]]:
        return sorted((D.fromisoformat(e.date), e.kind) for e in self.events if e.kind in kinds)

    @cached_property
    def admitted(self) -> D | None:
        r = self.row
        return _day(r.admission_decision_date or r.ceremony_date or r.official_date)

    @cached_property
    def moves(self) -> list[tuple[D, str]]:
        moves = self.dated("transfer_in", *OUT)
        kinds = EXIT_EVENTS.get(self.row.exit or "")
        if kinds and not any(k in kinds for _, k in moves):  # an exit typed in, no event
            moves.append((_day(self.row.exit_date), kinds[0]))
        return sorted(moves)

    @cached_property
    def came_by_transfer(self) -> bool:
        steps = self.dated("admission_decision", "ceremony")
        return bool(self.moves) and self.moves[0][1] == "transfer_in" and not steps

    def member_on(self, day: D) -> bool:
        if self.row.membership == "candidate" and self.admitted is None:
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

    def flag_on(self, day: D, on: str, off: str) -> bool | None:
        """An overlay replayed from its events; None when the record has no overlay event."""
        flags = self.dated("exemption", "exemption_end", "temporary_leave", "temporary_return")
        if not flags:
            return None
        before = [kind for when, kind in flags if when <= day and kind in (on, off)]
        return bool(before) and before[-1] == on

    def exempted_on(self, day: D) -> bool:
        found = self.flag_on(day, "exemption", "exemption_end")
        return bool(self.row.exempted) if found is None else found

    def away_on(self, day: D) -> bool:
        found = self.flag_on(day, "temporary_leave", "temporary_return")
        return bool(self.row.temporarily_away) if found is None else found

    def on_roll(self, day: D) -> bool:
        """Expected at a meeting of the cell that day (the roll's rule: from the ceremony)."""
        r = self.row
        if r.membership not in ("probationary", "official"):
            return False
        start = _day(r.ceremony_date or r.admission_decision_date or r.official_date)
        if start and day < start:
            return False
        moves = [(on, k) for on, k in self.moves]
        inside = not moves or moves[0][1] != "transfer_in"
        for on, kind in moves:
            if on <= day:
                inside = kind == "transfer_in"
        return inside and not self.exempted_on(day) and not self.away_on(day)

    def official_by(self, day: D) -> bool:
        recognitions = self.dated("recognition")
        if recognitions:
            return recognitions[-1][0] <= day
        official = _day(self.row.official_date)
        return self.row.membership == "official" and (official is None or official <= day)


@dataclass
class Raw:
    """Every cell's raw rows."""

    recs: list[Rec] = field(default_factory=list)
    meetings: dict[str, list[Meeting]] = field(default_factory=dict)
    lines: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    ratings: list[tuple[str, Rating]] = field(default_factory=list)

    def of(self, code: str) -> list[Rec]:
        return [r for r in self.recs if r.code == code]

    @cached_property
    def by_person(self) -> dict[str, list[Rec]]:
        out: dict[str, list[Rec]] = {}
        for r in self.recs:
            out.setdefault(r.row.id, []).append(r)
        return out

    @cached_property
    def within(self) -> list[tuple[str, D, D, PersonEvent, PersonEvent]]:
        """Moves between cells: a transfer in that names, in its details, another cell
        holding the same person, with that cell's transfer out of that day."""
        found = []
        for r in self.recs:
            for e in r.events:
                source = json.loads(e.details or "{}").get("from_cell_code")
                if e.kind != "transfer_in" or not source:
                    continue
                [there] = [x for x in self.by_person[r.row.id] if x.code == source]
                left = json.loads(e.details)["transfer_out_date"]
                [out] = [x for x in there.events if x.kind == "transfer_out" and x.date == left]
                found.append((r.row.id, D.fromisoformat(left), D.fromisoformat(e.date), out, e))
        return found

    @cached_property
    def internal_ids(self) -> set[str]:
        return {e.id for *_, out, came in self.within for e in (out, came)}

    def member_on(self, person_id: str, day: D) -> bool:
        """A member of one of the cells, or between two of them."""
        if any(r.member_on(day) for r in self.by_person[person_id]):
            return True
        return any(p == person_id and left <= day < came for p, left, came, *_ in self.within)

    def members_on(self, day: D) -> int:
        return sum(self.member_on(p, day) for p in self.by_person)

    def admitted(self, first: D, last: D) -> set[str]:
        return {r.row.id for r in self.recs if r.admitted_in(first, last)}


def raw(cells: Cells) -> Raw:
    out = Raw()
    for code in CODES:
        cells.reg(code)
        events: dict[str, list[PersonEvent]] = {}
        for e in PersonEvent.select().where(PersonEvent.deleted == False):  # noqa: E712
            events.setdefault(e.person_id, []).append(e)
        for p in Person.select().where(Person.deleted == False):  # noqa: E712
            out.recs.append(Rec(code, p, events.get(p.id, [])))
        out.meetings[code] = list(Meeting.select().where(Meeting.deleted == False))  # noqa: E712
        out.lines[code] = {(a.meeting_id, a.person_id): a.status for a in Attendance.select()
                           .where(Attendance.deleted == False) if a.person_id}  # noqa: E712  # fmt: skip
        out.ratings += [(code, r) for r in Rating.select().where(Rating.deleted == False)]  # noqa: E712
    return out


def count_moves(raw: Raw, kind: str, first: D, last: D, *, code: str | None = None,
                within: bool = True) -> int:  # fmt: skip
    """Events of a kind in the period (typed exits too); ``within=False`` leaves out the two
    ends of a move between cells."""
    total = 0
    for r in raw.recs if code is None else raw.of(code):
        ids = {(D.fromisoformat(e.date), e.kind): e.id for e in r.events}
        for on, k in r.moves:
            if k == kind and first <= on <= last:
                total += within or ids.get((on, k)) not in raw.internal_ids
    return total


def roll_count(raw: Raw, code: str, first: D, last: D, kinds=ROLL) -> tuple[int, int]:
    """(expected, attended) over the cell's held roll meetings of the period."""
    expected = attended = 0
    for m in raw.meetings[code]:
        on = D.fromisoformat(m.date)
        if not m.held or m.kind not in kinds or not first <= on <= last:
            continue
        for r in raw.of(code):
            if r.on_roll(on):
                expected += 1
                status = raw.lines[code].get((m.id, r.row.id), "present")
                attended += status in ("present", "late")
    return expected, attended


# -- the tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("period", [Y2025, Y2026], ids=["2025", "2026"])
def test_every_figure_of_the_year_matches_a_count_from_the_cells_registers(cells, period):
    first, last = period
    report = build(cells, first, last)
    data = raw(cells)
    s = report.sections
    before = first - dt.timedelta(days=1)
    on = min(last, TODAY)

    # admissions against the upper level's quotas
    admitted = data.admitted(first, last)
    a = s["admissions"]
    assert sorted(x.person_id for x in a.people) == sorted(admitted)
    [year] = a.years
    quotas = {2025: 2 + 1 + 3, 2026: 2}  # KP4's quota: no figures from it
    assert (year.admitted, year.quota.quota) == (len(admitted), quotas[first.year])
    assert year.members_at_start == data.members_on(before)

    # increase and decrease of the whole: moves between cells are neither
    m = s["movements"]
    assert (m.at_start, m.at_end) == (data.members_on(before), data.members_on(last))
    assert m.count("admission") == len(admitted)
    for kind in ("transfer_in", *OUT):
        assert m.count(kind) == count_moves(data, kind, first, last, within=False), kind
    recognised = sum(first <= on_ <= last for r in data.recs for on_, _ in r.dated("recognition"))
    assert len(m.recognised) == recognised
    assert m.balanced

    # new members by category
    chosen = {r.row.id: r.row for r in data.recs if r.row.id in admitted}
    c = s["new-members"].composition
    assert c.total == len(chosen)
    assert c.women == sum(p.sex == "female" for p in chosen.values())
    assert c.minorities == sum(p.ethnicity not in ("", "Kinh") for p in chosen.values())
    assert c.believers == sum(p.religion not in ("", "Không") for p in chosen.values())
    youth = {r.row.id for r in data.recs for e in r.events if r.row.id in admitted
             and e.kind == "union_introduction"
             and json.loads(e.details)["union"] == "youth"}  # fmt: skip
    assert c.youth_union == len(youth)
    school = {"12/12": "Trung học phổ thông", "9/12": "Trung học cơ sở", "": "Chưa ghi trong sổ"}
    education = Counter(school[p.education] for p in chosen.values())
    assert {k: v for k, v in c.education.items() if v} == dict(education)
    assert sum(c.age_bands.values()) == c.total

    # probationary members on the last day counted
    expected = sorted(
        pid for pid, recs in data.by_person.items()
        if data.member_on(pid, on) and any(r.admitted and r.admitted <= on for r in recs)
        and not any(r.official_by(on) for r in recs)
    )  # fmt: skip
    assert sorted(p.person_id for p in s["probation"].people) == expected

    # meetings: every cell's rolls, counted again here
    att = s["attendance"]
    counted = [roll_count(data, code, first, last) for code in CODES]
    assert att.overall.expected == sum(e for e, _ in counted)
    assert att.overall.attended == sum(a for _, a in counted)
    study = [roll_count(data, code, first, last, ("study",)) for code in CODES]
    by_study = att.by_kind["study"]
    assert by_study.expected == sum(e for e, _ in study)
    assert by_study.attended == sum(a for _, a in study)
    held = Counter(x.kind for code in CODES for x in data.meetings[code]
                   if x.held and first <= D.fromisoformat(x.date) <= last)  # fmt: skip
    assert att.held == dict(held)

    # ratings
    [rated] = s["ratings"].years
    given = [r for _, r in data.ratings if r.year == first.year]
    assert rated.counts == {lv: sum(r.level == lv for r in given) for lv in LEVELS}
    count_on = min(D(first.year, 12, 31), TODAY)
    exempted = {r.row.id for r in data.recs
                if r.member_on(count_on) and r.exempted_on(count_on)}  # fmt: skip
    due = [pid for pid in data.by_person if data.member_on(pid, count_on) and pid not in exempted]
    assert rated.to_rate == len(due)
    assert rated.rated_due == sum(r.person_id in due for r in given)


def test_the_known_answers_of_2025(cells):
    """The same year by hand, so the count above cannot drift with the code it checks."""
    s = build(cells, *Y2025).sections
    # end of 2024: KP1 An Bình Cường Dung Khoa Giang (decision 31/12) = 6; KP2 Phúc Quang Sơn
    # Tâm Vinh = 5 (Uyên comes by transfer); KP3 Xuân Yến Ánh Bảo Đạt = 5. End of 2025: KP1
    # An Bình Dung Giang Duyên, KP2 Phúc Quang Sơn Uyên Em, KP3 Xuân Yến Ánh Bảo Châu, and
    # Tâm between KP2 and KP3.
    m = s["movements"]
    assert (m.at_start, m.at_end) == (16, 16)
    assert {k: m.count(k) for k in ("admission", "transfer_in", "transfer_out", "removal",
                                    "probation_removal", "death")} == {
        "admission": 3, "transfer_in": 1, "transfer_out": 1, "removal": 1,
        "probation_removal": 1, "death": 1,
    }  # fmt: skip  # Em, Duyên, Châu; Uyên in, Vinh out; Em and Tâm moved within
    assert [x.full_name for x in m.recognised] == []
    [year] = s["admissions"].years
    assert (year.admitted, year.quota.quota, year.members_at_start) == (3, 6, 16)
    assert (year.of_quota.text, year.of_members.text) == ("50,0%", "18,8%")
    c = s["new-members"].composition
    assert (c.total, c.women, c.minorities, c.believers, c.youth_union) == (3, 3, 1, 2, 1)
    probation = sorted(p.full_name for p in s["probation"].people)
    assert probation == sorted(["Hà Thị Em", "Huỳnh Thị Mỹ Duyên", "Kiều Thị Châu", "Tạ Văn Bảo",
                                "Võ Thị Giang"])  # fmt: skip
    # on 22/11/2026 Bảo, Duyên, Châu are past their probation with no vote; Giang and Em
    # were recognised since
    assert s["probation"].overdue == 3
    [rated] = s["ratings"].years
    assert (rated.rated, rated.exempted) == (6, 1)  # Dung exempted
    assert [(x.person_id, x.from_code, x.to_code) for x in build(cells, *Y2025).moves] == [
        (cells.ids["em"], "CB-KP1", "CB-KP2"), (cells.ids["tam"], "CB-KP2", "CB-KP3"),
    ]  # fmt: skip


def _line(section, code: str) -> dict:
    [found] = [row for row in section.by_cell if row["code"] == code]
    return found


@pytest.mark.parametrize("period", [Y2025, Y2026], ids=["2025", "2026"])
def test_each_cells_line_is_its_own_count_and_the_whole_is_their_sum(cells, period):
    first, last = period
    report = build(cells, first, last)
    data = raw(cells)
    s = report.sections
    before = first - dt.timedelta(days=1)
    for code in CODES:
        recs = data.of(code)
        line = _line(s["movements"], code)
        assert line["at_start"] == sum(r.member_on(before) for r in recs)
        assert line["at_end"] == sum(r.member_on(last) for r in recs)
        for kind in ("transfer_in", "transfer_out", "death"):
            assert line[kind] == count_moves(data, kind, first, last, code=code), (code, kind)
        admitted = sum(r.admitted_in(first, last) for r in recs)
        assert line["admission"] == _line(s["admissions"], code)["admitted"] == admitted
        expected, attended = roll_count(data, code, first, last)
        att = _line(s["attendance"], code)
        assert (att["expected"], att["attended"]) == (expected, attended)
        # the cell's own report of itself says the same
        own = reports.build(cells.reg(code), "all", first, last, today=TODAY).sections
        assert line["at_start"] == own["movements"].at_start
        assert line["recognised"] == len(own["movements"].recognised)
        assert att["expected"] == own["attendance"].overall.expected
        assert _line(s["probation"], code)["probationary"] == len(own["probation"].people)
    # the whole is the sum of its cells where a sum is right
    add = lambda kind, key: sum(_line(s[kind], code)[key] for code in CODES)  # noqa: E731
    assert s["admissions"].total == add("admissions", "admitted")
    assert s["new-members"].composition.women == add("new-members", "women")
    m = s["movements"]
    assert m.count("admission") == add("movements", "admission")
    assert m.count("death") == add("movements", "death")
    left = m.decrease - m.count("transfer_out") - m.count("death")
    assert left == add("movements", "left")
    assert m.count("transfer_in") == add("movements", "transfer_in") - sum(
        first <= x.arrived <= last for x in report.moves
    )
    assert m.count("transfer_out") == add("movements", "transfer_out") - sum(
        first <= x.left <= last for x in report.moves
    )
    transit = sum(x.left <= before < x.arrived for x in report.moves)
    assert m.at_start == add("movements", "at_start") + transit
    assert report.moves
    att = s["attendance"]
    assert att.overall.expected == add("attendance", "expected")
    assert att.overall.attended == add("attendance", "attended")
    assert len(s["probation"].people) == add("probation", "probationary")
    for level in LEVELS:
        [year] = s["ratings"].years
        rows = [r for r in s["ratings"].by_cell if r["year"] == first.year]
        assert year.counts[level] == sum(r[level] for r in rows)


def test_a_member_in_transit_at_new_year_is_counted_once_by_the_whole(cells):
    """Tâm left KP2 on 20/12/2025 and reached KP3 on 05/01/2026: in neither cell on 31/12,
    still a member of the đảng bộ; rated by KP3 for 2026."""
    end = build(cells, *Y2025)
    kp2, kp3 = (_line(end.sections["movements"], c) for c in ("CB-KP2", "CB-KP3"))
    whole = end.sections["movements"].at_end
    assert whole == sum(_line(end.sections["movements"], c)["at_end"] for c in CODES) + 1
    assert (kp2["transfer_out"], kp2["moved_out_within"]) == (2, 1)  # Vinh outside, Tâm within
    assert (kp3["transfer_in"], kp3["moved_in_within"]) == (0, 0)
    assert any("đang chuyển giữa hai chi bộ" in note for t in end.tables("movements")
               for note in t.notes)  # fmt: skip
    [rated] = end.sections["ratings"].years
    assert rated.to_rate == sum(r["to_rate"] for r in end.sections["ratings"].by_cell) + 1
    start = build(cells, *Y2026)
    assert _line(start.sections["movements"], "CB-KP3")["moved_in_within"] == 1
    assert start.sections["movements"].count("transfer_in") == 0


def test_a_cell_that_never_reported_is_absent_and_named(cells):
    report = build(cells, *Y2025)
    assert [c.code for c in report.cells] == list(CODES)
    assert report.absent == ((SILENT, "Chi bộ Khu phố 4"),)
    assert any(SILENT in line and "chưa gửi gói" in line for line in report.limits)
    assert all(SILENT not in [r["code"] for r in s.by_cell] for s in report.sections.values())
    assert report.to_json()["absent_cells"] == [{"code": SILENT, "name": "Chi bộ Khu phố 4"}]
    # its 2026 quota is not added to the others'
    [year] = build(cells, *Y2026, kinds="admissions").sections["admissions"].years
    assert year.quota.quota == 2
    assert any("chưa giao chỉ tiêu" in line and "CB-KP2" in line
               for line in build(cells, *Y2026).limits)  # fmt: skip


def test_chosen_cells_only(cells):
    both = build(cells, *Y2025, cells=["cb-kp1", "CB-KP2 "])
    assert [c.code for c in both.cells] == ["CB-KP1", "CB-KP2"]
    m = both.sections["movements"]
    # Em moved within the two; Tâm left for KP3, not chosen: a transfer out here
    assert [x.person_id for x in both.moves] == [cells.ids["em"]]
    assert m.count("transfer_out") == 2  # Vinh, Tâm
    one = build(cells, *Y2025, cells=["CB-KP3"], kinds="movements")
    assert (
        one.sections["movements"].at_end
        == _line(build(cells, *Y2025).sections["movements"], "CB-KP3")["at_end"]
    )
    silent = build(cells, *Y2025, cells=[SILENT])
    assert silent.cells == () and silent.absent == ((SILENT, "Chi bộ Khu phố 4"),)
    assert silent.sections["movements"].at_end == 0
    with pytest.raises(NotFoundError, match="CB-XX"):
        build(cells, *Y2025, cells=["CB-KP1", "CB-XX"])
    with pytest.raises(StateError, match="ít nhất một mã chi bộ"):
        build(cells, *Y2025, cells=[" ", ""])


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        (D(2025, 12, 31), D(2025, 1, 1), "sau ngày kết thúc"),
        (D(1929, 1, 1), D(2025, 1, 1), "trước năm 1930"),
        (D(2027, 1, 1), D(2027, 12, 31), "chưa có số liệu"),
    ],
)
def test_a_bad_period_is_refused_in_vietnamese(cells, first, last, message):
    with pytest.raises(StateError, match=message):
        build(cells, first, last)


def test_unknown_kinds_and_a_cell_register_are_refused(cells, tmp_path):
    with pytest.raises(NotFoundError, match="Không có loại báo cáo «tiền»"):
        build(cells, *Y2025, kinds=["tiền"])
    with pytest.raises(StateError, match="không phải sổ làm việc của cấp ủy cấp trên"):
        upper_reports.build(cells.reg("CB-KP1"), "all", *Y2025, today=TODAY)


def test_the_json_and_the_tables_carry_the_lines_by_cell(cells):
    report = build(cells, *Y2025)
    doc = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert [c["code"] for c in doc["cells"]] == list(CODES)
    assert [m["from"] for m in doc["moves_within"]] == ["CB-KP1", "CB-KP2"]
    for kind in ("admissions", "new-members", "movements", "probation", "attendance", "ratings"):
        assert {row["code"] for row in doc[kind]["by_cell"]} == set(CODES), kind
        titles = [t.title for t in report.tables(kind)]
        assert any("theo chi bộ" in t for t in titles), kind
    movements = report.tables("movements")
    assert movements[1].rows[-1][:2] == ("Cộng", "3 chi bộ")
    assert movements[1].rows[-1][2] == report.sections["movements"].at_start
    assert "Chuyển sinh hoạt giữa các chi bộ trong đảng bộ (2 lượt)" in [t.title for t in movements]
    # the admissions line of a cell: its own quota
    kp3 = _line(report.sections["admissions"], "CB-KP3")
    assert (kp3["admitted"], kp3["quota"], kp3["of_quota"]) == (1, 3, round(1 / 3, 4))
