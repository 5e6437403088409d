"""Which kind of drive a path is on, judged from sample mount tables, fake sysfs trees and
drive type codes, so every system's rules run on any system."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.system import drives

MOUNTINFO = r"""
22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
26 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
27 26 0:45 /@home /home rw,relatime shared:30 - btrfs /dev/sda3 rw,space_cache=v2
28 26 0:25 / /tmp rw,nosuid,nodev shared:14 - tmpfs tmpfs rw
40 27 8:17 / /home/ha/USB rw,nosuid,nodev,relatime shared:80 - vfat /dev/sdb1 rw,fmask=0022
41 26 8:33 / /media/ha/USB\040DISK rw,nosuid,nodev shared:81 - exfat /dev/sdc1 rw
42 26 0:50 / /mnt/van-phong rw,relatime shared:82 - cifs //192.168.1.5/chung rw,vers=3.1.1
43 26 0:51 / /mnt/nas rw,relatime shared:83 - nfs4 nas:/export rw,vers=4.2
44 27 0:52 / /home/ha/may-chu rw,nosuid shared:84 - fuse.sshfs ha@may-chu:/ rw,user_id=1000
45 26 253:1 / /mnt/ma-hoa rw,relatime shared:85 - ext4 /dev/mapper/luks-1 rw
46 26 8:1 / /mnt/cu rw,relatime shared:86 - ext4 /dev/sda1 rw
47 26 8:49 / /mnt/cu rw,relatime shared:87 - vfat /dev/sdd1 rw
48 26 8:65 / /mnt/the-nho rw,relatime shared:88 - vfat /dev/sde1 rw
not a mount line
"""

PCI = "devices/pci0000:00/0000:00:14.0"
SATA = "devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block"
USB = f"{PCI}/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block"


def link(at: Path, to: Path) -> None:
    at.parent.mkdir(parents=True, exist_ok=True)
    try:
        at.symlink_to(os.path.relpath(to, at.parent), target_is_directory=True)
    except OSError:
        pytest.skip("this system does not let the test make symbolic links")


def disk(sys_root: Path, where: str, name: str, number: str, removable: str = "0") -> Path:
    """A whole disk in a fake sysfs tree, with its number under dev/block and class/block."""
    folder = sys_root / where / name
    folder.mkdir(parents=True)
    (folder / "removable").write_text(removable + "\n")
    (folder / "slaves").mkdir()
    link(sys_root / "dev" / "block" / number, folder)
    link(sys_root / "class" / "block" / name, folder)
    return folder


def partition(sys_root: Path, whole: Path, name: str, number: str) -> Path:
    folder = whole / name
    folder.mkdir()
    (folder / "partition").write_text("1\n")
    link(sys_root / "dev" / "block" / number, folder)
    link(sys_root / "class" / "block" / name, folder)
    return folder


@pytest.fixture
def sysfs(tmp_path) -> Path:
    """A laptop: NVMe system disk, SATA disk for /home (btrfs), a USB stick that says it is
    not removable (many do), a USB stick under /media, an SD card reader on PCI that says it
    is removable, an encrypted volume on a USB disk, and a second SATA disk."""
    root = tmp_path / "sys"
    nvme = disk(root, "devices/pci0000:00/0000:00:1d.0/nvme/nvme0", "nvme0n1", "259:0")
    partition(root, nvme, "nvme0n1p2", "259:2")
    sata = disk(root, SATA, "sda", "8:0")
    partition(root, sata, "sda1", "8:1")
    partition(root, sata, "sda3", "8:3")
    partition(root, disk(root, USB, "sdb", "8:16"), "sdb1", "8:17")
    partition(root, disk(root, USB.replace("2-1", "2-2"), "sdc", "8:32"), "sdc1", "8:33")
    partition(root, disk(root, f"{PCI}/usb3/3-1/block", "sdf", "8:80"), "sdf1", "8:81")
    card = disk(root, "devices/pci0000:00/0000:00:1c.0/mmc_host/block", "sde", "8:64", "1")
    partition(root, card, "sde1", "8:65")
    partition(root, disk(root, SATA.replace("ata1", "ata2"), "sdd", "8:48"), "sdd1", "8:49")
    mapped = disk(root, "devices/virtual/block", "dm-1", "253:1")
    link(mapped / "slaves" / "sdf1", root / f"{PCI}/usb3/3-1/block/sdf/sdf1")
    return root


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/ha/so-chi-bo.sochibo", "local"),  # btrfs: found by its source device
        ("/var/lib/x.sochibo", "local"),
        ("/tmp/x.sochibo", "local"),  # tmpfs: no block device
        ("/home/ha/USB/chi-bo.sochibo", "removable"),  # on a USB bus though removable=0
        ("/home/ha/USB", "removable"),
        ("/home/ha/USB-cu/chi-bo.sochibo", "local"),  # a longer name is not inside the mount
        ("/media/ha/USB DISK/chi-bo.sochibo", "removable"),  # escaped space
        ("/mnt/van-phong/chi-bo.sochibo", "network"),
        ("/mnt/nas/so/chi-bo.sochibo", "network"),
        ("/home/ha/may-chu/chi-bo.sochibo", "network"),
        ("/mnt/ma-hoa/chi-bo.sochibo", "removable"),  # encrypted volume on a USB disk
        ("/mnt/cu/chi-bo.sochibo", "local"),  # the later of two mounts at one place wins
        ("/mnt/the-nho/chi-bo.sochibo", "removable"),  # removable=1
    ],
)
def test_linux_kinds(sysfs, path, kind):
    assert drives.linux_kind(path, MOUNTINFO, sysfs) == kind


def test_paths_under_media_are_removable_even_without_sysfs(tmp_path):
    table = "26 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
    assert drives.linux_kind("/media/ha/STICK/a.sochibo", table, tmp_path) == "removable"
    assert drives.linux_kind("/run/media/ha/STICK/a.sochibo", table, tmp_path) == "removable"
    assert drives.linux_kind("/mediathek/a.sochibo", table, tmp_path) == "local"


def test_a_network_share_mounted_under_media_is_network(tmp_path):
    table = "26 1 8:1 / / rw - ext4 /dev/sda1 rw\n30 26 0:60 / /media/nas rw - nfs nas:/ rw\n"
    assert drives.linux_kind("/media/nas/a.sochibo", table, tmp_path) == "network"


def test_no_mount_table_means_unknown(tmp_path):
    assert drives.linux_kind("/home/a.sochibo", "", tmp_path) == "unknown"


def test_parse_mountinfo_reads_fields_and_escapes():
    mounts = drives.parse_mountinfo(MOUNTINFO)
    assert len(mounts) == 13
    media = next(m for m in mounts if m.device == "8:33")
    assert media == drives.Mount("/media/ha/USB DISK", "8:33", "exfat", "/dev/sdc1")
    assert drives.parse_mountinfo("garbage\n1 2 3\n") == []


def test_the_whole_disk_decides_for_a_partition(tmp_path):
    root = tmp_path / "sys"
    whole = disk(root, "devices/platform/block", "sdx", "8:96", removable="1")
    partition(root, whole, "sdx1", "8:97")
    mount = drives.Mount("/mnt/x", "8:97", "vfat", "/dev/sdx1")
    assert drives.device_is_removable(root, mount)
    (whole / "removable").write_text("0\n")
    assert not drives.device_is_removable(root, mount)


@pytest.mark.parametrize(
    ("path", "root"),
    [
        ("C:\\Users\\Ha\\so.sochibo", "C:\\"),
        ("e:/so.sochibo", "e:\\"),
        ("\\\\?\\D:\\so.sochibo", "D:\\"),
        ("\\\\may-chu\\chung\\so.sochibo", None),
        ("\\\\?\\UNC\\may-chu\\chung\\so.sochibo", None),
        ("so.sochibo", None),
    ],
)
def test_windows_root(path, root):
    assert drives.windows_root(path) == root


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (2, "removable"),
        (3, "local"),
        (4, "network"),
        (5, "removable"),
        (6, "local"),
        (0, "unknown"),
    ],
)
def test_windows_drive_types(code, kind):
    asked = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return code

    assert drives.windows_kind("E:\\so\\chi-bo.sochibo", drive_type) == kind
    assert asked == ["E:\\"]


def test_windows_unc_paths_are_network_without_asking():
    def never(_root: str) -> int:
        raise AssertionError("a UNC path has no drive letter to ask about")

    assert drives.windows_kind("\\\\may-chu\\chung\\so.sochibo", never) == "network"
    assert drives.windows_kind("\\\\?\\UNC\\may-chu\\chung\\so.sochibo", never) == "network"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/Users/ha/so.sochibo", "local"),
        ("/Volumes/Macintosh HD/Users/ha/so.sochibo", "local"),
        ("/Volumes/KINGSTON/so.sochibo", "removable"),
        ("/Volumes", "local"),
    ],
)
def test_macos_volumes(path, kind):
    assert drives.macos_kind(path, lambda volume: volume == "/Volumes/Macintosh HD") == kind


@pytest.mark.skipif(not Path("/proc/self/mountinfo").exists(), reason="Linux only")
def test_drive_kind_reads_this_linux_machine(tmp_path):
    table = Path("/proc/self/mountinfo").read_text()
    expected = drives.linux_kind(os.path.realpath(tmp_path), table, Path("/sys"))
    assert drives.drive_kind(tmp_path / "chi-bo.sochibo") == expected != "unknown"
    assert drives.mount_of("/", drives.parse_mountinfo(table)) is not None


def test_drive_kind_survives_an_unreadable_system(monkeypatch, tmp_path):
    def broken(*_args, **_kwargs):
        raise OSError("no /proc here")

    monkeypatch.setattr(drives, "linux_kind", broken)
    monkeypatch.setattr(drives, "windows_kind", broken)
    monkeypatch.setattr(drives, "macos_kind", broken)
    assert drives.drive_kind(tmp_path) == "unknown"
