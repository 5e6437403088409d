"""A cell's roll calls counted again from plain rows. The upper level's copy of a cell holds the
people, their events and the lines the secretary recorded, not the rolls themselves, so the
tallies are rebuilt with the cell's own rule (``domain.attendance``): everyone who is a member
of the cell on the day, not exempted and not away, is expected, and present unless a line says
otherwise."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.domain.attendance import MOVES, ROLL_KINDS, Presence, Tally, group_on, joined
from desktop_app.domain.membership import MEMBERS, PersonState
from desktop_app.domain.reports import EventRow, MeetingRow, PersonRow
from desktop_app.domain.standing import OVERLAY_EVENTS


@dataclass(frozen=True)
class MeetingFact:
    """A meeting as the copy holds it."""

    id: str
    kind: str
    date: dt.date
    held: bool


@dataclass(frozen=True)
class OnRoll:
    """A member as the roll reads them. ``plain_from``: for one with no move, no overlay event
    and no exit (most of a cell), the first day they are expected (date.max: never, exempted
    or away), found once instead of replayed at every meeting; None for the others."""

    presence: Presence
    plain_from: dt.date | None

    def expected_on(self, on: dt.date) -> bool:
        if self.plain_from is not None:
            return self.plain_from <= on
        return group_on(self.presence, on) == "member"


def on_roll(p: Presence) -> OnRoll:
    s = p.state
    if p.moves or p.overlays or s.exit is not None:
        return OnRoll(p, None)
    if s.exempted or s.temporarily_away:
        return OnRoll(p, dt.date.max)
    return OnRoll(p, joined(s) or dt.date.min)


def presences(people: Iterable[PersonRow], events: Iterable[EventRow]) -> list[OnRoll]:
    """Everyone who is or was a member of the cell, as the roll reads them."""
    dated: dict[str, list[EventRow]] = {}
    for e in events:
        if e.kind in MOVES or e.kind in OVERLAY_EVENTS:
            dated.setdefault(e.person_id, []).append(e)
    out = []
    for p in people:
        if p.membership not in MEMBERS:
            continue
        mine = sorted(dated.get(p.id, []), key=lambda e: e.date)
        state = PersonState(
            p.membership, p.exit, p.exempted, p.temporarily_away, p.admission_decision_date,
            p.ceremony_date, p.official_date, p.exit_date,
        )  # fmt: skip
        out.append(on_roll(Presence(
            p.id, p.full_name, p.sort_key, state,
            tuple((e.kind, e.date) for e in mine if e.kind in MOVES),
            tuple((e.kind, e.date) for e in mine if e.kind in OVERLAY_EVENTS),
        )))  # fmt: skip
    return out


def roll_tally(roll: Sequence[OnRoll], on: dt.date, marks: Mapping[str, str]) -> Tally:
    """The members expected on the day and what the lines say of them (person id → status)."""
    counts: Counter[str] = Counter()
    for p in roll:
        if p.expected_on(on):
            counts[marks.get(p.presence.person_id, "present")] += 1
    return Tally(
        sum(counts.values()), counts["present"], counts["late"], counts["excused"],
        counts["absent"],
    )  # fmt: skip


def meeting_rows(
    roll: Sequence[OnRoll],
    meetings: Iterable[MeetingFact],
    marks: Mapping[str, Mapping[str, str]],
) -> list[MeetingRow]:
    """The cell's meetings with their tallies (``marks``: meeting id → person id → status).
    Only a held meeting of a kind that takes the roll has one; the reports count the others
    as held, nothing more."""
    out = []
    for m in meetings:
        takes_roll = m.held and m.kind in ROLL_KINDS
        tally = roll_tally(roll, m.date, marks.get(m.id, {})) if takes_roll else Tally()
        out.append(MeetingRow(m.id, m.kind, m.date, m.held, tally))
    return out
