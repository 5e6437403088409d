"""Where a person stands (candidate → probationary → official, overlays, exits) and the events
that move them; a pure state machine so the service, the CLI and the tests share one rule set."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from desktop_app.domain.dates import add_months
from desktop_app.domain.errors import StateError

EXITS = ("transferred_out", "removed", "expelled", "resigned", "deceased")
STATUSES = ("candidate", "probationary", "official", *EXITS)
STATUS_LABELS = {
    "candidate": "Quần chúng", "probationary": "Dự bị", "official": "Chính thức",
    "transferred_out": "Đã chuyển đi", "removed": "Đã xóa tên", "expelled": "Bị khai trừ",
    "resigned": "Ra khỏi Đảng", "deceased": "Từ trần",
}  # fmt: skip
MEMBERS = ("probationary", "official")


@dataclass(frozen=True)
class EventKind:
    label: str
    allowed: tuple[str, ...]  # statuses in which the event may be recorded
    needs_place: bool = False


EVENT_KINDS: dict[str, EventKind] = {
    "admission_decision": EventKind("Quyết định kết nạp", ("candidate",)),
    "ceremony": EventKind("Lễ kết nạp", ("candidate",)),
    "recognition": EventKind("Công nhận đảng viên chính thức", ("probationary",)),
    "transfer_in": EventKind("Chuyển đến", (*MEMBERS, "transferred_out"), needs_place=True),
    "transfer_out": EventKind("Chuyển sinh hoạt đi", MEMBERS, needs_place=True),
    "temporary_leave": EventKind("Sinh hoạt tạm thời nơi khác", MEMBERS, needs_place=True),
    "temporary_return": EventKind("Trở về sinh hoạt", MEMBERS),
    "exemption": EventKind("Miễn công tác và sinh hoạt", MEMBERS),
    "exemption_end": EventKind("Thôi miễn công tác và sinh hoạt", MEMBERS),
    "removal": EventKind("Xóa tên", MEMBERS),
    "expulsion": EventKind("Khai trừ", MEMBERS),
    "resignation": EventKind("Xin ra khỏi Đảng", MEMBERS),
    "death": EventKind("Từ trần", ("candidate", *MEMBERS)),
    "other": EventKind("Sự kiện khác", STATUSES),
}
_EXIT_OF = {
    "transfer_out": "transferred_out",
    "removal": "removed",
    "expulsion": "expelled",
    "resignation": "resigned",
    "death": "deceased",
}


@dataclass(frozen=True)
class PersonState:
    membership: str
    exit: str | None = None
    exempted: bool = False
    temporarily_away: bool = False
    admission_decision_date: dt.date | None = None
    ceremony_date: dt.date | None = None
    official_date: dt.date | None = None
    exit_date: dt.date | None = None

    @property
    def status(self) -> str:
        return self.exit or self.membership

    @property
    def in_cell(self) -> bool:
        """Counted in the cell today: a member with no exit (away members are kept apart)."""
        return self.exit is None and self.membership in MEMBERS


def apply_event(state: PersonState, kind: str, on: dt.date, today: dt.date) -> PersonState:
    """The state after an event, or StateError in Vietnamese saying why it cannot happen."""
    spec = EVENT_KINDS.get(kind)
    if spec is None:
        raise StateError(f"Không có loại sự kiện «{kind}»")
    if on > today:
        raise StateError(f"{spec.label}: ngày {on:%d/%m/%Y} là ngày trong tương lai")
    if state.status not in spec.allowed:
        raise StateError(
            f"{spec.label}: không áp dụng cho người đang ở diện «{STATUS_LABELS[state.status]}»"
        )
    if state.exit_date and on < state.exit_date and kind != "other":
        raise StateError(
            f"{spec.label}: ngày {on:%d/%m/%Y} trước ngày ra khỏi chi bộ {state.exit_date:%d/%m/%Y}"
        )
    return _STEPS.get(kind, _no_change)(state, on)


def _no_change(state: PersonState, on: dt.date) -> PersonState:
    return state


def _decision(state: PersonState, on: dt.date) -> PersonState:
    return replace(state, admission_decision_date=on)


def _ceremony(state: PersonState, on: dt.date) -> PersonState:
    if state.admission_decision_date is None:
        raise StateError("Lễ kết nạp: chưa ghi quyết định kết nạp")
    if on < state.admission_decision_date:
        raise StateError(
            "Lễ kết nạp: không thể trước ngày quyết định kết nạp "
            f"{state.admission_decision_date:%d/%m/%Y}"
        )
    return replace(state, membership="probationary", ceremony_date=on)


def _recognition(state: PersonState, on: dt.date) -> PersonState:
    if state.ceremony_date is not None:
        due = add_months(state.ceremony_date, 12)
        if on < due:
            raise StateError(
                f"Công nhận chính thức: chưa đủ 12 tháng dự bị (từ lễ kết nạp "
                f"{state.ceremony_date:%d/%m/%Y}, sớm nhất {due:%d/%m/%Y})"
            )
    return replace(state, membership="official", official_date=on)


def _exit(kind: str):
    def step(state: PersonState, on: dt.date) -> PersonState:
        return replace(state, exit=_EXIT_OF[kind], exit_date=on, temporarily_away=False)

    return step


def _transfer_in(state: PersonState, on: dt.date) -> PersonState:
    return replace(state, exit=None, exit_date=None)


def _toggle(attr: str, value: bool, label: str):
    def step(state: PersonState, on: dt.date) -> PersonState:
        if getattr(state, attr) == value:
            raise StateError(f"{label}: {'đã' if value else 'chưa'} ở trạng thái này")
        return replace(state, **{attr: value})

    return step


_STEPS = {
    "admission_decision": _decision,
    "ceremony": _ceremony,
    "recognition": _recognition,
    "transfer_in": _transfer_in,
    "temporary_leave": _toggle("temporarily_away", True, "Sinh hoạt tạm thời"),
    "temporary_return": _toggle("temporarily_away", False, "Trở về sinh hoạt"),
    "exemption": _toggle("exempted", True, "Miễn công tác và sinh hoạt"),
    "exemption_end": _toggle("exempted", False, "Thôi miễn"),
    **{kind: _exit(kind) for kind in _EXIT_OF},
}
