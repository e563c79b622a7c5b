"""The complete, pinned list of what the Windows build installs (printed one requirement a line):
pyproject.toml's pinned dependencies and its `build` extra, then every other package from
constraints-win.txt. windows_under_wine.sh downloads exactly these win_amd64 wheels with --no-deps.

    python3 build_scripts/windows/requirements.py [CHECKOUT]
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(root: Path) -> list[str]:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = [*project["dependencies"], *project["optional-dependencies"]["build"]]
    pins: dict[str, str] = {}
    for line in direct:
        match = PIN.match(line.strip())
        if not match:
            raise SystemExit(f"requirements.py: pyproject.toml requirement {line!r} is not pinned with ==")
        pins[canonical(match[1])] = match[2]
    out = list(direct)
    text = (Path(__file__).with_name("constraints-win.txt")).read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        if not match:
            raise SystemExit(f"requirements.py: constraints-win.txt line {raw!r} is not NAME==VERSION")
        name = canonical(match[1])
        if name in pins:
            raise SystemExit(f"requirements.py: {name} is pinned by pyproject.toml ({pins[name]}); "
                             "remove it from constraints-win.txt")
        pins[name] = match[2]
        out.append(line)
    return out


if __name__ == "__main__":
    print("\n".join(requirements(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2]))))
