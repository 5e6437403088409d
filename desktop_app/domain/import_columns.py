"""Which column of a secretary's spreadsheet holds what: the Vietnamese headers people actually
use, found under a title block and across a two-row (merged) header. Pure: rows in, mapping out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.legacy_text import convert
from desktop_app.domain.names import fold

# Import-only targets besides the person fields: family and given name in two columns, sex as
# "x" marks under "Nam" / "Nữ", and the row number column that is ignored.
FAMILY, GIVEN, MALE_MARK, FEMALE_MARK, ROW_NUMBER = (
    "family_name", "given_name", "male_mark", "female_mark", "row_number",
)  # fmt: skip
TARGET_LABELS = {
    FAMILY: "Họ (và tên đệm)",
    GIVEN: "Tên",
    MALE_MARK: "Nam (đánh dấu x)",
    FEMALE_MARK: "Nữ (đánh dấu x)",
    ROW_NUMBER: "Số thứ tự (bỏ qua)",
}
# Folded header texts (see ``fold``) for each target; the first matching target wins.
ALIASES: dict[str, tuple[str, ...]] = {
    ROW_NUMBER: ("stt", "tt", "so tt", "so thu tu"),
    "full_name": ("ho va ten", "ho ten", "ho va ten dang vien", "ho ten dang vien",
                  "ten dang vien", "ho va ten khai sinh", "ho va ten dang dung"),
    FAMILY: ("ho", "ho dem", "ho va ten dem", "ho va chu dem", "ho va dem", "ho, ten dem"),
    GIVEN: ("ten",),
    "other_names": ("ten goi khac", "ten khac", "bi danh"),
    "sex": ("gioi tinh", "gt", "nam/nu", "nam, nu", "nam nu", "phai"),
    MALE_MARK: ("nam",),
    FEMALE_MARK: ("nu",),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "ngay, thang, nam sinh", "sinh ngay",
                   "nam sinh", "ngay/thang/nam sinh"),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "native_place": ("que quan", "nguyen quan"),
    "residence": ("noi thuong tru", "thuong tru", "noi o hien nay", "cho o hien nay",
                  "noi cu tru", "dia chi", "noi o", "dia chi thuong tru"),
    "id_number": ("cccd", "so cccd", "can cuoc cong dan", "so can cuoc cong dan",
                  "so can cuoc", "so dinh danh", "so dinh danh ca nhan", "cmnd", "so cmnd",
                  "cmnd/cccd", "so cmnd/cccd", "cccd/cmnd", "ma dinh danh"),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dt", "dien thoai lien he"),
    "education": ("van hoa", "trinh do van hoa", "giao duc pho thong", "gdpt", "tdvh"),
    "political_theory": ("ly luan chinh tri", "llct", "trinh do ly luan chinh tri", "ly luan"),
    "profession": ("chuyen mon", "chuyen mon nghiep vu", "trinh do chuyen mon", "cmnv",
                   "trinh do chuyen mon nghiep vu"),
    "occupation": ("nghe nghiep", "nghe nghiep hien nay", "chuc vu", "chuc vu, don vi cong tac",
                   "don vi cong tac", "nghe nghiep, chuc vu"),
    "membership": ("dien", "loai dang vien", "chinh thuc/du bi", "du bi/chinh thuc"),
    "admission_decision_date": ("ngay quyet dinh ket nap", "ngay qd ket nap"),
    "ceremony_date": ("ngay vao dang", "ngay ket nap", "ngay vao dang (le ket nap)",
                      "ngay ket nap dang"),
    "official_date": ("ngay chinh thuc", "ngay cong nhan chinh thuc", "ngay dang vien chinh thuc",
                      "ngay cong nhan"),
    "party_card_number": ("so the", "so the dang", "so the dang vien", "the dang vien"),
    "notes": ("ghi chu",),
}  # fmt: skip
_ALIAS_OF = {alias: target for target, aliases in ALIASES.items() for alias in aliases}
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s:.*()0-9]+$")
SCAN_ROWS = 30  # a title block is never longer than this


def header_key(text: object) -> str:
    """A header cell folded for matching: legacy text converted, no accents, lower case, single
    spaces, no trailing colon, star or column number ("Họ và tên (1)" → "ho va ten")."""
    folded = _SPACES.sub(" ", fold(convert(str(text or "")).text)).strip()
    return _TRAILING.sub("", folded) or folded


def target_of(text: object) -> str | None:
    """The field a header names; a short legacy header ("Sè CCCD" is "Số CCCD" in TCVN3, and
    also a word as it is) is tried in each reading."""
    found = _ALIAS_OF.get(header_key(text))
    for hint in ("tcvn3", "vni"):
        if found is None and text:
            found = _ALIAS_OF.get(header_key(convert(str(text), hint=hint).text))
    return found


@dataclass(frozen=True)
class Header:
    """Where the header is (0-based rows; two rows for a merged header) and each column's
    label and target (None: not imported)."""

    first_row: int
    rows: int
    labels: tuple[str, ...]
    targets: tuple[str | None, ...]

    @property
    def data_start(self) -> int:
        return self.first_row + self.rows

    def mapping(self) -> dict[int, str]:
        return {i: t for i, t in enumerate(self.targets) if t and t != ROW_NUMBER}


def _cells(row: Sequence[object], width: int) -> list[str]:
    texts = [str(v).strip() if v not in (None, "") else "" for v in row]
    return texts + [""] * (width - len(texts))


def _two_rows(top: list[str], below: list[str]) -> list[str]:
    """Labels of a header merged over two rows: a lower cell that names a column wins ("Nam",
    "Nữ" under a merged "Giới tính"); otherwise the upper cell, or the merged cell spanning
    from the left followed by the lower text."""
    labels, spanning = [], ""
    for upper, lower in zip(top, below, strict=True):
        spanning = upper or (spanning if lower else "")
        if lower and target_of(lower):
            labels.append(lower)
        elif upper:
            labels.append(upper)
        else:
            labels.append(f"{spanning} {lower}".strip() if lower else "")
    return labels


def _score(labels: list[str]) -> int:
    targets = [target_of(label) for label in labels]
    named = any(t in ("full_name", GIVEN) for t in targets)
    return (sum(1 for t in targets if t) + 2) * named


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The header row (or pair of rows) with the most known headers that names people; None
    when no row in the first 30 looks like a header."""
    width = max((len(r) for r in rows[: SCAN_ROWS + 1]), default=0)
    best: tuple[int, int, int, list[str]] | None = None
    scanned = [_cells(r, width) for r in rows[: SCAN_ROWS + 1]]
    for index, cells in enumerate(scanned[:SCAN_ROWS]):
        candidates = [(1, cells)]
        if index + 1 < len(scanned):
            candidates.append((2, _two_rows(cells, scanned[index + 1])))
        for height, labels in candidates:
            score = _score(labels)
            if score and (best is None or (score, -height) > (best[0], -best[2])):
                best = (score, index, height, labels)  # a tie goes to one row
    if best is None:
        return None
    _, index, height, labels = best
    return Header(index, height, tuple(labels), tuple(_unique_targets(labels)))


def _unique_targets(labels: list[str]) -> list[str | None]:
    """Each target once (the first column that claims it); a bare "Tên" beside "Họ" is the
    given name, without "Họ" it is the full name."""
    seen: set[str] = set()
    out: list[str | None] = []
    for label in labels:
        target = target_of(label)
        if target in seen:
            target = None
        if target:
            seen.add(target)
        out.append(target)
    if GIVEN in seen and FAMILY not in seen and "full_name" not in seen:
        out = ["full_name" if t == GIVEN else t for t in out]
    return out
