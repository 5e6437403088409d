#!/usr/bin/env python3
"""Make the user guide's pictures and its HTML: ``python scripts/guide_screenshots.py``.

1. The pictures (``docs/huong-dan/anh/*.png``) are taken from the program itself, in Vietnamese,
   on the demo register, at 1280×800, with the scenes of ``tests/ui/scenes.py`` (the same
   states the tests look at), so they stay current: run this again after changing a window.
2. The guide's Markdown (``docs/huong-dan/*.md``) is rendered to HTML, with the pictures it
   uses, in ``resources/huong-dan/``: the installers ship everything in ``resources/``, and
   Help > User guide (F1) opens ``resources/huong-dan/index.html`` in the browser.

``--render-only`` skips the pictures (after editing the text). ``tests/ui/test_user_guide.py``
fails when the HTML is older than the Markdown.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: the program and the test scenes
    sys.path.insert(0, str(ROOT))

GUIDE = ROOT / "docs" / "huong-dan"
PICTURES = GUIDE / "anh"
HTML_OUT = ROOT / "resources" / "huong-dan"

# picture name (docs/huong-dan/anh/NAME.png) → scene of tests/ui/scenes.py (SCENES: the cell's
# window on the demo register; UPPER_SCENES: the upper level's window on its demo)
SHOTS = {
    "chao-mung": "welcome",
    "tao-so-1-chi-bo": "wizard-cell",
    "tao-so-2-mat-khau": "wizard-place",
    "tao-so-3-khoa-khoi-phuc": "wizard-key",
    "mo-so": "unlock",
    "mo-so-bang-khoa": "unlock-recovery",
    "hom-nay": "today",
    "dang-vien": "members",
    "ho-so-dang-vien": "member-detail",
    "them-nguoi": "member-add",
    "nhap-1-chon-cot": "import-columns",
    "nhap-2-xem-truoc": "import-preview",
    "them-quan-chung": "candidate-add",
    "phat-trien-dang-vien": "candidates-steps",
    "ho-so-ket-nap": "candidates-dossier",
    "ghi-buoc": "step-introduction",
    "ghi-bieu-quyet": "vote",
    "sinh-hoat": "meetings",
    "them-buoi-sinh-hoat": "meeting-add",
    "vang-co-ly-do": "roll-reason",
    "bang-diem-danh": "meetings-grid",
    "bieu-mau": "forms",
    "cai-dat": "settings",
    "doi-mat-khau": "passphrase",
    "khoa-khoi-phuc-moi": "recovery-key",
    "lich-su-thay-doi": "history-person",
    "gui-cap-tren": "sync",
    "ghi-danh-cap-tren": "sync-enrol",
    "gui-cap-tren-da-gui": "sync-sent",
    "bien-nhan": "sync-receipt",
    "bao-cao": "reports",
    "xep-loai": "reports-ratings",
    "phieu-chuyen": "transfer-slip",
    "phieu-chuyen-ma": "transfer-slip-written",
    "nhan-chuyen-den": "transfer-receive-preview",
    # the upper level's window (scenes.UPPER_SCENES), on the demo upper level
    "cap-tren-chi-bo": "upper-cells",
    "cap-tren-ghi-danh": "upper-enrol",
    "cap-tren-nhan-goi": "upper-inbox",
    "cap-tren-van-tay": "upper-fingerprint",
    "cap-tren-bang-theo-doi": "upper-board",
    "cap-tren-quyet-dinh": "upper-decisions",
}


# -- pictures ---------------------------------------------------------------------------------


class Waiter:
    """What the scenes need of pytest-qt's ``qtbot`` outside a test."""

    def addWidget(self, widget) -> None:
        self.widget = widget

    def waitUntil(self, ready: Callable[[], bool], timeout: int = 15_000) -> None:
        from PySide6.QtWidgets import QApplication

        end = time.monotonic() + timeout / 1000
        while not ready():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get ready in time")
            QApplication.processEvents()
            time.sleep(0.01)


def take_pictures(out: Path, names: list[str] | None = None) -> list[Path]:
    """The guide's pictures (all, or ``names``) as PNG files in ``out``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.gettempdir()) / "SoChiBo"  # the same path in every picture
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    os.environ["SOCHIBO_HOME"] = str(home)  # the demo register and settings of this run only
    try:
        return _take(out, names or list(SHOTS), home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _take(out: Path, names: list[str], home: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import i18n, style
    from tests.ui import scenes

    app = QApplication.instance() or QApplication([sys.argv[0]])
    i18n.install(app, "vi")
    style.apply(app)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(home / "settings"))
    upper_names = {scene.name for scene in scenes.UPPER_SCENES}
    cell = [name for name in names if SHOTS[name] not in upper_names]
    upper = [name for name in names if SHOTS[name] in upper_names]
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    if cell:
        made.update(_shoot(app, out, cell, home, _cell_register, scenes.make_stage))
    if upper:
        made.update(_shoot(app, out, upper, home, _upper_workspace, scenes.make_upper_stage))
    return [made[name] for name in names]


def _cell_register(home: Path):
    """The demo register, made as the program makes it."""
    from desktop_app import paths
    from desktop_app.services import registers
    from desktop_app.store.keys import FAST_KDF_FOR_TESTS
    from tests.ui import scenes

    path = paths.demo_register()
    return registers.create_demo(path, kdf=FAST_KDF_FOR_TESTS, today=scenes.TODAY)[0]


def _upper_workspace(home: Path):
    """The demo upper level (its workspace, its cells, the stick with a bundle waiting), in
    the folder the upper level's scenes look in."""
    from desktop_app.services import demo_upper
    from desktop_app.store.keys import FAST_KDF_FOR_TESTS
    from tests.ui import scenes

    folder = home / scenes.UPPER_FOLDER
    made = demo_upper.create_demo_upper(folder, kdf=FAST_KDF_FOR_TESTS, today=scenes.TODAY)
    return made.register


def _shoot(app, out: Path, names: list[str], home: Path, make, make_stage) -> dict[str, Path]:
    """The pictures ``names`` of one window: its register made on the database thread (as the
    program does), the window staged, each scene shown and grabbed."""
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.ui.settings import Settings
    from desktop_app.ui.tasks import TaskRunner
    from tests.ui import scenes

    runner = TaskRunner()
    runner.adopt(runner.call(lambda: make(home)).result(timeout=300))
    by_name = {scene.name: scene for scene in (*scenes.SCENES, *scenes.UPPER_SCENES)}
    wanted = tuple(by_name[SHOTS[name]] for name in names)
    made = {}
    settings = Settings()
    try:
        stage = make_stage(Waiter(), runner, settings, home)
        for name, (_scene, widget) in zip(names, scenes.each_scene(stage, wanted), strict=True):
            if isinstance(widget, QMainWindow):
                widget.resize(*scenes.SCREEN_SIZE)
            app.processEvents()
            target = out / f"{name}.png"
            if not widget.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            made[name] = target
        stage.window.close()
    finally:
        runner.shutdown()
        settings.sync()  # written now, in the run's folder: nothing left to write at exit
    return made


# -- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Hướng dẫn sử dụng Sổ Chi bộ</title>
<style>
body {{ font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; font-size: 18px;
  line-height: 1.55; color: #1f1f1f; background: #fbfaf8; margin: 0; }}
main {{ max-width: 960px; margin: 0 auto; padding: 24px 28px 60px; }}
nav {{ font-size: 16px; margin-bottom: 18px; }}
h1, h2, h3 {{ color: #a4161a; line-height: 1.25; }}
h1 {{ font-size: 30px; }} h2 {{ font-size: 24px; margin-top: 36px; }} h3 {{ font-size: 20px; }}
li {{ margin: 6px 0; }}
strong {{ background: #fff1d6; padding: 0 3px; border-radius: 3px; }}
code, pre {{ font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 16px;
  background: #f1ede6; border-radius: 4px; }}
code {{ padding: 1px 4px; }} pre {{ padding: 10px 14px; overflow-x: auto; }}
figure {{ margin: 18px 0; }}
img {{ max-width: 100%; border: 1px solid #c9c2b5; border-radius: 4px; }}
figcaption {{ font-size: 15px; color: #5c5c5c; }}
.note {{ background: #fff6dc; border: 1px solid #e9c46a; border-radius: 4px;
  padding: 10px 14px; margin: 16px 0; }}
table {{ border-collapse: collapse; margin: 12px 0; }}
td, th {{ border: 1px solid #ddd5c8; padding: 6px 10px; text-align: left; }}
th {{ background: #f5f1ea; }}
</style>
</head>
<body>
<main>
{nav}
{body}
</main>
</body>
</html>
"""

IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)\)$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def inline(text: str) -> str:
    """Bold, code and links of one line, the rest escaped."""
    parts = re.split(r"(`[^`]+`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{html.escape(part[1:-1])}</code>")
            continue
        part = html.escape(part, quote=False)
        part = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", part)
        part = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<em>\1</em>", part)
        part = LINK.sub(lambda m: f'<a href="{_href(m.group(2))}">{m.group(1)}</a>', part)
        out.append(part)
    return "".join(out)


def _href(target: str) -> str:
    return re.sub(r"\.md(#|$)", r".html\1", target)


def markdown_to_html(text: str) -> str:
    """The Markdown the guide uses: headings, paragraphs, numbered and bulleted lists (one
    level, a line starting with three spaces continues an item), pictures on their own line,
    notes (``> ``), code blocks and tables."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith("```"):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            out.append(f"<pre>{html.escape(chr(10).join(lines[i + 1 : end]))}</pre>")
            i = end + 1
        elif heading := re.match(r"^(#{1,3}) (.+)$", line):
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
            i += 1
        elif image := IMAGE.match(line.strip()):
            alt, src = image.groups()
            out.append(
                f'<figure><img src="{html.escape(src)}" alt="{html.escape(alt)}">'
                f"<figcaption>{html.escape(alt)}</figcaption></figure>"
            )
            i += 1
        elif line.startswith("> "):
            block, i = _take_while(lines, i, lambda s: s.startswith(">"))
            out.append(f'<div class="note">{inline(" ".join(s[1:].strip() for s in block))}</div>')
        elif line.startswith("|"):
            block, i = _take_while(lines, i, lambda s: s.startswith("|"))
            out.append(_table(block))
        elif re.match(r"^(\d+\.|-) ", line):
            i = _list(lines, i, out)
        else:
            block, i = _take_while(lines, i, _paragraph_line)
            out.append(f"<p>{inline(' '.join(s.strip() for s in block))}</p>")
    return "\n".join(out)


def _paragraph_line(line: str) -> bool:
    starts = ("#", "```", "> ", "|", "![")
    return bool(line.strip()) and not line.startswith(starts) and not re.match(r"^(\d+\.|-) ", line)


def _take_while(lines: list[str], i: int, keep: Callable[[str], bool]) -> tuple[list[str], int]:
    block = []
    while i < len(lines) and keep(lines[i]):
        block.append(lines[i])
        i += 1
    return block, i


def _list(lines: list[str], i: int, out: list[str]) -> int:
    ordered = lines[i][0].isdigit()
    tag = "ol" if ordered else "ul"
    items: list[list[str]] = []
    pattern = r"^\d+\. " if ordered else r"^- "
    while i < len(lines):
        line = lines[i]
        if re.match(pattern, line):
            items.append([re.sub(pattern, "", line)])
        elif line.startswith("   ") and line.strip() and items:
            items[-1].append(line[3:].rstrip())  # "- x" under an item: a list within it
        elif (
            not line.strip()
            and i + 1 < len(lines)
            and (re.match(pattern, lines[i + 1]) or lines[i + 1].startswith("   "))
        ):
            items[-1].append("")
        else:
            break
        i += 1
    out.append(f"<{tag}>")
    for item in items:
        out.append(f"<li>{_item(item)}</li>")
    out.append(f"</{tag}>")
    return i


def _item(parts: list[str]) -> str:
    """An item's text; continued lines may hold a list of its own, a code block, a picture."""
    out: list[str] = []
    texts: list[str] = []
    subitems: list[str] = []
    code: list[str] | None = None

    def flush() -> None:
        if texts:
            out.append(inline(" ".join(texts)))
            texts.clear()
        if subitems:
            out.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in subitems) + "</ul>")
            subitems.clear()

    for part in parts:
        if part.strip().startswith("```"):
            if code is None:
                flush()
                code = []
            else:
                out.append(f"<pre>{html.escape(chr(10).join(code))}</pre>")
                code = None
        elif code is not None:
            code.append(part)
        elif image := IMAGE.match(part.strip()):
            flush()
            alt, src = image.groups()
            out.append(
                f'<figure><img src="{html.escape(src)}" alt="{html.escape(alt)}">'
                f"<figcaption>{html.escape(alt)}</figcaption></figure>"
            )
        elif part.startswith("- "):
            subitems.append(part[2:])
        elif part.startswith("  ") and subitems:
            subitems[-1] += " " + part.strip()
        elif part.strip():
            texts.append(part.strip())
    flush()
    return "".join(out)


def _table(rows: list[str]) -> str:
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    body = [r for r in cells[1:] if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    head = "".join(f"<th>{inline(c)}</th>" for c in cells[0])
    rows_html = "".join(
        "<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in body
    )
    return f"<table><tr>{head}</tr>{rows_html}</table>"


def pages() -> Iterator[Path]:
    return iter(sorted(GUIDE.glob("*.md")))


def pictures_used(text: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)


def render(source: Path = GUIDE, out: Path = HTML_OUT) -> list[Path]:
    """Every page of ``source`` as HTML in ``out``, with the pictures the pages use."""
    if out.exists():
        shutil.rmtree(out)
    (out / "anh").mkdir(parents=True)
    made = []
    for page in sorted(source.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        title = next(
            (line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page.stem
        )
        nav = "" if page.stem == "index" else '<nav><a href="index.html">← Mục lục</a></nav>'
        body = markdown_to_html(text)
        target = out / f"{page.stem}.html"
        target.write_text(
            PAGE.format(title=html.escape(title), nav=nav, body=body), encoding="utf-8"
        )
        made.append(target)
        for picture in pictures_used(text):
            shutil.copy2(source / picture, out / picture)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render-only", action="store_true", help="only the HTML, no pictures")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", choices=sorted(SHOTS), help="only these pictures"
    )
    args = parser.parse_args(argv)
    if not args.render_only:
        for picture in take_pictures(PICTURES, args.only):
            print(picture.relative_to(ROOT))
    for page in render():
        print(page.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
