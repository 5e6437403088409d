"""Build the Windows installer (on Windows): the PyInstaller onedir, its self-check, then
Inno Setup on sochibo.iss with the version from pyproject.toml.

    .venv\\Scripts\\python installers\\windows\\build_installer.py [--iscc PATH] [--no-build]

Writes ``dist\\sochibo\\`` and ``dist\\sochibo-VERSION-cai-dat.exe``. Needs the ``build`` extra,
Inno Setup 6.3+ and ``installers\\windows\\Vietnamese.isl`` (installers/README.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from installers import packaging

LANGUAGE_FILE = packaging.ISS.parent / "Vietnamese.isl"
LANGUAGE_ID = re.compile(r"^\s*LanguageID\s*=\s*\$042A\b", re.IGNORECASE | re.MULTILINE)


def iscc_candidates() -> list[Path]:
    """Where ISCC.exe is when Inno Setup 6 was installed for this user or for everyone."""
    found = [Path(p) for p in [shutil.which("iscc")] if p]
    for variable in ("LOCALAPPDATA", "ProgramFiles(x86)", "ProgramFiles"):
        base = os.environ.get(variable)
        if base:
            programs = Path(base) / "Programs" if variable == "LOCALAPPDATA" else Path(base)
            found.append(programs / "Inno Setup 6" / "ISCC.exe")
    return found


def find_iscc(given: str | None) -> Path:
    for candidate in [Path(given)] if given else iscc_candidates():
        if candidate.is_file():
            return candidate
    sys.exit("ISCC.exe (Inno Setup 6) not found: install it or pass --iscc PATH")


def check_language_file() -> None:
    if not LANGUAGE_FILE.is_file():
        sys.exit(f"{LANGUAGE_FILE} is missing: see installers/README.md (Vietnamese.isl)")
    text = LANGUAGE_FILE.read_text(encoding="utf-8-sig", errors="replace")
    if not LANGUAGE_ID.search(text):
        sys.exit(f"{LANGUAGE_FILE} is not Inno Setup's Vietnamese translation (LanguageID $042A)")


def iscc_command(iscc: Path) -> list[str]:
    return [str(iscc), f"/DAppVersion={packaging.version()}", str(packaging.ISS)]


def installer_path() -> Path:
    return packaging.DIST / f"sochibo-{packaging.version()}-cai-dat.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", help="path of ISCC.exe (found by itself otherwise)")
    parser.add_argument("--no-build", action="store_true", help="use the onedir in dist\\")
    args = parser.parse_args(argv)
    if not packaging.WINDOWS:
        sys.exit("the Windows installer is built on Windows (see installers/README.md)")
    iscc = find_iscc(args.iscc)
    check_language_file()
    started = time.perf_counter()
    if not args.no_build:
        print("• PyInstaller", flush=True)
        packaging.build_onedir()
    print("• self-check", flush=True)
    packaging.self_check(packaging.program())
    print("• Inno Setup", flush=True)
    subprocess.run(iscc_command(iscc), cwd=packaging.ROOT, check=True)
    out = installer_path()
    took = time.perf_counter() - started
    print(f"{out}: {out.stat().st_size / 2**20:.1f} MiB in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
