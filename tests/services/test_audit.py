"""The audit trail: the journal read back as who, when, which record, what, before → after; the
person filter reaching their events, mentors, roll-call lines and meetings; ID numbers masked
unless revealed, and every reveal journalled; the chain checked and breaks reported."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.services import audit, checks, development, meetings, members
from desktop_app.services.audit import AuditFilter
from desktop_app.store import journal
from desktop_app.store.models import JOURNALLED
from tests.services.pipeline import TODAY, official, unchanged

D = dt.date
UTC = dt.UTC
CUC_ID = "031188533379"
SYLLABLES = "An Ba Chi Du Gia Hà Kha Lan Mai Nga Oanh Phú Quân Sơn Tâm Uyên Vân Xuân Yến Đào"


def add(reg, name: str, **extra) -> str:
    data = {"full_name": name, "sex": "female", "birth_date": "1988", **extra}
    return members.add_person(reg, data, today=TODAY).id


def changes(entry) -> dict[str, tuple[str, str]]:
    return {c.label: (c.before, c.after) for c in entry.changes}


@pytest.fixture
def cuc(register) -> str:
    """Lê Thị Cúc, her phone changed twice, her ID number set, an event, a mentor, a meeting she
    chaired and one she missed; and someone else's history beside hers."""
    reg = register
    pid = add(reg, "Lê Thị Cúc", phone="0905111222")
    members.update_person(reg, pid, {"phone": "0905333444"}, today=TODAY)
    members.update_person(reg, pid, {"phone": "0905555666", "id_number": CUC_ID}, today=TODAY)
    other = official(reg, "Nguyễn Văn An", id_number="052080123456")
    members.update_person(reg, other, {"phone": "0912000111"}, today=TODAY)
    development.add_candidate(
        reg, {"full_name": "Mai Thị Lan", "sex": "female"}, pool_date=D(2026, 9, 1), today=TODAY
    )
    return pid


def test_a_persons_history_newest_first_with_before_and_after(register, cuc):
    report = audit.trail(register, AuditFilter(person_id=cuc), tz=UTC)
    assert report.person_name == "Lê Thị Cúc"
    assert [e.seq for e in report.entries] == sorted((e.seq for e in report.entries), reverse=True)
    assert {e.record for e in report.entries} == {"Lê Thị Cúc"}
    assert [e.action for e in report.entries] == ["sửa", "sửa", "thêm"]
    latest, middle, first = report.entries
    # before is what the previous entry of the same record left
    assert changes(middle) == {"Số điện thoại": ("0905111222", "0905333444")}
    assert changes(latest) == {
        "Số định danh cá nhân": ("", "•••••••••379"),
        "Số điện thoại": ("0905333444", "0905555666"),
    }
    assert changes(first)["Họ và tên"] == ("", "Lê Thị Cúc")
    assert changes(first)["Giới tính"] == ("", "Nữ")
    assert changes(first)["Ngày sinh"] == ("", "1988")
    # derived columns (the search text holds the ID number in clear) never show
    shown = json.dumps(report.to_json(), ensure_ascii=False)
    assert "search_text" not in shown and "sort_key" not in shown
    assert CUC_ID not in shown
    assert all(e.author == register.author and e.kind == "Người" for e in report.entries)
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", latest.when)
    assert latest.when == dt.datetime.fromisoformat(latest.at).strftime("%d/%m/%Y %H:%M")


def test_everything_about_a_person_is_in_their_history(register, cuc):
    reg = register
    mentor = official(reg, "Trần Thị Bình", "female")
    development.assign_mentor(reg, cuc, mentor, D(2026, 9, 1), today=TODAY)
    members.record_event(reg, cuc, "pool_entry", D(2026, 9, 1), reference="7-NQ/CB", today=TODAY)
    chaired = meetings.add_meeting(
        reg, {"kind": "regular", "date": D(2026, 3, 5), "chair": mentor}, today=TODAY
    )
    meetings.set_attendance(reg, chaired.id, mentor, "late", today=TODAY)
    meetings.update_meeting(reg, chaired.id, {"topic": "Sinh hoạt tháng 3"}, today=TODAY)

    records = {(e.kind, e.record) for e in audit.trail(reg, AuditFilter(person_id=cuc)).entries}
    assert ("Phân công giúp đỡ", "Trần Thị Bình giúp đỡ Lê Thị Cúc") in records
    assert ("Sự kiện", "Đưa vào danh sách cảm tình Đảng 01/09/2026 — Lê Thị Cúc") in records
    assert not any(kind == "Buổi sinh hoạt" for kind, _ in records)

    theirs = audit.trail(reg, AuditFilter(person_id=mentor)).entries
    by_kind = {(e.kind, e.action): e for e in theirs}
    meeting = by_kind[("Buổi sinh hoạt", "thêm")]
    assert meeting.record == "Sinh hoạt thường kỳ 05/03/2026"
    assert changes(meeting)["Chủ trì"] == ("", "Trần Thị Bình")
    assert ("Buổi sinh hoạt", "sửa") not in by_kind  # the topic change does not name them
    line = by_kind[("Điểm danh", "thêm")]
    assert line.record == "Điểm danh Trần Thị Bình — Sinh hoạt thường kỳ 05/03/2026"
    assert changes(line)["Tình hình"] == ("", "Đến muộn")
    assert by_kind[("Phân công giúp đỡ", "thêm")].person_id == mentor
    assert all("Nguyễn Văn An" not in e.record for e in theirs)


def test_an_undone_event_shows_as_deleted_and_the_state_restored(register):
    kiet = official(register, "Võ Văn Kiệt")
    members.record_event(register, kiet, "exemption", D(2026, 5, 1), reason="Ốm", today=TODAY)
    members.undo_last_event(register, kiet)
    entries = audit.trail(register, AuditFilter(person_id=kiet)).entries
    assert (entries[1].kind, entries[1].action) == ("Sự kiện", "xóa")
    assert entries[1].record == "Miễn công tác và sinh hoạt 01/05/2026 — Võ Văn Kiệt"
    assert entries[1].changes == ()
    assert changes(entries[0]) == {"Miễn sinh hoạt": ("có", "không")}


def test_the_whole_register_and_its_filters(register, cuc):
    everything = audit.trail(register, tz=UTC)
    assert everything.scanned == journal.head()[0] == len(everything.entries)
    assert everything.entries[-1].kind == "Chi bộ"
    assert everything.entries[-1].record == "Chi bộ Trường THPT Nguyễn Trân"
    assert everything.chain_ok and everything.chain_entries == everything.scanned
    assert everything.chain_summary == f"Chuỗi nhật ký nguyên vẹn: {everything.scanned} mục"

    events = audit.trail(register, AuditFilter(kinds=frozenset({"person_event"})))
    assert {e.kind for e in events.entries} == {"Sự kiện"}
    assert [e.record for e in events.entries] == [
        "Đưa vào danh sách cảm tình Đảng 01/09/2026 — Mai Thị Lan"
    ]
    written = dt.datetime.fromisoformat(everything.entries[0].at).date()
    on_the_day = audit.trail(register, AuditFilter(start=written, end=written), tz=UTC)
    assert len(on_the_day.entries) == len(everything.entries)
    before = audit.trail(register, AuditFilter(end=written - dt.timedelta(days=1)), tz=UTC)
    after = audit.trail(register, AuditFilter(start=written + dt.timedelta(days=1)), tz=UTC)
    assert before.entries == [] and after.entries == []
    assert before.scanned == everything.scanned  # a filter still reads the whole chain


def test_local_time_is_the_given_zone(register, cuc):
    entry = audit.trail(register, AuditFilter(person_id=cuc), tz=UTC).entries[0]
    hanoi = dt.timezone(dt.timedelta(hours=7))
    local = audit.trail(register, AuditFilter(person_id=cuc), tz=hanoi).entries[0]
    moment = dt.datetime.fromisoformat(entry.at)
    assert entry.when == moment.astimezone(UTC).strftime("%d/%m/%Y %H:%M")
    assert local.when == moment.astimezone(hanoi).strftime("%d/%m/%Y %H:%M")


def test_a_new_number_with_the_same_last_digits_still_shows_as_changed(register, cuc):
    members.update_person(register, cuc, {"id_number": "031188999379"}, today=TODAY)
    latest = audit.trail(register, AuditFilter(person_id=cuc)).entries[0]
    assert changes(latest) == {"Số định danh cá nhân": ("•••••••••379", "•••••••••379")}
    shown = audit.trail(register, AuditFilter(person_id=cuc), reveal=True).entries[1]
    assert changes(shown) == {"Số định danh cá nhân": (CUC_ID, "031188999379")}


# -- revealing -------------------------------------------------------------------------------


def test_reveal_returns_the_number_and_journals_it(register, cuc):
    seq_before = journal.head()[0]
    assert audit.reveal_id(register, cuc, "id_number") == CUC_ID
    assert journal.head()[0] == seq_before + 1
    entry = audit.trail(register, AuditFilter(person_id=cuc)).entries[0]
    assert (entry.kind, entry.record, entry.action) == (
        "Xem số định danh",
        "Lê Thị Cúc",
        "xem số đầy đủ",
    )
    assert changes(entry) == {"Số được xem": ("", "Số định danh cá nhân")}
    assert entry.entity in journal.JOURNAL_ONLY
    # an entry with no table behind it: the full check still passes (replay skips it)
    assert journal.replay_mismatches(JOURNALLED) == []
    assert checks.check_register(register).ok


def test_party_card_reveal(register):
    pid = official(register, "Phạm Thị Dung", "female", party_card_number="45123678")
    assert audit.reveal_id(register, pid[:8], "party_card_number") == "45123678"
    entry = audit.trail(register, AuditFilter(person_id=pid)).entries[0]
    assert changes(entry) == {"Số được xem": ("", "Số thẻ đảng viên")}


@pytest.mark.parametrize(
    ("field", "who", "error", "message"),
    [
        ("phone", "cuc", StateError, "Không có số «phone» để xem"),
        ("search_text", "cuc", StateError, "Không có số «search_text» để xem"),
        ("party_card_number", "cuc", StateError, "«Lê Thị Cúc» chưa có số thẻ đảng viên"),
        ("id_number", "nobody", NotFoundError, "Không có người nào mang mã «nobody»"),
    ],
)
def test_bad_reveals_are_refused_and_journal_nothing(register, cuc, field, who, error, message):
    person = cuc if who == "cuc" else who
    with unchanged(), pytest.raises(error, match=message):
        audit.reveal_id(register, person, field)


def test_reading_writes_nothing_and_a_revealed_trail_is_journalled(register, cuc):
    with unchanged():
        masked = audit.trail(register)
    assert CUC_ID not in json.dumps(masked.to_json(), ensure_ascii=False)
    assert not masked.revealed
    head = journal.head()[0]
    shown = audit.trail(register, AuditFilter(person_id=cuc), reveal=True)
    assert shown.revealed and journal.head()[0] == head + 1
    assert CUC_ID in json.dumps(shown.to_json(), ensure_ascii=False)
    first = shown.entries[0]
    assert (first.kind, first.record) == ("Xem số định danh", "Lê Thị Cúc")
    assert changes(first) == {"Số được xem": ("", "Mọi số trong lịch sử thay đổi")}
    everyone = audit.trail(register, reveal=True).entries[0]
    assert everyone.record == "Toàn bộ sổ" and everyone.person_id is None
    assert checks.check_register(register).ok


@pytest.mark.parametrize(
    ("filters", "error", "message"),
    [
        (AuditFilter(kinds=frozenset({"people"})), StateError, "không có loại bản ghi «people»"),
        (AuditFilter(start=D(2026, 5, 2), end=D(2026, 5, 1)), StateError, "02/05/2026 sau"),
        (AuditFilter(person_id="khong-co"), NotFoundError, "«khong-co»"),
    ],
)
def test_bad_filters_are_refused(register, cuc, filters, error, message):
    with unchanged(), pytest.raises(error, match=message):
        audit.trail(register, filters, reveal=True)


# -- the chain -------------------------------------------------------------------------------


def test_a_broken_chain_is_reported_and_the_trail_still_read_whole(register, cuc):
    for n in range(30):
        official(register, f"Đảng Viên {chr(65 + n % 26)}{'a' * (n // 26)}")
    db = register.db
    db.execute_sql("DROP TRIGGER journal_append_only_update")  # someone with the key
    db.execute_sql(
        "UPDATE journal SET author = 'device:ngoaicuoc' WHERE entity = 'person' AND seq > 3"
    )
    report = audit.trail(register)
    assert not report.chain_ok
    assert len(report.chain_problems) == 20  # the chain check stops at its first 20 breaks
    assert all("bị sửa sau khi ghi" in p for p in report.chain_problems)
    assert report.chain_summary.startswith("Chuỗi nhật ký bị đứt hoặc bị sửa:\n  - mục số")
    assert len(report.entries) == report.scanned == journal.head()[0]  # every entry still read
    assert report.entries[0].author == "device:ngoaicuoc"


def test_a_missing_entry_is_reported(register, cuc):
    db = register.db
    db.execute_sql("DROP TRIGGER journal_append_only_delete")
    db.execute_sql("DELETE FROM journal WHERE seq = 3")
    report = audit.trail(register)
    assert any("thiếu mục số 3" in p for p in report.chain_problems)


def test_many_entries_in_one_pass(register):
    """A few thousand entries (the benchmark in the report runs 64,737)."""
    ids = []
    with register.atomic():
        for n in range(400):
            words = SYLLABLES.split()
            name = f"Hồ {words[n // 20]} {words[n % 20]}"
            pid = add(register, name, phone=f"09{n:08d}")
            ids.append(pid)
            for k in range(4):
                members.update_person(register, pid, {"phone": f"08{n:04d}{k:04d}"}, today=TODAY)
    report = audit.trail(register)
    assert report.scanned == len(report.entries) == 1 + 400 * 5
    last = audit.trail(register, AuditFilter(person_id=ids[-1])).entries
    assert [changes(e)["Số điện thoại"] for e in last[:4]] == [
        ("0803990002", "0803990003"),
        ("0803990001", "0803990002"),
        ("0803990000", "0803990001"),
        ("0900000399", "0803990000"),
    ]


def test_other_journal_only_entries_read_in_words(register):
    """A passphrase reset (services/passphrase.py writes this shape) reads as words."""
    with register.atomic():
        what = {"secret": "passphrase", "unlocked_with": "recovery_key"}
        journal.append(
            "register_key", "k-1", "update", what, 0, 1, register.author, journal.now_utc()
        )
    entry = audit.trail(register).entries[0]
    assert (entry.kind, entry.record, entry.action) == (
        "Khóa của sổ",
        "Mật khẩu và khóa khôi phục",
        "sửa",
    )
    assert changes(entry) == {
        "Đã đặt lại": ("", "mật khẩu"),
        "Mở khóa bằng": ("", "khóa khôi phục"),
    }
    assert entry.person_id is None
    assert checks.check_register(register).ok


def test_every_kind_of_record_has_a_vietnamese_name_and_field_labels():
    from desktop_app.store.journal import JOURNAL_ONLY
    from desktop_app.store.models import JOURNALLED

    for entity in [*JOURNALLED, *JOURNAL_ONLY]:
        assert entity in audit.ENTITY_LABELS, entity
        assert entity in audit.FIELD_LABELS, entity
