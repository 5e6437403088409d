#!/usr/bin/env python3
"""Set up and run Sổ Chi bộ from a fresh clone: ``python3 dev.py run`` or ``python3 dev.py test``.

Creates ``.venv`` beside this file, installs the project (and the test extras for ``test``)
from pyproject.toml, reinstalling only when pyproject.toml changed, then launches the program or
runs lint and the whole test suite. Extra arguments go to the program or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _stamp(extra: str) -> Path:
    return VENV / f".installed-{extra or 'app'}"


def _wanted(extra: str) -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()


def ensure_env(extra: str = "") -> None:
    """Create the venv and install the project once per pyproject.toml version."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be run by an older python3)
        sys.exit("Sổ Chi bộ cần Python 3.11 trở lên (needs Python 3.11+).")
    if not PYTHON.exists():
        print("• Tạo môi trường .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp, wanted = _stamp(extra), _wanted(extra)
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("• Cài đặt thư viện (lần đầu mất vài phút) …", flush=True)
    target = f".[{extra}]" if extra else "."
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", target], cwd=ROOT, check=True)
    stamp.write_text(wanted)


def run(args: list[str]) -> int:
    ensure_env()
    return subprocess.call([str(PYTHON), "-m", "desktop_app", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    ensure_env("test")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    lint = subprocess.call(
        [str(PYTHON), "-m", "ruff", "check", "desktop_app", "tests", "bench", "dev.py", "scripts"],
        cwd=ROOT,
    )
    tests = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    return tests or lint


def main() -> int:
    command, rest = (sys.argv[1:2] or ["run"])[0], sys.argv[2:]
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    sys.exit("usage: python3 dev.py run [ARGS…] | python3 dev.py test [PYTEST ARGS…]")


if __name__ == "__main__":
    sys.exit(main())
