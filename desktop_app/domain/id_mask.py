"""ID numbers on a shared office PC: a citizen ID (CCCD, 12 digits; the old CMND, 9) or a party
card number shows only its last 3 digits, everywhere but where the user asked to see it."""

from __future__ import annotations

import re

DOT = "•"
SHOWN = 3  # trailing digits left visible
ID_FIELDS = ("id_number", "party_card_number")  # person fields that hold such numbers
_RUN = re.compile(r"(?<!\d)\d{9,12}(?!\d)")  # a CCCD, a CMND or a party card number


def mask_id(number: str | None) -> str:
    """ "052012345645" → "•••••••••645"; an empty value stays empty; a number of 3 characters
    or fewer is hidden whole (nothing would be hidden otherwise)."""
    if not number:
        return ""
    text = str(number)
    if len(text) <= SHOWN:
        return DOT * len(text)
    return DOT * (len(text) - SHOWN) + text[-SHOWN:]


def mask_numbers(text: str) -> str:
    """Every run of 9 to 12 digits in free text masked as ``mask_id`` does (log lines,
    tracebacks); shorter or longer runs (years, amounts, hashes' digit runs) are left alone."""
    return _RUN.sub(lambda m: mask_id(m.group()), text)
