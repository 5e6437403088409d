import pytest

from desktop_app.domain.catalogs import ETHNICITIES, RELIGIONS, match_ethnicity, match_religion


def test_54_ethnic_groups():
    assert len(ETHNICITIES) == len(set(ETHNICITIES)) == 54


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("kinh", "Kinh"),
        ("KINH", "Kinh"),
        ("Ê-đê", "Ê Đê"),
        ("ede", "Ê Đê"),
        ("H'Mông", "Mông"),
        ("Mèo", "Mông"),
        ("bru van kieu", "Bru - Vân Kiều"),
        ("Khơ-me", "Khmer"),
        ("Khmer", "Khmer"),
        ("Người Sao Hỏa", None),
    ],
)
def test_match_ethnicity(typed, canonical):
    assert match_ethnicity(typed) == canonical


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("không", "Không"),
        ("Thiên Chúa", "Công giáo"),
        ("phat giao", "Phật giáo"),
        ("Hòa Hảo", "Phật giáo Hòa Hảo"),
        ("tin lanh", "Tin Lành"),
        ("Đạo lạ", None),
    ],
)
def test_match_religion(typed, canonical):
    assert match_religion(typed) == canonical


def test_catalog_entries_match_themselves():
    assert all(match_ethnicity(e) == e for e in ETHNICITIES)
    assert all(match_religion(r) == r for r in RELIGIONS)
