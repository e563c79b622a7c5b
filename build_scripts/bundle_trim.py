"""What the one-file build leaves out or slims: rules applied by kcdesk.spec to PyInstaller's TOC lists."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# A TOC entry is (name in the bundle, source path, typecode).
Entry = tuple[str, str, str]

QT_LANGS = ("kk", "ru")
# Qt plugin folders the app never needs: no networking, QML, input methods, print preview of vector images,
# native GTK/portal themes (Qt's own dialogs are fine) or Wayland (xcb runs under XWayland).
DROP_PLUGIN_FOLDERS = frozenset({
    "platforminputcontexts", "networkinformation", "tls", "generic", "sqldrivers", "qmltooling",
    "designer", "egldeviceintegrations", "xcbglintegrations", "vectorimageformats", "multimedia",
    "platformthemes", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-graphics-integration-server", "wayland-shell-integration", "position", "sensors",
    "texttospeech", "webview", "canbus", "scenegraph", "renderers", "geometryloaders", "qmllint",
})
# Within kept folders, only these are loaded: icons/charts (ico, png built in; jpeg; svg), and the
# platforms: windows (Windows), xcb (Linux desktops), offscreen (CI, --smoke), minimal (tests).
KEEP_IMAGEFORMATS = ("qico", "qjpeg", "qsvg")
DROP_PLATFORMS = ("eglfs", "linuxfb", "vnc", "vkkhrdisplay", "minimalegl", "wayland", "direct2d")
# Windows: Qt's software OpenGL (Mesa llvmpipe, ~20 MB) and the Direct3D shader compiler (~4 MB) serve
# OpenGL/Quick/RHI rendering only; kcdesk's widgets and charts paint with the raster engine.
DROP_FILES = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll"})
# Qt libraries of the OpenGL modules left out by the spec (pyi_rth_no_qtopengl.py stands in for them).
DROP_QT_LIBRARIES = ("Qt6OpenGL", "Qt6OpenGLWidgets")

# Packages whose modules open files by a path that climbs out of the module's own folder
# (os.path.join(dirname(__file__), "..", "templates", ...)). Inside the PYZ a module's folder exists in
# the unpacked bundle only if some file lives there; on Linux "a/b/../c" needs a/b to exist (Windows
# resolves ".." by name). Their sources beside the PYZ make the folders real. The spec passes this as
# Analysis(module_collection_mode=...); tests/build_scripts/test_bundle_paths.py finds new cases.
COLLECT_AS_SOURCE = {
    "docx": "pyz+py",  # docx/parts/{hdrftr,styles,settings,comments}.py -> ../templates/default-*.xml
}
# Found by the same scan and harmless in the bundle (path → why).
CLIMBING_PATHS_HARMLESS = {
    "pyqtgraph/__init__.py": "systemInfo() looks for a .bzr checkout and checks that it exists",
    "pyqtgraph/multiprocess/processes.py": "pyqtgraph's remote processes: kcdesk starts none",
    "sklearn/utils/discovery.py": "all_estimators(): a developer's listing, never called by kcdesk",
    "sklearn/_build_utils/version.py": "scikit-learn's build helper, not imported at run time",
    "scipy/special/_precompute/gammainc_asy.py": "SciPy's table generator, not imported at run time",
    "numpy/conftest.py": "NumPy's pytest configuration",
    "PySide6/scripts/project_lib/utils.py": "the pyside6-project command-line tool",
    "PySide6/scripts/pyside_tool.py": "the pyside6-* command-line tools' launcher",
}


def keep_entry(dest: str) -> bool:
    """False for a bundled file the app never loads: Qt translations of other languages,
    unused Qt plugins, test folders, pyqtgraph's logo images, scikit-learn's sample data."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts:
        return True
    name = parts[-1]
    if name.lower() in DROP_FILES:
        return False
    if "PySide6" in parts and any(name.startswith((f"{lib}.", f"lib{lib}.")) for lib in DROP_QT_LIBRARIES):
        return False
    if "translations" in parts and name.endswith(".qm"):
        return any(name.endswith(f"_{lang}.qm") for lang in QT_LANGS)
    if "plugins" in parts[:-1]:
        folder = parts[parts.index("plugins") + 1]
        if folder in DROP_PLUGIN_FOLDERS:
            return False
        if folder == "imageformats":
            return any(k in name for k in KEEP_IMAGEFORMATS)
        if folder == "platforms":
            return not any(k in name for k in DROP_PLATFORMS)
    if "pyqtgraph" in parts and "peegee" in parts:
        return False
    if parts[0] == "sklearn" and "datasets" in parts:
        return False
    return "tests" not in parts


def filter_toc(entries: Iterable[Entry]) -> list[Entry]:
    return [entry for entry in entries if keep_entry(entry[0])]


def _is_extension_or_plugin(dest: str) -> bool:
    name = PurePosixPath(dest).name
    return ".cpython-" in name or ".abi3.so" in name or "/plugins/" in dest or name.startswith("libpython")


def _ldd(path: str) -> set[str]:
    """Base names of every library `path` loads, transitively (ldd resolves the whole closure)."""
    result = subprocess.run(["ldd", path], capture_output=True, text=True, check=False)
    names = set()
    for line in result.stdout.splitlines():
        token = line.strip().split(" ", 1)[0]
        if token and "/" not in token:
            names.add(token)
        elif token:
            names.add(PurePosixPath(token).name)
    return names


def prune_unneeded(binaries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """Linux: drop shared libraries that no kept extension module or plugin loads any more
    (they came in only for plugins dropped by keep_entry, e.g. GTK for the gtk3 theme).

    Returns the kept entries and the names dropped. Does nothing where ldd is missing.
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return binaries, []
    roots = [entry for entry in binaries if _is_extension_or_plugin(entry[0])]
    needed: set[str] = set()
    for _dest, src, _kind in roots:
        needed |= _ldd(src)
    kept, dropped = [], []
    for entry in binaries:
        dest = entry[0]
        if _is_extension_or_plugin(dest) or PurePosixPath(dest).name in needed or ".so" not in dest:
            kept.append(entry)
        else:
            dropped.append(dest)
    return kept, dropped


def strip_debug(binaries: list[Entry], cache: Path, prefix: str) -> list[Entry]:
    """Linux: copies of the interpreter's own libraries (under `prefix`, e.g. pyenv's, built with
    -g) without debug sections; libpython alone shrinks from 23 to 6 MB. Wheels' libraries are left
    alone: `strip` breaks their patchelf-ed OpenBLAS ("ELF load command not page-aligned")."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return binaries
    cache.mkdir(parents=True, exist_ok=True)
    out = []
    for dest, src, kind in binaries:
        if src.startswith(prefix) and "site-packages" not in src:
            target = cache / dest.replace("/", "__")
            if not target.exists() or target.stat().st_mtime < Path(src).stat().st_mtime:
                subprocess.run([strip, "--strip-debug", "-o", str(target), src], check=True)
            src = str(target)
        out.append((dest, src, kind))
    return out
