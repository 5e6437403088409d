"""The Linux package: a valid menu entry in Vietnamese, the icon, launchers in /usr/bin, and a
control file that agrees with the package. The package is laid out from a stand-in onedir
here; building the real one takes minutes (installers/linux/build_deb.py)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from installers import packaging
from tests.packaging.spec_harness import ROOT, load_script

DESKTOP = ROOT / "installers" / "linux" / "sochibo.desktop"
REQUIRED_KEYS = {"Type", "Name", "Exec", "Icon", "Terminal", "Categories", "Comment"}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_file_has_the_required_keys():
    entry = desktop_entry()
    assert set(entry) >= REQUIRED_KEYS
    assert entry["Type"] == "Application"
    assert entry["Version"] in {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"}
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")


def test_desktop_file_names_the_program_in_vietnamese():
    entry = desktop_entry()
    assert entry["Name"] == entry["Name[vi]"] == packaging.DISPLAY_NAME == "Sổ Chi bộ"
    assert entry["Comment[vi]"] == "Sổ đảng viên của chi bộ, mã hóa, dùng không cần mạng"
    for key in entry:
        if "[" in key:
            assert key.split("[")[0] in entry, f"{key} has no untranslated {key.split('[')[0]}"


def test_desktop_file_starts_the_window_with_the_installed_icon():
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == entry["TryExec"] == packaging.GUI_NAME
    assert entry["Exec"].split()[1:] == ["%f"]  # a register given by the file manager
    assert entry["Icon"] == packaging.NAME  # usr/share/icons/hicolor/256x256/apps/sochibo.png
    assert entry["StartupWMClass"] == packaging.GUI_NAME  # Qt's WM_CLASS: the program's name


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_passes_desktop_file_validate():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_icons():
    png = Image.open(packaging.ICON_PNG)
    assert png.format == "PNG" and png.size == (256, 256) and png.mode == "RGBA"
    ico = Image.open(packaging.ICON_ICO)
    assert ico.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    assert png.getpixel((128, 128))[3] == 255 and png.getpixel((0, 0))[3] == 0  # rounded


@pytest.fixture
def staged(build_deb, tmp_path) -> Path:
    onedir = tmp_path / "dist" / packaging.NAME
    (onedir / "_internal" / "resources").mkdir(parents=True)
    for name in (packaging.NAME, packaging.GUI_NAME):
        (onedir / name).write_bytes(b"\x7fELF")
        (onedir / name).chmod(0o755)
    (onedir / "_internal" / "libQt6Core.so.6").write_bytes(b"x" * 4096)
    (onedir / "_internal" / "libQt6Core.so").symlink_to("libQt6Core.so.6")
    root = tmp_path / "root"
    build_deb.stage(onedir, root, "amd64")
    return root


def test_package_tree(staged):
    assert (staged / "opt/sochibo/sochibo").is_file()
    assert (staged / "opt/sochibo/_internal/libQt6Core.so").is_symlink()  # links kept
    assert (staged / "usr/share/applications/sochibo.desktop").read_bytes() == DESKTOP.read_bytes()
    icon = staged / "usr/share/icons/hicolor/256x256/apps/sochibo.png"
    assert icon.read_bytes() == packaging.ICON_PNG.read_bytes()
    assert (staged / "usr/share/doc/sochibo/OFL-LiberationSerif.txt").is_file()


@pytest.mark.parametrize("name", [packaging.NAME, packaging.GUI_NAME])
def test_launchers_in_usr_bin(staged, name):
    launcher = staged / "usr" / "bin" / name
    assert launcher.stat().st_mode & 0o777 == 0o755
    text = launcher.read_text()
    assert text.startswith("#!/bin/sh\n")
    assert f'exec /opt/sochibo/{name} "$@"' in text


def test_control_file_agrees_with_the_package(staged, build_deb):
    fields = dict(
        line.split(": ", 1)
        for line in (staged / "DEBIAN/control").read_text(encoding="utf-8").splitlines()
        if not line.startswith(" ")
    )
    assert fields["Package"] == packaging.NAME
    assert fields["Version"] == packaging.version()
    assert fields["Architecture"] == "amd64"
    assert fields["Description"].startswith("Sổ Chi bộ: ")
    files = [
        p
        for p in staged.rglob("*")
        if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.parts
    ]
    # KiB of what lands on disk: the 4 KiB library once, though a link points at it too
    assert int(fields["Installed-Size"]) == sum(p.stat().st_size for p in files) // 1024 + 1


def test_depends_on_the_libraries_qt_needs(build_deb):
    """The same system libraries as dev.py's hint for a missing Qt X11 plugin."""
    dev = load_script("dev.py", "sochibo_dev")
    assert set(dev._QT_SYSTEM_LIBS.values()) <= set(build_deb.DEPENDS)


def test_directories_are_world_readable(staged):
    for folder in [staged, *(p for p in staged.rglob("*") if p.is_dir())]:
        assert folder.stat().st_mode & 0o777 == 0o755, folder


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="dpkg-deb")
def test_dpkg_deb_packs_the_tree(staged, build_deb, tmp_path):
    deb = tmp_path / "sochibo.deb"
    build_deb.pack(staged, deb, "zstd")  # the fast one; the real build uses xz
    info = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True)
    assert f"Version: {packaging.version()}" in info.stdout
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    for path in ("./usr/bin/sochibo-gui", "./usr/share/applications/sochibo.desktop"):
        assert path in listing.stdout
    assert "root/root" in listing.stdout and "./opt/sochibo/sochibo" in listing.stdout
