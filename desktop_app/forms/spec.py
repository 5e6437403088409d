"""What every printed form declares (``FormSpec``) and what a print request carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.services import development
from desktop_app.services.development import Pipeline
from desktop_app.store.database import Register

SUBJECTS = {"person": "một người", "meeting": "một buổi sinh hoạt", "cell": "chi bộ"}


@dataclass(frozen=True)
class Request:
    """One print: the register, the subject chosen, the day it is printed, and whether a
    document number may be taken (False for a preview: the number stays blank unless the
    document already has one)."""

    reg: Register
    today: dt.date
    person_id: str | None = None  # a full id (the registry resolves prefixes)
    meeting_id: str | None = None
    issue: bool = True
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def pipeline(self) -> Pipeline:
        """The person's procedure as of ``today``, read once per request."""
        if "pipeline" not in self.cache:
            assert self.person_id is not None
            self.cache["pipeline"] = development.pipeline(
                self.reg, self.person_id, self.today, with_electorate=False
            )
        return self.cache["pipeline"]


def _always(request: Request) -> str | None:
    return None


@dataclass(frozen=True)
class FormSpec:
    code: str  # "6-KNĐ"
    title: str  # Vietnamese, as the secretary knows it
    subject: str  # "person", "meeting" or "cell" (a key of SUBJECTS)
    render: Callable[[Request], bytes]
    refusal: Callable[[Request], str | None] = _always  # why it does not apply, or None
    numbered: bool = False  # takes a number from the register of documents
    note: str = ""  # one line for the Forms page: what it holds, what is left to hand

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "subject": self.subject,
            "numbered": self.numbered,
            "note": self.note,
        }
