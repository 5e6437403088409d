"""Where a person stands (candidate → probationary → official, overlays, exits) and the events
that move them; a pure state machine so the service, the CLI and the tests share one rule set."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from desktop_app.domain.dates import add_months
from desktop_app.domain.errors import StateError

EXITS = ("transferred_out", "removed", "expelled", "resigned", "deceased", "left_pool")
STATUSES = ("candidate", "probationary", "official", *EXITS)
STATUS_LABELS = {
    "candidate": "Quần chúng", "probationary": "Dự bị", "official": "Chính thức",
    "transferred_out": "Đã chuyển đi", "removed": "Đã xóa tên", "expelled": "Bị khai trừ",
    "resigned": "Ra khỏi Đảng", "deceased": "Từ trần", "left_pool": "Thôi xét kết nạp",
}  # fmt: skip
MEMBERS = ("probationary", "official")


@dataclass(frozen=True)
class EventKind:
    label: str
    allowed: tuple[str, ...]  # statuses in which the event may be recorded
    needs_place: bool = False


CANDIDATE = ("candidate",)
PROBATION = ("probationary",)
DEVELOPING = ("candidate", "probationary")

EVENT_KINDS: dict[str, EventKind] = {
    # the admission procedure (desktop_app.domain.admission says what each step needs)
    "pool_entry": EventKind("Đưa vào danh sách cảm tình Đảng", ("candidate", "left_pool")),
    "awareness_class": EventKind("Học lớp bồi dưỡng nhận thức về Đảng", CANDIDATE),
    "application": EventKind("Đơn xin vào Đảng", CANDIDATE),
    "personal_history": EventKind("Lý lịch của người xin vào Đảng", CANDIDATE),
    "verification": EventKind("Thẩm tra lý lịch", CANDIDATE),
    "introduction": EventKind("Giới thiệu của đảng viên chính thức", CANDIDATE),
    "union_introduction": EventKind("Nghị quyết giới thiệu của Đoàn / Công đoàn", CANDIDATE),
    "comments_summary": EventKind("Tổng hợp ý kiến nhận xét nơi làm việc, nơi cư trú", CANDIDATE),
    "admission_vote": EventKind("Chi bộ xét, đề nghị kết nạp", CANDIDATE),
    "upper_review": EventKind("Đảng ủy cơ sở xét, đề nghị kết nạp", CANDIDATE),
    "admission_decision": EventKind("Quyết định kết nạp", CANDIDATE),
    "ceremony": EventKind("Lễ kết nạp", CANDIDATE),
    "not_admitted": EventKind("Thôi xét kết nạp", CANDIDATE),
    "new_member_class": EventKind("Học lớp bồi dưỡng đảng viên mới", PROBATION),
    "member_cv": EventKind("Lý lịch đảng viên, phiếu đảng viên", PROBATION),
    "self_review": EventKind("Bản tự kiểm điểm của đảng viên dự bị", PROBATION),
    "mentor_assessment": EventKind("Nhận xét của đảng viên giúp đỡ", PROBATION),
    "probation_comments": EventKind("Tổng hợp ý kiến nhận xét đảng viên dự bị", PROBATION),
    "recognition_vote": EventKind("Chi bộ xét, đề nghị công nhận chính thức", PROBATION),
    "recognition_review": EventKind("Đảng ủy cơ sở xét, đề nghị công nhận", PROBATION),
    "referred_upward": EventKind("Báo cáo cấp trên xem xét, quyết định", PROBATION),
    "recognition": EventKind("Công nhận đảng viên chính thức", PROBATION),
    "probation_removal": EventKind("Xóa tên khỏi danh sách đảng viên dự bị", PROBATION),
    "mentor_comment": EventKind("Nhận xét định kỳ của người giúp đỡ", DEVELOPING),
    # what happens to members
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
    "not_admitted": "left_pool",
    "probation_removal": "removed",
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


def apply_event(
    state: PersonState, kind: str, on: dt.date, today: dt.date, *, probation_months: int
) -> PersonState:
    """The state after an event, or StateError in Vietnamese saying why it cannot happen.
    ``probation_months`` comes from the rule table in force on the ceremony date."""
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
    if kind == "recognition":
        return _recognition(state, on, probation_months)
    return _STEPS.get(kind, _no_change)(state, on)


def _no_change(state: PersonState, on: dt.date) -> PersonState:
    return state


def _pool_entry(state: PersonState, on: dt.date) -> PersonState:
    """Back into the pool after leaving it (a new candidacy); no change otherwise."""
    return replace(state, exit=None, exit_date=None)


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


def _recognition(state: PersonState, on: dt.date, months: int) -> PersonState:
    """Official as of the end of probation, even when the vote or the decision came later
    (Charter Art. 5); without a known ceremony the decision date is all there is."""
    if state.ceremony_date is None:
        return replace(state, membership="official", official_date=on)
    end = add_months(state.ceremony_date, months)
    if on < end:
        raise StateError(
            f"Công nhận chính thức: chưa đủ {months} tháng dự bị (từ lễ kết nạp "
            f"{state.ceremony_date:%d/%m/%Y}, sớm nhất {end:%d/%m/%Y})"
        )
    return replace(state, membership="official", official_date=end)


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
    "pool_entry": _pool_entry,
    "admission_decision": _decision,
    "ceremony": _ceremony,
    "transfer_in": _transfer_in,
    "temporary_leave": _toggle("temporarily_away", True, "Sinh hoạt tạm thời"),
    "temporary_return": _toggle("temporarily_away", False, "Trở về sinh hoạt"),
    "exemption": _toggle("exempted", True, "Miễn công tác và sinh hoạt"),
    "exemption_end": _toggle("exempted", False, "Thôi miễn"),
    **{kind: _exit(kind) for kind in _EXIT_OF},
}
