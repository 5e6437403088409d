#!/usr/bin/env python3
"""Build the Linux package: the PyInstaller onedir, a ``.deb`` made with ``dpkg-deb``, and the
frozen program's ``--self-check``, before and after installing the package.

    .venv/bin/python installers/linux/build_deb.py            # build, pack, check
    .venv/bin/python installers/linux/build_deb.py --no-build # pack the onedir already in dist/

Needs the ``build`` extra (``.venv/bin/pip install -e '.[build]'``) and ``dpkg-deb``
(Debian, Ubuntu). Writes ``dist/sochibo/`` (the onedir) and ``dist/sochibo_VERSION_ARCH.deb``.

The package installs the program in ``/opt/sochibo``, the commands ``sochibo`` and
``sochibo-gui`` in ``/usr/bin``, a menu entry named "Sổ Chi bộ" and its icon. The registers and
backups stay in each user's data folder (``~/.local/share/SoChiBo``); removing the package never
touches them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from installers import packaging

ROOT = packaging.ROOT
DIST = packaging.DIST
DESKTOP_FILE = ROOT / "installers" / "linux" / "sochibo.desktop"
INSTALL_DIR = Path("/opt") / packaging.NAME
MAINTAINER = "Sổ Chi bộ <sochibo@localhost>"
# Qt's X11 plugin loads these system libraries (the PySide6 wheel brings Qt itself only);
# the same list as dev.py's hint, by Debian package name.
DEPENDS = (
    "libc6",
    "libdbus-1-3",
    "libegl1",
    "libfontconfig1",
    "libgl1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libxkbcommon0",
)
COMPRESSIONS = ("xz", "gzip", "zstd")
LAUNCHER = """#!/bin/sh
# {name}: started from {target} (the Sổ Chi bộ package)
exec {target} "$@"
"""


def step(text: str) -> None:
    print(f"• {text}", flush=True)


def architecture() -> str:
    out = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return out.stdout.strip() or "amd64"


def folder_kib(folder: Path) -> int:
    """Size of the files (links counted once, as on disk)."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) // 1024 + 1


def control(arch: str, installed_kib: int) -> str:
    return (
        f"Package: {packaging.NAME}\n"
        f"Version: {packaging.version()}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Description: {packaging.DISPLAY_NAME}: {packaging.DESCRIPTION}\n"
        " The offline, encrypted register of a grassroots party cell: members,\n"
        " candidates and their history, meetings, printed forms and backups.\n"
        " Registers and backups are kept in each user's data folder and are never\n"
        " removed with the package.\n"
    )


def stage(onedir: Path, root: Path, arch: str) -> None:
    """Lay out the package tree under ``root``."""
    target = root / INSTALL_DIR.relative_to("/")
    shutil.copytree(onedir, target, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in (packaging.NAME, packaging.GUI_NAME):
        launcher = bin_dir / name
        launcher.write_text(LAUNCHER.format(name=name, target=INSTALL_DIR / name))
        launcher.chmod(0o755)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(DESKTOP_FILE, apps / f"{packaging.NAME}.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(packaging.ICON_PNG, icons / f"{packaging.NAME}.png")
    doc = root / "usr" / "share" / "doc" / packaging.NAME
    doc.mkdir(parents=True)
    shutil.copy2(packaging.RESOURCES / "fonts" / "OFL.txt", doc / "OFL-LiberationSerif.txt")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(arch, folder_kib(root)), encoding="utf-8")
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        folder.chmod(0o755)


def pack(root: Path, deb: Path, compression: str) -> None:
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", f"-Z{compression}", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def check_package(deb: Path) -> None:
    """Unpack the .deb into a temporary root (as ``dpkg -i`` would lay it out) and run the
    installed program's self-check there."""
    with tempfile.TemporaryDirectory(prefix="sochibo-deb-") as folder:
        subprocess.run(["dpkg-deb", "-x", str(deb), folder], check=True)
        installed = Path(folder) / INSTALL_DIR.relative_to("/") / packaging.NAME
        for name in ("usr/bin/sochibo", "usr/bin/sochibo-gui", "usr/share/applications"):
            if not (Path(folder) / name).exists():
                sys.exit(f"{deb.name}: {name} missing")
        packaging.self_check(installed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="pack the onedir in dist/")
    parser.add_argument(
        "--compression",
        choices=COMPRESSIONS,
        default="xz",
        help="xz: smallest, about 90 s; zstd: about 2 s, 30%% larger, needs dpkg 1.21.18+",
    )
    args = parser.parse_args(argv)
    if not shutil.which("dpkg-deb"):
        sys.exit("dpkg-deb not found (Debian or Ubuntu needed)")
    started = time.perf_counter()
    if args.no_build:
        onedir = DIST / packaging.NAME
    else:
        step(f"PyInstaller: {packaging.SPEC.relative_to(ROOT)}")
        onedir = packaging.build_onedir()
    built = time.perf_counter()
    step(f"self-check of {onedir / packaging.NAME}")
    packaging.self_check(onedir / packaging.NAME)
    arch = architecture()
    deb = DIST / f"{packaging.NAME}_{packaging.version()}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="sochibo-pkg-") as folder:
        step(f"dpkg-deb: {deb.relative_to(ROOT)}")
        stage(onedir, Path(folder) / "root", arch)
        pack(Path(folder) / "root", deb, args.compression)
    step("self-check of the program installed from the package")
    check_package(deb)
    took = time.perf_counter() - started
    print(
        f"{deb}: {deb.stat().st_size / 2**20:.1f} MiB "
        f"(onedir {folder_kib(onedir) / 1024:.0f} MiB); "
        f"PyInstaller {built - started:.0f} s, total {took:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
