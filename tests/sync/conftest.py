"""A register enrolled with an upper level, and the stick a bundle is written to."""

from __future__ import annotations

import pytest

from desktop_app.services import sync_cell
from desktop_app.sync.crypto import PublicKey
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment
from tests.conftest import CELL


@pytest.fixture(scope="session")
def upper() -> UpperKeys:
    return UpperKeys.generate("Đảng ủy phường Quy Nhơn Nam")


@pytest.fixture
def enrolment_file(tmp_path, upper):
    return write_enrolment(upper.enrolment_for(CELL["code"]), tmp_path / "cb.sochibo-ghidanh")


@pytest.fixture
def enrolled(register, enrolment_file):
    sync_cell.enrol(register, enrolment_file)
    return register


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def cell_key(reg) -> PublicKey:
    """The cell's public key, as the upper level pins it after the phone call."""
    return PublicKey.parse(sync_cell.status(reg).cell_public_key)
