"""Refresh i18n/kcdesk_{kk,ru}.ts from the GUI sources (pyside6-lupdate) and compile them to .qm (pyside6-lrelease).

    .venv/bin/python build_scripts/update_translations.py [--no-release]

First the message table in kcdesk/gui/messages.py is brought in line with the core's codes
(kcdesk/core/messages.py ENGLISH), so a new error code only needs its two translations.
New strings arrive as unfinished entries: translate them (Qt Linguist or an editor), then run
this again; build_scripts/check_translations.py fails while any entry is unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("kk", "ru")
I18N = ROOT / "i18n"


def tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "kcdesk" / "gui").rglob("*.py") if "__pycache__" not in p.parts)


def ts_files() -> list[Path]:
    return [I18N / f"kcdesk_{code}.ts" for code in LANGS]


GUI_MESSAGES = ROOT / "kcdesk" / "gui" / "messages.py"
BEGIN, END = "TEMPLATES: dict[str, Callable[[], str]] = {\n", "\n}\n"


def sync_messages() -> bool:
    """Rewrite the TEMPLATES block of gui/messages.py from ENGLISH; True when it changed."""
    sys.path.insert(0, str(ROOT))
    from kcdesk.core.messages import ENGLISH

    text = GUI_MESSAGES.read_text(encoding="utf-8")
    start = text.index(BEGIN) + len(BEGIN)
    end = text.index(END, start)
    # lupdate only sees literal QCoreApplication.translate("messages", "...") calls.
    body = "\n".join(f'    {code!r}: lambda: QCoreApplication.translate("messages", {english!r}),'
                     for code, english in ENGLISH.items())
    new = text[:start] + body + text[end:]
    if new != text:
        GUI_MESSAGES.write_text(new, encoding="utf-8")
    return new != text


def lupdate(targets: list[Path], extra: list[str] | None = None) -> None:
    I18N.mkdir(exist_ok=True)
    command = [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *(extra or []),
               *map(str, sources()), "-ts", *map(str, targets)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True, text=True)


def lrelease() -> list[Path]:
    written = []
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT,
                       capture_output=True, text=True)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="only refresh the .ts files")
    args = parser.parse_args(argv)
    if sync_messages():
        print(GUI_MESSAGES.relative_to(ROOT))
    lupdate(ts_files())
    for ts in ts_files():
        print(ts.relative_to(ROOT))
    if not args.no_release:
        for qm in lrelease():
            print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
