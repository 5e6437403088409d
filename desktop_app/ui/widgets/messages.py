"""Inline messages: red for what blocks saving, amber for what only looks odd."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"
_BANNER = {
    "error": f"color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f1b0aa;"
    " border-radius: 4px; padding: 6px;",
    "warning": f"color: {WARNING_COLOR}; background: #fff4e0; border: 1px solid #f0c987;"
    " border-radius: 4px; padding: 6px;",
    "ok": "color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;"
    " border-radius: 4px; padding: 6px;",
}


class FieldMessage(QLabel):
    """One or more lines under a field; hidden when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        self.level = ""

    def show_messages(self, errors: list[str], warnings: list[str]) -> None:
        """Errors win over warnings; nothing to say hides the label."""
        lines, self.level = (errors, "error") if errors else (warnings, "warning")
        if not lines:
            self.level = ""
            self.clear()
            self.hide()
            return
        color = ERROR_COLOR if self.level == "error" else WARNING_COLOR
        self.setStyleSheet(f"color: {color};")
        self.setText("\n".join(lines))
        self.show()


class Banner(QLabel):
    """A framed message across a dialog or page (errors from the register, conflicts)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        self.level = level
        self.setStyleSheet(_BANNER[level])
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.level = ""
        self.clear()
        self.hide()
