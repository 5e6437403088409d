"""Creating and opening registers, including the demo register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app import paths
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.services import cell as cell_service
from desktop_app.store.database import Register
from desktop_app.store.keys import KdfParams

MIN_PASSPHRASE = 8


def check_passphrase(passphrase: str, confirm: str | None = None) -> None:
    problems = []
    if len(passphrase) < MIN_PASSPHRASE:
        problems.append(Problem("passphrase", "Mật khẩu", f"cần ít nhất {MIN_PASSPHRASE} ký tự"))
    if confirm is not None and confirm != passphrase:
        problems.append(Problem("confirm", "Nhập lại mật khẩu", "không khớp với mật khẩu"))
    if problems:
        raise ValidationError("Sổ mới", problems)


def create_register(
    path: Path, passphrase: str, cell: dict[str, object], *, kdf: KdfParams | None = None
) -> tuple[Register, str]:
    """A new register holding the cell; returns it open and the recovery key to show once."""
    check_passphrase(passphrase)
    cell_service.check_cell(cell)  # refuse before any file is made
    return Register.create(
        path, passphrase, kdf=kdf, initialise=lambda reg: cell_service.create_cell(reg, cell)
    )


def open_register(
    path: Path, passphrase: str | None = None, recovery_key: str | None = None
) -> Register:
    return Register.open(path, passphrase, recovery_key)


def create_demo(
    path: Path | None = None,
    *,
    kdf: KdfParams | None = None,
    today: dt.date | None = None,
    seed: int = 2026,
) -> tuple[Register, str]:
    """A realistic demo cell (about 40 members and a few candidates), written through the same
    validated services a secretary uses. Its passphrase is ``paths.DEMO_PASSPHRASE``."""
    from desktop_app.domain.demo_data import generate_demo_cell  # only needed here
    from desktop_app.services import demo_development, demo_meetings, members

    demo = generate_demo_cell(seed=seed, today=today)
    path = Path(path or paths.demo_register())

    def fill(reg: Register) -> None:
        cell_service.create_cell(reg, demo.cell)
        with reg.atomic():
            for person in demo.people:
                view = members.add_person(reg, person.fields, today=today)
                for ev in person.events:
                    members.record_event(
                        reg,
                        view.id,
                        ev.kind,
                        dt.date.fromisoformat(ev.date),
                        reason=ev.reason,
                        reference=ev.reference,
                        place=ev.place,
                        today=today,
                    )
            demo_development.fill(reg, today or dt.date.today())
            demo_meetings.fill(reg, today or dt.date.today())

    return Register.create(path, paths.DEMO_PASSPHRASE, kdf=kdf, initialise=fill)
