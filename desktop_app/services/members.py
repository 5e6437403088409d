"""Use cases about people: add, change, find, record what happens to them.

Each write is one transaction that also appends to the change journal (store/records.py).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

from desktop_app.domain.admission import check_step
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.errors import DuplicateError, NotFoundError, StateError, ValidationError
from desktop_app.domain.membership import PersonState, apply_event
from desktop_app.domain.names import clean_text, fold, has_accents, matches_accented, sort_key_text
from desktop_app.domain.numbers import vn_int
from desktop_app.domain.person import EDITABLE, Checked, check_person
from desktop_app.services import tracks
from desktop_app.services.rules import rule_table
from desktop_app.services.views import (
    PERSON_COLUMNS,
    EventView,
    PersonView,
    event_view,
    person_view,
    person_view_from,
)
from desktop_app.store import people, records
from desktop_app.store.database import Register
from desktop_app.store.models import Person, PersonEvent

DEFAULTS: dict[str, object] = {name: "" for name in EDITABLE} | {"membership": "candidate"}


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _record_name(values: dict[str, object]) -> str:
    name = clean_text(str(values.get("full_name") or ""))[:60]
    return f"Người «{name}»" if name else "Người mới"


def check(data: dict[str, object], today: dt.date | None = None) -> Checked:
    """Validate without writing (the member dialog calls this as the user types)."""
    return check_person({**DEFAULTS, **data}, _today(today), _probation_months)


def probation_months(ceremony: dt.date) -> int:
    """Months of probation under the rule in force on the ceremony day."""
    return int(rule_table().get("probation.months", ceremony).value)


_probation_months = probation_months


def _validated(
    data: dict[str, object], today: dt.date | None, record: str | None = None
) -> dict[str, object]:
    checked = check(data, today)
    if checked.problems:
        raise ValidationError(record or _record_name(data), checked.problems)
    return checked.values


def _derived(values: dict[str, object]) -> dict[str, object]:
    name = str(values["full_name"])
    parts = [
        fold(name),
        fold(str(values["other_names"])),
        values["id_number"] or "",
        values["phone"],
        values["party_card_number"],
    ]
    return {
        "name_folded": fold(name),
        "search_text": " ".join(p for p in parts if p),
        "sort_key": sort_key_text(name),
    }


def _compatible(a: str | None, b: str | None) -> bool:
    """Two birth dates could be the same day (a year-only date matches any day in that year)."""
    if not a or not b:
        return False
    x, y = PartialDate.from_iso(a), PartialDate.from_iso(b)
    return x.earliest() <= y.latest() and y.earliest() <= x.latest()


class DuplicateIndex:
    """Everyone's name, birth date and ID number read once, for checking many rows (an import)
    against the register without a query per row."""

    def __init__(self) -> None:
        self._numbers: dict[str, people.DuplicateRow] = {}
        self._names: dict[str, list[people.DuplicateRow]] = {}
        for row in people.duplicate_rows():
            if row.id_number:
                self._numbers[row.id_number] = row
            self._names.setdefault(row.name_folded, []).append(row)

    def by_id_number(self, number: str):
        return self._numbers.get(number)

    def by_folded_name(self, folded: str) -> list:
        return self._names.get(folded, [])


def find_duplicates(
    values: dict[str, object], exclude: str | None = None, index: DuplicateIndex | None = None
) -> list[tuple]:
    """(id, name, why) of live people who may be the same person."""
    found: dict[str, tuple[str, str, str]] = {}
    number = values.get("id_number")
    lookup = index or people
    if number:
        other = lookup.by_id_number(str(number))
        if other and other.id != exclude:
            found[other.id] = (other.id, other.full_name, f"cùng số định danh {number}")
    for other in lookup.by_folded_name(fold(str(values["full_name"]))):
        if (
            other.id != exclude
            and other.id not in found
            and _compatible(other.birth_date, values.get("birth_date"))
        ):  # type: ignore[arg-type]
            found[other.id] = (
                other.id,
                other.full_name,
                f"cùng họ tên và ngày sinh {PartialDate.from_iso(other.birth_date).vn()}",
            )
    return list(found.values())


def _refuse_duplicates(values: dict[str, object], allow: bool, exclude: str | None) -> None:
    matches = find_duplicates(values, exclude)
    same_id = [m for m in matches if m[2].startswith("cùng số định danh")]
    if same_id:  # one ID number, one person: never allowed
        raise DuplicateError(_record_name(values), same_id, blocking=True)
    if matches and not allow:
        raise DuplicateError(_record_name(values), matches)


def add_person(
    reg: Register,
    data: dict[str, object],
    *,
    allow_duplicate: bool = False,
    today: dt.date | None = None,
) -> PersonView:
    """Add a person. A possible duplicate is refused unless the user confirmed it is another
    person (``allow_duplicate``); the same ID number is always refused."""
    values = _validated(data, today)
    with reg.atomic():
        _refuse_duplicates(values, allow_duplicate, None)
        row = records.insert(Person, {**values, **_derived(values)}, reg.author)
    return person_view(row)


def _live(person_id: str) -> Person:
    row = people.by_id(person_id)
    if row is None:
        matches = people.by_id_prefix(person_id) if len(person_id) >= 4 else []
        if len(matches) == 1:
            return matches[0]
        raise NotFoundError(f"Không có người nào mang mã «{person_id}» trong sổ.")
    return row


def _current(row: Person) -> dict[str, object]:
    return {name: getattr(row, name) for name in EDITABLE}


def update_person(
    reg: Register,
    person_id: str,
    changes: dict[str, object],
    *,
    expected_version: int | None = None,
    allow_duplicate: bool = False,
    today: dt.date | None = None,
) -> PersonView:
    """Change some fields of a person; unknown fields and stale versions are refused."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise StateError(f"Không có trường: {', '.join(unknown)}; không sửa gì.")
    with reg.atomic():
        row = _live(person_id)
        if expected_version is not None and row.version != expected_version:
            raise StateError(
                f"Người «{row.full_name}» vừa được sửa ở nơi khác (phiên bản "
                f"{row.version}, không phải {expected_version}); hãy mở lại."
            )
        # the record is named as it stands, not as the refused change would rename it
        values = _validated({**_current(row), **changes}, today, _record_name(_current(row)))
        _refuse_duplicates(values, allow_duplicate, row.id)
        records.update(row, {**values, **_derived(values)}, reg.author)
    return person_view(row)


def get_person(reg: Register, person_id: str) -> PersonView:
    return person_view(_live(person_id))


def list_people(reg: Register, statuses: set[str] | None = None) -> list[PersonView]:
    """Everyone in the register, in Vietnamese order (given name, middle, family)."""
    views = [person_view_from(row) for row in people.live_rows(PERSON_COLUMNS)]
    return [v for v in views if v.status in statuses] if statuses else views


def search_people(reg: Register, text: str, statuses: set[str] | None = None) -> list[PersonView]:
    """Accent-insensitive search; typed diacritics narrow it (Thủy finds Thuỷ, not Thúy)."""
    ids = search_ids(reg, text)
    if ids is None:
        return list_people(reg, statuses)
    chosen = set(ids)
    return [v for v in list_people(reg, statuses) if v.id in chosen]


def search_ids(reg: Register, text: str) -> list[str] | None:
    """Ids matching what was typed, or None when nothing searchable was typed. Without
    diacritics the index answers alone; with them, each hit is checked against the tones."""
    query = clean_text(text)
    if not has_accents(query):
        return people.search_ids(query)
    hits = people.search_texts(query)
    return None if hits is None else [i for i, texts in hits if matches_accented(query, texts)]


# -- events ---------------------------------------------------------------------------------


def _state_fields(state: PersonState) -> dict[str, object]:
    values = asdict(state)
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}


def record_event(
    reg: Register,
    person_id: str,
    kind: str,
    on: dt.date,
    *,
    reason: str = "",
    reference: str = "",
    place: str = "",
    details: dict | None = None,
    today: dt.date | None = None,
) -> EventView:
    """Record what happened to a person and move their status accordingly, in one write.
    Steps of the admission procedure are checked against the rule table first."""
    details = dict(details or {})
    with reg.atomic():
        row = _live(person_id)
        before = tracks.state_of(row)
        rules = rule_table()
        try:
            track = tracks.track_of(row, people.events_of(row.id))
            check_step(track, kind, on, details, rules, tracks.Standings().lookup())
            months = rules.get("probation.months", before.ceremony_date or on).value
            after = apply_event(before, kind, on, _today(today), probation_months=int(months))
        except StateError as exc:
            raise StateError(f"Người «{row.full_name}»: {exc}") from None
        texts = _event_texts(row, reason, reference, place)
        event = records.insert(
            PersonEvent,
            {
                "person": row.id,
                "kind": kind,
                "date": on.isoformat(),
                **texts,
                "before": json.dumps(_state_fields(before), sort_keys=True),
                "details": tracks.details_json(details),
            },
            reg.author,
        )
        records.update(row, _state_fields(after), reg.author)
    return event_view(event)


def _event_texts(row: Person, reason: str, reference: str, place: str) -> dict[str, str]:
    texts = {
        "reason": clean_text(reason),
        "reference": clean_text(reference),
        "place": clean_text(place),
    }
    limits = {
        "reason": ("Lý do", 1000),
        "reference": ("Số quyết định", 100),
        "place": ("Nơi đi/đến", 300),
    }
    for key, (label, limit) in limits.items():
        if len(texts[key]) > limit:
            raise StateError(
                f"Người «{row.full_name}»: {label} quá dài "
                f"({vn_int(len(texts[key]))} ký tự, tối đa {vn_int(limit)})"
            )
    return texts


def list_events(reg: Register, person_id: str) -> list[EventView]:
    row = _live(person_id)
    return [event_view(e) for e in people.events_of(row.id)]


def undo_last_event(reg: Register, person_id: str) -> EventView:
    """Withdraw the latest event (a mistake), restoring the state it changed; journalled."""
    with reg.atomic():
        row = _live(person_id)
        last = people.last_event_of(row.id)
        if last is None:
            raise StateError(f"Người «{row.full_name}» chưa có sự kiện nào để rút lại.")
        records.tombstone(last, reg.author)
        records.update(row, json.loads(last.before), reg.author)
    return event_view(last)
