"""Qt stays at the edges (every module outside gui/ and charts/ imports without Qt); SQL stays in the store."""

from __future__ import annotations

import io
import pkgutil
import re
import subprocess
import sys
import tokenize
from pathlib import Path

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


# SQL lives in kcdesk/core/store/ only: any string literal elsewhere that reads like a statement fails.
SQL_TEXT = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TEMP\s+|VIRTUAL\s+)?"
    r"(TABLE|INDEX|VIEW|TRIGGER)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s+\w+|BEGIN\s+IMMEDIATE|VACUUM)\b",
    re.DOTALL)
SQL_CALLS = re.compile(r"\.(execute|executemany|executescript)\(|read_sql(_query)?\(|\b_connection\b|\._query\(|\._scalar\(")
STORE = Path(kcdesk.__file__).parent / "core" / "store"


def _sql_outside_store(text: str, name: str) -> list[str]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.STRING and SQL_TEXT.search(token.string):
            found.append(f"{name}:{token.start[0]}: {token.string[:60]}")
    for number, line in enumerate(text.splitlines(), 1):
        if SQL_CALLS.search(line) and not line.lstrip().startswith("#"):
            found.append(f"{name}:{number}: {line.strip()[:60]}")
    return found


def test_sql_only_in_the_store():
    root = Path(kcdesk.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if STORE in path.parents:
            continue
        found += _sql_outside_store(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
    assert found == [], "SQL outside kcdesk/core/store/:\n" + "\n".join(found)


def test_the_sql_check_finds_sql():
    sample = 'rows = project._query("SELECT id FROM topics WHERE name = ?", (name,))\nx = "Select a file"\n'
    assert len(_sql_outside_store(sample, "sample.py")) == 2  # the statement and the private call
    assert _sql_outside_store('label = "Выберите файл"\n', "ok.py") == []


# The import flows read → normalise → store: reading (kcdesk/core/read) finds tables and yields raw
# rows and knows nothing of what comes after it; the field names it recognises headers by live in
# kcdesk/core/fields.py, beside both.
LAYERS = {"read": ("kcdesk.core.normalise", "kcdesk.core.store", "kcdesk.core.importing",
                   "kcdesk.core.analyse", "kcdesk.core.report", "kcdesk.core.usecases")}
IMPORT_LINE = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))", re.MULTILINE)


def _imports(text: str) -> list[str]:
    return [a or b for a, b in IMPORT_LINE.findall(text)]


def _layer_violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    root = Path(kcdesk.__file__).parent / "core" / layer
    found = []
    for path in sorted(root.rglob("*.py")):
        for name in _imports(path.read_text(encoding="utf-8")):
            if name.startswith(forbidden):
                found.append(f"{path.relative_to(root.parent)}: {name}")
    return found


def test_reading_does_not_import_what_comes_after_it():
    found = [v for layer, forbidden in LAYERS.items() for v in _layer_violations(layer, forbidden)]
    assert found == [], "read/ imports a later stage:\n" + "\n".join(found)


def test_the_layer_check_finds_imports():
    text = "from kcdesk.core.normalise.fields import match_header\n    import kcdesk.core.store.project\n"
    assert _imports(text) == ["kcdesk.core.normalise.fields", "kcdesk.core.store.project"]
