"""The upper level's join of its cells (``domain/aggregate.py``), on plain rows: a move within
the đảng bộ changes nothing for the whole, whichever cells the people are spread over; the
matching of a transfer in with its transfer out; a person two cells hold; the roll tallies
rebuilt from lines."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.aggregate import MOVE_WINDOW_DAYS, CellData, merge, upper_report
from desktop_app.domain.attendance import Presence, Tally, group_on
from desktop_app.domain.membership import PersonState
from desktop_app.domain.reports import KINDS, EventRow, Period, PersonRow, Rows, Share, report
from desktop_app.domain.roll_tally import MeetingFact, meeting_rows, on_roll, presences

D = dt.date
TODAY = D(2026, 11, 22)
YEAR = Period(D(2025, 1, 1), D(2025, 12, 31))


def person(pid: str, name: str = "Nguyễn Văn An", **fields) -> PersonRow:
    values = {
        "full_name": name, "sort_key": name, "sex": "male", "birth_date": "1980",
        "ethnicity": "Kinh", "religion": "", "education": "", "profession": "",
        "political_theory": "", "occupation": "", "membership": "official",
        "official_date": D(2001, 1, 1), "ceremony_date": D(2000, 1, 1),
    }  # fmt: skip
    return PersonRow(pid, **{**values, **fields})


def cell(code: str, people, events=(), sources=None, meetings=()) -> CellData:
    rows = Rows(list(people), list(events), list(meetings), today=TODAY)
    return CellData(code, f"Chi bộ {code}", rows, TODAY, sources or {})


def moved(pid: str, left: D, arrived: D, *, named: str | None = "A"):
    """The same person in cell A (gone on ``left``) and cell B (arrived on ``arrived``)."""
    a = cell("A", [person(pid, exit="transferred_out", exit_date=left)],
             [EventRow(pid, "transfer_out", left)])  # fmt: skip
    sources = {(pid, arrived): named} if named else {}
    b = cell("B", [person(pid)], [EventRow(pid, "transfer_in", arrived)], sources)
    return a, b


def test_a_move_named_by_its_slip_is_one_move_within():
    a, b = moved("p1", D(2025, 3, 1), D(2025, 3, 20))
    merged = merge([a, b])
    assert [(m.from_code, m.to_code) for m in merged.moves] == [("A", "B")]
    assert [p.id for p in merged.people] == ["p1"] and merged.home == {"p1": "B"}
    assert merged.events == [] and merged.doubled == []
    found = upper_report([a, b], YEAR, ["movements"], today=TODAY).sections["movements"]
    assert (found.at_start, found.at_end, found.increase, found.decrease) == (1, 1, 0, 0)
    assert [(r["code"], r["transfer_out"], r["transfer_in"]) for r in found.by_cell] == [
        ("A", 1, 0), ("B", 0, 1),
    ]  # fmt: skip


def test_there_and_back_again_is_two_moves_and_the_first_cells_record_stands():
    there, back = D(2025, 3, 10), D(2025, 9, 1)
    a = cell("A", [person("p1")],
             [EventRow("p1", "transfer_out", D(2025, 3, 1)), EventRow("p1", "transfer_in", back)],
             {("p1", back): "B"})  # fmt: skip
    b = cell("B", [person("p1", exit="transferred_out", exit_date=D(2025, 8, 25))],
             [EventRow("p1", "transfer_in", there), EventRow("p1", "transfer_out", D(2025, 8, 25))],
             {("p1", there): "A"})  # fmt: skip
    merged = merge([a, b])
    assert [(m.from_code, m.to_code) for m in merged.moves] == [("A", "B"), ("B", "A")]
    assert merged.home == {"p1": "A"} and merged.people[0].exit is None
    found = upper_report([a, b], YEAR, ["movements"], today=TODAY).sections["movements"]
    assert (found.at_start, found.at_end, found.increase, found.decrease) == (1, 1, 0, 0)
    assert [(r["transfer_in"], r["transfer_out"]) for r in found.by_cell] == [(1, 1), (1, 1)]


def test_an_arrival_from_a_cell_not_here_is_not_matched_with_another_cells_departure():
    a, b = moved("p1", D(2025, 3, 1), D(2025, 3, 20), named="CB-NGOAI")
    merged = merge([a, b])
    assert merged.moves == []
    found = upper_report([a, b], YEAR, ["movements"], today=TODAY).sections["movements"]
    assert (found.count("transfer_out"), found.count("transfer_in")) == (1, 1)


def test_without_a_slip_the_nearest_departure_in_the_window_is_taken():
    near = merge(list(moved("p1", D(2025, 3, 1), D(2025, 3, 1) + dt.timedelta(MOVE_WINDOW_DAYS),
                            named=None)))  # fmt: skip
    assert len(near.moves) == 1
    far = merge(list(moved("p1", D(2025, 3, 1), D(2025, 3, 2) + dt.timedelta(MOVE_WINDOW_DAYS),
                           named=None)))  # fmt: skip
    assert far.moves == []
    # a slip's cell is matched however long the member took to present it
    late = merge(list(moved("p1", D(2024, 3, 1), D(2025, 12, 1))))
    assert len(late.moves) == 1


def test_a_person_two_cells_hold_as_members_is_counted_once_and_named():
    a, b = cell("A", [person("p1")]), cell("B", [person("p1", name="Nguyễn Văn An")])
    found = upper_report([a, b], YEAR, ["movements"], today=TODAY)
    assert found.sections["movements"].at_end == 1
    assert [line["at_end"] for line in found.sections["movements"].by_cell] == [1, 1]
    assert any("cả các chi bộ A, B" in note for note in found.limits)


def test_the_admission_dates_the_receiving_record_lacks_come_from_the_first_cell():
    a = cell("A", [person("p1", membership="probationary", admission_decision_date=D(2025, 2, 1),
                          ceremony_date=D(2025, 2, 10), official_date=None, exit="transferred_out",
                          exit_date=D(2025, 5, 1))],
             [EventRow("p1", "transfer_out", D(2025, 5, 1))])  # fmt: skip
    arrival = [EventRow("p1", "transfer_in", D(2025, 5, 3))]
    b = cell("B", [person("p1", membership="probationary", admission_decision_date=None,
                          ceremony_date=D(2025, 2, 10), official_date=None)],
             arrival, {("p1", D(2025, 5, 3)): "a"})  # fmt: skip
    [joined] = merge([a, b]).people
    assert joined.admission_decision_date == D(2025, 2, 1) and joined.exit is None
    found = upper_report([a, b], YEAR, ["admissions"], today=TODAY).sections["admissions"]
    assert found.total == 1  # once: admitted in A, arrived in B
    assert [line["admitted"] for line in found.by_cell] == [1, 0]


def test_a_cell_that_sent_nothing_is_named_and_its_quota_left_out():
    found = upper_report([cell("A", [person("p1")])], YEAR, ["admissions"],
                         absent=[("Z", "Chi bộ Z")], today=TODAY)  # fmt: skip
    assert any("chưa gửi gói nào" in n and "Z (Chi bộ Z)" in n for n in found.limits)
    assert found.to_json()["absent_cells"] == [{"code": "Z", "name": "Chi bộ Z"}]


def test_before_any_cell_has_sent_anything_the_report_is_empty_and_says_so():
    found = upper_report([], YEAR, list(KINDS), absent=[("A", ""), ("B", "")], today=TODAY)
    assert found.sections["movements"].at_end == 0 and found.cells == ()
    assert [t.rows for t in found.tables("admissions") if "theo chi bộ" in t.title] == [
        [("Cộng", "0 chi bộ", 0, 0, None, Share(0, None), Share(0, 0))]
    ]
    assert any("A, B" in note for note in found.limits)


def test_the_roll_is_rebuilt_from_the_lines_by_the_cells_rule():
    people = [person("a"), person("b"), person("c", exempted=True),
              person("d", membership="probationary", ceremony_date=D(2025, 6, 1),
                     official_date=None)]  # fmt: skip
    roll = presences(people, [EventRow("b", "temporary_leave", D(2025, 4, 1))])
    facts = [MeetingFact("m1", "regular", D(2025, 5, 5), True),
             MeetingFact("m2", "study", D(2025, 6, 6), True),
             MeetingFact("m3", "committee", D(2025, 6, 6), True),
             MeetingFact("m4", "regular", D(2025, 7, 7), False)]  # fmt: skip
    marks = {"m1": {"a": "absent", "c": "present"}, "m2": {"d": "late", "b": "present"}}
    rows = {r.id: r.tally for r in meeting_rows(roll, facts, marks)}
    # b away since April, c exempted, d a member from the ceremony
    assert rows == {"m1": Tally(1, 0, 0, 0, 1), "m2": Tally(2, 1, 1, 0, 0),
                    "m3": Tally(), "m4": Tally()}  # fmt: skip


# -- a property: spreading the people over cells, and moving them, changes nothing ------------

DAYS = st.dates(D(2015, 1, 1), D(2026, 11, 1))


@st.composite
def lives(draw):
    """People of one register, each maybe admitted on a day (else a member since ever),
    maybe leaving on a later day, maybe moved between cells on a day (with 0-40 days in
    transit), and the cells they are held in."""
    out = []
    for n in range(draw(st.integers(1, 12))):
        admitted = draw(st.none() | DAYS)
        exit_on = draw(st.none() | DAYS)
        if admitted and exit_on and exit_on <= admitted:
            exit_on = None
        start = admitted or D(2015, 1, 1)
        move = draw(st.none() | st.dates(start + dt.timedelta(1), D(2026, 11, 10)))
        gap = draw(st.integers(0, 40))
        if move and exit_on and move + dt.timedelta(gap) >= exit_on:
            move = None  # the receiving cell records the exit, after the arrival
        cells_of = draw(st.lists(st.sampled_from("ABC"), min_size=2, max_size=2, unique=True))
        sex = draw(st.sampled_from(["male", "female"]))
        out.append((f"p{n}", admitted, exit_on, move, gap, cells_of, sex))
    return out


def _rows(life) -> tuple[PersonRow, list[EventRow]]:
    pid, admitted, exit_on, _move, _gap, _cells, sex = life
    dates = {"admission_decision_date": admitted, "ceremony_date": admitted,
             "official_date": None} if admitted else {}  # fmt: skip
    exit_fields = {"exit": "deceased", "exit_date": exit_on} if exit_on else {}
    member = "probationary" if admitted else "official"
    p = person(pid, name=f"Người {pid}", sex=sex, membership=member, **dates, **exit_fields)
    return p, ([EventRow(pid, "death", exit_on)] if exit_on else [])


def _spread(people) -> list[CellData]:
    """The same people over cells A, B, C: a mover's record in both cells."""
    held: dict[str, list] = {"A": [], "B": [], "C": []}
    for life in people:
        p, events = _rows(life)
        pid, _admitted, _exit, move, gap, (first, second), _sex = life
        if move is None:
            held[first].append((p, events, {}))
            continue
        arrived = move + dt.timedelta(gap)
        gone = PersonRow(**{**p.__dict__, "exit": "transferred_out", "exit_date": move})
        held[first].append((gone, [EventRow(pid, "transfer_out", move)], {}))
        came = [EventRow(pid, "transfer_in", arrived), *events]
        held[second].append((p, came, {(pid, arrived): first}))
    return [
        cell(code, [p for p, _, _ in found], [e for _, ev, _ in found for e in ev],
             {k: v for _, _, s in found for k, v in s.items()})
        for code, found in held.items()
    ]  # fmt: skip


def _without(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "by_cell"}


@settings(max_examples=60, deadline=None)
@given(people=lives(), year=st.integers(2015, 2026))
def test_the_whole_is_the_one_register_it_would_be_without_cells(people, year):
    """Spread over three cells, with moves between them, the people give the report they
    would give as one register where nobody moved; the cells' admissions add up to it."""
    period = Period(D(year, 1, 1), D(year, 12, 31))
    kinds = [k for k in KINDS if k not in ("attendance", "ratings")]
    single = [_rows(life) for life in people]
    one = report(Rows([p for p, _ in single], [e for _, ev in single for e in ev], today=TODAY),
                 period, kinds)  # fmt: skip
    cells = _spread(people)
    whole = upper_report(cells, period, kinds, today=TODAY)
    for kind in kinds:
        assert _without(whole.sections[kind].to_json()) == one.sections[kind].to_json(), kind
    movements = whole.sections["movements"]
    assert movements.balanced
    before = period.first - dt.timedelta(1)
    transit = sum(m.in_transit_on(before) for m in merge(cells).moves)
    assert movements.at_start == sum(line["at_start"] for line in movements.by_cell) + transit
    admitted = whole.sections["admissions"]
    assert admitted.total == sum(line["admitted"] for line in admitted.by_cell)


MEMBER_STATES = st.builds(
    PersonState,
    membership=st.sampled_from(["probationary", "official"]),
    exit=st.none() | st.sampled_from(["transferred_out", "deceased"]),
    exempted=st.booleans(),
    temporarily_away=st.booleans(),
    admission_decision_date=st.none() | DAYS,
    ceremony_date=st.none() | DAYS,
    official_date=st.none() | DAYS,
    exit_date=st.none() | DAYS,
)
MOVE_KINDS = st.sampled_from(["transfer_in", "transfer_out", "death", "removal"])
OVERLAYS = st.sampled_from(["exemption", "exemption_end", "temporary_leave", "temporary_return"])


@settings(max_examples=300, deadline=None)
@given(
    state=MEMBER_STATES,
    moves=st.lists(st.tuples(MOVE_KINDS, DAYS), max_size=3),
    overlays=st.lists(st.tuples(OVERLAYS, DAYS), max_size=3),
    on=DAYS,
)
def test_the_roll_shortcut_expects_whom_the_cells_rule_expects(state, moves, overlays, on):
    """A member with nothing to replay is expected from a day found once: the same answer
    as the cell's roll (``attendance.group_on``) on every day."""
    p = Presence("p", "Người", "nguoi", state, tuple(moves), tuple(overlays))
    assert on_roll(p).expected_on(on) == (group_on(p, on) == "member")
