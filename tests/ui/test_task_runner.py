"""The database thread's runner: work for a register closed before the work ran is dropped
quietly (a page reloading while the window closes must not show an error), other failures
reach their handler."""

from __future__ import annotations

from desktop_app.ui.tasks import TaskRunner


def test_work_for_a_closed_register_is_dropped_without_an_error(runner: TaskRunner, qtbot):
    done, failed = [], []
    runner.submit(lambda reg: reg, done.append, failed.append)
    runner.wait_idle()
    qtbot.wait(20)
    assert done == [] and failed == []


def test_other_failures_reach_their_handler(runner: TaskRunner, qtbot):
    failed = []

    def broken():
        raise ValueError("hỏng")

    runner.call(broken, None, failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert isinstance(failed[0], ValueError) and str(failed[0]) == "hỏng"
