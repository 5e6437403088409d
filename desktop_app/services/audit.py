"""The change journal as a secretary reads it: who changed what, when, from what to what, for
one person (and everything about them) or the whole register, with the hash chain checked.

One pass over the journal does everything: the rows go to the chain check and, at the same
time, each record is rebuilt by replaying its entries, so the value a field had before an entry
is the value the previous entry of the same record left. ID numbers are masked unless the
caller asked to reveal them, and every reveal is itself journalled (an ``id_reveal`` entry,
with no table behind it, see ``store.journal.JOURNAL_ONLY``).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from desktop_app.domain.attendance import CLASS_KINDS, KINDS, STATUSES
from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.errors import StateError
from desktop_app.domain.id_mask import ID_FIELDS, mask_id
from desktop_app.domain.membership import EVENT_KINDS, STATUS_LABELS
from desktop_app.domain.numbers import vn_int
from desktop_app.domain.person import FIELDS, MEMBERSHIP_LABELS, SEX_LABELS
from desktop_app.domain.reports import LEVELS, QUOTA_SOURCES, points_text
from desktop_app.services import members
from desktop_app.services.cell import CELL_FIELDS
from desktop_app.services.upper_labels import UPPER_ENTITY_LABELS, UPPER_FIELD_LABELS
from desktop_app.store import journal
from desktop_app.store.database import Register

REVEAL = "id_reveal"  # the journal-only entity of a reveal
HISTORY = "history"  # a reveal of every number in a trail (not one field of one person)

ENTITY_LABELS = {
    "person": "Người",
    "person_event": "Sự kiện",
    "mentorship": "Phân công giúp đỡ",
    "meeting": "Buổi sinh hoạt",
    "attendance": "Điểm danh",
    "cell": "Chi bộ",
    "calendar_override": "Ngày nghỉ, ngày làm bù",
    REVEAL: "Xem số định danh",
    "register_key": "Khóa của sổ",  # passphrase changes (services/passphrase.py)
    "document": "Văn bản đã cấp số",  # the register of document numbers (services/documents.py)
    "sync_enrolment": "Ghi danh với cấp trên",  # services/sync_cell.py
    **UPPER_ENTITY_LABELS,  # the upper level's workspace and the receipts (services/upper_*.py)
    "rating": "Xếp loại đảng viên",  # services/ratings.py
    "admission_quota": "Chỉ tiêu kết nạp",
}
ACTIONS = {"insert": "thêm", "update": "sửa", "delete": "xóa", "reveal": "xem số đầy đủ"}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "person": {
        **{name: spec.label for name, spec in FIELDS.items()},
        "exit": "Ra khỏi chi bộ",
        "exit_date": "Ngày ra khỏi chi bộ",
        "exempted": "Miễn sinh hoạt",
        "temporarily_away": "Sinh hoạt tạm thời nơi khác",
    },
    "person_event": {
        "person": "Người",
        "kind": "Loại sự kiện",
        "date": "Ngày",
        "reason": "Lý do",
        "reference": "Số quyết định",
        "place": "Nơi đi/đến",
        "details": "Chi tiết",
    },
    "mentorship": {
        "person": "Người được giúp đỡ",
        "mentor": "Người giúp đỡ",
        "start": "Ngày phân công",
        "end": "Ngày kết thúc",
        "end_reason": "Lý do kết thúc",
        "joint_since": "Cùng công tác từ",
        "note": "Ghi chú",
    },
    "meeting": {
        "kind": "Loại buổi",
        "date": "Ngày",
        "held": "Đã họp",
        "topic": "Nội dung",
        "place": "Địa điểm",
        "chair": "Chủ trì",
        "minute_taker": "Thư ký",
        "notes": "Ghi chú",
        "resolution": "Số nghị quyết",
        "class_kind": "Loại lớp",
    },
    "attendance": {
        "meeting": "Buổi",
        "person": "Người",
        "guest_name": "Khách mời",
        "status": "Tình hình",
        "reason": "Lý do",
    },
    "cell": {name: label for name, (label, _limit) in CELL_FIELDS.items()},
    "calendar_override": {"day": "Ngày", "working": "Ngày làm việc", "note": "Ghi chú"},
    REVEAL: {"person": "Người", "field": "Số được xem"},
    "register_key": {"secret": "Đã đặt lại", "unlocked_with": "Mở khóa bằng"},
    "document": {
        "form": "Mẫu",
        "kind": "Loại văn bản",
        "term": "Nhiệm kỳ",
        "number": "Số",
        "subject_id": "Về việc",
        "person_id": "Người",
        "meeting_id": "Buổi sinh hoạt",
        "date": "Ngày văn bản",
        "title": "Tên văn bản",
    },
    "sync_enrolment": {
        "upper_name": "Cấp ủy cấp trên",
        "upper_id": "Mã cấp ủy cấp trên",
        "upper_recipient": "Khóa nhận gói của cấp trên",
        "upper_signing_key": "Khóa ký của cấp trên",
        "cell_key_id": "Mã khóa ký của chi bộ",
        "cell_public_key": "Khóa ký công khai của chi bộ",
        "cell_recipient": "Khóa nhận xác nhận của chi bộ",
        "acked_seq": "Cấp trên đã nhận đến mục số",
        "acked_hash": "Mã băm mục đã nhận",
        "acked_at": "Lúc cấp trên xác nhận",
    },
    **UPPER_FIELD_LABELS,
    "rating": {
        "person": "Đảng viên",
        "year": "Năm đánh giá",
        "level": "Mức xếp loại",
        "points": "Điểm",
        "note": "Ghi chú",
    },
    "admission_quota": {
        "year": "Năm",
        "quota": "Chỉ tiêu kết nạp",
        "source": "Nguồn",
        "reference": "Số văn bản",
        "note": "Ghi chú",
    },
}
DETAIL_LABELS = {
    "introducer_id": "Người giới thiệu",
    "mentor_id": "Người giúp đỡ",
    "meeting_id": "Tại buổi",
    "certificate_number": "Số giấy chứng nhận",
    "issuer": "Nơi cấp",
    "joint_since": "Cùng công tác từ",
    "received": "Ngày nhận",
    "official_total": "Tổng số đảng viên chính thức",
    "present": "Có mặt",
    "exempted_present": "Miễn sinh hoạt có mặt",
    "in_favour": "Tán thành",
    "needed": "Cần",
    "passed": "Thông qua",
    "replacement": "Thay người",
    "union": "Đoàn thể",
    "actor": "Người thực hiện",
}
# Derived or internal columns: the search text even holds the ID number in clear.
HIDDEN = {"name_folded", "search_text", "sort_key", "before", "deleted"}
DATES = {
    ("person", "birth_date"), ("person", "admission_decision_date"),
    ("person", "ceremony_date"), ("person", "official_date"), ("person", "exit_date"),
    ("person_event", "date"), ("mentorship", "start"), ("mentorship", "end"),
    ("mentorship", "joint_since"), ("meeting", "date"), ("calendar_override", "day"),
}  # fmt: skip
PEOPLE = {
    ("person_event", "person"), ("mentorship", "person"), ("mentorship", "mentor"),
    ("meeting", "chair"), ("meeting", "minute_taker"), ("attendance", "person"),
    (REVEAL, "person"), ("rating", "person"),
}  # fmt: skip
_SECRETS = {"passphrase": "mật khẩu", "recovery_key": "khóa khôi phục"}
CODES: dict[tuple[str, str], dict[str, str]] = {
    ("person", "sex"): SEX_LABELS,
    ("person", "membership"): MEMBERSHIP_LABELS,
    ("person", "exit"): STATUS_LABELS,
    ("person_event", "kind"): {k: v.label for k, v in EVENT_KINDS.items()},
    ("meeting", "kind"): KINDS,
    ("meeting", "class_kind"): CLASS_KINDS,
    ("attendance", "status"): STATUSES,
    (REVEAL, "field"): {
        **{name: FIELDS[name].label for name in ID_FIELDS},
        HISTORY: "Mọi số trong lịch sử thay đổi",
    },
    ("register_key", "secret"): _SECRETS,
    ("register_key", "unlocked_with"): _SECRETS,
    ("rating", "level"): {level.code: level.label for level in LEVELS},
    ("admission_quota", "source"): QUOTA_SOURCES,
}
_ORDER = {
    entity: {name: i for i, name in enumerate(names)} for entity, names in FIELD_LABELS.items()
}
_ROLES = ("chair", "minute_taker")  # a meeting is about a person only where it names them


# -- what the view shows --------------------------------------------------------------------


class FieldChange(NamedTuple):  # a tuple: tens of thousands are made in one read
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditEntry:
    """One journal entry. What it says in words is worked out when first asked for: a view of
    50,000 entries only ever shows a screenful."""

    seq: int
    at: str  # as stored: UTC, ISO 8601
    author: str  # the device, as recorded
    entity: str
    entity_id: str
    op: str
    raw: tuple[tuple[str, object, object], ...] = field(repr=False, compare=False)
    labels: _Labels = field(repr=False, compare=False)

    @property
    def kind(self) -> str:
        """What sort of record, in Vietnamese."""
        return ENTITY_LABELS.get(self.entity, self.entity)

    @property
    def action(self) -> str:
        """thêm, sửa, xóa, xem số đầy đủ."""
        return ACTIONS.get(self.op, self.op)

    @cached_property
    def when(self) -> str:
        """Local time, dd/mm/yyyy HH:MM."""
        t = _local(self.at, self.labels.tz)
        return f"{t.day:02d}/{t.month:02d}/{t.year} {t.hour:02d}:{t.minute:02d}"

    @cached_property
    def record(self) -> str:
        """Which record: a name, "Sinh hoạt thường kỳ 05/03/2026", …"""
        return self.labels.record(self.entity, self.entity_id)

    @cached_property
    def person_id(self) -> str | None:
        """The person the record is about, if any."""
        return self.labels.focus or next(iter(self.labels.about(self)), None)

    @cached_property
    def changes(self) -> tuple[FieldChange, ...]:
        """The fields changed, before → after, in words."""
        return tuple(self.labels.changes(self))

    def to_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "at": self.at,
            "when": self.when,
            "author": self.author,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "kind": self.kind,
            "record": self.record,
            "op": self.op,
            "action": self.action,
            "person_id": self.person_id,
            "changes": [c._asdict() for c in self.changes],
        }


@dataclass(frozen=True)
class AuditFilter:
    person_id: str | None = None
    start: dt.date | None = None  # local dates, both included
    end: dt.date | None = None
    kinds: frozenset[str] | None = None  # entity names; None: every kind


@dataclass(frozen=True)
class AuditReport:
    entries: list[AuditEntry]  # newest first
    scanned: int  # journal entries read
    chain_entries: int  # entries the chain check went through
    chain_problems: list[str]
    person_name: str = ""  # the person filtered on
    revealed: bool = False  # ID numbers shown in full (and the reveal journalled)

    @property
    def chain_ok(self) -> bool:
        return not self.chain_problems

    @property
    def chain_summary(self) -> str:
        if self.chain_ok:
            return f"Chuỗi nhật ký nguyên vẹn: {vn_int(self.chain_entries)} mục"
        return "Chuỗi nhật ký bị đứt hoặc bị sửa:\n" + "\n".join(
            f"  - {p}" for p in self.chain_problems
        )

    def to_json(self) -> dict[str, object]:
        return {
            "chain": {
                "ok": self.chain_ok,
                "entries": self.chain_entries,
                "problems": self.chain_problems,
            },
            "scanned": self.scanned,
            "person_name": self.person_name,
            "revealed": self.revealed,
            "entries": [e.to_json() for e in self.entries],
        }


# -- use cases ------------------------------------------------------------------------------


def trail(
    reg: Register,
    filters: AuditFilter | None = None,
    *,
    reveal: bool = False,
    tz: dt.tzinfo | None = None,
) -> AuditReport:
    """The journal read for a person or the whole register, newest first. With ``reveal`` the
    ID numbers are shown in full and the reveal is journalled in the same transaction."""
    filters = _checked(filters or AuditFilter())
    if not reveal:
        return _read(filters, False, tz)
    with reg.atomic():
        _journal_reveal(reg, filters.person_id, HISTORY)
        return _read(filters, True, tz)


def reveal_id(reg: Register, person_id: str, field: str) -> str:
    """The full ID or party card number of a person, journalled as seen."""
    if field not in ID_FIELDS:
        raise StateError(
            f"Không có số «{field}» để xem; chọn id_number (số định danh) hoặc "
            "party_card_number (số thẻ đảng viên)."
        )
    with reg.atomic():
        row = members._live(person_id)
        value = str(getattr(row, field) or "")
        if not value:
            raise StateError(
                f"Người «{row.full_name}» chưa có {FIELDS[field].label.lower()}; "
                "không có gì để xem."
            )
        _journal_reveal(reg, row.id, field)
    return value


def _journal_reveal(reg: Register, person_id: str | None, what: str) -> None:
    changes = {"person": person_id, "field": what}
    journal.append(
        REVEAL, str(uuid.uuid4()), "reveal", changes, 0, 1, reg.author, journal.now_utc()
    )


def _checked(filters: AuditFilter) -> AuditFilter:
    unknown = sorted((filters.kinds or set()) - set(ENTITY_LABELS))
    if unknown:
        raise StateError(
            f"Nhật ký: không có loại bản ghi «{', '.join(unknown)}»; chọn trong "
            f"{', '.join(ENTITY_LABELS)}."
        )
    if filters.start and filters.end and filters.start > filters.end:
        raise StateError(
            f"Nhật ký: ngày bắt đầu {filters.start:%d/%m/%Y} sau ngày kết thúc "
            f"{filters.end:%d/%m/%Y}."
        )
    if filters.person_id is None:
        return filters
    person = members._live(filters.person_id)  # a prefix or an unknown id: found or refused
    return AuditFilter(person.id, filters.start, filters.end, filters.kinds)


# -- the one pass ---------------------------------------------------------------------------


class _Replay:
    """Records rebuilt entry by entry, and the entries the filters keep."""

    def __init__(self, filters: AuditFilter, labels: _Labels):
        self.filters, self.labels = filters, labels
        self.state = labels.state
        self.kept: list[AuditEntry] = []
        self.scanned = 0

    def take(self, values: Sequence[object]) -> None:
        # CHAIN_SQL order: seq, entity, entity_id, op, changes, base_version, version, author, at
        seq, entity, entity_id, op, text, _base, _version, author, at = values[:9]
        self.scanned += 1
        key = (str(entity), str(entity_id))
        record = self.state.setdefault(key, {})
        try:
            changes = json.loads(str(text))
        except ValueError:  # an altered entry: the chain check reports it
            changes = {}
        if self._wanted(key, record, changes, str(at)):
            raw = tuple((k, record.get(k), v) for k, v in changes.items() if k not in HIDDEN)
            number = int(seq)  # type: ignore[call-overload]
            self.kept.append(
                AuditEntry(number, str(at), str(author), *key, str(op), raw, self.labels)
            )
        record.update(changes)

    def _wanted(self, key: tuple[str, str], record: dict, changes: dict, at: str) -> bool:
        f = self.filters
        if f.kinds is not None and key[0] not in f.kinds:
            return False
        if f.person_id is not None and f.person_id not in _about(*key, record, changes):
            return False
        if f.start or f.end:
            day = _local(at, self.labels.tz).date()
            return not ((f.start and day < f.start) or (f.end and day > f.end))
        return True


def _about(entity: str, entity_id: str, record: dict, changes: dict) -> list[str]:
    """The people an entry is about (the record's own people, or a meeting's chair and minute
    taker where this entry sets or replaces them)."""
    if entity == "person":
        return [entity_id]
    if entity == "meeting":
        found = [changes.get(k) for k in _ROLES if k in changes]
        found += [record.get(k) for k in _ROLES if k in changes]
        return [str(p) for p in found if p]
    found = []
    for key in ("person", "mentor"):
        value = changes.get(key, record.get(key))
        if value:
            found.append(str(value))
    return found


def _local(at: str, tz: dt.tzinfo | None) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:  # an altered entry: keep it, at the start of time
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz)


def _read(filters: AuditFilter, reveal: bool, tz: dt.tzinfo | None) -> AuditReport:
    labels = _Labels(reveal, tz, filters.person_id)
    replay = _Replay(filters, labels)
    rows = iter(journal.chain_rows())
    chain = journal.verify_rows(_tee(rows, replay))
    for values in rows:  # the chain check stops after its first breaks; the trail does not
        replay.take(values)
    replay.kept.reverse()
    name = labels.person(filters.person_id) if filters.person_id else ""
    return AuditReport(replay.kept, replay.scanned, chain.entries, chain.problems, name, reveal)


def _tee(rows: Iterator[Sequence[object]], replay: _Replay) -> Iterable[Sequence[object]]:
    for values in rows:
        replay.take(values)
        yield values


# -- readable text --------------------------------------------------------------------------


class _Labels:
    """Record names and field values in words, from the records as they stand after the pass
    (the before and after values themselves are those of each entry)."""

    def __init__(self, reveal: bool, tz: dt.tzinfo | None, focus: str | None):
        self.reveal, self.tz, self.focus = reveal, tz, focus
        self.state: dict[tuple[str, str], dict[str, object]] = {}

    def about(self, entry: AuditEntry) -> list[str]:
        """The people an entry is about, from its own values and its record as it stands."""
        record = self.state.get((entry.entity, entry.entity_id), {})
        before = {k: b for k, b, _a in entry.raw}
        after = {k: a for k, _b, a in entry.raw}
        if entry.entity == "meeting":
            return _about(entry.entity, entry.entity_id, before, after)
        return _about(entry.entity, entry.entity_id, record, after)

    def changes(self, entry: AuditEntry) -> Iterator[FieldChange]:
        labels = FIELD_LABELS.get(entry.entity, {})
        order = _ORDER.get(entry.entity, {})  # the form's order, not the JSON's
        for name, before, after in sorted(entry.raw, key=lambda c: order.get(c[0], 99)):
            old, new = self.value(entry.entity, name, before), self.value(entry.entity, name, after)
            if before == after or not (old or new) or (entry.op == "insert" and not new):
                continue  # nothing changed that a reader could see; empty fields of a new record
            if entry.entity == REVEAL and name == "person":
                continue  # the record column names them
            yield FieldChange(name, labels.get(name, name), old, new)

    def value(self, entity: str, name: str, value: object) -> str:
        if value is None or value == "":
            return ""
        key = (entity, name)
        if entity == "person" and name in ID_FIELDS:
            return str(value) if self.reveal else mask_id(str(value))
        if isinstance(value, bool):
            return "có" if value else "không"
        if key in DATES:
            return vn_from_iso(str(value))
        if key in PEOPLE:
            return self.person(str(value))
        if key in CODES:
            return CODES[key].get(str(value), str(value))
        if key == ("attendance", "meeting"):
            return self.meeting(str(value))
        if key == ("person_event", "details"):
            return self.details(str(value))
        if key == ("rating", "points") and isinstance(value, int | float):
            return points_text(float(value))
        return str(value)

    def person(self, person_id: str) -> str:
        name = self.state.get(("person", person_id), {}).get("full_name")
        return str(name) if name else f"người mã {person_id[:8]}"

    def meeting(self, meeting_id: str) -> str:
        row = self.state.get(("meeting", meeting_id), {})
        kind = KINDS.get(str(row.get("kind")), "Buổi sinh hoạt")
        return f"{kind} {vn_from_iso(str(row.get('date') or ''))}".strip()

    def details(self, text: str) -> str:
        try:
            values = json.loads(text)
        except ValueError:
            return text
        if not isinstance(values, dict):
            return text
        parts = []
        for key, value in values.items():
            if key in ("introducer_id", "mentor_id") and value:
                value = self.person(str(value))
            elif key == "meeting_id" and value:
                value = self.meeting(str(value))
            elif isinstance(value, bool):
                value = "có" if value else "không"
            elif key in ("joint_since", "received"):
                value = vn_from_iso(str(value))
            parts.append(f"{DETAIL_LABELS.get(key, key)}: {value}")
        return "; ".join(parts)

    def record(self, entity: str, entity_id: str) -> str:
        row = self.state.get((entity, entity_id), {})
        if entity == "person":
            return self.person(entity_id)
        if entity == "person_event":
            kind = EVENT_KINDS.get(str(row.get("kind")))
            what = kind.label if kind else "Sự kiện"
            when = vn_from_iso(str(row.get("date") or ""))
            return f"{what} {when} — {self.person(str(row.get('person')))}"
        if entity == "mentorship":
            mentor, person = (
                self.person(str(row.get("mentor"))),
                self.person(str(row.get("person"))),
            )
            return f"{mentor} giúp đỡ {person}"
        if entity == "meeting":
            return self.meeting(entity_id)
        if entity == "attendance":
            who = self.person(str(row["person"])) if row.get("person") else row.get("guest_name")
            return f"Điểm danh {who} — {self.meeting(str(row.get('meeting')))}"
        if entity == "cell":
            return str(row.get("name") or "Chi bộ")
        if entity == "calendar_override":
            return f"Ngày {vn_from_iso(str(row.get('day') or ''))}"
        if entity == REVEAL:
            person = row.get("person")
            return self.person(str(person)) if person else "Toàn bộ sổ"
        if entity == "register_key":
            return "Mật khẩu và khóa khôi phục"
        if entity == "sync_enrolment":
            return str(row.get("upper_name") or "Cấp ủy cấp trên")
        if entity == "rating":
            return f"Xếp loại năm {row.get('year')} — {self.person(str(row.get('person')))}"
        if entity == "admission_quota":
            return f"Chỉ tiêu kết nạp năm {row.get('year')}"
        return f"{entity} {entity_id[:8]}"
