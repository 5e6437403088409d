"""Schema 4: the register of numbered documents (Số 01-NQ/CB …), so numbers never repeat."""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_STATEMENTS = [
    f'CREATE TABLE "document" ({JOURNALLED_COLUMNS}, "form" TEXT NOT NULL, '
    '"kind" TEXT NOT NULL, "term" TEXT NOT NULL, "number" INTEGER NOT NULL, '
    '"subject_id" TEXT NOT NULL, '
    '"person_id" TEXT REFERENCES "person" ("id") ON DELETE RESTRICT, '
    '"meeting_id" TEXT REFERENCES "meeting" ("id") ON DELETE RESTRICT, '
    '"date" TEXT NOT NULL, "title" TEXT NOT NULL)',
    # A number is used once per kind and term, even by a document later withdrawn.
    'CREATE UNIQUE INDEX "document_number" ON "document" ("kind", "term", "number")',
    """CREATE UNIQUE INDEX document_live_subject ON document (form, subject_id)
       WHERE deleted = 0""",
    'CREATE INDEX "document_person_id" ON "document" ("person_id")',
    'CREATE INDEX "document_meeting_id" ON "document" ("meeting_id")',
]


def up(db) -> None:
    run(db, _STATEMENTS)
    add_guards(db, "document")
