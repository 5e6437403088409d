"""The demo upper level: a workspace and the registers of two demo cells in one folder, the cells
enrolled, their first bundles exported and received, so the upper level's window opens on real
data (and the CLI's ``sochibo upper demo``).

Made through the services a cell secretary and an upper-level officer use: ``registers.create_demo``
for the first cell (about 45 people, meetings and candidates), a smaller residential cell for the
second, a third cell enrolled that has sent nothing yet, the two bundles received with the
fingerprint confirmed (as after the phone call), this year's admission quotas, and one later
bundle of the first cell left on the "stick" to receive from the window. Every register here
opens with ``paths.DEMO_PASSPHRASE``, like the cell's demo register.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app import paths
from desktop_app.domain.demo_data import generate_demo_cell
from desktop_app.services import members, registers, sync_cell, upper_import, upper_workspace
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import RegisterExists
from desktop_app.store.keys import KdfParams

FOLDER = "cap-tren-mau"
WORKSPACE_FILE = "cap-tren-mau.sochibo"
STICK = "usb"
UPPER_NAME = "Đảng ủy phường Quy Nhơn Nam"
SMALL_CELL = {
    "name": "Chi bộ Khu phố 3",
    "code": "CB-KP3",
    "upper_level": UPPER_NAME,
    "address": "Nhà văn hóa Khu phố 3, phường Quy Nhơn Nam, tỉnh Gia Lai",
}
SMALL_SEED = 2020  # a residential cell (the first demo cell is a school's)
SMALL_MEMBERS, SMALL_CANDIDATES = 12, 2
SILENT_CELL = ("CB-THCS-LL", "Chi bộ Trường THCS Lê Lợi")  # enrolled, has sent nothing yet
QUOTAS = {"CB-THPT-NT": 3, "CB-KP3": 1}
LATER_CHANGE = ("CB-THPT-NT",)  # this cell's later bundle waits on the stick
LATER_PHONE = "0905123456"


def default_folder() -> Path:
    return paths.data_dir() / FOLDER


def workspace_path(folder: Path | None = None) -> Path:
    return Path(folder or default_folder()) / WORKSPACE_FILE


@dataclass
class DemoUpper:
    """The demo upper level as made; ``register`` is the workspace, open."""

    register: Register
    workspace: Path
    cells: dict[str, Path] = field(default_factory=dict)  # code → the cell's register
    stick: Path | None = None  # the folder that plays the USB stick
    waiting: Path | None = None  # a bundle on the stick not received yet

    def to_json(self) -> dict[str, object]:
        return {
            "workspace": str(self.workspace),
            "cells": {code: str(path) for code, path in self.cells.items()},
            "stick": str(self.stick),
            "waiting": str(self.waiting),
            "passphrase": paths.DEMO_PASSPHRASE,
        }


def create_demo_upper(
    folder: Path | None = None, *, kdf: KdfParams | None = None, today: dt.date | None = None
) -> DemoUpper:
    """Make the demo upper level in ``folder`` (default: ``cap-tren-mau`` in the data folder).
    Refuses a folder that already holds one; a failure removes what it made."""
    folder = Path(folder or default_folder())
    target = workspace_path(folder)
    if target.exists() or key_path(target).exists():
        raise RegisterExists(f"Đã có sổ làm việc mẫu tại «{target}». Hãy mở sổ đó.")
    made_folder = not folder.exists()
    stick = folder / STICK
    try:
        stick.mkdir(parents=True, exist_ok=True)
        upper, _key = upper_workspace.create_workspace(
            target, paths.DEMO_PASSPHRASE, UPPER_NAME, kdf=kdf
        )
    except BaseException:
        _clean(folder, made_folder, [])
        raise
    demo = DemoUpper(upper, target, stick=stick)
    try:
        _fill(demo, folder, kdf, today or dt.date.today())
    except BaseException:
        upper.close()
        _clean(folder, made_folder, [target, *demo.cells.values()])
        raise
    return demo


def _fill(demo: DemoUpper, folder: Path, kdf: KdfParams | None, today: dt.date) -> None:
    first = generate_demo_cell(today=today)  # what registers.create_demo makes
    waiting = _report(demo, first.cell, today, lambda: _big_cell(folder, kdf, today))
    small = generate_demo_cell(
        seed=SMALL_SEED, today=today, members=SMALL_MEMBERS, candidates=SMALL_CANDIDATES
    )
    cell = {**SMALL_CELL, "secretary": small.cell["secretary"]}
    _report(demo, cell, today, lambda: _small_cell(folder, kdf, today, cell, small.people))
    code, name = SILENT_CELL
    upper_workspace.enrol_cell(demo.register, code, demo.stick, name=name)
    for code, count in QUOTAS.items():
        upper_workspace.set_quota(demo.register, code, today.year, count, today=today)
    demo.waiting = waiting


def _big_cell(folder: Path, kdf: KdfParams | None, today: dt.date) -> Register:
    path = folder / "chi-bo-truong-nguyen-tran.sochibo"
    return registers.create_demo(path, kdf=kdf, today=today)[0]


def _small_cell(
    folder: Path, kdf: KdfParams | None, today: dt.date, cell: dict[str, str], people
) -> Register:
    path = folder / "chi-bo-khu-pho-3.sochibo"
    reg, _ = registers.create_register(path, paths.DEMO_PASSPHRASE, cell, kdf=kdf)
    with reg.atomic():
        for person in people:
            view = members.add_person(reg, person.fields, today=today)
            for ev in person.events:
                members.record_event(
                    reg, view.id, ev.kind, dt.date.fromisoformat(ev.date), reason=ev.reason,
                    reference=ev.reference, place=ev.place, today=today,
                )  # fmt: skip
    return reg


def _report(
    demo: DemoUpper, cell: dict[str, str], today: dt.date, make: Callable[[], Register]
) -> Path | None:
    """Enrol the cell, make its register (the models follow it while it is open), import the
    enrolment file, export the first bundle to the stick, and receive it with the fingerprint
    confirmed (read over the phone, in real life). The school's cell then changes a member's
    phone number and exports again: that bundle waits on the stick (returned)."""
    enrolment = upper_workspace.enrol_cell(demo.register, cell["code"], demo.stick,
                                           name=cell["name"]).path  # fmt: skip
    reg = make()
    demo.cells[cell["code"]] = reg.path
    later = None
    try:
        sync_cell.enrol(reg, enrolment)
        first = sync_cell.export_bundle(reg, demo.stick)
        if cell["code"] in LATER_CHANGE:
            person = next(p for p in members.list_people(reg) if p.status == "official")
            members.update_person(reg, person.id, {"phone": LATER_PHONE}, today=today)
            later = sync_cell.export_bundle(reg, demo.stick).path
    finally:
        reg.close()  # the models go back to the workspace
    done = upper_import.apply_bundle(
        demo.register, first.path, confirm_fingerprint=first.cell_fingerprint, today=today
    )
    if done.status != "applied":
        raise RuntimeError(f"the demo bundle was not received: {done.message}")
    return later


def _clean(folder: Path, made_folder: bool, registers_made: list[Path]) -> None:
    """Remove what a failed run made: the whole folder if it made it, else its registers."""
    if made_folder:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for path in registers_made:
        for leftover in (path, key_path(path)):
            leftover.unlink(missing_ok=True)


def is_demo(path: Path) -> bool:
    """The demo upper level's workspace in the data folder (the window marks it)."""
    return Path(path).resolve() == workspace_path().resolve()
