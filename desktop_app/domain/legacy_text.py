"""Legacy Vietnamese text in spreadsheet cells: detect TCVN3 (ABC) and VNI text and convert it.

Old Excel lists were typed with 8-bit Vietnamese fonts (.VnTime for TCVN3/ABC, VNI-Times for
VNI). Read today, such a cell is a ``str`` of the Windows-1252 characters for the legacy byte
codes ("Hä vµ tªn", "Hoï vaø teân" for "Họ và tên"). Each cell is judged on its own: every
possible reading is scored by how many of its words are valid Vietnamese syllables, and a
legacy reading replaces the cell only when it is clearly better. Pure standard library; the
result is always NFC.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "SOURCE_LABELS",
    "TCVN3_TABLE",
    "VNI_TABLE",
    "Converted",
    "convert",
    "detect",
    "dominant_legacy_source",
    "is_syllable",
]

SOURCE_LABELS = {
    "unicode": "Unicode",
    "nfd": "Unicode tổ hợp (NFD)",
    "tcvn3": "TCVN3 (ABC, .VnTime)",
    "vni": "VNI (VNI-Times)",
}
_LEGACY = frozenset({"tcvn3", "vni"})

# --- TCVN3 (ABC) -----------------------------------------------------------------------------
# Byte -> letter, generated once with glibc `iconv -f utf-8 -t TCVN5712-1` for the lowercase
# letters and the plain capitals Ă Â Ê Ô Ơ Ư Đ: these are the codes of the .VnTime fonts. The
# other TCVN5712-1 codes (capitals with tone marks, separate combining marks) are not used by
# .VnTime, so those bytes stay as they are. Runs of consecutive byte codes:
_TCVN3_RUNS = (
    (0xA1, "ĂÂÊÔƠƯĐăâêôơưđ"),
    (0xB5, "àảãáạ"),
    (0xBB, "ằẳẵắ"),
    (0xC6, "ặầẩẫấậè"),
    (0xCE, "ẻẽéẹềểễếệìỉ"),
    (0xDC, "ĩíịò"),
    (0xE1, "ỏõóọồổỗốộờởỡớợù"),
    (0xF1, "ủũúụừửữứựỳỷỹýỵ"),
)
TCVN3_TABLE: dict[int, str] = {
    start + i: letter for start, letters in _TCVN3_RUNS for i, letter in enumerate(letters)
}

# --- VNI (VNI Windows / VNI-Times) -----------------------------------------------------------
# Letter, then its VNI code as cp1252 text: a base letter plus one mark byte, or one byte.
# Source: the UNICODE/VNI tables of duydev/vietnamese-conversion, src/charsets.ts (GitHub).
_VNI_PAIRS = """
À AØ Á AÙ Â AÂ Ã AÕ à aø á aù â aâ ã aõ Ạ AÏ ạ aï Ả AÛ ả aû Ấ AÁ ấ aá Ầ AÀ ầ aà Ẩ AÅ
ẩ aå Ẫ AÃ ẫ aã Ậ AÄ ậ aä Ắ AÉ ắ aé Ằ AÈ ằ aè Ẳ AÚ ẳ aú Ẵ AÜ ẵ aü Ặ AË ặ aë
È EØ É EÙ Ê EÂ è eø é eù ê eâ Ẹ EÏ ẹ eï Ẻ EÛ ẻ eû Ẽ EÕ ẽ eõ Ế EÁ ế eá Ề EÀ ề eà Ể EÅ
ể eå Ễ EÃ ễ eã Ệ EÄ ệ eä
Ì Ì Í Í ì ì í í Ĩ Ó ĩ ó Ỉ Æ ỉ æ Ị Ò ị ò
Ò OØ Ó OÙ Ô OÂ Õ OÕ ò oø ó où ô oâ õ oõ Ọ OÏ ọ oï Ỏ OÛ ỏ oû Ố OÁ ố oá Ồ OÀ ồ oà Ổ OÅ
ổ oå Ỗ OÃ ỗ oã Ộ OÄ ộ oä Ớ ÔÙ ớ ôù Ờ ÔØ ờ ôø Ở ÔÛ ở ôû Ỡ ÔÕ ỡ ôõ Ợ ÔÏ ợ ôï
Ù UØ Ú UÙ ù uø ú uù Ũ UÕ ũ uõ Ụ UÏ ụ uï Ủ UÛ ủ uû Ứ ÖÙ ứ öù Ừ ÖØ ừ öø Ử ÖÛ ử öû Ữ ÖÕ
ữ öõ Ự ÖÏ ự öï
Ý YÙ ý yù Ỳ YØ ỳ yø Ỵ Î ỵ î Ỷ YÛ ỷ yû Ỹ YÕ ỹ yõ
Ă AÊ ă aê
Đ Ñ đ ñ
Ơ Ô ơ ô
Ư Ö ư ö
"""


def _vni_table() -> dict[bytes, str]:
    """VNI code (bytes) -> letter."""
    words = _VNI_PAIRS.split()
    return {
        code.encode("cp1252"): letter for letter, code in zip(words[::2], words[1::2], strict=True)
    }


VNI_TABLE: dict[bytes, str] = _vni_table()

# --- Vietnamese syllables --------------------------------------------------------------------
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền sắc ngã hỏi nặng
_QUALITY_MARKS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn
_SHARP_OR_HEAVY = frozenset("\u0301\u0323")
_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_VOWELS = frozenset("aăâeêioôơuưy")
_INITIALS = (
    *("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu"),
    *("b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""),
)
_FINALS = ("ch", "nh", "ng", "c", "m", "n", "p", "t", "")
_STOP_FINALS = frozenset({"c", "ch", "p", "t"})  # only sắc or nặng before these
_FRONT = frozenset("ieêy")


def _words(text: str) -> list[str]:
    return text.split()


# Vowel group: (tone positions without a final, tone positions before a final, finals).
# "" means not allowed; both old (hoà, thuý) and new (hòa, thúy) tone placement are valid.
_RHYMES: dict[str, tuple[str, str, str]] = {
    "a": ("0", "0", "c ch m n ng nh p t"),
    "ă": ("", "0", "c m n ng p t"),
    "â": ("", "0", "c m n ng p t"),
    "e": ("0", "0", "c m n ng p t"),
    "ê": ("0", "0", "ch m n nh p t"),
    "i": ("0", "0", "ch m n nh p t"),
    "o": ("0", "0", "c m n ng p t"),
    "ô": ("0", "0", "c m n ng p t"),
    "ơ": ("0", "0", "m n p t"),
    "u": ("0", "0", "c m n ng p t"),
    "ư": ("0", "0", "c m n ng t"),
    "y": ("0", "0", "ch n nh p t"),
    **dict.fromkeys(_words("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu"), ("0", "", "")),
    "iê": ("", "1", "c m n ng p t"),
    "yê": ("", "1", "m n ng t"),
    "oa": ("01", "1", "c ch m n ng nh p t"),
    "oă": ("", "1", "c m n ng t"),
    "oe": ("01", "1", "n t"),
    "oo": ("", "1", "c ng"),
    "uâ": ("", "1", "n ng t"),
    "uê": ("1", "1", "ch n nh"),
    "uô": ("", "1", "c m n ng t"),
    "uơ": ("1", "", ""),
    "uy": ("01", "1", "ch nh p t"),
    "ươ": ("", "1", "c m n ng p t"),
    **dict.fromkeys(_words("iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu"), ("1", "", "")),
    "uyê": ("", "2", "n t"),
}


def _spelling_ok(initial: str, first_vowel: str) -> bool:
    """Vietnamese spelling: k/gh/ngh before i e ê y, c/g/ng elsewhere (g before i: gì)."""
    front = first_vowel in _FRONT
    if initial in ("k", "gh", "ngh"):
        return front and (initial == "k" or first_vowel != "y")
    if initial == "c":
        return not front
    if initial in ("g", "ng"):
        return not front or (initial == "g" and first_vowel == "i")
    return True


def _usual_case(word: str) -> bool:
    """lowercase, Capitalised or ALL CAPS (legacy codes give "chÝnh", "trÇn")."""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _split_letters(word: str) -> tuple[str, str, int] | None:
    """(toneless lowercase letters, tone mark or "", index of the toned letter) or None."""
    letters: list[str] = []
    tone, tone_at = "", -1
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONE_MARKS and letters and not tone:
            tone, tone_at = ch, len(letters) - 1
        elif ch in _QUALITY_MARKS and letters:
            merged = unicodedata.normalize("NFC", letters[-1] + ch)
            if len(merged) != 1 or merged not in _VOWELS:
                return None
            letters[-1] = merged
        elif ch in _LETTERS:
            letters.append(ch)
        else:
            return None
    return "".join(letters), tone, tone_at


def _rhyme_ok(vowels: str, final: str, tone: str, tone_at: int) -> bool:
    """Whether vowels + final form a rhyme and the tone sits where it may."""
    rule = _RHYMES.get(vowels)
    if rule is None:
        return False
    open_at, closed_at, finals = rule
    if final and final not in finals.split():
        return False
    places = closed_at if final else open_at
    if not places:
        return False
    if final in _STOP_FINALS and tone not in _SHARP_OR_HEAVY:
        return False
    return not tone or str(tone_at) in places


@functools.lru_cache(maxsize=65536)  # names and headers repeat a lot
def is_syllable(word: str) -> bool:
    """Whether word (NFC or NFD; lowercase, Capitalised or ALL CAPS) is a Vietnamese syllable.

    Checks the initial consonant cluster and its spelling (k/c, gh/g, ngh/ng), the vowel
    group, the final consonant, and at most one tone mark on an allowed vowel (sắc or nặng
    only before c, ch, p, t).
    """
    parts = _split_letters(word) if _usual_case(word) else None
    if parts is None or not parts[0]:
        return False
    letters, tone, tone_at = parts
    for initial in _INITIALS:
        if not letters.startswith(initial):
            continue
        rest = letters[len(initial) :]
        for final in _FINALS:
            if len(rest) <= len(final) or not rest.endswith(final):
                continue
            vowels = rest[: len(rest) - len(final)]
            if _spelling_ok(initial, vowels[0]) and _rhyme_ok(
                vowels, final, tone, tone_at - len(initial)
            ):
                return True
    return False


# --- Scoring ---------------------------------------------------------------------------------
# A word: letters, combining marks and the Latin-1 symbols that legacy codes turn into.
_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00bf\u00d7\u00f7\u0300-\u036f])+")
_SYMBOLS = frozenset(chr(c) for c in (*range(0xA1, 0xC0), 0xD7, 0xF7))  # ¡ … ¿ × ÷
_VIETNAMESE_MARKS = _TONE_MARKS | _QUALITY_MARKS


@dataclass(frozen=True)
class _Score:
    valid: int  # words that are Vietnamese syllables
    strong: int  # words holding a symbol no Vietnamese word has (µ ¸ ª « ® ...)
    weak: int  # other words holding a letter outside Vietnamese (å ø ï ñ ç ...)

    @property
    def garbage(self) -> int:
        return self.strong + self.weak


def _foreign_letter(word: str) -> bool:
    """Whether word holds a non-ASCII letter or mark that Vietnamese does not use."""
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch.isascii() or ch == "đ" or ch in _VIETNAMESE_MARKS:
            continue
        return True
    return False


def _score(text: str) -> _Score:
    valid = strong = weak = 0
    for word in _WORD_RE.findall(text):
        if is_syllable(word):
            valid += 1
        elif any(ch in _SYMBOLS for ch in word):
            strong += 1
        elif _foreign_letter(word):
            weak += 1
    return _Score(valid, strong, weak)


def _improves(new: _Score, old: _Score) -> bool:
    """More syllables without more garbage, or as many but rid of impossible symbols."""
    if new.garbage > old.garbage:
        return False
    if new.valid != old.valid:
        return new.valid > old.valid
    return new.strong < old.strong and new.garbage < old.garbage


# --- Decoding --------------------------------------------------------------------------------
def _legacy_bytes(text: str) -> bytes | None:
    """The legacy byte codes behind text (cp1252, else latin-1 per character), or None."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    codes = bytearray()
    for ch in text:
        try:
            codes += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            codes.append(ord(ch))
    return bytes(codes)


def _decode_tcvn3(codes: bytes, text: str) -> str:
    """TCVN3 reading; a byte that is no .VnTime letter keeps its character."""
    return "".join(TCVN3_TABLE.get(code, ch) for code, ch in zip(codes, text, strict=True))


def _decode_vni(codes: bytes, text: str) -> str:
    """VNI reading: longest match (base + mark, then one byte); others keep their character."""
    out: list[str] = []
    i = 0
    while i < len(codes):
        pair = VNI_TABLE.get(codes[i : i + 2]) if i + 1 < len(codes) else None
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        out.append(VNI_TABLE.get(codes[i : i + 1], text[i]))
        i += 1
    return "".join(out)


def _readings(text: str) -> dict[str, str]:
    """Legacy readings of text that differ from it (none if some character has no byte)."""
    codes = _legacy_bytes(text)
    if codes is None:
        return {}
    readings = {"tcvn3": _decode_tcvn3(codes, text), "vni": _decode_vni(codes, text)}
    return {source: reading for source, reading in readings.items() if reading != text}


# --- API -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Converted:
    """One cell after conversion: NFC text and where it came from (a SOURCE_LABELS key)."""

    text: str
    source: str

    @property
    def changed(self) -> bool:
        """Whether the cell was converted (legacy font or decomposed Unicode)."""
        return self.source != "unicode"


def _pick(text: str, readings: dict[str, str], hint: str | None) -> str | None:
    """The legacy source whose reading should replace text, or None to keep it."""
    kept = _score(text)
    scores = {source: _score(reading) for source, reading in readings.items()}
    better = [source for source, score in scores.items() if _improves(score, kept)]
    if better:
        top = max((scores[s].valid, -scores[s].garbage) for s in better)
        best = [s for s in better if (scores[s].valid, -scores[s].garbage) == top]
        if len(best) == 1:
            return best[0]
        return hint if hint in best else None
    if hint in scores:
        score = scores[hint]
        if score.valid >= kept.valid and score.garbage <= kept.garbage:
            return hint
    return None


def convert(text: str, *, hint: str | None = None) -> Converted:
    """Convert one cell to NFC Unicode, detecting TCVN3, VNI and decomposed (NFD) text.

    A legacy reading wins when it has more valid Vietnamese syllables and no more garbage
    words than the cell as it is, or as many syllables but none of the symbols (µ ¸ ª ...)
    that no Vietnamese word has; when the readings tie the cell is kept. ``hint`` (the source
    most cells of the column came from, see dominant_legacy_source) breaks such ties; a wrong
    hint can turn a Latin-1-only Unicode cell such as "Thái" into its legacy reading.

    TCVN3 capitals with tone marks were typed in the .VnTimeH fonts with the lowercase codes;
    that font information is lost, so they come back as lowercase letters ("¸nh" -> "ánh"
    whatever the font showed).
    """
    nfc = unicodedata.normalize("NFC", text)
    if text.isascii():
        return Converted(text, "unicode")
    if nfc != text and any(unicodedata.combining(ch) for ch in text):
        return Converted(nfc, "nfd")
    readings = _readings(text)
    source = _pick(text, readings, hint if hint in _LEGACY else None)
    if source is None:
        return Converted(nfc, "unicode")
    return Converted(unicodedata.normalize("NFC", readings[source]), source)


def detect(text: str, *, hint: str | None = None) -> str:
    """The source convert() reports for text: "unicode", "nfd", "tcvn3" or "vni"."""
    return convert(text, hint=hint).source


def dominant_legacy_source(cells: Iterable[str]) -> str | None:
    """The legacy source most cells of a column were detected as on their own, or None.

    Meant as the ``hint`` for convert() on the same column; None when no cell is legacy or
    TCVN3 and VNI are equally common.
    """
    counts = Counter(source for source in map(detect, cells) if source in _LEGACY)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
