"""What every installer agrees on: names, the version, the icon, the data files, and the two
steps every build runs (PyInstaller on the spec, then the frozen program's self-check).

The PyInstaller spec, the Windows and Linux build scripts and tests/packaging import this, so a
name or a version is written once. No PyInstaller import (the tests run without it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

WINDOWS = sys.platform == "win32"
ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SPEC = ROOT / "installers" / "pyinstaller" / "sochibo.spec"
DIST = ROOT / "dist"  # the onedir dist/sochibo/, the .deb, the Windows installer
WORK = ROOT / "build" / "pyinstaller"
ISS = ROOT / "installers" / "windows" / "sochibo.iss"

NAME = "sochibo"  # the onedir folder, the console program, the Debian package
GUI_NAME = "sochibo-gui"  # the windowed program (no console on Windows)
DISPLAY_NAME = "Sổ Chi bộ"
DESCRIPTION = "Sổ đảng viên của chi bộ, mã hóa, dùng không cần mạng"
PUBLISHER = "Sổ Chi bộ"
ICON_PNG = RESOURCES / "icons" / "sochibo.png"
ICON_ICO = RESOURCES / "icons" / "sochibo.ico"
BUNDLE_RESOURCES = "resources"  # where resources/ lands inside the bundle (paths.resources_dir)
# Python packages whose metadata the program reads at run time (importlib.metadata.version)
METADATA = ("sochibo", "holidays")
# Loaded by name at run time, so PyInstaller cannot see them: the working-day calendar's
# country (holidays loads its countries lazily) and its Vietnamese holiday names (gettext .mo)
HOLIDAY_MODULES = ("holidays.countries.vietnam",)
HOLIDAY_DATA = ("locale/*/LC_MESSAGES/VN.mo",)


def project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]


def version() -> str:
    return project()["version"]


def version_tuple() -> tuple[int, ...]:
    """``0.1.0`` as Windows wants it: four numbers (``1.2.0rc1`` gives 1, 2, 0, 0)."""
    parts = [re.match(r"\d*", part).group() for part in version().split(".")[:4]]
    numbers = [int(part or 0) for part in parts]
    return tuple(numbers + [0] * (4 - len(numbers)))


def version_strings(exe_name: str, description: str) -> dict[str, str]:
    """The string table of a Windows executable's version resource."""
    return {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": version(),
        "InternalName": exe_name,
        "LegalCopyright": f"© {PUBLISHER}",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version(),
    }


def resource_files() -> list[Path]:
    """Every file under resources/, relative to it (all of them ship)."""
    return sorted(p.relative_to(RESOURCES) for p in RESOURCES.rglob("*") if p.is_file())


def data_entries() -> list[tuple[str, str]]:
    """PyInstaller ``datas``: everything in resources/ to the same place in the bundle."""
    entries = []
    for item in sorted(RESOURCES.iterdir()):
        where = f"{BUNDLE_RESOURCES}/{item.name}" if item.is_dir() else BUNDLE_RESOURCES
        entries.append((str(item), where))
    return entries


def console_scripts() -> dict[str, str]:
    """The entry points pyproject.toml declares: {name: "module:function"}."""
    info = project()
    return {**info.get("scripts", {}), **info.get("gui-scripts", {})}


def program(name: str = NAME) -> Path:
    """A program in the built onedir (``sochibo.exe`` on Windows)."""
    return DIST / NAME / (f"{name}.exe" if WINDOWS else name)


def build_onedir() -> Path:
    """Run PyInstaller on the spec (about half a minute); returns dist/sochibo."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK)]
    subprocess.run([*command, str(SPEC)], cwd=ROOT, check=True)
    return DIST / NAME


def self_check(program: Path) -> None:
    """The frozen program's own check (``--self-check``); stops the build when it fails. The
    user data folder is pointed at a temporary one: the builder's own registers are never
    touched."""
    with tempfile.TemporaryDirectory(prefix="sochibo-home-") as home:
        env = {**os.environ, "SOCHIBO_HOME": home}
        done = subprocess.run([str(program), "--self-check"], env=env, check=False)
    if done.returncode != 0:
        sys.exit(f"self-check of {program} failed (exit code {done.returncode})")
