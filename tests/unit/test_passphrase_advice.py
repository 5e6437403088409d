"""Passphrase advice: table-driven ratings and problems, accents, and properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import passphrase_advice as pa
from desktop_app.domain.passphrase_advice import RATINGS, rate_passphrase
from desktop_app.services.registers import MIN_PASSPHRASE

NAME = "Chi bộ Trường THPT Nguyễn Trân"
CODE = "CB-NT"

WEAK = [
    # (passphrase, the problems it must name)
    ("abc", {pa.TOO_SHORT}),
    ("Hoa sen", {pa.TOO_SHORT}),
    ("12345678", {pa.DIGITS_ONLY, pa.KEYBOARD}),
    ("0912345678", {pa.DIGITS_ONLY, pa.KEYBOARD}),
    ("58203917", {pa.DIGITS_ONLY}),
    ("01011990", {pa.DIGITS_ONLY, pa.DATE}),
    ("01/01/1990", {pa.DIGITS_ONLY, pa.DATE}),
    ("1990-05-17", {pa.DIGITS_ONLY, pa.DATE}),
    ("qwertyui", {pa.KEYBOARD}),
    ("asdfghjkl", {pa.KEYBOARD}),
    ("abcdefgh", {pa.KEYBOARD}),
    ("Aa123456", {pa.KEYBOARD}),
    ("987654321a", {pa.KEYBOARD}),
    ("aaaaaaaa", {pa.REPEAT}),
    ("hahahahaha", {pa.REPEAT}),
    ("xy!xy!xy!xy!", {pa.REPEAT}),
    ("password", {pa.COMMON_WORD}),
    ("P@ssw0rd", {pa.COMMON_WORD}),
    ("matkhau123", {pa.COMMON_WORD}),
    ("mật khẩu thử 2026", {pa.COMMON_WORD, pa.DATE}),
    ("anhyeuem1990", {pa.COMMON_WORD, pa.DATE}),
    ("chibo2026", {pa.PARTY_WORD, pa.DATE}),
    ("Chi bộ 2026!", {pa.PARTY_WORD, pa.DATE}),
    ("dangvien99", {pa.COMMON_WORD}),
    ("CB-NT2026", {pa.CELL, pa.DATE}),
    ("cbnt@cbnt", {pa.CELL}),
    ("nguyentran", {pa.CELL}),
    ("NguyenTran!", {pa.CELL}),
    ("Nguyễn Trân 1975", {pa.CELL, pa.DATE}),
    ("Trường THPT Nguyễn Trân", {pa.CELL}),
    ("truong thpt nguyen tran", {pa.CELL}),
    ("Tkb@2026x", {pa.DATE}),
    ("hoa hồng", {pa.SIMPLE}),
    ("hoàng hôn", {pa.SIMPLE}),
]


@pytest.mark.parametrize(("text", "kinds"), WEAK, ids=[t for t, _ in WEAK])
def test_weak_passphrases_are_refused_with_the_reason(text, kinds):
    advice = rate_passphrase(text, NAME, CODE)
    assert advice.rating == "weak", advice
    assert not advice.acceptable
    for kind in kinds:
        expected = pa.MESSAGES[kind].format(min=pa.MIN_LENGTH, length=len(text))
        assert expected in advice.problems, (kind, advice.problems)
    assert advice.suggestion == pa.SUGGESTION
    assert "4 chữ" in advice.refusal and advice.problems[0] in advice.refusal


ACCEPTED = [
    # (passphrase, lowest rating it must reach, highest)
    ("con mèo đen", "fair", "fair"),
    ("Bầu trời xanh", "fair", "fair"),
    ("Tr@ng#Hoa!9z", "fair", "good"),
    ("toi yeu chi bo cua toi", "fair", "good"),
    ("hoa sen nở trong", "good", "good"),
    ("hoasennotrongdam", "good", "good"),
    ("mùa thu lá vàng rơi", "good", "strong"),
    ("Hoa sen nở trong đầm nước", "strong", "strong"),
    ("tôi đang đi học ở trường", "good", "strong"),
    ("Correct Horse Battery Staple", "strong", "strong"),
    ("Đảng ta thật là vĩ đại muôn năm", "good", "strong"),
    ("Ngõ nhỏ nhà bà ngoại có cây khế", "strong", "strong"),
]


@pytest.mark.parametrize(("text", "low", "high"), ACCEPTED, ids=[t for t, *_ in ACCEPTED])
def test_sentences_are_accepted(text, low, high):
    advice = rate_passphrase(text, NAME, CODE)
    assert RATINGS.index(low) <= RATINGS.index(advice.rating) <= RATINGS.index(high), advice
    assert advice.acceptable
    assert (advice.suggestion == "") == (advice.rating in ("good", "strong"))


def test_a_fair_passphrase_is_accepted_with_the_suggestion():
    advice = rate_passphrase("con mèo đen", NAME, CODE)
    assert advice.rating == "fair" and advice.label == "Tạm được"
    assert advice.message == f"Độ mạnh: Tạm được. {pa.SUGGESTION}"


def test_an_accepted_passphrase_still_names_what_is_guessable():
    advice = rate_passphrase("Đảng ta thật là vĩ đại muôn năm", NAME, CODE)
    assert advice.acceptable
    assert pa.MESSAGES[pa.PARTY_WORD] in advice.problems
    assert "«chi bộ» hoặc «đảng»" in advice.message


@pytest.mark.parametrize(
    "text",
    ["tôi đang đi học ở trường", "Đặng Thùy Trâm nhật ký"],
)
def test_dang_with_other_accents_is_an_everyday_word(text):
    assert pa.MESSAGES[pa.PARTY_WORD] not in rate_passphrase(text).problems


def test_dang_without_accents_may_be_the_party():
    assert pa.MESSAGES[pa.PARTY_WORD] in rate_passphrase("dang ta muon nam").problems


def test_the_cell_name_is_compared_without_accents_or_case():
    for typed in ("NGUYEN TRAN hoa no", "nguyễn trân hoa nở", "Nguyen-Tran hoa no"):
        assert pa.MESSAGES[pa.CELL] in rate_passphrase(typed, NAME, CODE).problems, typed
    # not this cell's name: no complaint
    assert (
        pa.MESSAGES[pa.CELL]
        not in rate_passphrase("nguyen tran hoa no", "Chi bộ Khu phố 5").problems
    )


def test_the_cell_code_with_digits_is_found():
    advice = rate_passphrase("cbkp5 của chúng tôi", "Chi bộ Khu phố 5", "CB-KP5")
    assert pa.MESSAGES[pa.CELL] in advice.problems


def test_a_short_code_is_not_looked_for():
    advice = rate_passphrase("ab cây xanh lá mượt mà", "Chi bộ Ấp Bắc", "AB")
    assert pa.MESSAGES[pa.CELL] not in advice.problems


def test_nfd_and_nfc_give_the_same_advice():
    text = "Mùa thu Hà Nội lá vàng rơi"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert rate_passphrase(nfd, NAME, CODE) == rate_passphrase(text, NAME, CODE)


def test_too_short_counts_characters_after_nfc():
    nfd = unicodedata.normalize("NFD", "Hà Nội ơi")  # 9 characters, 12 code points in NFD
    assert pa.MESSAGES[pa.TOO_SHORT].split(":")[0] not in " ".join(rate_passphrase(nfd).problems)
    short = rate_passphrase(unicodedata.normalize("NFD", "Hà Nội"))
    assert "mới có 6" in short.problems[0]


def test_repeating_a_word_adds_little():
    once, twice = rate_passphrase("hoa sen nở"), rate_passphrase("hoa sen nở hoa sen nở")
    assert twice.bits < once.bits + 12


def test_the_minimum_length_is_the_one_the_register_uses():
    assert pa.MIN_LENGTH == MIN_PASSPHRASE


def test_message_reads_as_one_paragraph():
    advice = rate_passphrase("chibo2026", NAME, CODE)
    assert advice.message.startswith("Độ mạnh: Yếu. Mật khẩu có chữ «chi bộ»")
    assert advice.message.endswith(pa.SUGGESTION)


@given(st.text(max_size=60), st.text(max_size=40), st.text(max_size=12))
def test_any_text_gets_a_rating(text, name, code):
    advice = rate_passphrase(text, name, code)
    assert advice.rating in RATINGS
    assert advice.bits >= 0
    if len(unicodedata.normalize("NFC", text)) < pa.MIN_LENGTH:
        assert advice.rating == "weak"


@given(st.sampled_from(["1990", "123456", "chibo", "aaaa", "matkhau"]))
def test_adding_a_guessable_part_never_makes_a_sentence_weaker_than_without_it(part):
    base = rate_passphrase("bà ngoại trồng cây khế")
    more = rate_passphrase(f"bà ngoại trồng cây khế {part}")
    assert RATINGS.index(more.rating) >= RATINGS.index(base.rating)
    assert more.bits - base.bits <= 12
