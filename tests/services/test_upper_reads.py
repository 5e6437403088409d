"""What the upper level's window reads beside the board: a cell's people as its bundles showed
them, its quotas, what the next receipt would carry, and the people two cells hold."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import NotFoundError
from desktop_app.services import upper_board, upper_receipts
from desktop_app.services import upper_workspace as ws
from desktop_app.sync.errors import SyncRefused
from tests.conftest import TODAY
from tests.services import pipeline
from tests.sync import samples
from tests.sync.upper_helpers import crafted, use, world_fixture  # noqa: F401

CODE = "CB-NT"


@pytest.fixture
def reported(world):
    reg = world.add_cell(CODE, "Chi bộ Trường THPT Nguyễn Trân")
    cell = pipeline.small_cell(reg)
    world.candidate = pipeline.to_vote(reg, cell)
    world.first(CODE)
    world.add_cell("CB-KP5", "Chi bộ Khu phố 5")  # enrolled, nothing received
    return world


def test_a_cells_people_in_list_order_with_their_standing(reported):
    people = ws.cell_people(use(reported.upper), CODE)
    names = [p.full_name for p in people]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung",
                     "Huỳnh Thị Mỹ Duyên"]  # fmt: skip
    duyen = people[-1]
    assert (duyen.id, duyen.status, duyen.status_label) == (
        reported.candidate,
        "candidate",
        "Quần chúng",
    )
    assert duyen.birth_date == "1998-05-10" and "sort_key" not in duyen.to_json()
    assert ws.cell_people(use(reported.upper), "CB-KP5") == []
    with pytest.raises(NotFoundError, match="chưa ghi danh chi bộ mã «CB-XX»"):
        ws.cell_people(use(reported.upper), "CB-XX")


def test_quotas_of_a_cell_by_year(reported):
    reg = use(reported.upper)
    assert ws.list_quotas(reg, CODE) == []
    ws.set_quota(reg, CODE, 2026, 3, today=TODAY)
    ws.set_quota(reg, CODE, 2025, 2, today=TODAY)
    ws.set_quota(reg, "CB-KP5", 2026, 1, today=TODAY)
    assert [(q.cell_code, q.year, q.count) for q in ws.list_quotas(reg, CODE)] == [
        (CODE, 2025, 2),
        (CODE, 2026, 3),
    ]


def test_the_receipt_preview_says_what_the_export_carries(reported, tmp_path):
    reg = use(reported.upper)
    ws.set_quota(reg, CODE, 2026, 2, today=TODAY)
    ws.decide(reg, CODE, reported.candidate, "admission", number="45-QĐ/ĐU", on=TODAY,
              today=TODAY)  # fmt: skip
    preview = upper_receipts.receipt_preview(reg, CODE)
    assert not preview.not_ready and preview.quotas == [{"year": 2026, "count": 2}]
    assert [d.number for d in preview.decisions] == ["45-QĐ/ĐU"]
    done = upper_receipts.export_receipt(reg, CODE, tmp_path)
    assert (done.applied_seq, done.quotas) == (preview.applied_seq, preview.quotas)
    assert [d.id for d in done.decisions] == [d.id for d in preview.decisions]
    waiting = upper_receipts.receipt_preview(reg, "CB-KP5")
    assert "cấp trên chưa nhận gói nào" in waiting.not_ready
    with pytest.raises(SyncRefused, match="Chưa lập được biên nhận") as refused:
        upper_receipts.export_receipt(reg, "CB-KP5", tmp_path)
    assert str(refused.value) == waiting.not_ready


def test_the_receipt_preview_leaves_out_decisions_the_cell_confirmed(reported):
    reg = use(reported.upper)
    ws.decide(reg, CODE, reported.candidate, "admission", number="45-QĐ/ĐU", on=TODAY,
              today=TODAY)  # fmt: skip
    reported.take_receipt(CODE, reported.receipt(CODE))
    reported.receive(reported.export(CODE))  # the cell's bundle says it holds the decision
    assert upper_receipts.receipt_preview(use(reported.upper), CODE).decisions == []


def test_people_two_cells_hold(world, tmp_path):
    reg = use(world.upper)
    for code in ("CB-A", "CB-B"):
        ws.enrol_cell(reg, code, tmp_path)
    assert upper_board.people_in_two_cells(reg) == []
    fields = {"full_name": "Nguyễn Thị Hường", "sex": "female", "membership": "official"}
    person = ("person", samples.PERSON_ID, "insert", fields)
    a = crafted(world, samples.chain([person]), folder=tmp_path / "a", code="CB-A")
    world.receive(a, confirm=world.receive(a).fingerprint)
    b = crafted(world, samples.chain([person]), folder=tmp_path / "b", code="CB-B",
                cell_id="7b1f3c2e-8d4a-4f6b-9c7e-1a2b3c4d5e6f", key=samples.STRANGER)  # fmt: skip
    world.receive(b, confirm=world.receive(b).fingerprint)
    [shared] = upper_board.people_in_two_cells(use(world.upper))
    assert (shared.person_id, shared.full_name, shared.cell_codes) == (
        samples.PERSON_ID,
        "Nguyễn Thị Hường",
        ["CB-A", "CB-B"],
    )
    assert shared.text == "Nguyễn Thị Hường đang sinh hoạt ở cả các chi bộ CB-A, CB-B"
