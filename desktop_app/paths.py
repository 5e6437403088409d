"""Where things live: the user's data folder, the default register, the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "SoChiBo"
DEFAULT_FILE = "so-chi-bo.sochibo"
DEMO_FILE = "so-mau.sochibo"
DEMO_PASSPHRASE = "so-mau-2026"


def data_dir() -> Path:
    """The user's data folder; ``SOCHIBO_HOME`` overrides it (tests, portable use)."""
    override = os.environ.get("SOCHIBO_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_register() -> Path:
    return Path(os.environ.get("SOCHIBO_REGISTER") or data_dir() / DEFAULT_FILE)


def demo_register() -> Path:
    return data_dir() / "demo" / DEMO_FILE


def log_dir() -> Path:
    return data_dir() / "logs"


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a frozen (PyInstaller) bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
