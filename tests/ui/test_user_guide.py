"""The user guide (docs/huong-dan/): a page for every task, linked from the index; every
picture there and used; every name in bold is a text the program really shows (so the guide
says "bấm **Sao lưu ngay**" only while that button exists); the HTML the installers ship
(resources/huong-dan/) is the current rendering; the pictures come from the program itself;
Help > User guide (F1) opens it in the browser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app import paths
from desktop_app.ui import guide, style
from desktop_app.ui.main_window import MainWindow
from scripts import guide_screenshots as gs
from scripts import update_translations as ut
from tests.ui import scenes
from tests.ui.conftest import SCREEN_SIZE

TASKS = {  # what the issue asks the guide to cover → its page
    "install": "01-cai-dat.md",
    "create the register": "02-tao-so.md",
    "open the demo": "03-so-mau.md",
    "import a list": "04-nhap-danh-sach.md",
    "add a candidate and walk the procedure": "05-phat-trien-dang-vien.md",
    "record a meeting and its roll call": "06-sinh-hoat.md",
    "print forms": "07-in-bieu-mau.md",
    "back up and restore": "08-sao-luu.md",
    "change the passphrase, the recovery key": "09-mat-khau.md",
    "send to the upper level": "10-gui-cap-tren.md",
    "reports, ratings and the admission quota": "12-bao-cao-xep-loai.md",
    "a member moving to another cell": "13-chuyen-sinh-hoat.md",
    "the upper level's officer": "14-cap-tren.md",
}
KEYS = re.compile(r"^(?:(?:Ctrl|Shift|Alt)\+)*(?:[A-Z]|F\d+|Tab|Enter|Esc|Delete|Ctrl|Alt)$")


def text(page: str) -> str:
    return (gs.GUIDE / page).read_text(encoding="utf-8")


def pages() -> list[Path]:
    return list(gs.pages())


def test_every_task_has_a_page_linked_from_the_index() -> None:
    index = text("index.md")
    linked = set(re.findall(r"\]\(([^)]+\.md)\)", index))
    for task, page in TASKS.items():
        assert (gs.GUIDE / page).is_file(), task
        assert page in linked, task
    assert {p.name for p in pages()} - {"index.md"} == linked


def test_the_upper_level_page_describes_the_windows_page_and_keeps_the_commands() -> None:
    page = text("10-gui-cap-tren.md")
    assert "chưa được làm" not in page  # written when the window had no such page
    assert "**Gửi cấp trên** (Ctrl+6)" in page
    steps = ("**Ghi danh với cấp trên…**", "**Gửi ra USB…**", "**Nhập biên nhận…**")
    for button in steps:
        assert button in page, button
    assert [page.index(b) for b in steps] == sorted(page.index(b) for b in steps)  # in order
    assert "![" in page and "anh/gui-cap-tren.png" in page
    cli = page.index("## Dùng dòng lệnh")
    for command in ("sochibo enrol", "sochibo bundle export", "sochibo receipt import"):
        assert cli < page.index(command, cli), command
    # resending from an entry: only the CLI has it, and the page says so
    assert "sochibo bundle export --to E:\\ --from" in page


def test_the_chapters_name_the_windows_where_things_are_done() -> None:
    """Each new chapter says which page or button of the window does the task."""
    wanted = {
        "12-bao-cao-xep-loai.md": ("**Báo cáo** (Ctrl+7)", "**Xếp loại đảng viên**",
                                   "**Lưu thành PDF…**", "**Xuất ra Excel…**",
                                   "**Lưu chỉ tiêu**"),
        "13-chuyen-sinh-hoat.md": ("**Phiếu chuyển sinh hoạt…**", "**Mã mở phiếu**",
                                   "**Nhận người chuyển đến…**", "**Mở phiếu**"),
        "14-cap-tren.md": ("**Sổ làm việc của cấp trên…**", "**Xem cấp trên mẫu**",
                           "**Ghi danh chi bộ…**", "**Xác nhận vân tay…**", "**Nhận vào sổ**",
                           "**Ghi biên nhận…**", "**Giao chỉ tiêu**"),
    }  # fmt: skip
    for page, names in wanted.items():
        body = text(page)
        assert [n for n in names if n not in body] == [], page


def test_every_picture_is_there_and_used() -> None:
    used = {picture for page in pages() for picture in gs.pictures_used(page.read_text())}
    assert used == {f"anh/{name}.png" for name in gs.SHOTS}
    for picture in used:
        image = QImage(str(gs.GUIDE / picture))
        assert not image.isNull(), picture
    assert {p.name for p in gs.PICTURES.glob("*.png")} == {Path(p).name for p in used}
    every_scene = (*scenes.SCENES, *scenes.UPPER_SCENES)
    assert set(gs.SHOTS.values()) <= {scene.name for scene in every_scene}


def ui_texts() -> set[str]:
    """Every text of the program as the Vietnamese window shows it (mnemonics removed), and
    the fixed start of each text that has a number or a name filled in."""
    found = {style.PRODUCT_NAME}
    for ts in ut.CATALOGUES:
        for message in ET.parse(ts).getroot().iter("message"):
            shown = re.sub(r"&(?=[^&\s])", "", message.findtext("translation") or "")
            shown = shown.replace("&&", "&")
            found.add(shown)
            found.add(shown.removesuffix(" *"))  # a required field's mark
            if "%" in shown or " (" in shown:
                found.add(re.split(r"%\d| \(", shown)[0].rstrip(" :"))
    return found


def test_names_in_bold_are_the_programs_own() -> None:
    known = ui_texts()
    unknown = []
    for page in pages():
        for name in re.findall(r"\*\*(.+?)\*\*", page.read_text(encoding="utf-8")):
            if name not in known and not KEYS.match(name):
                unknown.append((page.name, name))
    assert not unknown, "not a text of the program (see resources/i18n/*.ts):\n" + "\n".join(
        f"  {page}: {name!r}" for page, name in unknown
    )


def test_the_shipped_html_is_the_current_rendering(tmp_path) -> None:
    made = gs.render(gs.GUIDE, tmp_path)
    shipped = sorted(p.relative_to(gs.HTML_OUT) for p in gs.HTML_OUT.rglob("*") if p.is_file())
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert shipped == fresh, "run: python scripts/guide_screenshots.py --render-only"
    for name in fresh:
        assert (gs.HTML_OUT / name).read_bytes() == (tmp_path / name).read_bytes(), name
    assert {p.name for p in made} == {p.with_suffix(".html").name for p in pages()}


def test_markdown_rendering() -> None:
    html = gs.markdown_to_html(
        "# Tiêu đề\n\nBấm **Lưu** rồi `sochibo enrol`, xem [trang 2](02-tao-so.md).\n\n"
        "1. Một\n   tiếp dòng\n\n   ![Hình](anh/x.png)\n"
        "2. Hai\n   - **C**: có mặt\n   - **V**: vắng\n\n"
        "3. Gõ:\n\n   ```\n   sochibo bundle export --to E:\\\n   ```\n\n"
        "> Lưu ý *quan trọng*.\n\n| Phím | Việc |\n| --- | --- |\n| F1 | Hướng dẫn |\n"
    )
    assert "<h1>Tiêu đề</h1>" in html
    assert "<strong>Lưu</strong>" in html and "<code>sochibo enrol</code>" in html
    assert '<a href="02-tao-so.html">trang 2</a>' in html
    assert '<li>Một tiếp dòng<figure><img src="anh/x.png" alt="Hình">' in html
    assert (
        "<li>Hai<ul><li><strong>C</strong>: có mặt</li><li><strong>V</strong>: vắng</li></ul></li>"
        in html
    )
    assert "<li>Gõ:<pre>sochibo bundle export --to E:\\</pre></li>" in html
    assert '<div class="note">Lưu ý <em>quan trọng</em>.</div>' in html
    assert "<th>Phím</th>" in html and "<td>F1</td>" in html and "---" not in html
    assert "<script" not in gs.markdown_to_html("<script>alert(1)</script>")


def test_the_pictures_come_from_the_program(vietnamese, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(gs.tempfile, "gettempdir", lambda: str(tmp_path))
    names = ["cai-dat", "cap-tren-chi-bo", "them-quan-chung"]  # the upper level's in between
    made = gs.take_pictures(tmp_path / "anh", names)
    assert [p.name for p in made] == [f"{name}.png" for name in names]
    window, upper, dialog = (QImage(str(p)) for p in made)
    assert (window.width(), window.height()) == SCREEN_SIZE
    assert (upper.width(), upper.height()) == SCREEN_SIZE
    assert 0 < dialog.width() < SCREEN_SIZE[0]
    assert not (tmp_path / "SoChiBo").exists()  # the run's demo register is gone


# -- Help > User guide ------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, demo_runner, settings, vietnamese) -> MainWindow:
    window = MainWindow(demo_runner, settings)
    qtbot.addWidget(window)
    return window


def test_help_opens_the_guide_in_the_browser(window, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(guide.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = window.menuBar().actions()[-1].menu()
    action = next(a for a in help_menu.actions() if a.text() == "&Hướng dẫn sử dụng")
    assert action is window.guide_action and action.shortcut().toString() == "F1"
    action.trigger()
    assert [url.toLocalFile() for url in opened] == [
        str(paths.resources_dir() / "huong-dan" / "index.html")
    ]
    assert Path(opened[0].toLocalFile()).is_file()


def test_a_missing_guide_is_said_plainly(window, monkeypatch, tmp_path, told) -> None:
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(guide.QDesktopServices, "openUrl", lambda url: pytest.fail("opened"))
    window.guide_action.trigger()
    assert told and told[0][0] == "Hướng dẫn sử dụng"
    assert "không được cài kèm" in told[0][1]
