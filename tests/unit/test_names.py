"""Tests for desktop_app.domain.names: cleaning, folding, tones, matching and collation."""

from __future__ import annotations

import functools
import itertools
import re
import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.names import (
    NameParts,
    clean_multiline,
    clean_text,
    collation_key,
    fold,
    fts_query,
    matches_accented,
    name_sort_key,
    split_name,
    tone_key,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def has_mark(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("M") for ch in text)


# Tone placement variants: old style (on the last vowel) vs new style (on the main vowel).
PLACEMENT_PAIRS = [
    ("Thuỷ", "Thủy"),
    ("Hoà", "Hòa"),
    ("Khoẻ", "Khỏe"),
    ("Quý", "Qúy"),
    ("Thuỵ", "Thụy"),
    ("Hoá", "Hóa"),
    ("Loã", "Lõa"),
]


# --------------------------------------------------------------------------- clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("  Nguyễn   Văn  A  ", "Nguyễn Văn A"),
        ("Nguyễn\tVăn\nA", "Nguyễn Văn A"),
        ("Lê\r\nThị\rHoa", "Lê Thị Hoa"),
        (nfd("Nguyễn Thị Thuỷ"), "Nguyễn Thị Thuỷ"),
        ("A\x00B\x07C\x1bD", "ABCD"),
        ("A\x7fB", "AB"),
        ("A\x9bB", "AB"),
        ("A\x85B", "A B"),
        ("A\u00a0\u00a0B", "A B"),
        ("A\u2028B", "A B"),
        ("\ufeffNguyễn\u200b Văn", "Nguyễn Văn"),
        ("a\x00\u0301", "á"),
        ("ĐẶNG ĐỨC", "ĐẶNG ĐỨC"),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    result = clean_text(raw)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


@given(st.text())
def test_clean_text_is_idempotent_nfc_and_single_spaced(value: str) -> None:
    result = clean_text(value)
    assert clean_text(result) == result
    assert unicodedata.is_normalized("NFC", result)
    assert result == result.strip()
    assert "  " not in result
    assert not any(unicodedata.category(ch) == "Cc" for ch in result)


@given(st.text())
def test_clean_text_ignores_normal_form(value: str) -> None:
    assert clean_text(nfd(value)) == clean_text(nfc(value))


# ----------------------------------------------------------------------- clean_multiline


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("  dòng 1   \n  dòng 2\t \n\n", "dòng 1\n  dòng 2"),
        ("\n\n  x  \n\n", "x"),
        ("a\n\n\nb", "a\n\n\nb"),
        ("a\x00b\n c", "ab\n c"),
        ("a\tb", "a b"),
        ("a\u00a0b", "a b"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("\ufeffa\u200bb", "ab"),
        (nfd("Nghị quyết\r\nChi bộ"), "Nghị quyết\nChi bộ"),
    ],
)
def test_clean_multiline(raw: str | None, expected: str) -> None:
    result = clean_multiline(raw)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


@given(st.text())
def test_clean_multiline_is_idempotent(value: str) -> None:
    result = clean_multiline(value)
    assert clean_multiline(result) == result
    assert unicodedata.is_normalized("NFC", result)
    assert "\r" not in result
    assert all(line == line.rstrip() for line in result.split("\n"))


# ---------------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Thị Thuỷ", "nguyen thi thuy"),
        ("NGUYEN thi THỦY", "nguyen thi thuy"),
        ("Đặng Đức", "dang duc"),
        ("đ Đ", "d d"),
        ("  Hoà   Bình ", "hoa binh"),
        ("Ư Ơ Ă Â Ê Ô ư ơ ă â ê ô", "u o a a e o u o a a e o"),
        (nfd("Nguyễn Văn Ấn"), "nguyen van an"),
        ("Trịnh\tCông\nSơn", "trinh cong son"),
        ("Straße", "strasse"),
        ("Zoé Müller", "zoe muller"),
        ("Tổ 10", "to 10"),
        ("", ""),
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


@pytest.mark.parametrize(("old", "new"), PLACEMENT_PAIRS)
def test_fold_ignores_tone_placement(old: str, new: str) -> None:
    assert fold(old) == fold(new) == fold(old.upper()) == fold(nfd(new))


@given(st.text())
def test_fold_is_idempotent(value: str) -> None:
    assert fold(fold(value)) == fold(value)


@given(st.text())
def test_fold_has_no_marks_and_no_d_stroke(value: str) -> None:
    folded = fold(value)
    assert not has_mark(folded)
    assert not has_mark(nfd(folded))
    assert "đ" not in folded
    assert "Đ" not in folded


@given(st.text())
def test_fold_ignores_normal_form(value: str) -> None:
    assert fold(nfd(value)) == fold(nfc(value))


# ------------------------------------------------------------------------------ tone_key


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Thuỷ", ("thuy", "hoi")),
        ("thủy", ("thuy", "hoi")),
        ("THỦY", ("thuy", "hoi")),
        ("Nguyễn", ("nguyên", "nga")),
        (nfd("Nguyễn"), ("nguyên", "nga")),
        ("ma", ("ma", "")),
        ("mà", ("ma", "huyen")),
        ("mả", ("ma", "hoi")),
        ("mã", ("ma", "nga")),
        ("má", ("ma", "sac")),
        ("mạ", ("ma", "nang")),
        ("Đức", ("đưc", "sac")),
        ("Hoà", ("hoa", "huyen")),
        ("Hòa", ("hoa", "huyen")),
        ("Khoẻ", ("khoe", "hoi")),
        ("Khỏe", ("khoe", "hoi")),
        ("Quý", ("quy", "sac")),
        ("Qúy", ("quy", "sac")),
        ("Ặ", ("ă", "nang")),
        ("Ệ", ("ê", "nang")),
        ("Ượ", ("ươ", "nang")),
        ("Văn", ("văn", "")),
        ("", ("", "")),
    ],
)
def test_tone_key(word: str, expected: tuple[str, str]) -> None:
    assert tone_key(word) == expected
    assert unicodedata.is_normalized("NFC", tone_key(word)[0])


@pytest.mark.parametrize(("old", "new"), PLACEMENT_PAIRS)
def test_tone_key_ignores_tone_placement(old: str, new: str) -> None:
    assert tone_key(old) == tone_key(new) == tone_key(nfd(old).upper())


# ---------------------------------------------------------------------- matches_accented


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("Thủy", "Lê Thị Thuỷ", True),
        ("Thúy", "Lê Thị Thuỷ", False),
        ("nguyễ", "Nguyễn Văn A", True),
        ("Đức", "Trần Đức Anh", True),
        ("Đức", "Trần Dục Anh", False),
        ("", "Lê Văn A", True),
        ("   ", "Lê Văn A", True),
        ("", "", True),
        ("thuy", "Lê Thị Thuỷ", True),
        ("Thuỷ", "Lê Thị Thủy", True),
        ("THỦY", "lê thị thuỷ", True),
        (nfd("Thủy"), "Lê Thị Thuỷ", True),
        ("Hòa", "Nguyễn Thị Hoà", True),
        ("Khoẻ", "Vũ Văn Khỏe", True),
        ("Qúy", "Phạm Quý", True),
        ("Thu", "Lê Thị Thuỷ", True),
        ("Thư", "Lê Thị Thuỷ", False),
        ("Văn", "Nguyễn Vân", False),
        ("Vân", "Nguyễn Vân", True),
        ("Dục", "Trần Đức Anh", False),
        ("duc", "Trần Đức Anh", True),
        ("Đ", "Đỗ Anh", True),
        ("Đ", "Dương Anh", False),
        ("d", "Đỗ Anh", True),
        ("Á", "Lê Ánh", True),
        ("Ạ", "Lê Ánh", False),
        ("â", "Lê Ân", True),
        ("â", "Lê An", False),
        ("ng thi", "Nguyễn Thị A", True),
        ("A Lê", "Lê Văn A", True),
        ("Lê Lê", "Lê Văn A", False),
        ("Lê Lê", "Lê Thị Lê", True),
        ("Th Thủy", "Thủy Thanh", True),
        ("Thủy Th", "Thủy Thanh", True),
        ("Thủy Thủy", "Thủy Thanh", False),
        ("Tran Van A B", "Tran Van A", False),
        ("an", "Lan", False),
    ],
)
def test_matches_accented(query: str, name: str, expected: bool) -> None:
    assert matches_accented(query, name) is expected


# ---------------------------------------------------------------------------- split_name


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("", NameParts("", "", "")),
        ("   ", NameParts("", "", "")),
        ("Anh", NameParts("", "", "Anh")),
        ("Đỗ Anh", NameParts("Đỗ", "", "Anh")),
        ("Nguyễn Văn An", NameParts("Nguyễn", "Văn", "An")),
        ("Tôn Nữ Thị Ngọc Bích", NameParts("Tôn", "Nữ Thị Ngọc", "Bích")),
        ("  Lê   Văn\tAn ", NameParts("Lê", "Văn", "An")),
        (nfd("Đặng Thị Thuỷ"), NameParts("Đặng", "Thị", "Thuỷ")),
    ],
)
def test_split_name(full: str, expected: NameParts) -> None:
    assert split_name(full) == expected


def test_name_parts_is_frozen() -> None:
    parts = split_name("Lê Văn An")
    with pytest.raises(AttributeError):
        parts.given = "Bình"  # type: ignore[misc]


# ------------------------------------------------------------------------- collation_key


def test_collation_key_spec_example() -> None:
    words = ["Ông", "Ăn", "Anh", "Đào", "Dũng", "Zô", "Ân", "Bình"]
    assert sorted(words) != ["Anh", "Ăn", "Ân", "Bình", "Dũng", "Đào", "Ông", "Zô"]
    assert sorted(words, key=collation_key) == [
        "Anh",
        "Ăn",
        "Ân",
        "Bình",
        "Dũng",
        "Đào",
        "Ông",
        "Zô",
    ]


def test_collation_key_alphabet() -> None:
    alphabet = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    assert sorted(reversed(alphabet), key=collation_key) == alphabet
    upper = [letter.upper() for letter in alphabet]
    assert sorted(reversed(upper), key=collation_key) == upper


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        # Alphabet (primary).
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("ê", "f"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("ơ", "p"),
        ("u", "ư"),
        ("ư", "v"),
        ("Dương", "Đàm"),
        ("Fowler", "Giang"),
        ("Jean", "Khanh"),
        ("Walter", "Xuân"),
        ("Zoé", "Zô"),
        # Tones (secondary): ngang < huyền < hỏi < ngã < sắc < nặng.
        ("ma", "mà"),
        ("mà", "mả"),
        ("mả", "mã"),
        ("mã", "má"),
        ("má", "mạ"),
        ("Thùy", "Thủy"),
        ("Thùy", "Thuỷ"),
        ("Thuỷ", "Thúy"),
        ("Lê Thị", "Lễ Thì"),
        # Case (tertiary): lowercase first.
        ("an", "An"),
        ("An", "AN"),
        ("ăn", "Ăn"),
        ("đ", "Đ"),
        # Levels: primary over the whole string beats tones, tones beat case.
        ("Ánh", "Ăn"),
        ("mạ", "mai"),
        ("Ma", "mà"),
        ("An", "àn"),
        # Space < punctuation < digits < letters.
        ("An Bình", "Anh"),
        ("Lê", "Lê Văn"),
        ("a b", "a-b"),
        ("a-b", "ab"),
        ("9", "a"),
        ("Tổ 1", "Tổ A"),
        ("Tổ 10", "Tổ 2"),
    ],
)
def test_collation_key_order(smaller: str, larger: str) -> None:
    assert collation_key(smaller) < collation_key(larger)
    assert collation_key(nfd(smaller)) < collation_key(nfd(larger))


@pytest.mark.parametrize(("old", "new"), PLACEMENT_PAIRS)
def test_collation_key_ignores_tone_placement(old: str, new: str) -> None:
    assert collation_key(old) == collation_key(new) == collation_key(nfd(new))
    assert collation_key(f"Lê Thị {old}") == collation_key(f"Lê Thị {new}")


def test_collation_key_shape() -> None:
    primary, secondary, tertiary = collation_key("Thuỷ")
    assert len(primary) == len(tertiary) == 4
    assert all(isinstance(weight, int) for weight in (*primary, *secondary, *tertiary))
    assert collation_key("") == ((), (), ())


# ------------------------------------------------------------------------- name_sort_key


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Anh"],
            ["Nguyễn Thị An", "Lê Văn An", "Đỗ Anh", "Trần Văn Bình"],
        ),
        (["Trần Văn An", "Lê Văn An"], ["Lê Văn An", "Trần Văn An"]),
        (["Lê Văn Anh", "Đỗ Anh"], ["Đỗ Anh", "Lê Văn Anh"]),
        (["Anh Văn Bình", "Bình Văn Anh"], ["Bình Văn Anh", "Anh Văn Bình"]),
        (["Ông Văn Ân", "An", "Trần Ăn"], ["An", "Trần Ăn", "Ông Văn Ân"]),
        (
            ["Lê Thị Thúy", "Lê Thị Thủy", "Lê Thị Thùy"],
            ["Lê Thị Thùy", "Lê Thị Thủy", "Lê Thị Thúy"],
        ),
        (["Đào Văn Đức", "Dương Văn Đức"], ["Dương Văn Đức", "Đào Văn Đức"]),
    ],
)
def test_name_sort_key(names: list[str], expected: list[str]) -> None:
    assert sorted(names, key=name_sort_key) == expected
    assert sorted(reversed(names), key=name_sort_key) == expected


def test_name_sort_key_cleans_input() -> None:
    assert name_sort_key("  Lê\tVăn  An ") == name_sort_key("Lê Văn An")
    assert name_sort_key(nfd("Lê Văn Ân")) == name_sort_key("Lê Văn Ân")


# ------------------------------------------------------------------------------ fts_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn  v", '"nguyen"* "v"*'),
        ('"; DROP', '"drop"*'),
        ("  ", None),
        ("", None),
        ("***", None),
        ('""', None),
        ("Đỗ-Anh", '"do"* "anh"*'),
        ("a_b", '"a"* "b"*'),
        ("NEAR(x y)", '"near"* "x"* "y"*'),
        ("AND OR NOT", '"and"* "or"* "not"*'),
        ("tổ 10", '"to"* "10"*'),
        (nfd("THỦY"), '"thuy"*'),
        ("col:thuy^", '"col"* "thuy"*'),
    ],
)
def test_fts_query(text: str, expected: str | None) -> None:
    assert fts_query(text) == expected


FTS_SAFE = re.compile(r'"[^\W_]+"\*( "[^\W_]+"\*)*')


@given(st.text())
def test_fts_query_is_always_safe(text: str) -> None:
    query = fts_query(text)
    assert query is None or FTS_SAFE.fullmatch(query)


def test_fts_query_runs_in_sqlite_fts5() -> None:
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE people USING fts5(name_folded)")
    except sqlite3.OperationalError:
        pytest.skip("SQLite built without FTS5")
    names = ["Nguyễn Văn An", "Nguyễn Thị Thuỷ", "Trần Đức Anh", "Lê Văn Bình"]
    db.executemany("INSERT INTO people(name_folded) VALUES (?)", [(fold(n),) for n in names])

    def search(text: str) -> list[str]:
        query = fts_query(text)
        assert query is not None
        sql = "SELECT name_folded FROM people WHERE people MATCH ? ORDER BY rowid"
        return [row[0] for row in db.execute(sql, (query,))]

    assert search("nguyễn v") == ["nguyen van an"]
    assert search("THỦY") == ["nguyen thi thuy"]
    assert search("đức") == ["tran duc anh"]
    assert search('"an*') == ["nguyen van an", "tran duc anh"]
    assert search('an" OR "binh') == []  # OR is just another (absent) word, not an operator
    assert search("NOT") == []
    db.close()


# --------------------------------------------------------------- generated Vietnamese names

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph"]
ONSETS += ["qu", "r", "s", "t", "th", "tr", "v", "x"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "ay", "âu"]
NUCLEI += ["oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uô", "uy", "ươ", "ưa", "iê", "yê"]
CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
CASES = [str.lower, str.title, str.upper]


def render(onset: str, nucleus: str, coda: str, tone: str, at: int, case: int) -> str:
    """Build one NFC syllable with the tone mark on nucleus[at]."""
    vowels = nucleus[:at] + nfd(nucleus[at]) + tone + nucleus[at + 1 :]
    return nfc(CASES[case](nfc(onset + vowels + coda)))


@st.composite
def syllables(draw: st.DrawFn, placement: str = "any") -> str:
    nucleus = draw(st.sampled_from(NUCLEI))
    coda = draw(st.sampled_from(CODAS))
    if placement == "any":
        at = draw(st.integers(0, len(nucleus) - 1))
    else:  # deterministic: the same letters always carry the tone on the same vowel
        at = len(nucleus) - 1 if coda else 0
    return render(
        draw(st.sampled_from(ONSETS)),
        nucleus,
        coda,
        draw(st.sampled_from(TONE_MARKS)),
        at,
        draw(st.integers(0, len(CASES) - 1)),
    )


def full_names(placement: str = "any") -> st.SearchStrategy[str]:
    return st.lists(syllables(placement), min_size=1, max_size=4).map(" ".join)


def meaning(name: str) -> tuple:
    """What collation must distinguish: letters with quality marks, tones, and case."""
    case = tuple(ch.isupper() for ch in nfd(name) if not has_mark(ch))
    return tuple(tone_key(word) for word in name.split()), case


@given(full_names(), full_names())
def test_collation_key_equal_iff_same_letters_tones_and_case(a: str, b: str) -> None:
    assert (collation_key(a) == collation_key(b)) == (meaning(a) == meaning(b))


@given(st.data())
def test_collation_key_equal_for_placement_variants(data: st.DataObject) -> None:
    nucleus = data.draw(st.sampled_from([n for n in NUCLEI if len(n) > 1]))
    parts = ("th", nucleus, data.draw(st.sampled_from(CODAS)))
    tone = data.draw(st.sampled_from(TONE_MARKS))
    first = render(parts[0], nucleus, parts[2], tone, 0, 1)
    second = render(parts[0], nucleus, parts[2], tone, len(nucleus) - 1, 1)
    assert collation_key(first) == collation_key(second)
    assert matches_accented(first, f"Lê {second}")


@given(st.lists(full_names(), max_size=8), st.randoms())
def test_collation_key_is_a_consistent_total_order(names: list[str], rnd) -> None:
    ordered = sorted(names, key=collation_key)
    shuffled = list(names)
    rnd.shuffle(shuffled)
    reordered = sorted(shuffled, key=collation_key)
    assert [collation_key(n) for n in ordered] == [collation_key(n) for n in reordered]
    for a, b in itertools.pairwise(ordered):
        assert collation_key(a) <= collation_key(b)
        assert (collation_key(a) == collation_key(b)) == (meaning(a) == meaning(b))


@given(st.lists(full_names(), max_size=8))
def test_name_sort_is_stable_under_normal_form(names: list[str]) -> None:
    decomposed = [nfd(n) for n in names]
    assert [nfc(n) for n in sorted(decomposed, key=name_sort_key)] == sorted(
        names, key=name_sort_key
    )
    assert all(name_sort_key(nfd(n)) == name_sort_key(n) for n in names)


@given(full_names())
def test_a_name_matches_itself_and_its_folded_form(name: str) -> None:
    assert matches_accented(name, name)
    assert matches_accented(nfd(name).upper(), name)
    assert matches_accented(fold(name), name)
    assert fold(nfd(name)) == fold(name)


# -------------------------------------------------------------------- agreement with ICU

ICU_WORDS = [
    # Single syllables with every tone, both letter cases, and the Vietnamese-only letters.
    *["ma", "mà", "mả", "mã", "má", "mạ", "Ma", "MA", "Mà"],
    *["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ"],
    *["e", "ê", "ế", "ệ", "o", "ô", "ơ", "ớ", "ợ", "u", "ư", "ừ", "ữ", "d", "đ", "D", "Đ"],
    *["thu", "thư", "thù", "thừ", "Ăn", "Anh", "Ân", "Ông", "Zô", "Đào", "Dũng", "Bình"],
    # Full names; one tone placement per spelling (see test_icu_tone_placement_deviation).
    "Nguyễn Văn An",
    "Nguyễn Văn Ân",
    "Nguyễn Văn Ấn",
    "Nguyễn Văn Anh",
    "Nguyễn Văn",
    "Nguyễn",
    "Nguyên",
    "Nguyện",
    "nguyễn văn an",
    "NGUYỄN VĂN AN",
    "Nguyễn Thị Ánh",
    "Nguyễn Thị Thủy",
    "Nguyễn Thị Thùy",
    "Nguyễn Thị Thúy",
    "Nguyễn Thị Thụy",
    "Lê Thị Hòa",
    "Lê Thị Hoa",
    "Lê Thị",
    "Lễ Thì",
    "Trần Đức Anh",
    "Trần Dục Anh",
    "Trần Dũng",
    "Đặng Đức",
    "Đỗ Anh",
    "Phạm Quý",
    "Phạm Quỳnh",
    "Hoàng Ngọc Ánh",
    "Huỳnh Thị Ngọc Bích",
    "Võ Văn Kiệt",
    "Vũ Thị Khỏe",
    "Bùi Xuân Phái",
    "Dương Thu Hương",
    "Đinh Ê",
    "Ông Ích Khiêm",
    "Ưng Hoàng Phúc",
    "Âu Cơ",
    "Lý Thường Kiệt",
    "Lí Thường Kiệt",
    "Giáp Văn Cương",
    "Kha Vạn Cân",
    "Tạ Quang Bửu",
    "Trịnh Công Sơn",
    "Hồ Chí Minh",
    "Hồ Xuân Hương",
    "Phan Bội Châu",
    "Phan Châu Trinh",
    "Ngô Bảo Châu",
    "Lương Thế Vinh",
    "Mạc Đĩnh Chi",
    "Chu Văn An",
    "Tô Hoài",
    "Tô Hoàng",
    "Đoàn Thị Điểm",
    "Tôn Nữ Thị Ngọc Bích",
    "Jean Fowler",
    "Walter Zwingli",
    "Tổ 1",
    "Tổ 2",
    "Tổ 10",
    "An-Bình",
    "An Bình",
]


def sign(value: int) -> int:
    return (value > 0) - (value < 0)


@pytest.fixture(scope="module")
def icu_key():
    qtcore = pytest.importorskip("PySide6.QtCore")
    collator = qtcore.QCollator(qtcore.QLocale("vi_VN"))
    if collator.compare("ă", "b") > 0:  # Qt built without ICU: no Vietnamese tailoring
        pytest.skip("QCollator has no Vietnamese tailoring on this platform")
    return collator.sortKey


def icu_compare(icu_key, a: str, b: str) -> int:
    return sign(icu_key(a).compare(icu_key(b)))


def key_compare(a: str, b: str) -> int:
    ka, kb = collation_key(a), collation_key(b)
    return (ka > kb) - (ka < kb)


def test_icu_word_list_is_realistic() -> None:
    assert len(ICU_WORDS) >= 60
    assert len(set(ICU_WORDS)) == len(ICU_WORDS)


def test_collation_key_agrees_with_icu_on_every_pair(icu_key) -> None:
    disagreements = [
        (a, b)
        for i, a in enumerate(ICU_WORDS)
        for b in ICU_WORDS[i + 1 :]
        if key_compare(a, b) != icu_compare(icu_key, a, b)
    ]
    assert disagreements == []


def test_collation_key_sorts_like_icu(icu_key) -> None:
    by_icu = sorted(ICU_WORDS, key=functools.cmp_to_key(lambda a, b: icu_compare(icu_key, a, b)))
    assert sorted(ICU_WORDS, key=collation_key) == by_icu


@settings(max_examples=300)
@given(full_names(placement="fixed"), full_names(placement="fixed"))
def test_collation_key_agrees_with_icu_on_generated_names(icu_key, a: str, b: str) -> None:
    assert key_compare(a, b) == icu_compare(icu_key, a, b)
    assert key_compare(nfd(a), b) == icu_compare(icu_key, nfd(a), b)


def test_icu_tone_placement_deviation(icu_key) -> None:
    """Deliberate deviation from ICU: tone position inside a syllable is ignored.

    ICU weighs a tone mark where it sits, so it separates the two spellings of one name
    (Thuỷ vs Thủy) and even puts Thuỷ (hỏi) before Thùy (huyền), against dictionary order.
    Both spellings are in current use, so the key treats them as the same syllable.
    """
    assert icu_compare(icu_key, "Thuỷ", "Thủy") != 0
    assert icu_compare(icu_key, "Thuỷ", "Thùy") < 0
    assert key_compare("Thuỷ", "Thủy") == 0
    assert key_compare("Thùy", "Thuỷ") < 0


ICU_ALPHABET = "aAăâbdDđĐeêoôơuưƯyY01 -.'_,àáạảãằắẳẵặÀÁẠẢÃẦẤÉéüñç\u0301\u0309"


@settings(max_examples=300)
@given(st.text(ICU_ALPHABET, max_size=6), st.text(ICU_ALPHABET, max_size=6))
def test_collation_key_agrees_with_icu_on_arbitrary_strings(icu_key, a: str, b: str) -> None:
    """Punctuation, digits, foreign marks and malformed tone runs still follow ICU, once a
    word's single tone mark is placed at the end of the word for ICU too (the one deliberate
    difference, above: "ÀA" and "AÀ" are the same syllable spelt two ways)."""
    assert key_compare(a, b) == icu_compare(icu_key, tone_last(a), tone_last(b))


def tone_last(text: str) -> str:
    """Move the tone mark of each word that has exactly one to the end of that word."""

    def move(word: re.Match[str]) -> str:
        tones = [ch for ch in word.group() if ch in TONE_MARKS[1:]]
        if len(tones) != 1:
            return word.group()
        return word.group().replace(tones[0], "") + tones[0]

    return re.sub(r"(?:[^\W_]|[\u0300-\u036f])+", move, unicodedata.normalize("NFD", text))


def test_foreign_letters_without_decomposition_sort_after_z(icu_key) -> None:
    """Known, accepted deviation: ICU files ø, ł, æ... next to o, l, a; the key puts
    letters outside the Vietnamese alphabet that have no canonical decomposition after z.
    """
    assert icu_compare(icu_key, "Søren", "Sz") < 0
    assert key_compare("Søren", "Sz") > 0


def test_fold_maps_the_eth_of_legacy_conversions_to_d():
    assert fold("\u00d0ặng \u00f0ức") == fold("Đặng Đức") == "dang duc"


_ORDER_NAMES = st.text(
    alphabet=st.sampled_from(
        [
            *"aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ZQ-'0123456789",
            "\u0300",
            "\u0301",
            "\u0303",
            "\u0309",
            "\u0323",
            "ø",
            "ß",
        ]
    ),
    max_size=24,
)


@settings(max_examples=400)
@given(_ORDER_NAMES, _ORDER_NAMES)
def test_sort_key_text_orders_like_name_sort_key(a, b):
    from desktop_app.domain.names import sort_key_text

    key_a, key_b = name_sort_key(a), name_sort_key(b)
    text_a, text_b = sort_key_text(a), sort_key_text(b)
    assert (key_a < key_b) == (text_a < text_b)
    assert (key_a == key_b) == (text_a == text_b)
    assert text_a.isascii()


def test_sort_key_text_on_real_names():
    from desktop_app.domain.names import sort_key_text

    names = [
        "Trần Văn Bình",
        "Nguyễn Thị An",
        "Lê Văn An",
        "Đỗ Anh",
        "Phạm Văn Ánh",
        "Hồ Thị Ân",
        "Y Kha Niê",
        "H'Nhi Mlô",
        "Lê Thị Thuỷ",
        "Lê Thị Thủy",
        "Ông Văn Ẩn",
    ]
    assert sorted(names, key=sort_key_text) == sorted(names, key=name_sort_key)
