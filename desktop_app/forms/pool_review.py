"""The quarterly review sheet of the candidate pool (rà soát nguồn phát triển đảng viên): everyone
in the procedure on the day printed, candidates first, then probationary members, each in
Vietnamese order with the stage reached, the dates of the milestones, the mentors, the nearest
deadline (marked when overdue), and a blank column for the cell's opinion at the review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain import admission
from desktop_app.domain.dates import format_vn, vn_from_iso
from desktop_app.domain.membership import PersonState
from desktop_app.forms import facts
from desktop_app.forms.layout import Cell, Document, Head, Value
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import development, members
from desktop_app.services.development import CandidateRow
from desktop_app.services.rules import rule_table
from desktop_app.services.views import PersonView
from desktop_app.store import development as store_development

CODE = "RS-NPT"
COLUMNS = (  # widths in mm of the 247 mm landscape text width; 10 pt text
    ("TT", 8),
    ("Họ và tên, ngày sinh", 36),
    ("Bước đã đến", 32),
    ("Các mốc", 52),
    ("Người giúp đỡ", 27),
    ("Hạn gần nhất", 20),
    ("Việc phải làm", 40),
    ("Ý kiến rà soát của chi bộ", 32),
)
CENTERED = (0, 5)
MILESTONES = (  # the dates the review looks at, with their short names
    ("pool_entry", "cảm tình Đảng"),
    ("awareness_class", "lớp nhận thức"),
    ("application", "đơn xin vào Đảng"),
    ("admission_vote", "chi bộ xét kết nạp"),
    ("admission_decision", "quyết định kết nạp"),
    ("ceremony", "lễ kết nạp"),
    ("recognition_vote", "chi bộ xét chính thức"),
)
PROBATION_ENDS = "hết thời gian dự bị"
SECTIONS = {
    "candidate": "Quần chúng trong danh sách cảm tình Đảng, đang làm thủ tục kết nạp",
    "probationary": "Đảng viên dự bị",
}
ROMAN = ("I", "II")


def quarter(on: dt.date) -> str:
    """ "Quý IV năm 2026"."""
    return f"Quý {('I', 'II', 'III', 'IV')[(on.month - 1) // 3]} năm {on.year}"


@dataclass(frozen=True)
class InPool:
    """One person of the review: the list's row, the record, the milestones' dates."""

    row: CandidateRow
    person: PersonView
    dates: dict[str, str]  # step kind → ISO date, in the current candidacy
    probation_ends: dt.date | None


def _milestones(entry: InPool) -> tuple:
    """ "03/09/2024 cảm tình Đảng", one a line, in the order of the procedure, then the day
    probation ends (12 months from the ceremony, as the rule table says)."""
    lines = [
        f"{vn_from_iso(entry.dates[k])} {label}" for k, label in MILESTONES if k in entry.dates
    ]
    if entry.probation_ends is not None:
        lines.append(f"{format_vn(entry.probation_ends)} {PROBATION_ENDS}")
    return ("\n".join(lines),) if lines else ()


def _name(person: PersonView) -> tuple:
    born = vn_from_iso(person.birth_date)
    name = Value(person.full_name, "họ và tên")
    return (name, "\nSinh ", Value(born, "ngày sinh")) if born else (name,)


def _due(row: CandidateRow, on: dt.date) -> tuple[Cell, Cell]:
    if row.next_due is None:
        return "", ""
    due = dt.date.fromisoformat(row.next_due)
    what = Value(row.next_what, "việc đến hạn")
    if due < on:
        return (format_vn(due), "\n(quá hạn)"), ("Quá hạn: ", what)
    return format_vn(due), what


def pool_row(number: int, entry: InPool, on: dt.date) -> list[Cell]:
    due, what = _due(entry.row, on)
    return [
        str(number),
        _name(entry.person),
        Value(entry.row.stage, "bước đã đến"),
        _milestones(entry),
        Value(entry.row.mentors, "người giúp đỡ", blank=0),
        due,
        what,
        "",
    ]


def _dates(events: list) -> dict[str, str]:
    """The latest date of each milestone since the person last entered the pool."""
    starts = [i for i, e in enumerate(events) if e.kind == "pool_entry"]
    return {e.kind: e.date for e in events[starts[-1] if starts else 0 :]}


def _probation_end(person: PersonView) -> dt.date | None:
    ceremony = dt.date.fromisoformat(person.ceremony_date) if person.ceremony_date else None
    if person.status != "probationary" or ceremony is None:
        return None
    return admission.probation_end(
        PersonState("probationary", ceremony_date=ceremony), rule_table()
    )


def pool(request: Request) -> list[InPool]:
    """Everyone in the procedure, in the list's order (three reads, however many people)."""
    rows = development.list_candidates(request.reg, request.today)
    ids = [r.person_id for r in rows]
    people = {p.id: p for p in members.list_people(request.reg, {"candidate", "probationary"})}
    events = store_development.events_by_person(ids, tuple(kind for kind, _ in MILESTONES))
    return [
        InPool(r, people[r.person_id], _dates(events.get(r.person_id, [])),
               _probation_end(people[r.person_id]))
        for r in rows
    ]  # fmt: skip


def _summary(people: list[InPool], overdue: int, on: dt.date) -> str:
    candidates = sum(e.row.status == "candidate" for e in people)
    return (
        f"Tính đến ngày {on:%d/%m/%Y}: {candidates} quần chúng đang trong danh sách cảm tình "
        f"Đảng, {len(people) - candidates} đảng viên dự bị; {overdue} việc về phát triển "
        "đảng viên đã quá hạn."
    )


def render(request: Request) -> bytes:
    on = request.today
    cell = facts.cell_facts(request.reg)
    people = pool(request)
    overdue = sum(item.overdue(on) for item in development.todo(request.reg, on))
    doc = Document(CODE, f"Rà soát nguồn phát triển đảng viên: {quarter(on)}", landscape=True)
    doc.head(Head(cell.issuer, None, cell.place, on))
    doc.title("Danh sách rà soát nguồn phát triển đảng viên", quarter(on))
    doc.line(_summary(people, overdue, on))
    for number, (status, heading) in zip(ROMAN, SECTIONS.items(), strict=True):
        group = [e for e in people if e.row.status == status]
        doc.heading(f"{number}. {heading} ({len(group)} người)")
        if not group:
            doc.line("Không có ai.")
            continue
        rows = [pool_row(n, e, on) for n, e in enumerate(group, start=1)]
        doc.table(COLUMNS, rows, centered=CENTERED, small=True)
    doc.closing(cell.signature())
    return doc.build()


SPEC = FormSpec(
    CODE,
    "Danh sách rà soát nguồn phát triển đảng viên (hằng quý)",
    "cell",
    render,
    note="Bước, các mốc, người giúp đỡ và hạn gần nhất theo sổ; ý kiến rà soát ghi tay.",
)
