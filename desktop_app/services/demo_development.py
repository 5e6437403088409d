"""The demo cell's member development: its candidates at different stages of the procedure,
with mentors and introducers from its official members, so the Today page and the candidate
pipeline show real work on the first start. Written through the same validated services."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.dates import add_months
from desktop_app.services import development, members, tracks
from desktop_app.services.views import PersonView
from desktop_app.store.database import Register


def _stages() -> list[list[tuple[str, int]]]:
    """For each candidate, the steps to record and how many months before today."""
    papers = [
        ("awareness_class", 14),
        ("application", 8),
        ("personal_history", 8),
        ("verification", 6),
        ("introduction", 5),
        ("comments_summary", 5),
    ]
    return [
        [*papers, ("admission_vote", 1), ("upper_review", 1), ("admission_decision", 0)],
        [*papers, ("admission_vote", 2), ("upper_review", 1)],
        papers,
        [("awareness_class", 6), ("application", 4), ("personal_history", 4)],
        [],
    ]


def fill(reg: Register, today: dt.date) -> None:
    """Mentors and procedure steps for the demo's candidates and probationary members."""
    people = members.list_people(reg)
    candidates = sorted(
        (p for p in people if p.status == "candidate"), key=lambda p: p.birth_date or ""
    )  # the oldest go furthest
    officials = _steady_officials(people, add_months(today, -30))
    for number, (person, stages) in enumerate(zip(candidates, _stages(), strict=False)):
        helpers = officials[2 * number : 2 * number + 2]
        _walk(reg, person, stages, helpers, today)
    probation = [p for p in people if p.status == "probationary"]
    for number, person in enumerate(probation):
        mentor = officials[-1 - number % max(1, len(officials) // 2)]
        start = dt.date.fromisoformat(person.ceremony_date or today.isoformat())
        development.assign_mentor(reg, person.id, mentor.id, start, today=today)
        development.record_step(
            reg,
            person.id,
            "mentor_comment",
            max(start, add_months(today, -2)),
            reason="Tích cực học tập, gương mẫu trong công việc.",
            details={"mentor_id": mentor.id},
            today=today,
        )


def _steady_officials(people: list[PersonView], since: dt.date) -> list[PersonView]:
    """Official members in the cell since ``since``, with no overlay: safe introducers."""
    standings = tracks.Standings()
    return [
        p
        for p in people
        if p.status == "official"
        and p.official_date
        and p.official_date <= since.isoformat()
        and not p.exempted
        and not p.temporarily_away
        and standings.on(p.id, since).problem("", since) is None
    ]


def _walk(
    reg: Register,
    person: PersonView,
    stages: list[tuple[str, int]],
    helpers: list[PersonView],
    today: dt.date,
) -> None:
    entry = add_months(today, -20 if stages else -1)
    development.record_step(
        reg, person.id, "pool_entry", entry, reference="Nghị quyết chi bộ", today=today
    )
    development.assign_mentor(
        reg, person.id, helpers[0].id, entry, joint_since=add_months(entry, -24), today=today
    )
    if len(stages) != len(_stages()[2]):  # one candidate's mentor is behind with comments
        development.record_step(
            reg,
            person.id,
            "mentor_comment",
            _weekday(add_months(today, -1)),
            reason="Có tinh thần cầu tiến, được quần chúng tín nhiệm.",
            details={"mentor_id": helpers[0].id},
            today=today,
        )
    introduced = False
    for kind, months in stages:
        on = _weekday(add_months(today, -months) - dt.timedelta(days=10 * months))
        if kind == "admission_vote":
            counted, _exempted = development.electorate(reg, on)
            development.record_vote(
                reg,
                person.id,
                "admission",
                on,
                present=counted - 1,
                in_favour=counted - 1,
                reference="Nghị quyết chi bộ",
                today=today,
            )
        elif kind == "introduction" and not introduced:
            introduced = True
            for helper in helpers:
                development.record_step(
                    reg,
                    person.id,
                    kind,
                    on,
                    today=today,
                    details={"introducer_id": helper.id, "joint_since": add_months(on, -30)},
                )
        elif kind == "admission_decision":
            development.record_step(
                reg,
                person.id,
                kind,
                on,
                reference="Quyết định",
                details={"received": on},
                today=today,
            )
        elif kind != "introduction":
            development.record_step(reg, person.id, kind, on, today=today)


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day
