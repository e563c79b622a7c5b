"""Windows version resource for the executable, stamped from kcdesk.__version__ (PyInstaller's text form)."""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "kcdesk"
DESCRIPTION = "kcdesk: quarterly analysis of citizens' requests to contact centres"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' / '1.2.3rc1' / '1.2' -> (1, 2, 3, 0): Windows wants exactly four 16-bit numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not numbers:
        raise ValueError(f"no version number in {version!r}")
    numbers += [0] * (4 - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version part over 65535 in {version!r}")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_text(version: str, name: str = "kcdesk") -> str:
    """The VSVersionInfo(...) expression PyInstaller's `version=` file holds.

    Written as text rather than built with PyInstaller.utils.win32.versioninfo: that module needs
    `pefile`, which PyInstaller installs on Windows only, and the spec must also load on Linux.
    """
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": name,
        "OriginalFilename": f"{name}.exe",
        "ProductName": "kcdesk",
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0409 English (US) with code page 1200 (UTF-16), so any text shows as written.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def write_version_file(version: str, path: Path, name: str = "kcdesk") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_text(version, name), encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    print(version_text(sys.argv[1] if len(sys.argv) > 1 else "0.0.0"))
