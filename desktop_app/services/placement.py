"""Where the live register may be kept: on this computer's own disk. A register found on a USB
stick or a network drive is not opened there for writing; it is copied into the data folder
(through SQLite's backup API, verified) and the copy is opened. The original stays untouched."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from desktop_app import paths
from desktop_app.domain.errors import DomainError
from desktop_app.store import backup as store_backup
from desktop_app.store.database import SUFFIX, Register, key_path
from desktop_app.store.keys import KeyFile
from desktop_app.system import drives

# Beside a name taken for a copy there must be nothing SQLite or the program would pair with it.
_COMPANIONS = ("", ".keys", "-wal", "-shm", ".tmp", ".tmp-wal", ".tmp-shm")


class PlacementError(DomainError):
    """The register could not be copied to this computer; nothing was changed."""


@dataclass(frozen=True)
class Placement:
    path: Path
    kind: drives.Kind
    ok: bool
    message: str = ""  # why the register may not stay there (Vietnamese), empty when ok


def in_data_folder(path: Path) -> bool:
    return Path(path).resolve().is_relative_to(paths.data_dir().resolve())


def check_place(path: Path) -> Placement:
    """May the register at ``path`` be opened where it is? Registers in the data folder (the
    demo register among them) always may; so may one on a drive the system cannot name."""
    path = Path(path)
    kind = drives.drive_kind(path)
    if in_data_folder(path) or kind not in (drives.REMOVABLE, drives.NETWORK):
        return Placement(path, kind, True)
    return Placement(path, kind, False, _why(path, kind))


def _why(path: Path, kind: drives.Kind) -> str:
    if kind == drives.REMOVABLE:
        where = "thiết bị nhớ rời (USB, thẻ nhớ, ổ cứng gắn ngoài)"
        risk = "rút thiết bị ra giữa lúc chương trình đang ghi"
    else:
        where = "ổ mạng (thư mục dùng chung qua mạng)"
        risk = "mạng chập chờn hay mất kết nối giữa lúc chương trình đang ghi"
    return (
        f"Sổ «{path.name}» đang nằm trên {where}. Sổ đang dùng không được để ở đó: {risk} "
        "có thể làm hỏng sổ, và hai máy có thể cùng mở một sổ. Chương trình sẽ chép sổ vào "
        f"thư mục dữ liệu trên máy này ({paths.data_dir()}) rồi mở bản chép; tệp ở chỗ cũ "
        "vẫn giữ nguyên, không bị thay đổi."
    )


def free_name(folder: Path, name: str) -> Path:
    """``chi-bo.sochibo``, else ``chi-bo-2.sochibo``, … : a name with nothing beside it."""
    stem = Path(name).name.removesuffix(SUFFIX) or "so-chi-bo"
    for n in itertools.count(1):
        candidate = folder / (f"{stem}{SUFFIX}" if n == 1 else f"{stem}-{n}{SUFFIX}")
        if not any(Path(f"{candidate}{extra}").exists() for extra in _COMPANIONS):
            return candidate
    raise AssertionError("unreachable")


def move_into_data_folder(
    source: Register | Path, passphrase: str | None = None, recovery_key: str | None = None
) -> Path:
    """Copy a register into the data folder under a free name, with its key file, and return
    the copy's path. ``source`` is an open register (copied from its connection) or a file
    this program has not opened (read, never written; its passphrase or recovery key is
    needed to verify the copy)."""
    if isinstance(source, Register):
        _refuse_if_home(source.path)
        target = free_name(_data_folder(), source.path.name)
        return _copied(
            lambda: store_backup.verified_copy(source.db, source.data_key, source.key_file, target),
            target,
        )
    keys, data_key = _unlock(Path(source), passphrase, recovery_key)
    return _copy_file(Path(source), keys, data_key)


def open_copy(
    path: Path, passphrase: str | None = None, recovery_key: str | None = None
) -> Register:
    """Copy the register at ``path`` into the data folder and open the copy (the secret is
    checked once). A copy that does not open is removed again; the original never changes."""
    keys, data_key = _unlock(Path(path), passphrase, recovery_key)
    target = _copy_file(Path(path), keys, data_key)
    try:
        return Register.open_with_key(target, data_key)
    except BaseException:
        _discard(target)
        raise


def _unlock(path: Path, passphrase: str | None, recovery_key: str | None) -> tuple[KeyFile, bytes]:
    _refuse_if_home(path)
    if not path.is_file():
        raise PlacementError(f"Không tìm thấy sổ «{path}».")
    keys = KeyFile.load(key_path(path))
    if recovery_key:
        return keys, keys.unlock_with_recovery(recovery_key)
    return keys, keys.unlock(passphrase or "")


def _refuse_if_home(path: Path) -> None:
    if in_data_folder(path):
        raise PlacementError(
            f"Sổ «{Path(path).name}» đã nằm trong thư mục dữ liệu trên máy này; không cần chép."
        )


def _data_folder() -> Path:
    folder = paths.data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _copy_file(path: Path, keys: KeyFile, data_key: bytes) -> Path:
    target = free_name(_data_folder(), path.name)
    return _copied(lambda: store_backup.copy_unopened(path, data_key, keys, target), target)


def _copied(copy, target: Path) -> Path:
    """Run a copy; when it fails, leave nothing of it behind (its key file is written before
    the file is renamed into place)."""
    try:
        return copy()
    except BaseException:
        if not target.exists():
            key_path(target).unlink(missing_ok=True)
        raise


def _discard(target: Path) -> None:
    for extra in ("", "-wal", "-shm", ".keys"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
