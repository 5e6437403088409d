"""Plain, immutable views of records for the UI and the CLI (no peewee objects leave services)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from desktop_app.domain.membership import EVENT_KINDS, STATUS_LABELS
from desktop_app.store.models import Cell, Person, PersonEvent


@dataclass(frozen=True)
class CellView:
    id: str
    name: str
    code: str
    upper_level: str
    secretary: str
    address: str
    version: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class PersonView:
    id: str
    version: int
    full_name: str
    other_names: str
    sex: str
    birth_date: str | None
    ethnicity: str
    religion: str
    native_place: str
    residence: str
    id_number: str | None
    phone: str
    education: str
    political_theory: str
    profession: str
    occupation: str
    membership: str
    status: str
    exempted: bool
    temporarily_away: bool
    admission_decision_date: str | None
    ceremony_date: str | None
    official_date: str | None
    exit_date: str | None
    party_card_number: str
    notes: str
    created_at: str
    updated_at: str
    sort_key: str  # Vietnamese list order as text (given, middle, family name)

    def to_json(self) -> dict[str, object]:
        """What scripts get: the record without the internal collation string."""
        values = asdict(self)
        del values["sort_key"]
        return values

    @property
    def status_label(self) -> str:
        label = STATUS_LABELS[self.status]
        overlays = [
            t
            for on, t in (
                (self.exempted, "miễn SH"),
                (self.temporarily_away, "SH tạm thời nơi khác"),
            )
            if on
        ]
        return f"{label} ({', '.join(overlays)})" if overlays else label


@dataclass(frozen=True)
class EventView:
    id: str
    person_id: str
    kind: str
    date: str
    reason: str
    reference: str
    place: str
    created_at: str
    details: dict = field(default_factory=dict)  # step data, as stored (dates as ISO text)

    @property
    def label(self) -> str:
        return EVENT_KINDS[self.kind].label

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "label": self.label}


def cell_view(row: Cell) -> CellView:
    return CellView(
        row.id, row.name, row.code, row.upper_level, row.secretary, row.address, row.version
    )


PERSON_COLUMNS = (*(f for f in PersonView.__dataclass_fields__ if f != "status"), "exit")


def person_view(row: Person) -> PersonView:
    return person_view_from({name: getattr(row, name) for name in PERSON_COLUMNS})


def person_view_from(values: dict[str, object]) -> PersonView:
    """From a plain row (``store.people.live_rows``): no model objects for big lists."""
    fields = {k: values[k] for k in PERSON_COLUMNS if k != "exit"}
    return PersonView(status=str(values["exit"] or values["membership"]), **fields)


def event_view(row: PersonEvent) -> EventView:
    return EventView(
        row.id,
        row.person_id,
        row.kind,
        row.date,
        row.reason,
        row.reference,
        row.place,
        row.created_at,
        json.loads(row.details or "{}"),
    )
