"""A realistic demo party cell, generated deterministically from a seed, as plain data.

Nothing here touches a register: ``generate_demo_cell`` returns the cell's details and a list
of people, each with the fields a secretary would type and the events that happened to them.
A service writes every person as a candidate ("membership" is always "candidate") and then
records the events in order through the normal validated path, so the history is what moves
people to probationary and official membership, out of the cell, or into an overlay.

Conventions the data keeps (the tests check them):

* every string is NFC; every date is on or before ``today``;
* birth dates are ``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` for a few people born before 1960;
  age rules hold for every day a partial date could stand for;
* the admission decision falls after the 18th and before the 60th birthday, the ceremony
  3–25 working days later (weekends skipped), recognition exactly 12 calendar months after
  the ceremony (clamped to the month's end);
* places are named after the 2025 reform (commune or ward, then one of the 34 provinces);
  the ID number's province code is that of the (pre-2025) province of the native place;
* full names are unique even after folding accents, so the duplicate check never fires.

Only the standard library is used; ``random.Random(seed)`` is the single source of chance.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["DemoCell", "DemoEvent", "DemoPerson", "generate_demo_cell"]


# -- public types ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoEvent:
    kind: str  # admission_decision, ceremony, recognition, transfer_out, temporary_leave, ...
    date: str  # ISO YYYY-MM-DD
    reason: str = ""
    reference: str = ""  # decision number such as "125-QĐ/ĐU", or ""
    place: str = ""  # destination or origin for transfers and temporary leave, else ""


@dataclass(frozen=True)
class DemoPerson:
    fields: dict[str, object]  # person fields plus "membership" (always "candidate" here)
    events: tuple[DemoEvent, ...]  # chronological


@dataclass(frozen=True)
class DemoCell:
    cell: dict[str, str]  # name, code, upper_level, secretary, address
    people: tuple[DemoPerson, ...]


# -- names -----------------------------------------------------------------------------------

# Kinh family names with rough national frequencies (per mille); Huỳnh and Võ are the
# central and southern forms of Hoàng and Vũ, common in Bình Định.
FAMILY_NAMES: tuple[tuple[str, int], ...] = (
    ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Huỳnh", 30), ("Hoàng", 21),
    ("Phan", 45), ("Võ", 28), ("Vũ", 11), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13),
    ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đoàn", 6), ("Trương", 6), ("Đinh", 5),
    ("Lưu", 3), ("Mai", 4), ("Tô", 2), ("Hà", 3), ("Lâm", 2), ("Cao", 3), ("Châu", 2),
    ("Tạ", 2), ("Thái", 2), ("Từ", 1), ("Tôn", 1),
)  # fmt: skip

MALE_MIDDLE_NAMES = (
    "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Công", "Xuân", "Đình", "Quang", "Trọng", "Anh",
    "Hoàng", "Tuấn", "Thành", "Gia", "Bá", "Tấn",
)  # fmt: skip
FEMALE_MIDDLE_NAMES = (
    "Thu", "Kim", "Ngọc", "Thanh", "Minh", "Mỹ", "Hồng", "Bích", "Phương", "Thùy", "Diệu", "Bảo",
    "Khánh", "Hoài", "Thảo", "Ánh", "Tường",
)  # fmt: skip

# Given names by sex and by the era of birth (classic before 1975, modern from 1995).
MALE_GIVEN_CLASSIC = (
    "Hùng", "Dũng", "Thắng", "Cường", "Hải", "Sơn", "Bình", "Hòa", "Tâm", "Thành", "Vinh", "Nghĩa",
    "Toàn", "Chiến", "Lợi", "Phúc", "Tài", "Quý", "Thịnh", "Thuận", "Hưng", "Đông", "Trung",
    "Tiến", "Thụy", "Lực", "Quyết", "Hiệp", "Thông", "Phước",
)  # fmt: skip
MALE_GIVEN_MODERN = (
    "Minh", "Huy", "Khoa", "Bảo", "Duy", "Đạt", "Khang", "Phát", "Nhật", "Khôi", "Quân", "Hiếu",
    "Trí", "Tuấn", "Long", "Nam", "Phong", "Kiên", "Tùng", "Việt", "Hoàng", "Thiện", "Nhân", "Lâm",
    "Vũ", "Khánh", "Đức", "Quang", "Hòa", "Sang",
)  # fmt: skip
FEMALE_GIVEN_CLASSIC = (
    "Lan", "Hoa", "Hương", "Hạnh", "Hằng", "Hiền", "Mai", "Nga", "Thủy", "Thúy", "Liên", "Loan",
    "Cúc", "Huệ", "Hường", "Sen", "Thắm", "Lụa", "Tuyết", "Xuân", "Dung", "Nguyệt", "Phượng",
    "Oanh", "Yến", "Hòa", "Liễu", "Vân", "Nhung", "Thu",
)  # fmt: skip
FEMALE_GIVEN_MODERN = (
    "Linh", "Trang", "Vy", "Nhi", "Uyên", "My", "Ngân", "Quỳnh", "Trâm", "Thư", "Hân", "Anh",
    "Thảo", "Hà", "Giang", "Châu", "Duyên", "Diễm", "Hiền", "Phương", "Thủy", "Thúy", "Trinh",
    "Yến", "Chi", "Quyên", "Tiên", "Ngọc", "Như", "An",
)  # fmt: skip
# Syllables written with the tone on the first vowel (Hòa, Thủy: the common, older habit)
# and their form with the tone on the main vowel (Hoà, Thuỷ: the newer school spelling).
MODERN_TONE_PLACEMENT = {
    "Hòa": "Hoà",
    "Thủy": "Thuỷ",
    "Thúy": "Thuý",
    "Thùy": "Thuỳ",
    "Thụy": "Thuỵ",
}
MODERN_TONE_SHARE = 0.35

# Ethnic minorities: their own family names; given names follow the common pools, except
# Ê Đê names (given name with the Y/H' prefix first, clan name last).
ETHNIC_FAMILY_NAMES = {
    "Tày": ("Nông", "Hoàng", "Lương", "Bế", "Đàm", "Ma", "Lục"),
    "Nùng": ("Nông", "Hoàng", "Vi", "Lăng", "Chu", "Lục"),
    "Thái": ("Lò", "Cầm", "Lường", "Vi", "Quàng", "Hà"),
    "Mường": ("Bùi", "Đinh", "Quách", "Hà", "Xa"),
    "Khmer": ("Thạch", "Sơn", "Danh", "Kim", "Lâm", "Chau"),
    "Hoa": ("Lâm", "Trương", "Quách", "Lý", "Châu", "Hứa", "Mã", "Tăng"),
}  # fmt: skip
HOA_MIDDLE_NAMES = {
    "male": ("Gia", "Vĩnh", "Quốc", "Kiến", "Chí"),
    "female": ("Mỹ", "Ngọc", "Tú", "Huệ", "Thục"),
}
EDE_GIVEN_NAMES = {
    "male": ("Kha", "Siêng", "Thuyên", "Nuê", "Hoan", "Blin", "Kông"),
    "female": ("Hen", "Nhi", "Bia", "Lim", "Ju", "Nga", "Ry"),
}
EDE_CLAN_NAMES = ("Niê", "Mlô", "Êban", "Ksơr", "Byă", "Adrơng")
EDE_PREFIX = {"male": "Y ", "female": "H'"}

OTHER_NAME_PREFIXES = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám")  # call names by birth order

ETHNICITY_WEIGHTS = (
    ("Kinh", 900), ("Hoa", 20), ("Tày", 15), ("Mường", 15), ("Thái", 15), ("Nùng", 10),
    ("Khmer", 10), ("Ê Đê", 15),
)  # fmt: skip
RELIGION_WEIGHTS = {
    "Kinh": (("Không", 840), ("Phật giáo", 85), ("Công giáo", 40), ("Tin Lành", 10),
             ("Cao Đài", 12), ("Phật giáo Hòa Hảo", 13)),
    "Hoa": (("Không", 50), ("Phật giáo", 50)),
    "Khmer": (("Phật giáo", 85), ("Không", 15)),
    "Ê Đê": (("Không", 50), ("Tin Lành", 40), ("Công giáo", 10)),
}  # fmt: skip
MINORITY_RELIGIONS = (("Không", 95), ("Phật giáo", 5))


# -- places (after the 2025 reform: commune or ward, then province) -------------------------


@dataclass(frozen=True)
class _Place:
    commune: str  # "Phường Quy Nhơn", "Xã Tuy Phước"
    province: str  # "tỉnh Gia Lai", "Thành phố Hà Nội"
    code: str  # CCCD code of the pre-2025 province where births were registered

    def label(self) -> str:
        return f"{self.commune}, {self.province}"


GIA_LAI = "tỉnh Gia Lai"
HA_NOI = "Thành phố Hà Nội"
HO_CHI_MINH = "Thành phố Hồ Chí Minh"
DA_NANG = "Thành phố Đà Nẵng"

# Communes and wards of former Bình Định (now Gia Lai), where the demo cell sits.
HOME_PLACES = tuple(_Place(c, GIA_LAI, "052") for c in (
    "Phường Quy Nhơn", "Phường Quy Nhơn Đông", "Phường Quy Nhơn Tây", "Phường Quy Nhơn Nam",
    "Phường Quy Nhơn Bắc", "Phường Bình Định", "Phường An Nhơn", "Phường An Nhơn Bắc",
    "Phường Hoài Nhơn", "Phường Bồng Sơn", "Phường Tam Quan", "Xã Tuy Phước",
    "Xã Tuy Phước Đông", "Xã Phù Cát", "Xã Ngô Mây", "Xã Cát Tiến", "Xã Phù Mỹ", "Xã Tây Sơn",
    "Xã Hoài Ân", "Xã Vân Canh", "Xã An Lão", "Xã Vĩnh Thạnh",
))  # fmt: skip
OTHER_PLACES = (
    _Place("Phường Pleiku", GIA_LAI, "064"), _Place("Phường An Khê", GIA_LAI, "064"),
    _Place("Phường Cẩm Thành", "tỉnh Quảng Ngãi", "051"),
    _Place("Phường Đức Phổ", "tỉnh Quảng Ngãi", "051"),
    _Place("Phường Tuy Hòa", "tỉnh Đắk Lắk", "054"),
    _Place("Phường Nha Trang", "tỉnh Khánh Hòa", "056"),
    _Place("Phường Hội An", DA_NANG, "049"), _Place("Phường Tam Kỳ", DA_NANG, "049"),
    _Place("Phường Hải Châu", DA_NANG, "048"),
    _Place("Phường Phú Xuân", "Thành phố Huế", "046"),
    _Place("Phường Đồng Hới", "tỉnh Quảng Trị", "044"),
    _Place("Phường Đông Hà", "tỉnh Quảng Trị", "045"),
    _Place("Phường Thành Sen", "tỉnh Hà Tĩnh", "042"), _Place("Xã Can Lộc", "tỉnh Hà Tĩnh", "042"),
    _Place("Phường Thành Vinh", "tỉnh Nghệ An", "040"),
    _Place("Xã Diễn Châu", "tỉnh Nghệ An", "040"), _Place("Xã Đô Lương", "tỉnh Nghệ An", "040"),
    _Place("Phường Hạc Thành", "tỉnh Thanh Hóa", "038"),
    _Place("Phường Nam Định", "tỉnh Ninh Bình", "036"),
    _Place("Xã Phát Diệm", "tỉnh Ninh Bình", "037"),
    _Place("Phường Thái Bình", "tỉnh Hưng Yên", "034"),
    _Place("Phường Hồng Bàng", "Thành phố Hải Phòng", "031"),
    _Place("Phường Hải Dương", "Thành phố Hải Phòng", "030"),
    _Place("Phường Hoàn Kiếm", HA_NOI, "001"), _Place("Phường Đống Đa", HA_NOI, "001"),
    _Place("Xã Đông Anh", HA_NOI, "001"),
    _Place("Phường Sài Gòn", HO_CHI_MINH, "079"), _Place("Phường Gia Định", HO_CHI_MINH, "079"),
    _Place("Phường Thủ Dầu Một", HO_CHI_MINH, "074"),
    _Place("Phường Vũng Tàu", HO_CHI_MINH, "077"),
    _Place("Phường Ninh Kiều", "Thành phố Cần Thơ", "092"),
)  # fmt: skip
HOME_PLACE_SHARE = 0.7  # of Kinh people, born in the cell's own former province

ETHNIC_HOMES = {
    "Tày": (_Place("Phường Thục Phán", "tỉnh Cao Bằng", "004"),
            _Place("Phường Tân Giang", "tỉnh Cao Bằng", "004"),
            _Place("Phường Lương Văn Tri", "tỉnh Lạng Sơn", "020")),
    "Nùng": (_Place("Phường Tam Thanh", "tỉnh Lạng Sơn", "020"),
             _Place("Phường Nùng Trí Cao", "tỉnh Cao Bằng", "004")),
    "Thái": (_Place("Phường Tô Hiệu", "tỉnh Sơn La", "014"),
             _Place("Phường Chiềng An", "tỉnh Sơn La", "014"),
             _Place("Xã Quế Phong", "tỉnh Nghệ An", "040")),
    "Mường": (_Place("Phường Hòa Bình", "tỉnh Phú Thọ", "017"),
              _Place("Xã Kim Bôi", "tỉnh Phú Thọ", "017"),
              _Place("Xã Cẩm Thủy", "tỉnh Thanh Hóa", "038")),
    "Khmer": (_Place("Phường Sóc Trăng", "Thành phố Cần Thơ", "094"),
              _Place("Phường Trà Vinh", "tỉnh Vĩnh Long", "084"),
              _Place("Xã Tri Tôn", "tỉnh An Giang", "089")),
    "Hoa": (_Place("Phường Chợ Lớn", HO_CHI_MINH, "079"),
            _Place("Phường An Đông", HO_CHI_MINH, "079"), _Place("Phường Hội An", DA_NANG, "049")),
    "Ê Đê": (_Place("Phường Ea Kao", "tỉnh Đắk Lắk", "066"),
             _Place("Phường Buôn Ma Thuột", "tỉnh Đắk Lắk", "066")),
}  # fmt: skip
RELIGION_HOMES = {
    "Cao Đài": (_Place("Phường Long Hoa", "tỉnh Tây Ninh", "072"),
                _Place("Phường Hòa Thành", "tỉnh Tây Ninh", "072")),
    "Phật giáo Hòa Hảo": (_Place("Xã Phú Tân", "tỉnh An Giang", "089"),
                          _Place("Phường Long Xuyên", "tỉnh An Giang", "089")),
}  # fmt: skip
# Pre-2025 provinces north of the 17th parallel: schooling there was the 10-year system.
NORTHERN_CODES = frozenset({
    "001", "004", "014", "017", "020", "025", "030", "031", "033", "034", "035", "036", "037",
    "038", "040", "042", "044",
})  # fmt: skip

QUY_NHON_STREETS = (
    "Trần Hưng Đạo", "Lê Hồng Phong", "Nguyễn Huệ", "Lê Lợi", "Ngô Mây", "An Dương Vương",
    "Hùng Vương", "Tây Sơn", "Nguyễn Thái Học", "Phan Bội Châu", "Bạch Đằng", "Xuân Diệu",
    "Lê Duẩn", "Điện Biên Phủ", "Trần Phú", "Mai Xuân Thưởng", "Nguyễn Tất Thành",
    "Hoàng Văn Thụ", "Lý Thường Kiệt", "Võ Thị Sáu", "Nguyễn Thị Minh Khai", "Chương Dương",
)  # fmt: skip


@dataclass(frozen=True)
class _CellTemplate:
    name: str
    code: str
    upper_level: str
    address: str
    kind: str  # "school" or "residential": decides occupations and where members live
    home_wards: tuple[str, ...]


CELLS = (
    _CellTemplate("Chi bộ Trường THPT Nguyễn Trân", "CB-THPT-NT", "Đảng ủy phường Quy Nhơn Nam",
                  "25 Nguyễn Thị Minh Khai, Phường Quy Nhơn Nam, tỉnh Gia Lai", "school",
                  ("Phường Quy Nhơn Nam", "Phường Quy Nhơn", "Phường Quy Nhơn Tây",
                   "Phường Quy Nhơn Bắc", "Xã Tuy Phước")),
    _CellTemplate("Chi bộ Trường THCS Lê Lợi", "CB-THCS-LL", "Đảng ủy phường Quy Nhơn",
                  "118 Lê Lợi, Phường Quy Nhơn, tỉnh Gia Lai", "school",
                  ("Phường Quy Nhơn", "Phường Quy Nhơn Nam", "Phường Quy Nhơn Đông",
                   "Phường Quy Nhơn Bắc")),
    _CellTemplate("Chi bộ Khu vực 5", "CB-KV5", "Đảng ủy phường Quy Nhơn Bắc",
                  "Nhà văn hóa Khu vực 5, Phường Quy Nhơn Bắc, tỉnh Gia Lai", "residential",
                  ("Phường Quy Nhơn Bắc",)),
)  # fmt: skip


# -- work, schooling and notes ---------------------------------------------------------------

PROFESSIONS = {
    "Giáo viên": ("Cử nhân Sư phạm Toán", "Cử nhân Sư phạm Ngữ văn", "Cử nhân Sư phạm Tiếng Anh",
                  "Cử nhân Sư phạm Vật lý", "Cử nhân Sư phạm Lịch sử", "Cử nhân Sư phạm Hóa học",
                  "Thạc sĩ Quản lý giáo dục", "Thạc sĩ Lý luận và phương pháp dạy học"),
    "Công chức": ("Cử nhân Luật", "Cử nhân Hành chính", "Cử nhân Kinh tế",
                  "Thạc sĩ Quản lý công"),
    "Kế toán": ("Cử nhân Kế toán", "Cử nhân Kinh tế", "Cử nhân Tài chính - Ngân hàng"),
    "Bác sĩ": ("Bác sĩ Đa khoa", "Bác sĩ Chuyên khoa I Nội", "Thạc sĩ Y học"),
    "Y sĩ": ("Trung cấp Y",),
    "Kỹ sư": ("Kỹ sư Xây dựng", "Kỹ sư Điện", "Kỹ sư Công nghệ thông tin"),
    "Nhân viên văn phòng": ("Cao đẳng Văn thư lưu trữ", "Cử nhân Quản trị văn phòng"),
    "Nhân viên thư viện": ("Trung cấp Thư viện", "Cử nhân Thông tin - Thư viện"),
    "Công nhân": ("", "Trung cấp Điện", "Trung cấp Cơ khí"),
    "Kinh doanh": ("", "Cử nhân Quản trị kinh doanh"),
    "Sinh viên": ("",),
}  # fmt: skip
WORKING_OCCUPATIONS = {
    "school": (("Giáo viên", 15), ("Kế toán", 2), ("Nhân viên văn phòng", 2),
               ("Nhân viên thư viện", 1)),
    "residential": (("Công chức", 4), ("Giáo viên", 3), ("Kế toán", 2), ("Bác sĩ", 1),
                    ("Y sĩ", 1), ("Kỹ sư", 2), ("Công nhân", 3), ("Kinh doanh", 2)),
}  # fmt: skip
CANDIDATE_OCCUPATIONS = {
    "school": (("Giáo viên", 8), ("Nhân viên văn phòng", 2)),
    "residential": (("Sinh viên", 4), ("Công nhân", 3), ("Giáo viên", 3)),
}  # fmt: skip
LEADER_OCCUPATIONS = {"school": "Giáo viên", "residential": "Công chức"}
RETIRED = "Hưu trí"
THEORY_WEIGHTS = (
    ("Sơ cấp", 57), ("Trung cấp", 30), ("", 8), ("Cao cấp", 3), ("Cử nhân", 2),
)  # fmt: skip
PHONE_PREFIXES = (
    "090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037",
    "038", "039",
)  # fmt: skip
BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)

# Where the transferred member went: (party organisation, reason, the member's new home).
TRANSFER_PLACES = (
    ("Đảng bộ phường An Nhơn, tỉnh Gia Lai", "Chuyển công tác", "Phường An Nhơn"),
    ("Đảng bộ xã Tuy Phước, tỉnh Gia Lai", "Chuyển nơi cư trú", "Xã Tuy Phước"),
    ("Đảng bộ phường Pleiku, tỉnh Gia Lai", "Chuyển công tác", "Phường Pleiku"),
)  # fmt: skip
AWAY_PLACES = (
    ("Đảng bộ Trường Đại học Sư phạm, Đại học Huế", "Đi học thạc sĩ tập trung"),
    ("Đảng bộ xã An Lão, tỉnh Gia Lai", "Biệt phái công tác có thời hạn"),
    ("Đảng bộ Trường Đại học Quy Nhơn", "Đi học nâng cao trình độ chuyên môn"),
)  # fmt: skip
STUDY_PLACE = ("Đảng bộ Học viện Chính trị khu vực III", "Học cao cấp lý luận chính trị tập trung")
EXEMPTION_REASON = "Tuổi cao, sức yếu"
DEATH_REASONS = ("Từ trần do bệnh", "Từ trần do tuổi cao", "Từ trần do bệnh hiểm nghèo")
REMOVAL_REASON = (
    "Không sinh hoạt đảng và không đóng đảng phí 3 tháng trong năm không có lý do chính đáng"
)


# -- dates -----------------------------------------------------------------------------------

ONE_DAY = dt.timedelta(days=1)
FIRST_ADMISSION = dt.date(1975, 1, 1)
LAST_OFFICIAL_ADMISSION = dt.date(2023, 12, 31)
REFORM_DAY = dt.date(2025, 7, 1)  # commune-level party committees decide from this day


def _add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _add_years(day: dt.date, years: int) -> dt.date:
    return _add_months(day, 12 * years)


def _add_working_days(day: dt.date, count: int) -> dt.date:
    """Move ``count`` working days (Monday–Friday) forward, or backward if negative."""
    step = ONE_DAY if count >= 0 else -ONE_DAY
    for _ in range(abs(count)):
        day += step
        while day.weekday() >= 5:
            day += step
    return day


def _random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _random_weekday(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random day in [first, last], moved off a weekend when the range allows it."""
    day = _random_day(rng, first, last)
    if day.weekday() >= 5:
        friday = day - dt.timedelta(days=day.weekday() - 4)
        monday = day + dt.timedelta(days=7 - day.weekday())
        day = friday if friday >= first else monday if monday <= last else day
    return day


def _early_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A day in [first, last] drawn towards the start (people join young)."""
    offset = int((last - first).days * rng.random() ** 1.8)
    return _random_weekday(rng, first + dt.timedelta(days=offset), last)


def _birth_span(birth: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest day a (possibly partial) birth date can stand for."""
    if precision == "year":
        return dt.date(birth.year, 1, 1), dt.date(birth.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(birth.year, birth.month)[1]
        return birth.replace(day=1), birth.replace(day=last)
    return birth, birth


def _birth_text(birth: dt.date, precision: str) -> str:
    return {"year": f"{birth.year:04d}", "month": f"{birth.year:04d}-{birth.month:02d}"}.get(
        precision, birth.isoformat()
    )


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# -- roles: what kind of history each member gets --------------------------------------------


@dataclass(frozen=True)
class _Role:
    ages: tuple[int, int]  # age today, inclusive
    window: tuple[dt.date, dt.date]  # admission decision between these days


def _roles_for(members: int) -> list[str]:
    """The mix of histories: mostly official, some probationary, a few exits and overlays."""
    roles = ["probationary"] * (round(members * 0.12) if members >= 5 else 0)
    if members >= 8:
        roles += ["transferred", "deceased", "away"]
    if members >= 20:
        roles += ["removed", "exempt", "exempt"]
    elif members >= 10:
        roles += ["exempt"]
    if members >= 15:
        roles += ["studied"]
    roles += ["retired"] * (round(members * 0.15) if members >= 10 else 0)
    return roles + ["official"] * (members - len(roles))


def _role_table(today: dt.date) -> dict[str, _Role]:
    # Early enough that recognition comes over a year before today, leaving room for exits.
    last = min(LAST_OFFICIAL_ADMISSION, _add_months(today, -30))

    def window(first_year: int, last_year: int | None = None) -> tuple[dt.date, dt.date]:
        end = min(last, dt.date(last_year, 12, 31)) if last_year else last
        start = max(FIRST_ADMISSION, min(dt.date(first_year, 1, 1), _add_years(end, -10)))
        return start, end

    return {
        "official": _Role((24, 59), window(1975)),
        "studied": _Role((36, 56), window(1995, 2016)),
        "retired": _Role((61, 79), window(1975, 2012)),
        "exempt": _Role((76, 90), window(1975, 1998)),
        "deceased": _Role((68, 88), window(1975, 2000)),
        "transferred": _Role((27, 50), window(1995)),
        "removed": _Role((28, 50), window(2000)),
        "away": _Role((27, 42), window(2005)),
    }


_NAME_TRIES = 50  # then allow a namesake born in another year

# -- one person while being built ------------------------------------------------------------


@dataclass
class _Draft:
    role: str
    sex: str
    ethnicity: str
    religion: str
    native: _Place
    birth: dt.date
    precision: str = "day"  # "day", "month" or "year"
    name: str = ""
    occupation: str = ""
    profession: str = ""
    political_theory: str = ""
    notes: list[str] = field(default_factory=list)
    events: list[DemoEvent] = field(default_factory=list)

    @property
    def birth_span(self) -> tuple[dt.date, dt.date]:
        return _birth_span(self.birth, self.precision)

    def event_day(self, kind: str) -> dt.date | None:
        for ev in self.events:
            if ev.kind == kind:
                return dt.date.fromisoformat(ev.date)
        return None


class _Builder:
    """Draws one cell; keeps what must stay unique (names, ID numbers, phones, references)."""

    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.roles = _role_table(today)
        self.template = self.rng.choice(CELLS)
        self.names: set[str] = set()
        self.name_years: set[tuple[str, int]] = set()
        self.id_numbers: set[str] = set()
        self.phones: set[str] = set()
        self.cards: set[str] = set()
        self.references: set[str] = set()

    # ---- identity

    def weighted(self, pairs: Sequence[tuple[str, int]]) -> str:
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    def identity(self, role: str, ages: tuple[int, int]) -> _Draft:
        rng = self.rng
        female_share = 0.35 if role in ("exempt", "deceased") else 0.55
        sex = "female" if rng.random() < female_share else "male"
        ethnicity = self.weighted(ETHNICITY_WEIGHTS)
        religion = self.weighted(RELIGION_WEIGHTS.get(ethnicity, MINORITY_RELIGIONS))
        oldest = _add_years(self.today, -(ages[1] + 1)) + ONE_DAY
        birth = _random_day(rng, oldest, _add_years(self.today, -ages[0]))
        draft = _Draft(
            role, sex, ethnicity, religion, self.native_place(ethnicity, religion), birth
        )
        if birth.year < 1960 and rng.random() < 0.3:
            draft.precision = rng.choice(("month", "year"))
        draft.name = self.unique_name(sex, birth.year, ethnicity)
        return draft

    def native_place(self, ethnicity: str, religion: str) -> _Place:
        if religion in RELIGION_HOMES:
            return self.rng.choice(RELIGION_HOMES[religion])
        if ethnicity in ETHNIC_HOMES:
            return self.rng.choice(ETHNIC_HOMES[ethnicity])
        pool = HOME_PLACES if self.rng.random() < HOME_PLACE_SHARE else OTHER_PLACES
        return self.rng.choice(pool)

    def unique_name(self, sex: str, birth_year: int, ethnicity: str) -> str:
        """Unique without accents while the name pools allow; in a very large cell a repeated
        name gets another birth year, as real namesakes have (the register accepts that)."""
        for attempt in itertools.count():
            name = _nfc(_full_name(self.rng, sex, birth_year, ethnicity))
            key = _fold(name)
            if key not in self.names or (
                attempt >= _NAME_TRIES and (key, birth_year) not in self.name_years
            ):
                self.names.add(key)
                self.name_years.add((key, birth_year))
                return name
        raise AssertionError("unreachable")

    # ---- member histories

    def member(self, role: str) -> _Draft:
        if role == "probationary":
            draft = self.identity(role, (22, 34) if self.template.kind == "school" else (20, 34))
            self.probation(draft)
            return draft
        spec = self.roles[role]
        for _attempt in range(1000):
            draft = self.identity(role, spec.ages)
            decision = self.admission_day(draft, spec.window)
            if decision is not None:
                break
            self.names.discard(_fold(draft.name))
        else:
            raise RuntimeError(f"no admission day fits a {role} member before {self.today}")
        ceremony = _add_working_days(decision, self.rng.randint(3, 25))
        draft.events += [
            DemoEvent("admission_decision", decision.isoformat(), reference=self.ref(decision)),
            DemoEvent("ceremony", ceremony.isoformat()),
        ]
        recognition = _add_months(ceremony, 12)
        draft.events.append(
            DemoEvent("recognition", recognition.isoformat(), reference=self.ref(recognition))
        )
        _AFTERMATH.get(role, _no_aftermath)(self, draft, recognition)
        return draft

    def admission_day(self, draft: _Draft, window: tuple[dt.date, dt.date]) -> dt.date | None:
        """A decision day after the 18th and before the 60th birthday, or None if none fits."""
        earliest_birth, latest_birth = draft.birth_span
        first = max(window[0], _add_years(latest_birth, 18) + dt.timedelta(days=30))
        last = min(window[1], _add_years(earliest_birth, 60) - dt.timedelta(days=30))
        return _early_day(self.rng, first, last) if first <= last else None

    def probation(self, draft: _Draft) -> None:
        """Ceremony within the last 12 months, so recognition is not yet due."""
        first = _add_months(self.today, -12) + dt.timedelta(days=21)
        ceremony = _random_weekday(self.rng, first, self.today)
        decision = _add_working_days(ceremony, -self.rng.randint(5, 25))
        draft.events += [
            DemoEvent("admission_decision", decision.isoformat(), reference=self.ref(decision)),
            DemoEvent("ceremony", ceremony.isoformat()),
        ]

    def ref(self, day: dt.date) -> str:
        """A decision number: the city committee before the 2025 reform, the ward's after."""
        issuer = "ĐU" if day >= REFORM_DAY else "TU"
        number = 1 + day.timetuple().tm_yday // 2 + self.rng.randint(0, 20)
        while f"{number}-QĐ/{issuer}" in self.references:
            number += 1
        self.references.add(f"{number}-QĐ/{issuer}")
        return f"{number}-QĐ/{issuer}"

    def later_day(self, after: dt.date, years_back: int, margin_days: int = 7) -> dt.date:
        """A working day after ``after``, within the last ``years_back`` years."""
        first = max(after + ONE_DAY, _add_years(self.today, -years_back))
        return _random_weekday(self.rng, first, self.today - dt.timedelta(days=margin_days))

    # ---- the rest of the record

    def fill(self, draft: _Draft) -> None:
        """Occupation, profession and theory level, consistent with role and age."""
        rng = self.rng
        if draft.role == "candidate":  # students up to 22, teachers from 23
            unlikely = "Giáo viên" if _age(draft.birth, self.today) <= 22 else "Sinh viên"
            pool = [p for p in CANDIDATE_OCCUPATIONS[self.template.kind] if p[0] != unlikely]
            draft.occupation = self.weighted(pool)
        elif draft.role == "studied":  # a leader in the making
            draft.occupation = LEADER_OCCUPATIONS[self.template.kind]
        else:
            draft.occupation = self.weighted(WORKING_OCCUPATIONS[self.template.kind])
        young = _age(draft.birth, self.today) < 27
        draft.profession = rng.choice(
            [p for p in PROFESSIONS[draft.occupation] if not (young and p.startswith("Thạc sĩ"))]
        )
        if draft.role in ("retired", "exempt", "deceased"):
            draft.occupation = RETIRED
        if draft.role == "studied":
            draft.political_theory = "Cao cấp"
        elif draft.role not in ("candidate", "probationary"):
            draft.political_theory = self.weighted(THEORY_WEIGHTS)

    def fields(self, draft: _Draft) -> dict[str, object]:
        rng = self.rng
        old = draft.birth.year < 1966
        recognised = draft.event_day("recognition") is not None
        return {
            "full_name": draft.name,
            "other_names": self.other_names(draft),
            "sex": draft.sex,
            "birth_date": _birth_text(draft.birth, draft.precision),
            "ethnicity": draft.ethnicity,
            "religion": draft.religion,
            "native_place": draft.native.label(),
            "residence": self.residence(draft),
            "id_number": self.id_number(draft),
            "phone": "" if rng.random() < (0.4 if old else 0.05) else self.phone(),
            "education": self.education(draft),
            "political_theory": draft.political_theory,
            "profession": draft.profession,
            "occupation": draft.occupation,
            "party_card_number": self.card() if recognised else "",
            "notes": "; ".join(draft.notes),
            "membership": "candidate",
        }

    def other_names(self, draft: _Draft) -> str:
        if draft.birth.year < 1960 and draft.native in HOME_PLACES and self.rng.random() < 0.25:
            return f"{self.rng.choice(OTHER_NAME_PREFIXES)} {draft.name.split()[-1]}"
        return ""

    def residence(self, draft: _Draft) -> str:
        rng = self.rng
        if draft.role == "transferred":  # lives where the transfer went
            place = next(e.place for e in draft.events if e.kind == "transfer_out")
            return next(f"{home}, {GIA_LAI}" for org, _, home in TRANSFER_PLACES if org == place)
        ward = rng.choice(self.template.home_wards)
        if ward.startswith("Xã "):
            return f"{ward}, {GIA_LAI}"
        number = str(rng.randint(2, 260)) + rng.choice(("", "", "", "A", f"/{rng.randint(1, 9)}"))
        return f"{number} {rng.choice(QUY_NHON_STREETS)}, {ward}, {GIA_LAI}"

    def id_number(self, draft: _Draft) -> str | None:
        if self.rng.random() < (0.5 if draft.role == "deceased" else 0.08):
            return None
        year = draft.birth.year
        digit = (0 if year < 2000 else 2) + (draft.sex == "female")
        while True:
            number = f"{draft.native.code}{digit}{year % 100:02d}{self.rng.randrange(10**6):06d}"
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def phone(self) -> str:
        while True:
            number = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def card(self) -> str:
        while True:
            number = str(self.rng.randrange(10**11, 10**12))
            if number not in self.cards:
                self.cards.add(number)
                return number

    def education(self, draft: _Draft) -> str:
        """12/12 for most; the northern 10-year system or an unfinished school for some elders."""
        if draft.birth.year < 1966 and draft.native.code in NORTHERN_CODES:
            return "10/10" if self.rng.random() < 0.8 else "12/12"
        no_degree = draft.profession == "" or draft.profession.startswith("Trung cấp")
        if draft.birth.year < 1966 and no_degree and self.rng.random() < 0.5:
            return "9/12"
        return "12/12"

    def add_notes(self, draft: _Draft) -> None:
        rng = self.rng
        decision = draft.event_day("admission_decision")
        if decision and draft.role not in ("transferred", "removed"):
            party_age = _age(decision, draft.event_day("death") or self.today)
            badge = max((y for y in BADGE_YEARS if y <= party_age), default=None)
            if badge and rng.random() < 0.6:
                draft.notes.append(f"Đã nhận Huy hiệu {badge} năm tuổi Đảng")
        if draft.sex == "male" and draft.birth.year <= 1958 and rng.random() < 0.4:
            draft.notes.append("Cựu chiến binh")


def _no_aftermath(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    return None


def _transferred(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    place, reason, _home = builder.rng.choice(TRANSFER_PLACES)
    day = builder.later_day(recognition + dt.timedelta(days=60), 3)
    draft.events.append(DemoEvent("transfer_out", day.isoformat(), reason=reason, place=place))


def _deceased(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    day = builder.later_day(recognition + dt.timedelta(days=30), 5, margin_days=14)
    reason = builder.rng.choice(DEATH_REASONS)
    draft.events.append(DemoEvent("death", day.isoformat(), reason=reason))


def _removed(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    day = builder.later_day(recognition + dt.timedelta(days=180), 3, margin_days=14)
    draft.events.append(
        DemoEvent("removal", day.isoformat(), reason=REMOVAL_REASON, reference=builder.ref(day))
    )


def _exempt(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    seventieth = _add_years(draft.birth_span[1], 70) + ONE_DAY
    day = builder.later_day(max(recognition, seventieth), 8, margin_days=30)
    draft.events.append(DemoEvent("exemption", day.isoformat(), reason=EXEMPTION_REASON))


def _away(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    place, reason = builder.rng.choice(AWAY_PLACES)
    first = max(recognition, _add_months(builder.today, -10))
    day = builder.later_day(first, 1, margin_days=14)
    draft.events.append(DemoEvent("temporary_leave", day.isoformat(), reason=reason, place=place))


def _studied(builder: _Builder, draft: _Draft, recognition: dt.date) -> None:
    """A past study leave of 8–20 months at the regional political academy, now back."""
    first = max(_add_years(recognition, 1), _add_years(builder.today, -12))
    last = _add_years(builder.today, -2)
    if first > last:
        return
    leave = _random_weekday(builder.rng, first, last)
    back = min(
        _add_months(leave, builder.rng.randint(8, 20)), builder.today - dt.timedelta(days=30)
    )
    place, reason = STUDY_PLACE
    draft.events += [
        DemoEvent("temporary_leave", leave.isoformat(), reason=reason, place=place),
        DemoEvent("temporary_return", back.isoformat(), reason="Hoàn thành khóa học", place=place),
    ]


_AFTERMATH = {
    "transferred": _transferred,
    "deceased": _deceased,
    "removed": _removed,
    "exempt": _exempt,
    "away": _away,
    "studied": _studied,
}


# -- names -----------------------------------------------------------------------------------


def _full_name(rng: random.Random, sex: str, birth_year: int, ethnicity: str) -> str:
    if ethnicity == "Ê Đê":  # "Y Kha Niê", "H'Hen Niê"
        given = EDE_PREFIX[sex] + rng.choice(EDE_GIVEN_NAMES[sex])
        return f"{given} {rng.choice(EDE_CLAN_NAMES)}"
    family = _family_name(rng, ethnicity)
    given = _given_name(rng, sex, birth_year)
    middle = [m for m in _middle_names(rng, sex, birth_year, ethnicity) if m != given]
    words = [family, *middle, given]
    if rng.random() < MODERN_TONE_SHARE:
        words = [MODERN_TONE_PLACEMENT.get(w, w) for w in words]
    return " ".join(words)


def _family_name(rng: random.Random, ethnicity: str) -> str:
    if ethnicity in ETHNIC_FAMILY_NAMES:
        return rng.choice(ETHNIC_FAMILY_NAMES[ethnicity])
    names, weights = zip(*FAMILY_NAMES, strict=True)
    return rng.choices(names, weights=weights)[0]


def _middle_names(rng: random.Random, sex: str, birth_year: int, ethnicity: str) -> list[str]:
    """Thị and Văn are common in older names, rarer in younger ones; some names have two."""
    if ethnicity == "Hoa":
        return [rng.choice(HOA_MIDDLE_NAMES[sex])]
    if birth_year < 1960 and sex == "male" and rng.random() < 0.04:
        return []  # a two-word name such as "Lê Hùng"
    female = sex == "female"
    era = 0 if birth_year < 1970 else 1 if birth_year < 1990 else 2
    marker_share = ((0.85, 0.55, 0.3) if female else (0.6, 0.35, 0.15))[era]
    pool = FEMALE_MIDDLE_NAMES if female else MALE_MIDDLE_NAMES
    if rng.random() < marker_share:
        middle = ["Thị" if female else "Văn"]
        if female and birth_year >= 1975 and rng.random() < 0.25:
            middle.append(rng.choice(pool))  # Nguyễn Thị Thu Hà
        return middle
    middle = [rng.choice(pool)]
    if birth_year >= 1990 and rng.random() < 0.15:
        second = rng.choice(pool)
        if second != middle[0]:
            middle.append(second)  # Trần Ngọc Bảo Anh
    return middle


def _given_name(rng: random.Random, sex: str, birth_year: int) -> str:
    classic, modern = (
        (FEMALE_GIVEN_CLASSIC, FEMALE_GIVEN_MODERN)
        if sex == "female"
        else (MALE_GIVEN_CLASSIC, MALE_GIVEN_MODERN)
    )
    if birth_year < 1975:
        return rng.choice(classic)
    if birth_year >= 1995:
        return rng.choice(modern)
    return rng.choice(classic + modern)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    """Accent- and case-free form, as duplicate detection compares names."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _nfc_value(value: object) -> object:
    return _nfc(value) if isinstance(value, str) else value


def _freeze(builder: _Builder, draft: _Draft) -> DemoPerson:
    fields = {k: _nfc_value(v) for k, v in builder.fields(draft).items()}
    events = tuple(
        DemoEvent(_nfc(e.kind), e.date, _nfc(e.reason), _nfc(e.reference), _nfc(e.place))
        for e in draft.events
    )
    return DemoPerson(fields, events)


# -- the cell --------------------------------------------------------------------------------


def _pick_secretary(builder: _Builder, drafts: list[_Draft]) -> _Draft:
    """An official member in the cell today: the one back from the political academy if any,
    else a teacher or civil servant aged 35–58, else any active official member."""
    active = [d for d in drafts if d.role in ("official", "studied")]
    leaders = [d for d in active if d.occupation in LEADER_OCCUPATIONS.values()]
    prime = [d for d in leaders if 35 <= _age(d.birth, builder.today) <= 58]
    studied = [d for d in active if d.role == "studied"]
    secretary = studied[0] if studied else builder.rng.choice(prime or leaders or active)
    if secretary.political_theory in ("", "Sơ cấp"):
        secretary.political_theory = "Trung cấp"
    secretary.notes.insert(0, "Bí thư chi bộ")
    return secretary


def generate_demo_cell(
    seed: int = 2026, today: dt.date | None = None, members: int = 40, candidates: int = 5
) -> DemoCell:
    """A demo cell: ``members`` people with a party history and ``candidates`` without one.

    The same seed and ``today`` always give the same cell. ``today`` defaults to the current
    date; every date in the result is on or before it.
    """
    if isinstance(today, dt.datetime):
        today = today.date()
    today = today or dt.date.today()
    if members < 1:
        raise ValueError("members must be at least 1 (the secretary is an official member)")
    if candidates < 0:
        raise ValueError("candidates cannot be negative")
    if today.year < 2000:
        raise ValueError("today must be in 2000 or later")
    builder = _Builder(seed, today)
    drafts = [builder.member(role) for role in _roles_for(members)]
    drafts.sort(key=lambda d: (d.events[0].date, _fold(d.name)))
    newcomers = []
    for _ in range(candidates):
        ages = (23, 34) if builder.template.kind == "school" else (18, 34)
        newcomers.append(builder.identity("candidate", ages))
    for draft in drafts + newcomers:
        builder.fill(draft)
        builder.add_notes(draft)
    secretary = _pick_secretary(builder, drafts)
    template = builder.template
    cell = {
        "name": template.name,
        "code": template.code,
        "upper_level": template.upper_level,
        "secretary": secretary.name,
        "address": template.address,
    }
    people = tuple(_freeze(builder, d) for d in drafts + newcomers)
    return DemoCell({k: _nfc(v) for k, v in cell.items()}, people)
