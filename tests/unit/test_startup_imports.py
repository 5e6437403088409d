"""What starting the window imports before its first window shows, and what it imports on the
database thread while the passphrase is typed (docs/performance.md, cold start).

Each check runs in a fresh interpreter: the test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Heavy, and needed only once a register is open or a wizard runs: never before the first window.
NOT_AT_START = (
    "desktop_app.ui.main_window",
    "desktop_app.ui.upper_window",
    "desktop_app.ui.dialogs.create_wizard",
    "desktop_app.ui.dialogs.workspace_wizard",
    "desktop_app.ui.dialogs.recovery_dialog",
    "desktop_app.services.demo_upper",
    "desktop_app.services.demo_development",
    "desktop_app.forms.registry",
    "reportlab",
    "openpyxl",
    "holidays",
)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_first_window_imports_only_what_it_shows():
    loaded = _modules_after("import desktop_app.ui.app")
    assert "desktop_app.ui.dialogs.unlock" in loaded and "desktop_app.ui.pages.welcome" in loaded
    assert sorted(m for m in NOT_AT_START if m in loaded) == []


def test_the_warm_up_imports_no_qt_and_what_the_window_needs():
    """Imported on the database thread: a module there that brought Qt in would make widgets'
    classes off the GUI thread."""
    from desktop_app.ui.app import WARM_UP

    loaded = _modules_after("\n".join(f"import {name}" for name in WARM_UP))
    assert set(WARM_UP) <= loaded
    assert sorted(m for m in loaded if m.startswith(("PySide6", "shiboken6"))) == []
    assert {"desktop_app.forms.registry", "reportlab", "openpyxl", "holidays"} <= loaded
