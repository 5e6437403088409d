"""The upper level imports its cells' first bundles: ``python -m bench.bench_upper``.

Default size (the issue's): 500 cells of 100 people each (50,000 people) with 1,000 attendance
lines each (500,000 rows), every person's history (admission, ceremony, recognition,
exemptions, transfers from the demo generator, each event with the person's state change), 24
meetings per cell; each cell's whole journal in one first bundle. ``--cells 50`` measures a
tenth.

The bundles are made once without registers (the entries are what ``records.insert`` and
``members.record_event`` journal, hash-chained, signed by each cell's own key and encrypted to
the workspace) and cached in bench/data/upper-<cells>/ beside a workspace with the cells
enrolled. Each measurement starts from a copy of that workspace, in a fresh process so its
peak memory (``resource.getrusage``) is its own:

* import: ``upper_import.apply_bundle`` for every file, the fingerprint confirmed (signature,
  decryption, every line validated, the chain recomputed, the records folded, the entries and
  records written under the guards, the journalled import), after the one backup
  ``import_bundles`` takes before writing;
* floor: the same rows (the entries and the records) inserted by plain SQL into tables with
  the same columns and indexes but no triggers, one transaction per bundle; reading the
  bundles is not timed there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench.common import DATA, PASSPHRASE, save
from desktop_app.domain.demo_data import generate_demo_cell
from desktop_app.domain.membership import PersonState, apply_event
from desktop_app.domain.names import fold, sort_key_text
from desktop_app.store.database import Register, key_path
from desktop_app.store.journal import GENESIS, entry_hash, now_utc
from desktop_app.sync import bundle, crypto, envelope
from desktop_app.sync.bundle import Entry
from desktop_app.sync.crypto import AgeIdentity, SigningKey, cell_fingerprint

TODAY = dt.date(2026, 11, 22)
AT = "2026-11-20T08:00:00.000Z"
STATUSES = (("absent", 0.25), ("excused", 0.55), ("late", 0.20))
REASONS = ("Đi công tác", "Ốm", "Việc gia đình", "Đi học", "Trực cơ quan")


# -- making the bundles ---------------------------------------------------------------------------


class Journal:
    """Entries as a cell's journal holds them: versions per record, hashes chained."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.versions: dict[str, int] = {}
        self.prev = GENESIS

    def add(self, entity: str, entity_id: str, op: str, changes: dict) -> None:
        base = self.versions.get(entity_id, 0)
        self.versions[entity_id] = base + 1
        hashed = {
            "seq": len(self.entries) + 1, "entity": entity, "entity_id": entity_id, "op": op,
            "changes": changes, "base_version": base, "version": base + 1,
            "author": "device:bench001", "at": AT, "prev_hash": self.prev,
        }  # fmt: skip
        self.prev = entry_hash(hashed)
        self.entries.append(Entry(**hashed, hash=self.prev))


def _state(state: PersonState) -> dict[str, object]:
    values = asdict(state)
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}


def _people(journal: Journal, seed: int, people: int) -> list[str]:
    demo = generate_demo_cell(seed=seed, today=TODAY, members=people - 5, candidates=5)
    journal.add("cell", str(uuid.uuid4()), "insert", demo.cell)
    officials = []
    for person in demo.people:
        pid, fields = str(uuid.uuid4()), dict(person.fields)
        name = str(fields["full_name"])
        derived = {"name_folded": fold(name), "sort_key": sort_key_text(name),
                   "search_text": " ".join([fold(name), str(fields.get("phone", ""))])}  # fmt: skip
        journal.add("person", pid, "insert", {**fields, **derived})
        state = PersonState("candidate")
        for ev in person.events:
            on = dt.date.fromisoformat(ev.date)
            after = apply_event(state, ev.kind, on, TODAY, probation_months=12)
            journal.add("person_event", str(uuid.uuid4()), "insert", {
                "person": pid, "kind": ev.kind, "date": ev.date, "reason": ev.reason,
                "reference": ev.reference, "place": ev.place,
                "before": json.dumps(_state(state), sort_keys=True), "details": "{}",
            })  # fmt: skip
            changed = {k: v for k, v in _state(after).items() if _state(state)[k] != v}
            if changed:
                journal.add("person", pid, "update", changed)
            state = after
        if state.membership == "official" and state.exit is None:
            officials.append(pid)
    return officials


def _meetings(journal: Journal, rng: random.Random, officials: list[str], lines: int) -> None:
    meetings = []
    for year in (2025, 2026):
        for month in range(1, 13):
            mid = str(uuid.uuid4())
            journal.add("meeting", mid, "insert", {
                "kind": "regular", "date": f"{year}-{month:02d}-05", "held": True,
                "topic": f"Sinh hoạt chi bộ thường kỳ tháng {month}/{year}", "place": "Hội trường",
                "chair": officials[0], "minute_taker": officials[1], "notes": "",
                "resolution": f"{month:02d}-NQ/CB", "class_kind": "",
            })  # fmt: skip
            meetings.append(mid)
    seen: set[tuple[str, str]] = set()
    while len(seen) < lines:
        mid, pid = rng.choice(meetings), rng.choice(officials)
        if (mid, pid) in seen:
            continue
        seen.add((mid, pid))
        status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
        journal.add("attendance", str(uuid.uuid4()), "insert", {
            "meeting": mid, "person": pid, "guest_name": "", "status": status,
            "reason": rng.choice(REASONS) if status == "excused" else "",
        })  # fmt: skip


def make_cell(number: int, people: int, lines: int, upper_id: str, recipient: str):
    """One cell's first bundle: (code, fingerprint, file name, sealed)."""
    rng = random.Random(number)
    key = SigningKey(number.to_bytes(32, "big"))
    receipts = AgeIdentity.generate()
    journal = Journal()
    officials = _people(journal, number, people)
    _meetings(journal, rng, officials, lines)
    code, cell_id = f"CB-{number:04d}", str(uuid.uuid4())
    journal.add("sync_enrolment", str(uuid.uuid4()), "insert", {
        "upper_id": upper_id, "upper_name": "Đảng ủy bench", "upper_recipient": recipient,
        "upper_signing_key": key.public.text, "cell_key_id": key.public.key_id_hex,
        "cell_public_key": key.public.text, "cell_recipient": receipts.recipient,
        "acked_seq": 0, "acked_hash": GENESIS, "acked_at": None,
    })  # fmt: skip
    manifest = bundle.new_manifest(
        cell_id=cell_id, cell_code=code, cell_name=f"Chi bộ số {number}", key=key.public,
        cell_recipient=receipts.recipient, upper_id=upper_id, entries=journal.entries,
        check={"ok": True}, schema=7, program="bench", created_at=now_utc(),
    )  # fmt: skip
    name, sealed = bundle.seal_bundle(manifest, journal.entries, key=key, recipient=recipient)
    return code, cell_fingerprint(key.public, receipts.recipient), name, sealed


def build(cells: int, people: int, lines: int, root: Path = DATA) -> Path:
    """<root>/upper-<cells>-<people>-<lines>/: the workspace (cells enrolled) and one bundle
    per cell."""
    from desktop_app.services import upper_workspace as ws  # the services only where needed

    folder = root / f"upper-{cells}-{people}-{lines}"
    if (folder / "index.json").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "goi").mkdir(parents=True)
    start = time.perf_counter()
    reg, _ = ws.create_workspace(folder / "cap-tren.sochibo", PASSPHRASE, "Đảng ủy bench")
    keys = ws.upper_keys(reg)
    index = []
    for number in range(1, cells + 1):
        code, fingerprint, name, sealed = make_cell(
            number, people, lines, keys.upper_id, keys.recipient
        )
        ws.enrol_cell(reg, code, folder / "goi" / "ghidanh.tmp")
        envelope.write_pair(folder / "goi", name, sealed)
        index.append({"code": code, "file": name, "fingerprint": fingerprint})
    reg.close()
    (folder / "goi" / "ghidanh.tmp").unlink(missing_ok=True)
    (folder / "index.json").write_text(json.dumps(index, indent=1))
    print(f"{folder}: {cells} bundles made in {time.perf_counter() - start:.1f} s")
    return folder


# -- measuring (each in its own process) ---------------------------------------------------------


def _workspace_copy(folder: Path, work: Path) -> Register:
    target = work / "cap-tren.sochibo"
    shutil.copy2(folder / "cap-tren.sochibo", target)
    shutil.copy2(key_path(folder / "cap-tren.sochibo"), key_path(target))
    return Register.open(target, PASSPHRASE)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_import(folder: Path, after: Callable[[Register], dict] | None = None) -> dict:
    """The import, timed; ``after`` (if given) measures more on the imported workspace."""
    from desktop_app.services import backups, upper_import

    index = json.loads((folder / "index.json").read_text())
    with tempfile.TemporaryDirectory() as work:
        reg = _workspace_copy(folder, Path(work))
        start_rss = _peak_mb()
        start, cpu = time.perf_counter(), time.process_time()
        backups.backup_before(reg, upper_import.BACKUP_REASON)
        entries = people = 0
        each = []
        for cell in index:
            began = time.perf_counter()
            done = upper_import.apply_bundle(
                reg, folder / "goi" / cell["file"], confirm_fingerprint=cell["fingerprint"]
            )
            each.append(time.perf_counter() - began)
            assert done.status == "applied", done.message
            entries += done.summary.entries
            people += len(done.summary.people_added)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = reg.path.stat().st_size
        peak = _peak_mb()
        extra = {"after": after(reg)} if after else {}
        reg.close()
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 1),  # this process's own: the rest is waiting (fsync, load)
        "entries": entries,
        "people": people,
        "entries_per_second": round(entries / seconds),
        "first_tenth_ms_per_bundle": round(1000 * _mean(each[: max(1, len(each) // 10)])),
        "last_tenth_ms_per_bundle": round(1000 * _mean(each[-max(1, len(each) // 10) :])),
        "peak_rss_mb": round(peak, 1),
        "rss_before_mb": round(start_rss, 1),
        "workspace_mb": round(size / 1e6, 1),
        **extra,
    }


_FLOOR_TABLES = ("upper_entry", "upper_person", "upper_event", "upper_meeting",
                 "upper_attendance", "upper_record")  # fmt: skip
_FLOOR_INDEXES = (
    "CREATE UNIQUE INDEX f1 ON floor_upper_entry (cell_id, seq)",
    "CREATE INDEX f2 ON floor_upper_entry (cell_id, entity_id, version)",
    "CREATE UNIQUE INDEX f3 ON floor_upper_person (cell_id, id)",
    "CREATE INDEX f4 ON floor_upper_person (id)",
    "CREATE UNIQUE INDEX f5 ON floor_upper_event (cell_id, id)",
    "CREATE INDEX f6 ON floor_upper_event (cell_id, person_id)",
    "CREATE UNIQUE INDEX f7 ON floor_upper_meeting (cell_id, id)",
    "CREATE UNIQUE INDEX f8 ON floor_upper_attendance (cell_id, id)",
    "CREATE UNIQUE INDEX f9 ON floor_upper_record (cell_id, entity, id)",
)


def _floor_rows(path: Path, identity, key) -> tuple[list[tuple], dict]:
    """The rows the import writes for one bundle, as plain tuples (not timed)."""
    from desktop_app.store import upper_replica
    from desktop_app.sync import replica

    found = bundle.read_bundle_file(path, pinned=key, identity=identity)
    cell_id = found.manifest.cell_id
    entries = [
        (cell_id, e.seq, e.entity, e.entity_id, e.op,
         json.dumps(e.changes, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
         e.base_version, e.version, e.author, e.at, e.prev_hash, e.hash, "import", 0)
        for e in found.entries
    ]  # fmt: skip
    records: dict[str, list[tuple]] = {}
    for r in replica.fold(found.entries, {}).values():
        spec = upper_replica.TABLE_COLUMNS.get(r.entity)
        common = (cell_id, r.id, r.version, int(r.deleted), r.created_at, r.updated_at)
        data = json.dumps(r.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        table = upper_replica.TABLE_OF.get(r.entity, upper_replica.OTHER)
        row = (*common, *spec[1](r.data), data) if spec else (*common, r.entity, data)
        records.setdefault(table, []).append(row)
    return entries, records


def measure_floor(folder: Path) -> dict:
    from desktop_app.services import upper_workspace as ws
    from desktop_app.sync.crypto import PublicKey

    index = json.loads((folder / "index.json").read_text())
    with tempfile.TemporaryDirectory() as work:
        reg = _workspace_copy(folder, Path(work))
        keys = ws.upper_keys(reg)
        db = reg.db
        for table in _FLOOR_TABLES:
            db.execute_sql(f"CREATE TABLE floor_{table} AS SELECT * FROM {table} WHERE 0")
        for statement in _FLOOR_INDEXES:
            db.execute_sql(statement)
        columns = {t: len(db.get_columns(t)) for t in _FLOOR_TABLES}
        seconds = cpu = 0.0
        for cell in index:
            path = folder / "goi" / cell["file"]
            sig = crypto.parse_signature(envelope.signature_path(path).read_bytes())
            signer = PublicKey.parse(str(envelope.facts_of(sig)["cell_key"]))
            entries, records = _floor_rows(path, keys.identity, signer)
            start, started_cpu = time.perf_counter(), time.process_time()
            with reg.atomic():
                cursor = db.cursor()
                marks = ", ".join("?" * columns["upper_entry"])
                cursor.executemany(
                    f"INSERT INTO floor_upper_entry VALUES ({marks})",
                    entries,
                )
                for table, rows in records.items():
                    marks = ", ".join("?" * len(rows[0]))
                    names = ", ".join(c.name for c in db.get_columns(table))
                    cursor.executemany(
                        f"INSERT INTO floor_{table} ({names}) VALUES ({marks})", rows
                    )
            seconds += time.perf_counter() - start
            cpu += time.process_time() - started_cpu
        reg.close()
    return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 1),
            "peak_rss_mb": round(_peak_mb(), 1)}  # fmt: skip


def _in_process(what: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_upper", "--measure", what, "--folder", str(folder)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=500)
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--attendance", type=int, default=1000)
    parser.add_argument("--measure", choices=("import", "floor"))
    parser.add_argument("--folder")
    args = parser.parse_args()
    if args.measure:
        run = measure_import if args.measure == "import" else measure_floor
        print(json.dumps(run(Path(args.folder))))
        return
    folder = build(args.cells, args.people, args.attendance)
    result = {
        "cells": args.cells,
        "people_per_cell": args.people,
        "attendance_per_cell": args.attendance,
        "import": _in_process("import", folder),
        "floor": _in_process("floor", folder),
    }
    imported, floor = result["import"], result["floor"]
    print(f"{args.cells} bundles, {imported['entries']} entries, {imported['people']} people")
    print(f"import {imported['seconds']} s (cpu {imported['cpu_seconds']} s), peak "
          f"{imported['peak_rss_mb']} MB; floor {floor['seconds']} s "
          f"(cpu {floor['cpu_seconds']} s)")  # fmt: skip
    print(save(f"upper-{args.cells}", result))


if __name__ == "__main__":
    main()
