"""The one rule that must never break: ui → services → store → domain, Qt only in ui/."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def files(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE).parts
    return rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")


ALL = files()


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layer_rules(path):
    mods = imports(path)
    where = layer(path)
    qt = {m for m in mods if m.split(".")[0] in {"PySide6", "shiboken6"}}
    if where not in {"ui", "__main__"}:
        assert not qt, f"Qt imported outside ui/: {qt}"
    if where != "store":
        assert not {
            m for m in mods if m.split(".")[0] in {"peewee", "playhouse", "sqlcipher3", "sqlite3"}
        }, "SQL outside store/"
    if where == "domain":
        assert not {
            m
            for m in mods
            if m.startswith("desktop_app.") and not m.startswith("desktop_app.domain")
        }, "domain must stay pure"
    if where == "store":
        assert not {m for m in mods if m.startswith(("desktop_app.services", "desktop_app.ui"))}
    if where == "services":
        assert not {m for m in mods if m.startswith("desktop_app.ui")}
    if where == "sync":  # beside services: store and domain only
        assert not {m for m in mods if m.startswith(("desktop_app.services", "desktop_app.ui"))}
    if where == "system":  # what the operating system says, nothing of the program's own
        assert not {
            m
            for m in mods
            if m.startswith("desktop_app.") and not m.startswith("desktop_app.system")
        }, "system/ must stay apart"


@pytest.mark.parametrize(
    "path", [p for p in ALL if layer(p) != "store"], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_sql_text_outside_store(path):
    text = path.read_text(encoding="utf-8")
    for needle in ("execute_sql", "PRAGMA ", "SELECT ", "INSERT INTO", ".select("):
        assert needle not in text, f"{needle!r} in {path.name}"


def test_domain_does_no_io():
    for path in files("domain"):
        mods = imports(path)
        assert not mods & {"os", "pathlib", "io", "socket", "subprocess", "shutil"}, path
