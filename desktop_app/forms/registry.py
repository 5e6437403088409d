"""Every printed form, by its code: list them, find those that apply to a person, render one.

The window's Forms page, its "Print…" actions and ``sochibo print`` all come through here.

To add a form:
1. Write ``forms/<name>.py`` with ``render(request: Request) -> bytes`` built on
   ``layout.Document`` (head, title, paragraph/line/table, closing, build), every register
   fact passed as ``layout.Value(text, field)`` so a missing fact prints a dotted blank and a
   character the font lacks is refused naming the field. Numbered documents take their number
   with ``services.documents.issue_number`` when ``request.issue`` (see ``resolution.py``).
2. Optionally ``refusal(request) -> str | None``: why the form does not apply to the subject
   (a Vietnamese sentence naming the person), None when it does.
3. End the module with ``SPEC = FormSpec(code, title, subject, render, refusal, ...)`` and add
   the module to ``FORMS`` below. Add its test to tests/forms/ (text, region, fonts, margins).
"""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.domain.names import fold
from desktop_app.forms import (
    dossier_sheet,
    kn_03,
    kn_05,
    kn_06,
    kn_10,
    kn_11,
    kn_12,
    kn_13,
    member_book,
    minutes,
    pool_review,
    report_sheet,
    sign_in_sheet,
    today_sheet,
)
from desktop_app.forms.spec import SUBJECTS, FormSpec, Request
from desktop_app.services import meetings, members
from desktop_app.store.database import Register

FORMS: tuple[FormSpec, ...] = (
    kn_03.SPEC,
    kn_05.SPEC,
    kn_06.SPEC,
    kn_10.SPEC,
    kn_11.SPEC,
    kn_12.SPEC,
    kn_13.SPEC,
    dossier_sheet.SPEC,
    member_book.SPEC,
    sign_in_sheet.SPEC,
    minutes.SPEC,
    pool_review.SPEC,
    today_sheet.SPEC,
    report_sheet.SPEC,
)


def list_forms() -> list[FormSpec]:
    return list(FORMS)


def _key(code: str) -> str:
    return fold(code).replace(" ", "").upper()


def get_form(code: str) -> FormSpec:
    """By code, with or without diacritics and in any case ("6-knd" is 6-KNĐ)."""
    wanted = _key(code)
    for spec in FORMS:
        if _key(spec.code) == wanted:
            return spec
    known = ", ".join(spec.code for spec in FORMS)
    raise NotFoundError(f"Không có mẫu «{code}». Các mẫu in được: {known}")


def _request(
    reg: Register,
    spec: FormSpec,
    person_id: str | None,
    meeting_id: str | None,
    today: dt.date | None,
    issue: bool,
) -> Request:
    if spec.subject == "person" and not person_id:
        raise StateError(f"Mẫu {spec.code} in cho {SUBJECTS['person']}: hãy chọn người")
    if spec.subject == "meeting" and not meeting_id:
        raise StateError(f"Mẫu {spec.code} in cho {SUBJECTS['meeting']}: hãy chọn buổi")
    pid = members.get_person(reg, person_id).id if person_id else None
    mid = meetings.get_meeting(reg, meeting_id).meeting.id if meeting_id else None
    return Request(reg, today or dt.date.today(), pid, mid, issue)


def refusal(
    reg: Register,
    code: str,
    *,
    person_id: str | None = None,
    meeting_id: str | None = None,
    today: dt.date | None = None,
) -> str | None:
    """Why the form does not apply to that subject (Vietnamese), or None when it does."""
    spec = get_form(code)
    return spec.refusal(_request(reg, spec, person_id, meeting_id, today, False))


def forms_for_person(reg: Register, person_id: str, today: dt.date | None = None) -> list[FormSpec]:
    """The person forms that apply to this person today."""
    specs = [spec for spec in FORMS if spec.subject == "person"]
    if not specs:
        return []
    request = _request(reg, specs[0], person_id, None, today, False)  # read once for all
    return [spec for spec in specs if spec.refusal(request) is None]


def render(
    reg: Register,
    code: str,
    *,
    person_id: str | None = None,
    meeting_id: str | None = None,
    today: dt.date | None = None,
    issue: bool = True,
) -> bytes:
    """The PDF of one form for its subject (ids or prefixes of at least 4 characters).

    ``issue`` False is a preview: no document number is taken (the number prints blank unless
    the document already has one). A form that does not apply raises StateError naming the
    person; a character the font lacks raises fonts.MissingGlyphError, and then nothing is
    written (the number is taken in the same transaction as the rendering).
    """
    spec = get_form(code)
    request = _request(reg, spec, person_id, meeting_id, today, issue)
    problem = spec.refusal(request)
    if problem:
        raise StateError(f"Không in được mẫu {spec.code}: {problem}")
    if not (issue and spec.numbered):
        return spec.render(request)
    with reg.atomic():  # a number taken for a PDF that then fails is given back
        return spec.render(request)
