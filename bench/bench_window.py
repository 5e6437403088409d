"""Cold start to a usable window on a 10,000-person register, beside its floor (an empty
PySide6 window), and opening the member dialog. ``python -m bench.bench_window``.

Each start is a fresh process timed from just before it is spawned. Marks: the first window
(the unlock dialog), the main window after unlocking (includes Argon2id, 64 MiB), and the
Members area showing every person.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from bench.common import PASSPHRASE, save
from bench.make_register import build

FLOOR = """
import json, os, sys, time
t0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show()
def done():
    print(json.dumps({"first_window": time.time() - t0})); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

OURS = """
import json, os, sys, time
from pathlib import Path
t0 = float(os.environ["BENCH_T0"])
marks = {}
from PySide6.QtCore import QTimer
from desktop_app.ui.app import Shell, create_application
from desktop_app.ui.tasks import TaskRunner
app, settings = create_application()
runner = TaskRunner()
shell = Shell(runner, settings)
shell.start(Path(os.environ["BENCH_REGISTER"]))
def first():
    marks["first_window"] = time.time() - t0
    shell.unlock_dialog.secret.setText(os.environ["BENCH_PASSPHRASE"])
    QTimer.singleShot(int(os.environ.get("BENCH_TYPING_MS", "0")), enter)
def enter():
    marks["unlock_clicked"] = time.time() - t0
    shell.unlock_dialog.submit()
    QTimer.singleShot(1, wait_main)
def wait_main():
    if shell.window is None or not shell.window.isVisible():
        return QTimer.singleShot(1, wait_main)
    marks["main_window"] = time.time() - t0
    shell.window.show_area("members")
    QTimer.singleShot(1, wait_list)
def wait_list():
    page = _members()
    if page is None or page.model.total() < int(os.environ["BENCH_PEOPLE"]):
        return QTimer.singleShot(1, wait_list)
    marks["members_listed"] = time.time() - t0
    print(json.dumps(marks)); runner.shutdown(); app.quit()
def _members():
    from desktop_app.ui.pages.members import MembersPage
    pages = shell.window.findChildren(MembersPage)
    return pages[0] if pages else None
QTimer.singleShot(0, first)
app.exec()
"""


def _spawn(code: str, env: dict[str, str]) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env, "BENCH_T0": repr(time.time())}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    return {k: round(v * 1000, 1) for k, v in json.loads(out.splitlines()[-1]).items()}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.median(r[k] for r in runs), 1) for k in runs[0]}


def dialog_open(path, people: int) -> dict[str, float]:
    """Opening the member dialog for editing, on the GUI thread (no database work)."""
    code = """
import json, os, statistics, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app.services import members, registers
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.tasks import TaskRunner
runner = TaskRunner()
reg = registers.open_register(Path(os.environ["BENCH_REGISTER"]), os.environ["BENCH_PASSPHRASE"])
people = members.list_people(reg)[:50]
runs = []
for person in people:
    t = time.perf_counter(); d = MemberDialog(runner, person); d.show(); app.processEvents()
    runs.append(time.perf_counter() - t); d.close(); d.deleteLater()
reg.close()
print(json.dumps({"first": runs[0], "median": statistics.median(runs[1:]), "max": max(runs[1:])}))
"""
    env = {"BENCH_REGISTER": str(path), "BENCH_PASSPHRASE": PASSPHRASE}
    return _spawn(code, env)


KEYSTROKES = """
import json, os, statistics, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app.services import registers
from desktop_app.ui.pages.members import MembersPage
from desktop_app.ui.tasks import TaskRunner
runner = TaskRunner()
runner.adopt(registers.open_register(Path(os.environ["BENCH_REGISTER"]),
                                     os.environ["BENCH_PASSPHRASE"]))
page = MembersPage(runner); page.resize(1010, 800); page.show()
while page.model.total() < int(os.environ["BENCH_PEOPLE"]):
    app.processEvents()
result = {}
for word in ("nguyen thi ha", "Nguyễn Thị Hà", "tran"):
    runs = []
    for _ in range(3):
        for i in range(1, len(word) + 1):
            t = time.perf_counter()
            page.search.setText(word[:i])  # what each keystroke does
            runner.wait_idle()  # the query on the database thread, its result queued back
            app.processEvents()  # the filter applied and the table painted
            runs.append(time.perf_counter() - t)
        page.search.clear(); runner.wait_idle(); app.processEvents()
    result[word] = {"median": statistics.median(runs), "max": max(runs)}
print(json.dumps({f"{w} {k}": v for w, r in result.items() for k, v in r.items()}))
runner.shutdown()
"""


def run(people: int = 10_000, repeat: int = 5) -> dict:
    path = build(people)
    env = {
        "BENCH_REGISTER": str(path),
        "BENCH_PASSPHRASE": PASSPHRASE,
        "BENCH_PEOPLE": str(people),
        "SOCHIBO_HOME": str(path.parent / "home"),
    }
    floor = _median([_spawn(FLOOR, env) for _ in range(repeat)])
    ours = _median([_spawn(OURS, env) for _ in range(repeat)])
    return {
        "people": people,
        "floor_empty_window_ms": floor,
        "ours_ms": ours,
        "member_dialog_ms": dialog_open(path, people),
        "keystroke_ms": _spawn(KEYSTROKES, env),
    }


def main() -> None:
    result = run()
    print(json.dumps(result, indent=2))
    print(save("window", result))


if __name__ == "__main__":
    main()
