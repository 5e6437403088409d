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


# Debian/Ubuntu packages for the libraries Qt's X11 plugin loads (PySide6 wheels bring Qt only).
_QT_SYSTEM_LIBS = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libdbus-1.so.3": "libdbus-1-3",
}  # fmt: skip


def missing_qt_libraries() -> list[str]:
    """System libraries Qt's X11 plugin cannot find (Linux only; empty when all is well)."""
    if not sys.platform.startswith("linux"):
        return []
    plugins = list(VENV.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    if not plugins:
        return []
    try:
        out = subprocess.run(["ldd", str(plugins[0])], capture_output=True, text=True).stdout
    except OSError:
        return []
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def run(args: list[str]) -> int:
    ensure_env()
    missing = missing_qt_libraries()
    if missing and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        packages = " ".join(sorted({_QT_SYSTEM_LIBS.get(m, m) for m in missing}))
        print(
            "• Qt thiếu thư viện hệ thống (Qt is missing system libraries): "
            f"{', '.join(missing)}\n  Cài bằng (install with): sudo apt-get install {packages}",
            file=sys.stderr,
        )
    return subprocess.call([str(PYTHON), "-m", "desktop_app", *args], cwd=ROOT)


# The whole suite runs as two pytest processes at once, one per core: the window's tests before
# SPLIT (then the frozen-program checks) in one process, the rest of the window's tests (then
# the tests without a window) in the other. Naming test paths runs one process.
SPLIT = "test_s"
# Run at the start of their process: late in a long run the wizard they drive was found
# deleted while its register was being made (twice, at the same place, never alone). The
# wizards now ignore answers that come after they closed; kept first all the same.
FIRST = ("tests/ui/test_passphrase_dialogs.py",)


def _names_tests(args: list[str]) -> bool:
    """Whether the arguments name test files or folders (not an option's value)."""
    return any(not a.startswith("-") and (ROOT / a.split("::")[0]).exists() for a in args)


def _shards(args: list[str]) -> list[list[str]]:
    if _names_tests(args) or (os.cpu_count() or 1) < 2:
        return [args]
    tests = ROOT / "tests"
    window = sorted(p.relative_to(ROOT).as_posix() for p in (tests / "ui").glob("test_*.py"))
    early = [f for f in window if Path(f).name < SPLIT]
    early.sort(key=lambda f: f not in FIRST)  # see FIRST
    late = [f for f in window if Path(f).name >= SPLIT]
    others = [
        p.relative_to(ROOT).as_posix()
        for p in sorted(tests.iterdir())
        if p.is_dir() and p.name not in ("ui", "packaging") and p.name[0] not in "._"
    ]
    return [[*early, "tests/packaging", *args], [*late, *others, *args]]


def _pytest(shards: list[list[str]], env: dict[str, str]) -> int:
    """Run the shards side by side: the first prints as it goes, the others when done."""
    if len(shards) == 1:
        return subprocess.call([str(PYTHON), "-m", "pytest", *shards[0]], cwd=ROOT, env=env)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sochibo-tests-") as tmp:
        logs = [Path(tmp) / f"shard-{n}.log" for n in range(len(shards))]
        procs = []
        for n, shard in enumerate(shards):
            command = [str(PYTHON), "-m", "pytest", f"--basetemp={tmp}/base-{n}", *shard]
            out = None if n == 0 else open(logs[n], "w")  # noqa: SIM115 (closed below)
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
            procs.append((proc, out))
        codes = []
        for n, (proc, out) in enumerate(procs):
            codes.append(proc.wait())
            if out is not None:
                out.close()
                print(f"\n• {' '.join(shards[n][:3])} …", flush=True)
                print(logs[n].read_text(errors="replace"), flush=True)
    return next((code for code in codes if code), 0)


def test(args: list[str]) -> int:
    ensure_env("test")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    lint = subprocess.call(
        [str(PYTHON), "-m", "ruff", "check", "desktop_app", "tests", "bench", "dev.py", "scripts"],
        cwd=ROOT,
    )
    return _pytest(_shards(args), env) or lint


def main() -> int:
    command, rest = (sys.argv[1:2] or ["run"])[0], sys.argv[2:]
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    sys.exit("usage: python3 dev.py run [ARGS…] | python3 dev.py test [PYTEST ARGS…]")


if __name__ == "__main__":
    sys.exit(main())
