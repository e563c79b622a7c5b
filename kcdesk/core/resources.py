"""Where the bundled resources live, from a checkout, an installed package or a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """A PyInstaller build's unpacked folder; else the package's own copy (a wheel installed with
    `pip install .`, see setup.py); else the checkout's top-level resources/ (an editable install)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parents[1]
    if (package / "resources").is_dir():
        return package / "resources"
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
