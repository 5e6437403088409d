"""Queries for the yearly ratings and the admission quotas, and the plain rows the reports read
(raw tuples: a big register has 10,000 people)."""

from __future__ import annotations

from desktop_app.store.models import AdmissionQuota, Person, PersonEvent, Rating

_LIVE_RATING = Rating.deleted == False  # noqa: E712
_LIVE_QUOTA = AdmissionQuota.deleted == False  # noqa: E712


def rating_of(person_id: str, year: int) -> Rating | None:
    return Rating.get_or_none((Rating.person == person_id) & (Rating.year == year) & _LIVE_RATING)


def ratings(year: int | None = None, years: tuple[int, int] | None = None) -> list[Rating]:
    """Live ratings of one year, of the years first..last, or all."""
    query = Rating.select().where(_LIVE_RATING)
    if year is not None:
        query = query.where(Rating.year == year)
    if years is not None:
        query = query.where(Rating.year.between(*years))
    return list(query.order_by(Rating.year, Rating.created_at))


def people_of(ratings: list[Rating]) -> dict[str, Person]:
    """The people these ratings are about, by id (read once for a list)."""
    ids = list({r.person_id for r in ratings})
    return {p.id: p for p in Person.select().where(Person.id.in_(ids))} if ids else {}


def quota_of(year: int) -> AdmissionQuota | None:
    return AdmissionQuota.get_or_none((AdmissionQuota.year == year) & _LIVE_QUOTA)


def quotas() -> list[AdmissionQuota]:
    return list(AdmissionQuota.select().where(_LIVE_QUOTA).order_by(AdmissionQuota.year))


REPORT_PERSON_COLUMNS = (
    "id", "full_name", "sort_key", "sex", "birth_date", "ethnicity", "religion", "education",
    "profession", "political_theory", "occupation", "membership", "exit", "exit_date",
    "exempted", "temporarily_away", "admission_decision_date", "ceremony_date", "official_date",
)  # fmt: skip
_PEOPLE = f"SELECT {', '.join(REPORT_PERSON_COLUMNS)} FROM person WHERE deleted = 0"


def report_people(person_id: str | None = None) -> list[tuple]:
    """Every live person (or one), REPORT_PERSON_COLUMNS in order, Vietnamese list order."""
    sql, params = _PEOPLE, []
    if person_id is not None:
        sql, params = sql + " AND id = ?", [person_id]
    return Person._meta.database.execute_sql(sql + " ORDER BY sort_key", params).fetchall()


def report_events(
    kinds: tuple[str, ...], person_id: str | None = None
) -> list[tuple[str, str, str, str]]:
    """(person id, kind, ISO date, details JSON) of live events of these kinds (of everyone or
    one person), by date then insertion."""
    marks = ", ".join("?" for _ in kinds)
    sql = (
        "SELECT person_id, kind, date, details FROM person_event "
        f"WHERE deleted = 0 AND kind IN ({marks})"
    )
    params: list[str] = list(kinds)
    if person_id is not None:
        sql += " AND person_id = ?"
        params.append(person_id)
    return PersonEvent._meta.database.execute_sql(sql + " ORDER BY date, rowid", params).fetchall()
