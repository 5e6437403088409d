"""Vietnamese-aware text helpers: cleaning, folding, tones, collation and name order.

Pure standard library. Every function accepts NFC or NFD input and returns NFC text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "NameParts",
    "clean_multiline",
    "clean_text",
    "collation_key",
    "fold",
    "fts_query",
    "has_accents",
    "matches_accented",
    "name_sort_key",
    "sort_key_text",
    "split_name",
    "tone_key",
]

# Invisible format characters that creep in from copy-paste (ZWSP, word joiner, BOM).
_INVISIBLE = frozenset("\u200b\u2060\ufeff")

# Vietnamese tone marks (combining form) and their names.
_TONES = {
    "\u0300": "huyen",
    "\u0309": "hoi",
    "\u0303": "nga",
    "\u0301": "sac",
    "\u0323": "nang",
}
# Secondary rank of each tone: ngang first, then huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {mark: rank for rank, mark in enumerate(_TONES, start=1)}
# Vowel-quality marks that make a separate letter of the Vietnamese alphabet.
_QUALITY = {
    "a\u0306": "ă",
    "a\u0302": "â",
    "e\u0302": "ê",
    "o\u0302": "ô",
    "o\u031b": "ơ",
    "u\u031b": "ư",
}
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# ASCII punctuation and symbols in CLDR root order (all sort before digits).
_PUNCT_ORDER = {ch: rank for rank, ch in enumerate("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$")}

# Primary weight bands: space < punctuation/symbols < digits < Vietnamese letters < other letters.
_W_SPACE = 1
_W_PUNCT = 2
_W_SYMBOL = _W_PUNCT + len(_PUNCT_ORDER)
_W_DIGIT = 0x120000
_W_LETTER = 0x130000
_W_OTHER = 0x140000
_W_OTHER_MARK = len(_TONES) + 1

_TOKEN_RE = re.compile(r"[^\W_]+")


def _is_mark(ch: str) -> bool:
    """True for any combining mark (general category M*)."""
    return unicodedata.category(ch).startswith("M")


def _is_junk(ch: str) -> bool:
    """True for control characters that are not whitespace, and invisible format characters."""
    if ch in _INVISIBLE:
        return True
    return unicodedata.category(ch) == "Cc" and not ch.isspace()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def clean_text(value: str | None) -> str:
    """Clean a single-line input: NFC, no control characters, single spaces, stripped."""
    if value is None:
        return ""
    text = _nfc("".join(ch for ch in value if not _is_junk(ch)))
    return " ".join(text.split())


def _clean_line(line: str) -> str:
    return "".join(" " if ch.isspace() else ch for ch in line).rstrip()


def clean_multiline(value: str | None) -> str:
    """Clean multi-line input: NFC, \\n line breaks, no trailing spaces per line, stripped.

    Spacing inside a line (including indentation) is kept; other whitespace becomes spaces.
    """
    if value is None:
        return ""
    text = _nfc("".join(ch for ch in value if not _is_junk(ch)))
    return "\n".join(_clean_line(line) for line in text.splitlines()).strip()


def fold(value: str) -> str:
    """Accent-, tone- and case-insensitive form for search and duplicate detection."""
    text = _nfd(_nfd(value).casefold())
    # ð: the Icelandic eth (U+00D0/00F0) that legacy font conversions put in place of Đ
    text = "".join(ch for ch in text if not _is_mark(ch)).replace("đ", "d").replace("ð", "d")
    return _nfc(" ".join(text.split()))


@functools.lru_cache(maxsize=65536)  # syllables of names repeat a lot
def tone_key(word: str) -> tuple[str, str]:
    """Split one syllable into (casefolded base without tone, tone name).

    The tone is "" (ngang), "huyen", "hoi", "nga", "sac" or "nang"; its position in the
    syllable does not matter. If several tone marks appear, the first one wins.
    """
    tone = ""
    kept = []
    for ch in _nfd(_nfd(word).casefold()):
        if ch in _TONES:
            tone = tone or _TONES[ch]
        else:
            kept.append(ch)
    return _nfc("".join(kept)), tone


def has_accents(text: str) -> bool:
    """Whether the text carries any Vietnamese mark or đ (a search must then honour them)."""
    return any(_is_mark(ch) or ch in "đĐ" for ch in _nfd(text))


_has_accents = has_accents


@functools.lru_cache(maxsize=65536)  # the same syllable pairs recur across thousands of names
def _token_matches(query: str, name: str) -> bool:
    if not _has_accents(query):
        return fold(name).startswith(fold(query))
    q_base, q_tone = tone_key(query)
    n_base, n_tone = tone_key(name)
    return n_base.startswith(q_base) and q_tone in ("", n_tone)


def _augment(q: int, edges: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting-path step for bipartite matching."""
    for n in edges[q]:
        if n in seen:
            continue
        seen.add(n)
        if n not in owner or _augment(owner[n], edges, owner, seen):
            owner[n] = q
            return True
    return False


def matches_accented(query: str, name: str) -> bool:
    """True if every query token matches a distinct name token, honouring typed diacritics."""
    q_tokens = clean_text(query).split()
    n_tokens = clean_text(name).split()
    if len(q_tokens) > len(n_tokens):
        return False
    edges = [[j for j, n in enumerate(n_tokens) if _token_matches(q, n)] for q in q_tokens]
    owner: dict[int, int] = {}
    return all(_augment(q, edges, owner, set()) for q in range(len(q_tokens)))


@dataclass(frozen=True)
class NameParts:
    """A Vietnamese full name: family name, middle name(s), given name."""

    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Split a full name in Vietnamese order (family, middle..., given)."""
    words = clean_text(full_name).split()
    if not words:
        return NameParts("", "", "")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])


def _clusters(text: str) -> Iterator[tuple[str, str]]:
    """Yield (base character, its combining marks) from the NFD form of text."""
    base, marks = "", ""
    for ch in _nfd(text):
        if _is_mark(ch):
            marks += ch
            continue
        if base or marks:
            yield base, marks
        base, marks = ch, ""
    if base or marks:
        yield base, marks


def _vietnamese_letter(letters: str, marks: str) -> tuple[str, str]:
    """Merge a vowel-quality mark into its letter (a + ˘ -> ă); return (letters, other marks)."""
    for i, mark in enumerate(marks):
        merged = _QUALITY.get(letters + mark)
        if merged:
            return merged, marks[:i] + marks[i + 1 :]
    return letters, marks


def _primary(ch: str) -> int | None:
    """Primary weight of one casefolded character; None if completely ignorable."""
    if ch in _LETTER_RANK:
        return _W_LETTER + _LETTER_RANK[ch]
    if ch.isspace():
        return _W_SPACE
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return None
    digit = unicodedata.digit(ch, None)
    if digit is not None:
        return _W_DIGIT + digit
    if ch.isalnum():
        return _W_OTHER + ord(ch)
    if ch in _PUNCT_ORDER:
        return _W_PUNCT + _PUNCT_ORDER[ch]
    return _W_SYMBOL + ord(ch)


def _mark_rank(mark: str) -> int:
    return _TONE_RANK.get(mark) or _W_OTHER_MARK + ord(mark)


@dataclass
class _KeyBuilder:
    """Accumulates the three ICU-style levels.

    Secondary weights are collected per word; a word's single tone mark is moved to the end
    of the word so that its position inside the syllable does not matter.
    """

    primary: list[int]
    secondary: list[int]
    tertiary: list[int]
    word: list[int]
    tones: list[int]

    def add(self, base: str, marks: str) -> None:
        folded = _nfd(base.casefold())
        marks += "".join(ch for ch in folded if _is_mark(ch))
        letters, marks = _vietnamese_letter("".join(ch for ch in folded if not _is_mark(ch)), marks)
        in_word = all(ch.isalnum() or _primary(ch) is None for ch in letters)
        if not in_word:
            self.end_word()
        upper = int(base != base.lower())
        for ch in letters:
            weight = _primary(ch)
            if weight is not None:
                self.primary.append(weight)
                self.word.append(0)
                self.tertiary.append(upper)
        for mark in marks:
            if mark in _TONE_RANK:
                self.tones.append(len(self.word))
            self.word.append(_mark_rank(mark))
        if not in_word:
            self.end_word()

    def end_word(self) -> None:
        if len(self.tones) == 1:
            self.word.append(self.word.pop(self.tones[0]))
        self.secondary.extend(self.word)
        self.word.clear()
        self.tones.clear()


@functools.lru_cache(maxsize=65536)  # given, middle and family names repeat a lot
def collation_key(value: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Vietnamese collation key: (letters, tones, case), compared level by level like ICU vi.

    Primary follows the Vietnamese alphabet (a ă â b ... d đ ... u ư ... z), case-insensitive;
    space < punctuation < digits < letters. Secondary is the tone (ngang < huyền < hỏi < ngã <
    sắc < nặng) wherever it sits in the syllable. Tertiary is case, lowercase first.
    """
    builder = _KeyBuilder([], [], [], [], [])
    for base, marks in _clusters(value):
        builder.add(base, marks)
    builder.end_word()
    return tuple(builder.primary), tuple(builder.secondary), tuple(builder.tertiary)


def name_sort_key(full_name: str) -> tuple:
    """Party-list order: given name, then middle, then family, then the whole name."""
    full = clean_text(full_name)
    parts = split_name(full)
    return (
        collation_key(parts.given),
        collation_key(parts.middle),
        collation_key(parts.family),
        collation_key(full),
    )


def _encode_weight(weight: int) -> str:
    """Order-preserving, short: 2 hex digits below 0xE0, then "e" + 4, then "f" + 6."""
    if weight < 0xE0:
        return f"{weight:02x}"
    if weight < 0x10000:
        return f"e{weight:04x}"
    return f"f{weight:06x}"


def _encode_levels(key: tuple[tuple[int, ...], ...]) -> str:
    # "!" ends each level and sorts before every hex digit, so a prefix sorts first.
    return "".join("".join(map(_encode_weight, level)) + "!" for level in key)


def sort_key_text(full_name: str) -> str:
    """name_sort_key as ASCII text whose plain (bytewise) order is the same, so the database
    can sort a list by it: ``sort_key_text(a) < sort_key_text(b)`` iff the keys compare so."""
    return "".join(_encode_levels(part) for part in name_sort_key(full_name))


def fts_query(text: str) -> str | None:
    """FTS5 MATCH expression (AND of quoted prefix tokens) over a folded column, or None."""
    tokens = _TOKEN_RE.findall(fold(text))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)
