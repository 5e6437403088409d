#!/usr/bin/env python3
"""Refresh the translations: ``python scripts/update_translations.py``.

1. ``pyside6-lupdate`` reads every ``desktop_app/ui/**/*.py`` into
   ``resources/i18n/sochibo_vi.ts``, keeping the translations already there and dropping
   strings that left the code. New strings arrive marked unfinished: translate them (Qt
   Linguist, or by hand), then run this again. ``tests/ui/test_i18n.py`` fails on any
   unfinished entry.
2. ``pyside6-lrelease`` compiles it and the hand-kept ``qtbase_vi.ts`` (Qt's own dialog
   texts) into the ``.qm`` files the program loads. Commit the ``.qm`` files too.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "desktop_app" / "ui"
APP_TS = I18N / "sochibo_vi.ts"
CATALOGUES = (APP_TS, I18N / "qtbase_vi.ts")


def tool(name: str) -> str:
    """A Qt tool from the interpreter's own environment, else from PATH."""
    here = Path(sys.executable).parent / name
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def python_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path) -> None:
    """Merge the strings of the code into ``ts`` (created if missing)."""
    args = [tool("pyside6-lupdate"), *python_sources(), "-ts", str(ts), "-no-obsolete",
            "-locations", "none", "-source-language", "en", "-target-language", "vi_VN",
            "-silent"]  # fmt: skip
    subprocess.run(args, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    lupdate(APP_TS)
    for ts in CATALOGUES:
        lrelease(ts, ts.with_suffix(".qm"))
    print(f"updated {', '.join(ts.with_suffix('.qm').name for ts in CATALOGUES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
