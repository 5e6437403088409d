"""``sochibo upper demo``: the demo upper level from the command line, as text and JSON; a
folder that already holds one is refused with a message."""

from __future__ import annotations

import functools
import json

from desktop_app import paths
from desktop_app.cli import main
from desktop_app.services import demo_upper, registers, upper_workspace
from desktop_app.store.keys import FAST_KDF_FOR_TESTS


def fast(monkeypatch) -> None:
    made = functools.partial(demo_upper.create_demo_upper, kdf=FAST_KDF_FOR_TESTS)
    monkeypatch.setattr(demo_upper, "create_demo_upper", made)


def test_upper_demo_as_json(tmp_path, capsys, monkeypatch) -> None:
    fast(monkeypatch)
    folder = tmp_path / "mau"
    assert main(["upper", "demo", "--folder", str(folder), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["workspace"] == str(folder / demo_upper.WORKSPACE_FILE)
    assert doc["passphrase"] == paths.DEMO_PASSPHRASE
    assert set(doc["cells"]) == {"CB-THPT-NT", "CB-KP3"}
    listed = {c["code"]: c for c in doc["listed"]}
    assert set(listed) == {"CB-THPT-NT", "CB-KP3", "CB-THCS-LL"}
    assert listed["CB-KP3"]["pinned"] and not listed["CB-THCS-LL"]["pinned"]
    assert doc["waiting"].endswith(".sochibo-goi") and (folder / "usb").is_dir()
    with registers.open_register(folder / demo_upper.WORKSPACE_FILE, paths.DEMO_PASSPHRASE) as reg:
        assert len(upper_workspace.list_cells(reg)) == 3  # closed by the command: opens again


def test_upper_demo_as_text_then_refused(tmp_path, capsys, monkeypatch) -> None:
    fast(monkeypatch)
    folder = tmp_path / "mau"
    assert main(["upper", "demo", "--folder", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Đã tạo cấp trên mẫu: {folder / demo_upper.WORKSPACE_FILE}")
    assert f"Mật khẩu: {paths.DEMO_PASSPHRASE}" in out
    assert "CB-THCS-LL" in out and "chưa nhận gói nào" in out
    assert main(["upper", "demo", "--folder", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "Đã có sổ làm việc mẫu" in err


def test_upper_demo_goes_to_the_data_folder_by_default(capsys, monkeypatch) -> None:
    fast(monkeypatch)
    assert main(["upper", "demo", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["workspace"] == str(demo_upper.workspace_path())
    assert demo_upper.workspace_path().is_file()
