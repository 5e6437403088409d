"""The Inno Setup script agrees with the package and the spec, installs per user without
administrator rights, speaks Vietnamese, adds a Start-menu entry, and never removes the user's
registers and backups. (Compiling it needs Windows: installers/README.md.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path, PureWindowsPath

import platformdirs
import pytest

from desktop_app import paths
from installers import packaging

ISS = packaging.ISS
TEXT = ISS.read_text(encoding="utf-8-sig")


def vietnamese(text: str) -> bool:
    """Written with Vietnamese letters (a plain-ASCII text is English or unaccented)."""
    return any(ord(c) > 127 and c.isalpha() for c in text)


def sections(text: str = TEXT) -> dict[str, list[str]]:
    """Lines of each [Section] (comments and ISPP lines left out)."""
    found: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#", "//")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            found.setdefault(current, [])
        elif current:
            found[current].append(line)
    return found


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["Setup"])


def defines() -> dict[str, str]:
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^\s*#define (\w+) (.+)$", TEXT, re.MULTILINE)
    }


def entries(section: str) -> list[dict[str, str]]:
    """``Name: "x"; Flags: a b`` entries as dicts."""
    rows = []
    for line in sections()[section]:
        parts = shlex.split(line.replace(";", " ;"), posix=True)
        row, key = {}, None
        for part in parts:
            if part == ";":
                continue
            if part.endswith(":") and key is None:
                key = part[:-1]
            elif key is not None:
                row[key] = part
                key = None
        rows.append(row)
    return rows


def expand(value: str) -> str:
    """ISPP ``{#Name}`` replaced by the script's literal defines."""
    names = {k: v.strip('"') for k, v in defines().items() if v.startswith('"')}
    return re.sub(r"\{#(\w+)\}", lambda m: names[m.group(1)], value)


def custom_messages() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["CustomMessages"])


def test_saved_as_utf8_with_bom():
    """Every Inno Setup 6 reads a UTF-8 script correctly when it has the BOM."""
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_names_agree_with_the_spec():
    names = defines()
    assert names["GuiExe"] == f'"{packaging.GUI_NAME}.exe"'
    assert names["CliExe"] == f'"{packaging.NAME}.exe"'
    assert names["AppName"] == f'"{packaging.DISPLAY_NAME}"'
    dist = names["DistDir"].split("+")[-1].strip().strip('"')
    resolved = (ISS.parent / PureWindowsPath(dist).as_posix()).resolve()
    assert resolved == packaging.DIST / packaging.NAME  # where the spec's COLLECT writes


def test_version_comes_from_the_package():
    """Built by the script, ISCC gets /DAppVersion from pyproject.toml; compiled by hand, the
    version is read from the console program's version resource, which the spec fills from
    the same pyproject.toml (test_pyinstaller_spec)."""
    assert setup()["AppVersion"] == "{#AppVersion}"
    assert setup()["VersionInfoVersion"] == "{#AppVersion}"
    assert re.search(
        r'#ifndef AppVersion\s+#define AppVersion GetStringFileInfo\(DistDir \+ "\\" \+ CliExe, '
        r'"ProductVersion"\)\s+#endif',
        TEXT,
    )
    assert '#if AppVersion == ""' in TEXT  # no version: the compile stops


def test_per_user_install_without_administrator_rights():
    values = setup()
    assert values["PrivilegesRequired"] == "lowest"
    assert values["PrivilegesRequiredOverridesAllowed"] == ""  # never offers to elevate
    assert values["DefaultDirName"] == r"{localappdata}\Programs\{#AppFolder}"
    assert values["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert not re.search(r"\{(pf|commonpf|autopf|commonappdata|win|sys)\}", TEXT)


def test_icon_and_output_name():
    values = setup()
    icon = (ISS.parent / PureWindowsPath(values["SetupIconFile"]).as_posix()).resolve()
    assert icon == packaging.ICON_ICO
    output = (ISS.parent / PureWindowsPath(values["OutputDir"]).as_posix()).resolve()
    assert output == packaging.DIST
    assert values["OutputBaseFilename"] == "sochibo-{#AppVersion}-cai-dat"
    assert values["UninstallDisplayIcon"] == r"{app}\{#GuiExe}"


def test_app_id_is_a_guid():
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup()["AppId"])


def test_vietnamese_messages_file_and_custom_messages():
    [language] = entries("Languages")
    assert language == {"Name": "vietnamese", "MessagesFile": "Vietnamese.isl"}
    messages = custom_messages()
    assert messages and all(key.startswith("vietnamese.") for key in messages)
    not_vietnamese = [k for k, v in messages.items() if not vietnamese(v)]
    assert not not_vietnamese


def test_every_custom_message_used_is_defined():
    defined = {key.removeprefix("vietnamese.") for key in custom_messages()}
    used = set(re.findall(r"\{cm:(\w+)", TEXT)) | set(re.findall(r"CustomMessage\('(\w+)'\)", TEXT))
    assert used and used <= defined
    assert {"LaunchProgram", "CreateDesktopIcon", "DataKept", "SelfCheckFailed"} <= used


def test_start_menu_entry_opens_the_window():
    icons = entries("Icons")
    menu = [i for i in icons if i["Name"].startswith("{autoprograms}") and "Tasks" not in i]
    program = [i for i in menu if i["Filename"] == r"{app}\{#GuiExe}"]
    assert [expand(i["Name"]) for i in program] == [r"{autoprograms}\Sổ Chi bộ"]


def test_the_data_folder_is_the_one_the_program_uses():
    """{localappdata}\\SoChiBo is platformdirs' user data folder on Windows for the program's
    settings (paths.data_dir: appauthor=False, roaming=False)."""
    assert defines()["DataDir"] == f'"{{localappdata}}\\{paths.APP_NAME}"'
    unix = platformdirs.unix.Unix(paths.APP_NAME, appauthor=False, roaming=False)
    assert Path(unix.user_data_dir).name == paths.APP_NAME  # the same app name on every system


def test_the_uninstaller_keeps_the_registers_and_backups():
    data = expand("{#DataDir}")
    [folder] = [d for d in entries("Dirs") if expand(d["Name"]) == data]
    assert "uninsneveruninstall" in folder["Flags"].split()
    for section in ("UninstallDelete", "InstallDelete"):
        assert section not in sections(), f"[{section}] could remove the user's files"
    install_dir = expand(setup()["DefaultDirName"])
    assert not install_dir.lower().startswith(data.lower() + "\\")  # not inside the data folder
    assert not data.lower().startswith(install_dir.lower() + "\\")  # nor the data in it
    assert "NEVER deletes it" in TEXT  # and the script says so


def test_the_installer_runs_the_self_check_and_reports_a_failure():
    code = TEXT[TEXT.index("[Code]") :]
    assert "'--self-check'" in code and "ExpandConstant('{app}\\{#CliExe}')" in code
    assert "CustomMessage('SelfCheckFailed')" in code


def test_requires_the_language_file_and_a_built_folder():
    assert '#if !FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")' in TEXT
    assert '#if !FileExists(DistDir + "\\" + CliExe)' in TEXT


def test_build_script_passes_the_package_version(build_installer, tmp_path):
    iscc = tmp_path / "ISCC.exe"
    command = build_installer.iscc_command(iscc)
    assert command == [str(iscc), f"/DAppVersion={packaging.version()}", str(ISS)]
    expected = f"sochibo-{packaging.version()}-cai-dat.exe"
    assert build_installer.installer_path() == packaging.DIST / expected
    base = setup()["OutputBaseFilename"].replace("{#AppVersion}", packaging.version())
    assert f"{base}.exe" == expected


@pytest.mark.parametrize(
    ("content", "accepted"),
    [
        ("[LangOptions]\nLanguageName=Ti\u1ebfng Vi\u1ec7t\nLanguageID=$042A\n", True),
        ("\ufeff[LangOptions]\n  languageid = $042a\n", True),
        ("[LangOptions]\nLanguageID=$0409\n", False),  # English
        ("not a language file", False),
    ],
)
def test_build_script_checks_the_vietnamese_language_file(
    build_installer, monkeypatch, tmp_path, content, accepted
):
    isl = tmp_path / "Vietnamese.isl"
    isl.write_text(content, encoding="utf-8")
    monkeypatch.setattr(build_installer, "LANGUAGE_FILE", isl)
    if accepted:
        build_installer.check_language_file()
    else:
        with pytest.raises(SystemExit, match="not Inno Setup's Vietnamese translation"):
            build_installer.check_language_file()


def test_build_script_says_where_the_missing_language_file_goes(build_installer, monkeypatch):
    monkeypatch.setattr(build_installer, "LANGUAGE_FILE", Path("/nonexistent/Vietnamese.isl"))
    with pytest.raises(SystemExit, match=r"Vietnamese.isl is missing: see installers/README.md"):
        build_installer.check_language_file()


def test_build_script_refuses_to_run_off_windows(build_installer, monkeypatch):
    monkeypatch.setattr(packaging, "WINDOWS", False)
    with pytest.raises(SystemExit, match="built on Windows"):
        build_installer.main([])
