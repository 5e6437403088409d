"""The attendance grid and the year report on a 300-member cell with a year of meetings (12
regular, 4 thematic, 2 resolution study; some late, excused and unexcused), beside the floor:
the same meetings, lines and members in plain SQL. ``python -m bench.bench_attendance``.

Measured: ``attendance.grid`` and ``attendance.year_report`` on the database thread, one cell
written through ``meetings.set_attendance``, the grid model's ``set_rows`` and a refresh of
one row on the GUI thread, and the grid widget opened offscreen until its rows show.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from bench.common import DATA, PASSPHRASE, save, timed
from bench.make_register import fill as fill_people
from desktop_app.domain.attendance import group_on
from desktop_app.services import attendance, meetings, rolls
from desktop_app.services.meetings import Entry
from desktop_app.store.database import Register, key_path

TODAY = dt.date(2026, 11, 22)
YEAR = 2025
REASONS = ("Đi công tác", "Ốm, có giấy của trạm y tế", "Việc gia đình", "Trực cơ quan")
THEMATIC = (3, 6, 9, 12)
STUDY = (2, 8)
FLOOR_SQL = (
    "SELECT m.id, m.date, m.kind, a.person_id, a.status, a.reason FROM meeting m "
    "LEFT JOIN attendance a ON a.meeting_id = m.id AND a.deleted = 0 "
    "WHERE m.deleted = 0 AND m.held = 1 AND m.date BETWEEN ? AND ?"
)
FLOOR_PEOPLE = (
    "SELECT p.*, e.kind, e.date FROM person p LEFT JOIN person_event e ON e.person_id = p.id "
    "AND e.deleted = 0 WHERE p.deleted = 0 AND p.membership IN ('official', 'probationary')"
)


def _weekday(month: int, day: int) -> dt.date:
    on = dt.date(YEAR, month, day)
    while on.weekday() >= 5:
        on += dt.timedelta(days=1)
    return on


def _schedule() -> list[tuple[str, dt.date, str]]:
    out = [("regular", _weekday(m, 6), f"Sinh hoạt chi bộ thường kỳ tháng {m}/{YEAR}")
           for m in range(1, 13)]  # fmt: skip
    out += [("thematic", _weekday(m, 20), f"Sinh hoạt chuyên đề quý {m // 3}/{YEAR}")
            for m in THEMATIC]  # fmt: skip
    out += [("study", _weekday(m, 13), "Học tập, quán triệt nghị quyết") for m in STUDY]
    return out


def _entries(expected: list[str], rng: random.Random) -> list[Entry]:
    entries = []
    for pid in expected:
        roll = rng.random()
        if roll < 0.04:
            entries.append(Entry("late", pid))
        elif roll < 0.08:
            entries.append(Entry("excused", pid, reason=rng.choice(REASONS)))
        elif roll < 0.10:
            entries.append(Entry("absent", pid))
    return entries


def fill_meetings(reg: Register, seed: int = 2025) -> None:
    rng = random.Random(seed)
    presences = rolls.all_presences()
    for kind, on, topic in _schedule():
        view = meetings.add_meeting(reg, {"kind": kind, "date": on, "topic": topic}, today=TODAY)
        expected = [p.person_id for p in presences if group_on(p, on) == "member"]
        meetings.record_rollcall(reg, view.id, _entries(expected, rng), today=TODAY)


def build(members: int = 300, force: bool = False) -> Register:
    """bench/data/attendance-<N>.sochibo: ``members`` members (and a few candidates) with a
    year of meetings; opened."""
    path = DATA / f"attendance-{members}.sochibo"
    if force or not path.exists():
        path.unlink(missing_ok=True)
        key_path(path).unlink(missing_ok=True)
        start = time.perf_counter()

        def initialise(reg: Register) -> None:
            fill_people(reg, round(members * 1.27))  # some left or joined late: ~members rows
            with reg.atomic():
                fill_meetings(reg)

        reg, _ = Register.create(path, PASSPHRASE, initialise=initialise)
        reg.close()
        print(f"{path}: built in {time.perf_counter() - start:.1f} s")
    return Register.open(path, PASSPHRASE)


def _one_write(reg: Register, grid: attendance.Grid):
    """Toggle one cell between late and the default (two writes per call)."""
    row = next(r for r in grid.rows if not r.exempted and r.cells[0] == "present")
    mid = grid.meetings[0].id

    def write() -> None:
        meetings.set_attendance(reg, mid, row.person_id, "late", today=TODAY)
        meetings.set_attendance(reg, mid, row.person_id, None, today=TODAY)

    return write


def measure_services(reg: Register) -> dict:
    grid = attendance.grid(reg, YEAR)
    report = attendance.year_report(reg, YEAR)
    floor = (f"{YEAR}-01-01", f"{YEAR}-12-31")
    return {
        "rows": len(grid.rows),
        "meetings": len(grid.meetings),
        "members_in_report": len(report.members),
        "grid": timed(lambda: attendance.grid(reg, YEAR), repeat=5, warmup=1),
        "year_report": timed(lambda: attendance.year_report(reg, YEAR), repeat=5, warmup=1),
        "set_attendance_x2": timed(_one_write(reg, grid), repeat=5, warmup=1),
        "all_presences": timed(rolls.all_presences, repeat=5, warmup=1),
        "floor_sql": timed(
            lambda: (
                reg.db.execute_sql(FLOOR_SQL, floor).fetchall(),
                reg.db.execute_sql(FLOOR_PEOPLE).fetchall(),
            ),
            repeat=5,
            warmup=1,
        ),
    }


def _changed_grid(reg: Register, grid: attendance.Grid) -> attendance.Grid:
    """The same grid with one cell marked late (written, read, then put back)."""
    row = next(r for r in grid.rows if not r.exempted and r.cells[-1] == "present")
    mid = grid.meetings[-1].id
    meetings.set_attendance(reg, mid, row.person_id, "late", today=TODAY)
    changed = attendance.grid(reg, YEAR)
    meetings.set_attendance(reg, mid, row.person_id, None, today=TODAY)
    return changed


def _wait(app, signal, done) -> float:
    """Run the event loop (idle, as the real window is) until ``signal`` fires with ``done()``
    true; milliseconds taken. Spinning processEvents instead would hold the GIL and slow the
    database thread."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    start = time.perf_counter()

    def check(*_args) -> None:
        if done():
            loop.quit()

    signal.connect(check)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    signal.disconnect(check)
    took = (time.perf_counter() - start) * 1000
    app.processEvents()  # and paint
    return took


def _median(runs: list[float]) -> dict[str, float]:
    runs = sorted(runs)
    return {"median_ms": round(runs[len(runs) // 2], 1), "max_ms": round(runs[-1], 1)}


def measure_ui(reg: Register) -> dict:
    """The model and the widget, offscreen; the register moves to a TaskRunner."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.models.attendance_grid_model import AttendanceGridModel
    from desktop_app.ui.pages.attendance_grid import AttendanceGrid
    from desktop_app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    grid = attendance.grid(reg, YEAR)
    other = _changed_grid(reg, grid)
    model = AttendanceGridModel()
    reset = timed(lambda: (model.clear(), model.set_grid(grid)), repeat=10, warmup=2)
    grids = [grid, other]

    def flip() -> None:  # the same shape, one row different each time
        grids.reverse()
        model.set_grid(grids[0])

    one_row = timed(flip, repeat=10, warmup=2)
    runner = TaskRunner()
    runner.adopt(reg)
    opens, gui, marks = [], [], []
    for _ in range(5):
        widget = AttendanceGrid(runner)
        widget.resize(1280, 800)
        original = widget._loaded

        def loaded(seq, data, original=original):
            start = time.perf_counter()
            original(seq, data)
            gui.append((time.perf_counter() - start) * 1000)

        widget._loaded = loaded
        widget.show()
        widget.load(YEAR)
        opens.append(_wait(app, widget.model.modelReset, lambda w=widget: w.model.rowCount() > 0))
        marks.append(_mark_round_trip(app, widget))
        widget.close()
        widget.deleteLater()
        app.processEvents()
    runner.shutdown()
    return {
        "model_set_grid_reset": reset,
        "model_refresh_one_row_changed": one_row,
        "open_widget": _median(opens),
        "open_widget_gui_thread": _median(gui),
        "mark_to_cell_shown": _median([cell for cell, _ in marks]),
        "mark_to_totals_shown": _median([totals for _, totals in marks]),
    }


def _mark_round_trip(app, widget) -> tuple[float, float]:
    """A key mark (unexcused) until the grid shows its cell, and until its totals show; then
    the cell put back."""
    from desktop_app.ui.models.attendance_grid_model import UNEXCUSED

    model, index = widget.model, widget.table.currentIndex()
    total = model.index(index.row(), model.total_column(UNEXCUSED))
    before, count = index.data(), total.data()
    widget.mark("absent")
    cell = _wait(app, model.dataChanged, lambda: index.data() == "V")
    totals = _wait(app, model.dataChanged, lambda: total.data() != count) + cell
    widget.table.setCurrentIndex(index)
    widget.mark(None)
    _wait(app, model.dataChanged, lambda: index.data() == before and total.data() == count)
    return cell, totals


def run(members: int = 300) -> dict:
    reg = build(members)
    result = {"members": members, "year": YEAR, **measure_services(reg)}
    result |= measure_ui(reg)  # closes the register
    return result


KEYS = (
    "grid", "year_report", "set_attendance_x2", "all_presences", "floor_sql",
    "model_set_grid_reset", "model_refresh_one_row_changed", "open_widget",
    "open_widget_gui_thread", "mark_to_cell_shown", "mark_to_totals_shown",
)  # fmt: skip


def main() -> None:
    result = run()
    for key in KEYS:
        median, worst = result[key]["median_ms"], result[key]["max_ms"]
        print(f"{key:30} median {median:8.1f} ms  max {worst:8.1f}")
    print(f"{result['rows']} rows × {result['meetings']} meetings")
    print(save("attendance", result))


if __name__ == "__main__":
    main()
