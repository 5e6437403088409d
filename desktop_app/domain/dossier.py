"""The admission dossier checklist: which papers are in, which are missing, expiring or
expired, in the order the procedure needs them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from desktop_app.domain.admission import (
    STEPS,
    Recorded,
    Track,
    certificate_expiry,
    introductions_needed,
)
from desktop_app.domain.dates import add_months
from desktop_app.domain.rules import RuleTable

SOON_DAYS = 90
STATUS_LABELS = {
    "in": "Đã có",
    "missing": "Còn thiếu",
    "expiring": "Sắp hết hạn",
    "expired": "Hết hạn",
    "failed": "Không đạt",
    "optional": "Không bắt buộc",
    "later": "Bước sau",
}


@dataclass(frozen=True)
class DossierItem:
    kind: str
    form: str
    label: str
    status: str
    date: dt.date | None = None
    valid_until: dt.date | None = None
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "form": self.form,
            "label": self.label,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "note": self.note,
        }


def _validity(until: dt.date | None, on: dt.date) -> str:
    if until is None:
        return "in"
    if until < on:
        return "expired"
    return "expiring" if until <= on + dt.timedelta(days=SOON_DAYS) else "in"


def _item(kind: str, step: Recorded | None, status: str | None = None, **extra) -> DossierItem:
    spec = STEPS[kind]
    return DossierItem(
        kind,
        spec.form,
        spec.label,
        status or ("in" if step else "missing"),
        step.date if step else None,
        **extra,
    )


def dossier(track: Track, rules: RuleTable, on: dt.date) -> list[DossierItem]:
    """The checklist of the current candidacy; the probation papers once admitted."""
    items = _candidate_papers(track, rules, on) if track.tracked else []
    admitted = track.state.membership in ("probationary", "official")
    items += _probation_papers(track, on) if admitted else []
    return items


def _candidate_papers(track: Track, rules: RuleTable, on: dt.date) -> list[DossierItem]:
    voted = any(v.passed for v in track.of("admission_vote"))
    items = [_certificate(track, rules, on, voted)]
    for kind in ("application", "personal_history", "verification"):
        items.append(_paper(track, kind, rules, on, voted))
    items += _introductions(track, rules, on, voted)
    items.append(_paper(track, "comments_summary", rules, on, voted))
    for item in (
        _vote(track, "admission_vote"),
        *(_item(kind, track.last(kind)) for kind in ("upper_review", "admission_decision")),
    ):
        later = item.status == "missing" and track.state.membership == "candidate"
        items.append(replace(item, status="later") if later else item)
    return items


def _certificate(track: Track, rules: RuleTable, on: dt.date, voted: bool) -> DossierItem:
    cert = track.last("awareness_class")
    if cert is None:
        return _item("awareness_class", None)
    until = certificate_expiry(track, rules)
    number = cert.details.get("certificate_number") or ""
    status = "in" if voted else _validity(until, on)
    return _item(
        "awareness_class", cert, status, valid_until=until, note=f"Số {number}" if number else ""
    )


def _paper(track: Track, kind: str, rules: RuleTable, on: dt.date, voted: bool) -> DossierItem:
    paper = track.last(kind)
    if paper is None or not STEPS[kind].paper:
        return _item(kind, paper)
    until = add_months(paper.date, int(rules.get("dossier.stale_months", paper.date).value))
    return _item(kind, paper, "in" if voted else _validity(until, on), valid_until=until)


def _introductions(track: Track, rules: RuleTable, on: dt.date, voted: bool) -> list[DossierItem]:
    needed = introductions_needed(track, on, rules)
    items = []
    intros = track.of("introduction")
    for number in range(max(needed, len(intros))):
        if number >= len(intros):
            items.append(_item("introduction", None, note=f"Người giới thiệu thứ {number + 1}"))
            continue
        intro = intros[number]
        stale = rules.get("dossier.stale_months", intro.date)
        until = add_months(intro.date, int(stale.value))
        status = "in" if voted else _validity(until, on)
        name = str(intro.details.get("introducer_name") or "")
        items.append(_item("introduction", intro, status, valid_until=until, note=name))
    union = track.last("union_introduction")
    if union is None and len(intros) >= int(rules.get("introducers.required", on).value):
        items.append(_item("union_introduction", None, "optional"))
    else:
        items.append(_paper(track, "union_introduction", rules, on, voted))
    return items


def _vote(track: Track, kind: str) -> DossierItem:
    votes = track.of(kind)
    if not votes:
        return _item(kind, None)
    last = votes[-1]
    electorate = last.details.get("official_total", 0) + last.details.get("exempted_present", 0)
    note = f"{last.details.get('in_favour')}/{electorate} tán thành"
    return _item(kind, last, "in" if last.passed else "failed", note=note)


def _probation_papers(track: Track, on: dt.date) -> list[DossierItem]:
    items = [_item("ceremony", track.last("ceremony"))]
    if items[0].date is None and track.state.ceremony_date:
        items[0] = DossierItem(
            "ceremony", "", STEPS["ceremony"].label, "in", track.state.ceremony_date
        )
    for kind in (
        "new_member_class",
        "member_cv",
        "self_review",
        "mentor_assessment",
        "probation_comments",
    ):
        items.append(_item(kind, track.last(kind)))
    for item in (_vote(track, "recognition_vote"), _item("recognition", track.last("recognition"))):
        later = item.status == "missing" and track.state.membership == "probationary"
        items.append(replace(item, status="later") if later else item)
    return items
