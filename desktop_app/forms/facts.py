"""The register facts most forms print: the cell as issuing body, the place name, a person's
particulars. Read through the services; nothing here writes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportlab.platypus import KeepTogether

from desktop_app.domain import admission
from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.membership import PersonState
from desktop_app.forms.layout import Document, Issuer, Part, Recipients, Signature, Value
from desktop_app.services import cell as cell_service
from desktop_app.services import members
from desktop_app.services.development import Pipeline, StepView
from desktop_app.services.documents import ISSUER_SYMBOL
from desktop_app.services.rules import rule_table
from desktop_app.services.views import PersonView

_UNIT = re.compile(r"(?:phường|xã|đặc khu|thị trấn)\s+(.+)", re.IGNORECASE)
_COMMITTEE = re.compile(r"đảng\s+(?:ủy|uỷ)\b", re.IGNORECASE)


def place_of(address: str) -> str | None:
    """The place name of the date line: the commune or ward in the cell's address ("…,
    Phường Quy Nhơn Nam, tỉnh Gia Lai" → "Quy Nhơn Nam"); None when the address names none."""
    for part in address.split(","):
        found = _UNIT.fullmatch(part.strip())
        if found:
            return found.group(1).strip()
    return None


def upper_body(upper_level: str) -> str:
    """The line above the cell's name is the upper level's party organisation (HD 36:
    "ĐẢNG BỘ …"); the register names its committee ("Đảng ủy phường …")."""
    return _COMMITTEE.sub("Đảng bộ", upper_level.strip(), count=1)


@dataclass(frozen=True)
class CellFacts:
    name: str
    upper_level: str
    secretary: str
    place: str | None

    @property
    def issuer(self) -> Issuer:
        return Issuer(upper_body(self.upper_level), self.name)

    @property
    def symbol(self) -> str:
        return ISSUER_SYMBOL

    @property
    def upper_or_blank(self) -> Value:
        return Value(self.upper_level, "cấp ủy cấp trên")

    def signature(self) -> Signature:
        return Signature(("T/M CHI BỘ", "BÍ THƯ"), Value(self.secretary, "bí thư"))

    def recipients(self) -> Recipients:
        return Recipients((("- ", self.upper_or_blank, ","),))


def cell_facts(reg) -> CellFacts:
    cell = cell_service.get_cell(reg)
    return CellFacts(cell.name, cell.upper_level, cell.secretary, place_of(cell.address))


def person(reg, person_id: str) -> PersonView:
    return members.get_person(reg, person_id)


def birth(p: PersonView) -> Value:
    """dd/mm/yyyy, or mm/yyyy, yyyy when the register knows no more."""
    return Value(vn_from_iso(p.birth_date), "ngày sinh")


def born(p: PersonView) -> tuple[str, Value]:
    """ "sinh ngày 10/05/1998", "sinh tháng 05/1998", "sinh năm 1998"."""
    size = len(p.birth_date or "")
    word = {4: "sinh năm ", 7: "sinh tháng "}.get(size, "sinh ngày ")
    return word, birth(p)


def day(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None


def vn_day(iso: str | None, field: str) -> Value:
    return Value(vn_from_iso(iso), field)


def number(value: int | None, field: str) -> Value:
    return Value(None if value is None else str(value), field, blank=6)


# -- the procedure, for the dossier papers (5-, 10-, 11-, 12-KNĐ) ----------------------------


def last_step(pipe: Pipeline, kind: str) -> StepView | None:
    """The latest step of this kind in the current candidacy, or None."""
    found = [s for s in pipe.steps if s.kind == kind]
    return found[-1] if found else None


def step_day(pipe: Pipeline, kind: str) -> dt.date | None:
    """The day a paper was recorded: the date it carries; None (dated by hand) before."""
    step = last_step(pipe, kind)
    return day(step.date) if step else None


def probation_end(p: PersonView) -> dt.date | None:
    """The rule's months from the ceremony (domain.md R10); None without a ceremony date."""
    state = PersonState(p.membership, ceremony_date=day(p.ceremony_date))
    return admission.probation_end(state, rule_table())


def probation_end_day(p: PersonView) -> Value:
    """The end of probation as dd/mm/yyyy, a blank without a ceremony date."""
    end = probation_end(p)
    return vn_day(end.isoformat() if end else None, "ngày hết thời gian dự bị")


def admission_decision(pipe: Pipeline) -> tuple[Value, Value]:
    """(number, date) of the admission decision: the recorded step's, else the date typed on
    the person; blanks for what the register does not know."""
    step = last_step(pipe, "admission_decision")
    number = step.reference if step else None
    iso = pipe.person.admission_decision_date or (step.date if step else None)
    return Value(number, "số quyết định kết nạp"), vn_day(iso, "ngày quyết định kết nạp")


def section(
    doc: Document, heading: Part, lines: int, *, style: str = "body", lead: str | None = None
) -> None:
    """A heading (after a bold ``lead`` heading, if any) with handwriting lines under it,
    kept on one page."""
    if lead:
        doc.paragraph(lead, style="body_bold")
    doc.paragraph(heading, style=style)
    doc.writing_lines(lines)
    keep_together(doc, 3 if lead else 2)


def keep_together(doc: Document, count: int) -> None:
    """The last ``count`` blocks move to the next page together rather than leave a heading
    alone at the foot of a page."""
    doc.story[-count:] = [KeepTogether(doc.story[-count:])]


def probation_refusal(pipe: Pipeline, kind: str, paper: str) -> str | None:
    """The probation papers are for a probationary member; once recorded they reprint."""
    p = pipe.person
    if p.status == "probationary" or last_step(pipe, kind) is not None:
        return None
    return (
        f"«{p.full_name}» không phải đảng viên dự bị ({p.status_label.lower()}); "
        f"{paper} chỉ in cho đảng viên dự bị"
    )
