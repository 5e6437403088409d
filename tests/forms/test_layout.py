"""The document frame of HD 36 and the font rules, without a register: dates, the header's
columns, wrapping and pagination inside the margins, page numbers from page 2, NFC text, and
the preflight that refuses a character the font cannot draw."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from desktop_app.domain.errors import DomainError
from desktop_app.forms import fonts
from desktop_app.forms.facts import place_of, upper_body
from desktop_app.forms.layout import (
    MARGINS,
    PAGE,
    Document,
    Head,
    Issuer,
    Recipients,
    Signature,
    Value,
    date_line,
    party_date,
)
from desktop_app.forms.resolution import percent
from tests.forms.pdfcheck import assert_sound

MM = 72 / 25.4
ISSUER = Issuer("Đảng bộ phường Quy Nhơn Nam", "Chi bộ Trường THPT Nguyễn Trân")


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (dt.date(2026, 1, 22), "ngày 22 tháng 01 năm 2026"),
        (dt.date(2026, 2, 9), "ngày 09 tháng 02 năm 2026"),
        (dt.date(2021, 11, 22), "ngày 22 tháng 11 năm 2021"),
        (dt.date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    ],
)
def test_dates_have_a_leading_zero_below_ten_and_in_january_and_february(day, text):
    assert party_date(day) == text


def test_an_unknown_date_or_place_prints_dotted_blanks():
    assert date_line(None, None) == "................, ngày ....... tháng ....... năm ......."
    assert date_line("Quy Nhơn Nam", dt.date(2026, 3, 5)) == (
        "Quy Nhơn Nam, ngày 05 tháng 3 năm 2026"
    )


@pytest.mark.parametrize(
    ("address", "place"),
    [
        ("25 Nguyễn Thị Minh Khai, Phường Quy Nhơn Nam, tỉnh Gia Lai", "Quy Nhơn Nam"),
        ("Thôn 3, xã Phù Mỹ, tỉnh Gia Lai", "Phù Mỹ"),
        ("Đặc khu Phú Quốc, tỉnh An Giang", "Phú Quốc"),
        ("12 Lê Lợi, Quy Nhơn", None),
        ("", None),
    ],
)
def test_the_place_name_is_the_commune_or_ward_of_the_address(address, place):
    assert place_of(address) == place


def test_the_upper_line_is_the_party_organisation_of_the_upper_committee():
    assert upper_body("Đảng ủy phường Quy Nhơn Nam") == "Đảng bộ phường Quy Nhơn Nam"
    assert upper_body("Đảng uỷ xã Phù Mỹ") == "Đảng bộ xã Phù Mỹ"
    assert upper_body("Đảng bộ Khối cơ quan") == "Đảng bộ Khối cơ quan"


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [(28, 30, "93,33%"), (30, 30, "100%"), (2, 3, "66,67%"), (0, 29, "0%"), (1, 8, "12,5%")],
)
def test_percent_is_written_with_a_decimal_comma(part, whole, text):
    assert percent(part, whole) == text


def _letter(name: str = "Nguyễn Văn An", **head) -> Document:
    doc = Document("THỬ", "Văn bản thử")
    fields = {"issuer": ISSUER, "number": "01-NQ/CB", "place": "Quy Nhơn Nam",
              "date": dt.date(2026, 3, 5)} | head  # fmt: skip
    doc.head(Head(**fields))
    doc.title("Nghị quyết", "đề nghị kết nạp đảng viên")
    doc.paragraph("Chi bộ đề nghị kết nạp quần chúng ", Value(name, "họ và tên"), ".")
    doc.closing(
        Signature(("T/M CHI BỘ", "BÍ THƯ"), Value("Trần Thị Thu Hà", "bí thư")),
        Recipients((("- ", Value("Đảng ủy phường Quy Nhơn Nam", "cấp trên"), ","),)),
    )
    return doc


def test_the_header_follows_hd36():
    pdf = assert_sound(_letter().build())
    width = PAGE[0]
    party = pdf.one("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert party.page == 1 and party.x0 > width / 2 - 30 and party.top < MARGINS.top + 20
    assert party.fontnames == {"LiberationSerif-Bold"}
    rule = [line for line in pdf.pages[0].lines if abs(line["top"] - party.bottom) < 6]
    assert len(rule) == 1
    assert abs(rule[0]["x0"] - party.x0) < 1 and abs(rule[0]["x1"] - party.x1) < 1
    upper, cell = pdf.one("ĐẢNG BỘ PHƯỜNG"), pdf.one("CHI BỘ TRƯỜNG")
    assert upper.fontnames == {"LiberationSerif"} and cell.fontnames == {"LiberationSerif-Bold"}
    assert upper.x1 < width / 2 and upper.top < cell.top
    star = pdf.one("*")
    number = pdf.one("Số 01-NQ/CB")
    assert cell.top < star.top < number.top and number.x1 < width / 2
    assert "Số:" not in pdf.text()
    centre = (cell.x0 + cell.x1) / 2
    assert abs((star.x0 + star.x1) / 2 - centre) < 15
    date = pdf.one("Quy Nhơn Nam, ngày 05 tháng 3 năm 2026")
    assert date.fontnames == {"LiberationSerif-Italic"} and date.x0 > number.x1
    assert abs(date.top - number.top) < 2  # the number and the date share a line
    kind, subject = pdf.one("NGHỊ QUYẾT"), pdf.one("đề nghị kết nạp đảng viên")
    assert kind.fontnames == subject.fontnames == {"LiberationSerif-Bold"}
    assert date.bottom < kind.top < subject.top
    assert abs((kind.x0 + kind.x1) / 2 - (MARGINS.left + width - MARGINS.right) / 2) < 2
    signer = pdf.one("T/M CHI BỘ")
    label = pdf.one("Nơi nhận:")
    assert signer.x0 > width / 2 and label.x1 < width / 2 and abs(signer.top - label.top) < 3
    assert pdf.one("- Lưu chi bộ.").top > label.top
    assert pdf.one("Trần Thị Thu Hà").top > pdf.one("BÍ THƯ").top + 20 * MM


def test_a_very_long_name_wraps_inside_the_margins():
    long_name = "Nguyễn Thị Hoàng Phương Thảo Nguyên Khánh Linh Ngọc Bảo Châu Mai Anh Thư Hà"
    issuer = Issuer(
        "Đảng bộ Khối các cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh",
        "Chi bộ Văn phòng Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai và các hội quần chúng",
    )
    pdf = assert_sound(_letter(long_name * 3, issuer=issuer).build())
    assert long_name * 2 in pdf.flat()  # wrapped, never cut
    header = [w for w in pdf.pages[0].extract_words() if w["top"] < 60 * MM]
    assert max(w["x1"] for w in header) <= PAGE[0] - MARGINS.right + 0.5


def test_long_text_paginates_and_numbers_pages_from_the_second():
    doc = _letter()
    for n in range(60):
        doc.paragraph(f"Đoạn {n + 1}: chi bộ thảo luận, thống nhất kết luận về nội dung. " * 3)
    doc.writing_lines(40)
    doc.new_document()
    doc.head(Head(None, None, "Quy Nhơn Nam", None))
    doc.title("Giấy giới thiệu người vào Đảng", dashes=False)
    doc.writing_lines(60)
    pdf = assert_sound(doc.build())
    numbers = pdf.page_numbers()
    first = numbers.index(None, 1)  # the second document starts without a number
    assert numbers[0] is None
    assert numbers[1:first] == [str(n) for n in range(2, first + 1)]
    assert numbers[first + 1 :] == [str(n) for n in range(2, len(numbers) - first + 1)]
    assert len(numbers) - first >= 2
    assert "Đoạn 60:" in pdf.text()


def test_text_is_printed_in_nfc_even_from_nfd_input():
    decomposed = unicodedata.normalize("NFD", "Huỳnh Thị Mỹ Duyên")
    assert decomposed != "Huỳnh Thị Mỹ Duyên"
    pdf = assert_sound(_letter(decomposed).build())
    assert "Huỳnh Thị Mỹ Duyên" in pdf.text()


def test_a_blank_fact_prints_dots_never_text():
    doc = Document("THỬ", "Thử")
    doc.line("Chủ trì hội nghị: đồng chí ", Value(None, "chủ trì"))
    doc.paragraph("Có mặt: ", Value("", "số có mặt", blank=6), " đồng chí.")
    pdf = assert_sound(doc.build())
    lines = pdf.text().splitlines()
    assert lines[0].startswith("Chủ trì hội nghị: đồng chí ....")
    assert lines[1] == "Có mặt: ...... đồng chí."
    chair = pdf.one("Chủ trì hội nghị")
    dots = [c for c in pdf.pages[0].chars if c["text"] == "." and abs(c["top"] - chair.top) < 1]
    assert max(c["x1"] for c in dots) > PAGE[0] - MARGINS.right - 5  # dotted to the line end


@pytest.mark.parametrize(("char", "code"), [("中", "U+4E2D"), ("😀", "U+1F600")])
def test_preflight_refuses_a_character_the_font_lacks_naming_it(char, code):
    with pytest.raises(fonts.MissingGlyphError) as caught:
        _letter(f"Nguyễn Văn {char}An").build()
    message = str(caught.value)
    assert isinstance(caught.value, DomainError)
    assert f"«{char}»" in message and code in message
    assert "THỬ" in message and "«họ và tên»" in message and "Nguyễn Văn" in message


def test_preflight_passes_every_vietnamese_letter():
    letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    text = letters + letters.upper() + " …–—«»“”/-*.,;:()%0123456789"
    assert fonts.preflight(text, form="THỬ", field="chữ") == text
    assert fonts.missing(text) == []


def test_fonts_register_once():
    fonts.register()
    fonts.register()
    from reportlab.pdfbase import pdfmetrics

    registered = [n for n in pdfmetrics.getRegisteredFontNames() if "Liberation" in n]
    assert sorted(registered) == sorted(fonts.FILES)
