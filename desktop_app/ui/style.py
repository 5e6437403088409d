"""The program's look: Fusion in a light palette, a warm sidebar, a red accent, readable sizes.

Sizes are relative to the application font, so the user's text scale (settings) grows them all.
Widgets get a role through a dynamic property (``role``) that the style sheet picks up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

PRODUCT_NAME = "Sổ Chi bộ"  # a name: the same in every language
ACCENT = "#a4161a"
MIN_POINT_SIZE = 10.0
_APPLIED = "sochiboTextScale"  # application property: [base size, applied size, scale]

STYLE_SHEET = f"""
QListWidget#Sidebar {{
    background: #f5f1ea; border: none; border-right: 1px solid #ddd5c8; outline: none;
    padding: 6px 0;
}}
QListWidget#Sidebar::item {{
    padding: 9px 14px; border-left: 4px solid transparent; color: #2b2b2b;
}}
QListWidget#Sidebar::item:hover {{ background: #ece5d9; }}
QListWidget#Sidebar::item:selected {{
    background: #ffffff; color: {ACCENT}; border-left: 4px solid {ACCENT};
}}
QWidget#SidebarPanel {{ background: #f5f1ea; border-right: 1px solid #ddd5c8; }}
QLabel[role="heading"] {{ color: {ACCENT}; }}
QLabel[role="muted"] {{ color: #5c5c5c; }}
QLabel[role="error"] {{ color: #b00020; }}
QLabel[role="note"] {{
    background: #fff6dc; border: 1px solid #e9c46a; border-radius: 4px; padding: 8px 10px;
}}
QLabel[role="key"] {{
    background: #ffffff; border: 1px solid #c9c2b5; border-radius: 6px; padding: 14px;
}}
QPushButton#Choice {{
    border: 1px solid #d9d2c5; border-radius: 8px; background: #ffffff; text-align: left;
}}
QPushButton#Choice:hover {{ border-color: {ACCENT}; background: #fffaf5; }}
QPushButton#Choice:focus {{ border: 2px solid {ACCENT}; }}
QPushButton#Choice:pressed {{ background: #f7eee4; }}
QPushButton#Choice:disabled {{ background: #f1efeb; }}
QLabel[role="choice"] {{ color: #1f1f1f; }}
QStatusBar QLabel[role="badge"] {{
    background: #fde2b8; color: #6b3d00; border-radius: 3px; padding: 1px 8px;
}}
"""


def apply(app: QApplication, text_scale: int = 100) -> None:
    """Fusion, light colours, the style sheet, and the base font at the user's scale."""
    if app.style().name().lower() != "fusion":  # applied again (a setting changed): keep it
        app.setStyle(QStyleFactory.create("Fusion"))
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(_palette(app.style().standardPalette()))
    _set_font(app, text_scale)
    app.setStyleSheet(STYLE_SHEET)


def _set_font(app: QApplication, text_scale: int) -> None:
    base = _base_point_size(app)
    font = QFont(app.font())
    font.setPointSizeF(base * text_scale / 100)
    app.setFont(font)
    app.setProperty(_APPLIED, [base, font.pointSizeF(), text_scale])


def _applied(app: QApplication) -> tuple[float, int] | None:
    """(base point size, scale) of the font ``apply`` set, if it is still the app's font."""
    stored = app.property(_APPLIED)
    if stored and abs(float(stored[1]) - app.font().pointSizeF()) < 0.01:
        return float(stored[0]), int(stored[2])
    return None


def _base_point_size(app: QApplication) -> float:
    """The unscaled size: remembered when applied before, else the app font's own size."""
    applied = _applied(app)
    return applied[0] if applied else max(app.font().pointSizeF(), MIN_POINT_SIZE)


def text_scale(app: QApplication) -> int:
    """The scale (percent) the application font was last applied at."""
    applied = _applied(app)
    return applied[1] if applied else 100


def change_text_scale(app: QApplication, scale: int) -> None:
    """Apply a new text scale to a running program: the application font, and every font
    a widget set for itself (headings, bold values) by the same ratio; layouts follow."""
    old = text_scale(app)
    if scale == old:
        return
    _set_font(app, scale)  # not the style sheet again: repolishing resets widgets' fonts
    ratio = scale / old
    changed = QEvent(QEvent.Type.ApplicationFontChange)  # Qt posts it; now, in a known order
    for widget in app.allWidgets():
        QApplication.sendEvent(widget, changed)
    for widget in app.allWidgets():
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            font = QFont(widget.font())
            font.setPointSizeF(font.pointSizeF() * ratio)
            widget.setFont(font)


def _palette(base: QPalette) -> QPalette:
    palette = QPalette(base)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Window, QColor("#fbfaf8"))
    return palette


def set_role(widget: QWidget, role: str) -> QWidget:
    widget.setProperty("role", role)
    return widget


def scaled_font(factor: float = 1.0, *, bold: bool = False) -> QFont:
    """The application font, ``factor`` times larger."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def heading(text: str, factor: float = 1.6) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setFont(scaled_font(factor, bold=True))
    set_role(label, "heading")
    return label


def muted(text: str, factor: float = 1.0) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setFont(scaled_font(factor))
    set_role(label, "muted")
    return label


def monospace(factor: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(QApplication.font().pointSizeF() * factor)
    return font
