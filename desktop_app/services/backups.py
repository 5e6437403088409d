"""Backups of the register, and getting back to one.

Automatic backups live in the data folder, one folder per register (``backups/<register id>``);
which to keep is the pure rule in ``domain/retention.py``. A manual backup goes to any folder
(a USB stick). Each backup is the encrypted register copied through SQLite's backup API and
read back before it is renamed into place (``store/backup.py``), its key file, and a small JSON
manifest with no personal data (date, reason, size, member count, journal head) so the list
shows without the passphrase. Backups keep the register's data key, so the open register (or
its passphrase) opens every one of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app import paths
from desktop_app.domain import retention
from desktop_app.domain.errors import DomainError
from desktop_app.services import checks
from desktop_app.store import backup as store_backup
from desktop_app.store import journal, people
from desktop_app.store.database import SUFFIX, Register, key_path
from desktop_app.store.errors import RegisterError
from desktop_app.store.keys import KeyFile, fsync_dir

FORMAT = "sochibo-backup/1"
AUTO_EVERY = dt.timedelta(minutes=30)  # of use, and only when something changed
REASONS = {
    "tu-dong": "Tự động",
    "dong-so": "Khi đóng sổ",
    "thu-cong": "Sao lưu thủ công",
    "truoc-nhap": "Trước khi nhập danh sách",
    "truoc-nhan-goi": "Trước khi nhận gói của chi bộ",
    "truoc-khoi-phuc": "Trước khi khôi phục",
    "doi-mat-khau": "Trước khi đổi mật khẩu",
}
MEMBER_STATUSES = {"official", "probationary"}


class BackupError(DomainError):
    """A backup could not be made, read or restored; the register is unchanged. A failed
    restore reopens the live register and hands it back as ``reopened``."""

    reopened: Register | None = None


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    register_id: str
    created: dt.datetime
    reason: str
    size: int
    members: int
    journal_seq: int
    journal_head: str
    schema: int

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def size_text(self) -> str:
        mb = self.size / 1024 / 1024
        return f"{mb:.1f} MB".replace(".", ",") if mb >= 1 else f"{max(1, self.size // 1024)} kB"

    @property
    def created_text(self) -> str:
        return self.created.strftime("%d/%m/%Y %H:%M")

    def to_json(self) -> dict[str, object]:
        doc = asdict(self)
        doc.update(path=str(self.path), created=self.created.isoformat(timespec="seconds"))
        return {**doc, "reason_label": self.reason_label}


@dataclass
class RestoreTest:
    """What a test restore found: the backup opened on its own and passed every check."""

    backup: Path
    problems: list[str] = field(default_factory=list)
    members: int = 0
    people: int = 0
    journal_entries: int = 0
    schema: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, **asdict(self), "backup": str(self.backup)}


# -- where ----------------------------------------------------------------------------------


def backup_dir(register_id: str) -> Path:
    return paths.data_dir() / "backups" / register_id


def _manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def _target(folder: Path, source: Path, reason: str, now: dt.datetime) -> Path:
    """``so-chi-bo.20261122-0930.tu-dong.sochibo``; a second in the same minute gets -2, -3…"""
    base = f"{source.stem}.{now:%Y%m%d-%H%M%S}.{reason}"
    target, n = folder / f"{base}{SUFFIX}", 1
    while target.exists() or key_path(target).exists():
        n += 1
        target = folder / f"{base}-{n}{SUFFIX}"
    return target


# -- making ---------------------------------------------------------------------------------


def create_backup(
    reg: Register,
    reason: str = "thu-cong",
    folder: Path | None = None,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Check the register, copy it, read the copy back, and (in the automatic folder) drop
    the backups the retention rule no longer keeps. A register that fails its checks is not
    backed up: its problems are the message, and the good backups stay."""
    if reason not in REASONS:
        raise BackupError(f"Lý do sao lưu không rõ: «{reason}».")
    now = now or dt.datetime.now()
    report = checks.check_register(reg)
    if not report.ok:
        found = report.integrity + report.foreign_keys + report.journal + report.replay
        raise BackupError(
            "Sổ đang có vấn đề nên chưa sao lưu (các bản sao lưu cũ vẫn giữ nguyên): "
            + "; ".join(found[:5])
        )
    auto = folder is None
    folder = Path(folder) if folder else backup_dir(reg.register_id)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = _target(folder, reg.path, reason, now)
        store_backup.verified_copy(reg.db, reg.data_key, reg.key_file, target)
        info = _describe(reg, target, reason, now)
        _write_manifest(info)
    except OSError as exc:
        raise BackupError(f"Không ghi được bản sao lưu vào «{folder}»: {exc.strerror}.") from exc
    if auto:
        prune(reg.register_id, now)
    return info


def backup_before(reg: Register, reason: str) -> BackupInfo:
    """The automatic backup taken before an import, a restore or a passphrase change."""
    return create_backup(reg, reason)


def auto_backup(reg: Register, reason: str = "tu-dong") -> BackupInfo | None:
    """A backup when something changed since the newest one; None when nothing did."""
    newest = last_backup(reg.register_id)
    seq, _hash = journal.head()
    if newest is not None and newest.journal_seq == seq and newest.journal_head == _hash:
        return None
    return create_backup(reg, reason)


def _describe(reg: Register, target: Path, reason: str, now: dt.datetime) -> BackupInfo:
    seq, head_hash = journal.head()
    return BackupInfo(
        path=target,
        register_id=reg.register_id,
        created=now.replace(microsecond=0),
        reason=reason,
        size=target.stat().st_size,
        members=people.count_live(MEMBER_STATUSES),
        journal_seq=seq,
        journal_head=head_hash,
        schema=int(reg.pragma("user_version")),  # type: ignore[call-overload]
    )


def _write_manifest(info: BackupInfo) -> None:
    manifest = _manifest_path(info.path)
    tmp = manifest.with_name(manifest.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"format": FORMAT, **info.to_json()}, fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, manifest)
    fsync_dir(manifest.parent)


# -- listing and retention ---------------------------------------------------------------------


def list_backups(register_id: str, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of one register in a folder (default: its automatic folder), newest first.
    A backup whose register file is missing is not listed."""
    folder = Path(folder) if folder else backup_dir(register_id)
    found = []
    for manifest in folder.glob(f"*{SUFFIX}.json") if folder.is_dir() else ():
        info = _read_manifest(manifest)
        if info and info.register_id == register_id and info.path.is_file():
            found.append(info)
    return sorted(found, key=lambda b: (b.created, b.journal_seq, b.path.name), reverse=True)


def last_backup(register_id: str) -> BackupInfo | None:
    listed = list_backups(register_id)
    return listed[0] if listed else None


def _read_manifest(manifest: Path) -> BackupInfo | None:
    try:
        doc = json.loads(manifest.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            return None
        return BackupInfo(
            path=manifest.with_name(manifest.name.removesuffix(".json")),
            register_id=str(doc["register_id"]),
            created=dt.datetime.fromisoformat(doc["created"]),
            reason=str(doc["reason"]),
            size=int(doc["size"]),
            members=int(doc["members"]),
            journal_seq=int(doc["journal_seq"]),
            journal_head=str(doc["journal_head"]),
            schema=int(doc["schema"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # not one of ours, or damaged: never listed, never deleted


def prune(register_id: str, now: dt.datetime | None = None) -> list[Path]:
    """Delete the automatic backups the retention rule does not keep; returns what went."""
    listed = list_backups(register_id)
    kept = retention.keep((b.created for b in listed), now or dt.datetime.now())
    gone = []
    for info in listed:
        if info.created not in kept:
            for part in (info.path, key_path(info.path), _manifest_path(info.path)):
                part.unlink(missing_ok=True)
            gone.append(info.path)
    return gone


# -- testing and restoring ---------------------------------------------------------------------


def _refuse_open_copy(backup: Path) -> None:
    """A backup with a write-ahead log beside it was opened by something else: its file alone
    is not the whole register, so it is not used."""
    wal = Path(f"{backup}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise BackupError(
            f"Bản sao lưu «{backup.name}» đang được mở ở chương trình khác (có tệp «{wal.name}» "
            "bên cạnh). Hãy đóng chương trình đó rồi thử lại."
        )


@contextmanager
def _opened_copy(backup: Path, data_key: bytes) -> Iterator[Register]:
    """The backup copied to a private temporary folder and opened there; the backup itself
    is never opened for writing (opening may migrate an old schema)."""
    _refuse_open_copy(backup)
    with tempfile.TemporaryDirectory(prefix="sochibo-thu-") as tmp:
        copy = Path(tmp) / f"kiem-tra{SUFFIX}"
        shutil.copyfile(backup, copy)
        shutil.copyfile(key_path(backup), key_path(copy))
        reg = Register.open_with_key(copy, data_key)
        try:
            yield reg
        finally:
            reg.close()


def trial_restore(backup: Path, data_key: bytes, register_id: str | None = None) -> RestoreTest:
    """Open a backup apart from the live register and run every check on it."""
    result = RestoreTest(Path(backup))
    try:
        keys = KeyFile.load(key_path(Path(backup)))
        if register_id and keys.register_id != register_id:
            result.problems.append("bản sao lưu này là của một sổ khác")
            return result
        with _opened_copy(Path(backup), data_key) as reg:
            report = checks.check_register(reg)
            result.problems += report.integrity + report.foreign_keys
            result.problems += report.journal + report.replay
            result.journal_entries = report.journal_entries
            result.people = people.count_live()
            result.members = people.count_live(MEMBER_STATUSES)
            result.schema = int(reg.pragma("user_version"))  # type: ignore[call-overload]
    except (DomainError, OSError) as exc:
        result.problems.append(str(exc))
    return result


def restore(reg: Register, backup: Path, now: dt.datetime | None = None) -> Register:
    """Put a backup in place of the live register and return it open. The backup is tested
    first; the live register is backed up (so the restore can be undone by restoring that
    backup) and then moved aside beside itself, never deleted. ``reg`` is closed."""
    tested = trial_restore(backup, reg.data_key, reg.register_id)
    if not tested.ok:
        raise BackupError(
            f"Bản sao lưu «{Path(backup).name}» không dùng được, sổ giữ nguyên: "
            + "; ".join(tested.problems[:5])
        )
    # a live register that fails its checks is not backed up: the file moved aside is the way back
    with contextlib.suppress(BackupError):
        create_backup(reg, "truoc-khoi-phuc", now=now)
    path, data_key = reg.path, reg.data_key
    reg.close()
    try:
        return _swap_in(path, Path(backup), data_key, "truoc-khoi-phuc", now)
    except BackupError as exc:
        exc.reopened = Register.open_with_key(path, data_key)  # the live file, put back
        raise


def _swap_in(path: Path, backup: Path, data_key: bytes, why: str, now) -> Register:
    """Move the live file aside (its key file is copied: the live one keeps the current
    passphrase and opens the restored file too), copy the backup in, open it."""
    aside = _aside_name(path, why, now or dt.datetime.now())
    tmp = path.with_name(path.name + ".restoring")
    try:
        shutil.copyfile(backup, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if path.exists():
            shutil.copyfile(key_path(path), key_path(aside))
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if aside.exists() and not path.exists():
            os.replace(aside, path)
        raise BackupError(f"Không chép được bản sao lưu vào chỗ của sổ: {exc.strerror}.") from exc
    if not key_path(path).exists():
        shutil.copyfile(key_path(backup), key_path(path))
    return Register.open_with_key(path, data_key)


def _aside_name(path: Path, why: str, now: dt.datetime) -> Path:
    aside = path.with_name(f"{path.stem}.{why}-{now:%Y%m%d-%H%M%S}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.stem}.{why}-{now:%Y%m%d-%H%M%S}-{n}{path.suffix}")
    return aside


def undo_target(register_id: str) -> BackupInfo | None:
    """The backup that undoes the latest restore: the newest one taken before a restore."""
    return next((b for b in list_backups(register_id) if b.reason == "truoc-khoi-phuc"), None)


def restore_damaged(
    path: Path, passphrase: str | None = None, recovery_key: str | None = None
) -> tuple[Register, BackupInfo]:
    """A register that no longer opens: find the newest backup that passes every check, keep
    the damaged file aside, put the backup in its place and open it."""
    path = Path(path)
    keys = KeyFile.load(key_path(path))
    data_key = (
        keys.unlock_with_recovery(recovery_key) if recovery_key else keys.unlock(passphrase or "")
    )
    for info in list_backups(keys.register_id):
        if trial_restore(info.path, data_key, keys.register_id).ok:
            return _swap_in(path, info.path, data_key, "hong", None), info
    raise BackupError(
        f"Không có bản sao lưu nào của sổ «{path.name}» dùng được. Tệp sổ hỏng vẫn để nguyên; "
        "hãy tìm bản sao lưu trên USB hoặc máy khác."
    )


def check_is_ours(reg: Register, backup: Path) -> None:
    """Refuse a file that is not a backup of this register, before anything is touched."""
    try:
        keys = KeyFile.load(key_path(Path(backup)))
    except RegisterError as exc:
        raise BackupError(f"«{Path(backup).name}» không phải bản sao lưu của sổ: {exc}") from exc
    if keys.register_id != reg.register_id:
        raise BackupError(f"«{Path(backup).name}» là bản sao lưu của một sổ khác.")
