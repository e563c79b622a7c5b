"""The Windows version resource is stamped from kcdesk.__version__ in PyInstaller's text form."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_scripts"))

import version_info  # noqa: E402

from kcdesk import __version__  # noqa: E402


@pytest.mark.parametrize("text, numbers", [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.10.3rc1", (2, 10, 3, 1)),
    ("1.2.3.4.5", (1, 2, 3, 4)), ("1.0.0+local7", (1, 0, 0, 0)),
])
def test_version_tuple(text: str, numbers: tuple[int, ...]) -> None:
    assert version_info.version_tuple(text) == numbers


@pytest.mark.parametrize("bad", ["", "dev", "1.70000"])
def test_version_tuple_refuses(bad: str) -> None:
    with pytest.raises(ValueError):
        version_info.version_tuple(bad)


class _Node:
    """Stands in for PyInstaller's versioninfo classes (they import pywin32 and pefile, Windows only)."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


_NAMES = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
          "VarFileInfo", "VarStruct")


def test_text_is_the_expression_pyinstaller_evaluates(tmp_path: Path) -> None:
    path = version_info.write_version_file(__version__, tmp_path / "v.txt")
    text = path.read_text(encoding="utf-8")
    ast.parse(text, mode="eval")
    info = eval(text, {name: type(name, (_Node,), {}) for name in _NAMES})  # noqa: S307 (our own text)
    assert type(info).__name__ == "VSVersionInfo"
    ffi = info.kwargs["ffi"]
    assert ffi.kwargs["filevers"] == ffi.kwargs["prodvers"] == version_info.version_tuple(__version__)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "kcdesk.exe"
