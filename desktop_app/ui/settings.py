"""Machine preferences as typed options over an INI file (Picard's ``config.py`` pattern).

Register data stays in the register; only preferences of this computer live here. Each option
is declared once with its key, type and default; reading converts and checks the stored value,
so a hand-edited or old INI never crashes the program. ``VERSION`` with ``UPGRADES`` moves
older INI files forward, one step per version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

ORGANISATION = "SoChiBo"
APPLICATION = "SoChiBo"
VERSION = 1
VERSION_KEY = "meta/version"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One declared preference: where it is stored, its type and its default."""

    key: str
    default: T
    convert: Callable[[Any], T]
    check: Callable[[T], bool] = lambda _value: True

    def read(self, store: QSettings) -> T:
        raw = store.value(self.key, None)
        if raw is None:
            return self.default
        try:
            value = self.convert(raw)
        except (TypeError, ValueError):
            log.warning("setting %s: cannot read %r, using the default", self.key, raw)
            return self.default
        return value if self.check(value) else self.default


def _bytes(raw: Any) -> QByteArray:
    return raw if isinstance(raw, QByteArray) else QByteArray(bytes(raw))


LANGUAGES = ("vi", "en")
TEXT_SCALES = range(100, 151)

LAST_REGISTER = Option("register/last", "", str)
LANGUAGE = Option("ui/language", "vi", str, lambda v: v in LANGUAGES)
TEXT_SCALE = Option("ui/text_scale", 100, int, lambda v: v in TEXT_SCALES)
WINDOW_GEOMETRY = Option("window/geometry", QByteArray(), _bytes)
WINDOW_STATE = Option("window/state", QByteArray(), _bytes)


def _upgrade_to_1(store: QSettings) -> None:
    """Version 1 is the first layout; nothing to move."""


UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_to_1}


class Settings:
    """Typed access to the user's INI file (``QSettings(IniFormat, UserScope)``)."""

    def __init__(self, store: QSettings | None = None):
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        self._upgrade()

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, option: Option[T]) -> T:
        return option.read(self._store)

    def set(self, option: Option[T], value: T) -> None:
        self._store.setValue(option.key, value)

    def sync(self) -> None:
        self._store.sync()

    def _upgrade(self) -> None:
        stored = int(self._store.value(VERSION_KEY, 0) or 0)
        for version in range(stored + 1, VERSION + 1):
            log.info("settings: upgrading to version %d", version)
            UPGRADES[version](self._store)
        if stored != VERSION:
            self._store.setValue(VERSION_KEY, VERSION)
