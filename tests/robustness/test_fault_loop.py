"""The fault loop: a multi-row write is run again and again on a fresh copy of the same register,
with its nth database step failing (n = 1, 2, 3, … until the write completes). A step is any
statement sent to SQLite, BEGIN IMMEDIATE and COMMIT included. After each failure the register is
closed and opened again and must be exactly as before, or exactly as a run without a fault
leaves it: never in between. The full check passes every time.

Each step fails in two ways: before SQLite runs it (the statement never happened) and after
(it happened, then an error came back: for COMMIT the data is on disk although the service saw
an error, so the test re-reads the register to know which of the two states it is in).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import peewee as pw
import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from desktop_app.services import checks, imports, meetings, registers
from desktop_app.services.meetings import Entry
from desktop_app.store import journal
from desktop_app.store.database import key_path
from desktop_app.store.models import JOURNALLED, Journal
from tests.conftest import PASSPHRASE, TODAY
from tests.services.pipeline import official

VOLATILE = {"id", "created_at", "updated_at"}  # differ between two runs of the same write


class InjectedFault(sqlcipher.OperationalError):
    """What a full disk or an I/O error looks like from SQLite."""


class FailingCursor:
    """A cursor whose ``execute`` counts steps and fails the chosen one."""

    def __init__(self, cursor, plan: FaultPlan):
        self._cursor, self._plan = cursor, plan

    def execute(self, sql, params=()):
        n = self._plan.step(sql)
        if n == self._plan.fail_at and not self._plan.after:
            raise InjectedFault(f"disk I/O error (injected before step {n}: {sql[:40]})")
        result = self._cursor.execute(sql, params)
        if n == self._plan.fail_at:
            raise InjectedFault(f"disk I/O error (injected after step {n}: {sql[:40]})")
        return result

    def __iter__(self):
        return iter(self._cursor)

    def __getattr__(self, name):
        return getattr(self._cursor, name)


@dataclass
class FaultPlan:
    fail_at: int  # 0: never (a trace of the steps)
    after: bool
    count: int = 0
    failed_sql: str = ""
    log: list[str] = field(default_factory=list)

    def step(self, sql: str) -> int:
        self.count += 1
        self.log.append(sql)
        if self.count == self.fail_at:
            self.failed_sql = sql
        return self.count

    def install(self, db) -> None:
        """Wrap the database's cursor (every statement, BEGIN and COMMIT too, goes through it:
        peewee's execute_sql, begin, commit and rollback all ask ``db.cursor()``)."""
        plain = db.cursor
        db.cursor = lambda *a, **kw: FailingCursor(plain(*a, **kw), self)


# -- what the register holds ------------------------------------------------------------------


def exact_state(reg) -> dict[str, object]:
    """Every journalled row and the journal head, ids and times included."""
    tables = {name: sorted(model.select().dicts(), key=_key) for name, model in JOURNALLED.items()}
    return {"head": journal.head(), "tables": tables}


def content(reg) -> dict[str, object]:
    """The same without what differs between two runs of the same write (new ids, times,
    hashes): used to compare with a run that had no fault."""
    tables = {
        name: sorted(
            ({k: v for k, v in row.items() if k not in VOLATILE} for row in model.select().dicts()),
            key=_key,
        )
        for name, model in JOURNALLED.items()
    }
    entries = [
        (e.seq, e.entity, e.op, e.changes, e.base_version, e.version)
        for e in Journal.select().order_by(Journal.seq)
    ]
    return {"tables": tables, "journal": entries}


def _key(row: dict[str, object]) -> str:
    return json.dumps(row, sort_keys=True, default=str)


# -- the two writes ---------------------------------------------------------------------------


@dataclass
class Scenario:
    setup: Callable[[object, Path], object]  # makes the register's starting state
    write: Callable[[object, object], object]  # the multi-row write, on an open register


def _sheet(path: Path, existing: dict[str, str]) -> Path:
    """A realistic list of 20 rows: new people, two already in the register (by ID number),
    a row with an impossible date and a row repeated in the file (both skipped)."""
    given = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Lan", "Mai", "Nam", "Thảo", "Tâm",
             "Vinh", "Yến", "Phúc", "Quang", "Sơn")  # fmt: skip
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh sách"
    ws.append(["ĐẢNG BỘ PHƯỜNG QUY NHƠN NAM"])
    ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 5"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức",
               "Số CCCD", "Số điện thoại"])  # fmt: skip
    rows: list[list[object]] = []
    for i, name in enumerate(given):
        female = i % 3 == 0
        rows.append([
            i + 1, f"{'Trần Thị' if female else 'Nguyễn Văn'} {name}", "Nữ" if female else "Nam",
            f"{1 + i % 27:02d}/{1 + i % 12:02d}/{1960 + i}", dt.date(1995 + i % 20, 5, 3),
            f"03/05/{1996 + i % 20}", f"05{1 if female else 0}1{60 + i:02d}{i:06d}",
            f"09{i:08d}",
        ])  # fmt: skip
    for n, (name, number) in enumerate(existing.items(), start=17):  # updates by ID number
        rows.append([n, name, "Nam", "1970", None, None, number, f"08{n:08d}"])
    rows.append([19, "Lê Văn Lỗi", "Nam", "31/02/1970", None, None, None, None])  # bad date
    rows.append([20, rows[0][1], rows[0][2], rows[0][3], rows[0][4], rows[0][5], None, None])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _import_setup(reg, tmp: Path):
    existing = {}
    for i, name in enumerate(("Phạm Văn Đồng", "Võ Văn Kiệt")):
        number = f"0790700{i:05d}"
        official(reg, name, id_number=number)
        existing[name] = number
    plan = imports.open_plan(_sheet(tmp / "danh-sach-20.xlsx", existing))
    return plan


def _import_write(reg, plan):
    result = imports.preview(reg, plan, TODAY)
    assert len(result.rows) == 20
    actions = [r.default_action for r in result.rows]
    assert (actions.count("add"), actions.count("update"), actions.count("skip")) == (16, 2, 2)
    return imports.apply(reg, result, today=TODAY)


def _rollcall_setup(reg, tmp: Path):
    names = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đỗ Văn Em",
             "Hoàng Thị Giang", "Vũ Văn Hùng", "Đặng Thị Hoa")  # fmt: skip
    ids = [official(reg, n, "female" if "Thị" in n else "male") for n in names]
    meeting = meetings.add_meeting(reg, {"kind": "regular", "date": dt.date(2026, 3, 5)}, TODAY)
    first = [Entry("absent", ids[0]), Entry("late", ids[1]), Entry("excused", ids[2], reason="Ốm"),
             Entry("present", None, "Nguyễn Văn Khách")]  # fmt: skip
    meetings.record_rollcall(reg, meeting.id, first, today=TODAY)
    return meeting.id, ids


def _rollcall_write(reg, ctx):
    meeting_id, ids = ctx
    # one line kept, one changed, one dropped, four new: tombstones, updates and inserts
    entries = [
        Entry("absent", ids[0]), Entry("excused", ids[1], reason="Đi công tác"),
        Entry("late", ids[3]), Entry("absent", ids[4]), Entry("excused", ids[5], reason="Ốm"),
        Entry("present", None, "Nguyễn Văn Khách"), Entry("present", None, "Bà Lê Thị Mời"),
    ]  # fmt: skip
    return meetings.record_rollcall(reg, meeting_id, entries, today=TODAY)


SCENARIOS = {
    "import-20-rows": Scenario(_import_setup, _import_write),
    "record-rollcall": Scenario(_rollcall_setup, _rollcall_write),
}


# -- the loop ---------------------------------------------------------------------------------


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    shutil.copyfile(key_path(source), key_path(target))
    return target


def _checked(reg) -> None:
    report = checks.check_register(reg)
    assert report.ok, report.to_json()


def _injected(exc: BaseException | None) -> bool:
    """The error, or one it was raised while handling (peewee's ROLLBACK after a COMMIT that
    went through fails on its own), is the injected fault."""
    while exc is not None:
        if "injected" in str(exc):
            return True
        exc = exc.__context__
    return False


def _run_with_fault(scenario: Scenario, ctx, path: Path, plan: FaultPlan) -> bool:
    """Run the write with the fault armed; whether the fault fired."""
    with registers.open_register(path, PASSPHRASE) as reg:
        plan.install(reg.db)
        try:
            scenario.write(reg, ctx)
        except pw.OperationalError as exc:
            assert _injected(exc), exc
            return True
    return plan.count >= plan.fail_at > 0


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_failed_step_leaves_the_register_before_or_after_never_between(
    name, register, register_path, tmp_path
):
    scenario = SCENARIOS[name]
    ctx = scenario.setup(register, tmp_path)
    register.close()
    with registers.open_register(register_path, PASSPHRASE) as reg:
        before = exact_state(reg)
    reference = _copy(register_path, tmp_path / "reference" / "so.sochibo")
    trace = FaultPlan(0, False)
    assert not _run_with_fault(scenario, ctx, reference, trace)
    with registers.open_register(reference, PASSPHRASE) as reg:
        _checked(reg)
        after = content(reg)
    assert len(after["journal"]) >= before["head"][0] + 5  # many rows  # type: ignore[index,arg-type]
    commits = [i for i, sql in enumerate(trace.log, start=1) if sql.strip().upper() == "COMMIT"]
    assert len(commits) == 1, "one write, one transaction"
    commit = commits[0]

    for after_step in (False, True):
        n, fired = 0, True
        while fired:
            n += 1
            work = _copy(register_path, tmp_path / f"n{n}-{after_step}" / "so.sochibo")
            plan = FaultPlan(n, after_step)
            fired = _run_with_fault(scenario, ctx, work, plan)
            with registers.open_register(work, PASSPHRASE) as reg:
                _checked(reg)
                where = f"fault {'after' if after_step else 'at'} step {n} ({plan.failed_sql[:50]})"
                written = n > commit or (after_step and n == commit) or not fired
                if written:
                    assert content(reg) == after, f"{where}: the write should have landed whole"
                else:
                    assert exact_state(reg) == before, f"{where}: the register changed"
            shutil.rmtree(work.parent)
        assert n == trace.count + 1, "every step was failed once"
    print(
        f"{name}: {trace.count} steps (COMMIT is step {commit}), each failed before and after "
        "it ran"
    )
