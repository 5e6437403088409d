"""The admission procedure as data: what each step is, what it needs before it, and the checks
the Party rules make on it (age, certificate, introducers, votes). Pure: the service gathers the
person's recorded steps and the standing of introducers, this module decides."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from desktop_app.domain.dates import PartialDate, add_months, age_in_months, format_vn
from desktop_app.domain.errors import StateError
from desktop_app.domain.membership import EVENT_KINDS, PersonState
from desktop_app.domain.rules import RuleTable


@dataclass(frozen=True)
class Step:
    kind: str
    form: str  # the paper it produces ("1-KNĐ"), or ""
    phase: str  # "candidate" or "probation"
    needs: tuple[str, ...] = ()  # steps recorded before (on or before this date)
    paper: bool = False  # redone when the cell has not considered the file within 12 months
    fields: tuple[str, ...] = ()  # details the step takes

    @property
    def label(self) -> str:
        return EVENT_KINDS[self.kind].label


VOTE_FIELDS = ("present", "in_favour", "exempted_present")
CERTIFICATE_FIELDS = ("certificate_number", "issuer")

# The procedure in the order the dossier needs it (domain.md §2).
PROCEDURE: tuple[Step, ...] = (
    Step("pool_entry", "", "candidate"),
    Step("awareness_class", "CN-NTVĐ", "candidate", fields=CERTIFICATE_FIELDS),
    Step("application", "1-KNĐ", "candidate", paper=True),
    Step("personal_history", "2-KNĐ", "candidate", needs=("application",)),
    Step("verification", "", "candidate", needs=("personal_history",)),
    Step(
        "introduction",
        "3-KNĐ",
        "candidate",
        paper=True,
        fields=("introducer_id", "joint_since", "replacement"),
    ),
    Step("union_introduction", "4-KNĐ", "candidate", paper=True, fields=("union",)),
    Step("comments_summary", "5-KNĐ", "candidate", paper=True),
    Step(
        "admission_vote",
        "6-KNĐ",
        "candidate",
        needs=(
            "awareness_class",
            "application",
            "personal_history",
            "verification",
            "comments_summary",
        ),
        fields=VOTE_FIELDS,
    ),
    Step("upper_review", "8-KNĐ", "candidate", needs=("admission_vote",)),
    Step("admission_decision", "9-KNĐ", "candidate", fields=("received",)),
    Step("ceremony", "", "candidate", needs=("admission_decision",)),
    Step("new_member_class", "", "probation", fields=CERTIFICATE_FIELDS),
    Step("member_cv", "", "probation"),
    Step("self_review", "10-KNĐ", "probation"),
    Step("mentor_assessment", "11-KNĐ", "probation", fields=("mentor_id",)),
    Step("probation_comments", "12-KNĐ", "probation"),
    Step(
        "recognition_vote",
        "13-KNĐ",
        "probation",
        needs=("self_review", "mentor_assessment", "probation_comments"),
        fields=VOTE_FIELDS,
    ),
    Step("recognition_review", "15-KNĐ", "probation", needs=("recognition_vote",)),
    Step("recognition", "16-KNĐ", "probation"),
)
BRANCHES: tuple[Step, ...] = (
    Step("not_admitted", "", "candidate"),
    Step("referred_upward", "", "probation"),
    Step("probation_removal", "", "probation"),
    Step("mentor_comment", "", "both", fields=("mentor_id",)),
)
STEPS: dict[str, Step] = {s.kind: s for s in (*PROCEDURE, *BRANCHES)}
REPEATABLE = {
    "awareness_class",
    "introduction",
    "admission_vote",
    "recognition_vote",
    "mentor_comment",
    "new_member_class",
}
VOTES = {"admission_vote": "admission", "recognition_vote": "recognition"}
UNIONS = {"youth": "Đoàn Thanh niên (4-KNĐ)", "trade": "Công đoàn (4A-KNĐ)"}


@dataclass(frozen=True)
class Recorded:
    """A step already in the register."""

    kind: str
    date: dt.date
    details: dict = field(default_factory=dict)
    id: str = ""

    @property
    def passed(self) -> bool:
        return bool(self.details.get("passed"))


@dataclass(frozen=True)
class Standing:
    """What an introducer or mentor was on a given day."""

    person_id: str
    name: str
    official: bool
    exempted: bool = False
    away: bool = False
    exit: str | None = None  # status label of the exit when they had left by that day

    def problem(self, role: str, on: dt.date) -> str | None:
        day = format_vn(on)
        if self.exit:
            return f"{role} «{self.name}» đã {self.exit.lower()} trước ngày {day}"
        if not self.official:
            return (
                f"{role} «{self.name}» chưa là đảng viên chính thức vào ngày {day}; "
                "chỉ đảng viên chính thức được nhận nhiệm vụ này"
            )
        if self.exempted:
            return f"{role} «{self.name}» đang được miễn công tác và sinh hoạt vào ngày {day}"
        if self.away:
            return f"{role} «{self.name}» đang sinh hoạt tạm thời nơi khác vào ngày {day}"
        return None


@dataclass(frozen=True)
class Track:
    """One person in the procedure: who, where they stand, what is recorded."""

    person_id: str
    name: str
    birth: PartialDate | None
    state: PersonState
    steps: tuple[Recorded, ...]  # oldest first

    def candidacy(self) -> tuple[Recorded, ...]:
        """Steps of the current candidacy: after the latest return to the pool."""
        starts = [i for i, s in enumerate(self.steps) if s.kind == "pool_entry"]
        return self.steps[starts[-1] :] if starts else self.steps

    def of(self, kind: str) -> list[Recorded]:
        return [s for s in self.candidacy() if s.kind == kind]

    def last(self, kind: str) -> Recorded | None:
        found = self.of(kind)
        return found[-1] if found else None

    @property
    def tracked(self) -> bool:
        """In the procedure in this program (not a member whose past was typed in later)."""
        return any(
            s.kind in STEPS and STEPS[s.kind].phase == "candidate" and s.kind not in _LEGACY
            for s in self.candidacy()  # membership events (transfer, exemption…) are no steps
        )


_LEGACY = {"admission_decision", "ceremony"}  # all a typed-in member history has


# -- votes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteResult:
    official_total: int  # official members in the cell that day (not exempted, not away)
    exempted_present: int  # exempted members who came and voted: they count
    present: int
    in_favour: int
    needed: int
    passed: bool

    def text(self) -> str:
        verdict = "đạt" if self.passed else "không đạt"
        return (
            f"{self.in_favour}/{self.electorate} đảng viên chính thức tán thành "
            f"(cần {self.needed}): {verdict}"
        )

    @property
    def electorate(self) -> int:
        return self.official_total + self.exempted_present

    def details(self) -> dict[str, object]:
        return {
            "official_total": self.official_total,
            "exempted_present": self.exempted_present,
            "present": self.present,
            "in_favour": self.in_favour,
            "needed": self.needed,
            "passed": self.passed,
        }


def vote_result(
    official_total: int,
    present: int,
    in_favour: int,
    rules: RuleTable,
    on: dt.date,
    exempted_present: int = 0,
) -> VoteResult:
    """Whether ≥ 2/3 of all official members agreed; StateError on figures that cannot be."""
    majority = rules.get("vote.majority", on)
    minimum = rules.get("cell.min_official", on)
    if min(present, in_favour, exempted_present) < 0:
        raise StateError("Số người có mặt và tán thành không được âm")
    electorate = official_total + exempted_present
    if official_total < int(minimum.value):
        raise StateError(
            f"Ngày {format_vn(on)} chi bộ chỉ có {official_total} đảng viên chính thức đang "
            f"sinh hoạt; cần ít nhất {minimum.value} để biểu quyết hợp lệ ({minimum.source})"
        )
    if present > electorate:
        raise StateError(
            f"Số có mặt ({present}) nhiều hơn số đảng viên chính thức của chi bộ ngày "
            f"{format_vn(on)} ({electorate})"
        )
    if in_favour > present:
        raise StateError(f"Số tán thành ({in_favour}) nhiều hơn số có mặt ({present})")
    share = Fraction(majority.value)
    needed = math.ceil(electorate * share)
    return VoteResult(
        official_total, exempted_present, present, in_favour, needed, in_favour >= needed
    )


# -- checks on a step ----------------------------------------------------------------------

StandingLookup = Callable[[str, dt.date], Standing]


def check_step(
    track: Track,
    kind: str,
    on: dt.date,
    details: dict,
    rules: RuleTable,
    standing: StandingLookup,
) -> list[str]:
    """Refuse (StateError) a step the rules do not allow; return warnings that do not block.
    Status checks (who may have which event) are ``membership.apply_event``'s job."""
    step = STEPS.get(kind)
    if step is None:
        return []
    _check_needs(track, step, on)
    _check_repeat(track, step, on, details, rules)
    check = _CHECKS.get(kind)
    return check(track, on, details, rules, standing) if check else []


def _check_needs(track: Track, step: Step, on: dt.date) -> None:
    if step.kind in ("admission_decision", "recognition") and not track.tracked:
        return  # a member's history typed in after the fact
    needs = step.needs
    if step.kind == "admission_vote" and not track.tracked:
        needs = ()
    for need in needs:
        done = track.last(need)
        if done is None:
            raise StateError(f"{step.label}: chưa ghi bước «{STEPS[need].label}»")
        if on < done.date:
            raise StateError(
                f"{step.label}: ngày {format_vn(on)} trước ngày «{STEPS[need].label}» "
                f"{format_vn(done.date)}"
            )


def _check_repeat(track: Track, step: Step, on: dt.date, details: dict, rules) -> None:
    earlier = track.of(step.kind)
    if not earlier or (step.kind == "pool_entry" and track.state.exit == "left_pool"):
        return
    last = earlier[-1]
    if step.paper and _stale(last.date, on, rules):
        return  # redone after going stale
    if step.kind not in REPEATABLE:
        raise StateError(
            f"{step.label}: đã ghi ngày {format_vn(last.date)}; không ghi lại lần nữa "
            "(nếu ghi nhầm, hãy rút lại bước đó)"
        )
    if step.kind in ("awareness_class", "new_member_class", "mentor_comment"):
        same = [
            e
            for e in earlier
            if e.date == on and e.details.get("mentor_id") == details.get("mentor_id")
        ]
        if same:
            raise StateError(f"{step.label}: đã ghi ngày {format_vn(on)}")
        if on < last.date:
            raise StateError(
                f"{step.label}: ngày {format_vn(on)} trước lần ghi gần nhất {format_vn(last.date)}"
            )


def _stale(paper: dt.date, on: dt.date, rules: RuleTable) -> bool:
    months = int(rules.get("dossier.stale_months", paper).value)
    return on > add_months(paper, months)


def _age_check(track: Track, on: dt.date, rules: RuleTable) -> None:
    low, high = rules.get("age.min_months", on), rules.get("age.max_months", on)
    if track.birth is None:
        raise StateError(f"Chưa có ngày sinh của «{track.name}» để xét tuổi ({low.source})")
    youngest = age_in_months(track.birth.latest(), on)
    oldest = age_in_months(track.birth.earliest(), on)
    if youngest < int(low.value):
        raise StateError(
            f"«{track.name}» chưa đủ {int(low.value) // 12} tuổi vào ngày {format_vn(on)} "
            f"(sinh {track.birth.vn()}); {low.why()}"
        )
    if oldest > int(high.value):
        raise StateError(
            f"«{track.name}» đã quá {int(high.value) // 12} tuổi vào ngày {format_vn(on)} "
            f"(sinh {track.birth.vn()}); {high.why()}"
        )


def certificate_expiry(track: Track, rules: RuleTable) -> dt.date | None:
    cert = track.last("awareness_class")
    if cert is None:
        return None
    return add_months(cert.date, int(rules.get("certificate.valid_months", cert.date).value))


def introductions_needed(track: Track, on: dt.date, rules: RuleTable) -> int:
    kind = "introducers.with_union" if track.last("union_introduction") else "introducers.required"
    return int(rules.get(kind, on).value)


def _admission_vote(track: Track, on, details, rules, standing) -> list[str]:
    if any(v.passed for v in track.of("admission_vote")):
        raise StateError("Chi bộ đã biểu quyết thông qua đề nghị kết nạp; không ghi lại")
    _age_check(track, on, rules)
    if not track.tracked:
        return []
    expiry = certificate_expiry(track, rules)
    if expiry is not None and on > expiry:
        cert = rules.get("certificate.valid_months", on)
        raise StateError(
            f"Giấy chứng nhận bồi dưỡng nhận thức về Đảng của «{track.name}» hết hạn ngày "
            f"{format_vn(expiry)}; phải học lại trước khi chi bộ xét ({cert.why()})"
        )
    count, needed = (
        len(_live_introductions(track, on, rules)),
        introductions_needed(track, on, rules),
    )
    if count < needed:
        rule = rules.get("introducers.required", on)
        raise StateError(
            f"«{track.name}» mới có {count} người giới thiệu còn hiệu lực, cần {needed} "
            f"({rule.why()})"
        )
    for kind in ("application", "comments_summary", "union_introduction"):
        paper = track.last(kind)
        if paper and _stale(paper.date, on, rules):
            stale = rules.get("dossier.stale_months", paper.date)
            raise StateError(
                f"«{STEPS[kind].label}» ngày {format_vn(paper.date)} đã quá "
                f"{stale.value} tháng chưa được chi bộ xem xét; phải làm lại ({stale.source})"
            )
    return []


def _live_introductions(track: Track, on: dt.date, rules: RuleTable) -> list[Recorded]:
    return [i for i in track.of("introduction") if not _stale(i.date, on, rules)]


def _introduction(track: Track, on, details, rules, standing) -> list[str]:
    introducer = str(details.get("introducer_id") or "")
    if not introducer:
        raise StateError("Giới thiệu: chưa chọn người giới thiệu")
    if introducer == track.person_id:
        raise StateError("Giới thiệu: một người không tự giới thiệu mình")
    live = _live_introductions(track, on, rules)
    if any(i.details.get("introducer_id") == introducer for i in live):
        raise StateError(
            f"Giới thiệu: «{who_name(standing, introducer, on)}» đã giới thiệu «{track.name}» rồi"
        )
    limit = int(rules.get("introducers.required", on).value)
    if len(live) >= limit:
        raise StateError(f"Giới thiệu: «{track.name}» đã có đủ {limit} người giới thiệu")
    who = standing(introducer, on)
    problem = who.problem("Người giới thiệu", on)
    if problem:
        rule = rules.get("introducer.joint_months", on)
        raise StateError(f"{problem} ({rule.source})")
    if not details.get("replacement"):  # R5: a replacement needs no 12 months together
        _joint_months(who.name, details.get("joint_since"), on, rules)
    return []


def who_name(standing: StandingLookup, person_id: str, on: dt.date) -> str:
    return standing(person_id, on).name


def _joint_months(name: str, since: object, on: dt.date, rules: RuleTable) -> None:
    rule = rules.get("introducer.joint_months", on)
    if not isinstance(since, dt.date):
        raise StateError(
            f"Giới thiệu: chưa ghi từ ngày nào «{name}» cùng công tác, học tập hoặc sinh hoạt "
            f"với người được giới thiệu ({rule.why()})"
        )
    together = age_in_months(since, on)
    if together < int(rule.value):
        raise StateError(
            f"Người giới thiệu «{name}» mới cùng công tác với người được giới thiệu "
            f"{max(together, 0)} tháng (từ {format_vn(since)}), cần ít nhất {rule.value} tháng "
            f"({rule.source})"
        )


def _union(track: Track, on, details, rules, standing) -> list[str]:
    if details.get("union") not in UNIONS:
        raise StateError("Nghị quyết giới thiệu: chọn Đoàn Thanh niên hoặc Công đoàn")
    return []


def _decision(track: Track, on, details, rules, standing) -> list[str]:
    received = details.get("received")
    if isinstance(received, dt.date) and received < on:
        raise StateError(
            f"Ngày nhận quyết định {format_vn(received)} trước ngày ký {format_vn(on)}"
        )
    if not track.tracked:
        return []
    votes = track.of("admission_vote")
    passed = [v for v in votes if v.passed]
    if not passed:
        raise StateError("Quyết định kết nạp: chi bộ chưa biểu quyết thông qua đề nghị kết nạp")
    if on < passed[-1].date:
        raise StateError(
            f"Quyết định kết nạp: ngày {format_vn(on)} trước nghị quyết của chi bộ "
            f"{format_vn(passed[-1].date)}"
        )
    return []


def _ceremony(track: Track, on, details, rules, standing) -> list[str]:
    decision = track.last("admission_decision")
    received = decision and decision.details.get("received")
    if isinstance(received, dt.date) and on < received:
        raise StateError(
            f"Lễ kết nạp: ngày {format_vn(on)} trước ngày nhận quyết định {format_vn(received)}"
        )
    return []


def probation_end(state: PersonState, rules: RuleTable) -> dt.date | None:
    if state.ceremony_date is None:
        return None
    months = int(rules.get("probation.months", state.ceremony_date).value)
    return add_months(state.ceremony_date, months)


def failed_votes(track: Track, kind: str = "recognition_vote") -> int:
    return sum(1 for v in track.of(kind) if not v.passed)


def _recognition_vote(track: Track, on, details, rules, standing) -> list[str]:
    if any(v.passed for v in track.of("recognition_vote")):
        raise StateError("Chi bộ đã biểu quyết thông qua đề nghị công nhận; không ghi lại")
    end = probation_end(track.state, rules)
    if end and on < end:
        raise StateError(
            f"Xét công nhận chính thức: chưa hết thời gian dự bị (lễ kết nạp "
            f"{format_vn(track.state.ceremony_date)}, hết dự bị {format_vn(end)})"
        )
    limit = rules.get("recognition_vote.max_failed", on)
    if failed_votes(track) >= int(limit.value):
        raise StateError(
            f"Chi bộ đã {limit.value} lần biểu quyết không đủ 2/3; phải báo cáo cấp trên "
            f"xem xét, quyết định ({limit.source})"
        )
    return []


def _referred(track: Track, on, details, rules, standing) -> list[str]:
    limit = rules.get("recognition_vote.max_failed", on)
    if failed_votes(track) < int(limit.value):
        raise StateError(
            f"Chỉ báo cáo cấp trên sau {limit.value} lần chi bộ biểu quyết không đủ 2/3 "
            f"({limit.source})"
        )
    return []


def _recognition(track: Track, on, details, rules, standing) -> list[str]:
    if not track.tracked and not track.of("recognition_vote"):
        return []
    if track.last("referred_upward"):
        return []  # the upper level decides
    passed = [v for v in track.of("recognition_vote") if v.passed]
    if not passed:
        raise StateError("Công nhận chính thức: chi bộ chưa biểu quyết thông qua đề nghị công nhận")
    if on < passed[-1].date:
        raise StateError(
            f"Công nhận chính thức: ngày {format_vn(on)} trước nghị quyết của chi bộ "
            f"{format_vn(passed[-1].date)}"
        )
    return []


_CHECKS: dict[str, Callable[..., list[str]]] = {
    "admission_vote": _admission_vote,
    "introduction": _introduction,
    "union_introduction": _union,
    "admission_decision": _decision,
    "ceremony": _ceremony,
    "recognition_vote": _recognition_vote,
    "referred_upward": _referred,
    "recognition": _recognition,
}


def next_steps(track: Track) -> list[Step]:
    """The procedure's steps not yet recorded in this phase, in order."""
    if track.state.membership not in ("candidate", "probationary") or track.state.exit:
        return []
    phase = "probation" if track.state.membership == "probationary" else "candidate"
    done = {s.kind for s in track.candidacy()}
    if len(track.of("introduction")) < 2:
        done.discard("introduction")  # the second introducer is still to come
    if len(track.of("introduction")) >= 2:
        done.add("union_introduction")  # not needed beside two introducers
    return [s for s in PROCEDURE if s.phase == phase and s.kind not in done]


def stage(track: Track) -> Step | None:
    """The furthest step of the procedure recorded so far."""
    order = {s.kind: i for i, s in enumerate(PROCEDURE)}
    done = [s.kind for s in track.candidacy() if s.kind in order]
    return STEPS[max(done, key=order.__getitem__)] if done else None


def sequence(steps: Sequence[Recorded]) -> tuple[Recorded, ...]:
    return tuple(sorted(steps, key=lambda s: s.date))
