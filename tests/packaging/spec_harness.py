"""The PyInstaller spec run against stand-ins of PyInstaller's classes (recording what the spec
asks for), so its configuration is tested without PyInstaller and without a build; and the build
scripts, which are files rather than modules, loaded by path."""

from __future__ import annotations

import importlib.util
import pkgutil
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import desktop_app
from installers import packaging

ROOT = Path(__file__).resolve().parents[2]


def load_script(relative: str, name: str) -> types.ModuleType:
    """A build script (not a package module) imported from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorded:
    """Stands for a PyInstaller class: keeps what it was called with."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


@dataclass
class SpecRun:
    """What the spec asked PyInstaller for."""

    analyses: list = field(default_factory=list)
    exes: list = field(default_factory=list)
    collects: list = field(default_factory=list)
    calls: list = field(default_factory=list)  # (hook function, args, kwargs)
    pyz: list = field(default_factory=list)

    def exe(self, name: str) -> Recorded:
        [found] = [e for e in self.exes if e.kwargs["name"] == name]
        return found


QT_TRANSLATION = ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA")
QT_PLUGIN = ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY")


def run_spec(monkeypatch, windows: bool) -> SpecRun:
    run = SpecRun()

    class Analysis(Recorded):
        def __init__(self, scripts, **kwargs):
            super().__init__(scripts, **kwargs)
            boot = [("pyiboot01_bootstrap", "/pyi/bootstrap.py", "PYSOURCE")]
            self.scripts = boot + [(Path(s).stem, s, "PYSOURCE") for s in scripts]
            self.pure = [("desktop_app", "/src/desktop_app/__init__.py", "PYMODULE")]
            self.binaries = [QT_PLUGIN]
            self.datas = [*kwargs["datas"], QT_TRANSLATION]
            run.analyses.append(self)

    def recorder(target: list, cls=Recorded):
        def make(*args, **kwargs):
            item = cls(*args, **kwargs)
            target.append(item)
            return item

        return make

    def hook(name, result):
        def call(*args, **kwargs):
            run.calls.append((name, args, kwargs))
            return result(*args, **kwargs)

        return call

    def submodules(package):
        found = pkgutil.walk_packages(desktop_app.__path__, desktop_app.__name__ + ".")
        return [package, *(m.name for m in found)]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = hook("collect_submodules", submodules)
    hooks.collect_data_files = hook(
        "collect_data_files", lambda package, includes: [(f"{package}/{includes[0]}", package)]
    )
    hooks.copy_metadata = hook("copy_metadata", lambda name: [(f"{name}.dist-info", name)])
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in (
        "FixedFileInfo",
        "StringFileInfo",
        "StringStruct",
        "StringTable",
        "VarFileInfo",
        "VarStruct",
        "VSVersionInfo",
    ):
        setattr(versioninfo, name, type(name, (Recorded,), {}))
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.win32"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", versioninfo)
    monkeypatch.setattr(packaging, "WINDOWS", windows)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts the repository first
    spec_globals = {
        "__name__": "__spec__",
        "__file__": str(packaging.SPEC),
        "SPECPATH": str(packaging.SPEC.parent),
        "Analysis": Analysis,
        "PYZ": recorder(run.pyz),
        "EXE": recorder(run.exes),
        "COLLECT": recorder(run.collects),
    }
    code = compile(packaging.SPEC.read_text(encoding="utf-8"), str(packaging.SPEC), "exec")
    exec(code, spec_globals)
    return run
