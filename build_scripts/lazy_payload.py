"""The one-file build's deferred libraries: what the first window never loads travels as one zip.

The portable one-file executable unpacks everything it carries into a temporary folder at every
start, before any Python runs: about 300 MB on Linux, two thirds of it NumPy, pandas, SciPy,
scikit-learn (each with its own OpenBLAS), lxml and calamine, which the first window never loads.
kcdesk.spec moves those libraries' files (extension modules, shared libraries, data) out of the
bundle's table into `kcdesk_lazy.zip`, stored in the executable's archive as an entry the bootloader
neither inflates nor writes out (typecode PKG, 'a'). The run-time hook
build_scripts/pyi_rth_lazy_payload.py unpacks it, read in place from the executable, into the
bundle's folder the first time one of those libraries is imported (by the first command or step
that needs it), before the import goes on.

Only the one-file build does this; the one-folder build (what the Windows installer installs) has
every file in place and no zip. The libraries' Python modules stay in the PYZ either way.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# Entry name of the zip inside the bundle; the run-time hook looks for it at the bundle's root.
PAYLOAD_NAME = "kcdesk_lazy.zip"
# Top-level folders of the bundle deferred to the zip, and the top-level modules whose import unpacks
# it (pyi_rth_lazy_payload.TRIGGERS, kept equal by a test). A folder of a wheel's vendored libraries
# (numpy.libs, scipy.libs) goes with its package.
DEFERRED_PACKAGES = ("numpy", "pandas", "scipy", "sklearn", "lxml", "python_calamine")
DEFERRED_FOLDERS = frozenset({
    *DEFERRED_PACKAGES, "numpy.libs", "scipy.libs", "pandas.libs", "scikit_learn.libs", "lxml.libs",
})

Entry = tuple[str, str, str]  # PyInstaller TOC: (name in the bundle, source path, typecode)


def is_deferred(dest: str) -> bool:
    """True for a file under one of the deferred folders (a package's dist-info stays: importlib.metadata
    reads versions without importing the package)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    return len(parts) > 1 and parts[0] in DEFERRED_FOLDERS


def split(entries: Iterable[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(kept in the bundle's table, deferred to the zip). Symbolic links stay in the table: the
    bootloader makes them, and a zip cannot hold them portably."""
    kept: list[Entry] = []
    deferred: list[Entry] = []
    for entry in entries:
        (deferred if is_deferred(entry[0]) and entry[2] != "SYMLINK" else kept).append(entry)
    return kept, deferred


def write_payload(deferred: Iterable[Entry], path: Path) -> Path:
    """Writes the zip of the deferred files (names with '/', whatever the platform), rewritten only
    when its content would change, so an unchanged build stays incremental."""
    members = sorted({entry[0].replace("\\", "/"): entry[1] for entry in deferred}.items())
    stamp = "\n".join(f"{dest}\t{Path(src).stat().st_size}\t{Path(src).stat().st_mtime_ns}" for dest, src in members)
    stamp_file = path.with_suffix(".stamp")
    if path.exists() and stamp_file.exists() and stamp_file.read_text(encoding="utf-8") == stamp:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    # Level 6: inflating costs the same whatever the level, and 9 would only slow every build.
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for dest, src in members:
            info = zipfile.ZipInfo.from_file(src, dest)
            info.date_time = (2020, 1, 1, 0, 0, 0)  # reproducible: the build's time is not content
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(src, "rb") as source, archive.open(info, "w") as target:
                while block := source.read(1 << 20):
                    target.write(block)
    partial.replace(path)
    stamp_file.write_text(stamp, encoding="utf-8")
    return path
