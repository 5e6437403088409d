"""Which kind of drive a file is on: the live register belongs on a local disk, never on a USB
stick or a network share (a stick pulled or a connection dropped mid-write can damage it, and
two computers could open it).

Each system is read by a thin function; what it reads (the mount table, a sysfs tree, a drive
type code) is judged by pure functions that the tests feed with samples on any system.
"""

from __future__ import annotations

import ntpath
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

Kind = Literal["local", "removable", "network", "unknown"]
LOCAL: Kind = "local"
REMOVABLE: Kind = "removable"
NETWORK: Kind = "network"
UNKNOWN: Kind = "unknown"

NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "davfs",
        "fuse.davfs2",
        "afs",
        "ceph",
        "fuse.ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.rclone",
        "ncpfs",
    }
)
REMOVABLE_ROOTS = ("/media", "/run/media")  # where desktops mount sticks and SD cards
_SLAVE_DEPTH = 4  # device mapper over LVM over a partition is as deep as it gets


# -- Linux -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mount:
    """One line of /proc/self/mountinfo."""

    mount_point: str
    device: str  # "major:minor"
    fs_type: str
    source: str


def _unescape(field: str) -> str:
    """The kernel writes space, tab, newline and backslash as octal escapes (``\\040``)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts in table order (later lines are mounted over earlier ones)."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue  # not a mount line: skip rather than guess
        mounts.append(Mount(_unescape(fields[4]), fields[2], tail[0], _unescape(tail[1])))
    return mounts


def _contains(mount_point: str, path: str) -> bool:
    return mount_point == "/" or path == mount_point or path.startswith(mount_point + "/")


def mount_of(path: str, mounts: Iterable[Mount]) -> Mount | None:
    """The mount holding an absolute path: the longest mount point above it, and of two at
    the same place the later one (it hides the first)."""
    best: Mount | None = None
    for mount in mounts:
        if _contains(mount.mount_point, path) and (
            best is None or len(mount.mount_point) >= len(best.mount_point)
        ):
            best = mount
    return best


def under_removable_root(path: str) -> bool:
    return any(_contains(root, path) for root in REMOVABLE_ROOTS)


def _block_dir(sys_root: Path, mount: Mount) -> Path | None:
    """The sysfs folder of the mount's block device: by number, or (btrfs reports an
    anonymous number) by the name of its source device."""
    candidates = [sys_root / "dev" / "block" / mount.device]
    if mount.source.startswith("/dev/"):
        candidates.append(sys_root / "class" / "block" / PurePosixPath(mount.source).name)
    for candidate in candidates:
        if candidate.exists():
            return candidate.resolve()
    return None


def _disks(block: Path, depth: int = 0) -> Iterator[Path]:
    """The whole disks under a block device: a partition's parent, and for a mapped device
    (encrypted, LVM) the disks under each of its slaves."""
    disk = block.parent if (block / "partition").exists() else block
    slaves = block / "slaves"
    found = sorted(slaves.iterdir()) if slaves.is_dir() and depth < _SLAVE_DEPTH else []
    if not found:
        yield disk
    for slave in found:
        yield from _disks(slave.resolve(), depth + 1)


def device_is_removable(sys_root: Path, mount: Mount) -> bool:
    """True when the mount's disk says it is removable or hangs off a USB bus."""
    block = _block_dir(sys_root, mount)
    if block is None:
        return False
    root = sys_root.resolve()
    for disk in _disks(block):
        flag = disk / "removable"
        if flag.is_file() and flag.read_text(encoding="ascii", errors="replace").strip() == "1":
            return True
        where = disk.relative_to(root).as_posix() if disk.is_relative_to(root) else str(disk)
        if "/usb" in "/" + where:
            return True
    return False


def linux_kind(path: str, mountinfo: str, sys_root: Path) -> Kind:
    """Judge an absolute, resolved path from the mount table text and a sysfs tree."""
    mount = mount_of(path, parse_mountinfo(mountinfo))
    if mount is None:
        return UNKNOWN
    if mount.fs_type in NETWORK_FS:
        return NETWORK
    if under_removable_root(path) or device_is_removable(sys_root, mount):
        return REMOVABLE
    return LOCAL


# -- Windows ---------------------------------------------------------------------------------

DRIVE_REMOVABLE, DRIVE_FIXED, DRIVE_REMOTE, DRIVE_CDROM, DRIVE_RAMDISK = 2, 3, 4, 5, 6
_WINDOWS_KINDS: dict[int, Kind] = {
    DRIVE_REMOVABLE: REMOVABLE,
    DRIVE_FIXED: LOCAL,
    DRIVE_REMOTE: NETWORK,
    DRIVE_CDROM: REMOVABLE,
    DRIVE_RAMDISK: LOCAL,
}


def windows_root(path: str) -> str | None:
    """``C:\\`` for a path on a drive letter; None for a network (UNC) path."""
    text = path.replace("/", "\\")
    if text.startswith("\\\\?\\"):  # the long-path prefix
        text = text[4:]
        if text.upper().startswith("UNC\\"):
            return None
    elif text.startswith("\\\\"):
        return None
    drive, _rest = ntpath.splitdrive(text)
    return drive + "\\" if drive.endswith(":") else None


def windows_kind(path: str, drive_type: Callable[[str], int]) -> Kind:
    root = windows_root(path)
    if root is None:
        return NETWORK if path.replace("/", "\\").startswith("\\\\") else UNKNOWN
    return _WINDOWS_KINDS.get(drive_type(root), UNKNOWN)


def _windows_drive_type(root: str) -> int:
    import ctypes  # only on Windows

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


# -- macOS -----------------------------------------------------------------------------------


def macos_kind(path: str, is_boot_volume: Callable[[str], bool]) -> Kind:
    """A volume under /Volumes other than the boot volume is a stick, a card or a share."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 3 and parts[1] == "Volumes":
        volume = "/Volumes/" + parts[2]
        return LOCAL if is_boot_volume(volume) else REMOVABLE
    return LOCAL


def _macos_is_boot_volume(volume: str) -> bool:
    return os.stat(volume).st_dev == os.stat("/").st_dev  # "Macintosh HD" links to /


# -- the one question the program asks -------------------------------------------------------


def drive_kind(path: str | os.PathLike[str]) -> Kind:
    """The kind of drive: local, removable, network, or unknown when the system cannot say."""
    try:
        where = os.path.realpath(os.fspath(path))
        if sys.platform.startswith("linux"):
            table = Path("/proc/self/mountinfo").read_text("utf-8", errors="surrogateescape")
            return linux_kind(where, table, Path("/sys"))
        if sys.platform == "win32":
            return windows_kind(where, _windows_drive_type)
        if sys.platform == "darwin":
            return macos_kind(where, _macos_is_boot_volume)
    except (OSError, ValueError):
        return UNKNOWN
    return UNKNOWN
