"""The pseudo-translation: every text half as long again (scripts/pseudo_translate.py) on every
page and dialog (tests/ui/scenes.py), at 1280×800. Nothing may be cut off: each window fits the
screen, and each label and button is as wide as its text (a wrapped label as tall as its
lines). The pictures go to tests/artifacts/screens/pseudo-*.png: look at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from desktop_app.ui import i18n, style
from desktop_app.ui.widgets.page_preview import PagePreview
from scripts import pseudo_translate
from tests.ui import scenes
from tests.ui.conftest import SCREEN_SIZE

SLACK = 2  # pixels of rounding


@pytest.fixture(scope="session")
def pseudo_files(tmp_path_factory):
    return pseudo_translate.build(tmp_path_factory.mktemp("pseudo-i18n"))


@pytest.fixture
def pseudo(qapp, pseudo_files, monkeypatch) -> Iterator[QApplication]:
    """The interface in the pseudo-language, with the program's look."""
    monkeypatch.setenv(i18n.PSEUDO_DIR_VARIABLE, str(pseudo_files[0].parent))
    old = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    assert i18n.install(qapp, i18n.PSEUDO) == i18n.PSEUDO
    style.apply(qapp)
    yield qapp
    i18n.install(qapp, "en")
    qapp.setFont(old[0])
    qapp.setPalette(old[1])
    qapp.setStyleSheet(old[2])
    qapp.setStyle(old[3])


def test_lengthen_keeps_mnemonics_and_placeholders() -> None:
    assert pseudo_translate.lengthen("Lưu") == "[Lưu]"
    assert pseudo_translate.lengthen("&Sao lưu ngay") == "[&Sao lưu ngay ~~~]"
    assert pseudo_translate.lengthen("Đã lưu %1 người.\nXong") == (
        "[Đã lưu %1 người. ~~~~~]\n[Xong]"
    )
    for text in ("Hủy", "Chọn một dòng để xem quy định làm căn cứ.", "Mở sổ mẫ&u"):
        shown = text.replace("&", "")
        assert len(pseudo_translate.lengthen(shown)) >= 1.5 * len(shown)


def test_the_pseudo_language_is_loaded(pseudo) -> None:
    assert QApplication.translate("Areas", "Members") == "[Đảng viên ~~]"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "[Hủy]"


def clipped(top: QWidget) -> list[str]:
    """What in ``top`` is cut off, as it is laid out now."""
    width, height = SCREEN_SIZE
    found = []
    if top.width() > width + SLACK or top.height() > height + SLACK:
        found.append(f"the window needs {top.width()}×{top.height()}, more than the screen")
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() <= 0:
            continue
        problem = label_problem(widget) if isinstance(widget, QLabel) else None
        if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            problem = button_problem(widget)
        if isinstance(widget, QScrollArea) and not isinstance(widget, PagePreview):
            problem = scroll_problem(widget)
        if problem:
            found.append(problem)
    return found


def label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        wanted = label.heightForWidth(label.width())
        if wanted > label.height() + SLACK:
            return f"label {short(text)!r}: {label.height()} px high, its lines need {wanted}"
        return None
    wanted = label.sizeHint().width()
    if wanted > label.width() + SLACK:
        return f"label {short(text)!r}: {label.width()} px wide, its text needs {wanted}"
    return None


def button_problem(button: QAbstractButton) -> str | None:
    wanted = button.sizeHint().width()
    if button.text().strip() and wanted > button.width() + SLACK:
        return f"button {short(button.text())!r}: {button.width()} px wide, needs {wanted}"
    return None


def scroll_problem(area: QScrollArea) -> str | None:
    """A page in a scroll area scrolls down, never sideways (a previewed form may)."""
    bar = area.horizontalScrollBar()
    if bar.isVisible() and bar.maximum() > 0:
        return f"{type(area.parentWidget()).__name__} scrolls sideways by {bar.maximum()} px"
    return None


def short(text: str) -> str:
    return text if len(text) < 60 else text[:57] + "…"


@pytest.fixture
def stage(qtbot, demo_runner, settings, pseudo, tmp_path):
    return scenes.make_stage(qtbot, demo_runner, settings, tmp_path)


def test_nothing_is_cut_off_in_the_pseudo_language(stage, screens) -> None:
    problems: dict[str, list[str]] = {}
    for scene, widget in scenes.each_scene(stage):
        if isinstance(widget, QMainWindow):
            widget.resize(*SCREEN_SIZE)
        QApplication.processEvents()
        screens(widget, f"pseudo-{scene.name}")
        found = clipped(widget)
        if found:
            problems[scene.name] = found
    assert not problems, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )


upper_demo = scenes.upper_demo
upper_runner = scenes.upper_runner


@pytest.fixture
def upper_stage(qtbot, upper_runner, settings, pseudo, tmp_path):
    return scenes.make_upper_stage(qtbot, upper_runner, settings, tmp_path)


def test_nothing_is_cut_off_in_the_upper_level_window(upper_stage, screens) -> None:
    problems: dict[str, list[str]] = {}
    for scene, widget in scenes.each_scene(upper_stage, scenes.UPPER_SCENES):
        if isinstance(widget, QMainWindow):
            widget.resize(*SCREEN_SIZE)
        QApplication.processEvents()
        screens(widget, f"pseudo-{scene.name}")
        found = clipped(widget)
        if found:
            problems[scene.name] = found
    assert not problems, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )
