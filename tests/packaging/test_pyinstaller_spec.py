"""The PyInstaller spec: one folder with two programs, no UPX, every resource bundled where the
program looks for it, the run-time imports PyInstaller cannot see, and on Windows the icon and
a version resource made from pyproject.toml."""

from __future__ import annotations

import ast
import re
from pathlib import Path, PurePosixPath

import pytest

from desktop_app import self_check
from installers import packaging
from tests.packaging.spec_harness import QT_PLUGIN, QT_TRANSLATION, ROOT, SpecRun


def bundled_files(run: SpecRun) -> set[str]:
    """Every file the spec's data list puts in the bundle, as bundle paths."""
    [analysis] = run.analyses
    found = set()
    for source, dest in analysis.kwargs["datas"]:
        source = Path(source)
        if source.is_dir():
            found |= {
                str(PurePosixPath(dest, *p.relative_to(source).parts))
                for p in source.rglob("*")
                if p.is_file()
            }
        elif source.is_file():
            found.add(str(PurePosixPath(dest, source.name)))
    return found


def test_two_programs_in_one_folder_never_one_file(spec_run):
    assert {e.kwargs["name"] for e in spec_run.exes} == {packaging.NAME, packaging.GUI_NAME}
    for exe in spec_run.exes:
        assert exe.kwargs["exclude_binaries"] is True  # onedir: libraries beside, not inside
        assert exe.kwargs["upx"] is False
        pyz, _scripts, options = exe.args
        assert pyz is spec_run.pyz[0]
        assert ("X utf8", None, "OPTION") in options
    [collect] = spec_run.collects
    assert collect.kwargs == {"upx": False, "name": packaging.NAME}
    assert spec_run.exes[0] in collect.args and spec_run.exes[1] in collect.args


def test_console_program_and_windowed_program(spec_run):
    assert spec_run.exe(packaging.NAME).kwargs["console"] is True
    assert spec_run.exe(packaging.GUI_NAME).kwargs["console"] is False


def test_each_program_runs_its_own_entry_script_only(spec_run):
    entries = {packaging.NAME: "sochibo_cli", packaging.GUI_NAME: "sochibo_gui"}
    for name, entry in entries.items():
        scripts = [s[0] for s in spec_run.exe(name).args[1]]
        assert scripts == ["pyiboot01_bootstrap", entry]


@pytest.mark.parametrize(
    ("script", "module", "function"),
    [
        ("sochibo_cli.py", "desktop_app.cli", "main"),
        ("sochibo_gui.py", "desktop_app.__main__", "gui_main"),
    ],
)
def test_entry_scripts_call_the_declared_entry_points(script, module, function):
    declared = packaging.console_scripts()
    name = packaging.NAME if script == "sochibo_cli.py" else packaging.GUI_NAME
    assert declared[name] == f"{module}:{function}"
    tree = ast.parse((packaging.SPEC.parent / script).read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in imports] == [(module, [function])]
    assert f"sys.exit({function}())" in ast.unparse(tree)


def test_every_file_under_resources_is_bundled_where_the_program_looks(spec_run):
    bundled = bundled_files(spec_run)
    expected = {f"resources/{p.as_posix()}" for p in packaging.resource_files()}
    assert expected <= bundled
    assert packaging.BUNDLE_RESOURCES == "resources"  # paths.resources_dir(): _MEIPASS/resources


def test_the_fonts_translations_and_rule_table_are_among_them(spec_run):
    bundled = bundled_files(spec_run)
    wanted = [f"resources/fonts/{name}" for name in self_check.FONT_FILES]
    wanted += ["resources/fonts/OFL.txt", f"resources/{self_check.RULES_FILE}"]
    wanted += [
        f"resources/i18n/{c}_vi.{ext}" for c in self_check.CATALOGUES for ext in ("qm", "ts")
    ]
    wanted += ["resources/icons/sochibo.png", "resources/icons/sochibo.ico"]
    assert not [name for name in wanted if name not in bundled]


def test_a_new_resource_file_is_bundled_without_editing_the_spec(monkeypatch, tmp_path):
    resources = tmp_path / "resources"
    (resources / "fonts").mkdir(parents=True)
    (resources / "fonts" / "New.ttf").write_bytes(b"x")
    (resources / "maps").mkdir()
    (resources / "maps" / "vn.json").write_text("{}")
    (resources / "README.txt").write_text("top level")
    monkeypatch.setattr(packaging, "RESOURCES", resources)
    assert dict(packaging.data_entries()) == {
        str(resources / "fonts"): "resources/fonts",
        str(resources / "maps"): "resources/maps",
        str(resources / "README.txt"): "resources",
    }
    assert packaging.resource_files() == [
        Path("README.txt"),
        Path("fonts/New.ttf"),
        Path("maps/vn.json"),
    ]


def test_every_module_of_the_program_is_collected(spec_run):
    """The window's pages are imported by name, so the analysis cannot find them alone; the
    schema migrations are code (imported by store/migrations), collected the same way."""
    [analysis] = spec_run.analyses
    hidden = set(analysis.kwargs["hiddenimports"])
    assert ("collect_submodules", ("desktop_app",), {}) in spec_run.calls
    pages = {f"desktop_app.ui.pages.{p.stem}" for p in (ROOT / "desktop_app/ui/pages").glob("*.py")}
    migrations = {
        f"desktop_app.store.migrations.{p.stem}"
        for p in (ROOT / "desktop_app/store/migrations").glob("m*.py")
    }
    assert len(migrations) >= 5
    assert (pages - {"desktop_app.ui.pages.__init__"}) | migrations <= hidden
    assert set(packaging.HOLIDAY_MODULES) <= hidden


def test_run_time_metadata_and_holiday_names_are_bundled(spec_run):
    names = {args[0] for fn, args, _ in spec_run.calls if fn == "copy_metadata"}
    assert names == {"sochibo", "holidays"}
    [(_fn, args, kwargs)] = [c for c in spec_run.calls if c[0] == "collect_data_files"]
    assert args == ("holidays",)
    assert kwargs == {"includes": ["locale/*/LC_MESSAGES/VN.mo"]}  # Vietnamese holiday names


def test_qt_own_catalogues_are_left_out_but_not_its_plugins(spec_run):
    [analysis] = spec_run.analyses
    assert QT_TRANSLATION not in analysis.datas
    assert QT_PLUGIN in analysis.binaries
    assert len(analysis.datas) == len(analysis.kwargs["datas"])


def test_windows_programs_carry_the_icon_and_the_package_version(windows_spec):
    for name in (packaging.NAME, packaging.GUI_NAME):
        exe = windows_spec.exe(name)
        assert Path(exe.kwargs["icon"]) == packaging.ICON_ICO and packaging.ICON_ICO.is_file()
        info = exe.kwargs["version"]
        fixed = info.kwargs["ffi"].kwargs
        assert fixed["filevers"] == fixed["prodvers"] == packaging.version_tuple()
        string_file, var_file = info.kwargs["kids"]
        [table] = string_file.args[0]
        language, structs = table.args
        strings = dict(s.args for s in structs)
        assert strings["ProductVersion"] == strings["FileVersion"] == packaging.version()
        assert strings["OriginalFilename"] == f"{name}.exe"
        assert strings["ProductName"] == "Sổ Chi bộ"
        assert language == "042A04B0"  # Vietnamese, Unicode
        assert var_file.args[0][0].args == ("Translation", [0x042A, 1200])


def test_linux_programs_leave_windows_resources_out(monkeypatch):
    from tests.packaging.spec_harness import run_spec

    run = run_spec(monkeypatch, windows=False)
    for exe in run.exes:
        assert exe.kwargs["icon"] is None and exe.kwargs["version"] is None
    assert not [c for c in run.calls if c[0] == "VSVersionInfo"]


def test_the_package_version_is_plain_numbers():
    """Windows' version resource and Inno Setup's VersionInfoVersion take numbers only."""
    assert re.fullmatch(r"\d+\.\d+\.\d+", packaging.version())


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.0rc1", (1, 2, 0, 0)),
        ("2.3.4.5", (2, 3, 4, 5)),
        ("3", (3, 0, 0, 0)),
    ],
)
def test_version_tuple(monkeypatch, version, numbers):
    monkeypatch.setattr(packaging, "version", lambda: version)
    assert packaging.version_tuple() == numbers


def test_the_build_extra_pins_pyinstaller():
    build = packaging.project()["optional-dependencies"]["build"]
    [pin] = [d for d in build if d.startswith("pyinstaller>")]
    assert re.fullmatch(r"pyinstaller>=6\.\d+,<7", pin)
