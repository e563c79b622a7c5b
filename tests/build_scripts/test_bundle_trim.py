"""The one-file build's trimming rules: what is left out, what must stay."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_scripts"))

import bundle_trim  # noqa: E402


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_kk.qm",
    "PySide6/Qt/translations/qtbase_ru.qm",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/plugins/imageformats/qico.dll",
    "resources/templates/spravka_kk.docx",
    "holidays/locale/kk/LC_MESSAGES/KZ.mo",
    "pyqtgraph/icons/auto.png",
    "sklearn/feature_extraction/_hashing_fast.cpython-311-x86_64-linux-gnu.so",
    "scipy/sparse/_sparsetools.cpython-311-x86_64-linux-gnu.so",
    "PySide6/Qt6Gui.dll",
    "PySide6/Qt6Widgets.dll",
    "PySide6/Qt/lib/libQt6Gui.so.6",
])
def test_keeps_what_the_app_loads(dest: str) -> None:
    assert bundle_trim.keep_entry(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qtbase_kk_extra.ts",  # not a .qm: kept by the language rule? no: tests below
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6\\plugins\\tls\\qschannelbackend.dll",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "pyqtgraph/icons/peegee/peegee_512px.png",
    "sklearn/datasets/data/iris.csv",
    "pandas/tests/io/data/some.xlsx",
    "PySide6/opengl32sw.dll",
    "PySide6\\d3dcompiler_47.dll",
    "PySide6/Qt6OpenGL.dll",
    "PySide6/Qt6OpenGLWidgets.dll",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
])
def test_leaves_out_what_it_never_loads(dest: str) -> None:
    if dest.endswith(".ts"):
        assert bundle_trim.keep_entry(dest)  # only .qm files are subject to the language filter
    else:
        assert not bundle_trim.keep_entry(dest)


def test_filter_toc_keeps_entry_shape() -> None:
    toc = [("PySide6/Qt/translations/qtbase_ru.qm", "/x/qtbase_ru.qm", "DATA"),
           ("PySide6/Qt/translations/qtbase_fr.qm", "/x/qtbase_fr.qm", "DATA")]
    assert bundle_trim.filter_toc(toc) == toc[:1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_prune_drops_only_libraries_nobody_loads() -> None:
    import _ctypes  # an extension module of this interpreter that loads libffi

    ext = Path(_ctypes.__file__)
    needed = bundle_trim._ldd(str(ext))
    assert needed, "ldd found nothing"
    lib = next(iter(sorted(n for n in needed if n.startswith("lib") and ".so" in n)))
    binaries = [
        (f"python3.11/lib-dynload/{ext.name}", str(ext), "EXTENSION"),
        (lib, "/nowhere/" + lib, "BINARY"),
        ("libnobodyloads.so.1", "/nowhere/libnobodyloads.so.1", "BINARY"),
    ]
    kept, dropped = bundle_trim.prune_unneeded(binaries)
    assert dropped == ["libnobodyloads.so.1"]
    assert [k[0] for k in kept] == [b[0] for b in binaries[:2]]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not bundle_trim.shutil.which("strip"),
                    reason="binutils strip on Linux")
def test_strip_debug_copies_only_the_interpreters_libraries(tmp_path: Path) -> None:
    import _ctypes

    src = Path(_ctypes.__file__)
    wheel_like = tmp_path / "site-packages" / "pkg.libs" / "libthing.so"
    wheel_like.parent.mkdir(parents=True)
    wheel_like.write_bytes(src.read_bytes())
    binaries = [("python3.11/lib-dynload/" + src.name, str(src), "EXTENSION"),
                ("pkg.libs/libthing.so", str(wheel_like), "BINARY")]
    out = bundle_trim.strip_debug(binaries, tmp_path / "cache", str(src.parent.parent))
    (dest, copied, kind), untouched = out
    assert (dest, kind) == binaries[0][::2] and untouched == binaries[1]
    assert Path(copied).parent == tmp_path / "cache"
    assert Path(copied).read_bytes()[:4] == b"\x7fELF"
    assert Path(copied).stat().st_size <= src.stat().st_size


def test_charts_draw_with_the_qtopengl_stand_in(tmp_path: Path) -> None:
    """The bundle has no PySide6.QtOpenGL; its run-time hook's stub lets pyqtgraph import and draw."""
    import os
    import subprocess

    root = Path(__file__).resolve().parents[2]
    code = f"""
import importlib.abc, runpy, sys

class Absent(importlib.abc.MetaPathFinder):  # as in the bundle: the real modules are not there
    def find_spec(self, name, path=None, target=None):
        if name in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"):
            raise ModuleNotFoundError(name)

sys.meta_path.insert(0, Absent())
runpy.run_path({str(root / "build_scripts" / "pyi_rth_no_qtopengl.py")!r})
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import PlotCurveItem
from pyqtgraph.Qt import OpenGLHelpers
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
bars = pg.BarGraphItem(x=[1, 2], height=[3, 4], width=0.5)
plot.addItem(bars)
plot.resize(200, 100)
assert not plot.grab().isNull()
assert not isinstance(plot.viewport(), OpenGLHelpers.GraphicsViewGLWidget)
import PySide6.QtOpenGL as gl
try:
    gl.QOpenGLBuffer
except ImportError as error:
    print("stub:", error)
else:
    raise SystemExit("the real QtOpenGL was imported")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "stub: PySide6.QtOpenGL.QOpenGLBuffer" in done.stdout
