"""How easy a passphrase is to guess, and what to do about it, in plain Vietnamese.

A small estimate in the spirit of zxcvbn: the parts that someone who knows the cell or the
secretary would try first (dates and years, keyboard runs such as 123456 or qwerty, repeats,
the cell's name and code, "chi bộ", "đảng", the commonest passwords) are found and count for a
few bits each; what is left counts by its words and characters. The estimate errs low on
purpose: it only decides between refusing a passphrase and accepting it with advice.

Names and words are compared without accents or case (the passphrase is NFC-normalised before
it is used, so "Nguyễn" typed with any input method is the same word).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 8
RATINGS = ("weak", "fair", "good", "strong")
LABELS = {"weak": "Yếu", "fair": "Tạm được", "good": "Tốt", "strong": "Mạnh"}
FAIR_BITS, GOOD_BITS, STRONG_BITS = 28.0, 45.0, 60.0
WORD_BITS = 12.0  # one everyday word of a sentence (a few thousand common syllables)
LETTER_BITS = 3.0  # per letter of a run of letters (words joined without spaces)
SEPARATORS = frozenset(" \t-_.,/\\:;'\"")  # ignored when looking for dates, runs and names
SEQUENCES = (
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
)
COMMON = (  # the commonest choices, written without accents or spaces
    "password", "passwd", "matkhau", "admin", "iloveyou", "anhyeuem", "emyeuanh", "yeuem",
    "vietnam", "dangvien", "dangcongsan", "congsan", "hochiminh", "bacho", "letmein",
    "welcome", "secret", "bimat", "hello", "xinchao",
)  # fmt: skip
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s", "5": "s"})

# The problems, in the order they are told.
TOO_SHORT = "too_short"
DIGITS_ONLY = "digits_only"
COMMON_WORD = "common"
CELL = "cell"
PARTY_WORD = "party_word"
DATE = "date"
KEYBOARD = "keyboard"
REPEAT = "repeat"
SIMPLE = "simple"
MESSAGES = {
    TOO_SHORT: "quá ngắn: cần ít nhất {min} ký tự (mới có {length})",
    DIGITS_ONLY: "chỉ có chữ số, dễ đoán như số điện thoại hay ngày sinh",
    COMMON_WORD: "có từ mà ai cũng hay dùng làm mật khẩu (như «matkhau», «password»)",
    CELL: "có tên hoặc mã của chi bộ: ai biết chi bộ cũng đoán ra",
    PARTY_WORD: "có chữ «chi bộ» hoặc «đảng»: đó là những chữ người ta thử trước tiên",
    DATE: "có ngày tháng hoặc năm (năm sinh, năm nay): người quen dễ đoán ra",
    KEYBOARD: "có dãy phím liền nhau như 123456, abcd hay qwerty",
    REPEAT: "có ký tự hoặc cụm ký tự lặp lại (như aaa, 1111, hahaha)",
    SIMPLE: "còn ít chữ quá: máy tính thử lần lượt là ra",
}
SUGGESTION = (
    "Nên dùng một câu từ 4 chữ trở lên mà mình dễ nhớ nhưng người khác khó đoán, "
    "gõ tiếng Việt có dấu cũng được."
)
_SPAN_BITS = {COMMON_WORD: 4.0, CELL: 4.0, PARTY_WORD: 4.0}


@dataclass(frozen=True)
class Advice:
    """A rating, the problems found (Vietnamese, one clause each) and a suggestion."""

    rating: str
    problems: tuple[str, ...]
    suggestion: str
    bits: float

    @property
    def label(self) -> str:
        return LABELS[self.rating]

    @property
    def acceptable(self) -> bool:
        """Weak passphrases are refused; the others are accepted, with the advice shown."""
        return self.rating != "weak"

    @property
    def refusal(self) -> str:
        """Why a weak passphrase is refused, and what to choose instead."""
        return f"còn yếu ({'; '.join(self.problems)}). {self.suggestion}"

    @property
    def explanation(self) -> str:
        """What is guessable and what to do ("" for a strong passphrase with nothing found)."""
        parts = ["Mật khẩu " + "; ".join(self.problems) + "."] if self.problems else []
        return " ".join([*parts, self.suggestion] if self.suggestion else parts)

    @property
    def message(self) -> str:
        """One paragraph: the rating, what is wrong and what to do."""
        return " ".join(filter(None, [f"Độ mạnh: {self.label}.", self.explanation]))


@dataclass(frozen=True)
class _Span:
    start: int  # positions in the compact text
    end: int
    kind: str
    bits: float


def _fold_char(ch: str) -> str:
    """One character without its marks, lower case; always one character out."""
    base = unicodedata.normalize("NFD", ch)[0].lower()
    base = "d" if base in "đð" else base
    return base if len(base) == 1 else ch


class _Text:
    """The passphrase, and the same text without separators, folded, for matching."""

    def __init__(self, passphrase: str):
        self.original = unicodedata.normalize("NFC", passphrase)
        kept = [i for i, ch in enumerate(self.original) if ch not in SEPARATORS]
        self.where = kept  # compact position → original position
        self.compact = "".join(_fold_char(self.original[i]) for i in kept)
        self.claimed = [False] * len(self.compact)
        self.spans: list[_Span] = []

    def claim(self, start: int, end: int, kind: str, bits: float) -> bool:
        if end - start < 1 or any(self.claimed[start:end]):
            return False
        self.claimed[start:end] = [True] * (end - start)
        self.spans.append(_Span(start, end, kind, bits))
        return True

    def claim_all(self, needle: str, kind: str, text: str | None = None) -> None:
        haystack = self.compact if text is None else text
        if not needle:
            return
        for found in re.finditer(re.escape(needle), haystack):
            self.claim(found.start(), found.end(), kind, _SPAN_BITS[kind])

    def remainder(self) -> list[str]:
        """The original words with every claimed character taken out (a gap splits a word)."""
        hidden = {self.where[i] for i, c in enumerate(self.claimed) if c}
        chars = [" " if i in hidden else ch for i, ch in enumerate(self.original)]
        return "".join(chars).split()


# -- what is found -----------------------------------------------------------------------------


def _name_needles(cell_name: str, cell_code: str) -> list[str]:
    """The cell's whole name, the name without "chi bộ", pairs of its words, and its code."""
    words = [w for w in re.split(r"[\W_]+", "".join(_fold_char(c) for c in cell_name)) if w]
    rest = words[2:] if words[:2] == ["chi", "bo"] else words
    needles = ["".join(words), "".join(rest)]
    needles += ["".join(rest[i : i + 2]) for i in range(len(rest) - 1)]
    code = "".join(ch for ch in (_fold_char(c) for c in cell_code) if ch.isalnum())
    needles.append(code)
    unique = {n for n in needles if len(n) >= 5 or (n == code and len(n) >= 3)}
    return sorted(unique, key=len, reverse=True)  # the longest claims first


def _accented(text: str) -> bool:
    return any(unicodedata.combining(c) or c in "đĐ" for c in unicodedata.normalize("NFD", text))


def _find_words(text: _Text, cell_name: str, cell_code: str) -> None:
    for needle in _name_needles(cell_name, cell_code):
        text.claim_all(needle, CELL)
    leet = text.compact.translate(LEET)
    for word in sorted(COMMON, key=len, reverse=True):
        text.claim_all(word, COMMON_WORD, leet)
    text.claim_all("chibo", PARTY_WORD)
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text.original)
    for found in re.finditer("đảng", lowered):  # "đảng" only: "đang", "Đặng" are everyday words
        start = text.where.index(found.start())
        text.claim(start, start + 4, PARTY_WORD, _SPAN_BITS[PARTY_WORD])
    if not any(
        unicodedata.combining(c) or c in "đĐ" for c in unicodedata.normalize("NFD", lowered)
    ):
        text.claim_all("dang", PARTY_WORD)  # without accents it may well be "đảng"


def _valid_day(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _find_dates(text: _Text) -> None:
    s = text.compact
    for m in re.finditer(r"(?<!\d)(\d{2})(\d{2})((?:19|20)\d\d)(?!\d)", s):
        if _valid_day(int(m[1]), int(m[2])):
            text.claim(m.start(), m.end(), DATE, 12.0)
    for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)(\d{2})(\d{2})(?!\d)", s):
        if _valid_day(int(m[3]), int(m[2])):
            text.claim(m.start(), m.end(), DATE, 12.0)
    for m in re.finditer(r"(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)", s):
        if _valid_day(int(m[1]), int(m[2])):
            text.claim(m.start(), m.end(), DATE, 10.0)
    for m in re.finditer(r"(?:19|20)\d\d", s):
        text.claim(m.start(), m.end(), DATE, 6.0)


def _in_sequence(chunk: str) -> bool:
    return any(chunk in seq or chunk in seq[::-1] for seq in SEQUENCES)


def _find_keyboard_runs(text: _Text) -> None:
    s, i = text.compact, 0
    while i < len(s):
        end = i + 1
        while end < len(s) and _in_sequence(s[i : end + 1]):
            end += 1
        if end - i >= 4 and text.claim(i, end, KEYBOARD, 4.0 + math.log2(end - i)):
            i = end
        else:
            i += 1


def _find_repeats(text: _Text) -> None:
    for m in re.finditer(r"(.+?)\1+", text.compact):
        unit, times = m[1], len(m[0]) // len(m[1])
        if len(m[0]) >= (3 if len(unit) == 1 else 4):
            bits = max(LETTER_BITS, LETTER_BITS * len(unit)) + math.log2(times) + 1
            text.claim(m.start(), m.end(), REPEAT, bits)


# -- what is left ------------------------------------------------------------------------------


def _pool(token: str) -> int:
    size = 0
    size += 26 if any(c.islower() and c.isascii() for c in token) else 0
    size += 26 if any(c.isupper() and c.isascii() for c in token) else 0
    size += 10 if any(c.isdigit() for c in token) else 0
    size += 33 if any(not c.isalnum() for c in token) else 0
    size += 67 if any(c.isalpha() and not c.isascii() for c in token) else 0
    return max(size, 10)


def _word_bits(token: str) -> float:
    """A word of letters counts like a word of a sentence; anything else by its characters,
    at a little over half of what a random string of that alphabet would give."""
    if token.isalpha() and (token.islower() or token.istitle()):
        return max(WORD_BITS, LETTER_BITS * len(token)) if len(token) > 1 else LETTER_BITS
    if token.isdigit():
        return 2.0 * len(token)
    return len(token) * math.log2(_pool(token)) * 0.55


def _remainder_bits(words: list[str]) -> float:
    seen: set[str] = set()
    bits = 0.0
    for word in words:
        key = "".join(_fold_char(c) for c in word)
        bits += 2.0 if key in seen else _word_bits(word)
        seen.add(key)
    return bits


def _rating(bits: float) -> str:
    if bits >= STRONG_BITS:
        return "strong"
    if bits >= GOOD_BITS:
        return "good"
    return "fair" if bits >= FAIR_BITS else "weak"


def rate_passphrase(passphrase: str, cell_name: str = "", cell_code: str = "") -> Advice:
    """Rate a passphrase (weak, fair, good, strong) and say why in Vietnamese."""
    text = _Text(passphrase)
    _find_words(text, cell_name, cell_code)
    _find_dates(text)
    _find_keyboard_runs(text)
    _find_repeats(text)
    bits = sum(s.bits for s in text.spans) + _remainder_bits(text.remainder())
    found = {s.kind for s in text.spans}
    length = len(text.original)
    if length < MIN_LENGTH:
        found.add(TOO_SHORT)
    if text.compact.isdigit():
        found.add(DIGITS_ONLY)
    rating = "weak" if found & {TOO_SHORT, DIGITS_ONLY} else _rating(bits)
    if rating == "weak" and not found:
        found.add(SIMPLE)
    problems = tuple(
        MESSAGES[kind].format(min=MIN_LENGTH, length=length) for kind in MESSAGES if kind in found
    )
    suggestion = SUGGESTION if rating in ("weak", "fair") else ""
    return Advice(rating, problems, suggestion, round(bits, 1))
