"""The "Send to upper level" page as a secretary uses it, on a real cell register and a real
upper level's workspace: enrol with the upper level's file (shown first, its fingerprint the
service's), send a bundle the upper level's import accepts, import the receipt that comes back
and see "received up to"; and the refusals (a garbage file, another cell's enrolment, another
upper level's receipt, a folder that cannot be written), each a Vietnamese message that
changes nothing.

Both registers are open at once and the models follow the one bound last (see
tests/sync/upper_helpers.py), so the upper level's work runs on the page's database thread
with the models bound to the workspace meanwhile (``Sides.upper``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop_app.services import development, members, sync_cell, upper_import, upper_receipts
from desktop_app.services import upper_workspace as ws
from desktop_app.store import journal
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.sync import envelope, receipt
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.sync_dialogs import EnrolDialog, ReceiptDialog
from desktop_app.ui.pages.sync import SyncPage
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.services import pipeline
from tests.sync.upper_helpers import use
from tests.ui import scenes
from tests.ui.conftest import SCREEN_SIZE
from tests.ui.helpers import run, settle
from tests.ui.test_pseudo_translation import clipped
from tests.ui.test_vietnamese_everywhere import english, visible_texts

WAIT = 20_000
CODE = CELL["code"]
UPPER_NAME = "Đảng ủy phường Quy Nhơn Nam"
D = dt.date


@dataclasses.dataclass
class Sides:
    """The cell's register (the page's) and the upper level's workspace, on one runner."""

    runner: object
    cell: object
    upper: object
    folder: Path

    def on_upper(self, work):
        def job():
            use(self.upper)
            try:
                return work(self.upper)
            finally:
                use(self.cell)

        value = self.runner.call(job).result(timeout=60)
        settle(self.runner)
        return value

    def on_cell(self, work):
        return run(self.runner, work)

    def fresh(self, name: str) -> Path:
        folder = self.folder / name
        folder.mkdir(parents=True)
        return folder

    @property
    def upper_fingerprint(self) -> str:
        return self.on_upper(lambda reg: ws.upper_keys(reg).fingerprint)

    def head(self) -> tuple[int, str]:
        return self.on_cell(lambda _reg: journal.head())

    def status(self) -> sync_cell.SyncStatus:
        return self.on_cell(sync_cell.status)


@pytest.fixture
def upper(tmp_path):
    reg, _ = ws.create_workspace(
        tmp_path / "cap-tren.sochibo", PASSPHRASE, UPPER_NAME, kdf=FAST_KDF_FOR_TESTS
    )
    yield reg
    reg.close()


@pytest.fixture
def sides(upper, register, tmp_path, vietnamese):
    """Made before the runner takes the cell's register: the models end bound to the cell."""
    use(register)
    return Sides(None, register, upper, tmp_path / "world")


@pytest.fixture
def runner(sides, empty_runner):
    sides.runner = empty_runner
    return empty_runner


@pytest.fixture
def enrolment_file(sides, runner) -> Path:
    out = sides.fresh("ghi-danh")
    return sides.on_upper(lambda reg: ws.enrol_cell(reg, CODE, out, name=CELL["name"]).path)


@pytest.fixture
def page(runner, qtbot):
    page = SyncPage(runner)
    qtbot.addWidget(page)
    page.resize(1010, 740)
    page.show()
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)
    return page


@pytest.fixture
def enrolled(page, sides, enrolment_file, qtbot):
    sides.on_cell(lambda reg: sync_cell.enrol(reg, enrolment_file))
    reload(page, qtbot)
    assert page.view.status.enrolled
    return page


@pytest.fixture
def shown(monkeypatch) -> list[sync_cell.EnrolPreview]:
    """The enrolment dialog answers "enrol" and keeps what it was shown."""
    seen: list[sync_cell.EnrolPreview] = []

    def ask(preview, parent=None):
        seen.append(preview)
        return True

    monkeypatch.setattr(EnrolDialog, "ask", ask)
    return seen


@pytest.fixture
def receipts_shown(monkeypatch) -> list[sync_cell.ReceiptResult]:
    seen: list[sync_cell.ReceiptResult] = []
    monkeypatch.setattr(ReceiptDialog, "ask", lambda result, parent=None: seen.append(result))
    return seen


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def choose_folder(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(path))


def reload(page, qtbot) -> None:
    page.view = None
    page.reload()
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)


def press(page, qtbot, button) -> None:
    """Press a button and wait for the work, its message and the page's reload."""
    assert button.isEnabled(), button.text()
    button.click()
    qtbot.waitUntil(lambda: not page._busy and page.banner.isVisible(), timeout=WAIT)
    settle(page._runner)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)


def no_english(widget) -> None:
    found = [(where, text) for where, text in visible_texts(widget) if english(text)]
    assert not found, found


def send(sides: Sides) -> Path:
    """A bundle of everything not yet acknowledged, written by the service (not the page)."""
    out = sides.fresh(f"gui-{len(list(sides.folder.iterdir()))}")
    return sides.on_cell(lambda reg: sync_cell.export_bundle(reg, out)).path


def receive_first(sides: Sides, path: Path) -> upper_import.ImportResult:
    fingerprint = sides.status().cell_fingerprint
    return sides.on_upper(
        lambda reg: upper_import.apply_bundle(
            reg, path, confirm_fingerprint=fingerprint, today=TODAY
        )
    )


def receipt_file(sides: Sides) -> Path:
    out = sides.fresh(f"bien-nhan-{len(list(sides.folder.iterdir()))}")
    return sides.on_upper(lambda reg: upper_receipts.export_receipt(reg, CODE, out).path)


# -- not enrolled, then enrolled -------------------------------------------------------------


def test_a_register_not_enrolled_says_how_to_start(page, screens):
    status = page.status
    assert status.state_label.text() == "Sổ chưa ghi danh với cấp ủy cấp trên."
    assert ".sochibo-ghidanh" in status.hint_label.text() and status.hint_label.isVisible()
    assert not status.keys.isVisible() and not status.phone_label.isVisible()
    assert status.sent_label.text() == "Máy này chưa gửi gói nào."
    assert page.enrol_button.isEnabled()
    assert not page.send_button.isEnabled() and not page.receipt_button.isEnabled()
    assert page.no_decisions.isVisible() and not page.table.isVisible()
    no_english(page)
    screens(page, "sync-not-enrolled")


def test_enrolling_shows_the_file_first_then_both_fingerprints(
    page, sides, enrolment_file, shown, monkeypatch, qtbot, screens
):
    choose_file(monkeypatch, enrolment_file)
    press(page, qtbot, page.enrol_button)
    [preview] = shown
    upper_fingerprint = sides.upper_fingerprint
    assert (preview.change, preview.upper_name) == ("new", UPPER_NAME)
    assert preview.fingerprint == upper_fingerprint
    status = sides.status()
    assert status.enrolled and status.upper_fingerprint == upper_fingerprint
    assert page.banner.level == "ok"
    assert page.banner.text().startswith("Đã ghi danh với cấp ủy cấp trên.")
    shown_on_page = page.status
    assert shown_on_page.state_label.text() == "Sổ đã ghi danh với cấp ủy cấp trên."
    assert shown_on_page.upper_name.text() == UPPER_NAME
    assert shown_on_page.upper_fingerprint.text() == upper_fingerprint
    assert shown_on_page.cell_fingerprint.text() == status.cell_fingerprint
    assert status.cell_key_id in shown_on_page.cell_key.text()
    assert "gọi điện" in shown_on_page.phone_label.text() and shown_on_page.phone_label.isVisible()
    assert page.send_button.isEnabled() and page.receipt_button.isEnabled()
    assert f"{status.pending} thay đổi" in shown_on_page.pending_label.text()
    no_english(page)
    screens(page, "sync-enrolled")


def test_closing_the_enrolment_dialog_writes_nothing(
    page, sides, enrolment_file, monkeypatch, qtbot
):
    choose_file(monkeypatch, enrolment_file)
    asked = []
    monkeypatch.setattr(EnrolDialog, "ask", lambda preview, parent=None: asked.append(preview))
    head = sides.head()
    page.enrol_button.click()
    qtbot.waitUntil(lambda: bool(asked) and not page._busy, timeout=WAIT)
    settle(page._runner)
    assert sides.head() == head and not sides.status().enrolled
    assert not page.banner.isVisible() and not page.send_button.isEnabled()


def test_the_same_enrolment_file_again_changes_nothing(
    enrolled, sides, enrolment_file, shown, monkeypatch, qtbot
):
    page = enrolled
    choose_file(monkeypatch, enrolment_file)
    head = sides.head()
    press(page, qtbot, page.enrol_button)
    assert shown == []  # nothing to confirm
    assert page.banner.level == "ok"
    assert page.banner.text().startswith(
        "Sổ đã ghi danh với đúng cấp ủy này từ trước; không có gì thay đổi."
    )
    assert sides.head() == head


def test_the_enrolment_dialog_shows_the_upper_level_and_what_changes(qtbot, vietnamese, screens):
    new = sync_cell.EnrolPreview("new", "CB-NT.sochibo-ghidanh", UPPER_NAME, "ABCD-EFGH-JKMN-PQRS")
    dialog = EnrolDialog(new)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.upper_name.text() == UPPER_NAME
    assert dialog.fingerprint.text() == "ABCD-EFGH-JKMN-PQRS"
    assert dialog.ok.text() == "&Ghi danh"
    assert "khóa riêng của chi bộ" in dialog.change.text()
    no_english(dialog)
    screens(dialog, "sync-enrol-dialog")
    other = dataclasses.replace(
        new,
        change="replaced",
        upper_name="Đảng ủy phường Ghềnh Ráng",
        current_name=UPPER_NAME,
        current_fingerprint="WXYZ-2345-6789-ABCD",
        same_upper=False,
    )
    dialog = EnrolDialog(other)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok.text() == "Đổi sang &khóa này"
    text = dialog.change.text()
    assert UPPER_NAME in text and "WXYZ-2345-6789-ABCD" in text
    assert "toàn bộ sổ từ thay đổi đầu tiên" in text
    no_english(dialog)
    screens(dialog, "sync-enrol-dialog-replace")


def test_replacing_the_upper_levels_keys_asks_again(
    enrolled, sides, shown, monkeypatch, qtbot, tmp_path
):
    page = enrolled
    other = UpperKeys.generate("Đảng ủy phường Ghềnh Ráng")
    path = write_enrolment(other.enrolment_for(CODE), tmp_path / "khac.sochibo-ghidanh")
    choose_file(monkeypatch, path)
    answers, questions = [False, True], []

    def confirm(_parent, _title, text):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(errors, "confirm", confirm)
    before, head = sides.status(), sides.head()
    page.enrol_button.click()
    qtbot.waitUntil(lambda: bool(questions) and not page._busy, timeout=WAIT)
    settle(page._runner)
    assert shown[0].change == "replaced" and not shown[0].same_upper
    assert shown[0].current_fingerprint == before.upper_fingerprint
    assert other.fingerprint in questions[0] and before.upper_fingerprint in questions[0]
    assert sides.head() == head and sides.status().upper_fingerprint == before.upper_fingerprint
    press(page, qtbot, page.enrol_button)  # asked again; this time the answer is yes
    after = sides.status()
    assert after.upper_fingerprint == other.fingerprint and after.upper_name == other.name
    assert page.banner.text().startswith("Đã đổi sang khóa mới của cấp ủy cấp trên.")
    assert page.status.upper_fingerprint.text() == other.fingerprint
    assert page.status.cell_fingerprint.text() == before.cell_fingerprint  # the cell's keys stay


# -- sending ----------------------------------------------------------------------------------


def test_sending_writes_a_bundle_the_upper_level_accepts(
    enrolled, sides, monkeypatch, qtbot, screens
):
    page = enrolled
    sides.on_cell(lambda reg: pipeline.small_cell(reg))
    usb = sides.fresh("usb")
    choose_folder(monkeypatch, usb)
    press(page, qtbot, page.send_button)
    assert page.banner.level == "ok", page.banner.text()
    [bundle] = sorted(usb.glob("*.sochibo-goi"))
    assert envelope.signature_path(bundle).is_file()
    text = page.banner.text()
    assert bundle.name in text and str(usb) in text and "đọc lại" in text
    assert "không có thông tin cá nhân" in text and "rút USB ra an toàn" in text
    head = sides.head()[0]
    assert bundle.name == f"{CODE}.000001-{head:06d}.sochibo-goi"
    assert f"các mục số 1 đến {head}, tệp {bundle.name}" in page.status.sent_label.text()
    done = receive_first(sides, bundle)
    assert done.status == "applied", done.message
    assert sides.on_upper(lambda _reg: ws.find_cell(CODE).applied_seq) == head
    no_english(page)
    screens(page, "sync-sent")


@pytest.mark.parametrize("how", ["read-only", "gone"])
def test_a_folder_that_cannot_be_written_changes_nothing(enrolled, sides, monkeypatch, qtbot, how):
    page = enrolled
    usb = sides.fresh("usb")
    if how == "read-only":  # a write-protected stick (the tests may run as root: no chmod)

        def refuse(*_args):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(envelope, "_durable_write", refuse)
        expected = "chỉ cho đọc"
    else:  # the stick was pulled out after the folder was chosen
        usb.rmdir()
        expected = "USB đã cắm chưa"
    choose_folder(monkeypatch, usb)
    head = sides.head()
    press(page, qtbot, page.send_button)
    assert page.banner.level == "error" and expected in page.banner.text()
    assert "Chưa ghi gì" in page.banner.text() or "Sổ không thay đổi gì" in page.banner.text()
    assert not english(page.banner.text())
    assert not usb.exists() or list(usb.iterdir()) == []
    assert sides.head() == head
    assert page.status.sent_label.text() == "Máy này chưa gửi gói nào."


# -- receipts ---------------------------------------------------------------------------------


def a_candidate_voted(reg) -> str:
    cell = pipeline.small_cell(reg)
    pid = pipeline.to_vote(reg, cell)
    development.record_vote(reg, pid, "admission", D(2025, 4, 8), present=4, in_favour=4,
                            reference="03-NQ/CB", today=TODAY)  # fmt: skip
    return pid


def test_a_receipt_shows_what_it_brought_and_received_up_to(
    enrolled, sides, receipts_shown, monkeypatch, qtbot, screens
):
    page = enrolled
    pid = sides.on_cell(a_candidate_voted)
    assert receive_first(sides, send(sides)).status == "applied"
    applied = sides.head()[0]

    def decide(reg) -> None:
        ws.set_quota(reg, CODE, 2026, 2, today=TODAY)
        ws.decide(reg, CODE, pid, "admission", number="45-QĐ/ĐU", on=D(2025, 5, 12), today=TODAY)

    sides.on_upper(decide)
    choose_file(monkeypatch, receipt_file(sides))
    press(page, qtbot, page.receipt_button)
    [result] = receipts_shown
    assert result.change == "new" and result.applied_seq == applied
    assert result.quotas == [{"year": 2026, "count": 2}]
    assert [(d.person_name, d.number, d.date) for d in result.decisions] == [
        ("Huỳnh Thị Mỹ Duyên", "45-QĐ/ĐU", "2025-05-12")
    ]
    assert page.banner.level == "ok"
    assert f"đến mục số {applied}; có 1 quyết định" in page.banner.text()
    status = sides.status()
    assert status.acked_seq == applied
    day = dt.datetime.fromisoformat(status.receipt_issued_at.replace("Z", "+00:00"))
    received = page.status.received_label.text()
    assert received == f"Đến mục số {applied} (biên nhận ngày {day.astimezone():%d/%m/%Y})"
    assert page.status.quota_label.text() == "năm 2026: 2 người"
    assert page.status.quota_label.isVisible()
    model = page.model
    assert model.rowCount() == 1 and page.table.isVisible() and not page.no_decisions.isVisible()
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:4] == ["Huỳnh Thị Mỹ Duyên", "Quyết định kết nạp", "45-QĐ/ĐU", "12/05/2025"]
    assert row[4] == "Đã ghi vào quá trình của người này."
    no_english(page)
    screens(page, "sync-receipt-imported")
    dialog = ReceiptDialog(result)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.received.text() == f"Cấp trên đã nhận sổ đến mục số {applied}."
    assert dialog.model.rowCount() == 1 and dialog.table.isVisible()
    no_english(dialog)
    screens(dialog, "sync-receipt-dialog")


def test_sending_again_from_the_entry_the_upper_level_asks_for(
    enrolled, sides, receipts_shown, monkeypatch, qtbot, screens
):
    """The upper level went back to an old backup and asks for the changes from entry N:
    offered only once it has confirmed some, never past the first unconfirmed one."""
    page = enrolled
    sides.on_cell(lambda reg: pipeline.small_cell(reg))
    assert not page.resend_button.isEnabled()  # nothing confirmed yet: sending sends it all
    assert receive_first(sides, send(sides)).status == "applied"
    applied = sides.head()[0]
    choose_file(monkeypatch, receipt_file(sides))
    press(page, qtbot, page.receipt_button)
    assert page.resend_button.isEnabled()
    sides.on_cell(
        lambda reg: members.add_person(
            reg, {"full_name": "Võ Thị Sáu", "sex": "female"}, today=TODAY
        )
    )
    reload(page, qtbot)
    asked: list[tuple[int, int, int]] = []
    answer = [(0, False)]
    monkeypatch.setattr(
        QInputDialog, "getInt", lambda _p, _t, _l, value, low, high: asked.append(
            (value, low, high)) or answer[0]
    )  # fmt: skip
    usb = sides.fresh("usb-again")
    choose_folder(monkeypatch, usb)
    page.resend_button.click()  # asked, then cancelled: nothing written
    assert asked == [(applied + 1, 1, applied + 1)] and list(usb.iterdir()) == []
    answer[0] = (3, True)
    press(page, qtbot, page.resend_button)
    head = sides.head()[0]
    [bundle] = sorted(usb.glob("*.sochibo-goi"))
    assert bundle.name == f"{CODE}.000003-{head:06d}.sochibo-goi"
    assert page.banner.level == "ok" and f"số 3 đến {head}" in page.banner.text()
    no_english(page)
    screens(page, "sync-sent-again")


def test_decisions_received_are_on_the_page_when_it_opens(enrolled, sides, runner, qtbot):
    pid = sides.on_cell(a_candidate_voted)
    receive_first(sides, send(sides))
    sides.on_upper(
        lambda reg: ws.decide(
            reg, CODE, pid, "admission", number="45-QĐ/ĐU", on=D(2025, 5, 12), today=TODAY
        )
    )
    path = receipt_file(sides)
    sides.on_cell(lambda reg: sync_cell.import_receipt(reg, path, today=TODAY))
    again = SyncPage(runner)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.model.rowCount() == 1, timeout=WAIT)
    assert again.model.index(0, 0).data() == "Huỳnh Thị Mỹ Duyên"


def test_nothing_new_to_send_is_what_the_service_says(
    enrolled, sides, receipts_shown, monkeypatch, qtbot
):
    page = enrolled
    assert receive_first(sides, send(sides)).status == "applied"
    choose_file(monkeypatch, receipt_file(sides))  # no quota, no decision: nothing new after it
    press(page, qtbot, page.receipt_button)
    assert page.status.pending_label.text() == (
        "Không còn gì: cấp trên đã xác nhận nhận đủ mọi thay đổi."
    )
    usb = sides.fresh("usb")
    choose_folder(monkeypatch, usb)
    press(page, qtbot, page.send_button)
    acked = sides.status().acked_seq
    assert page.banner.level == "error"
    assert page.banner.text() == (
        "Không có gì mới để gửi: cấp ủy cấp trên đã xác nhận nhận đủ đến mục số "
        f"{acked} của nhật ký."
    )
    assert list(usb.iterdir()) == []
    choose_file(monkeypatch, receipt_path(receipts_shown, sides))
    press(page, qtbot, page.receipt_button)  # the same receipt again
    assert receipts_shown[1].change == "already"
    assert page.banner.text().endswith("đã nhập từ trước; sổ không thay đổi gì.")


def receipt_path(seen: list[sync_cell.ReceiptResult], sides: Sides) -> Path:
    [found] = sides.folder.rglob(seen[0].file)
    return found


# -- refusals ---------------------------------------------------------------------------------


def test_a_garbage_enrolment_file_is_refused(page, sides, shown, monkeypatch, qtbot, tmp_path):
    garbage = tmp_path / "rac.sochibo-ghidanh"
    garbage.write_bytes(b"PK\x03\x04 not an enrolment at all")
    choose_file(monkeypatch, garbage)
    head = sides.head()
    press(page, qtbot, page.enrol_button)
    assert page.banner.level == "error"
    assert page.banner.text().startswith("Tệp ghi danh «rac.sochibo-ghidanh» không dùng được")
    assert not english(page.banner.text())
    assert shown == [] and sides.head() == head and not sides.status().enrolled
    assert not page.send_button.isEnabled()


def test_an_enrolment_for_another_cell_is_refused(page, sides, shown, monkeypatch, qtbot):
    out = sides.fresh("khac")
    path = sides.on_upper(lambda reg: ws.enrol_cell(reg, "CB-KHAC", out, name="Chi bộ khác").path)
    choose_file(monkeypatch, path)
    head = sides.head()
    press(page, qtbot, page.enrol_button)
    assert page.banner.level == "error"
    assert "CB-KHAC" in page.banner.text() and "Chưa ghi gì" in page.banner.text()
    assert shown == [] and sides.head() == head and not sides.status().enrolled


def test_a_receipt_from_another_upper_level_is_refused(
    enrolled, sides, receipts_shown, monkeypatch, qtbot
):
    page = enrolled
    receive_first(sides, send(sides))
    other = UpperKeys.generate("Đảng ủy phường Ghềnh Ráng")

    def forged(reg) -> Path:
        from desktop_app.store import cells, sync_state

        head_seq, head_hash = journal.head()
        header = receipt.new_header(
            upper_id=other.upper_id,
            upper_name=other.name,
            upper_key=other.public,
            cell_id=cells.current().id,
            cell_code=CODE,
            applied_seq=head_seq,
            applied_hash=head_hash,
            last_bundle_id="6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918",
            quotas=[(2026, 9)],
            decisions=0,
            created_at=journal.now_utc(),
        )
        recipient = sync_state.enrolment().cell_recipient
        name, made = receipt.seal_receipt(header, [], key=other.signing, recipient=recipient)
        return envelope.write_pair(sides.fresh("gia"), name, made)

    choose_file(monkeypatch, sides.on_cell(forged))
    before, head = sides.status(), sides.head()
    press(page, qtbot, page.receipt_button)
    assert page.banner.level == "error" and not english(page.banner.text())
    assert receipts_shown == []
    assert sides.head() == head and sides.status() == before
    assert page.status.received_label.text() == (
        "Chưa xác nhận gì (chưa có biên nhận của cấp trên)."
    )


# -- the page follows the register -------------------------------------------------------------


def test_the_page_follows_the_register(page, sides, runner, enrolment_file, qtbot):
    sides.on_cell(lambda reg: sync_cell.enrol(reg, enrolment_file))
    runner.adopt(sides.cell)  # the window adopting a register again (a restore, an open)
    qtbot.waitUntil(lambda: page.view is not None and page.view.status.enrolled, timeout=WAIT)
    pending = page.view.status.pending
    page.hide()
    sides.on_cell(lambda reg: members.add_person(reg, {"full_name": "Võ Thị Sáu",
                                                       "sex": "female"}, today=TODAY))  # fmt: skip
    page.show()  # shown again: what waits to be sent is counted again
    qtbot.waitUntil(lambda: page.view.status.pending == pending + 1, timeout=WAIT)
    assert page.status.pending_label.text().startswith(f"{pending + 1} thay đổi")


def test_the_page_at_the_largest_text_size(
    qtbot, runner, settings, sides, enrolment_file, screens, qapp, tmp_path
):
    """In the window at 1280×800, at 100 % and then 150 % (changed as the Settings page
    does): nothing cut off (and look at the pictures)."""
    sides.on_cell(lambda reg: sync_cell.enrol(reg, enrolment_file))
    send(sides)
    stage = scenes.make_stage(qtbot, runner, settings, tmp_path)
    window = stage.area("sync")
    qtbot.waitUntil(lambda: window.pages["sync"].view is not None, timeout=WAIT)
    problems: dict[int, list[str]] = {}
    try:
        for scale in (100, 150):
            style.change_text_scale(qapp, scale)
            window.resize(*SCREEN_SIZE)
            stage.settle()
            screens(window, f"sync-window-{scale}")
            problems[scale] = clipped(window)
    finally:
        style.change_text_scale(qapp, 100)
    assert problems == {100: [], 150: []}
