"""The helpers of the Windows build under Wine (build_scripts/windows/): the bundle check that keeps the
Wine-only shims out of what ships, and the pinned requirement list."""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts" / "windows"))

import bundle_check  # noqa: E402
import requirements  # noqa: E402


def fake_onefile(path: Path, names: list[str]) -> Path:
    """An executable-like file ending in a PyInstaller archive (table of contents + cookie)."""
    toc = b""
    for name in names:
        raw = name.encode("utf-8") + b"\0"
        raw += b"\0" * (-(len(raw) + 18) % 16)
        toc += struct.pack(bundle_check.TOC_ENTRY_FORMAT, 18 + len(raw), 0, 1, 1, 0, b"b") + raw
    toc += struct.pack(bundle_check.TOC_ENTRY_FORMAT, 18 + 14, 0, 0, 0, 0, b"o") + b"pyi-hide-cons\0"
    cookie_len = struct.calcsize(bundle_check.COOKIE_FORMAT)
    archive = b"DATA" + toc
    cookie = struct.pack(bundle_check.COOKIE_FORMAT, bundle_check.COOKIE_MAGIC, len(archive) + cookie_len,
                         4, len(toc), 311, b"python311.dll")
    path.write_bytes(b"MZ bootloader" + archive + cookie)
    return path


BUNDLE = [f"PySide6/lib{i}.dll" for i in range(120)] + ["python311.dll", "PySide6/translations/qtbase_kk.qm"]


def test_onefile_table_of_contents_is_read(tmp_path: Path) -> None:
    exe = fake_onefile(tmp_path / "kcdesk.exe", BUNDLE)
    assert bundle_check.onefile_names(exe) == BUNDLE  # the run-time option is not a file


@pytest.mark.parametrize("shim", ["ucrtbase.dll", "ICUUC.DLL"])
def test_a_shim_in_the_onefile_bundle_fails(tmp_path: Path, shim: str) -> None:
    shims = [tmp_path / "ucrtbase.dll", tmp_path / "icuuc.dll"]
    for s in shims:
        s.write_bytes(b"shim " + s.name.encode())
    clean = fake_onefile(tmp_path / "clean.exe", BUNDLE)
    dirty = fake_onefile(tmp_path / "dirty.exe", [*BUNDLE, f"PySide6/{shim}"])
    assert bundle_check.main(["--shims", *map(str, shims), "--onefile", str(clean)]) == 0
    assert bundle_check.main(["--shims", *map(str, shims), "--onefile", str(dirty)]) == 1


def test_a_shim_in_the_onedir_bundle_fails_by_name_or_content(tmp_path: Path) -> None:
    shim = tmp_path / "icuuc.dll"
    shim.write_bytes(b"the shim's bytes")
    folder = tmp_path / "kcdesk-app"
    for name in BUNDLE:
        (folder / "_internal" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "_internal" / name).write_bytes(name.encode())
    assert bundle_check.main(["--shims", str(shim), "--onedir", str(folder)]) == 0
    (folder / "_internal" / "renamed.dll").write_bytes(shim.read_bytes())
    assert bundle_check.shims_by_content(folder, [shim]) == [str(Path("_internal") / "renamed.dll")]
    assert bundle_check.main(["--shims", str(shim), "--onedir", str(folder)]) == 1


def onefile_with_deferred_zip(path: Path, members: list[str]) -> Path:
    """A one-file archive whose entries include the deferred libraries' zip, compressed as PyInstaller does."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as deferred:
        for member in members:
            deferred.writestr(member, member.encode())
    blob = zlib.compress(buffer.getvalue())
    entries = [(name, b"x", 0) for name in BUNDLE] + [(bundle_check.DEFERRED_ZIP, blob, 1)]
    payload, toc = b"", b""
    for name, content, flag in entries:
        raw = name.encode("utf-8") + b"\0"
        raw += b"\0" * (-(len(raw) + 18) % 16)
        toc += struct.pack(bundle_check.TOC_ENTRY_FORMAT, 18 + len(raw), len(payload), len(content), len(content),
                           flag, b"x") + raw
        payload += content
    cookie_len = struct.calcsize(bundle_check.COOKIE_FORMAT)
    archive = payload + toc
    cookie = struct.pack(bundle_check.COOKIE_FORMAT, bundle_check.COOKIE_MAGIC, len(archive) + cookie_len,
                         len(payload), len(toc), 311, b"python311.dll")
    path.write_bytes(b"MZ bootloader" + archive + cookie)
    return path


def test_the_deferred_zips_files_are_listed_and_checked(tmp_path: Path) -> None:
    shim = tmp_path / "ucrtbase.dll"
    shim.write_bytes(b"shim")
    clean = onefile_with_deferred_zip(tmp_path / "clean.exe", ["numpy.libs/openblas.dll", "scipy/x.pyd"])
    assert bundle_check.onefile_names(clean) == [*BUNDLE, bundle_check.DEFERRED_ZIP,
                                                 "numpy.libs/openblas.dll", "scipy/x.pyd"]
    assert bundle_check.main(["--shims", str(shim), "--onefile", str(clean)]) == 0
    dirty = onefile_with_deferred_zip(tmp_path / "dirty.exe", ["numpy.libs/ucrtbase.dll"])
    assert bundle_check.main(["--shims", str(shim), "--onefile", str(dirty)]) == 1


def test_a_small_archive_is_not_taken_for_a_bundle(tmp_path: Path) -> None:
    exe = fake_onefile(tmp_path / "kcdesk.exe", ["a.dll"])
    assert bundle_check.main(["--onefile", str(exe)]) == 1


def test_windows_requirements_pin_everything_and_follow_pyproject() -> None:
    import tomllib

    lines = requirements.requirements(ROOT)
    assert all("==" in line for line in lines)
    names = [requirements.canonical(line.split("==")[0]) for line in lines]
    assert len(names) == len(set(names))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for dep in [*project["dependencies"], *project["optional-dependencies"]["build"]]:
        assert dep in lines  # pyproject's own pins, as written
    # PyInstaller's Windows-only requirements, which pip would skip when resolving on Linux
    assert {"pefile", "pywin32-ctypes", "pyinstaller-hooks-contrib", "altgraph"} <= set(names)


def test_a_constraint_contradicting_pyproject_is_refused(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\ndependencies = ["pandas==2.3.3"]\n[project.optional-dependencies]\nbuild = []\n', encoding="utf-8")
    fake = tmp_path / "requirements.py"
    fake.write_text("", encoding="utf-8")
    (tmp_path / "constraints-win.txt").write_text("pandas==2.0.0\n", encoding="utf-8")
    monkeypatch.setattr(requirements, "__file__", str(fake))
    with pytest.raises(SystemExit, match="pinned by pyproject"):
        requirements.requirements(tmp_path)


def test_installer_script_pages_and_modes() -> None:
    nsi = (ROOT / "build_scripts" / "windows" / "kcdesk.nsi").read_text(encoding="utf-8")
    assert 'MUI_LANGUAGEEX "${SRC}\\build_scripts\\windows\\nsis" "Kazakh"' in nsi
    assert '!insertmacro MUI_LANGUAGE "Russian"' in nsi
    assert "RequestExecutionLevel user" in nsi and "$LOCALAPPDATA\\Programs\\kcdesk" in nsi
    # the uninstaller never removes the folder recursively: only the program's own files
    uninstall = nsi[nsi.index('Section "Uninstall"'):]
    assert 'RMDir /r "$INSTDIR"' not in uninstall and 'RMDir "$INSTDIR"' in uninstall
    kk = (ROOT / "build_scripts" / "windows" / "nsis" / "Kazakh.nlf").read_text(encoding="utf-8-sig")
    assert kk.splitlines()[3] == "1087"  # LANG_KAZAKH
    assert "Орнату" in kk
