"""The crash loop: a writer is killed (SIGKILL) at random moments, over and over, while it
writes to one register through the services; after every kill the register opens and holds
exactly what the writer said it had committed (plus, at most, the one write it was in the middle
of, whole or not at all), and the full check (integrity, foreign keys, journal chain, replay)
passes every few kills and at the end.

Writers are forked from a multiprocessing "forkserver" that has already imported the program
(a freshly spawned Python needs about half a second to import it; a fork takes milliseconds),
so hundreds of kills fit in a few seconds. Kill delays come from a seeded RNG.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import select
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop_app.services import checks, registers
from desktop_app.store import journal
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.store.models import Journal, Person, PersonEvent
from tests.conftest import CELL, PASSPHRASE
from tests.robustness import crash_child

KILLS = 220
SEED = 20261122
MAX_DELAY = 0.06  # seconds; a writer opens the register in ~15 ms and writes one in ~3 ms
FROM_OPEN = 0.8  # share of kills timed from the open rather than from the start
FULL_CHECK_EVERY = 20
ENTRIES = {"add": 1, "update": 1, "event": 2}  # journal entries each write appends

if not hasattr(signal, "SIGKILL"):  # pragma: no cover (Windows)
    pytest.skip("SIGKILL is POSIX only", allow_module_level=True)


@dataclass
class Expected:
    """What the register must hold: every person by ID number and the journal head."""

    people: dict[str, dict[str, object]] = field(default_factory=dict)  # id_number → fields
    ids: dict[str, str] = field(default_factory=dict)  # person id → id_number
    seq: int = 0
    head: str = journal.GENESIS
    committed: int = 0
    in_flight_landed: int = 0
    in_flight_lost: int = 0

    def apply(self, done: dict[str, object]) -> None:
        person_id = str(done["id"])
        if done["done"] == "add":
            number = str(done["id_number"])
            self.ids[person_id] = number
            self.people[number] = {
                "id": person_id, "full_name": done["full_name"], "phone": done["phone"],
                "exempted": False, "events": 0,
            }  # fmt: skip
        elif done["done"] == "update":
            self.people[self.ids[person_id]]["phone"] = done["phone"]
        else:
            person = self.people[self.ids[person_id]]
            person["exempted"] = done["kind"] == "exemption"
            person["events"] = int(person["events"]) + 1  # type: ignore[call-overload]
        if "head" in done:
            self.seq, self.head = done["head"]  # type: ignore[misc]
            self.committed += 1


def _forkserver():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["tests.robustness.crash_child", "desktop_app.services.members"])
    return ctx


def _one_life(
    ctx, path: Path, rng: random.Random, life: int
) -> tuple[list[dict], int | None, float | None]:
    """Start a writer and kill it after a random delay (most often counted from the moment it
    has the register open, so a slow machine still kills writers at work; otherwise from its
    start, which can land in the open itself). Its report lines, exit code and start-up time."""
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=crash_child.run,
        args=(str(path), PASSPHRASE, rng.randrange(2**32), life * crash_child.WRITES_PER_LIFE,
              writer),
    )  # fmt: skip
    started = time.monotonic()
    child.start()
    writer.close()
    head = _first_line(reader.fileno()) if rng.random() < FROM_OPEN else b""
    time.sleep(rng.uniform(0, MAX_DELAY))
    child.kill()
    child.join(10)
    data = head + _read_all(reader.fileno())
    reader.close()
    lines = [json.loads(line) for line in data.decode("utf-8").split("\n")[:-1]]  # whole lines
    opened = next((line["opened"] - started for line in lines if "opened" in line), None)
    return lines, child.exitcode, opened


def _first_line(fd: int) -> bytes:
    """Wait (at most 10 s) for the writer's first line: the register is open."""
    data = b""
    while b"\n" not in data and select.select([fd], [], [], 10)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data


def _read_all(fd: int) -> bytes:
    """The writer's stdout up to end of file (it is dead: every copy of the pipe is closed)."""
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _state(reg) -> dict[str, dict[str, object]]:
    counts: dict[str, int] = {}
    for event in PersonEvent.select(PersonEvent.person).where(~PersonEvent.deleted):
        counts[event.person_id] = counts.get(event.person_id, 0) + 1
    return {
        p.id_number: {"id": p.id, "full_name": p.full_name, "phone": p.phone,
                      "exempted": bool(p.exempted), "events": counts.get(p.id, 0)}
        for p in Person.select()
    }  # fmt: skip


def _settle_in_flight(expected: Expected, intent: dict | None, found: dict) -> None:
    """The write the writer was in when killed: in the register whole, or not at all."""
    if intent is None:
        return
    op = intent["intent"]
    if op == "add":
        landed = intent["id_number"] in found
        if landed:
            person = found[intent["id_number"]]
            expected.apply({"done": "add", **intent, "id": person["id"]})
    elif op == "update":
        number = expected.ids[intent["id"]]
        landed = found[number]["phone"] == intent["phone"]
        if landed:
            expected.apply({"done": "update", **intent})
    else:
        number = expected.ids[intent["id"]]
        landed = found[number]["events"] == expected.people[number]["events"] + 1  # type: ignore[operator]
        if landed:
            expected.apply({"done": "event", **intent})
    if landed:
        expected.in_flight_landed += 1
        expected.seq += ENTRIES[op]
    else:
        expected.in_flight_lost += 1


def _verify(path: Path, expected: Expected, lines: list[dict], full: bool) -> None:
    intent = None
    for line in lines:
        assert "error" not in line, line["error"]
        if "intent" in line:
            intent = line
        elif "done" in line:
            expected.apply(line)
            intent = None
    reported_seq, reported_head = expected.seq, expected.head
    with registers.open_register(path, PASSPHRASE) as reg:  # quick check at every open
        found = _state(reg)
        _settle_in_flight(expected, intent, found)
        assert found == expected.people
        assert journal.head()[0] == expected.seq
        if reported_seq:
            kept = Journal.get(Journal.seq == reported_seq).hash
            assert kept == reported_head, "a committed journal entry changed after the kill"
        expected.head = journal.head()[1]
        if full:
            report = checks.check_register(reg)
            assert report.ok, report.to_json()


@pytest.mark.slow
def test_killed_writers_never_lose_a_commit_nor_leave_half_a_write(tmp_path):
    path = tmp_path / "so.sochibo"
    reg, _ = registers.create_register(path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
    reg.close()
    ctx, rng, expected = _forkserver(), random.Random(SEED), Expected()
    with registers.open_register(path, PASSPHRASE):
        expected.seq, expected.head = journal.head()  # the cell's own entry
    started, killed_writing, startups = time.monotonic(), 0, []
    for life in range(KILLS):
        lines, code, opened = _one_life(ctx, path, rng, life)
        if opened is not None:
            startups.append(opened)
        assert code == -signal.SIGKILL, (code, lines)
        killed_writing += any("intent" in line for line in lines)
        _verify(path, expected, lines, full=(life + 1) % FULL_CHECK_EVERY == 0)
    _verify(path, expected, [], full=True)
    elapsed = time.monotonic() - started
    startups.sort()
    print(f"{KILLS} kills in {elapsed:.1f} s; a writer had the register open "
          f"{1000 * startups[len(startups) // 2]:.0f} ms after its start (median); "
          f"{expected.committed} writes reported, "
          f"in flight at the kill: {expected.in_flight_landed} landed whole, "
          f"{expected.in_flight_lost} left no trace")  # fmt: skip
    # the loop must really kill writers in the middle of their work, not before they start
    assert killed_writing >= KILLS // 2
    assert expected.in_flight_landed + expected.in_flight_lost >= KILLS // 2
    assert expected.committed >= KILLS
