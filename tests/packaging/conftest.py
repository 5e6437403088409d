"""Packaging fixtures: the build scripts and the spec's recorded configuration."""

from __future__ import annotations

import types

import pytest

from tests.packaging.spec_harness import SpecRun, load_script, run_spec


@pytest.fixture(scope="session")
def build_deb() -> types.ModuleType:
    return load_script("installers/linux/build_deb.py", "sochibo_build_deb")


@pytest.fixture(scope="session")
def build_installer() -> types.ModuleType:
    return load_script("installers/windows/build_installer.py", "sochibo_build_installer")


@pytest.fixture(params=[False, True], ids=["linux", "windows"])
def spec_run(request, monkeypatch) -> SpecRun:
    return run_spec(monkeypatch, windows=request.param)


@pytest.fixture
def windows_spec(monkeypatch) -> SpecRun:
    return run_spec(monkeypatch, windows=True)


@pytest.fixture(autouse=True)
def _a_widget_application_first(qapp):
    """The self-check's translation step makes a QCoreApplication when none exists. In the
    test process that would be the session's only application, and every later test that
    makes a widget would abort: so pytest-qt's QApplication is made first."""
    return qapp
