"""Catalogs of the national record: the 54 ethnic groups and the recognised religions."""

from __future__ import annotations

import re
import unicodedata

ETHNICITIES: tuple[str, ...] = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai",
    "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai",
    "Mnông", "Thổ", "Xtiêng", "Khơ Mú", "Bru - Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ",
    "Giẻ Triêng", "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng",
    "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao",
    "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm", "Brâu", "Ơ Đu",
)  # fmt: skip

RELIGIONS: tuple[str, ...] = (
    "Không", "Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Phật giáo Hòa Hảo", "Hồi giáo",
    "Bà-la-môn", "Tôn giáo Baha'i", "Tịnh độ Cư sỹ Phật hội Việt Nam", "Cơ đốc Phục lâm",
    "Phật giáo Tứ Ân Hiếu Nghĩa", "Minh Sư đạo", "Minh Lý đạo - Tam Tông Miếu",
    "Các Thánh hữu Ngày sau của Chúa Giê-su Ki-tô", "Bửu Sơn Kỳ Hương", "Khác",
)  # fmt: skip

_ALIASES = {"hmong": "Mông", "meo": "Mông", "ede": "Ê Đê", "stieng": "Xtiêng", "bana": "Ba Na",
            "jrai": "Gia Rai", "khome": "Khmer", "vankieu": "Bru - Vân Kiều",
            "thienchua": "Công giáo", "thienchuagiao": "Công giáo", "tinlanh": "Tin Lành",
            "hoahao": "Phật giáo Hòa Hảo", "phat": "Phật giáo", "dao phat": "Phật giáo",
            "khongtongiao": "Không", "khong": "Không"}  # fmt: skip


def _key(text: str) -> str:
    """Fold for catalog lookup: no marks, no spaces, hyphens or apostrophes."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s\-'’]+", "", text)


def _lookup(table: tuple[str, ...]) -> dict[str, str]:
    found = {_key(v): v for v in table}
    found.update({_key(k): v for k, v in _ALIASES.items() if v in table})
    return found


_ETHNIC = _lookup(ETHNICITIES)
_RELIGION = _lookup(RELIGIONS)


def match_ethnicity(text: str) -> str | None:
    """The catalog spelling for what was typed ("ede", "Ê-đê" → "Ê Đê"), or None."""
    return _ETHNIC.get(_key(text))


def match_religion(text: str) -> str | None:
    return _RELIGION.get(_key(text))
