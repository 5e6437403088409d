"""No English in the Vietnamese interface: every page and every dialog of the program is opened
on the demo register in Vietnamese (tests/ui/scenes.py) and every text a user can see is read —
labels, buttons (Qt's standard ones too), group and tab titles, table headers and cells, combo
box items, placeholders, menus, tooltips, window titles — and none may be English.

A text is English when it is one of the program's source strings whose translation differs
(a string the translator missed, or shown without ``tr()``), one of Qt's standard button
texts, or when it holds a common English word (a string never marked for translation)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)

from desktop_app.ui import i18n
from scripts import update_translations as ut
from tests.ui import scenes
from tests.ui.test_i18n import ENGLISH_BUTTONS, messages

ROWS = 40  # table cells read from the first rows of each table
# Words of English interfaces that are no Vietnamese syllable written without marks (so not
# "an", "in", "do", "to", "no", "on", "me", "con", "ban", "sang", "hay", "tin"…).
_WORDS = """
    the and of with for from this that these your you please is are was were not will can
    cannot could would should has have been there their which what when where who why how into
    about after before than then only also any each every some other yes ok cancel close save
    open remove edit add new file folder name date print search show hide help error warning
    details copy paste back next finish apply reset discard select choose none member members
    meeting meetings candidate candidates register backup restore settings today forms reports
    page look type size modified computer undo redo cut clear list view tools exit about record
    step vote mentor year month week day days working rule rules source note due person people
    event events passphrase recovery key unlock create change history check user guide manual
    language text interface larger letters program window button message messages loading
    saving done failed sent send upper level cell import export bundle receipt grid figures
    attendance present absent late excused guest certificate class count total number status
    official probationary transfer sex male female birth address phone
"""
ENGLISH_WORDS = frozenset(_WORDS.split())
# "Delete", "Enter", "Esc" are not in the list: they are the names printed on the keys.
IDENTIFIER = re.compile(r"\b[a-z_]+(?:\.[a-z_]+)+\b")  # a rule's id (vote.majority): a code
PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s]*|\S+\.(?:sochibo|xlsx|csv|pdf|log|ini)\b")
TAG = re.compile(r"<[^>]+>")


@cache
def english_sources() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Source strings with a different translation: as they are, and as patterns when they
    have placeholders (%1 filled in)."""
    plain, patterns = set(), []
    for ts in ut.CATALOGUES:
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            if not source.strip() or translation == source:
                continue
            text = clean(source)
            if re.search(r"%\d", text):
                parts = [re.escape(p) for p in re.split(r"%\d", text)]
                patterns.append(re.compile("^" + "(.+?)".join(parts) + "$", re.S))
            elif text:
                plain.add(text)
    return frozenset(plain), tuple(patterns)


def clean(text: str) -> str:
    """The text as read: no mnemonic ampersands, tags, entities or shortcut suffix."""
    text = TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    text = re.sub(r"&(?=[^&\s])", "", text).replace("&&", "&")
    return " ".join(text.split("\t")[0].split())


def english(text: str) -> str:
    """Why ``text`` is English, or ""."""
    shown = clean(text)
    if not shown:
        return ""
    if text.strip() in ENGLISH_BUTTONS or shown in ENGLISH_BUTTONS:
        return "a standard button"
    plain, patterns = english_sources()
    if shown in plain:
        return "not translated"
    if any(p.match(shown) for p in patterns):
        return "not translated"
    words = re.findall(r"[A-Za-z]+", IDENTIFIER.sub(" ", PATH.sub(" ", shown)))
    hits = sorted({w for w in words if w.lower() in ENGLISH_WORDS and not is_vietnamese(w)})
    return f"English words {hits}" if hits else ""


def is_vietnamese(word: str) -> bool:
    """An abbreviation (PDF, USB, CSV): the same in both languages."""
    return word.isupper() and len(word) <= 4


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user can read in ``top`` as it is shown now."""
    found: list[tuple[str, str]] = [("window title", top.windowTitle())]
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        found += [
            (f"{where} tooltip", widget.toolTip()),
            (f"{where} what's this", widget.whatsThis()),
        ]
        found += [(where, t) for t in widget_texts(widget)]
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            found += menu_texts(action.text(), action.menu())
    for button in top.findChildren(QAbstractButton):
        menu = button.menu() if hasattr(button, "menu") else None
        if button.isVisibleTo(top) and menu is not None:
            found += menu_texts(button.text(), menu)
    return [(where, text) for where, text in found if text and text.strip()]


def widget_texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QLineEdit):
        return [widget.placeholderText()]
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return [widget.placeholderText()]  # their contents are data (or a traceback)
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractSpinBox):
        return [getattr(widget, name)() for name in ("prefix", "suffix", "specialValueText")
                if hasattr(widget, name)]  # fmt: skip
    if isinstance(widget, QTabWidget):
        texts = []
        for i in range(widget.count()):
            texts += [widget.tabText(i), widget.tabToolTip(i)]
        return texts
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        return view_texts(widget)
    if isinstance(widget, QWizard):
        page = widget.currentPage()
        return [page.title(), page.subTitle()] if page else []
    return []


def view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    texts = []
    columns = _count(model.columnCount)
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal, role) or ""))
    for row in range(min(_count(model.rowCount), ROWS)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _count(method) -> int:
    """rowCount()/columnCount(), which a QListWidget's model keeps private."""
    try:
        return method()
    except TypeError:
        return 1 if method.__name__ == "columnCount" else 0


def menu_texts(title: str, menu: QMenu | None) -> list[tuple[str, str]]:
    found = [(f"menu {clean(title)}", title)]
    if menu is None:
        return found
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append((f"menu {clean(title)}", action.text()))
        if action.toolTip() != action.text().replace("&", ""):
            found.append((f"menu {clean(title)} tooltip", action.toolTip()))
        if action.menu() is not None:
            found += menu_texts(action.text(), action.menu())
    return found


def english_in(top: QWidget) -> list[str]:
    return [
        f"{where}: {text!r} ({why})" for where, text in visible_texts(top) if (why := english(text))
    ]


# -- the checker itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cancel", "a standard button"),
        ("&Yes", "a standard button"),
        ("Backups", "not translated"),
        ("Last backup: 07/12/2026 10:15", "not translated"),
        ("Show the file in its folder", "English words ['Show', 'file', 'folder', 'the']"),
        ("Sao lưu ngay", ""),
        ("Nguyễn Văn An", ""),
        ("In biểu mẫu", ""),  # "In" is Vietnamese (print)
        ("Sổ: /tmp/pytest-of-root/the-demo/so-mau.sochibo", ""),  # a path is data
        ("Mã: CB-THPT-NT", ""),
        ("Ctrl+Shift+N", ""),
        ("6-KNĐ (PDF)", ""),
    ],
)
def test_the_checker(text: str, found: str) -> None:
    assert english(text) == found


def test_the_checker_reads_every_kind_of_text(vietnamese, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&Help")
    menu.addAction("User guide")
    box = QComboBox()
    box.addItems(["Tiếng Việt", "English words here"])
    group = QGroupBox("Settings")
    QLabel("Sao lưu ngay", group).setToolTip("Make a backup now")
    window.setCentralWidget(QWidget())
    layout = QTabWidget(window.centralWidget())
    layout.addTab(group, "Sao lưu")
    layout.addTab(box, "Ngôn ngữ")
    window.show()
    found = {text for _where, text in visible_texts(window)}
    assert {"&Help", "User guide", "Settings", "Make a backup now", "Sao lưu ngay"} <= found
    assert not {"English words here", "Tiếng Việt"} & found  # a hidden tab is not read
    problems = english_in(window)
    assert any("User guide" in p for p in problems) and any("Settings" in p for p in problems)


# -- the program ---------------------------------------------------------------------------


@pytest.fixture
def stage(qtbot, demo_runner, settings, vietnamese, tmp_path):
    return scenes.make_stage(qtbot, demo_runner, settings, tmp_path)


def test_every_dialog_class_has_a_scene() -> None:
    """A new dialog must be added to tests/ui/scenes.py, so these tests look at it."""
    named = SCENE_CLASSES | UPPER_SCENE_CLASSES
    shown = {name for name in scenes.dialog_classes() if name in named}
    assert scenes.dialog_classes() - shown == set()


SCENE_CLASSES = {
    "AbsenceReasonDialog", "AttendeeDialog", "AuditDialog", "CandidateDialog",
    "CertificateDialog", "CreateWizard", "EndMentorDialog", "ErrorDialog", "EventDialog",
    "GuestDialog", "ImportDialog", "MeetingDialog", "MemberDialog", "MentorDialog",
    "MessageDialog", "NewPassphraseDialog", "NewRecoveryKeyDialog", "PassphraseDialog",
    "PlacementPrompt", "ReasonDialog", "RulesDialog", "StepDialog", "UnlockDialog", "VoteDialog",
    "TransferSlipDialog", "TransferReceiveDialog", "EnrolDialog", "ReceiptDialog",
}  # fmt: skip
# Shown over the upper level's window (scenes.UPPER_SCENES).
UPPER_SCENE_CLASSES = {
    "CreateWorkspaceWizard", "EnrolCellDialog", "FingerprintDialog", "ResetKeyDialog",
    "UpperResolveDialog",
}  # fmt: skip


class AskedFor(QTranslator):
    """Notes every (context, source) the interface asks to translate; translates nothing,
    so the program's translators answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context or "", source or ""))
        return None


def qt_catalogue() -> set[tuple[str, str]]:
    """(context, source) of every finished entry of qtbase_vi.ts."""
    return {(c, s) for c, s, t, kind in messages(ut.CATALOGUES[1]) if t.strip() and not kind}


# Qt asks for these, but they stay as they are: names of paper sizes (A4, B5…) and of keys
# (Ctrl, Shift, Del: what is printed on the keys).
QT_UNTRANSLATED_CONTEXTS = {"QPageSize", "QShortcut"}


def test_no_english_in_the_vietnamese_interface(stage, screens, qapp) -> None:
    assert i18n.current_language() == "vi"
    spy = AskedFor()
    qapp.installTranslator(spy)
    try:
        problems, seen, shown, read = look_at_every_scene(stage, screens)
    finally:
        qapp.removeTranslator(spy)
    assert shown == [scene.name for scene in scenes.SCENES]
    assert SCENE_CLASSES - seen == set()  # the scenes show what they say they show
    assert read > 3000, read  # texts read: every page and dialog has some
    ours = messages(ut.APP_TS)  # PySide asks a class's Qt bases too, for the program's own
    contexts, sources = {c for c, *_ in ours}, {s for _c, s, *_ in ours}
    qt_asked = {
        (c, s)
        for c, s in spy.asked
        if c not in contexts and s not in sources and c not in QT_UNTRANSLATED_CONTEXTS
    }
    missing = sorted(qt_asked - qt_catalogue())
    assert not missing, f"add these to resources/i18n/qtbase_vi.ts: {missing}"
    assert not problems, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )


def look_at_every_scene(stage, screens, which=scenes.SCENES):
    problems: dict[str, list[str]] = {}
    seen, shown, read = set(), [], 0
    for scene, widget in scenes.each_scene(stage, which):
        shown.append(scene.name)
        seen |= {type(w).__name__ for w in [widget, *widget.findChildren(QDialog)]}
        read += len(visible_texts(widget))
        found = english_in(widget)
        if found:
            problems[scene.name] = found
            screens(widget, f"english-{scene.name}")
    return problems, seen, shown, read


# -- the upper level's window ------------------------------------------------------------------

upper_demo = scenes.upper_demo
upper_runner = scenes.upper_runner


@pytest.fixture
def upper_stage(qtbot, upper_runner, settings, vietnamese, tmp_path):
    return scenes.make_upper_stage(qtbot, upper_runner, settings, tmp_path)


def test_no_english_in_the_upper_level_window(upper_stage, screens) -> None:
    problems, seen, shown, read = look_at_every_scene(upper_stage, screens, scenes.UPPER_SCENES)
    assert shown == [scene.name for scene in scenes.UPPER_SCENES]
    assert UPPER_SCENE_CLASSES - seen == set()
    assert read > 400, read
    assert not problems, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )
