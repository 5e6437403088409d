"""``sochibo audit``: a person's history with before → after, ID numbers masked unless
``--reveal`` (which the journal records), filters by date and kind, a broken chain reported
with exit code 1, and bad input refused with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import registers
from desktop_app.store import journal
from tests.cli.conftest import PASS
from tests.cli.test_cli import add_member, as_json, run

CCCD = "052180123456"


@pytest.fixture
def binh(reg, capsys) -> str:
    person = add_member(
        capsys, reg, full_name="Trần Thị Bình", sex="Nữ", birth_date="1980", id_number=CCCD,
        phone="0905111222", membership="official", ceremony_date="10/10/2005",
        official_date="10/10/2006",
    )  # fmt: skip
    as_json(
        capsys, "member", "update", person["id"][:8], "--phone", "0905333444", "--register", reg
    )
    add_member(capsys, reg, full_name="Lê Văn Cường", sex="Nam", phone="0912000111")
    return person["id"]


def head(reg) -> tuple[int, str]:
    with registers.open_register(reg, PASS):
        return journal.head()


def test_a_persons_history_as_text(reg, binh, capsys):
    code, out, err = run(capsys, "audit", "--person", binh[:8], "--register", reg)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Chuỗi nhật ký nguyên vẹn: 4 mục"
    assert lines[1] == "Lịch sử thay đổi của Trần Thị Bình: 2 mục, mới nhất trước."
    assert "sửa  Người: Trần Thị Bình" in lines[3]
    assert lines[4] == "    Số điện thoại: 0905111222 → 0905333444"
    assert "thêm  Người: Trần Thị Bình" in out
    assert "    Số định danh cá nhân: •••••••••456" in out
    assert CCCD not in out and "Lê Văn Cường" not in out


def test_json_masks_and_reveal_is_journalled(reg, binh, capsys):
    before = head(reg)
    masked = as_json(capsys, "audit", "--person", binh, "--register", reg)
    assert head(reg) == before  # reading writes nothing
    assert masked["chain"] == {"ok": True, "entries": 4, "problems": []}
    assert masked["revealed"] is False and masked["person_name"] == "Trần Thị Bình"
    assert CCCD not in str(masked)
    first = masked["entries"][-1]
    assert first["action"] == "thêm" and first["kind"] == "Người"
    assert {"field": "id_number", "label": "Số định danh cá nhân", "before": "",
            "after": "•••••••••456"} in first["changes"]  # fmt: skip

    shown = as_json(capsys, "audit", "--person", binh, "--register", reg, "--reveal")
    assert shown["revealed"] is True and CCCD in str(shown)
    assert head(reg)[0] == before[0] + 1
    reveal = shown["entries"][0]
    assert (reveal["kind"], reveal["record"], reveal["action"]) == (
        "Xem số định danh", "Trần Thị Bình", "xem số đầy đủ",
    )  # fmt: skip
    again = as_json(capsys, "audit", "--register", reg)
    assert again["entries"][0]["seq"] == reveal["seq"] and CCCD not in str(again)
    assert as_json(capsys, "check", "--register", reg)["ok"] is True


def test_member_show_keeps_the_full_number(reg, binh, capsys):
    assert as_json(capsys, "member", "show", binh, "--register", reg)["id_number"] == CCCD


def test_filters_by_date_and_kind(reg, binh, capsys):
    everything = as_json(capsys, "audit", "--register", reg)
    assert len(everything["entries"]) == 4
    assert everything["entries"][-1]["kind"] == "Chi bộ"
    day = dt.datetime.fromisoformat(everything["entries"][0]["at"]).astimezone().date()
    text = f"{day:%d/%m/%Y}"
    same_day = as_json(capsys, "audit", "--register", reg, "--from", text, "--to", text)
    assert len(same_day["entries"]) == 4
    later = (day + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    assert as_json(capsys, "audit", "--register", reg, "--from", later)["entries"] == []
    people = as_json(capsys, "audit", "--register", reg, "--kind", "person", "--kind", "cell")
    assert {e["kind"] for e in people["entries"]} == {"Người", "Chi bộ"}
    code, out, _ = run(capsys, "audit", "--register", reg, "--from", later)
    assert code == 0 and "(không có thay đổi nào)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--person", "khongco"), "Không có người nào mang mã «khongco»"),
        (("--from", "31/02/2026"), "Ngày:"),
        (("--from", "02/05/2026", "--to", "01/05/2026"), "ngày bắt đầu 02/05/2026 sau"),
        (("--person", "khongco", "--reveal"), "Không có người nào mang mã «khongco»"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(reg, binh, capsys, args, message):
    before = head(reg)
    code, out, err = run(capsys, "audit", "--register", reg, *args)
    assert code == 1 and out == ""
    assert err.startswith("Lỗi: ") and message in err
    assert head(reg) == before


def test_an_unknown_kind_is_a_usage_error(reg, capsys):
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "audit", "--register", reg, "--kind", "people")
    assert stopped.value.code == 2


def test_a_broken_chain_exits_1_and_says_where(reg, binh, capsys):
    with registers.open_register(reg, PASS) as opened:
        opened.db.execute_sql("DROP TRIGGER journal_append_only_update")
        opened.db.execute_sql("UPDATE journal SET author = 'device:khac' WHERE seq = 3")
    code, out, _ = run(capsys, "audit", "--register", reg)
    assert code == 1
    assert out.startswith("Chuỗi nhật ký bị đứt hoặc bị sửa:\n  - mục số 3 đã bị sửa sau khi ghi")
    assert "device:khac" in out  # the trail is still shown whole
