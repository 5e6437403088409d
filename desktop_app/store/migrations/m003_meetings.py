"""Schema 3: meetings and their roll calls."""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_PERSON = 'REFERENCES "person" ("id") ON DELETE RESTRICT'
_STATEMENTS = [
    f'CREATE TABLE "meeting" ({JOURNALLED_COLUMNS}, "kind" TEXT NOT NULL, "date" TEXT NOT NULL, '
    '"held" INTEGER NOT NULL, "topic" TEXT NOT NULL, "place" TEXT NOT NULL, '
    f'"chair_id" TEXT {_PERSON}, "minute_taker_id" TEXT {_PERSON}, "notes" TEXT NOT NULL, '
    '"resolution" TEXT NOT NULL, "class_kind" TEXT NOT NULL)',
    'CREATE INDEX "meeting_date" ON "meeting" ("date")',
    f'CREATE TABLE "attendance" ({JOURNALLED_COLUMNS}, '
    '"meeting_id" TEXT NOT NULL REFERENCES "meeting" ("id") ON DELETE RESTRICT, '
    f'"person_id" TEXT {_PERSON}, "guest_name" TEXT NOT NULL, "status" TEXT NOT NULL, '
    '"reason" TEXT NOT NULL)',
    'CREATE INDEX "attendance_meeting_id" ON "attendance" ("meeting_id")',
    'CREATE INDEX "attendance_person_id" ON "attendance" ("person_id")',
    """CREATE UNIQUE INDEX attendance_live_person ON attendance (meeting_id, person_id)
       WHERE deleted = 0 AND person_id IS NOT NULL""",
    """CREATE UNIQUE INDEX attendance_live_guest ON attendance (meeting_id, guest_name)
       WHERE deleted = 0 AND person_id IS NULL""",
]


def up(db) -> None:
    run(db, _STATEMENTS)
    for table in ("meeting", "attendance"):
        add_guards(db, table)
