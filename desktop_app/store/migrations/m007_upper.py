"""Schema 7: reporting upward. The upper level's workspace (its sealed keys, its cells, the
bundles applied, quotas, decisions, conflicts), the replica of the cells' records it builds
from their journals, and, in a cell's register, the receipts it received.

The replica is written in bulk from entries of the cells' own hash chains, which it keeps
(``upper_entry``): the journalled ``upper_import`` row names the range each import brought, a
trigger refuses a cell entry no import brought, and another refuses a replica row that no kept
entry produced, the way the journal guards the register's own tables.
"""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_CELL = 'REFERENCES "upper_cell" ("id") ON DELETE RESTRICT'
_RECORD = (
    f'"cell_id" TEXT NOT NULL {_CELL}, "id" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted" INTEGER NOT NULL, "created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL'
)

_WORKSPACE = [
    'CREATE TABLE "upper_identity" ("key_id" TEXT NOT NULL PRIMARY KEY, '
    '"upper_id" TEXT NOT NULL, "public_key" TEXT NOT NULL, "recipient" TEXT NOT NULL, '
    '"sealed" TEXT NOT NULL, "created_at" TEXT NOT NULL)',
    """CREATE TRIGGER upper_identity_no_update BEFORE UPDATE ON upper_identity
       BEGIN SELECT RAISE(ABORT, 'the upper level identity is never changed'); END""",
    """CREATE TRIGGER upper_identity_no_delete BEFORE DELETE ON upper_identity
       BEGIN SELECT RAISE(ABORT, 'the upper level identity is never deleted'); END""",
    f'CREATE TABLE "upper_workspace" ({JOURNALLED_COLUMNS}, "name" TEXT NOT NULL, '
    '"recipient" TEXT NOT NULL, "signing_key" TEXT NOT NULL, "key_id" TEXT NOT NULL)',
    f'CREATE TABLE "upper_cell" ({JOURNALLED_COLUMNS}, "code" TEXT NOT NULL, '
    '"code_key" TEXT NOT NULL, "name" TEXT NOT NULL, "cell_uuid" TEXT, "key_id" TEXT NOT NULL, '
    '"public_key" TEXT NOT NULL, "recipient" TEXT NOT NULL, "fingerprint" TEXT NOT NULL, '
    '"pinned_at" TEXT, "applied_seq" INTEGER NOT NULL, "applied_hash" TEXT NOT NULL, '
    '"last_bundle_id" TEXT, "last_bundle_at" TEXT, "last_import_at" TEXT)',
    """CREATE UNIQUE INDEX upper_cell_live_code ON upper_cell (code_key) WHERE deleted = 0""",
    """CREATE UNIQUE INDEX upper_cell_live_uuid ON upper_cell (cell_uuid)
       WHERE deleted = 0 AND cell_uuid IS NOT NULL""",
    # lookups bind ``deleted`` as a parameter, which a partial index cannot serve
    'CREATE INDEX "upper_cell_uuid" ON "upper_cell" ("cell_uuid")',
    'CREATE INDEX "upper_cell_code_key" ON "upper_cell" ("code_key")',
    f'CREATE TABLE "upper_import" ({JOURNALLED_COLUMNS}, "cell_id" TEXT NOT NULL {_CELL}, '
    '"bundle_id" TEXT NOT NULL, "file" TEXT NOT NULL, "seq_from" INTEGER NOT NULL, '
    '"seq_to" INTEGER NOT NULL, "applied_from" INTEGER NOT NULL, "head_hash" TEXT NOT NULL, '
    '"bundle_created_at" TEXT NOT NULL, "summary" TEXT NOT NULL, "rewound_to" INTEGER)',
    'CREATE INDEX "upper_import_cell_id" ON "upper_import" ("cell_id")',
    'CREATE INDEX "upper_import_bundle_id" ON "upper_import" ("bundle_id")',
    f'CREATE TABLE "upper_quota" ({JOURNALLED_COLUMNS}, "cell_id" TEXT NOT NULL {_CELL}, '
    '"year" INTEGER NOT NULL, "count" INTEGER NOT NULL)',
    """CREATE UNIQUE INDEX upper_quota_live ON upper_quota (cell_id, year) WHERE deleted = 0""",
    f'CREATE TABLE "upper_decision" ({JOURNALLED_COLUMNS}, "cell_id" TEXT NOT NULL {_CELL}, '
    '"person_id" TEXT NOT NULL, "person_name" TEXT NOT NULL, "kind" TEXT NOT NULL, '
    '"number" TEXT NOT NULL, "date" TEXT NOT NULL, "note" TEXT NOT NULL)',
    """CREATE UNIQUE INDEX upper_decision_live ON upper_decision (cell_id, person_id, kind)
       WHERE deleted = 0""",
    f'CREATE TABLE "upper_conflict" ({JOURNALLED_COLUMNS}, "cell_id" TEXT NOT NULL {_CELL}, '
    '"kind" TEXT NOT NULL, "bundle_id" TEXT NOT NULL, "file" TEXT NOT NULL, '
    '"seq_from" INTEGER NOT NULL, "seq_to" INTEGER NOT NULL, "at_seq" INTEGER NOT NULL, '
    '"detail" TEXT NOT NULL, "resolved_at" TEXT, "resolution" TEXT NOT NULL)',
    'CREATE INDEX "upper_conflict_cell_id" ON "upper_conflict" ("cell_id")',
]

_REPLICA = [
    f'CREATE TABLE "upper_entry" ("cell_id" TEXT NOT NULL {_CELL}, "seq" INTEGER NOT NULL, '
    '"entity" TEXT NOT NULL, "entity_id" TEXT NOT NULL, "op" TEXT NOT NULL, '
    '"changes" TEXT NOT NULL, "base_version" INTEGER NOT NULL, "version" INTEGER NOT NULL, '
    '"author" TEXT NOT NULL, "at" TEXT NOT NULL, "prev_hash" TEXT NOT NULL, '
    '"hash" TEXT NOT NULL, '
    '"import_id" TEXT NOT NULL REFERENCES "upper_import" ("id") ON DELETE RESTRICT, '
    '"discarded" INTEGER NOT NULL DEFAULT 0)',
    """CREATE UNIQUE INDEX upper_entry_live_seq ON upper_entry (cell_id, seq)
       WHERE discarded = 0""",
    """CREATE INDEX upper_entry_record ON upper_entry (cell_id, entity_id, version)""",
    """CREATE TRIGGER upper_entry_imported BEFORE INSERT ON upper_entry
       WHEN NEW.discarded != 0 OR NOT EXISTS (
           SELECT 1 FROM upper_import WHERE id = NEW.import_id AND cell_id = NEW.cell_id
           AND NEW.seq BETWEEN applied_from AND seq_to)
       BEGIN SELECT RAISE(ABORT, 'a cell entry without the import that brought it'); END""",
    """CREATE TRIGGER upper_entry_kept BEFORE UPDATE OF cell_id, seq, entity, entity_id, op,
       changes, base_version, version, author, at, prev_hash, hash, import_id ON upper_entry
       BEGIN SELECT RAISE(ABORT, 'the cells'' entries are never changed'); END""",
    """CREATE TRIGGER upper_entry_set_aside BEFORE UPDATE OF discarded ON upper_entry
       WHEN NOT (OLD.discarded = 0 AND NEW.discarded = 1)
       BEGIN SELECT RAISE(ABORT, 'an entry set aside stays aside'); END""",
    """CREATE TRIGGER upper_entry_no_delete BEFORE DELETE ON upper_entry
       BEGIN SELECT RAISE(ABORT, 'the cells'' entries are never deleted'); END""",
    f'CREATE TABLE "upper_person" ({_RECORD}, "full_name" TEXT NOT NULL, '
    '"sort_key" TEXT NOT NULL, "sex" TEXT NOT NULL, "birth_date" TEXT, '
    '"membership" TEXT NOT NULL, "exit" TEXT, "exit_date" TEXT, "exempted" INTEGER NOT NULL, '
    '"temporarily_away" INTEGER NOT NULL, "admission_decision_date" TEXT, '
    '"ceremony_date" TEXT, "official_date" TEXT, "data" TEXT NOT NULL, '
    'PRIMARY KEY ("cell_id", "id"))',
    'CREATE INDEX "upper_person_id" ON "upper_person" ("id")',
    f'CREATE TABLE "upper_event" ({_RECORD}, "person_id" TEXT, "kind" TEXT NOT NULL, '
    '"date" TEXT NOT NULL, "reference" TEXT NOT NULL, "data" TEXT NOT NULL, '
    'PRIMARY KEY ("cell_id", "id"))',
    'CREATE INDEX "upper_event_person" ON "upper_event" ("cell_id", "person_id")',
    f'CREATE TABLE "upper_meeting" ({_RECORD}, "kind" TEXT NOT NULL, "date" TEXT NOT NULL, '
    '"held" INTEGER NOT NULL, "data" TEXT NOT NULL, PRIMARY KEY ("cell_id", "id"))',
    f'CREATE TABLE "upper_attendance" ({_RECORD}, "meeting_id" TEXT, "person_id" TEXT, '
    '"status" TEXT NOT NULL, "data" TEXT NOT NULL, PRIMARY KEY ("cell_id", "id"))',
    f'CREATE TABLE "upper_record" ({_RECORD}, "entity" TEXT NOT NULL, "data" TEXT NOT NULL, '
    'PRIMARY KEY ("cell_id", "entity", "id"))',
]
# table: the entity whose entries build its rows
REPLICA_TABLES = {
    "upper_person": "'person'",
    "upper_event": "'person_event'",
    "upper_meeting": "'meeting'",
    "upper_attendance": "'attendance'",
    "upper_record": "NEW.entity",
}
_REPLICA_GUARD = """
CREATE TRIGGER {t}_from_entry_{when} BEFORE {what} ON {t}
WHEN NOT EXISTS (SELECT 1 FROM upper_entry WHERE cell_id = NEW.cell_id AND entity_id = NEW.id
                 AND version = NEW.version AND entity = {entity} AND discarded = 0)
BEGIN SELECT RAISE(ABORT, 'a replica row no cell entry produced'); END
"""

_RECEIVED = [
    f'CREATE TABLE "received_receipt" ({JOURNALLED_COLUMNS}, "upper_id" TEXT NOT NULL, '
    '"applied_seq" INTEGER NOT NULL, "applied_hash" TEXT NOT NULL, "quotas" TEXT NOT NULL, '
    '"decisions" INTEGER NOT NULL, "issued_at" TEXT NOT NULL)',
    f'CREATE TABLE "received_decision" ({JOURNALLED_COLUMNS}, "receipt_id" TEXT NOT NULL, '
    '"person_id" TEXT NOT NULL, "person_name" TEXT NOT NULL, "kind" TEXT NOT NULL, '
    '"number" TEXT NOT NULL, "date" TEXT NOT NULL, "note" TEXT NOT NULL, '
    '"outcome" TEXT NOT NULL, "outcome_text" TEXT NOT NULL, "event_id" TEXT)',
    'CREATE INDEX "received_decision_person_id" ON "received_decision" ("person_id")',
]

JOURNALLED_TABLES = (
    "upper_workspace", "upper_cell", "upper_import", "upper_quota", "upper_decision",
    "upper_conflict", "received_receipt", "received_decision",
)  # fmt: skip


def up(db) -> None:
    run(db, _WORKSPACE + _REPLICA + _RECEIVED)
    for table in JOURNALLED_TABLES:
        add_guards(db, table)
    for table, entity in REPLICA_TABLES.items():
        for when, what in (("insert", "INSERT"), ("update", "UPDATE")):
            run(db, [_REPLICA_GUARD.format(t=table, when=when, what=what, entity=entity)])
