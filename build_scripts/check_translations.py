"""Fail when i18n/kcdesk_{kk,ru}.ts are stale against the GUI sources or hold unfinished/empty entries.

    .venv/bin/python build_scripts/check_translations.py

Stale: running lupdate on a copy would add or drop a source string. The .qm files must also be
newer than their .ts (run build_scripts/update_translations.py).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build_scripts"))

from update_translations import LANGS, lupdate, ts_files  # noqa: E402


def entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def problems_in(ts: Path) -> list[str]:
    problems = []
    for (context, source), message in entries(ts).items():
        translation = message.find("translation")
        where = f"{ts.name}: [{context}] {source[:60]!r}"
        if translation is None:
            problems.append(f"{where}: no translation")
            continue
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where}: {kind}")
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if any(not t.strip() for t in texts):
            problems.append(f"{where}: empty")
        for marker in ("%1", "%2", "%3", "%4", "%n"):
            if marker in source and not all(marker in t for t in texts):
                problems.append(f"{where}: translation lacks {marker}")
        for name in ("{file}", "{sheet}", "{row}", "{value}", "{reason}", "{count}", "{field}", "{code}",
                     "{roman}", "{year}"):
            if name in source and not all(name in t for t in texts):
                problems.append(f"{where}: translation lacks {name}")
    return problems


def stale(ts: Path) -> list[str]:
    """Strings lupdate would add or remove now."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / ts.name
        shutil.copy2(ts, copy)
        lupdate([copy])
        before, after = set(entries(ts)), set(entries(copy))
    added = [f"{ts.name}: not in the .ts yet: [{c}] {s[:60]!r}" for c, s in sorted(after - before)]
    removed = [f"{ts.name}: no longer in the sources: [{c}] {s[:60]!r}" for c, s in sorted(before - after)]
    return added + removed


def check() -> list[str]:
    problems = []
    for ts in ts_files():
        if not ts.is_file():
            problems.append(f"{ts.name}: missing")
            continue
        problems += stale(ts) + problems_in(ts)
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_size == 0:
            problems.append(f"{qm.name}: missing; run build_scripts/update_translations.py")
    return problems


def main() -> int:
    problems = check()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {', '.join(f'kcdesk_{c}.ts' for c in LANGS)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
