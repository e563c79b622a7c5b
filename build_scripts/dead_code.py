"""The dead-code check of the test command: functions, classes, methods and properties in kcdesk/ that
nothing in the package, its tests, benchmarks or build scripts uses (vulture, pinned in the dev extras).

Attributes and variables are left to ruff (F841) and to the reader: vulture cannot tell an attribute set
on python-docx or Qt objects from a dead one. The allow-list names what the frameworks call by name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vulture import Vulture

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("kcdesk", "tests", "benchmarks", "build_scripts")
KINDS = ("function", "class", "method", "property")
ALLOWED = {  # called by a framework, never by our code
    "paint", "hoverEvent", "mouseClickEvent", "dragEnterEvent",  # Qt event handlers
    "tickStrings",  # pyqtgraph AxisItem override: the axis calls it to write its tick labels
    "is_safe_attribute", "is_safe_callable", "call_binop", "tags",  # jinja2 sandbox overrides
    "register_vocabulary",  # normalise.columns' hook for vocabularies added later (issue 18)
    "content_text",  # landed with the content groups while issue 15 is in progress: use it or remove it
    "channel_label",  # landed with the channel vocabulary; issue 18's wording uses it next
}


def dead_code(root: Path = ROOT) -> list[str]:
    scanner = Vulture()
    scanner.scavenge([str(root / name) for name in SCANNED if (root / name).exists()])
    package = root / "kcdesk"
    found = []
    for item in scanner.get_unused_code(min_confidence=60):
        path = Path(item.filename)
        if item.typ in KINDS and package in path.parents and item.name not in ALLOWED:
            found.append(f"{path.relative_to(root)}:{item.first_lineno}: unused {item.typ} {item.name!r}")
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__).parse_args(argv)
    found = dead_code()
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} unused definitions: remove them, or add a framework hook to ALLOWED with why.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
