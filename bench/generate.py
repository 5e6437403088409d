"""Registers at scale for the bench, made once and cached under bench/data/ (git-ignored):
``python -m bench.generate [--people 1000 3000 10000] [--cells 100 500 2000]``.

* ``cell(people)``: a cell register of ``people`` persons (95% members, 5% candidates) from the
  demo generator (Vietnamese names, places, ID numbers, decades of admissions, transfers,
  deaths, exemptions), every write through the services and journalled; the demo's candidates
  walked through the admission procedure and mentors for the probationary members; five years
  of meetings with roll calls (2021-2025, 18 a year, about 10% of the members late, excused or
  absent) and this year's as the demo has them; ratings for 2024 and 2025; quotas 2024-2026.
* ``upper(cells)``: an upper-level workspace with ``cells`` cells enrolled and one first bundle
  per cell (``bench_upper.build``: 100 people and 1,000 attendance lines a cell, about 930 KB a
  bundle, so 2,000 cells take about 1.9 GB of bundles and the imported workspace about 4.5 GB;
  the machine has 24 GiB and the import stays near 120 MB, so no cell is made smaller).
* ``sheet(rows)``: a secretary's .xlsx list of ``rows`` people (``bench_import.make_sheet``).

Everything is seeded (the number of people, of cells, of rows): the same sizes give the same
people, events, meetings and ratings; only record ids and write times differ between builds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from bench import bench_import, bench_sync, bench_upper
from bench.common import DATA, PASSPHRASE
from bench.make_register import fill as fill_people
from desktop_app.domain.errors import ValidationError
from desktop_app.services import demo_development, demo_meetings, members, ratings
from desktop_app.store.database import Register, key_path

TODAY = dt.date(2026, 11, 22)
RATED_YEARS = (2024, 2025)
QUOTA_YEARS = (2024, 2025, 2026)
LEVELS = (("excellent", 15), ("good", 60), ("complete", 22), ("incomplete", 3))
CELL_PEOPLE = 100  # per cell at the upper level (bench_upper's size)
CELL_LINES = 1000  # attendance lines per cell


def cell_path(people: int, root: Path = DATA) -> Path:
    return root / f"scale-cell-{people}.sochibo"


def _rate(reg: Register, seed: int) -> int:
    """Ratings for the members of each rated year (the service refuses non-members)."""
    rng = random.Random(seed)
    rated = 0
    people = members.list_people(reg)
    for year in RATED_YEARS:
        for person in people:
            level = rng.choices([c for c, _ in LEVELS], [w for _, w in LEVELS])[0]
            try:
                ratings.set_rating(reg, person.id, year, level, today=TODAY)
            except ValidationError:  # not a member that year: refused, nothing written
                continue
            rated += 1
    for year in QUOTA_YEARS:
        ratings.set_quota(reg, year, max(1, len(people) // 100), today=TODAY)
    return rated


def _fill(reg: Register, people: int) -> None:
    fill_people(reg, people)  # people and their events, seeded by ``people``
    with reg.atomic():
        demo_development.fill(reg, TODAY)
        bench_sync.fill_history(reg, seed=people)  # 2021-2025 meetings with roll calls
        demo_meetings.fill(reg, TODAY, seed=people)  # this year's, to last month
        _rate(reg, people)


def cell(people: int, root: Path = DATA, force: bool = False) -> Path:
    """The cached cell register of ``people`` persons, built if missing."""
    path = cell_path(people, root)
    if path.exists() and not force:
        return path
    if people < 20:
        raise ValueError("a cell register needs at least 20 people (the demo's officers)")
    path.unlink(missing_ok=True)
    key_path(path).unlink(missing_ok=True)  # a key left by an interrupted build
    start = time.perf_counter()
    reg, _ = Register.create(path, PASSPHRASE, initialise=lambda r: _fill(r, people))
    reg.close()
    print(f"{path}: {people} people with history in {time.perf_counter() - start:.1f} s")
    return path


def upper(cells: int, root: Path = DATA, people: int = CELL_PEOPLE, lines: int = CELL_LINES):
    """The cached upper-level folder (workspace and bundles) of ``cells`` cells."""
    return bench_upper.build(cells, people, lines, root)


def sheet(rows: int, root: Path = DATA) -> Path:
    path = root / f"scale-list-{rows}.xlsx"
    if not path.exists():
        root.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part.xlsx")
        bench_import.make_sheet(partial, rows, seed=rows)
        partial.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, nargs="*", default=[1000, 3000, 10_000])
    parser.add_argument("--cells", type=int, nargs="*", default=[100, 500, 2000])
    parser.add_argument("--rows", type=int, nargs="*", default=[1000, 3000, 5000, 10_000])
    parser.add_argument("--force", action="store_true", help="rebuild the cell registers")
    args = parser.parse_args()
    for people in args.people:
        cell(people, force=args.force)
    for rows in args.rows:
        sheet(rows)
    for cells in args.cells:
        upper(cells)


if __name__ == "__main__":
    main()
