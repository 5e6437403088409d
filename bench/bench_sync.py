"""The bundle export of a 300-member cell with five years of history (2021-2025: the members
with their events, and every year's 12 regular, 4 thematic and 2 study meetings with their roll
calls), the whole journal in one first bundle. ``python -m bench.bench_sync``.

Measured: ``sync_cell.export_bundle`` end to end (the full register check, the journal read,
the content written and validated, age encryption, the minisign signature, both files written,
flushed, renamed, read back and verified), its parts, and the upper level's read of the same
bundle (``bundle.read_bundle_file``: signature, decryption, every line validated).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.bench_attendance import REASONS, STUDY, THEMATIC
from bench.common import DATA, PASSPHRASE, save, timed
from bench.make_register import fill as fill_people
from desktop_app.domain.attendance import group_on
from desktop_app.services import cell as cell_service
from desktop_app.services import checks, meetings, rolls, sync_cell
from desktop_app.services.meetings import Entry
from desktop_app.store import sync_state
from desktop_app.store.database import Register, key_path
from desktop_app.sync import bundle
from desktop_app.sync.crypto import PublicKey
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

TODAY = dt.date(2026, 11, 22)
YEARS = range(2021, 2026)


def _weekday(year: int, month: int, day: int) -> dt.date:
    on = dt.date(year, month, day)
    while on.weekday() >= 5:
        on += dt.timedelta(days=1)
    return on


def _schedule(year: int) -> list[tuple[str, dt.date, str]]:
    out = [("regular", _weekday(year, m, 6), f"Sinh hoạt chi bộ thường kỳ tháng {m}/{year}")
           for m in range(1, 13)]  # fmt: skip
    out += [("thematic", _weekday(year, m, 20), f"Sinh hoạt chuyên đề quý {m // 3}/{year}")
            for m in THEMATIC]  # fmt: skip
    out += [("study", _weekday(year, m, 13), "Học tập, quán triệt nghị quyết") for m in STUDY]
    return out


def _entries(expected: list[str], rng: random.Random) -> list[Entry]:
    lines = []
    for pid in expected:
        roll = rng.random()
        if roll < 0.04:
            lines.append(Entry("late", pid))
        elif roll < 0.08:
            lines.append(Entry("excused", pid, reason=rng.choice(REASONS)))
        elif roll < 0.10:
            lines.append(Entry("absent", pid))
    return lines


def fill_history(reg: Register, seed: int = 2021) -> None:
    rng = random.Random(seed)
    presences = rolls.all_presences()
    for year in YEARS:
        for kind, on, topic in _schedule(year):
            view = meetings.add_meeting(
                reg, {"kind": kind, "date": on, "topic": topic}, today=TODAY
            )
            expected = [p.person_id for p in presences if group_on(p, on) == "member"]
            meetings.record_rollcall(reg, view.id, _entries(expected, rng), today=TODAY)


def build(members: int = 300, force: bool = False) -> Path:
    """bench/data/sync-<N>.sochibo: ``members`` members and five years of meetings."""
    path = DATA / f"sync-{members}.sochibo"
    if force or not path.exists():
        path.unlink(missing_ok=True)
        key_path(path).unlink(missing_ok=True)
        start = time.perf_counter()

        def initialise(reg: Register) -> None:
            fill_people(reg, round(members * 1.27))  # some left or joined late: ~members rows
            with reg.atomic():
                fill_history(reg)

        reg, _ = Register.create(path, PASSPHRASE, initialise=initialise)
        reg.close()
        print(f"{path}: built in {time.perf_counter() - start:.1f} s")
    return path


def _copy(path: Path, work: Path) -> Path:
    """A copy to enrol, so the cached register stays as built."""
    target = work / path.name
    shutil.copy2(path, target)
    shutil.copy2(key_path(path), key_path(target))
    return target


def run(members: int = 300) -> dict:
    source = build(members)
    upper = UpperKeys.generate("Đảng ủy phường Quy Nhơn Nam")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        reg = Register.open(_copy(source, work), PASSPHRASE)
        try:
            code = cell_service.get_cell(reg).code
            sync_cell.enrol(reg, write_enrolment(upper.enrolment_for(code), work / "e.json"))
            usb = work / "usb"
            usb.mkdir()
            done = sync_cell.export_bundle(reg, usb)
            pinned = PublicKey.parse(sync_cell.status(reg).cell_public_key)
            result = {
                "members": members,
                "years": f"{YEARS[0]}-{YEARS[-1]}",
                "entries": done.entries,
                "bundle_bytes": done.size,
                "entities": bundle.read_bundle_file(
                    done.path, pinned=pinned, identity=upper.identity
                ).manifest.counts["entities"],
                "export": timed(lambda: sync_cell.export_bundle(reg, usb), repeat=5, warmup=1),
                "part_check_register": timed(lambda: checks.check_register(reg), 5, 1),
                "part_read_journal": timed(lambda: sync_state.entries_after(0), 5, 1),
                "upper_read_bundle": timed(
                    lambda: bundle.read_bundle_file(
                        done.path, pinned=pinned, identity=upper.identity
                    ),
                    repeat=5,
                    warmup=1,
                ),
            }
        finally:
            reg.close()
    return result


KEYS = ("export", "part_check_register", "part_read_journal", "upper_read_bundle")


def main() -> None:
    result = run()
    for key in KEYS:
        median, worst = result[key]["median_ms"], result[key]["max_ms"]
        print(f"{key:24} median {median:8.1f} ms  max {worst:8.1f}")
    print(f"{result['entries']} journal entries, bundle {result['bundle_bytes'] / 1e6:.2f} MB")
    print(save("sync", result))


if __name__ == "__main__":
    main()
