"""Schema 1: cell, people, events, the change journal, its guard triggers and the search index.

Frozen as SQL: later schema changes are later steps, never edits to the models this step used."""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_TABLES = [
    f'CREATE TABLE "cell" ({JOURNALLED_COLUMNS}, "name" TEXT NOT NULL, "code" TEXT NOT NULL, '
    '"upper_level" TEXT NOT NULL, "secretary" TEXT NOT NULL, "address" TEXT NOT NULL)',
    'CREATE TABLE "journal" ("seq" INTEGER NOT NULL PRIMARY KEY, "entity" TEXT NOT NULL, '
    '"entity_id" TEXT NOT NULL, "op" TEXT NOT NULL, "changes" TEXT NOT NULL, '
    '"base_version" INTEGER NOT NULL, "version" INTEGER NOT NULL, "author" TEXT NOT NULL, '
    '"at" TEXT NOT NULL, "prev_hash" TEXT NOT NULL, "hash" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "journal_hash" ON "journal" ("hash")',
    'CREATE UNIQUE INDEX "journal_entity_entity_id_version" '
    'ON "journal" ("entity", "entity_id", "version")',
    'CREATE TABLE "meta" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    f'CREATE TABLE "person" ({JOURNALLED_COLUMNS}, "full_name" TEXT NOT NULL, '
    '"other_names" TEXT NOT NULL, "sex" TEXT NOT NULL, "birth_date" TEXT, '
    '"ethnicity" TEXT NOT NULL, "religion" TEXT NOT NULL, "native_place" TEXT NOT NULL, '
    '"residence" TEXT NOT NULL, "id_number" TEXT, "phone" TEXT NOT NULL, '
    '"education" TEXT NOT NULL, "political_theory" TEXT NOT NULL, "profession" TEXT NOT NULL, '
    '"occupation" TEXT NOT NULL, "membership" TEXT NOT NULL, "exit" TEXT, "exit_date" TEXT, '
    '"exempted" INTEGER NOT NULL, "temporarily_away" INTEGER NOT NULL, '
    '"admission_decision_date" TEXT, "ceremony_date" TEXT, "official_date" TEXT, '
    '"party_card_number" TEXT NOT NULL, "notes" TEXT NOT NULL, "name_folded" TEXT NOT NULL, '
    '"search_text" TEXT NOT NULL, "sort_key" TEXT NOT NULL)',
    'CREATE INDEX "person_name_folded" ON "person" ("name_folded")',
    'CREATE INDEX "person_sort_key" ON "person" ("sort_key")',
    f'CREATE TABLE "person_event" ({JOURNALLED_COLUMNS}, "person_id" TEXT NOT NULL, '
    '"kind" TEXT NOT NULL, "date" TEXT NOT NULL, "reason" TEXT NOT NULL, '
    '"reference" TEXT NOT NULL, "place" TEXT NOT NULL, "before" TEXT NOT NULL, '
    'FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "person_event_person_id" ON "person_event" ("person_id")',
]

_STATEMENTS = [
    """CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
       BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END""",
    """CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
       BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END""",
    """CREATE UNIQUE INDEX person_id_number_live ON person (id_number)
       WHERE id_number IS NOT NULL AND deleted = 0""",
    """CREATE VIRTUAL TABLE person_search USING fts5(
       search_text, content = 'person', content_rowid = 'rowid', prefix = '1 2 3')""",
    """CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
       INSERT INTO person_search (rowid, search_text) VALUES (NEW.rowid, NEW.search_text); END""",
    """CREATE TRIGGER person_search_update AFTER UPDATE ON person BEGIN
       INSERT INTO person_search (person_search, rowid, search_text)
       VALUES ('delete', OLD.rowid, OLD.search_text);
       INSERT INTO person_search (rowid, search_text) VALUES (NEW.rowid, NEW.search_text); END""",
]


def up(db) -> None:
    run(db, _TABLES)
    for table in ("cell", "person", "person_event"):
        add_guards(db, table)
    run(db, _STATEMENTS)
