"""The writer the crash loop kills: it opens the register, then writes through the services for
ever (add a person, change a phone number, record an exemption or its end; each its own
transaction), saying on its stdout what it is about to write and, once the commit has returned,
what it wrote and the journal head after it.

It runs in a process forked from a server that has already imported the program, so a new
writer starts in milliseconds (see test_crash_loop.py). One JSON object per line, each written
with a single write(2) to a pipe, so a line is never cut in the middle by the kill.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import time
import traceback
from pathlib import Path

from desktop_app.services import members, registers
from desktop_app.store import journal

TODAY = dt.date(2026, 11, 22)
WRITES_PER_LIFE = 200  # a writer that is not killed in time stops writing and waits
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Hồng")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Lan", "Mai", "Nam", "Thảo")
MEMBER = {"sex": "male", "birth_date": "1965", "membership": "official",
          "ceremony_date": "10/10/2000", "official_date": "10/10/2001"}  # fmt: skip
SYLLABLE = ("Anh", "Bảo", "Chi", "Duy", "Giang", "Hạnh", "Khoa", "Linh", "Phúc", "Uyên")


def name_of(n: int) -> str:
    """A distinct, valid Vietnamese name for every number below 100 000."""
    digits = [(n // 10**i) % 10 for i in range(5)]
    return " ".join(
        (FAMILY[digits[0]], MIDDLE[digits[1]], SYLLABLE[digits[3]], SYLLABLE[digits[4]],
         GIVEN[digits[2]])
    )  # fmt: skip


def id_number_of(n: int) -> str:
    return f"0791{n:08d}"


def phone_of(n: int) -> str:
    return f"09{n:08d}"


def say(doc: dict[str, object]) -> None:
    os.write(1, (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8"))


def run(path: str, passphrase: str, seed: int, first: int, out) -> None:
    """Entry point of one writer's life; ``out`` becomes its stdout."""
    os.dup2(out.fileno(), 1)
    out.close()
    try:
        _write_for_ever(Path(path), passphrase, random.Random(seed), first)
    except BaseException:
        say({"error": traceback.format_exc()})
        os._exit(3)


def _write_for_ever(path: Path, passphrase: str, rng: random.Random, first: int) -> None:
    reg = registers.open_register(path, passphrase)
    say({"opened": time.monotonic()})  # one clock for all processes (Linux)
    people = [p.id for p in members.list_people(reg)]
    for n in range(first, first + WRITES_PER_LIFE):
        op = "add" if len(people) < 3 else rng.choices(("add", "update", "event"), (2, 3, 3))[0]
        if op == "add":
            people.append(_add(reg, n))
        elif op == "update":
            _update(reg, rng.choice(people), n)
        else:
            _event(reg, rng.choice(people), n)
    while True:  # enough for one life: wait for the kill
        time.sleep(1)


def _head() -> list[object]:
    return list(journal.head())


def _add(reg, n: int) -> str:
    fields = {"full_name": name_of(n), "id_number": id_number_of(n), "phone": phone_of(n)}
    say({"intent": "add", **fields})
    view = members.add_person(reg, {**fields, **MEMBER}, today=TODAY)
    say({"done": "add", "id": view.id, **fields, "head": _head()})
    return view.id


def _update(reg, person_id: str, n: int) -> None:
    say({"intent": "update", "id": person_id, "phone": phone_of(n)})
    members.update_person(reg, person_id, {"phone": phone_of(n)}, today=TODAY)
    say({"done": "update", "id": person_id, "phone": phone_of(n), "head": _head()})


def _event(reg, person_id: str, n: int) -> None:
    exempted = members.get_person(reg, person_id).exempted
    kind = "exemption_end" if exempted else "exemption"
    on = dt.date(2024, 1, 1) + dt.timedelta(days=n % 600)
    say({"intent": "event", "id": person_id, "kind": kind})
    event = members.record_event(reg, person_id, kind, on, today=TODAY)
    say({"done": "event", "id": person_id, "kind": kind, "event": event.id, "head": _head()})
