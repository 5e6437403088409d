"""The interface language: Vietnamese by default, English (the source strings) on request.

Two translators are installed for Vietnamese: ``sochibo_vi.qm`` for the program's own strings and
``qtbase_vi.qm`` for Qt's standard texts (dialog buttons, wizard buttons, text context menus, the
file dialog), which PySide6 does not ship in Vietnamese.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop_app import paths

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "vi"
CATALOGUES = ("sochibo", "qtbase")
_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

_installed: list[QTranslator] = []
_current = "en"


def i18n_dir():
    return paths.resources_dir() / "i18n"


def install(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> str:
    """Install the translators for ``language`` (before any widget is made); returns it."""
    global _current
    language = language if language in _LOCALES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(_LOCALES[language])
    if language != "en":
        for catalogue in CATALOGUES:
            _load(app, f"{catalogue}_{language}")
    _current = language
    return language


def _load(app: QCoreApplication, name: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, str(i18n_dir())):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.error("translation %s not found in %s", name, i18n_dir())


def current_language() -> str:
    """``"vi"`` or ``"en"``: the language the interface is shown in."""
    return _current
