"""Schema 1: cell, people, events, the change journal, its guard triggers and the search index."""

from desktop_app.store.models import JOURNALLED, MODELS

_GUARDS = """
CREATE TRIGGER {t}_journalled_insert BEFORE INSERT ON {t}
WHEN NOT EXISTS (SELECT 1 FROM journal
                 WHERE entity = '{t}' AND entity_id = NEW.id AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'write to {t} without a journal entry'); END;
CREATE TRIGGER {t}_journalled_update BEFORE UPDATE ON {t}
WHEN NEW.version <= OLD.version OR NEW.id != OLD.id OR NOT EXISTS (
    SELECT 1 FROM journal WHERE entity = '{t}' AND entity_id = NEW.id AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'write to {t} without a journal entry'); END;
CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t}
BEGIN SELECT RAISE(ABORT, 'rows of {t} are never deleted: write a tombstone'); END;
"""

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
    db.create_tables(MODELS, safe=False)
    for table in JOURNALLED:
        for statement in _GUARDS.format(t=table).split(";\n"):
            if statement.strip():
                db.execute_sql(statement)
    for statement in _STATEMENTS:
        db.execute_sql(statement)
