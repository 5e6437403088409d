"""Search per keystroke on a 10,000-person register, beside its floor: the same FTS5 query in
plain SQL. ``python -m bench.bench_search`` (builds the register first if needed)."""

from __future__ import annotations

from bench.common import PASSPHRASE, save, timed
from bench.make_register import build
from desktop_app.domain.names import fts_query
from desktop_app.services import members
from desktop_app.store.database import Register

TYPED = [
    "n",
    "ng",
    "ngu",
    "nguy",
    "nguye",
    "nguyen",
    "nguyen t",
    "nguyen th",
    "nguyen thi",
    "nguyen thi h",
    "nguyen thi ha",
    "Nguyễn Thị Hà",
    "thuy",
    "Thủy",
    "Đức",
    "052",
    "0521",
]
FLOOR_SQL = (
    "SELECT p.id FROM person_search s JOIN person p ON p.rowid = s.rowid "
    "WHERE person_search MATCH ? AND p.deleted = 0"
)


def run(people: int = 10_000) -> dict:
    path = build(people)
    rows = []
    with Register.open(path, PASSPHRASE) as reg:
        for text in TYPED:
            hits = len(members.search_ids(reg, text) or [])
            ours = timed(lambda t=text: members.search_ids(reg, t))
            match = fts_query(text)
            floor = timed(lambda m=match: reg.db.execute_sql(FLOOR_SQL, (m,)).fetchall())
            rows.append(
                {
                    "typed": text,
                    "hits": hits,
                    "ours": ours,
                    "floor": floor,
                    "ratio": round(ours["median_ms"] / max(floor["median_ms"], 1e-3), 1),
                }
            )
        listing = timed(lambda: members.list_people(reg), repeat=5, warmup=1)
    return {"people": people, "search": rows, "list_people": listing}


def main() -> None:
    result = run()
    for row in result["search"]:
        print(
            f"{row['typed']!r:18} {row['hits']:5} hits  ours {row['ours']['median_ms']:7.2f} ms"
            f"  (max {row['ours']['max_ms']:6.2f})  floor {row['floor']['median_ms']:6.2f} ms"
        )
    print("list_people (all, sorted):", result["list_people"])
    print(save("search", result))


if __name__ == "__main__":
    main()
