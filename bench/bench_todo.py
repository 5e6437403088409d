"""The Today list and the candidate list on a 10,000-person register (500 candidates and the
probationary members), beside the floor: reading the same rows and events in plain SQL.
``python -m bench.bench_todo``."""

from __future__ import annotations

from bench.common import PASSPHRASE, save, timed
from bench.make_register import build
from desktop_app.services import development
from desktop_app.store.database import Register

FLOOR_SQL = (
    "SELECT p.*, e.* FROM person p LEFT JOIN person_event e ON e.person_id = p.id "
    "WHERE p.deleted = 0 AND p.exit IS NULL AND p.membership IN ('candidate', 'probationary')"
)


def run(people: int = 10_000) -> dict:
    path = build(people)
    with Register.open(path, PASSPHRASE) as reg:
        items = development.todo(reg)
        rows = development.list_candidates(reg)
        todo = timed(lambda: development.todo(reg), repeat=5, warmup=1)
        listing = timed(lambda: development.list_candidates(reg), repeat=5, warmup=1)
        one = timed(lambda: development.pipeline(reg, rows[0].person_id), repeat=10, warmup=1)
        floor = timed(lambda: reg.db.execute_sql(FLOOR_SQL).fetchall(), repeat=5, warmup=1)
    return {
        "people": people,
        "developing": len(rows),
        "todo_items": len(items),
        "todo": todo,
        "list_candidates": listing,
        "pipeline_one": one,
        "floor_sql": floor,
    }


def main() -> None:
    result = run()
    for key in ("todo", "list_candidates", "pipeline_one", "floor_sql"):
        print(
            f"{key:16} median {result[key]['median_ms']:8.1f} ms  max {result[key]['max_ms']:8.1f}"
        )
    print(f"{result['developing']} people in development, {result['todo_items']} items")
    print(save("todo", result))


if __name__ == "__main__":
    main()
