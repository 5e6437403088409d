"""The demo upper level: a workspace with two demo cells that reported through real bundles,
a third enrolled and silent, quotas, and a later bundle waiting on the stick; every register
opens with the demo passphrase; an existing demo is refused and a failure leaves nothing."""

from __future__ import annotations

import pytest

from desktop_app import paths
from desktop_app.services import (
    demo_upper,
    members,
    registers,
    sync_cell,
    upper_board,
    upper_import,
    upper_workspace,
)
from desktop_app.store import journal
from desktop_app.store.database import key_path
from desktop_app.store.errors import RegisterExists
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-upper") / "cap-tren-mau"
    demo = demo_upper.create_demo_upper(folder, kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    demo.register.close()
    return demo


def open_demo(path):
    return registers.open_register(path, paths.DEMO_PASSPHRASE)


def test_the_workspace_holds_three_cells_two_of_them_received(made) -> None:
    with open_demo(made.workspace) as reg:
        view = upper_workspace.show(reg)
        cells = {c.code: c for c in upper_workspace.list_cells(reg)}
        quotas = {code: upper_workspace.list_quotas(reg, code) for code in demo_upper.QUOTAS}
    assert view.name == demo_upper.UPPER_NAME and view.cells == 3
    assert set(cells) == {"CB-THPT-NT", "CB-KP3", "CB-THCS-LL"}
    assert cells["CB-THCS-LL"].applied_seq == 0 and not cells["CB-THCS-LL"].pinned
    for code in ("CB-THPT-NT", "CB-KP3"):
        assert cells[code].pinned and cells[code].applied_seq > 0
    assert {c: [(q.year, q.count) for q in qs] for c, qs in quotas.items()} == {
        "CB-THPT-NT": [(TODAY.year, 3)],
        "CB-KP3": [(TODAY.year, 1)],
    }


def test_each_cell_register_matches_what_the_upper_level_received(made) -> None:
    with open_demo(made.workspace) as reg:
        cells = {c.code: c for c in upper_workspace.list_cells(reg)}
    sizes = {}
    for code, path in made.cells.items():
        with open_demo(path) as cell:
            status = sync_cell.status(cell)
            people = members.list_people(cell)
            head = journal.head()[0]
        sizes[code] = len(people)
        assert status.enrolled and status.upper_name == demo_upper.UPPER_NAME
        assert status.cell_fingerprint == cells[code].fingerprint
        # the school's cell wrote one change after its first bundle: it waits on the stick
        waiting = 1 if code in demo_upper.LATER_CHANGE else 0
        assert cells[code].applied_seq == head - waiting
    assert sizes["CB-KP3"] < sizes["CB-THPT-NT"]  # the second cell is a smaller one
    with open_demo(made.cells["CB-KP3"]) as cell:
        assert cell_name(cell) == demo_upper.SMALL_CELL["name"]


def cell_name(reg) -> str:
    from desktop_app.services import cell

    return cell.get_cell(reg).name


def test_the_board_shows_the_two_cells_with_their_people(made) -> None:
    with open_demo(made.workspace) as reg:
        found = upper_board.board(reg, TODAY)
    rows = {row.code: row for row in found.cells}
    assert rows["CB-THPT-NT"].official > 20 and rows["CB-KP3"].official > 0
    assert not rows["CB-THCS-LL"].last_bundle_date and rows["CB-THCS-LL"].official == 0


def test_the_bundle_left_on_the_stick_previews_one_change(made) -> None:
    assert made.waiting is not None and made.waiting.parent == made.stick
    with open_demo(made.workspace) as reg:
        [found] = upper_import.import_bundles(reg, [made.waiting], dry_run=True)
        before = upper_workspace.find_cell("CB-THPT-NT").applied_seq
    assert found.status == "dry_run"
    assert found.summary.counts()["people"]["updated"] == 1
    assert found.seq_to == before + 1
    with open_demo(made.workspace) as reg:
        applied = {c.code: c.applied_seq for c in upper_workspace.list_cells(reg)}
    # the two first bundles, received, and the waiting one (every entry not acknowledged)
    assert sorted(p.name for p in made.stick.glob("*.sochibo-goi")) == [
        f"CB-KP3.000001-{applied['CB-KP3']:06d}.sochibo-goi",
        f"CB-THPT-NT.000001-{applied['CB-THPT-NT']:06d}.sochibo-goi",
        f"CB-THPT-NT.000001-{applied['CB-THPT-NT'] + 1:06d}.sochibo-goi",
    ]


def test_an_existing_demo_is_refused(made) -> None:
    with pytest.raises(RegisterExists, match="Đã có sổ làm việc mẫu"):
        demo_upper.create_demo_upper(made.workspace.parent, kdf=FAST_KDF_FOR_TESTS, today=TODAY)


def test_a_failure_leaves_nothing_behind(tmp_path, monkeypatch) -> None:
    def broken(*_a, **_k):
        raise OSError("USB rút ra")

    monkeypatch.setattr(sync_cell, "export_bundle", broken)
    folder = tmp_path / "cap-tren-mau"
    with pytest.raises(OSError, match="USB rút ra"):
        demo_upper.create_demo_upper(folder, kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    assert not folder.exists()
    kept = tmp_path / "co-san"  # a folder that was there: only the registers made go
    kept.mkdir()
    (kept / "ghi-chu.txt").write_text("của người dùng", encoding="utf-8")
    with pytest.raises(OSError):
        demo_upper.create_demo_upper(kept, kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    assert not demo_upper.workspace_path(kept).exists()
    assert not key_path(demo_upper.workspace_path(kept)).exists()
    assert not list(kept.glob("*.sochibo"))
    assert (kept / "ghi-chu.txt").read_text(encoding="utf-8") == "của người dùng"


def test_the_default_place_and_the_demo_mark() -> None:
    assert demo_upper.workspace_path() == paths.data_dir() / "cap-tren-mau" / "cap-tren-mau.sochibo"
    assert demo_upper.is_demo(demo_upper.workspace_path())
    assert not demo_upper.is_demo(upper_workspace.default_path())
