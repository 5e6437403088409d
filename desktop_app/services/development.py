"""Member development: candidates, the steps of the procedure, votes, mentors, the dossier, and
every deadline. The UI and the CLI both call these; each write is one journalled transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from desktop_app.domain import admission
from desktop_app.domain.admission import STEPS, VOTES, Track, VoteResult, vote_result
from desktop_app.domain.dates import age_in_months, format_vn
from desktop_app.domain.deadlines import MentorLink, TodoItem, deadlines, person_deadlines
from desktop_app.domain.dossier import DossierItem, dossier
from desktop_app.domain.errors import StateError
from desktop_app.domain.names import clean_text
from desktop_app.domain.standing import counts_in_vote
from desktop_app.services import members, tracks
from desktop_app.services.rules import rule_table, work_calendar
from desktop_app.services.views import EventView, PersonView, person_view
from desktop_app.store import development, meetings, people, records
from desktop_app.store.database import Register
from desktop_app.store.models import Mentorship, Person

TEXT_DETAILS = {"certificate_number": 40, "issuer": 200, "actor": 200}
DEVELOPING = ("candidate", "probationary")
_REASON = {"not_admitted": "lý do", "mentor_comment": "nội dung nhận xét"}


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# -- candidates and steps -----------------------------------------------------------------


def add_candidate(
    reg: Register,
    data: dict[str, object],
    *,
    pool_date: dt.date,
    reference: str = "",
    allow_duplicate: bool = False,
    today: dt.date | None = None,
) -> PersonView:
    """A non-member put on the sympathiser list (cảm tình Đảng): the person and the first step,
    in one write."""
    with reg.atomic():
        person = members.add_person(
            reg, {**data, "membership": "candidate"}, allow_duplicate=allow_duplicate, today=today
        )
        members.record_event(
            reg, person.id, "pool_entry", pool_date, reference=reference, today=today
        )
    return members.get_person(reg, person.id)


def record_step(
    reg: Register,
    person_id: str,
    kind: str,
    on: dt.date,
    *,
    reference: str = "",
    reason: str = "",
    details: dict | None = None,
    today: dt.date | None = None,
) -> EventView:
    """Record one step of the procedure (votes go through ``record_vote``)."""
    if kind in VOTES:
        raise StateError(f"«{STEPS[kind].label}»: ghi bằng lệnh biểu quyết (số có mặt, tán thành)")
    if kind not in STEPS:
        raise StateError(f"Không có bước «{kind}» trong quy trình kết nạp")
    with reg.atomic():
        clean = _clean_details(kind, details or {})
        if kind in ("not_admitted", "mentor_comment") and not clean_text(reason):
            raise StateError(f"{STEPS[kind].label}: cần ghi {_REASON[kind]}")
        return members.record_event(
            reg,
            person_id,
            kind,
            on,
            reason=reason,
            reference=reference,
            details=clean,
            today=today,
        )


def _clean_details(kind: str, details: dict) -> dict:
    step = STEPS[kind]
    allowed = {*step.fields, "actor", "meeting_id"}
    unknown = sorted(set(details) - allowed)
    if unknown:
        raise StateError(f"«{step.label}»: không có thông tin {', '.join(unknown)}")
    clean: dict[str, object] = {}
    for key, value in details.items():
        if value in (None, ""):
            continue
        if key in TEXT_DETAILS:
            value = clean_text(str(value))
            if len(value) > TEXT_DETAILS[key]:
                raise StateError(f"«{step.label}»: {key} quá dài (tối đa {TEXT_DETAILS[key]})")
        clean[key] = value
    if "meeting_id" in clean and meetings.meeting_by_id(str(clean["meeting_id"])) is None:
        raise StateError(f"«{step.label}»: không có buổi sinh hoạt mang mã «{clean['meeting_id']}»")
    for key in ("introducer_id", "mentor_id"):
        if key in clean:
            person = members._live(str(clean[key]))
            clean[key] = person.id
            clean[key.replace("_id", "_name")] = person.full_name
    if kind == "mentor_comment" and "mentor_id" not in clean:
        raise StateError("Nhận xét định kỳ: chọn người giúp đỡ đã nhận xét")
    return clean


def electorate(reg: Register, on: dt.date) -> tuple[int, int]:
    """(official members who count in a vote that day, exempted official members)."""
    standings = tracks.Standings()
    counted = exempted = 0
    for pid in standings.officials():
        s = standings.on(pid, on)
        counted += counts_in_vote(s)
        exempted += s.official and not s.exit and s.exempted and not s.away
    return counted, exempted


def record_vote(
    reg: Register,
    person_id: str,
    vote: str,
    on: dt.date,
    *,
    present: int,
    in_favour: int,
    exempted_present: int = 0,
    reference: str = "",
    claim_passed: bool | None = None,
    meeting_id: str | None = None,
    today: dt.date | None = None,
) -> tuple[EventView, VoteResult]:
    """The cell's vote on admission or recognition. The electorate is computed from the
    register; the result is the rule's, never the caller's: a claimed pass that did not reach
    2/3 is refused. With ``meeting_id`` the vote is tied to the meeting it was taken at."""
    kind = {v: k for k, v in VOTES.items()}.get(vote)
    if kind is None:
        raise StateError("Loại biểu quyết phải là «admission» (kết nạp) hoặc «recognition»")
    with reg.atomic():
        row = members._live(person_id)
        counted, exempted = electorate(reg, on)
        if exempted_present > exempted:
            raise StateError(
                f"Người «{row.full_name}»: {exempted_present} đảng viên miễn sinh hoạt có mặt, "
                f"nhưng chi bộ ngày {format_vn(on)} chỉ có {exempted}"
            )
        try:
            result = vote_result(counted, present, in_favour, rule_table(), on, exempted_present)
        except StateError as exc:
            raise StateError(f"Người «{row.full_name}»: {exc}") from None
        if claim_passed and not result.passed:
            raise StateError(
                f"Người «{row.full_name}»: không thể ghi nghị quyết là thông qua: {result.text()}"
            )
        details = result.details()
        if meeting_id:
            from desktop_app.services.meetings import check_vote_meeting  # imports this module

            details["meeting_id"] = check_vote_meeting(reg, meeting_id, on, present)
        event = members.record_event(
            reg, row.id, kind, on, reference=reference, details=details, today=today
        )
    return event, result


# -- mentors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MentorshipView:
    id: str
    person_id: str
    person_name: str
    mentor_id: str
    mentor_name: str
    start: str
    end: str | None
    end_reason: str
    joint_since: str | None
    note: str
    warnings: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self.end is None

    def to_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__} | {
            "warnings": list(self.warnings)
        }


def _mentorship_view(row: Mentorship, names: dict[str, str], warnings=()) -> MentorshipView:
    return MentorshipView(
        row.id,
        row.person_id,
        names.get(row.person_id, ""),
        row.mentor_id,
        names.get(row.mentor_id, ""),
        row.start,
        row.end,
        row.end_reason,
        row.joint_since,
        row.note,
        tuple(warnings),
    )


def assign_mentor(
    reg: Register,
    person_id: str,
    mentor_id: str,
    start: dt.date,
    *,
    joint_since: dt.date | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> MentorshipView:
    """Assign an official member to help a candidate or probationary member."""
    with reg.atomic():
        person, mentor = members._live(person_id), members._live(mentor_id)
        warnings = _check_assignment(person, mentor, start, joint_since, _today(today))
        row = records.insert(
            Mentorship,
            {
                "person": person.id,
                "mentor": mentor.id,
                "start": start.isoformat(),
                "end": None,
                "end_reason": "",
                "joint_since": joint_since.isoformat() if joint_since else None,
                "note": clean_text(note)[:500],
            },
            reg.author,
        )
    names = {person.id: person.full_name, mentor.id: mentor.full_name}
    return _mentorship_view(row, names, warnings)


def _check_assignment(
    person: Person, mentor: Person, start: dt.date, joint_since: dt.date | None, today: dt.date
) -> list[str]:
    who = f"Phân công giúp đỡ «{person.full_name}»"
    if start > today:
        raise StateError(f"{who}: ngày {format_vn(start)} là ngày trong tương lai")
    if person.id == mentor.id:
        raise StateError(f"{who}: một người không tự giúp đỡ mình")
    if person.exit is not None or person.membership not in DEVELOPING:
        raise StateError(f"{who}: chỉ phân công cho quần chúng đang theo dõi hoặc đảng viên dự bị")
    if joint_since and joint_since > start:
        raise StateError(f"{who}: ngày bắt đầu cùng công tác sau ngày phân công")
    problem = tracks.Standings().on(mentor.id, start).problem("Người giúp đỡ", start)
    if problem:
        raise StateError(f"{who}: {problem}")
    active = [m for m in development.mentorships(person.id) if m.end is None]
    if any(m.mentor_id == mentor.id for m in active):
        raise StateError(f"{who}: «{mentor.full_name}» đang được phân công giúp đỡ người này")
    rule = rule_table().get("introducer.joint_months", start)
    if joint_since is None:
        return [
            f"Chưa ghi từ ngày nào «{mentor.full_name}» cùng công tác với người được giúp "
            f"đỡ; người giới thiệu cần ít nhất {rule.value} tháng ({rule.source})"
        ]
    together = age_in_months(joint_since, start)
    if together < int(rule.value):
        return [
            f"«{mentor.full_name}» mới cùng công tác {together} tháng; để làm người giới "
            f"thiệu cần ít nhất {rule.value} tháng ({rule.source})"
        ]
    return []


def end_mentorship(
    reg: Register,
    assignment_id: str,
    end: dt.date,
    reason: str,
    today: dt.date | None = None,
) -> MentorshipView:
    with reg.atomic():
        row = development.mentorship_by_id(assignment_id)
        if row is None:
            raise StateError(f"Không có phân công giúp đỡ mang mã «{assignment_id}»")
        if row.end is not None:
            raise StateError(f"Phân công này đã kết thúc ngày {row.end}")
        if end < dt.date.fromisoformat(row.start) or end > _today(today):
            raise StateError(
                f"Ngày kết thúc {format_vn(end)} phải từ ngày phân công {row.start} đến hôm nay"
            )
        records.update(
            row, {"end": end.isoformat(), "end_reason": clean_text(reason)[:500]}, reg.author
        )
    return list_mentorships(reg, assignment_id=row.id)[0]


def list_mentorships(
    reg: Register, person_id: str | None = None, *, assignment_id: str | None = None
) -> list[MentorshipView]:
    pid = members._live(person_id).id if person_id else None
    rows = development.mentorships(pid)
    if assignment_id:
        rows = [r for r in rows if r.id == assignment_id]
    ids = {r.person_id for r in rows} | {r.mentor_id for r in rows}
    names = {i: p.full_name for i, p in development.people_by_ids(ids).items()}
    return [_mentorship_view(r, names) for r in rows]


def _links(rows: list[Mentorship], standings: tracks.Standings, on: dt.date) -> list[MentorLink]:
    links = []
    for row in rows:
        if row.end is not None:
            continue
        now = standings.on(row.mentor_id, on)
        mentor = standings.row(row.mentor_id)
        changed = _changed_on(mentor, standings) if mentor is not None else None
        links.append(
            MentorLink(
                row.id, row.mentor_id, now.name, dt.date.fromisoformat(row.start), now, changed
            )
        )
    return links


def _changed_on(mentor: Person, standings: tracks.Standings) -> dt.date | None:
    if mentor.exit_date:
        return dt.date.fromisoformat(mentor.exit_date)
    return standings.last_began(mentor.id, ("exemption", "temporary_leave"))


def _by_person(rows: list[Mentorship]) -> dict[str, list[Mentorship]]:
    grouped: dict[str, list[Mentorship]] = defaultdict(list)
    for row in rows:
        grouped[row.person_id].append(row)
    return grouped


# -- what the pages show ------------------------------------------------------------------


@dataclass(frozen=True)
class StepView:
    id: str
    kind: str
    label: str
    form: str
    date: str
    reference: str
    reason: str
    details: dict


@dataclass(frozen=True)
class Pipeline:
    person: PersonView
    stage: str
    steps: list[StepView]
    next_steps: list[tuple[str, str, str]]  # (kind, label, form)
    dossier: list[DossierItem]
    mentors: list[MentorshipView]
    deadlines: list[TodoItem]
    vote_electorate: int | None = None  # official members who can vote today, when counted
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "person": self.person.to_json(),
            "stage": self.stage,
            "steps": [s.__dict__ for s in self.steps],
            "next_steps": [k for k, _, _ in self.next_steps],
            "dossier": [d.to_json() for d in self.dossier],
            "mentors": [m.to_json() for m in self.mentors],
            "deadlines": [d.to_json() for d in self.deadlines],
        }


def _track(row: Person) -> Track:
    return tracks.track_of(row, people.events_of(row.id))


def pipeline(
    reg: Register, person_id: str, on: dt.date | None = None, *, with_electorate: bool = True
) -> Pipeline:
    """The person's procedure; ``with_electorate`` False leaves out the count of who can
    vote today (every official member read: the forms do not print it)."""
    on = _today(on)
    row = members._live(person_id)
    track = _track(row)
    mentor_rows = development.mentorships(row.id)
    rules, standings = rule_table(), tracks.Standings.of(m.mentor_id for m in mentor_rows)
    links = _links(mentor_rows, standings, on)
    items = person_deadlines(track, links, rules, work_calendar(reg), on)
    events = {e.id: e for e in members.list_events(reg, row.id)}
    steps = [
        StepView(
            s.id,
            s.kind,
            STEPS[s.kind].label,
            STEPS[s.kind].form,
            s.date.isoformat(),
            events[s.id].reference,
            events[s.id].reason,
            events[s.id].details,
        )
        for s in track.candidacy()
        if s.kind in STEPS
    ]
    stage = admission.stage(track)
    return Pipeline(
        person_view(row),
        stage.label if stage else "Chưa bắt đầu",
        steps,
        [(s.kind, s.label, s.form) for s in admission.next_steps(track)],
        dossier(track, rules, on),
        list_mentorships(reg, row.id),
        sorted(items, key=lambda i: i.due),
        electorate(reg, on)[0] if with_electorate else None,
    )


@dataclass(frozen=True)
class CandidateRow:
    person_id: str
    full_name: str
    status: str  # candidate | probationary
    stage: str
    since: str | None
    mentors: str
    next_due: str | None
    next_what: str
    last_comment: str | None
    last_comment_text: str
    sort_key: str

    def to_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "sort_key"}


def list_candidates(reg: Register, on: dt.date | None = None) -> list[CandidateRow]:
    """Candidates in the pool and probationary members, Vietnamese order, with their stage,
    mentors and the nearest deadline. This is also the quarterly pool review list."""
    on = _today(on)
    rows = development.people_in(DEVELOPING)
    grouped = development.events_by_person([r.id for r in rows])
    mentorships = _by_person(development.mentorships())
    standings = tracks.Standings()
    rules, calendar = rule_table(), work_calendar(reg)
    out = []
    for row in rows:
        track = tracks.track_of(row, grouped.get(row.id, []))
        links = _links(mentorships.get(row.id, []), standings, on)
        items = sorted(person_deadlines(track, links, rules, calendar, on), key=lambda i: i.due)
        out.append(_candidate_row(row, track, links, items[0] if items else None))
    return out


def _candidate_row(row: Person, track: Track, links: list[MentorLink], nearest) -> CandidateRow:
    stage = admission.stage(track)
    entry = track.last("pool_entry")
    since = entry.date if entry else (track.steps[0].date if track.steps else None)
    comments = track.of("mentor_comment")
    last = comments[-1] if comments else None
    return CandidateRow(
        row.id,
        row.full_name,
        row.membership,
        stage.label if stage else "Chưa bắt đầu",
        since.isoformat() if since else None,
        ", ".join(link.mentor_name for link in links),
        nearest.due.isoformat() if nearest else None,
        nearest.message if nearest else "",
        last.date.isoformat() if last else None,
        _comment_text(row.id, last),
        row.sort_key,
    )


def _comment_text(person_id: str, last) -> str:
    if last is None:
        return ""
    event = development.event_by_id(last.id)
    return event.reason if event else ""


def todo(reg: Register, on: dt.date | None = None) -> list[TodoItem]:
    """Every deadline and warning across candidates and probationary members: overdue first,
    then the next 90 days."""
    on = _today(on)
    rows = development.people_in(DEVELOPING)
    grouped = development.events_by_person([r.id for r in rows])
    mentorships = _by_person(development.mentorships())
    standings = tracks.Standings()
    pairs = []
    for row in rows:
        links = _links(mentorships.get(row.id, []), standings, on)
        pairs.append((tracks.track_of(row, grouped.get(row.id, [])), links))
    return deadlines(pairs, rule_table(), work_calendar(reg), on)
