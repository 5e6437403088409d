"""``sochibo forms|print``: the list of forms, PDFs identical to the window's, numbers taken
once, previews that take none, and refusals on stderr that write nothing."""

from __future__ import annotations

import pytest

from desktop_app.forms import registry
from desktop_app.services import registers
from desktop_app.store import journal
from tests.cli.conftest import PASS
from tests.cli.test_cli import as_json, run
from tests.conftest import TODAY
from tests.forms.pdfcheck import assert_sound
from tests.forms.test_forms import PERSON_FORMS
from tests.services import pipeline

ON = "22/11/2026"


@pytest.fixture
def walked(reg):
    """A cell whose candidate went all the way to official membership."""
    with registers.open_register(reg, PASS) as opened:
        cell = pipeline.small_cell(opened)
        pipeline.to_official(opened, cell)
    return cell


def _head(reg):
    with registers.open_register(reg, PASS):
        return journal.head()


def test_forms_list(reg, capsys):
    forms = as_json(capsys, "forms", "list", "--register", reg)
    assert [f["code"] for f in forms] == [
        *PERSON_FORMS,
        "7-HSĐV",
        "DS-KT",
        "BB-SH",
        "RS-NPT",
        "VIEC",
        "BC-TK",
    ]
    assert forms[2] == {
        "code": "6-KNĐ",
        "title": "Nghị quyết đề nghị kết nạp đảng viên (của chi bộ)",
        "subject": "person",
        "numbered": True,
        "note": "Số liệu biểu quyết lấy từ sổ; phần nhận xét ưu, khuyết điểm để viết tay.",
    }
    code, out, _ = run(capsys, "forms", "list", "--register", reg)
    assert code == 0 and "13-KNĐ   Nghị quyết đề nghị công nhận đảng viên chính thức" in out


def test_print_writes_the_same_pdf_as_the_window_and_takes_one_number(
    reg, walked, capsys, tmp_path
):
    pid = walked.candidate
    out = tmp_path / "13-knd.pdf"
    done = as_json(capsys, "print", "13-KNĐ", "--person", pid[:8], "--out", out,
                   "--on", ON, "--register", reg)  # fmt: skip
    assert done["form"] == "13-KNĐ" and done["out"] == str(out) and out.stat().st_size > 0
    pdf = assert_sound(out.read_bytes())
    assert pdf.one("Số 04-NQ/CB")  # 03-NQ/CB was typed on the admission vote
    with registers.open_register(reg, PASS) as opened:
        head = journal.head()
        assert registry.render(opened, "13-KNĐ", person_id=pid, today=TODAY) == out.read_bytes()
        assert journal.head() == head  # the reprint took no new number
    as_json(capsys, "print", "6-knd", "--person", pid[:8], "--out", tmp_path / "6.pdf",
            "--on", ON, "--register", reg)  # fmt: skip
    numbers = as_json(capsys, "forms", "numbers", "--register", reg)
    assert [(n["form"], n["text"]) for n in numbers] == [
        ("6-KNĐ", "03-NQ/CB"),
        ("13-KNĐ", "04-NQ/CB"),
    ]
    applies = as_json(capsys, "forms", "list", "--person", pid[:8], "--on", ON, "--register", reg)
    assert [f["code"] for f in applies] == PERSON_FORMS


def test_a_draft_takes_no_number(reg, walked, capsys, tmp_path):
    head = _head(reg)
    out = tmp_path / "nhap.pdf"
    code, _, err = run(capsys, "print", "13-KNĐ", "--person", walked.candidate, "--out", out,
                       "--draft", "--on", ON, "--register", reg)  # fmt: skip
    assert code == 0, err
    assert "Số ........-NQ/CB" in assert_sound(out.read_bytes()).text()
    assert _head(reg) == head


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("13-KNĐ", "--person", "OFFICIAL"), "«Nguyễn Văn An» chưa có biểu quyết"),
        (("3-KNĐ", "--person", "OFFICIAL"), "«Nguyễn Văn An» không phải quần chúng"),
        (("13-KNĐ",), "hãy chọn người"),
        (("9-KNĐ", "--person", "OFFICIAL"), "Không có mẫu «9-KNĐ»"),
        (("13-KNĐ", "--person", "zzzzzzzz"), "«zzzzzzzz»"),
    ],
)
def test_refusals_name_the_person_and_write_nothing(reg, walked, capsys, tmp_path, args, says):
    head = _head(reg)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.pdf"
    args = tuple(walked.officials[0] if a == "OFFICIAL" else a for a in args)
    code, _, err = run(capsys, "print", *args, "--out", out, "--on", ON, "--register", reg)
    assert code == 1 and says in err and err.startswith("Lỗi: ")
    assert list(folder.iterdir()) == []  # no PDF, no half-written file
    assert _head(reg) == head


def test_the_output_must_be_a_pdf_in_an_existing_folder(reg, walked, capsys, tmp_path):
    for target, says in ((tmp_path / "x.txt", "đuôi .pdf"), (tmp_path / "no" / "x.pdf", "thư mục")):
        code, _, err = run(capsys, "print", "13-KNĐ", "--person", walked.candidate,
                           "--out", target, "--register", reg)  # fmt: skip
        assert code == 1 and says in err
