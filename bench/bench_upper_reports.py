"""The upper level's aggregate report over all its cells: ``python -m bench.bench_upper_reports``.

The data is ``bench_upper``'s (500 cells of 100 people, 1,000 roll lines and 24 meetings a
cell, each cell's whole journal in one bundle), imported once into a copy of its workspace
kept in bench/data/upper-<cells>-…/imported/ (about 1 GB for 500 cells). Each measurement
runs in a fresh process on a copy of that imported workspace:

* report: ``upper_reports.build(reg, "all", 1 January, 31 December)`` of a year (2025: the
  year the generated meetings fill), every section with its tables by cell; the seconds of
  each run (the first is cold), the process's peak RSS, and in a separate run the peak of
  Python's own allocations (tracemalloc, which slows the run: not timed);
* the parts: reading the rows (``read_cells``), joining the cells, the report itself;
* floor: the same rows read by plain SQL (the store's six queries, tuples only, nothing
  built from them).

``measure_report(reg)`` is the same measurement for a workspace already open (the suite's
``after`` hook of ``bench_upper.measure_import``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.bench_upper import TODAY, build, measure_import
from bench.common import PASSPHRASE, save
from desktop_app.store.database import Register, key_path

YEAR = 2025


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def imported(folder: Path) -> Path:
    """The workspace with every bundle applied, made once (``bench_upper``'s import)."""
    target = folder / "imported"
    path = target / "cap-tren.sochibo"
    if path.exists():
        return path
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()

    def keep(reg: Register) -> dict:
        reg.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(reg.path, path)
        shutil.copy2(key_path(reg.path), key_path(path))
        return {}

    done = measure_import(folder, after=keep)
    print(f"imported {done['entries']:,} entries in {done['seconds']} s -> {path}")
    return path


def _copy(path: Path, work: Path) -> Register:
    target = work / path.name
    shutil.copy2(path, target)
    shutil.copy2(key_path(path), key_path(target))
    return Register.open(target, PASSPHRASE)


def _period() -> tuple[dt.date, dt.date]:
    return dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)


def measure_report(reg: Register, runs: int = 3) -> dict:
    """The aggregate report on an open workspace: seconds per run and by part, the floor,
    peak RSS (this process's, so far)."""
    from desktop_app.domain import aggregate
    from desktop_app.domain.reports import KINDS
    from desktop_app.services import upper_reports
    from desktop_app.services.reports import check_period
    from desktop_app.store import upper

    first, last = _period()
    seconds, cpu, found = [], [], None
    for _ in range(runs):
        start, began = time.perf_counter(), time.process_time()
        found = upper_reports.build(reg, "all", first, last, today=TODAY)
        seconds.append(round(time.perf_counter() - start, 2))
        cpu.append(round(time.process_time() - began, 2))  # this process's own (load aside)
    assert found is not None
    period = check_period(first, last, TODAY)
    start = time.perf_counter()
    cells = upper_reports.read_cells(upper.cells(), period, KINDS, every=True, today=TODAY)
    read = time.perf_counter() - start
    start = time.perf_counter()
    merged = aggregate.merge(cells)
    joined = time.perf_counter() - start
    moves = found.sections["movements"]
    return {
        "cells": len(found.cells),
        "people": len(merged.people),
        "members_at_end": moves.at_end,
        "admitted": found.sections["admissions"].total,
        "roll_expected": found.sections["attendance"].overall.expected,
        "seconds_each_run": seconds,
        "cpu_seconds_each_run": cpu,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "seconds_read_rows": round(read, 2),
        "seconds_join": round(joined, 2),
        "floor_seconds_plain_sql": floor(reg),
        "peak_rss_mb": round(_peak_mb(), 1),
    }


def floor(reg: Register) -> float:
    """The rows the report reads, read by plain SQL into tuples, nothing more."""
    first, last = (d.isoformat() for d in _period())
    queries = [
        "SELECT cell_id, id, full_name, sort_key, sex, birth_date, json_extract(data, "
        "'$.ethnicity'), json_extract(data, '$.religion'), json_extract(data, '$.education'), "
        "json_extract(data, '$.profession'), json_extract(data, '$.political_theory'), "
        "json_extract(data, '$.occupation'), membership, exit, exit_date, exempted, "
        "temporarily_away, admission_decision_date, ceremony_date, official_date "
        "FROM upper_person WHERE deleted = 0",
        "SELECT cell_id, person_id, kind, date, json_extract(data, '$.details') FROM upper_event "
        "WHERE deleted = 0",
        f"SELECT cell_id, id, kind, date, held FROM upper_meeting WHERE deleted = 0 "
        f"AND date BETWEEN '{first}' AND '{last}'",
        "SELECT a.cell_id, a.meeting_id, a.person_id, a.status FROM upper_attendance a JOIN "
        "upper_meeting m ON m.cell_id = a.cell_id AND m.id = a.meeting_id WHERE a.deleted = 0 "
        f"AND m.deleted = 0 AND m.date BETWEEN '{first}' AND '{last}'",
        "SELECT cell_id, data FROM upper_record WHERE entity = 'rating' AND deleted = 0",
        "SELECT cell_id, year, count FROM upper_quota WHERE deleted = 0",
    ]
    start = time.perf_counter()
    for sql in queries:
        reg.db.execute_sql(sql).fetchall()
    return round(time.perf_counter() - start, 2)


def _memory(reg: Register) -> dict:
    from desktop_app.services import upper_reports

    tracemalloc.start()
    upper_reports.build(reg, "all", *_period(), today=TODAY)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"python_peak_mb": round(peak / 2**20, 1)}


def _measure(what: str, path: Path) -> dict:
    with tempfile.TemporaryDirectory() as work:
        reg = _copy(path, Path(work))
        before = _peak_mb()
        result = measure_report(reg) if what == "report" else _memory(reg)
        reg.close()
    return {**result, "rss_after_open_mb": round(before, 1)}


def _in_process(what: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_upper_reports", "--measure", what, "--path", str(path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=500)
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--attendance", type=int, default=1000)
    parser.add_argument("--measure", choices=("report", "memory"))
    parser.add_argument("--path")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, Path(args.path))))
        return
    path = imported(build(args.cells, args.people, args.attendance))
    result = {
        "cells": args.cells, "people_per_cell": args.people,
        "attendance_per_cell": args.attendance, "year": YEAR,
        "workspace_mb": round(path.stat().st_size / 1e6, 1),
        "report": _in_process("report", path), "memory": _in_process("memory", path),
    }  # fmt: skip
    r = result["report"]
    print(f"{r['cells']} cells, {r['people']:,} people: report {r['seconds_each_run']} s "
          f"(cpu {r['cpu_seconds_each_run']} s, load {r['load_average']}) "
          f"(rows read {r['seconds_read_rows']} s, floor {r['floor_seconds_plain_sql']} s), "
          f"peak RSS {r['peak_rss_mb']} MB, Python peak "
          f"{result['memory']['python_peak_mb']} MB")  # fmt: skip
    print(save(f"upper-reports-{args.cells}", result))


if __name__ == "__main__":
    main()
