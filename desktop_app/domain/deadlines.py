"""Every deadline and warning of the admission and recognition procedure, computed from the
rule table and the working-day calendar, each with the rule, its source and the day it counts
from. Pure: ``services.development.todo`` gathers the tracks and calls ``deadlines``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.admission import (
    STEPS,
    Recorded,
    Standing,
    Track,
    certificate_expiry,
    failed_votes,
    probation_end,
)
from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.dates import add_months, format_vn
from desktop_app.domain.rules import Rule, RuleTable

HORIZON_DAYS = 90  # the Today page shows what is overdue and what falls due in this window


@dataclass(frozen=True)
class MentorLink:
    """An assignment still open, with where the mentor stands today and since when."""

    assignment_id: str
    mentor_id: str
    mentor_name: str
    start: dt.date
    now: Standing
    changed_on: dt.date | None = None  # the day the mentor left, was exempted or went away


@dataclass(frozen=True)
class TodoItem:
    person_id: str
    person_name: str
    kind: str
    due: dt.date
    rule: str
    source: str
    confidence: str
    message: str
    basis: dt.date | None  # the date the deadline was computed from
    basis_label: str
    why: str  # the rule in one line

    def overdue(self, on: dt.date) -> bool:
        return self.due < on

    def to_json(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "person_name": self.person_name,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "rule": self.rule,
            "source": self.source,
            "confidence": self.confidence,
            "message": self.message,
            "basis": self.basis.isoformat() if self.basis else None,
            "basis_label": self.basis_label,
        }


class _Collector:
    def __init__(self, track: Track, rules: RuleTable, calendar: WorkCalendar, on: dt.date) -> None:
        self.track, self.rules, self.calendar, self.on = track, rules, calendar, on
        self.items: list[TodoItem] = []

    def add(self, kind: str, due: dt.date, rule: Rule, message: str, basis, label: str) -> None:
        self.items.append(
            TodoItem(
                self.track.person_id,
                self.track.name,
                kind,
                due,
                rule.id,
                rule.source,
                rule.confidence,
                message,
                basis,
                label,
                rule.why(),
            )
        )

    def working(self, rule_id: str, basis: dt.date) -> tuple[dt.date, Rule]:
        rule = self.rules.get(rule_id, basis)
        return self.calendar.add_working_days(basis, int(rule.value)), rule


def deadlines(
    tracks: Iterable[tuple[Track, list[MentorLink]]],
    rules: RuleTable,
    calendar: WorkCalendar,
    on: dt.date,
    horizon_days: int = HORIZON_DAYS,
) -> list[TodoItem]:
    """Overdue first (oldest first), then what falls due within the horizon, by date."""
    items: list[TodoItem] = []
    for track, mentors in tracks:
        items.extend(person_deadlines(track, mentors, rules, calendar, on))
    return arrange(items, on, horizon_days)


def arrange(items: Iterable[TodoItem], on: dt.date, horizon_days: int = HORIZON_DAYS):
    """The Today order: overdue first (oldest first), then what falls due within the horizon."""
    limit = on + dt.timedelta(days=horizon_days)
    shown = [i for i in items if i.due <= limit]
    return sorted(shown, key=lambda i: (i.due >= on, i.due, i.person_name, i.kind))


def person_deadlines(
    track: Track,
    mentors: list[MentorLink],
    rules: RuleTable,
    calendar: WorkCalendar,
    on: dt.date,
) -> list[TodoItem]:
    """All of one person's deadlines, however far off."""
    if track.state.exit is not None:
        return []
    out = _Collector(track, rules, calendar, on)
    if track.state.membership == "candidate":
        _candidate(out)
    elif track.state.membership == "probationary":
        _probation(out)
    else:
        return []
    _mentoring(out, mentors, on)
    return out.items


def _passed(track: Track, kind: str) -> Recorded | None:
    passed = [v for v in track.of(kind) if v.passed]
    return passed[-1] if passed else None


def _candidate(out: _Collector) -> None:
    track = out.track
    vote = _passed(track, "admission_vote")
    decision = track.last("admission_decision")
    if vote is None and track.of("pool_entry") + track.of("application"):
        _before_vote(out)
    if vote is not None and decision is None:
        due, rule = out.working("decision.working_days", vote.date)
        out.add(
            "decision_due",
            due,
            rule,
            "Cấp ủy có thẩm quyền ra quyết định kết nạp",
            vote.date,
            "Nghị quyết chi bộ đề nghị kết nạp",
        )
    if decision is not None:
        received = decision.details.get("received")
        basis = received if isinstance(received, dt.date) else decision.date
        due, rule = out.working("ceremony.working_days", basis)
        out.add(
            "ceremony_due", due, rule, "Tổ chức lễ kết nạp", basis, "Ngày nhận quyết định kết nạp"
        )


def _before_vote(out: _Collector) -> None:
    track, rules = out.track, out.rules
    expiry = certificate_expiry(track, rules)
    cert = track.last("awareness_class")
    if expiry and cert:
        rule = rules.get("certificate.valid_months", cert.date)
        out.add(
            "certificate_expires",
            expiry,
            rule,
            "Giấy chứng nhận bồi dưỡng nhận thức về Đảng hết hạn; chi bộ phải xét trước "
            "ngày này, nếu không phải học lại",
            cert.date,
            "Ngày cấp giấy chứng nhận",
        )
    papers = [track.last(k) for k in ("application", "union_introduction", "comments_summary")]
    for paper in [p for p in papers if p] + track.of("introduction"):
        rule = rules.get("dossier.stale_months", paper.date)
        due = add_months(paper.date, int(rule.value))
        name = paper.details.get("introducer_name")
        what = STEPS[paper.kind].label + (f" ({name})" if name else "")
        out.add(
            "paper_stale",
            due,
            rule,
            f"{what} quá {rule.value} tháng nếu chi bộ chưa xét; phải làm lại",
            paper.date,
            f"Ngày {_lead_lower(STEPS[paper.kind].label)}",
        )
    if track.birth is not None:
        rule = rules.get("age.max_months", out.on)
        limit = add_months(track.birth.earliest(), int(rule.value))
        out.add(
            "age_limit",
            limit,
            rule,
            f"Tròn {int(rule.value) // 12} tuổi: chi bộ phải xét kết nạp trước ngày này",
            track.birth.earliest(),
            "Ngày sinh",
        )


def _probation(out: _Collector) -> None:
    track, rules = out.track, out.rules
    ceremony = track.state.ceremony_date
    end = probation_end(track.state, rules)
    if ceremony is None or end is None:
        return
    months = rules.get("probation.months", ceremony)
    if track.tracked and not track.of("member_cv"):
        due, rule = out.working("member_cv.working_days", ceremony)
        out.add(
            "member_cv_due",
            due,
            rule,
            "Hoàn thành lý lịch đảng viên, phiếu đảng viên",
            ceremony,
            "Ngày lễ kết nạp",
        )
    vote = _passed(track, "recognition_vote")
    if vote is None and not track.last("referred_upward"):
        out.add(
            "probation_ends",
            end,
            months,
            "Hết thời gian dự bị: chuẩn bị bản tự kiểm điểm (10-KNĐ), nhận xét của người "
            "giúp đỡ (11-KNĐ), tổng hợp ý kiến (12-KNĐ)",
            ceremony,
            "Ngày lễ kết nạp",
        )
        limit = rules.get("recognition_vote.max_failed", end)
        if failed_votes(track) >= int(limit.value):
            last = track.of("recognition_vote")[-1]
            out.add(
                "referral_due",
                last.date,
                limit,
                f"Chi bộ đã {limit.value} lần biểu quyết không đủ 2/3: báo cáo cấp trên",
                last.date,
                "Lần biểu quyết gần nhất",
            )
        else:
            due, rule = out.working("recognition_vote.working_days", end)
            out.add(
                "recognition_vote_due",
                due,
                rule,
                "Chi bộ xét, biểu quyết đề nghị công nhận đảng viên chính thức",
                end,
                "Ngày hết thời gian dự bị",
            )
    if vote is not None:
        due, rule = out.working("recognition_decision.working_days", vote.date)
        out.add(
            "recognition_decision_due",
            due,
            rule,
            "Cấp ủy có thẩm quyền ra quyết định công nhận đảng viên chính thức",
            vote.date,
            "Nghị quyết chi bộ đề nghị công nhận",
        )


def _mentoring(out: _Collector, mentors: list[MentorLink], on: dt.date) -> None:
    track, rules = out.track, out.rules
    required = rules.get("mentor.required", on)
    if not mentors:
        basis, label = _followed_since(track, on)
        out.add(
            "needs_mentor",
            basis,
            required,
            "Chưa phân công đảng viên chính thức giúp đỡ",
            basis,
            label,
        )
        return
    for link in mentors:
        problem = link.now.problem("Người giúp đỡ", on)
        if problem:
            basis = link.changed_on or on
            out.add(
                "needs_new_mentor",
                basis,
                required,
                f"Cần phân công người giúp đỡ khác: {problem}",
                basis,
                "Ngày người giúp đỡ thay đổi",
            )
            continue
        comments = [
            c for c in track.of("mentor_comment") if c.details.get("mentor_id") == link.mentor_id
        ]
        basis = max([link.start, *(c.date for c in comments)])
        rule = rules.get("mentor_comment.months", basis)
        out.add(
            "mentor_comment_due",
            add_months(basis, int(rule.value)),
            rule,
            f"«{link.mentor_name}» nhận xét định kỳ về người được giúp đỡ",
            basis,
            "Lần nhận xét gần nhất" if comments else "Ngày phân công",
        )


def _followed_since(track: Track, on: dt.date) -> tuple[dt.date, str]:
    if track.state.membership == "probationary" and track.state.ceremony_date:
        return track.state.ceremony_date, "Ngày lễ kết nạp"
    entry = track.last("pool_entry")
    if entry is not None:
        return entry.date, "Ngày vào danh sách cảm tình Đảng"
    return on, "Hôm nay (chưa ghi ngày vào danh sách)"


def format_item(item: TodoItem) -> str:
    """One line for the terminal: due date, person, what, rule."""
    return f"{format_vn(item.due)}  {item.person_name}: {item.message} [{item.source}]"


def _lead_lower(label: str) -> str:
    """A label inside a sentence: only its first letter goes lowercase ("… vào Đảng" stays)."""
    return label[:1].lower() + label[1:]
