"""Several cells editing and exporting while their bundles reach the upper level duplicated,
in any order, some never, some again long after; receipts travel back the same way. The upper
level never applies an entry twice, never skips one, and always holds exactly what the cells'
journals say up to where it has applied; once the last bundles arrive it holds everything."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from desktop_app.services import meetings, members, sync_cell
from desktop_app.services import upper_workspace as ws
from desktop_app.store import journal, sync_state, upper_replica
from desktop_app.sync import replica
from desktop_app.sync.bundle import Entry
from desktop_app.sync.errors import SyncRefused
from tests.conftest import TODAY
from tests.sync.upper_helpers import World, assert_mirrors, use

CODES = ("CB-A", "CB-B", "CB-C")
ACTIONS = ("add", "edit", "exempt", "meeting")
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Văn Em")


class Reporting(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="sochibo-sm-"))
        self.world = World(self.folder)
        for code in CODES:
            self.world.add_cell(code, f"Chi bộ {code}")
        self.people: dict[str, list[str]] = {code: [] for code in CODES}
        self.bundles: list[tuple[str, Path]] = []
        self.receipts: list[tuple[str, Path]] = []
        self.delivered: dict[str, int] = {code: 0 for code in CODES}

    @initialize()
    def each_cell_has_people_and_a_bundle_on_a_stick(self) -> None:
        for code, name in zip(CODES, NAMES, strict=False):
            self.people[code].append(self._official(code, name))
            self.export(code)

    def _official(self, code: str, name: str) -> str:
        return self.world.add_person(
            code, name, membership="official", ceremony_date="10/10/2000",
            official_date="10/10/2001", allow_duplicate=True,
        )  # fmt: skip

    # -- the cells work ---------------------------------------------------------------------

    @rule(code=st.sampled_from(CODES), action=st.sampled_from(ACTIONS), data=st.data())
    def edit(self, code: str, action: str, data) -> None:
        """One change in a cell: a person added or edited, an exemption or its undoing (a
        tombstone), a meeting with its roll call."""
        reg = use(self.world.cells[code])
        people = self.people[code]
        if action == "add" or not people:
            name = data.draw(st.sampled_from(NAMES))
            people.append(self._official(code, name))
            return
        pid = data.draw(st.sampled_from(people))
        if action == "edit":
            phone = data.draw(st.integers(0, 99))
            members.update_person(reg, pid, {"phone": f"09050000{phone:02d}"}, today=TODAY)
        elif action == "exempt" and not members.get_person(reg, pid).exempted:
            members.record_event(reg, pid, "exemption", dt.date(2026, 3, 2), reason="Ốm",
                                 today=TODAY)  # fmt: skip
        elif action == "exempt":
            members.undo_last_event(reg, pid)
        else:
            day = data.draw(st.integers(1, 28))
            made = meetings.add_meeting(reg, {"kind": "regular", "date": dt.date(2026, 10, day)},
                                        today=TODAY)  # fmt: skip
            guest = meetings.Entry("present", None, f"Khách mời {day}")
            meetings.record_rollcall(reg, made.id, [guest], today=TODAY)

    @rule(code=st.sampled_from(CODES))
    def export(self, code: str) -> None:
        try:
            self.bundles.append((code, self.world.export(code)))
        except SyncRefused as exc:
            assert "Không có gì mới để gửi" in str(exc)

    # -- the sticks travel ------------------------------------------------------------------

    @precondition(lambda self: self.bundles)
    @rule(data=st.data())
    def deliver(self, data) -> None:
        """Any bundle written so far: the newest, an old one, one delivered before."""
        code, path = data.draw(st.sampled_from(self.bundles))
        confirm = self.world.fingerprint(code)
        result = self.world.receive(path, confirm=confirm)
        event(f"bundle {result.status}")
        assert result.status in ("applied", "duplicate"), result.message
        if result.status == "applied":
            assert result.applied_before < result.seq_to == result.applied_after
            self.delivered[code] = result.applied_after

    @precondition(lambda self: any(self.delivered.values()))
    @rule(data=st.data())
    def issue_receipt(self, data) -> None:
        code = data.draw(st.sampled_from([c for c in CODES if self.delivered[c]]))
        self.receipts.append((code, self.world.receipt(code)))

    @precondition(lambda self: self.receipts)
    @rule(data=st.data())
    def take_receipt(self, data) -> None:
        code, path = data.draw(st.sampled_from(self.receipts))
        before = sync_cell.status(use(self.world.cells[code])).acked_seq
        done = self.world.take_receipt(code, path)
        moved = "moved" if done.status.acked_seq > before else "kept"
        event(f"receipt {done.change}, acknowledgement {moved}")
        assert done.status.acked_seq == max(before, done.applied_seq)

    # -- what must always hold --------------------------------------------------------------

    @invariant()
    def the_upper_level_holds_each_prefix_exactly_once(self) -> None:
        for code in CODES:
            self._check(code)

    def _check(self, code: str) -> None:
        use(self.world.cells[code])
        rows = list(journal.chain_rows())
        use(self.world.upper)
        cell = ws.find_cell(code)
        applied = cell.applied_seq
        assert applied == self.delivered[code]
        count, low, high = upper_replica.entry_count(cell.id)
        assert (count, high) == (applied, applied) and low == (1 if applied else 0)
        stored = upper_replica.stored_hashes(cell.id, 1, applied)
        assert [stored[s] for s in range(1, applied + 1)] == [r[-1] for r in rows[:applied]]
        if applied:
            assert cell.applied_hash == rows[applied - 1][-1]
        prefix = [Entry(*r[:4], json.loads(r[4]), *r[5:]) for r in rows[:applied]]
        expected = replica.fold(prefix, {})
        held = upper_replica.snapshot(cell.id)
        assert set(held) == set(expected)
        for key, record in expected.items():
            assert held[key] == (record.version, record.deleted, record.data), key

    def teardown(self) -> None:
        try:
            for code in CODES:  # the last bundles arrive: nothing was lost
                try:
                    path = self.world.export(code)
                except SyncRefused:
                    path = None
                if path is not None:
                    done = self.world.receive(path, confirm=self.world.fingerprint(code))
                    self.delivered[code] = done.applied_after
                use(self.world.cells[code])
                assert sync_state.news_after(self.delivered[code]) == 0
                self._check(code)
                assert_mirrors(self.world, code, acks_may_lag=True)
        finally:
            self.world.close()
            shutil.rmtree(self.folder, ignore_errors=True)


Reporting.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=40,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),  # a shrink of this machine takes many minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TestReporting = Reporting.TestCase
