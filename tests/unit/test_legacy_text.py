"""Tests for desktop_app.domain.legacy_text: TCVN3 / VNI / NFD detection and conversion per cell."""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.legacy_text import (
    SOURCE_LABELS,
    TCVN3_TABLE,
    VNI_TABLE,
    Converted,
    convert,
    detect,
    dominant_legacy_source,
    is_syllable,
)

PLAIN_CAPITALS = "ĂÂÊÔƠƯĐ"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang huyền hỏi ngã sắc nặng
STOP_TONES = ("\u0301", "\u0323")  # the only tones before c, ch, p, t


def words(text: str) -> list[str]:
    return text.split()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def all_letters() -> list[str]:
    """Every non-ASCII Vietnamese letter, lower and upper case."""
    lower = [nfc(base + tone) for base in "aăâeêioôơuưy" for tone in TONES] + ["đ"]
    lower = [ch for ch in lower if not ch.isascii()]
    return lower + [ch.upper() for ch in lower]


def vntime_form(text: str) -> str:
    """What a .VnTime/.VnTimeH typist leaves: capitals with tone marks as lowercase letters."""
    return "".join(
        ch.lower() if ch.isupper() and not ch.isascii() and ch not in PLAIN_CAPITALS else ch
        for ch in text
    )


# --- iconv reference -------------------------------------------------------------------------
def _iconv(data: bytes, source: str, target: str) -> bytes | None:
    if shutil.which("iconv") is None:
        return None
    result = subprocess.run(
        ["iconv", "-f", source, "-t", target], input=data, capture_output=True, check=False
    )
    return result.stdout if result.returncode == 0 else None


@functools.cache
def iconv_available() -> bool:
    return _iconv("ệ".encode(), "utf-8", "TCVN5712-1") is not None


needs_iconv = pytest.mark.skipif(
    not iconv_available(), reason="iconv with the TCVN5712-1 charset is not available"
)


def cell_from_bytes(codes: bytes) -> str:
    """How a spreadsheet reader hands over legacy bytes: cp1252, latin-1 where cp1252 has none."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in codes
    )


def iconv_tcvn3(text: str) -> str:
    codes = _iconv(text.encode(), "utf-8", "TCVN5712-1")
    assert codes is not None, text
    return cell_from_bytes(codes)


@functools.cache
def tcvn3_encoder() -> dict[str, str]:
    """Letter -> cell character for every letter .VnTime has, from one iconv run."""
    letters = [ch for ch in all_letters() if ch.islower() or ch in PLAIN_CAPITALS]
    codes = _iconv("\n".join(letters).encode(), "utf-8", "TCVN5712-1")
    assert codes is not None
    return dict(zip(letters, cell_from_bytes(codes).split("\n"), strict=True))


def encode_tcvn3(text: str) -> str:
    table = tcvn3_encoder()
    return "".join(table.get(ch, ch) for ch in vntime_form(text))


@functools.cache
def vni_encoder() -> dict[str, str]:
    """Inverse of the module's VNI table (canonical codes: mark in the base letter's case)."""
    inverse = {}
    for code, letter in VNI_TABLE.items():
        text = code.decode("cp1252")
        if len(text) == 1 or text[0].isupper() == text[1].isupper():
            assert inverse.setdefault(letter, text) == text
    return inverse


def encode_vni(text: str) -> str:
    table = vni_encoder()
    return "".join(table.get(ch, ch) for ch in text)


# --- tables ----------------------------------------------------------------------------------
@needs_iconv
def test_tcvn3_table_is_iconvs_tcvn5712_1() -> None:
    for code, letter in TCVN3_TABLE.items():
        assert _iconv(bytes([code]), "TCVN5712-1", "utf-8") == letter.encode(), hex(code)
    expected = [ch for ch in all_letters() if ch.islower() or ch in PLAIN_CAPITALS]
    assert sorted(TCVN3_TABLE.values()) == sorted(expected)


def test_vni_table_covers_every_letter_once() -> None:
    assert sorted(vni_encoder()) == sorted(all_letters())


def test_source_labels() -> None:
    assert set(SOURCE_LABELS) == {"unicode", "nfd", "tcvn3", "vni"}


# --- TCVN3 -----------------------------------------------------------------------------------
TEXTS = [
    "Họ và tên",
    "Ngày sinh",
    "Quê quán",
    "Nơi ở hiện nay",
    "Đảng viên chính thức",
    "Đảng viên dự bị",
    "Ngày vào Đảng",
    "Nguyễn Thị Hường",
    "Trần Đức Lương",
    "Lê Thị Ánh",
    "Phạm Văn Đồng",
    "Võ Nguyên Giáp",
    "Huỳnh Thị Mỹ Duyên",
    "Bùi Quang Khuê",
    "Đặng Thùy Trâm",
    "Phường Quy Nhơn Nam, tỉnh Gia Lai",
    "Xã Ea Kao, Buôn Ma Thuột, Đắk Lắk",
    "Thôn Phước Lộc, xã Tuy Phước",
    "Trường THPT Nguyễn Trân",
    "Ông Ích Khiêm",
    "Ứng Hòa, Hà Nội",
    "Ưu tú",
    "Chi bộ Khu phố 3, phường Quy Nhơn",
]


@needs_iconv
@pytest.mark.parametrize("text", TEXTS)
def test_tcvn3_round_trip_against_iconv(text: str) -> None:
    cell = iconv_tcvn3(vntime_form(text))
    result = convert(cell)
    assert result == Converted(vntime_form(text), "tcvn3")
    assert result.changed
    assert detect(cell) == "tcvn3"


def test_tcvn3_examples() -> None:
    assert convert("Hä vµ tªn") == Converted("Họ và tên", "tcvn3")
    assert convert("NguyÔn V¨n An").text == "Nguyễn Văn An"
    assert convert("§¶ng viªn").text == "Đảng viên"
    assert convert("§¾k L¾k").text == "Đắk Lắk"  # no syllable, but µ ¸ ¾ § can go


def test_tcvn3_capitals_with_tone_marks_come_back_lowercase() -> None:
    # .VnTimeH showed "ÁNH" from the lowercase codes; the font is not in the cell
    assert convert("¸NH").text == "áNH"


# --- VNI -------------------------------------------------------------------------------------
VNI_EXAMPLES = [
    # duydev/vietnamese-conversion README: "Xin chào các bạn" -> "Xin chaøo caùc baïn"
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Hoï vaø teân", "Họ và tên"),
    ("Nguyeãn Thò Höôøng", "Nguyễn Thị Hường"),
    ("Traàn Ñöùc Löông", "Trần Đức Lương"),
    ("Ñaûng vieân chính thöùc", "Đảng viên chính thức"),
    ("Phöôøng Quy Nhôn Nam, tænh Gia Lai", "Phường Quy Nhơn Nam, tỉnh Gia Lai"),
    ("NGUYEÃN VAÊN AÙNH", "NGUYỄN VĂN ÁNH"),
    ("Huyønh Thò Myõ Duyeân", "Huỳnh Thị Mỹ Duyên"),
    ("Kyø hoïp thöù ba", "Kỳ họp thứ ba"),
]


@pytest.mark.parametrize(("cell", "expected"), VNI_EXAMPLES)
def test_vni_examples(cell: str, expected: str) -> None:
    assert convert(cell) == Converted(expected, "vni")
    assert encode_vni(expected) == cell


@pytest.mark.parametrize("text", TEXTS)
def test_vni_round_trip(text: str) -> None:
    assert convert(encode_vni(text)) == Converted(text, "vni")


def test_ambiguous_cell_is_kept_unless_the_column_says_otherwise() -> None:
    # "Hồ Chí Minh" in VNI reads as valid Unicode "Hoà Chí Minh": keep it, or follow the column
    assert convert("Hoà Chí Minh") == Converted("Hoà Chí Minh", "unicode")
    assert convert("Hoà Chí Minh", hint="vni") == Converted("Hồ Chí Minh", "vni")
    column = ["Nguyeãn Thò Höôøng", "Traàn Ñöùc Löông", "Hoàng", "Hoï vaø teân"]
    hint = dominant_legacy_source(column)
    assert hint == "vni"
    assert [convert(cell, hint=hint).text for cell in column][2] == "Hồng"


def test_tcvn3_cell_that_also_reads_as_unicode_needs_the_column() -> None:
    # "Chi bộ khu phố 3" in TCVN3 is "Chi bé khu phè 3": valid Vietnamese either way
    assert convert("Chi bé khu phè 3") == Converted("Chi bé khu phè 3", "unicode")
    assert convert("Chi bé khu phè 3", hint="tcvn3").text == "Chi bộ khu phố 3"
    column = ["Hä vµ tªn", "Chi bé khu phè 3", "§¶ng viªn"]
    hint = dominant_legacy_source(column)
    assert [convert(cell, hint=hint).text for cell in column] == [
        "Họ và tên",
        "Chi bộ khu phố 3",
        "Đảng viên",
    ]


def test_dominant_legacy_source() -> None:
    assert dominant_legacy_source(["Họ và tên", "x", ""]) is None
    assert dominant_legacy_source(["Hä vµ tªn", "Ngµy sinh", "Hoï vaø teân"]) == "tcvn3"
    assert dominant_legacy_source(["Hä vµ tªn", "Hoï vaø teân"]) is None


# --- Unicode, ASCII, NFD, mixed --------------------------------------------------------------
UNCHANGED = [
    "Thái Thị Xuân",
    "Nguyễn Văn Tú",
    "Lê Thị Hồng Nhung",
    "Võ Ý",
    "Huỳnh Thị Mỹ Duyên",
    "Hoàng",
    "Hoà",
    "Hòa",
    "Thuý",
    "Tô Lâm",
    "Châu Đốc",
    "Kiên Giang",
    "Nguyen Van An",
    "Müller",
    "José",
    "25°C",
    "12/05/1980",
    "05-1980",
    "1.234,5",
    "x",
    "X",
    "",
    "   ",
    "an.nguyen@example.com",
    "“Hà Nội” – 2024…",
    "CB-NT",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unicode_and_ascii_cells_stay(text: str) -> None:
    result = convert(text)
    assert result == Converted(text, "unicode")
    assert not result.changed


@pytest.mark.parametrize("text", ["Nguyễn Thị Hường", "Đảng viên chính thức", "Võ Ý", "Thái"])
def test_nfd_becomes_nfc(text: str) -> None:
    result = convert(nfd(text))
    assert result == Converted(text, "nfd")
    assert result.changed


def test_column_mixing_encodings_converts_each_cell() -> None:
    column = ["Hä vµ tªn", "Hoï vaø teân", "Họ và tên", nfd("Họ và tên"), "STT", "1"]
    results = [convert(cell) for cell in column]
    assert [r.source for r in results] == ["tcvn3", "vni", "unicode", "nfd", "unicode", "unicode"]
    assert [r.text for r in results] == ["Họ và tên"] * 4 + ["STT", "1"]


# --- syllables -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "word",
    words(
        "a ạ ở yêu yến quý quốc gì giữa giường nghiêng người rượu khuya khuỷu khuấy ngoài hoà hòa "
        "thuý thúy thuở oanh hoạch xoong Kỳ Kiên ĐẶNG Nguyễn uyên"
    ),
)
def test_valid_syllables(word: str) -> None:
    assert is_syllable(word)
    assert is_syllable(nfd(word))


@pytest.mark.parametrize(
    "word",
    words("hå vµ tªn caù kà ci ghà ngi àc ảc thàt hòan tìê hoaø ăn1 ă quỳnhh mùaa jones Đắk"),
)
def test_invalid_syllables(word: str) -> None:
    assert not is_syllable(word)


# --- properties ------------------------------------------------------------------------------
BASES = words(
    "nguyên văn thi trân lê pham hoang huynh phan vu vo đăng bui đô hô ngô dương ly đưc minh "
    "hương lương quôc tuân khuya ngươi rươu khuây ngoai tiêng yêu giưa quyêt thuơ xoong hoa "
    "thuy khoe chiên nghiêng gia quy kiên anh ich ôc uông oach uyêt loan xuân thanh hai "
    "nhung my duyên sinh quan đang chinh thưc ơn ưu ai ao au ay âu ây eo êu ia iu oi ôi ơi "
    "ua ui ưa ưi uôi ươi oai uyu tươc hiêp luât xuât ngoăc mươp gươm"
)


def _tone_carrier(base: str) -> int:
    """Index of the letter that takes the tone (new-style placement)."""
    start = 2 if base[:2] in ("qu", "gi") and any(c in "aăâeêioôơuưy" for c in base[2:]) else 0
    run = [i for i in range(start, len(base)) if base[i] in "aăâeêioôơuưy"]  # contiguous
    marked = [i for i in run if base[i] in "ăâêôơư"]
    if marked:
        return marked[-1]
    cluster = "".join(base[i] for i in run)
    if run[-1] + 1 < len(base) or cluster in ("oa", "oe", "uy"):
        return run[-1]
    return run[1] if len(run) == 3 else run[0]


@st.composite
def syllables(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from(BASES))
    stop = base.endswith(("c", "ch", "p", "t"))
    tone = draw(st.sampled_from(STOP_TONES if stop else TONES))
    at = _tone_carrier(base)
    word = nfc(base[: at + 1] + tone + base[at + 1 :])
    return word.capitalize() if draw(st.booleans()) else word


texts = st.lists(syllables(), min_size=1, max_size=4).map(" ".join)


@given(texts)
def test_generated_unicode_is_kept(text: str) -> None:
    assert all(is_syllable(word) for word in text.split())
    assert convert(text) == Converted(text, "unicode")
    assert convert(nfd(text)) == Converted(text, "nfd" if nfd(text) != text else "unicode")


@given(texts)
def test_vni_round_trip_property(text: str) -> None:
    cell = encode_vni(text)
    result = convert(cell)
    assert result.text in (text, cell)  # the text, or the cell kept when it reads both ways
    assert convert(cell, hint="vni").text == text


@needs_iconv
@settings(max_examples=200)
@given(texts)
def test_tcvn3_round_trip_property(text: str) -> None:
    expected = vntime_form(text)
    cell = encode_tcvn3(text)
    result = convert(cell)
    assert result.text in (expected, cell)
    assert convert(cell, hint="tcvn3").text == expected


@given(texts, st.sampled_from(["unicode", "nfd", "vni", "tcvn3"]))
def test_convert_is_idempotent(text: str, form: str) -> None:
    if form == "tcvn3" and not iconv_available():
        return
    cell = {"unicode": text, "nfd": nfd(text), "vni": encode_vni(text)}.get(form) or (
        encode_tcvn3(text)
    )
    once = convert(cell).text
    assert convert(once) == Converted(once, "unicode")
