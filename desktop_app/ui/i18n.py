"""The interface language: Vietnamese by default, English (the source strings) on request.

Two translators are installed for Vietnamese: ``sochibo_vi.qm`` for the program's own strings and
``qtbase_vi.qm`` for Qt's standard texts (dialog buttons, wizard buttons, text context menus, the
file dialog), which PySide6 does not ship in Vietnamese.

A hidden language, ``pseudo``, is the Vietnamese with every text half as long again, to find
labels that a longer text would clip: ``python scripts/pseudo_translate.py`` makes its files,
``SOCHIBO_LANGUAGE=pseudo`` starts the window with it (never offered in Settings).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop_app import paths

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "vi"
CATALOGUES = ("sochibo", "qtbase")
PSEUDO = "pseudo"
PSEUDO_DIR_VARIABLE = "SOCHIBO_PSEUDO_DIR"  # where the pseudo .qm files are, if not build/
LANGUAGE_VARIABLE = "SOCHIBO_LANGUAGE"  # overrides the language of the settings
_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    PSEUDO: QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
}

_installed: list[QTranslator] = []
_current = "en"


def i18n_dir() -> Path:
    return paths.resources_dir() / "i18n"


def pseudo_dir() -> Path:
    """Made by scripts/pseudo_translate.py; a development tool, not shipped."""
    override = os.environ.get(PSEUDO_DIR_VARIABLE)
    return Path(override) if override else paths.resources_dir().parent / "build" / "pseudo-i18n"


def language_override() -> str | None:
    """The language asked for by the environment (``SOCHIBO_LANGUAGE``), if any."""
    return os.environ.get(LANGUAGE_VARIABLE) or None


def install(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> str:
    """Install the translators for ``language`` (before any widget is made); returns it."""
    global _current
    language = language if language in _LOCALES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(_LOCALES[language])
    if language != "en":
        folder = pseudo_dir() if language == PSEUDO else i18n_dir()
        for catalogue in CATALOGUES:
            _load(app, f"{catalogue}_{language}", folder)
    _current = language
    return language


def _load(app: QCoreApplication, name: str, folder: Path) -> None:
    translator = QTranslator(app)
    if translator.load(name, str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.error("translation %s not found in %s", name, folder)


def current_language() -> str:
    """``"vi"``, ``"en"`` (or ``"pseudo"``): the language the interface is shown in."""
    return _current
