"""Entry points: ``python -m desktop_app`` (CLI, window with no arguments) and the windowed
launcher ``sochibo-gui`` that Windows starts without a console."""

from __future__ import annotations

import sys


def run_gui(register: str | None = None) -> int:
    from desktop_app.ui.app import run  # Qt stays out of the CLI's import path

    return run(register=register)


def gui_main() -> int:
    """``sochibo-gui [FILE]``: the window, optionally on a register (as a file association
    passes it); anything else given is ignored rather than shown in a console nobody sees."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return run_gui(register=args[0] if args else None)


if __name__ == "__main__":
    from desktop_app.cli import main

    sys.exit(main())
