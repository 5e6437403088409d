"""Step-wise schema migrations: step N takes schema N-1 to N, atomically with its version bump."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.store.migrations import (
    m001_initial,
    m002_development,
    m003_meetings,
    m004_documents,
    m005_sync,
    m006_ratings,
    m007_upper,
)

STEPS: dict[int, Callable] = {
    1: m001_initial.up,
    2: m002_development.up,
    3: m003_meetings.up,
    4: m004_documents.up,
    5: m005_sync.up,
    6: m006_ratings.up,
    7: m007_upper.up,
}
LATEST = max(STEPS)


def migrate(db, current: int, target: int | None = None) -> list[int]:
    """Run the steps from ``current`` to ``target`` (default: the latest); each commits with
    its ``user_version`` or not at all."""
    done = []
    for version in range(current + 1, (LATEST if target is None else target) + 1):
        with db.atomic("IMMEDIATE"):
            STEPS[version](db)
            db.execute_sql(f"PRAGMA user_version = {int(version)}")
        done.append(version)
    return done
