import datetime as dt
import hashlib
import unicodedata

import pytest

from desktop_app.domain.errors import DuplicateError, NotFoundError, StateError, ValidationError
from desktop_app.services import members
from desktop_app.store import journal
from tests.conftest import TODAY

HA = {
    "full_name": "Nguyễn Thị Thu Hà",
    "sex": "female",
    "birth_date": "05/03/1985",
    "ethnicity": "Kinh",
    "religion": "Không",
    "membership": "official",
    "admission_decision_date": "01/02/2010",
    "ceremony_date": "20/02/2010",
    "official_date": "20/02/2011",
    "id_number": "052185012345",
    "phone": "0912345678",
}


def state_digest(reg):
    """Every table's content: proves a refused write changed nothing."""
    h = hashlib.sha256()
    for (table,) in reg.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'person_search%'"
        " ORDER BY name"
    ).fetchall():
        for row in reg.db.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall():
            h.update(repr(row).encode())
    return h.hexdigest()


def add(reg, **over):
    return members.add_person(reg, {**HA, **over}, today=TODAY)


def test_add_and_get(register):
    person = add(register)
    got = members.get_person(register, person.id)
    assert got.full_name == "Nguyễn Thị Thu Hà"
    assert got.status == "official" and got.version == 1
    assert got.birth_date == "1985-03-05" and got.id_number == "052185012345"
    assert len(person.id) == 36


def test_nfd_input_is_stored_nfc_and_found(register):
    person = add(register, full_name=unicodedata.normalize("NFD", "Đặng Thị Thuỷ"), id_number="")
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert [p.id for p in members.search_people(register, "dang thi thuy")] == [person.id]


@pytest.mark.parametrize(
    "over",
    [
        {"id_number": "0521850123456"},
        {"id_number": "05218501234A"},
        {"birth_date": "01/12/2026"},
        {"official_date": "19/02/2011"},
        {"full_name": ""},
        {"notes": "x" * 10_000},
        {"residence": "y" * 10_000},
    ],
)
def test_bad_input_changes_nothing(register, over):
    before = state_digest(register)
    with pytest.raises(ValidationError) as caught:
        add(register, **over)
    assert caught.value.problems
    assert "Nguyễn Thị Thu Hà" in str(caught.value) or over.get("full_name") == ""
    assert state_digest(register) == before


def test_duplicate_by_name_and_birth_is_proposed_not_merged(register):
    first = add(register)
    before = state_digest(register)
    with pytest.raises(DuplicateError) as caught:
        add(register, full_name="NGUYEN THI THU HA", id_number="")
    assert caught.value.matches[0][0] == first.id
    assert not caught.value.blocking
    assert state_digest(register) == before
    second = members.add_person(
        register, {**HA, "id_number": ""}, allow_duplicate=True, today=TODAY
    )
    assert second.id != first.id


def test_partial_birth_dates_count_as_possible_duplicates(register):
    add(register, birth_date="1985", id_number="")
    with pytest.raises(DuplicateError):
        add(register, birth_date="05/03/1985", id_number="")
    add(register, birth_date="1986", id_number="")  # another year: another person


def test_same_id_number_can_never_be_saved_twice(register):
    add(register)
    with pytest.raises(DuplicateError, match="cùng số định danh"):
        members.add_person(
            register,
            {**HA, "full_name": "Trần Văn Bình", "sex": "male"},
            allow_duplicate=True,
            today=TODAY,
        )


def test_update_with_version_check(register):
    person = add(register)
    changed = members.update_person(
        register, person.id, {"phone": "0988111222"}, expected_version=1, today=TODAY
    )
    assert changed.version == 2 and changed.phone == "0988111222"
    before = state_digest(register)
    with pytest.raises(StateError, match="vừa được sửa ở nơi khác"):
        members.update_person(
            register, person.id, {"phone": "0900000000"}, expected_version=1, today=TODAY
        )
    with pytest.raises(StateError, match="Không có trường"):
        members.update_person(register, person.id, {"status": "deceased"}, today=TODAY)
    with pytest.raises(ValidationError):
        members.update_person(register, person.id, {"id_number": "123"}, today=TODAY)
    assert state_digest(register) == before


def test_update_without_change_writes_nothing(register):
    person = add(register)
    entries = journal.head()[0]
    members.update_person(register, person.id, {"phone": "0912345678"}, today=TODAY)
    assert journal.head()[0] == entries
    assert members.get_person(register, person.id).version == 1


def test_unknown_person(register):
    with pytest.raises(NotFoundError, match="Không có người"):
        members.get_person(register, "00000000-0000-0000-0000-000000000000")


def test_short_id_prefix(register):
    person = add(register)
    assert members.get_person(register, person.id[:8]).id == person.id


def test_event_moves_status_and_is_undoable(register):
    person = add(register)
    members.record_event(
        register,
        person.id,
        "transfer_out",
        dt.date(2026, 5, 1),
        place="Chi bộ Phường Ghềnh Ráng",
        reference="12-QĐ/ĐU",
        today=TODAY,
    )
    moved = members.get_person(register, person.id)
    assert moved.status == "transferred_out" and moved.exit_date == "2026-05-01"
    events = members.list_events(register, person.id)
    assert [e.kind for e in events] == ["transfer_out"]
    assert events[0].place == "Chi bộ Phường Ghềnh Ráng"
    members.undo_last_event(register, person.id)
    back = members.get_person(register, person.id)
    assert back.status == "official" and back.exit_date is None
    assert members.list_events(register, person.id) == []


def test_refused_event_changes_nothing(register):
    person = add(register)
    before = state_digest(register)
    with pytest.raises(StateError, match="Nguyễn Thị Thu Hà"):
        members.record_event(register, person.id, "ceremony", dt.date(2026, 1, 1), today=TODAY)
    with pytest.raises(StateError, match="tương lai"):
        members.record_event(register, person.id, "death", dt.date(2027, 1, 1), today=TODAY)
    with pytest.raises(StateError, match="quá dài"):
        members.record_event(
            register, person.id, "other", dt.date(2026, 1, 1), reason="x" * 10_000, today=TODAY
        )
    assert state_digest(register) == before


def test_candidate_pipeline_through_events(register):
    person = members.add_person(
        register,
        {"full_name": "Lê Văn Tám", "sex": "male", "birth_date": "2001", "membership": "candidate"},
        today=TODAY,
    )
    for kind, day in (
        ("admission_decision", dt.date(2025, 1, 10)),
        ("ceremony", dt.date(2025, 2, 3)),
        ("recognition", dt.date(2026, 2, 3)),
    ):
        members.record_event(register, person.id, kind, day, today=TODAY)
    done = members.get_person(register, person.id)
    assert (done.status, done.ceremony_date, done.official_date) == (
        "official",
        "2025-02-03",
        "2026-02-03",
    )


def test_search_with_and_without_diacritics(register):
    ids = {
        name: add(register, full_name=name, id_number="", birth_date=f"0{i}/01/1990").id
        for i, name in enumerate(
            ["Lê Thị Thuỷ", "Phạm Thị Thủy", "Trần Thị Thúy", "Đỗ Văn Đức", "Nguyễn Văn Dục"],
            start=1,
        )
    }

    def found(text):
        return {p.full_name for p in members.search_people(register, text)}

    assert found("thuy") == {"Lê Thị Thuỷ", "Phạm Thị Thủy", "Trần Thị Thúy"}
    assert found("Thủy") == {"Lê Thị Thuỷ", "Phạm Thị Thủy"}
    assert found("THUÝ") == {"Trần Thị Thúy"}
    assert found("duc") == {"Đỗ Văn Đức", "Nguyễn Văn Dục"}
    assert found("Đức") == {"Đỗ Văn Đức"}
    assert found("thi le") == {"Lê Thị Thuỷ"}
    assert found("nguy") == {"Nguyễn Văn Dục"}
    assert found('"; DROP TABLE person; --') == set()
    assert len(found("")) == 5
    assert members.search_ids(register, "   ") is None
    assert ids


def test_list_is_in_vietnamese_order(register):
    for i, name in enumerate(
        ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Anh", "Phạm Văn Ánh", "Hồ Thị Ân"],
        start=1,
    ):
        add(register, full_name=name, id_number="", birth_date=f"0{i}/02/1990")
    names = [p.full_name for p in members.list_people(register)]
    # by given name (a < â in the alphabet; tone only breaks ties), then middle, then family
    assert names == [
        "Nguyễn Thị An",
        "Lê Văn An",
        "Đỗ Anh",
        "Phạm Văn Ánh",
        "Hồ Thị Ân",
        "Trần Văn Bình",
    ]


def test_status_filter(register):
    add(register)
    members.add_person(
        register, {"full_name": "Lê Văn Tám", "sex": "male", "membership": "candidate"}, today=TODAY
    )
    assert [p.full_name for p in members.list_people(register, {"candidate"})] == ["Lê Văn Tám"]


def test_undo_takes_the_event_recorded_last_even_within_one_millisecond(register, monkeypatch):
    from desktop_app.store import journal as journal_module

    monkeypatch.setattr(journal_module, "now_utc", lambda: "2026-11-22T08:00:00.000Z")
    person = add(register)
    members.record_event(register, person.id, "exemption", dt.date(2026, 1, 5), today=TODAY)
    members.record_event(
        register,
        person.id,
        "temporary_leave",
        dt.date(2026, 1, 5),
        place="Chi bộ Khu phố 3",
        today=TODAY,
    )
    undone = members.undo_last_event(register, person.id)
    assert undone.kind == "temporary_leave"
    after = members.get_person(register, person.id)
    assert after.exempted and not after.temporarily_away
