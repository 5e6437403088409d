"""Schema 6: the yearly rating of each member (one live rating per member and year) and the
year's admission quota (one live quota per year), both journalled."""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_STATEMENTS = [
    f'CREATE TABLE "rating" ({JOURNALLED_COLUMNS}, '
    '"person_id" TEXT NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT, '
    '"year" INTEGER NOT NULL, "level" TEXT NOT NULL, "points" REAL, "note" TEXT NOT NULL)',
    """CREATE UNIQUE INDEX rating_live_person_year ON rating (person_id, year)
       WHERE deleted = 0""",
    'CREATE INDEX "rating_year" ON "rating" ("year")',
    f'CREATE TABLE "admission_quota" ({JOURNALLED_COLUMNS}, "year" INTEGER NOT NULL, '
    '"quota" INTEGER NOT NULL, "source" TEXT NOT NULL, "reference" TEXT NOT NULL, '
    '"note" TEXT NOT NULL)',
    """CREATE UNIQUE INDEX admission_quota_live_year ON admission_quota (year)
       WHERE deleted = 0""",
]


def up(db) -> None:
    run(db, _STATEMENTS)
    for table in ("rating", "admission_quota"):
        add_guards(db, table)
