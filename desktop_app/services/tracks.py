"""From register rows to the pure shapes the admission rules read: a person's Track and where
any member stood on a given day."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from desktop_app.domain.admission import Recorded, Standing, StandingLookup, Track
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.membership import PersonState
from desktop_app.domain.standing import OVERLAY_EVENTS, standing_on
from desktop_app.store import development
from desktop_app.store.models import Person, PersonEvent

DATE_DETAILS = ("joint_since", "received")


def day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def state_of(row: Person) -> PersonState:
    return PersonState(
        row.membership,
        row.exit,
        bool(row.exempted),
        bool(row.temporarily_away),
        day(row.admission_decision_date),
        day(row.ceremony_date),
        day(row.official_date),
        day(row.exit_date),
    )


def details_of(event: PersonEvent) -> dict:
    """Stored JSON details with their dates as dates."""
    values = json.loads(event.details or "{}")
    for key in DATE_DETAILS:
        if isinstance(values.get(key), str):
            values[key] = dt.date.fromisoformat(values[key])
    return values


def details_json(details: dict) -> str:
    plain = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in details.items()}
    return json.dumps(plain, ensure_ascii=False, sort_keys=True)


def recorded(event: PersonEvent) -> Recorded:
    return Recorded(event.kind, dt.date.fromisoformat(event.date), details_of(event), event.id)


def track_of(row: Person, events: list[PersonEvent]) -> Track:
    birth = PartialDate.from_iso(row.birth_date) if row.birth_date else None
    steps = tuple(recorded(e) for e in events)
    return Track(row.id, row.full_name, birth, state_of(row), steps)


class Standings:
    """Where members stood on past days; rows and overlay events are read once, for every
    official member (a vote, the Today list) or, made with ``of``, for a few people."""

    def __init__(self, rows: dict[str, Person] | None = None) -> None:
        self._rows = rows
        self._overlays: dict[str, list[tuple[str, dt.date]]] | None = None
        self._few = False  # only some people read: others are read as they are asked for

    @classmethod
    def of(cls, person_ids: Iterable[str]) -> Standings:
        """Standings read for these people only (one person's mentors, not 10,000 members)."""
        ids = list(set(person_ids))
        out = cls(development.people_by_ids(set(ids)))
        out._overlays, out._few = _overlays_of(ids), True
        return out

    def _load(self) -> None:
        if self._rows is None:
            self._rows = {p.id: p for p in development.official_rows()}
        if self._overlays is None:
            self._overlays = _overlays_of(None)

    def row(self, person_id: str) -> Person | None:
        self._load()
        assert self._rows is not None and self._overlays is not None
        if person_id not in self._rows:
            found = development.people_by_ids({person_id})
            self._rows.update(found)
            if self._few and found:
                self._overlays.update(_overlays_of([person_id]))
        return self._rows.get(person_id)

    def on(self, person_id: str, day_: dt.date) -> Standing:
        row = self.row(person_id)
        if row is None:
            return Standing(person_id, f"mã {person_id[:8]}", official=False, exit="Không có")
        assert self._overlays is not None
        overlays = self._overlays.get(person_id, [])
        return standing_on(row.id, row.full_name, state_of(row), overlays, day_)

    def last_began(self, person_id: str, kinds: tuple[str, ...]) -> dt.date | None:
        """The day of the person's latest overlay event of one of ``kinds``."""
        self._load()
        assert self._overlays is not None
        days = [on for kind, on in self._overlays.get(person_id, []) if kind in kinds]
        return days[-1] if days else None

    def officials(self) -> list[str]:
        if self._few:  # every official member now: read them all
            assert self._rows is not None
            self._rows = {**{p.id: p for p in development.official_rows()}, **self._rows}
            self._overlays, self._few = _overlays_of(None), False
        self._load()
        assert self._rows is not None
        return [pid for pid, row in self._rows.items() if row.membership == "official"]

    def lookup(self) -> StandingLookup:
        return self.on


def _overlays_of(person_ids: list[str] | None) -> dict[str, list[tuple[str, dt.date]]]:
    """Exemptions and temporary leaves by person (everyone's when ``person_ids`` is None)."""
    grouped = development.events_by_person(person_ids, kinds=OVERLAY_EVENTS)
    return {
        pid: [(e.kind, dt.date.fromisoformat(e.date)) for e in events]
        for pid, events in grouped.items()
    }
