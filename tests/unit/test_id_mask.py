"""ID numbers masked to their last 3 digits, in fields and in free text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.id_mask import DOT, ID_FIELDS, mask_id, mask_numbers


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("052012345645", "•••••••••645"),  # citizen ID (CCCD), 12 digits
        ("215123456", "••••••456"),  # old ID card (CMND), 9 digits
        ("45123678", "•••••678"),  # a party card number
        ("1234", "•234"),
        ("123", "•••"),  # too short to show anything
        ("7", "•"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id(number, masked):
    assert mask_id(number) == masked


def test_the_fields_that_hold_numbers():
    assert ID_FIELDS == ("id_number", "party_card_number")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("người 052012345645 đã sửa", "người •••••••••645 đã sửa"),
        ("CMND 215123456, CCCD 052012345645", "CMND ••••••456, CCCD •••••••••645"),
        ("id_number='052012345645'", "id_number='•••••••••645'"),
        ("số0520123456450", "số0520123456450"),  # 13 digits: not an ID number
        ("năm 2026, 10.007 người, 12345678", "năm 2026, 10.007 người, 12345678"),
        ("hash a1b2c3d4e5f6", "hash a1b2c3d4e5f6"),
        ("0905123456", "•••••••456"),  # a phone number has 10 digits: masked too, in logs
    ],
)
def test_mask_numbers_in_text(text, masked):
    assert mask_numbers(text) == masked


@given(st.text(alphabet="0123456789", min_size=4, max_size=20))
def test_never_more_than_three_digits_shown(number):
    masked = mask_id(number)
    assert len(masked) == len(number)
    assert sum(ch.isdigit() for ch in masked) == 3
    assert masked.endswith(number[-3:])
    assert masked.count(DOT) == len(number) - 3


@given(st.lists(st.text(alphabet="0123456789", min_size=9, max_size=12), max_size=5))
def test_every_id_run_in_text_is_masked(numbers):
    text = " và ".join(numbers)
    masked = mask_numbers(text)
    for number in numbers:
        assert number not in masked
