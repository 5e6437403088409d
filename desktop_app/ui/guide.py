"""The user guide (Vietnamese), opened in the web browser from Help > User guide (F1).

Its source is Markdown in ``docs/huong-dan/``; ``scripts/guide_screenshots.py`` renders it, with
its pictures, to HTML in ``resources/huong-dan/``, which every installer ships with the other
resources (``paths.resources_dir()``), so the installed program finds it without ``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop_app import paths

FOLDER = "huong-dan"
INDEX = "index.html"


def index_path() -> Path | None:
    """The guide's first page, if this installation has it."""
    index = paths.resources_dir() / FOLDER / INDEX
    return index if index.is_file() else None


def open_guide() -> bool:
    """Open the guide in the browser; False when it is missing or no browser took it."""
    index = index_path()
    return index is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(index)))
