"""The triggers every journalled table carries: no write without its journal entry, no delete."""

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

JOURNALLED_COLUMNS = (
    '"id" TEXT NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "created_at" TEXT NOT NULL, '
    '"updated_at" TEXT NOT NULL, "deleted" INTEGER NOT NULL'
)


def add_guards(db, table: str) -> None:
    for statement in _GUARDS.format(t=table).split(";\n"):
        if statement.strip():
            db.execute_sql(statement)


def run(db, statements: list[str]) -> None:
    for statement in statements:
        db.execute_sql(statement)
