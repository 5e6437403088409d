"""Schema 5: the cell's sync keys (sealed, store-internal) and its enrolment with the upper
level (journalled, so the first bundle carries the cell's public keys)."""

from desktop_app.store.migrations.guards import JOURNALLED_COLUMNS, add_guards, run

_STATEMENTS = [
    'CREATE TABLE "sync_identity" ("key_id" TEXT NOT NULL PRIMARY KEY, '
    '"public_key" TEXT NOT NULL, "recipient" TEXT NOT NULL, "sealed" TEXT NOT NULL, '
    '"created_at" TEXT NOT NULL)',
    # A key that signed bundles is the cell's identity at the upper level: never lost by mistake.
    """CREATE TRIGGER sync_identity_no_update BEFORE UPDATE ON sync_identity
       BEGIN SELECT RAISE(ABORT, 'the sync identity is never changed'); END""",
    """CREATE TRIGGER sync_identity_no_delete BEFORE DELETE ON sync_identity
       BEGIN SELECT RAISE(ABORT, 'the sync identity is never deleted'); END""",
    f'CREATE TABLE "sync_enrolment" ({JOURNALLED_COLUMNS}, "upper_id" TEXT NOT NULL, '
    '"upper_name" TEXT NOT NULL, "upper_recipient" TEXT NOT NULL, '
    '"upper_signing_key" TEXT NOT NULL, "cell_key_id" TEXT NOT NULL, '
    '"cell_public_key" TEXT NOT NULL, "cell_recipient" TEXT NOT NULL, '
    '"acked_seq" INTEGER NOT NULL, "acked_hash" TEXT NOT NULL, "acked_at" TEXT)',
]


def up(db) -> None:
    run(db, _STATEMENTS)
    add_guards(db, "sync_enrolment")
