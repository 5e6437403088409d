"""Log files never hold a full ID number: the filter installed by setup_logging masks message,
arguments and tracebacks before they reach the file."""

from __future__ import annotations

import logging

import pytest

from desktop_app import log_privacy, paths
from desktop_app.log_privacy import MaskIdNumbers

CCCD = "052012345645"
CARD = "45123678901"


@pytest.fixture
def log_file(tmp_path):
    """A file handler with the filter, on a logger of its own."""
    path = tmp_path / "sochibo.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log_privacy.install(handler)
    logger = logging.getLogger("sochibo.test.privacy")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, path
    logger.removeHandler(handler)
    handler.close()


def test_message_and_arguments_are_masked(log_file):
    logger, path = log_file
    logger.info("person %s updated, card %r", CCCD, CARD)
    logger.warning(f"imported row with {CCCD} twice")
    logger.info("values %(id)s", {"id": CCCD})
    text = path.read_text(encoding="utf-8")
    assert CCCD not in text and CARD not in text
    assert "person •••••••••645 updated, card '••••••••901'" in text
    assert "imported row with •••••••••645 twice" in text
    assert "values •••••••••645" in text


def test_a_traceback_is_masked(log_file):
    logger, path = log_file

    def fail(number: str) -> None:
        raise ValueError(f"UNIQUE failed for {number}")

    try:
        fail(CCCD)
    except ValueError:
        logger.exception("could not save %s", CCCD)
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ValueError: UNIQUE failed for •••••••••645" in text
    assert CCCD not in text


def test_stack_info_is_masked(log_file):
    logger, path = log_file
    number = CCCD  # noqa: F841 - the stack shows source lines, not locals; the message does
    logger.info("checking %s", CCCD, stack_info=True)
    text = path.read_text(encoding="utf-8")
    assert "Stack (most recent call last)" in text
    assert CCCD not in text


def test_arguments_that_do_not_fit_are_still_masked(log_file):
    logger, path = log_file
    logging.raiseExceptions, old = False, logging.raiseExceptions
    try:
        logger.info("two %s %s", CCCD)  # one argument short
    finally:
        logging.raiseExceptions = old
    text = path.read_text(encoding="utf-8")
    assert CCCD not in text and "•••••••••645" in text


def test_install_is_idempotent():
    handler = logging.NullHandler()
    log_privacy.install(handler)
    log_privacy.install(handler)
    assert sum(isinstance(f, MaskIdNumbers) for f in handler.filters) == 1


def test_the_windows_log_file_is_masked(monkeypatch):
    """setup_logging (the window's) installs the filter: a record from any module's logger,
    with an exception, reaches the file masked."""
    pytest.importorskip("PySide6")
    from desktop_app.ui import app

    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    earlier = [h for h in before if getattr(h, "sochibo", False)]  # another test's file
    for handler in earlier:
        root.removeHandler(handler)
    try:
        path = app.setup_logging()
        assert path.parent == paths.log_dir()
        logging.getLogger("desktop_app.services.imports").info("row %s read", CCCD)
        try:
            raise RuntimeError(f"duplicate {CCCD}")
        except RuntimeError:
            logging.getLogger("desktop_app.ui.errors").exception("uncaught exception")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        for handler in earlier:
            root.addHandler(handler)
        root.setLevel(level)
    assert "row •••••••••645 read" in text
    assert "RuntimeError: duplicate •••••••••645" in text
    assert CCCD not in text
