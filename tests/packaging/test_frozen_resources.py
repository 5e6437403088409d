"""Resources are found inside a frozen bundle: PyInstaller sets ``sys._MEIPASS`` to the
bundle's ``_internal`` folder, where the spec puts ``resources/``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import paths

ROOT = Path(__file__).resolve().parents[2]
FROZEN_SELF_CHECK = (
    "import sys; sys._MEIPASS = sys.argv[1]; "
    "from desktop_app import self_check; sys.exit(self_check.main())"
)


def test_resources_are_beside_the_package_when_not_frozen(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resources_dir() == ROOT / "resources"


def test_resources_are_in_the_bundle_when_frozen(monkeypatch, tmp_path):
    from desktop_app.ui import i18n

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert i18n.i18n_dir() == tmp_path / "resources" / "i18n"


def fake_bundle(tmp_path: Path) -> Path:
    """A copy of resources/ laid out as in dist/sochibo/_internal/."""
    bundle = tmp_path / "_internal"
    shutil.copytree(ROOT / "resources", bundle / "resources")
    return bundle


def self_check_in(bundle: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", FROZEN_SELF_CHECK, str(bundle)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_self_check_passes_reading_everything_from_the_bundle(tmp_path):
    bundle = fake_bundle(tmp_path)
    done = self_check_in(bundle)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Tài nguyên: đủ 7 tệp trong {bundle / 'resources'}" in done.stdout


@pytest.mark.parametrize(
    ("removed", "failing"),
    [
        ("fonts/LiberationSerif-Bold.ttf", {"Sổ tạm": "LiberationSerif-Bold.ttf"}),
        ("rules/rules.toml", {"Quy định và lịch": "rules.toml", "Sổ tạm": "rules.toml"}),
        ("i18n/qtbase_vi.qm", {"Bản dịch": "không nạp được bản dịch qtbase_vi.qm"}),
    ],
)
def test_self_check_names_what_is_missing_from_the_bundle(tmp_path, removed, failing):
    """The fonts, the rule table and the translations are read from the bundle, not from the
    source tree beside it: take one out of the bundle and the steps that use it fail."""
    bundle = fake_bundle(tmp_path)
    (bundle / "resources" / removed).unlink()
    done = self_check_in(bundle)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = {line.split(":", 1)[0]: line for line in done.stdout.splitlines()}
    assert removed in lines["[LỖI] Tài nguyên"]
    for step, text in failing.items():
        assert text in lines[f"[LỖI] {step}"]
    if "Sổ tạm" in failing:
        assert lines["[LỖI] In PDF"].startswith("[LỖI] In PDF: không có sổ tạm để in")
    assert "[ĐẠT ] Xóa sổ tạm" in lines and "[ĐẠT ] Mô-đun" in lines
    failed = [line for line in lines if line.startswith("[LỖI]")]
    assert len(failed) == 1 + len(failing) + ("Sổ tạm" in failing)
