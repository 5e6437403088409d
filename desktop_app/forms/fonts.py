"""The one typeface of every printed form: Liberation Serif 2 (metric-compatible with Times New
Roman, which HD 36-HD/VPTW asks for; SIL OFL, see resources/fonts/OFL.txt), registered once
with reportlab as embedded TrueType subsets. No base-14 font is ever used.

Every string goes through ``preflight`` before it is drawn: NFC, and refused with a Vietnamese
message naming the character, its code point and where it was if the font cannot draw it
(reportlab would silently print a blank box)."""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app import paths
from desktop_app.domain.errors import DomainError

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
ALLOWED_CONTROLS = frozenset("\n")  # line breaks inside a field are drawn as breaks

_lock = threading.Lock()
_registered = False


class MissingGlyphError(DomainError):
    """A character the font cannot draw; nothing was printed."""

    def __init__(self, char: str, form: str, field: str, text: str):
        self.char, self.form, self.field = char, form, field
        name = unicodedata.name(char, "không rõ tên")
        shown = char if char.isprintable() else " "
        super().__init__(
            f"Không in được mẫu {form}: ký tự «{shown}» (U+{ord(char):04X}, {name}) ở mục "
            f"«{field}» không có trong phông chữ Liberation Serif. Trong «{_excerpt(text, char)}». "
            "Hãy sửa chữ đó trong sổ rồi in lại."
        )


def _excerpt(text: str, char: str, width: int = 30) -> str:
    at = text.find(char)
    start = max(0, at - width // 2)
    return text[start : start + width].replace("\n", " ")


def register() -> None:
    """Register the four faces and their family with reportlab (once per process)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = paths.resources_dir() / "fonts"
        for name, file in FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        for bold, italic, face in (
            (0, 0, REGULAR),
            (1, 0, BOLD),
            (0, 1, ITALIC),
            (1, 1, BOLD_ITALIC),
        ):
            addMapping(FAMILY, bold, italic, face)
        _registered = True


@cache
def covered() -> frozenset[int]:
    """Code points every one of the four faces can draw."""
    register()
    faces = [_points(name) for name in FILES]
    common = set(faces[0])
    for face in faces[1:]:
        common &= face
    return frozenset(common)


def _points(name: str) -> set[int]:
    font = pdfmetrics.getFont(name)
    return set(font.face.charToGlyph)


def missing(text: str) -> list[str]:
    """The characters of ``text`` (after NFC) the font lacks, in order, once each."""
    have = covered()
    seen: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) not in have and ch not in ALLOWED_CONTROLS and ch not in seen:
            seen.append(ch)
    return seen


def preflight(text: str, *, form: str, field: str) -> str:
    """``text`` in NFC, or MissingGlyphError naming the first character the font lacks."""
    value = unicodedata.normalize("NFC", text)
    lacking = missing(value)
    if lacking:
        raise MissingGlyphError(lacking[0], form, field, value)
    return value
