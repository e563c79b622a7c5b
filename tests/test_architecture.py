"""Qt stays at the edges: every module outside gui/ and charts/ imports without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kcdesk

QT_FREE_PREFIXES = ("kcdesk.core", "kcdesk.cli")
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")


def _qt_free_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(kcdesk.__path__, "kcdesk.")]
    return sorted(n for n in names if n.startswith(QT_FREE_PREFIXES))


def test_there_are_core_modules_to_check():
    assert "kcdesk.core.errors" in _qt_free_modules()


def test_core_and_cli_import_without_qt():
    modules = _qt_free_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt loaded by core/cli: {result.stdout}"
