"""The person record: its fields, their Vietnamese labels and the validation of one record."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.domain import catalogs
from desktop_app.domain.dates import (
    DateFormatError,
    PartialDate,
    add_months,
    parse_full,
    parse_partial,
)
from desktop_app.domain.errors import Problem
from desktop_app.domain.names import clean_multiline, clean_text
from desktop_app.domain.numbers import vn_int

MEMBERSHIPS = ("candidate", "probationary", "official")
SEXES = ("male", "female")


@dataclass(frozen=True)
class FieldSpec:
    label: str
    max_length: int = 200
    kind: str = "text"  # text, multiline, partial_date, date, choice


FIELDS: dict[str, FieldSpec] = {
    "full_name": FieldSpec("Họ và tên", 100),
    "other_names": FieldSpec("Tên gọi khác", 200),
    "sex": FieldSpec("Giới tính", 10, "choice"),
    "birth_date": FieldSpec("Ngày sinh", 10, "partial_date"),
    "ethnicity": FieldSpec("Dân tộc", 60, "choice"),
    "religion": FieldSpec("Tôn giáo", 80, "choice"),
    "native_place": FieldSpec("Quê quán", 300),
    "residence": FieldSpec("Nơi thường trú", 300),
    "id_number": FieldSpec("Số định danh cá nhân", 20),
    "phone": FieldSpec("Số điện thoại", 20),
    "education": FieldSpec("Giáo dục phổ thông", 20),
    "political_theory": FieldSpec("Lý luận chính trị", 60),
    "profession": FieldSpec("Chuyên môn nghiệp vụ", 200),
    "occupation": FieldSpec("Nghề nghiệp", 200),
    "membership": FieldSpec("Diện", 20, "choice"),
    "admission_decision_date": FieldSpec("Ngày quyết định kết nạp", 10, "date"),
    "ceremony_date": FieldSpec("Ngày vào Đảng (lễ kết nạp)", 10, "date"),
    "official_date": FieldSpec("Ngày chính thức", 10, "date"),
    "party_card_number": FieldSpec("Số thẻ đảng viên", 20),
    "notes": FieldSpec("Ghi chú", 4000, "multiline"),
}
EDITABLE = tuple(FIELDS)
DATE_FIELDS = tuple(k for k, f in FIELDS.items() if f.kind == "date")
SEX_LABELS = {"male": "Nam", "female": "Nữ"}
MEMBERSHIP_LABELS = {"candidate": "Quần chúng", "probationary": "Dự bị", "official": "Chính thức"}
POLITICAL_THEORY = ("", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")

_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
_PHONE = re.compile(r"^(?:0|\+84)\d{9,10}$")
_CARD = re.compile(r"^[0-9][0-9. ]{0,19}$")


@dataclass
class Checked:
    """Cleaned values plus what is wrong (blocks saving) and what is odd (does not)."""

    values: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, name: str, message: str) -> None:
        self.problems.append(Problem(name, FIELDS[name].label, message))

    def warn(self, name: str, message: str) -> None:
        self.warnings.append(Problem(name, FIELDS[name].label, message))


def check_person(
    data: dict[str, object], today: dt.date, probation_months: Callable[[dt.date], int]
) -> Checked:
    """Clean and check a whole person record (all fields present after merging an update).
    ``probation_months(ceremony)`` comes from the rule table in force on the ceremony day."""
    out = Checked()
    for name, spec in FIELDS.items():
        raw = data.get(name)
        text = (
            clean_multiline(str(raw))
            if spec.kind == "multiline"
            else clean_text("" if raw is None else str(raw))
        )
        if len(text) > spec.max_length:
            limit = vn_int(spec.max_length)
            out.error(name, f"quá dài ({vn_int(len(text))} ký tự, tối đa {limit})")
        out.values[name] = text
    too_long = {p.field for p in out.problems}
    _check_name(out)
    _check_choices(out)
    _check_birth(out, today)
    _check_id_number(out)
    _check_contacts(out)
    _check_party_dates(out, today, probation_months)
    out.problems = [p for p in out.problems if p.field not in too_long or "quá dài" in p.message]
    return out


def _check_name(out: Checked) -> None:
    name = str(out.values["full_name"])
    if not name:
        out.error("full_name", "không được để trống")
    elif not _NAME_CHARS.match(name):
        out.error("full_name", "chỉ gồm chữ cái, dấu cách, dấu nối")
    elif len(name.split()) < 2:
        out.error("full_name", "cần có cả họ và tên")


def _check_choices(out: Checked) -> None:
    sex = str(out.values["sex"]).casefold()
    sex = {"nam": "male", "nữ": "female", "nu": "female"}.get(sex, sex)
    if sex not in SEXES:
        out.error("sex", "chọn Nam hoặc Nữ")
    out.values["sex"] = sex
    for name, match, what in (
        ("ethnicity", catalogs.match_ethnicity, "54 dân tộc"),
        ("religion", catalogs.match_religion, "tôn giáo"),
    ):
        text = str(out.values[name])
        if text:
            found = match(text)
            if found is None:
                out.error(name, f"«{text}» không có trong danh mục {what}")
            out.values[name] = found or text
    membership = str(out.values["membership"]) or "candidate"
    if membership not in MEMBERSHIPS:
        out.error("membership", f"«{membership}» không phải quần chúng, dự bị hay chính thức")
    out.values["membership"] = membership
    theory = str(out.values["political_theory"])
    if theory not in POLITICAL_THEORY:
        out.warn("political_theory", f"«{theory}» không thuộc Sơ cấp, Trung cấp, Cao cấp, Cử nhân")


def _check_birth(out: Checked, today: dt.date) -> None:
    text = str(out.values["birth_date"])
    if not text:
        out.warn("birth_date", "chưa có ngày sinh")
        out.values["birth_date"] = None
        return
    try:
        value = parse_partial(text)
    except DateFormatError as exc:
        out.error("birth_date", str(exc))
        out.values["birth_date"] = None
        return
    assert value is not None
    if value.earliest() > today:
        out.error("birth_date", f"{value.vn()} là ngày trong tương lai")
    elif value.year < today.year - 120:
        out.error("birth_date", f"năm {value.year} quá xa (hơn 120 tuổi)")
    out.values["birth_date"] = value.iso()


def _check_id_number(out: Checked) -> None:
    text = re.sub(r"[ .]", "", str(out.values["id_number"]))
    out.values["id_number"] = text or None
    if not text:
        return
    if not text.isascii() or not text.isdigit():
        out.error("id_number", "chỉ gồm chữ số (12 chữ số, giữ cả số 0 ở đầu)")
    elif len(text) != 12:
        out.error("id_number", f"phải đủ 12 chữ số (đang có {len(text)})")
    else:
        _warn_id_birth(out, text)


def _warn_id_birth(out: Checked, number: str) -> None:
    """CCCD digits 4–6 code the century, sex and birth year (Thông tư 59/2021/TT-BCA)."""
    birth = out.values.get("birth_date")
    code = int(number[3])
    if not birth or code > 9:
        return
    year = int(str(birth)[:4])
    century, female = 1900 + 100 * (code // 2), code % 2 == 1
    if century + int(number[4:6]) != year:
        out.warn("id_number", f"chữ số 5–6 ({number[4:6]}) không khớp năm sinh {year}")
    if out.values.get("sex") in SEXES and female != (out.values["sex"] == "female"):
        out.warn("id_number", "chữ số thứ 4 không khớp giới tính")


def _check_contacts(out: Checked) -> None:
    phone = re.sub(r"[ .\-]", "", str(out.values["phone"]))
    if phone and not _PHONE.match(phone):
        out.error("phone", "không đúng dạng số điện thoại (ví dụ 0912345678)")
    out.values["phone"] = phone
    card = str(out.values["party_card_number"])
    if card and not _CARD.match(card):
        out.error("party_card_number", "chỉ gồm chữ số")


def _check_party_dates(
    out: Checked, today: dt.date, probation_months: Callable[[dt.date], int]
) -> None:
    dates: dict[str, dt.date | None] = {}
    for name in DATE_FIELDS:
        try:
            dates[name] = parse_full(str(out.values[name]))
        except DateFormatError as exc:
            out.error(name, str(exc))
            dates[name] = None
        value = dates[name]
        if value and value > today:
            out.error(name, f"{value:%d/%m/%Y} là ngày trong tương lai")
        out.values[name] = value.isoformat() if value else None
    decision, ceremony, official = (dates[n] for n in DATE_FIELDS)
    if decision and ceremony and ceremony < decision:
        out.error("ceremony_date", "lễ kết nạp không thể trước ngày quyết định kết nạp")
    months = probation_months(ceremony) if ceremony else 0
    if ceremony and official and official < add_months(ceremony, months):
        out.error(
            "official_date",
            f"phải từ {add_months(ceremony, months):%d/%m/%Y} trở đi "
            f"(đủ {months} tháng dự bị kể từ lễ kết nạp)",
        )
    birth = out.values.get("birth_date")
    first = ceremony or decision
    if birth and first and PartialDate.from_iso(str(birth)).earliest() > first:
        out.error("birth_date", "ngày sinh sau ngày vào Đảng")
    _check_membership_dates(out, ceremony, official)


def _check_membership_dates(
    out: Checked, ceremony: dt.date | None, official: dt.date | None
) -> None:
    membership = out.values["membership"]
    if membership == "candidate" and (ceremony or official):
        out.error("membership", "quần chúng chưa có ngày vào Đảng hay ngày chính thức")
    if membership == "probationary" and official:
        out.error("membership", "đảng viên dự bị chưa có ngày chính thức")
    if membership == "probationary" and not ceremony:
        out.warn("ceremony_date", "đảng viên dự bị cần ngày lễ kết nạp để tính hạn dự bị")
