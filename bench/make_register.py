"""Build a large cell register through the real services: ``python -m bench.make_register``.

Writes bench/data/cell-<N>.sochibo (passphrase in bench/common.py). People come from the demo
generator; everything goes through add_person/record_event, so validation and the journal are
exercised as in real use (in one outer transaction, as an import would).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from bench.common import DATA, PASSPHRASE
from desktop_app.domain.demo_data import generate_demo_cell
from desktop_app.domain.errors import DuplicateError
from desktop_app.services import cell as cell_service
from desktop_app.services import members
from desktop_app.store.database import Register, key_path

TODAY = dt.date(2026, 11, 22)


def fill(reg: Register, people: int) -> None:
    demo = generate_demo_cell(
        seed=people, today=TODAY, members=int(people * 0.95), candidates=people - int(people * 0.95)
    )
    cell_service.create_cell(reg, demo.cell)
    with reg.atomic():
        for person in demo.people:
            try:
                view = members.add_person(reg, person.fields, allow_duplicate=True, today=TODAY)
            except DuplicateError:  # a random ID number met twice: keep the person without it
                view = members.add_person(
                    reg, {**person.fields, "id_number": ""}, allow_duplicate=True, today=TODAY
                )
            for ev in person.events:
                members.record_event(
                    reg,
                    view.id,
                    ev.kind,
                    dt.date.fromisoformat(ev.date),
                    reason=ev.reason,
                    reference=ev.reference,
                    place=ev.place,
                    today=TODAY,
                )


def build(people: int, force: bool = False) -> Path:
    path = DATA / f"cell-{people}.sochibo"
    if path.exists() and not force:
        return path
    path.unlink(missing_ok=True)
    key_path(path).unlink(missing_ok=True)
    start = time.perf_counter()
    reg, _ = Register.create(path, PASSPHRASE, initialise=lambda r: fill(r, people))
    reg.close()
    print(f"{path}: {people} people in {time.perf_counter() - start:.1f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    build(args.people, args.force)


if __name__ == "__main__":
    main()
