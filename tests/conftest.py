"""Shared fixtures: Qt offscreen before any QApplication, a private data folder per test, and
fresh registers (with a cheap Argon2 cost so the suite stays fast; the cost is stored with the
wrap, so the same code paths run)."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from desktop_app.services import registers
from desktop_app.store.keys import FAST_KDF_FOR_TESTS

PASSPHRASE = "mật khẩu thử 2026"
TODAY = dt.date(2026, 11, 22)
CELL = {
    "name": "Chi bộ Trường THPT Nguyễn Trân",
    "code": "CB-NT",
    "upper_level": "Đảng ủy phường Quy Nhơn Nam",
    "secretary": "Trần Thị Thu Hà",
    "address": "12 Nguyễn Trân, phường Quy Nhơn Nam, tỉnh Gia Lai",
}


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Every test gets its own data folder; nothing touches the real user profile."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SOCHIBO_HOME", str(home))
    monkeypatch.delenv("SOCHIBO_REGISTER", raising=False)
    monkeypatch.delenv("SOCHIBO_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def register_path(tmp_path):
    return tmp_path / "reg" / "chi-bo.sochibo"


@pytest.fixture
def register(register_path):
    """A fresh, open register holding only the cell."""
    reg, _recovery = registers.create_register(
        register_path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
    )
    yield reg
    reg.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo register built once per session; tests get their own copy."""
    path = tmp_path_factory.mktemp("demo") / "so-mau.sochibo"
    reg, _ = registers.create_demo(path, kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    reg.close()
    return path


@pytest.fixture
def demo_register(demo_template, tmp_path):
    import shutil

    from desktop_app import paths
    from desktop_app.store.database import key_path

    target = tmp_path / "demo" / demo_template.name
    target.parent.mkdir()
    shutil.copy2(demo_template, target)
    shutil.copy2(key_path(demo_template), key_path(target))
    reg = registers.open_register(target, paths.DEMO_PASSPHRASE)
    yield reg
    reg.close()
