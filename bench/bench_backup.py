"""Backups at scale: ``python -m bench.bench_backup``.

For a 300-member cell with a year of meetings and for a 10,000-person register: the full check
that runs before every backup, the verified copy (backup API, reopen, quick check, the journal
chain on the copy), the whole ``create_backup``, and a test restore; beside the floor, a plain
file copy of the same bytes. Writes bench/results/backup.json.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench import bench_attendance, make_register
from bench.common import PASSPHRASE, RESULTS, machine
from desktop_app.services import backups, checks
from desktop_app.store import backup as store_backup
from desktop_app.store.database import Register


def _once(fn) -> float:
    start = time.perf_counter()
    fn()
    return round((time.perf_counter() - start) * 1000, 1)


def _median(fn, repeat: int = 5) -> float:
    runs = sorted(_once(fn) for _ in range(repeat))
    return runs[len(runs) // 2]


def measure(reg: Register, label: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["SOCHIBO_HOME"] = str(folder / "data")
        made: list[Path] = []

        def copy() -> None:
            target = folder / f"copy-{len(made)}.sochibo"
            store_backup.verified_copy(reg.db, reg.data_key, reg.key_file, target)
            made.append(target)

        def create() -> None:
            made.append(backups.create_backup(reg, "thu-cong", folder=folder / "usb").path)

        def floor() -> None:
            shutil.copyfile(reg.path, folder / "plain-copy")

        figures = {
            "file_mb": round(reg.path.stat().st_size / 1024 / 1024, 1),
            "full_check_ms": _median(lambda: checks.check_register(reg)),
            "verified_copy_ms": _median(copy),
            "create_backup_ms": _median(create),
            "plain_file_copy_ms": _median(floor),
        }
        figures["trial_restore_ms"] = _median(
            lambda: backups.trial_restore(made[-1], reg.data_key, reg.register_id)
        )
    print(label, figures)
    return figures


def run() -> dict:
    cell = bench_attendance.build(300)
    try:
        small = measure(cell, "300 members, a year of meetings")
    finally:
        cell.close()
    big = Register.open(make_register.build(10_000), PASSPHRASE)
    try:
        large = measure(big, "10,000 people")
    finally:
        big.close()
    result = {"machine": machine(), "cell_300": small, "people_10000": large}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "backup.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    run()
