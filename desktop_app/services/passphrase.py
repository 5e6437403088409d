"""The register's secrets: change the passphrase, recover with the recovery key and set a new
passphrase, make a new recovery key, and the printed recovery sheet.

Only the key file beside the register changes: the data key that encrypts the register is
rewrapped, never replaced, so the register's data are not rewritten. One journal entry records
each change, with no secret in it (the ``register_key`` entity, journal-only: see
``store.journal.JOURNAL_ONLY``); the entry's time and author say when and on which device.

The key file is replaced atomically. The previous one is first copied beside it as
``NAME.sochibo.keys.bak-YYYYmmdd-HHMMSS`` and is removed only once the new file, read back from
the disk, has been proven to unwrap the very data key the open register uses; if anything fails
before that, it is put back. If the program dies in between, the copy stays beside the register
and still opens it with the previous secret.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import shutil
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop_app.domain.passphrase_advice import MIN_LENGTH, Advice, rate_passphrase
from desktop_app.forms import recovery_sheet
from desktop_app.services import backups
from desktop_app.services import cell as cell_service
from desktop_app.services.views import CellView
from desktop_app.store import journal, upper
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import KeyFileError, WrongRecoveryKey, WrongSecret
from desktop_app.store.keys import KeyFile, fsync_dir

ENTITY = "register_key"  # journal-only: what changed, never the secret
BACKUP_REASON = "doi-mat-khau"
CHANGE = "Đổi mật khẩu"
RECOVER = "Mở sổ bằng khóa khôi phục"
NEW_KEY = "Tạo khóa khôi phục mới"
LABELS = {
    "old": "Mật khẩu hiện tại",
    "new": "Mật khẩu mới",
    "confirm": "Nhập lại mật khẩu mới",
    "passphrase": "Mật khẩu",
    "recovery_key": "Khóa khôi phục",
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _problem(field: str, message: str) -> Problem:
    return Problem(field, LABELS[field], message)


# -- advice --------------------------------------------------------------------------------------


def _cell_words(reg: Register | None) -> tuple[str, str]:
    if reg is None:
        return "", ""
    try:
        cell = cell_service.get_cell(reg)
    except NotFoundError:
        return "", ""
    return cell.name, cell.code


def advise(reg: Register | None, passphrase: str) -> Advice:
    """The strength advice for a passphrase of this register (its cell's name and code are
    among the things guessed first)."""
    return rate_passphrase(passphrase, *_cell_words(reg))


def _new_problems(
    new: str, confirm: str, advice: Advice | None, old: str | None = None
) -> list[Problem]:
    problems = []
    if advice is not None and not advice.acceptable:
        problems.append(_problem("new", advice.refusal))
    elif advice is None and len(_nfc(new)) < MIN_LENGTH:
        problems.append(_problem("new", f"cần ít nhất {MIN_LENGTH} ký tự"))
    if old is not None and new and _nfc(new) == _nfc(old):
        problems.append(_problem("new", "trùng với mật khẩu hiện tại; hãy chọn mật khẩu khác"))
    if _nfc(confirm) != _nfc(new):
        problems.append(_problem("confirm", "không khớp với mật khẩu mới"))
    return problems


def check_new_passphrase(
    reg: Register | None, new: str, confirm: str, old: str | None = None
) -> Advice:
    """Refuse (ValidationError) a new passphrase that is weak, the old one, or not confirmed;
    otherwise return its advice (a fair one is accepted, its advice still worth showing)."""
    advice = advise(reg, new)
    problems = _new_problems(new, confirm, advice, old)
    if problems:
        raise ValidationError(CHANGE, problems)
    return advice


# -- the key file ----------------------------------------------------------------------------------


def _disk_keys(reg: Register) -> KeyFile:
    keys = KeyFile.load(key_path(reg.path))
    if keys.register_id != reg.register_id:
        raise KeyFileError(f"Tệp khóa bên cạnh sổ «{reg.path.name}» không thuộc sổ này.")
    return keys


def backup_path(keys: Path, now: dt.datetime) -> Path:
    """``NAME.sochibo.keys.bak-20261122-093000`` (-2, -3… within the same second)."""
    base = keys.with_name(f"{keys.name}.bak-{now:%Y%m%d-%H%M%S}")
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    return target


def _copy_durably(source: Path, target: Path) -> None:
    shutil.copy2(source, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    fsync_dir(target.parent)


def _replace_keys(
    reg: Register,
    change: Callable[[KeyFile], None],
    prove: Callable[[KeyFile], bytes],
    changes: dict[str, object],
    now: dt.datetime | None,
) -> None:
    """Write the changed key file in place of the old one, in the transaction of its journal
    entry; keep the old one beside it until the new one, read back, unwraps the data key."""
    path = key_path(reg.path)
    keys = dataclasses.replace(_disk_keys(reg))
    change(keys)
    spare = backup_path(path, now or dt.datetime.now())
    _copy_durably(path, spare)
    try:
        with reg.atomic():
            journal.append(
                ENTITY, str(uuid.uuid4()), "update", changes, 0, 1, reg.author, journal.now_utc()
            )
            keys.save(path)
            if prove(KeyFile.load(path)) != reg.data_key:
                raise KeyFileError("Tệp khóa mới không mở được sổ; đã giữ nguyên tệp khóa cũ.")
    except BaseException:
        os.replace(spare, path)
        fsync_dir(path.parent)
        raise
    reg.key_file = keys
    with contextlib.suppress(OSError):  # done; a copy left behind is only like an old backup
        spare.unlink()
        fsync_dir(path.parent)


def _backup_first(reg: Register) -> None:
    """The automatic backup before a passphrase change."""
    backups.backup_before(reg, BACKUP_REASON)


# -- the three changes ------------------------------------------------------------------------


def change_passphrase(
    reg: Register, old: str, new: str, confirm: str, *, now: dt.datetime | None = None
) -> Advice:
    """Set a new passphrase after proving the current one; returns the new one's advice."""
    keys = _disk_keys(reg)
    problems: list[Problem] = []
    try:
        if keys.unlock(old) != reg.data_key:
            raise WrongSecret("")
    except WrongSecret:
        problems.append(_problem("old", "không đúng; sổ không bị thay đổi gì"))
    advice = advise(reg, new)
    problems += _new_problems(new, confirm, advice, None if problems else old)
    if problems:
        raise ValidationError(CHANGE, problems)
    _backup_first(reg)
    _replace_keys(
        reg,
        lambda k: k.rewrap_passphrase(reg.data_key, new),
        lambda k: k.unlock(new),
        {"secret": "passphrase", "unlocked_with": "passphrase"},
        now,
    )
    return advice


def reset_passphrase(
    reg: Register, recovery_key: str, new: str, confirm: str, *, now: dt.datetime | None = None
) -> Advice:
    """Set a new passphrase on a register opened with its recovery key (the key is checked
    again against the key file: holding the open register is not proof enough)."""
    keys = _disk_keys(reg)
    try:
        if keys.unlock_with_recovery(recovery_key) != reg.data_key:
            raise WrongRecoveryKey("Khóa khôi phục này không phải của sổ này.")
    except WrongRecoveryKey as exc:
        raise ValidationError(RECOVER, [_problem("recovery_key", str(exc))]) from None
    advice = check_new_passphrase(reg, new, confirm)
    with contextlib.suppress(DomainError):  # a register failing its checks stays reachable
        _backup_first(reg)
    _replace_keys(
        reg,
        lambda k: k.rewrap_passphrase(reg.data_key, new),
        lambda k: k.unlock(new),
        {"secret": "passphrase", "unlocked_with": "recovery_key"},
        now,
    )
    return advice


def recover(path: Path, recovery_key: str, new: str, confirm: str) -> Register:
    """Unlock a register with its recovery key, set a new passphrase and return it open."""
    early = _new_problems(new, confirm, None)
    if early:
        raise ValidationError(RECOVER, early)
    reg = Register.open(Path(path), recovery_key=recovery_key)
    try:
        reset_passphrase(reg, recovery_key, new, confirm)
    except BaseException:
        reg.close()
        raise
    return reg


def new_recovery_key(reg: Register, passphrase: str, *, now: dt.datetime | None = None) -> str:
    """Wrap the data key under a fresh recovery key, after proving the passphrase; the old
    recovery key stops opening the register. Returns the new key, for the caller to show once.
    (Backups made before keep their own key file: the old key still opens those.)"""
    keys = _disk_keys(reg)
    try:
        if keys.unlock(passphrase) != reg.data_key:
            raise WrongSecret("")
    except WrongSecret:
        raise ValidationError(
            NEW_KEY, [_problem("passphrase", "không đúng; khóa khôi phục cũ vẫn giữ nguyên")]
        ) from None
    made: list[str] = []
    _replace_keys(
        reg,
        lambda k: made.append(k.rewrap_recovery(reg.data_key)),
        lambda k: k.unlock_with_recovery(made[0]),
        {"secret": "recovery_key", "unlocked_with": "passphrase"},
        now,
    )
    return made[0]


# -- the recovery sheet --------------------------------------------------------------------------


def recovery_sheet_pdf(
    cell: CellView, register_path: Path, register_id: str, recovery_key: str, today: dt.date
) -> bytes:
    """The A4 sheet to print and keep apart from the computer."""
    return recovery_sheet.render(
        recovery_sheet.Sheet(
            cell_name=cell.name,
            cell_code=cell.code,
            register_file=Path(register_path).name,
            register_id=register_id,
            recovery_key=recovery_key,
            today=today,
        )
    )


def recovery_sheet_for(reg: Register, recovery_key: str, today: dt.date | None = None) -> bytes:
    """The sheet for the open register (the key is checked: a mistyped one is never printed)."""
    keys = _disk_keys(reg)
    if keys.unlock_with_recovery(recovery_key) != reg.data_key:
        raise WrongRecoveryKey("Khóa khôi phục này không phải của sổ này.")
    day = today or dt.date.today()
    if upper.register_kind() == upper.UPPER:  # an upper level's workspace
        sheet = recovery_sheet.Sheet(
            upper.workspace().name, "", reg.path.name, reg.register_id, recovery_key, day, True
        )
        return recovery_sheet.render(sheet)
    cell = cell_service.get_cell(reg)
    return recovery_sheet_pdf(cell, reg.path, reg.register_id, recovery_key, day)
