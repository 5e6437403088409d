"""What the cell's vote resolutions (6-KNĐ, 13-KNĐ) share: the vote as recorded, the cell's
numbers on the vote's day, the meeting it was taken at (chair, minute-taker, who was absent and
why) when the vote is tied to one, the numbered header, the counts and the result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.domain.attendance import ATTENDED, group_on
from desktop_app.domain.errors import StateError
from desktop_app.forms import facts
from desktop_app.forms.layout import Document, Head, Part, Value, party_date
from desktop_app.forms.spec import Request
from desktop_app.services import documents, meetings, rolls
from desktop_app.services.development import Pipeline, StepView

KIND = "NQ"


@dataclass(frozen=True)
class VoteFacts:
    event_id: str
    date: dt.date
    reference: str
    official_total: int  # official members counted in the vote (not exempted, not away)
    exempted_present: int  # exempted members who came: they count
    present: int  # official members present
    in_favour: int
    officials: int  # official members of the cell that day, exempted ones included
    exempted_absent: int
    probationary: int
    probationary_present: int | None  # None: the vote is not tied to a meeting's roll
    chair: str | None
    minute_taker: str | None
    absences: tuple[str, ...] | None  # "Trần Văn A (Đi công tác)"; None: not known

    @property
    def electorate(self) -> int:
        return self.official_total + self.exempted_present

    @property
    def against(self) -> int:
        return self.present - self.in_favour


def percent(part: int, whole: int) -> str:
    """ "93,33%": two decimals at most, a decimal comma."""
    if whole <= 0:
        return "0%"
    value = (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')}%"


def passed_vote(pipeline: Pipeline, kind: str) -> StepView | None:
    """The passed vote of this kind in the current candidacy."""
    votes = [s for s in pipeline.steps if s.kind == kind and s.details.get("passed")]
    return votes[-1] if votes else None


def refusal(request: Request, kind: str, what: str) -> str | None:
    if request.person_id is None:
        return None
    pipe = request.pipeline()
    if passed_vote(pipe, kind) is None:
        return f"«{pipe.person.full_name}» chưa có biểu quyết của chi bộ thông qua đề nghị {what}"
    return None


def vote_for(request: Request, kind: str, what: str) -> tuple[Pipeline, StepView]:
    assert request.person_id is not None
    pipe = request.pipeline()
    vote = passed_vote(pipe, kind)
    if vote is None:
        raise StateError(
            f"«{pipe.person.full_name}» chưa có biểu quyết của chi bộ thông qua đề nghị {what}"
        )
    return pipe, vote


def vote_facts(request: Request, vote: StepView) -> VoteFacts:
    """The recorded vote with the cell's numbers that day. The vote's own figures are
    authoritative (official members counted, present, in favour): the day's official and
    probationary numbers are derived from them, so a later recognition dated back (official
    from the end of probation) cannot move a member between the columns."""
    on = dt.date.fromisoformat(vote.date)
    d = vote.details
    official_total = int(d.get("official_total", 0))
    present = int(d.get("present", 0))
    exempted_present = int(d.get("exempted_present", 0))
    in_cell, exempted = _cell_on(on)
    officials = official_total + exempted
    meeting = _meeting(request, d.get("meeting_id"), present - exempted_present)
    return VoteFacts(
        vote.id,
        on,
        vote.reference,
        official_total,
        exempted_present,
        present,
        int(d.get("in_favour", 0)),
        officials,
        max(exempted - exempted_present, 0),
        max(in_cell - officials, 0),
        *meeting,
    )


def _official_on(state, on: dt.date) -> bool:
    return state.membership == "official" and (
        state.official_date is None or state.official_date <= on
    )


def _cell_on(on: dt.date) -> tuple[int, int]:
    """(members in the cell that day, not away; exempted official members among them)."""
    in_cell = exempted = 0
    for p in rolls.all_presences():
        group = group_on(p, on)
        if group is None:
            continue
        in_cell += 1
        exempted += group == "exempted" and _official_on(p.state, on)
    return in_cell, exempted


def _meeting(request: Request, meeting_id, officials_present: int):
    """(probationary present, chair, minute-taker, absences) from the meeting's roll: the
    members who came beyond the official members the vote counts present."""
    if not meeting_id:
        return None, None, None, None
    detail = meetings.get_meeting(request.reg, str(meeting_id))
    came = 0
    absences = []
    for line in detail.roll:
        if line.group != "member":
            continue
        if line.status in ATTENDED:
            came += 1
        elif line.status in ("excused", "absent"):
            absences.append(f"{line.name} ({line.reason or 'không có lý do'})")
    m = detail.meeting
    chair, taker = m.chair_name or None, m.minute_taker_name or None
    return max(came - officials_present, 0), chair, taker, tuple(absences)


# -- printing -----------------------------------------------------------------------------


def numbered_head(
    request: Request, doc_form: str, vote: VoteFacts, title: str, person_id: str
) -> Head:
    """The header with the resolution's number: taken from the register on a real print, the
    one it already has (or a blank) on a preview."""
    if request.issue:
        issued = documents.issue_number(
            request.reg,
            form=doc_form,
            kind=KIND,
            subject_id=vote.event_id,
            on=vote.date,
            title=title,
            person_id=person_id,
            typed=vote.reference,
            typed_on_event=vote.event_id,
        )
        number = issued.text
    else:
        found = documents.find_document(request.reg, doc_form, vote.event_id)
        number = found.text if found else ""
    cell = facts.cell_facts(request.reg)
    return Head(cell.issuer, number, cell.place, vote.date, number_kind=KIND)


def meeting_day(v: VoteFacts) -> str:
    """ "Ngày 08 tháng 4 năm 2025", to open the sentence about the meeting."""
    text = party_date(v.date)
    return text[0].upper() + text[1:]


def counts(doc: Document, v: VoteFacts) -> None:
    n = facts.number
    present_prob = v.probationary_present
    doc.paragraph(
        "Tổng số đảng viên của chi bộ: ", n(v.officials + v.probationary, "tổng số đảng viên"),
        " đồng chí, trong đó chính thức ", n(v.officials, "đảng viên chính thức"),
        " đồng chí, dự bị ", n(v.probationary, "đảng viên dự bị"), " đồng chí.",
    )  # fmt: skip
    doc.paragraph(
        "Có mặt: ", n(None if present_prob is None else v.present + present_prob, "số có mặt"),
        " đồng chí, trong đó chính thức ", n(v.present, "chính thức có mặt"),
        " đồng chí, dự bị ", n(present_prob, "dự bị có mặt"), " đồng chí.",
    )  # fmt: skip
    absent_official = v.officials - v.present
    absent_prob = None if present_prob is None else v.probationary - present_prob
    absent = None if absent_prob is None else absent_official + absent_prob
    doc.paragraph(
        "Vắng mặt: ", n(absent, "số vắng mặt"),
        " đồng chí, trong đó chính thức ", n(absent_official, "chính thức vắng mặt"),
        " đồng chí, dự bị ", n(absent_prob, "dự bị vắng mặt"), " đồng chí.",
    )  # fmt: skip
    if v.exempted_absent:
        doc.paragraph(
            "Trong số đảng viên chính thức vắng mặt có ",
            n(v.exempted_absent, "miễn sinh hoạt vắng mặt"),
            " đồng chí được miễn công tác và sinh hoạt đảng, không tính vào tổng số đảng viên "
            "chính thức khi biểu quyết.",
        )
    if absent != 0:
        reasons = "; ".join(v.absences) + "." if v.absences else None
        doc.line("Lý do vắng mặt: ", Value(reasons, "lý do vắng mặt"))
    doc.line(
        "Chủ trì hội nghị: đồng chí ", Value(v.chair, "chủ trì", blank=30),
        ", chức vụ: ", Value(None, "chức vụ người chủ trì"),
    )  # fmt: skip
    doc.line("Thư ký hội nghị: đồng chí ", Value(v.minute_taker, "thư ký"))


def result(doc: Document, v: VoteFacts, what: Sequence[Part]) -> None:
    """ "3. Kết quả biểu quyết: …" with the figures of the recorded vote."""
    n = facts.number
    doc.paragraph(
        "3. Kết quả biểu quyết: số đảng viên chính thức tán thành ", *what, " là ",
        n(v.in_favour, "số tán thành"), " đồng chí, đạt ", percent(v.in_favour, v.electorate),
        " so với tổng số ", n(v.electorate, "số đảng viên chính thức khi biểu quyết"),
        " đảng viên chính thức của chi bộ; số không tán thành ", n(v.against, "số không tán thành"),
        " đồng chí, chiếm ", percent(v.against, v.electorate), ".",
    )  # fmt: skip
    if v.against:
        doc.line("Lý do không tán thành: ", Value(None, "lý do không tán thành"))
