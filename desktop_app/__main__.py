"""Entry points: ``python -m desktop_app`` (CLI, window with no arguments) and the windowed
launcher ``sochibo-gui`` that Windows starts without a console."""

from __future__ import annotations

import sys


def run_gui(register: str | None = None) -> int:
    from desktop_app.ui.app import run  # Qt stays out of the CLI's import path

    return run(register=register)


def gui_main() -> int:
    return run_gui()


if __name__ == "__main__":
    from desktop_app.cli import main

    sys.exit(main())
