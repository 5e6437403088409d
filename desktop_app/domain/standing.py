"""Where a member stood on a past day (official? exempted? away? gone?), replayed from the
dates on the record and the overlay events, for introducer, mentor and vote checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from desktop_app.domain.admission import Standing
from desktop_app.domain.membership import STATUS_LABELS, PersonState

OVERLAY_EVENTS = ("exemption", "exemption_end", "temporary_leave", "temporary_return")
_SETS = {
    "exemption": ("exempted", True),
    "exemption_end": ("exempted", False),
    "temporary_leave": ("away", True),
    "temporary_return": ("away", False),
}


def standing_on(
    person_id: str,
    name: str,
    state: PersonState,
    overlays: Iterable[tuple[str, dt.date]],
    on: dt.date,
) -> Standing:
    """``overlays``: (kind, date) of the person's exemption and temporary-leave events. With
    none recorded, today's flags stand for the past too (a record typed in without history)."""
    flags = overlay_flags(state, overlays, on)
    gone = state.exit if state.exit_date and state.exit_date <= on else None
    return Standing(
        person_id,
        name,
        official=_official_on(state, on),
        exempted=flags["exempted"],
        away=flags["away"],
        exit=STATUS_LABELS[gone] if gone else None,
    )


def overlay_flags(
    state: PersonState, overlays: Iterable[tuple[str, dt.date]], on: dt.date
) -> dict[str, bool]:
    """{"exempted": …, "away": …} on that day, replayed from the overlay events."""
    flags = {"exempted": False, "away": False}
    seen = False
    for kind, day in sorted(overlays, key=lambda e: e[1]):
        if kind in _SETS:
            seen = True
            if day <= on:
                attr, value = _SETS[kind]
                flags[attr] = value
    if not seen:
        flags = {"exempted": state.exempted, "away": state.temporarily_away}
    return flags


def _official_on(state: PersonState, on: dt.date) -> bool:
    if state.membership != "official":
        return False
    return state.official_date is None or state.official_date <= on


def counts_in_vote(standing: Standing) -> bool:
    """In the electorate of a cell vote: official, in the cell, not exempted, not away."""
    return standing.official and not standing.exit and not standing.exempted and not standing.away
