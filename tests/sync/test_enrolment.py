"""The enrolment file the upper level writes and the cell reads: made, read back, and refused
with a Vietnamese reason for every way it can be wrong."""

from __future__ import annotations

import json
import unicodedata

import pytest

from desktop_app.sync import crypto
from desktop_app.sync.enrolment import MAX_BYTES, read_enrolment, read_enrolment_file
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment
from tests.sync.samples import CELL_ID, other_upper, upper


def sample() -> dict:
    return upper().enrolment_for("CB-KP5", created_at="2026-11-22T08:00:00.000Z").to_json()


def as_bytes(doc: object) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def test_round_trip(tmp_path):
    keys = upper()
    made = keys.enrolment_for("CB-KP5", CELL_ID)
    folder = tmp_path / "out"
    folder.mkdir()
    path = write_enrolment(made, folder / "CB-KP5.sochibo-ghidanh")
    assert [p.name for p in folder.iterdir()] == ["CB-KP5.sochibo-ghidanh"]  # no leftovers
    read = read_enrolment_file(path)
    assert read == made
    assert (
        read.fingerprint
        == keys.fingerprint
        == crypto.upper_fingerprint(keys.recipient, keys.public)
    )
    assert read.signing_public == keys.public
    assert "Đảng ủy phường Quy Nhơn Nam" in path.read_text(encoding="utf-8")  # readable
    assert read_enrolment(b"\xef\xbb\xbf" + path.read_bytes()) == made  # saved by Notepad


def test_the_name_is_cleaned_when_made():
    keys = UpperKeys.generate("  Đảng ủy  xã\tPhước Lộc ")
    assert keys.name == "Đảng ủy xã Phước Lộc"
    assert keys.enrolment_for(" CB-PL ").cell_code == "CB-PL"


def _changed(**fields) -> bytes:
    return as_bytes({**sample(), **fields})


def _without(name: str) -> bytes:
    doc = sample()
    del doc[name]
    return as_bytes(doc)


OTHER = other_upper()
CASES = [
    (b"", "không phải JSON"),
    (b"\xff\xfe{}", "UTF-8"),
    (b"[1, 2]", "không phải một đối tượng JSON"),
    (b'{"format": "sochibo-ghidanh/1", "format": "x"}', "xuất hiện hai lần"),
    (_changed(format="sochibo-ghidanh/2"), "«sochibo-ghidanh/2» chương trình này chưa hiểu"),
    (_changed(format="sochibo-keys/1"), "không phải tệp ghi danh"),
    (_without("recipient"), "thiếu khóa nhận gói"),
    (_changed(extra=1), "trường lạ «extra»"),
    (_changed(upper_id="abc"), "mã cấp ủy cấp trên sai dạng"),
    (_changed(upper_name=""), "tên cấp ủy cấp trên phải là chữ"),
    (_changed(upper_name="Đảng ủy\x07"), "ký tự điều khiển"),
    (_changed(upper_name=unicodedata.normalize("NFD", "Đảng ủy")), "NFC"),
    (_changed(cell_code="x" * 41), "mã chi bộ phải là chữ, 1 đến 40"),
    (_changed(cell_id="CB-KP5"), "mã UUID của chi bộ sai dạng"),
    (_changed(created_at="22/11/2026"), "thời điểm tạo sai dạng"),
    (_changed(recipient="age1xyz"), "Khóa nhận"),
    (_changed(recipient=OTHER.recipient), "vân tay không khớp"),
    (_changed(signing_key=OTHER.public.text), "vân tay không khớp"),
    (_changed(signing_key="RWQ="), "Khóa công khai"),
    (_changed(signing_key=OTHER.public.file_text()), "phải là một dòng base64"),
    (_changed(fingerprint=OTHER.fingerprint), "vân tay không khớp"),
    (_changed(fingerprint=12), "khóa ký và vân tay phải là chữ"),
    (b" " * (MAX_BYTES + 1), "quá lớn"),
]


@pytest.mark.parametrize(("data", "match"), CASES, ids=[m for _d, m in CASES])
def test_bad_enrolment_files_are_refused(data, match):
    with pytest.raises(SyncRefused, match=match) as caught:
        read_enrolment(data, "cb.sochibo-ghidanh")
    assert str(caught.value).startswith("Tệp ghi danh «cb.sochibo-ghidanh» không dùng được: ")


def test_a_huge_or_missing_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "lon.sochibo-ghidanh"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(SyncRefused, match="quá lớn"):
        read_enrolment_file(path)
    with pytest.raises(SyncRefused, match="Không thấy tệp ghi danh «khong-co"):
        read_enrolment_file(tmp_path / "khong-co.sochibo-ghidanh")
