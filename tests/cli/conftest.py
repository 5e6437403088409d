"""A fresh register made by ``sochibo init`` for each CLI test."""

import pytest

from desktop_app.cli import main

PASS = "mật khẩu chi bộ 2026"


@pytest.fixture
def reg(tmp_path, monkeypatch):
    path = tmp_path / "cb.sochibo"
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASS)
    assert (
        main(
            [
                "init",
                "--register",
                str(path),
                "--name",
                "Chi bộ Khu phố 5",
                "--code",
                "CB-KP5",
                "--upper-level",
                "Đảng ủy phường Quy Nhơn",
                "--json",
            ]
        )
        == 0
    )
    return path
