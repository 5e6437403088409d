"""Transfers between cells (chuyển sinh hoạt đảng) that keep the person's id: the sending cell
writes a transfer slip (``sync/slip.py``), the receiving cell imports it, and the upper level
then sees the same person leave one cell and arrive in the other (a move, not a new person).

Sending (``write_slip``): for a member whose transfer out is recorded, or recorded here in the
same transaction from the date and destination given (so the slip and the register never
disagree: if the slip cannot be written and read back, the transfer out is not recorded
either). The cell's signing key is the one its bundles use; a cell not yet enrolled with its
upper level gets it made now, exactly as enrolment would make it, so the fingerprint the
receiving secretary reads back is the one the upper level will pin later.

Receiving (``read_slip`` to preview, ``receive_slip`` to write, one transaction): the person
with the same id, then their probation dossier steps when they are still probationary (the
steps the recognition procedure of the new cell needs: new-member class, CV, self-review,
mentor's assessment, comments), then a ``transfer_in`` event from the sending cell whose details
keep the slip's id, the sending cell and the person's whole history there. The rest of that
history (admission, recognition, earlier moves, exemptions…) is kept in those details only, not
as events: the register counts an admission or a recognition event as one of *this* cell's
(``domain/reports.py``), and its roll calls read transfers and exits as moves in and out of it.
The record's own dates (decision, ceremony, official date, card number) carry the essentials.

A person who left this cell earlier and comes back (their record here says "transferred out")
is received onto that same record: its fields take the slip's values, and the events it does
not hold yet are added as above.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.domain.dates import format_vn, vn_from_iso
from desktop_app.domain.errors import DuplicateError, StateError, ValidationError
from desktop_app.domain.membership import MEMBERS, STATUS_LABELS, PersonState, apply_event
from desktop_app.domain.names import clean_text, fold
from desktop_app.domain.person import EDITABLE, MEMBERSHIP_LABELS, SEX_LABELS
from desktop_app.services import members, sync_cell, tracks
from desktop_app.services.upper_workspace import require_cell_register
from desktop_app.services.views import PersonView, person_view
from desktop_app.store import cells, journal, people, records, sync_state
from desktop_app.store.database import Register
from desktop_app.store.models import Cell, Person, PersonEvent
from desktop_app.sync import envelope, slip
from desktop_app.sync.crypto import PublicKey
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.slip import Slip, SlipEvent

# The steps of a probation still running that the receiving cell's recognition needs.
DOSSIER_STEPS = ("new_member_class", "member_cv", "self_review", "mentor_assessment",
                 "probation_comments")  # fmt: skip
# Details naming records of the sending cell (its members, its meetings): not carried.
_FOREIGN_DETAILS = ("introducer_id", "mentor_id", "meeting_id")
NEXT_STEPS = (
    "Đọc mã mở phiếu cho bí thư chi bộ nơi đến qua điện thoại (không ghi mã vào USB hay gửi "
    "kèm tệp). Người nhận đọc lại vân tay của chi bộ mình để so: {fingerprint}. Chép cả hai "
    "tệp (phiếu và tệp chữ ký .minisig) cho người chuyển đi hoặc gửi chi bộ nơi đến."
)


# -- what the services answer --------------------------------------------------------------------


@dataclass(frozen=True)
class SlipWritten:
    path: Path
    signature_path: Path
    code: str
    slip_id: str
    person_id: str
    full_name: str
    fingerprint: str
    key_id: str
    transfer_date: str  # ISO
    destination: str
    events: int
    recorded_now: bool  # the transfer out was recorded with the slip
    size: int
    created_at: str

    @property
    def next_steps(self) -> str:
        return NEXT_STEPS.format(fingerprint=self.fingerprint)

    def to_json(self) -> dict[str, object]:
        return {
            **asdict(self),
            "path": str(self.path),
            "signature_path": str(self.signature_path),
            "next_steps": self.next_steps,
            "safe_to_remove": True,
        }


@dataclass(frozen=True)
class HistoryLine:
    id: str
    kind: str
    label: str
    date: str  # ISO
    reference: str
    place: str
    reason: str
    as_step: bool  # recorded here as a step of the person's dossier

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class SlipPreview:
    """What receiving the slip would do, read before anything is written."""

    file: str
    slip_id: str
    kind: str  # "new": a person new to this register; "return": back to a record kept here
    person_id: str
    full_name: str
    sex: str
    birth_date: str | None
    membership: str
    membership_label: str
    admission_decision_date: str | None
    ceremony_date: str | None
    official_date: str | None
    party_card_number: str
    from_cell_id: str
    from_cell_code: str
    from_cell_name: str
    fingerprint: str
    key_id: str
    transfer_date: str
    destination: str
    reference: str
    history: list[HistoryLine]
    duplicates: list[dict[str, str]] = field(default_factory=list)  # id, full_name, why
    warnings: list[str] = field(default_factory=list)

    @property
    def steps(self) -> int:
        return sum(line.as_step for line in self.history)

    def to_json(self) -> dict[str, object]:
        return {
            **asdict(self),
            "history": [h.to_json() for h in self.history],
            "steps": self.steps,
        }


@dataclass(frozen=True)
class SlipReceived:
    preview: SlipPreview
    person: PersonView
    event_id: str  # the transfer_in event
    received_on: str  # ISO

    def to_json(self) -> dict[str, object]:
        return {
            "preview": self.preview.to_json(),
            "person": self.person.to_json(),
            "event_id": self.event_id,
            "received_on": self.received_on,
        }


# -- sending ------------------------------------------------------------------------------------


def _cell() -> Cell:
    row = cells.current()
    if row is None:
        raise StateError("Sổ chưa có thông tin chi bộ.")
    return row


def _transfer_out(
    reg: Register,
    row: Person,
    on: dt.date | None,
    place: str,
    reference: str,
    today: dt.date | None,
) -> tuple[PersonEvent, bool]:
    """The person's transfer-out event: the one recorded, or one recorded now."""
    if row.exit == "transferred_out":
        done = [e for e in people.events_of(row.id) if e.kind == "transfer_out"]
        if not done:
            raise StateError(
                f"Người «{row.full_name}» có trạng thái đã chuyển đi nhưng không có sự kiện "
                "«Chuyển sinh hoạt đi»: hãy kiểm tra lại quá trình của người này."
            )
        _agrees(row, done[-1], on, place)
        return done[-1], False
    if row.exit is not None or row.membership not in MEMBERS:
        status = STATUS_LABELS[row.exit or row.membership]
        raise StateError(
            f"Chỉ viết phiếu chuyển sinh hoạt cho đảng viên (dự bị, chính thức); «{row.full_name}» "
            f"đang ở diện «{status}». Chưa ghi gì."
        )
    if on is None or not clean_text(place):
        raise StateError(
            f"Người «{row.full_name}» chưa ghi chuyển sinh hoạt đi: cho biết ngày chuyển và nơi "
            "chuyển đến để ghi cùng lúc với phiếu. Chưa ghi gì."
        )
    members.record_event(
        reg, row.id, "transfer_out", on, place=place, reference=reference, today=today
    )
    return [e for e in people.events_of(row.id) if e.kind == "transfer_out"][-1], True


def _agrees(row: Person, event: PersonEvent, on: dt.date | None, place: str) -> None:
    """What was typed for the slip agrees with the transfer out already recorded."""
    if on is not None and on.isoformat() != event.date:
        raise StateError(
            f"Người «{row.full_name}» đã ghi chuyển sinh hoạt đi ngày "
            f"{vn_from_iso(event.date)}, không phải {format_vn(on)}. Chưa ghi gì."
        )
    if place and event.place and fold(place) != fold(event.place):
        raise StateError(
            f"Người «{row.full_name}» đã ghi chuyển đến «{event.place}», không phải "
            f"«{clean_text(place)}». Chưa ghi gì."
        )


def _slip_person(row: Person) -> dict[str, object]:
    return {
        "id": row.id,
        **{name: getattr(row, name) for name in EDITABLE},
        "exempted": bool(row.exempted),
    }


def _slip_events(person_id: str) -> list[SlipEvent]:
    return [
        SlipEvent(
            e.id, e.kind, e.date, e.reason, e.reference, e.place, json.loads(e.details or "{}")
        )
        for e in people.events_of(person_id)
    ]


@dataclass(frozen=True)
class _Made:
    header: slip.Header
    name: str
    sealed: envelope.Sealed
    code: str
    key: PublicKey


def _make(
    reg: Register, row: Person, event: PersonEvent, destination: str, reference: str
) -> _Made:
    """The slip of ``row`` sealed with a new code, signed with the cell's key (made now, as
    enrolment would make it, if the cell has none yet)."""
    if sync_state.identity() is None:
        sync_cell._new_identity(reg)
    signing, receipts = sync_cell._keys(reg)
    cell = _cell()
    events = _slip_events(row.id)
    header = slip.new_header(
        cell_id=cell.id,
        cell_code=cell.code,
        cell_name=cell.name,
        key=signing.public,
        cell_recipient=receipts.recipient,
        person_id=row.id,
        transfer_date=dt.date.fromisoformat(event.date),
        destination=destination,
        reference=event.reference or clean_text(reference),
        events=len(events),
        program=sync_cell._program(),
        created_at=journal.now_utc(),
    )
    code = slip.new_code()
    name, sealed = slip.seal_slip(header, _slip_person(row), events, key=signing, code=code)
    return _Made(header, name, sealed, code, signing.public)


def write_slip(
    reg: Register,
    person_id: str,
    folder: Path,
    *,
    on: dt.date | None = None,
    place: str = "",
    reference: str = "",
    today: dt.date | None = None,
) -> SlipWritten:
    """Write the transfer slip of a member into ``folder`` (a USB stick), read it back and
    verify it; with ``on`` and ``place``, record the transfer out in the same transaction (a
    slip that cannot be written leaves nothing recorded). Returns the file and the one-time
    code to read over the phone."""
    require_cell_register(reg)
    folder = Path(folder)
    if not folder.is_dir():
        raise SyncRefused(f"Không thấy thư mục «{folder}» (USB đã cắm chưa?). Chưa ghi gì.")
    written: Path | None = None
    try:
        with reg.atomic():
            found = people.by_id(members.get_person(reg, person_id).id)
            assert found is not None  # found just above, in this transaction
            event, recorded = _transfer_out(reg, found, on, place, reference, today)
            destination = event.place or clean_text(place)
            if not destination:
                raise StateError(
                    f"Sự kiện chuyển đi của «{found.full_name}» chưa ghi nơi chuyển đến: cho "
                    "biết nơi đến để viết vào phiếu. Chưa ghi gì."
                )
            row = people.by_id(found.id)  # as the transfer out left it
            assert row is not None
            made = _make(reg, row, event, destination, reference)
            written = _write_and_verify(folder, made.name, made.sealed, made.key)
    except BaseException:
        if written is not None:
            envelope.remove_pair(written)
        raise
    return SlipWritten(
        path=written,
        signature_path=envelope.signature_path(written),
        code=made.code,
        slip_id=made.header.slip_id,
        person_id=row.id,
        full_name=row.full_name,
        fingerprint=made.header.fingerprint,
        key_id=made.key.key_id_hex,
        transfer_date=made.header.transfer_date,
        destination=destination,
        events=made.header.events,
        recorded_now=recorded,
        size=len(made.sealed.cipher),
        created_at=made.header.created_at,
    )


def _write_and_verify(folder: Path, name: str, sealed: envelope.Sealed, public: PublicKey) -> Path:
    """Both files written durably, then read back: the same bytes and a signature that
    verifies. A bad copy is removed, never left to be carried."""
    try:
        path = envelope.write_pair(folder, name, sealed)
    except OSError as exc:
        raise SyncRefused(
            f"Không ghi được phiếu vào «{folder}»: {exc.strerror or exc}. Sổ không thay đổi gì."
        ) from None
    try:
        cipher, signature = envelope.read_pair(path, slip.MAX_SLIP_BYTES)
        if (cipher, signature) != (sealed.cipher, sealed.signature):
            raise SyncRefused("nội dung đọc lại khác bản vừa ghi")
        _facts, key = slip.verify_outer(cipher, signature)
        if key != public:
            raise SyncRefused("chữ ký đọc lại không phải của chi bộ")
    except SyncRefused as exc:
        envelope.remove_pair(path)
        raise SyncRefused(
            f"Phiếu ghi vào «{folder}» đọc lại không đúng ({exc}); đã xóa bản hỏng. Sổ không "
            "thay đổi gì. Hãy thử lại, hoặc dùng USB khác."
        ) from None
    return path


# -- receiving ----------------------------------------------------------------------------------


@dataclass
class _Plan:
    found: Slip
    kind: str
    row: Person | None  # the record kept here, for a person coming back
    values: dict[str, object]  # the person's fields, checked and cleaned
    before: PersonState  # as the sending cell left them: transferred out
    after: PersonState
    steps: list[SlipEvent]
    duplicates: list[tuple[str, str, str]]
    warnings: list[str]


def _who(found: Slip) -> str:
    return f"Người «{found.person.get('full_name')}» trong phiếu chuyển"


def _existing(found: Slip, cell: Cell) -> Person | None:
    """The record this register already holds under the person's id: refused unless it is
    someone who left this cell by transfer and now comes back."""
    header = found.header
    if header.cell_id == cell.id:
        raise SyncRefused(
            f"Phiếu «{found.name}» do chính chi bộ «{cell.name}» viết; phiếu dành cho chi bộ nơi "
            "người này chuyển đến. Chưa nhận gì."
        )
    row = people.any_by_id(header.person_id)
    if row is None:
        return None
    if row.deleted:
        raise SyncRefused(
            f"Người mang mã {header.person_id[:8]} («{row.full_name}») đã bị xóa khỏi sổ này; "
            "không nhận phiếu. Chưa nhận gì."
        )
    if row.exit == "transferred_out":
        return row
    received = [
        e
        for e in people.events_of(row.id)
        if e.kind == "transfer_in" and tracks.details_of(e).get("slip_id") == header.slip_id
    ]
    if received:
        raise SyncRefused(
            f"Phiếu này đã được nhận ngày {vn_from_iso(received[-1].date)}: «{row.full_name}» "
            "đã có trong sổ. Không nhận lại."
        )
    raise SyncRefused(
        f"«{row.full_name}» (mã {row.id[:8]}) đã có trong sổ này, diện "
        f"«{STATUS_LABELS[row.exit or row.membership]}»; không nhận phiếu. Chưa nhận gì."
    )


def _states(found: Slip, values: dict[str, object], on: dt.date, today: dt.date | None):
    day = tracks.day
    before = PersonState(
        str(values["membership"]),
        "transferred_out",
        bool(found.person["exempted"]),
        False,
        day(values["admission_decision_date"]),  # type: ignore[arg-type]
        day(values["ceremony_date"]),  # type: ignore[arg-type]
        day(values["official_date"]),  # type: ignore[arg-type]
        dt.date.fromisoformat(found.header.transfer_date),
    )
    months = members.probation_months(before.ceremony_date or on)
    try:
        after = apply_event(
            before, "transfer_in", on, today or dt.date.today(), probation_months=months
        )
    except StateError as exc:
        raise StateError(f"{_who(found)}: {exc}. Chưa nhận gì.") from None
    return before, after


def _steps(found: Slip, values: dict[str, object]) -> list[SlipEvent]:
    """The dossier steps of a probation still running, not already in this register."""
    if values["membership"] != "probationary":
        return []
    ceremony = str(values["ceremony_date"] or "")
    chosen = [e for e in found.events if e.kind in DOSSIER_STEPS and e.date >= ceremony]
    held = people.existing_event_ids([e.id for e in chosen])
    return [e for e in chosen if e.id not in held]


def _warnings(found: Slip, cell: Cell) -> list[str]:
    out = []
    place = fold(found.header.destination)
    if fold(cell.name) not in place and fold(cell.code) not in place:
        out.append(
            f"Phiếu ghi nơi chuyển đến là «{found.header.destination}», sổ này là chi bộ "
            f"«{cell.name}» (mã {cell.code}): hãy chắc chắn đúng người, đúng nơi."
        )
    return out


def _plan(found: Slip, on: dt.date, today: dt.date | None) -> _Plan:
    cell = _cell()
    row = _existing(found, cell)
    checked = members.check({k: found.person[k] for k in EDITABLE}, today)
    if checked.problems:
        raise ValidationError(_who(found), checked.problems)
    values = checked.values
    before, after = _states(found, values, on, today)
    return _Plan(
        found,
        "return" if row is not None else "new",
        row,
        values,
        before,
        after,
        _steps(found, values),
        members.find_duplicates(values, exclude=found.header.person_id),
        _warnings(found, cell),
    )


def _preview(plan: _Plan) -> SlipPreview:
    found, values, header = plan.found, plan.values, plan.found.header
    steps = {e.id for e in plan.steps}
    history = [
        HistoryLine(e.id, e.kind, e.label, e.date, e.reference, e.place, e.reason, e.id in steps)
        for e in found.events
    ]
    membership = str(values["membership"])
    return SlipPreview(
        file=found.name,
        slip_id=header.slip_id,
        kind=plan.kind,
        person_id=header.person_id,
        full_name=str(values["full_name"]),
        sex=SEX_LABELS.get(str(values["sex"]), str(values["sex"])),
        birth_date=values["birth_date"],  # type: ignore[arg-type]
        membership=membership,
        membership_label=MEMBERSHIP_LABELS[membership],
        admission_decision_date=values["admission_decision_date"],  # type: ignore[arg-type]
        ceremony_date=values["ceremony_date"],  # type: ignore[arg-type]
        official_date=values["official_date"],  # type: ignore[arg-type]
        party_card_number=str(values["party_card_number"]),
        from_cell_id=header.cell_id,
        from_cell_code=header.cell_code,
        from_cell_name=header.cell_name,
        fingerprint=header.fingerprint,
        key_id=found.key_id,
        transfer_date=header.transfer_date,
        destination=header.destination,
        reference=header.reference,
        history=history,
        duplicates=[
            {"id": i, "full_name": n, "why": why, "blocking": why.startswith("cùng số định danh")}
            for i, n, why in plan.duplicates
        ],  # type: ignore[misc]
        warnings=plan.warnings,
    )


def read_slip(
    reg: Register, path: Path, code: str, *, on: dt.date | None = None, today: dt.date | None = None
) -> SlipPreview:
    """Open the slip with its code and say what receiving it would do; writes nothing."""
    require_cell_register(reg)
    found = slip.read_slip_file(Path(path), code)
    return _preview(_plan(found, on or today or dt.date.today(), today))


def _refuse_duplicates(plan: _Plan, allow: bool) -> None:
    record = _who(plan.found)
    same_id = [m for m in plan.duplicates if m[2].startswith("cùng số định danh")]
    if same_id:
        raise DuplicateError(record, same_id, blocking=True)
    if plan.duplicates and not allow:
        raise DuplicateError(record, plan.duplicates)


def _state_json(state: PersonState) -> str:
    return json.dumps(members._state_fields(state), sort_keys=True)


def _carried_details(event: SlipEvent) -> str:
    kept = {k: v for k, v in event.details.items() if k not in _FOREIGN_DETAILS}
    return tracks.details_json(kept)


def _arrival_details(found: Slip) -> dict[str, object]:
    header = found.header
    return {
        "slip_id": header.slip_id,
        "from_cell_id": header.cell_id,
        "from_cell_code": header.cell_code,
        "from_cell_name": header.cell_name,
        "fingerprint": header.fingerprint,
        "transfer_out_date": header.transfer_date,
        "history": [
            {k: getattr(e, k) for k in ("id", "kind", "date", "reference", "place", "reason")}
            for e in found.events
        ],
    }


def _write(reg: Register, plan: _Plan, on: dt.date) -> tuple[Person, PersonEvent]:
    values = {**plan.values, **members._derived(plan.values), **members._state_fields(plan.after)}
    person_id = plan.found.header.person_id
    if plan.row is None:
        row = records.insert(Person, values, reg.author, record_id=person_id)
    else:
        row = plan.row
        records.update(row, values, reg.author)
    before = _state_json(plan.before)
    for step in plan.steps:
        texts = {"reason": step.reason, "reference": step.reference, "place": step.place}
        common = {"person": row.id, "kind": step.kind, "date": step.date, **texts}
        extra = {"before": before, "details": _carried_details(step)}
        records.insert(PersonEvent, {**common, **extra}, reg.author, record_id=step.id)
    header = plan.found.header
    arrival = {
        "person": row.id,
        "kind": "transfer_in",
        "date": on.isoformat(),
        "reason": "",
        "reference": header.reference,
        "place": header.cell_name,
        "before": before,
        "details": tracks.details_json(_arrival_details(plan.found)),
    }
    return row, records.insert(PersonEvent, arrival, reg.author)


def receive_slip(
    reg: Register,
    path: Path,
    code: str,
    *,
    on: dt.date | None = None,
    slip_id: str | None = None,
    allow_duplicate: bool = False,
    today: dt.date | None = None,
) -> SlipReceived:
    """Open the slip and, in one transaction, add the person under the same id with their
    dossier steps and a transfer-in event from the sending cell. ``slip_id``: the slip the
    secretary previewed (a file changed since is refused); ``allow_duplicate``: the secretary
    confirmed that a person of the same name and birth date here is someone else."""
    require_cell_register(reg)
    path = Path(path)
    found = slip.read_slip_file(path, code)
    if slip_id is not None and found.header.slip_id != slip_id:
        raise SyncRefused(
            f"Phiếu «{path.name}» đã khác lúc xem (không còn là phiếu đã xem trước). Chưa nhận "
            "gì; hãy chọn lại tệp."
        )
    day = on or today or dt.date.today()
    with reg.atomic():
        plan = _plan(found, day, today)
        _refuse_duplicates(plan, allow_duplicate)
        row, event = _write(reg, plan, day)
        preview = _preview(plan)
    return SlipReceived(preview, person_view(row), event.id, day.isoformat())
