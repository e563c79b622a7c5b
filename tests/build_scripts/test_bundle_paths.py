"""Library files opened by a path that climbs out of the module's folder (`__file__` with ".."): inside
the one-file build those folders may not exist (modules sit in the PYZ), and on Linux "a/b/../c" fails
when a/b is missing: the справка could not be written from the Linux one-file build because python-docx
opens docx/parts/../templates/default-header.xml. Every such library module is either collected as
source beside the PYZ (bundle_trim.COLLECT_AS_SOURCE) or recorded as harmless, with why."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

from bundle_trim import CLIMBING_PATHS_HARMLESS, COLLECT_AS_SOURCE  # noqa: E402

CLIMBS = re.compile(r"""__file__.*(?:["']\.\.["']|\.parent\.parent|parents\[|["']\.\./)""")


def _bundled_distributions() -> set[str]:
    """kcdesk's run-time requirements and theirs (the PyInstaller analysis starts from the same imports)."""
    seen: set[str] = set()
    todo = ["kcdesk"]
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            todo.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0])
    return seen


def climbing_paths() -> dict[str, str]:
    """'package/module.py' → the offending line, over the bundled libraries' non-test sources."""
    bundled = _bundled_distributions() - {"kcdesk"}
    found: dict[str, str] = {}
    for top, distributions in metadata.packages_distributions().items():
        if not {d.lower().replace("_", "-") for d in distributions} & bundled:
            continue
        for location in {Path(p) for p in sys.path if p and (Path(p) / top).is_dir()}:
            for path in (location / top).rglob("*.py"):
                relative = path.relative_to(location).as_posix()
                if "/tests/" in relative or "/testing/" in relative:
                    continue
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    if CLIMBS.search(line) and not line.lstrip().startswith("#"):
                        found[relative] = line.strip()
                        break
    return found


def test_the_scan_finds_the_known_case() -> None:
    assert "docx/parts/hdrftr.py" in climbing_paths()  # the scan would find the bug CI hit


def test_every_climbing_path_is_collected_as_source_or_harmless() -> None:
    unexplained = {path: line for path, line in climbing_paths().items()
                   if path.split("/")[0] not in COLLECT_AS_SOURCE and path not in CLIMBING_PATHS_HARMLESS}
    assert not unexplained, (
        "library modules open files through '..' from __file__: add the package to "
        f"bundle_trim.COLLECT_AS_SOURCE or, if never reached at run time, to CLIMBING_PATHS_HARMLESS: {unexplained}")
