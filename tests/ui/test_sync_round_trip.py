"""Issue 7's "done when", in the window: two cells and one upper level on one machine go
through enrolment, sending, receiving with a preview first, the receipt and a second,
incremental round, each step pressed on the page a person uses.

The cells' page (Send to upper level) and the upper level's pages (Receive bundles, Decisions
and receipts) each run on their own TaskRunner, as the two programs would. The models follow
the register bound last (tests/sync/upper_helpers.py), so the steps take turns: each side's
work is bound to its register before it runs, and the other side is idle meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.services import members, registers, sync_cell
from desktop_app.services import upper_workspace as ws
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.ui.dialogs.sync_dialogs import EnrolDialog, ReceiptDialog
from desktop_app.ui.pages.sync import SyncPage
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.upper import decisions as decisions_module
from desktop_app.ui.upper.decisions import DecisionsPage
from desktop_app.ui.upper.inbox import InboxPage
from tests.conftest import PASSPHRASE, TODAY
from tests.sync.upper_helpers import use
from tests.ui.helpers import run, settle
from tests.ui.test_upper_window import answer_fingerprint, choose, row_for

WAIT = 20_000
UPPER_NAME = "Đảng ủy phường Quy Nhơn Nam"
CELLS = {
    "CB-KP5": ("Chi bộ Khu phố 5", ["Nguyễn Văn An", "Trần Thị Bình"]),
    "CB-KP6": ("Chi bộ Khu phố 6", ["Lê Văn Cường", "Phạm Thị Dung", "Võ Văn Em"]),
}


class Cell:
    """One cell's register, its runner and its Send page."""

    def __init__(self, code: str, folder: Path, qtbot) -> None:
        name, people = CELLS[code]
        self.code = code
        self.reg, _ = registers.create_register(
            folder / f"{code}.sochibo", PASSPHRASE,
            {"name": name, "code": code, "upper_level": UPPER_NAME}, kdf=FAST_KDF_FOR_TESTS,
        )  # fmt: skip
        for person in people:
            self.add(person)
        self.runner = TaskRunner()
        self.runner.adopt(self.reg)
        self.page = SyncPage(self.runner)
        qtbot.addWidget(self.page)

    def add(self, name: str) -> None:
        """Bound to this cell's register (on the runner's thread once the page has it)."""
        use(self.reg)
        data = {"full_name": name, "sex": "female" if "Thị" in name else "male",
                "membership": "official", "official_date": "10/10/2001"}  # fmt: skip
        members.add_person(self.reg, data, today=TODAY)

    def press(self, qtbot, button) -> str:
        """Bind the cell's register, press, wait for the page's message; return it."""
        run(self.runner, use)
        self.page.show()
        qtbot.waitUntil(lambda: self.page.view is not None, timeout=WAIT)
        assert button.isEnabled(), button.text()
        button.click()
        qtbot.waitUntil(lambda: not self.page._busy and self.page.banner.isVisible(), timeout=WAIT)
        settle(self.runner)
        assert self.page.banner.level == "ok", self.page.banner.text()
        text = self.page.banner.text()
        self.page.hide()
        return text


@pytest.fixture
def world(tmp_path, qtbot, vietnamese, monkeypatch):
    upper, _ = ws.create_workspace(
        tmp_path / "cap-tren.sochibo", PASSPHRASE, UPPER_NAME, kdf=FAST_KDF_FOR_TESTS
    )
    cells = {code: Cell(code, tmp_path, qtbot) for code in CELLS}
    upper_runner = TaskRunner()
    upper_runner.adopt(upper)
    monkeypatch.setattr(EnrolDialog, "ask", lambda preview, parent=None: True)
    monkeypatch.setattr(ReceiptDialog, "ask", lambda result, parent=None: None)
    yield upper, upper_runner, cells
    for side in [upper_runner, *(c.runner for c in cells.values())]:
        side.shutdown()


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def choose_folder(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(path))


def receive(inbox: InboxPage, upper_runner, qtbot, monkeypatch, bundle: Path, fingerprint=None):
    """The officer chooses the bundle, sees its preview, then receives it."""
    run(upper_runner, use)
    choose(monkeypatch, qtbot, inbox, bundle)
    row = row_for(inbox, bundle)
    if fingerprint is not None:
        assert row.state == "needs_pinning" and not row.result.summary
        answer_fingerprint(monkeypatch, qtbot, fingerprint)
        inbox.confirm_button.click()
    assert row.state == "dry_run", row.result.message  # the preview, nothing written yet
    summary = row.result.summary
    inbox.receive_button.click()
    qtbot.waitUntil(lambda: row.state == "applied", timeout=WAIT)
    settle(upper_runner)
    return summary


def test_two_cells_and_their_upper_level_go_round_twice(world, tmp_path, qtbot, monkeypatch):
    _upper, upper_runner, cells = world
    usb = tmp_path / "usb"
    usb.mkdir()
    for code in CELLS:  # the officer writes each cell's enrolment file
        on(upper_runner, lambda reg, code=code: ws.enrol_cell(reg, code, usb, name=CELLS[code][0]))
    inbox, decisions = InboxPage(upper_runner), DecisionsPage(upper_runner, today=TODAY)
    for page in (inbox, decisions):
        qtbot.addWidget(page)

    sent = {}
    for code, cell in cells.items():  # each secretary enrols, then sends
        [enrolment] = usb.glob(f"{code}*.sochibo-ghidanh")
        choose_file(monkeypatch, enrolment)
        cell.press(qtbot, cell.page.enrol_button)
        out = tmp_path / "gui-1" / code
        out.mkdir(parents=True)
        choose_folder(monkeypatch, out)
        assert "rút USB ra an toàn" in cell.press(qtbot, cell.page.send_button)
        [sent[code]] = out.glob("*.sochibo-goi")

    for code, cell in cells.items():  # the upper level: first bundles, fingerprints by phone
        fingerprint = on(cell.runner, sync_cell.status).cell_fingerprint
        summary = receive(inbox, upper_runner, qtbot, monkeypatch, sent[code], fingerprint)
        assert sorted(p["full_name"] for p in summary.people_added) == sorted(CELLS[code][1])

    receipts = {}
    for code in CELLS:  # a receipt for each cell
        run(upper_runner, use)
        decisions.show()
        decisions.select_cell(code)
        settle(upper_runner)
        stick = tmp_path / "bien-nhan" / code
        stick.mkdir(parents=True)
        monkeypatch.setattr(decisions_module.ReceiptFolderChooser, "folder",
                            classmethod(lambda cls, parent, stick=stick: stick))  # fmt: skip
        decisions.receipt_button.click()
        qtbot.waitUntil(lambda: decisions.banner.level == "ok", timeout=WAIT)
        decisions.hide()
        [receipts[code]] = stick.glob("*.sochibo-biennhan")

    for code, cell in cells.items():  # the cells take their receipts: received up to …
        choose_file(monkeypatch, receipts[code])
        taken = cell.press(qtbot, cell.page.receipt_button)
        acked = on(cell.runner, sync_cell.status).acked_seq
        assert acked > 0 and f"đến mục số {acked}" in taken

    cell = cells["CB-KP6"]  # round two: one new member, sent incrementally
    acked = on(cell.runner, sync_cell.status).acked_seq
    on(cell.runner, lambda reg: cell.add("Đặng Thị Giang"))
    out = tmp_path / "gui-2"
    out.mkdir()
    choose_folder(monkeypatch, out)
    cell.press(qtbot, cell.page.send_button)
    [second] = out.glob("*.sochibo-goi")
    first_entry, last_entry = (int(n) for n in second.name.split(".")[1].split("-"))
    assert first_entry == acked + 1  # only what the upper level has not confirmed
    summary = receive(inbox, upper_runner, qtbot, monkeypatch, second)
    assert [p["full_name"] for p in summary.people_added] == ["Đặng Thị Giang"]
    applied = {c.code: c.applied_seq for c in on(upper_runner, ws.list_cells)}
    assert applied["CB-KP6"] == last_entry > acked


def on(runner: TaskRunner, work):
    """``work(register)`` on the runner's thread, the models bound to its register."""
    return run(runner, lambda reg: (use(reg), work(reg))[1])
