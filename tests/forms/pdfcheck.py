"""What every printed form is checked for, read back from the PDF with pdfplumber: the text
layer, where a phrase sits on the page, the fonts (embedded Liberation Serif only), the page
size, and that nothing but the page number is drawn outside the margins."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdftypes import resolve1

from desktop_app.forms.layout import MARGINS, PAGE, PAGE_NUMBER_FROM_TOP

PORTRAIT = (round(PAGE[0], 2), round(PAGE[1], 2))  # A4: 595.28 × 841.89 points
LANDSCAPE = PORTRAIT[::-1]

TOLERANCE = 0.5  # points
BASE_14 = (
    "Courier", "Helvetica", "Times", "Symbol", "ZapfDingbats",
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    page: int  # from 1
    x0: float
    top: float  # from the top edge, points
    x1: float
    bottom: float
    fontnames: frozenset[str]


class Pdf:
    def __init__(self, data: bytes):
        self.data = data
        self.doc = pdfplumber.open(io.BytesIO(data))
        self.pages = self.doc.pages

    def close(self) -> None:
        self.doc.close()

    def text(self, page: int | None = None) -> str:
        pages = self.pages if page is None else [self.pages[page - 1]]
        return "\n".join(p.extract_text() or "" for p in pages)

    def flat(self) -> str:
        """All text with line breaks as spaces, to find phrases that wrap."""
        return " ".join(self.text().split())

    def find(self, phrase: str) -> list[Found]:
        out = []
        for number, page in enumerate(self.pages, start=1):
            for hit in page.search(phrase, regex=False, case=True):
                names = frozenset(c["fontname"].split("+")[-1] for c in hit["chars"])
                out.append(Found(number, hit["x0"], hit["top"], hit["x1"], hit["bottom"], names))
        return out

    def one(self, phrase: str) -> Found:
        hits = self.find(phrase)
        assert len(hits) == 1, f"{phrase!r} found {len(hits)} times"
        return hits[0]

    def fonts(self) -> list[dict]:
        """Every font resource of every page: base name, subtype, embedded file."""
        found = []
        for page in self.pages:
            resources = resolve1(page.page_obj.resources) or {}
            for ref in (resolve1(resources.get("Font")) or {}).values():
                font = resolve1(ref)
                fonts = [font]
                if font.get("DescendantFonts"):
                    fonts = [resolve1(f) for f in resolve1(font["DescendantFonts"])]
                for f in fonts:
                    descriptor = resolve1(f.get("FontDescriptor")) or {}
                    found.append(
                        {
                            "name": str(f.get("BaseFont")).strip("/'"),
                            "subtype": str(f.get("Subtype")).strip("/'"),
                            "embedded": any(
                                k in descriptor for k in ("FontFile", "FontFile2", "FontFile3")
                            ),
                        }
                    )
        return found

    def outside_margins(self) -> list[str]:
        """Anything drawn outside the text area, except the page number in the top margin.
        The margins are the same on a landscape page, taken from its own width and height."""
        problems = []
        for number, page in enumerate(self.pages, start=1):
            left, right = MARGINS.left, float(page.width) - MARGINS.right
            top, bottom = MARGINS.top, float(page.height) - MARGINS.bottom
            for kind in ("chars", "lines", "rects", "curves"):
                for obj in getattr(page, kind):
                    if kind == "chars" and _is_page_number(obj):
                        continue
                    if (
                        obj["x0"] < left - TOLERANCE
                        or obj["x1"] > right + TOLERANCE
                        or obj["top"] < top - TOLERANCE
                        or obj["bottom"] > bottom + TOLERANCE
                    ):
                        what = obj.get("text", kind)
                        problems.append(
                            f"page {number}: {what!r} at x {obj['x0']:.1f}-{obj['x1']:.1f}, "
                            f"top {obj['top']:.1f}-{obj['bottom']:.1f}"
                        )
        return problems

    def sizes(self) -> set[tuple[float, float]]:
        return {(round(float(p.width), 2), round(float(p.height), 2)) for p in self.pages}

    def page_numbers(self) -> list[str | None]:
        """The number printed in the top margin of each page, or None."""
        out = []
        for page in self.pages:
            digits = [c["text"] for c in page.chars if _is_page_number(c)]
            out.append("".join(digits) or None)
        return out


def _is_page_number(char: dict) -> bool:
    return char["text"].isdigit() and char["bottom"] <= PAGE_NUMBER_FROM_TOP + 20


def assert_sound(data: bytes, *, landscape: bool = False) -> Pdf:
    """The checks every form passes: A4 (every page landscape when ``landscape``, else every
    page portrait), embedded Liberation Serif only, margins kept, the text layer in NFC.
    Returns the open PDF for more checks."""
    pdf = Pdf(data)
    assert pdf.sizes() == {LANDSCAPE if landscape else PORTRAIT}, pdf.sizes()
    fonts = pdf.fonts()
    assert fonts, "no font resources"
    for font in fonts:
        assert font["subtype"] == "TrueType" and font["embedded"], font
        assert font["name"].split("+")[-1].startswith("LiberationSerif"), font
        assert not font["name"].split("+")[-1].startswith(BASE_14), font
    assert pdf.outside_margins() == []
    text = pdf.text()
    assert text == unicodedata.normalize("NFC", text)
    return pdf
