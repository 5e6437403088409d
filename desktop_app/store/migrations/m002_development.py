"""Schema 2: member development. Step details on events, mentor assignments, calendar overrides."""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_STATEMENTS = [
    """ALTER TABLE "person_event" ADD COLUMN "details" TEXT NOT NULL DEFAULT '{}'""",
    f'CREATE TABLE "mentorship" ({JOURNALLED_COLUMNS}, '
    '"person_id" TEXT NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT, '
    '"mentor_id" TEXT NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT, '
    '"start" TEXT NOT NULL, "end" TEXT, "end_reason" TEXT NOT NULL, "joint_since" TEXT, '
    '"note" TEXT NOT NULL)',
    'CREATE INDEX "mentorship_person_id" ON "mentorship" ("person_id")',
    'CREATE INDEX "mentorship_mentor_id" ON "mentorship" ("mentor_id")',
    f'CREATE TABLE "calendar_override" ({JOURNALLED_COLUMNS}, "day" TEXT NOT NULL, '
    '"working" INTEGER NOT NULL, "note" TEXT NOT NULL)',
    """CREATE UNIQUE INDEX calendar_override_live_day ON calendar_override (day)
       WHERE deleted = 0""",
]


def up(db) -> None:
    run(db, _STATEMENTS)
    for table in ("mentorship", "calendar_override"):
        add_guards(db, table)
