"""From register rows to the pure shapes of a roll call: each member's Presence (state, moves in
and out, overlays), read once for a whole year of meetings."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.attendance import MOVES, Presence, group_on, joined
from desktop_app.domain.standing import OVERLAY_EVENTS
from desktop_app.services.tracks import day, state_of
from desktop_app.store import meetings

_KINDS = (*MOVES, *OVERLAY_EVENTS)


def _presence(row, events: list[tuple[str, str]]) -> Presence:
    moves = tuple((kind, day(on)) for kind, on in events if kind in MOVES)
    overlays = tuple((kind, day(on)) for kind, on in events if kind in OVERLAY_EVENTS)
    return Presence(row.id, row.full_name, row.sort_key, state_of(row), moves, overlays)


def all_presences() -> list[Presence]:
    """Everyone who is or was a member, Vietnamese order."""
    grouped = meetings.dated_events(_KINDS)
    return [_presence(row, grouped.get(row.id, [])) for row in meetings.member_rows()]


def presence_of(person_id: str) -> Presence | None:
    row = meetings.person_rows({person_id}).get(person_id)
    if row is None:
        return None
    return _presence(row, meetings.dated_events(_KINDS, person_id).get(person_id, []))


def group_of(presence: Presence, on: dt.date) -> str | None:
    """The roll group that day: member, exempted, candidate (not yet admitted, still in the
    pool), or None (gone, away, or not a person of this cell that day)."""
    group = group_on(presence, on)
    if group is not None:
        return group
    state = presence.state
    start = joined(state)
    if state.membership == "candidate" or (start is not None and on < start):
        gone = state.exit_date is not None and state.exit_date <= on
        return None if gone else "candidate"
    return None
