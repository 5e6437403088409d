"""The register of the cell's numbered documents: "Số 01-NQ/CB", numbered from 01 per kind of
document within a committee term (domain.md §8), never used twice.

When a number is taken: the first time a numbered document is issued (printed or saved, not
previewed) for its subject, for example the 6-KNĐ resolution about one admission vote. A
reprint of the same document finds it by (form, subject) and keeps its number. If the
secretary already typed the number when recording the subject (the vote's reference
"03-NQ/CB"), that number is taken, unless another document of the register holds it. A fresh
number is one more than the highest used in the term: by the register (withdrawn documents
included) and by the numbers typed on meetings and steps dated in the term, so it never
collides with a resolution recorded by hand.

The term: the register holds no committee term, so the term is the calendar rule of the
Party's congress cycle: five-year terms 2020-2025, 2025-2030, …, from 1 January of the first
year to 31 December of the year before the last (``term_of``). The document's own date (the
meeting that adopted it) decides its term, not the day it is printed. Unsure: cells under a
grassroots committee used to hold two congresses per five years; a cell that numbers per
half-term would need a term field on the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import StateError
from desktop_app.domain.names import clean_text
from desktop_app.store import documents, records
from desktop_app.store.database import Register
from desktop_app.store.models import Document

ISSUER_SYMBOL = "CB"  # a party cell (chi bộ) signs its documents "…/CB"
KINDS = {
    "NQ": "Nghị quyết",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "KH": "Kế hoạch",
    "BB": "Biên bản",
    "CV": "Công văn",
}
TERM_EPOCH = 2020  # the 2020-2025 term
TERM_YEARS = 5
TITLE_LIMIT = 300


@dataclass(frozen=True, order=True)
class Term:
    start: int  # the term runs 1 January of ``start`` to 31 December of ``start + 4``

    @property
    def label(self) -> str:
        return f"{self.start}-{self.start + TERM_YEARS}"

    @property
    def first(self) -> dt.date:
        return dt.date(self.start, 1, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.start + TERM_YEARS - 1, 12, 31)


def term_of(on: dt.date) -> Term:
    return Term(TERM_EPOCH + (on.year - TERM_EPOCH) // TERM_YEARS * TERM_YEARS)


def number_text(number: int, kind: str) -> str:
    """ "01-NQ/CB": two digits at least, as HD 36 writes them."""
    return f"{number:02d}-{kind}/{ISSUER_SYMBOL}"


def parse_number(text: str, kind: str) -> int | None:
    """The number in "03-NQ/CB", "Số 3 - NQ/CB"; None for anything else."""
    pattern = rf"\s*(?:số\s*)?0*(\d{{1,4}})\s*-\s*{re.escape(kind)}\s*/\s*{ISSUER_SYMBOL}\s*"
    found = re.fullmatch(pattern, clean_text(text), re.IGNORECASE)
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


@dataclass(frozen=True)
class DocumentView:
    id: str
    form: str
    kind: str
    term: str
    number: int
    subject_id: str
    person_id: str | None
    meeting_id: str | None
    date: str
    title: str

    @property
    def text(self) -> str:
        return number_text(self.number, self.kind)

    def to_json(self) -> dict[str, object]:
        return asdict(self) | {"text": self.text}


def _view(row: Document) -> DocumentView:
    return DocumentView(
        row.id,
        row.form,
        row.kind,
        row.term,
        row.number,
        row.subject_id,
        row.person_id,
        row.meeting_id,
        row.date,
        row.title,
    )


def find_document(reg: Register, form: str, subject_id: str) -> DocumentView | None:
    """The document already issued for this subject, without taking a number."""
    row = documents.by_subject(form, subject_id)
    return _view(row) if row else None


def list_documents(reg: Register, term: str | None = None) -> list[DocumentView]:
    return [_view(row) for row in documents.documents(term)]


def issue_number(
    reg: Register,
    *,
    form: str,
    kind: str,
    subject_id: str,
    on: dt.date,
    title: str,
    person_id: str | None = None,
    meeting_id: str | None = None,
    typed: str = "",
    typed_on_event: str | None = None,
) -> DocumentView:
    """The number of this form's document about ``subject_id``: the one it already has, or
    ``typed`` (the number recorded with the subject, e.g. a vote's reference) if free, or the
    next one of its kind in the term of ``on``. One journalled write, the first time only."""
    if kind not in KINDS:
        raise StateError(f"Văn bản «{form}»: không có loại văn bản «{kind}»")
    title = clean_text(title)[:TITLE_LIMIT]
    if not form or not subject_id:
        raise StateError(f"Văn bản «{title}»: thiếu mẫu hoặc đối tượng để lấy số")
    with reg.atomic():
        row = documents.by_subject(form, subject_id)
        if row is not None:
            return _view(row)
        term = term_of(on)
        number = _typed(typed, kind, term, title) or _next(kind, term, typed_on_event)
        row = records.insert(
            Document,
            {
                "form": form,
                "kind": kind,
                "term": term.label,
                "number": number,
                "subject_id": subject_id,
                "person": person_id,
                "meeting": meeting_id,
                "date": on.isoformat(),
                "title": title,
            },
            reg.author,
        )
    return _view(row)


def _typed(typed: str, kind: str, term: Term, title: str) -> int | None:
    number = parse_number(typed, kind) if typed else None
    if number is None:
        return None
    holder = documents.holder_of(kind, term.label, number)
    if holder is not None:
        issued = format_vn(dt.date.fromisoformat(holder.date))
        raise StateError(
            f"Văn bản «{title}»: số {number_text(number, kind)} đã ghi cho văn bản này nhưng "
            f"sổ đã cấp số đó cho «{holder.title}» ngày {issued} (nhiệm kỳ {term.label}); "
            "sửa số đã ghi rồi in lại"
        )
    return number


def _next(kind: str, term: Term, exclude_event: str | None) -> int:
    typed = documents.references_between(
        term.first.isoformat(), term.last.isoformat(), exclude_event
    )
    numbers = [n for n in (parse_number(text, kind) for text in typed) if n is not None]
    return max([documents.highest_number(kind, term.label), *numbers]) + 1
