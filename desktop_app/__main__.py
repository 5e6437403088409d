"""Entry points: ``python -m desktop_app`` (CLI, window with no arguments) and the windowed
launcher ``sochibo-gui`` that Windows starts without a console."""

from __future__ import annotations

import sys
from collections.abc import Sequence

SELF_CHECK = "--self-check"
UPPER_LEVEL = "--upper-level"


def run_gui(register: str | None = None, *, upper_level: bool = False) -> int:
    from desktop_app.ui.app import run  # Qt stays out of the CLI's import path

    return run(register=register, upper_level=upper_level)


def gui_main() -> int:
    """``sochibo-gui [FILE]``: the window, optionally on a register (as a file association
    passes it); anything else given is ignored rather than shown in a console nobody sees.
    ``--upper-level`` opens the upper level's default workspace (or offers to create it).
    ``--self-check`` runs the installation check instead (report in the log folder)."""
    if SELF_CHECK in sys.argv[1:]:
        from desktop_app import self_check

        return self_check.main()
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if UPPER_LEVEL in sys.argv[1:]:
        return run_gui(upper_level=True)
    return run_gui(register=args[0] if args else None)


def translate(messages: Sequence[tuple[str, str, str | None]], language: str) -> list[str]:
    """Each (context, source, disambiguation) as the window shows it in ``language``, with the
    window's translators (desktop_app/ui/i18n.py): the self-check's one step that needs Qt.
    The language in use before is put back."""
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui import i18n

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    before = i18n.current_language()
    i18n.install(app, language)
    try:
        return [QCoreApplication.translate(c, s, d) for c, s, d in messages]
    finally:
        i18n.install(app, before)


if __name__ == "__main__":
    from desktop_app.cli import main

    sys.exit(main())
