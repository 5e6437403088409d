import datetime as dt
import unicodedata

import pytest

from desktop_app.domain.person import EDITABLE, check_person


def PROBATION(_ceremony):
    return 12


TODAY = dt.date(2026, 11, 22)


def person(**overrides):
    base = {name: "" for name in EDITABLE}
    base.update(
        full_name="Nguyễn Thị Thu Hà",
        sex="female",
        birth_date="05/03/1985",
        ethnicity="Kinh",
        religion="Không",
        membership="official",
        admission_decision_date="01/02/2010",
        ceremony_date="20/02/2010",
        official_date="20/02/2011",
        id_number="052185012345",
    )
    base.update(overrides)
    return base


def errors(data):
    found: dict[str, str] = {}
    for p in check_person(data, TODAY, PROBATION).problems:
        found[p.field] = f"{found.get(p.field, '')} | {p.message}"
    return found


def test_a_good_record_passes_and_is_cleaned():
    checked = check_person(
        person(
            full_name="  Nguyễn   Thị  Thu Hà ",
            id_number="052 185 012 345",
            sex="Nữ",
            ethnicity="kinh",
        ),
        TODAY,
        PROBATION,
    )
    assert checked.problems == []
    assert checked.values["full_name"] == "Nguyễn Thị Thu Hà"
    assert checked.values["id_number"] == "052185012345"
    assert checked.values["sex"] == "female"
    assert checked.values["birth_date"] == "1985-03-05"
    assert checked.values["ceremony_date"] == "2010-02-20"


def test_nfd_input_is_stored_nfc():
    nfd = unicodedata.normalize("NFD", "Đặng Thị Thuỷ")
    checked = check_person(
        person(
            full_name=nfd, native_place=unicodedata.normalize("NFD", "Xã Tuy Phước, tỉnh Gia Lai")
        ),
        TODAY,
        PROBATION,
    )
    assert checked.values["full_name"] == unicodedata.normalize("NFC", "Đặng Thị Thuỷ")
    assert unicodedata.is_normalized("NFC", checked.values["native_place"])


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"full_name": ""}, "full_name", "trống"),
        ({"full_name": "   "}, "full_name", "trống"),
        ({"full_name": "Hà"}, "full_name", "họ và tên"),
        ({"full_name": "Nguyễn Văn 3"}, "full_name", "chữ cái"),
        ({"id_number": "0521850123456"}, "id_number", "12 chữ số"),
        ({"id_number": "05218501234"}, "id_number", "12 chữ số"),
        ({"id_number": "05218501234A"}, "id_number", "chỉ gồm chữ số"),
        ({"id_number": "０５２１８５０１２３４５"}, "id_number", "chỉ gồm chữ số"),
        ({"birth_date": "01/01/2027"}, "birth_date", "tương lai"),
        ({"birth_date": "31/02/1985"}, "birth_date", "không có ngày"),
        ({"birth_date": "1880"}, "birth_date", "quá xa"),
        ({"official_date": "19/02/2011"}, "official_date", "12 tháng"),
        ({"ceremony_date": "01/01/2010"}, "ceremony_date", "trước ngày quyết định"),
        ({"ceremony_date": "20/02/2030", "official_date": ""}, "ceremony_date", "tương lai"),
        ({"sex": "khác"}, "sex", "Nam hoặc Nữ"),
        ({"ethnicity": "Người Sao Hỏa"}, "ethnicity", "danh mục"),
        ({"phone": "12345"}, "phone", "điện thoại"),
        ({"notes": "x" * 10_000}, "notes", "quá dài"),
        ({"native_place": "x" * 10_000}, "native_place", "quá dài"),
        ({"full_name": "Nguyễn " + "a" * 10_000}, "full_name", "quá dài"),
        ({"membership": "candidate"}, "membership", "quần chúng"),
        ({"membership": "probationary"}, "membership", "dự bị"),
        ({"membership": "boss"}, "membership", "boss"),
        ({"birth_date": "2011"}, "birth_date", "sau ngày vào Đảng"),
    ],
)
def test_bad_input_names_the_field(overrides, field, words):
    found = errors(person(**overrides))
    assert field in found, found
    assert words in found[field]


def test_messages_carry_vietnamese_labels():
    problems = check_person(person(id_number="123"), TODAY, PROBATION).problems
    assert str(problems[0]).startswith("Số định danh cá nhân:")


def test_partial_birth_dates_are_kept_partial():
    assert check_person(person(birth_date="1958"), TODAY, PROBATION).values["birth_date"] == "1958"
    assert (
        check_person(person(birth_date="03/1958"), TODAY, PROBATION).values["birth_date"]
        == "1958-03"
    )


def test_id_number_warning_when_digits_disagree_with_birth():
    checked = check_person(person(id_number="052190012345"), TODAY, PROBATION)
    assert checked.problems == []
    assert [w.field for w in checked.warnings] == ["id_number"]


def test_leading_zeros_kept():
    checked = check_person(person(id_number="001185000007"), TODAY, PROBATION)
    assert checked.values["id_number"] == "001185000007"


def test_candidate_without_party_dates_is_fine():
    data = person(
        membership="candidate",
        admission_decision_date="",
        ceremony_date="",
        official_date="",
        id_number="",
    )
    checked = check_person(data, TODAY, PROBATION)
    assert checked.problems == []
    assert checked.values["id_number"] is None


def test_too_long_field_gives_one_clear_message():
    found = check_person(person(full_name="Nguyễn " + "a" * 10_000), TODAY, PROBATION).problems
    assert [p.message for p in found] == ["quá dài (10.007 ký tự, tối đa 100)"]
