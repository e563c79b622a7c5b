"""PyInstaller run-time hook: stands in for PySide6.QtOpenGL, which the bundle leaves out.

kcdesk's charts never draw with OpenGL (pyqtgraph's useOpenGL stays off), but pyqtgraph 0.14 imports
PySide6.QtOpenGL when PlotCurveItem and PColorMeshItem are imported. Leaving the module and its Qt
libraries out saves ~9.4 MB that the one-file executable would unpack at every start. Any use of the
stub raises ImportError naming what is missing."""

import sys
import types


class _NoQtOpenGL(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(f"PySide6.QtOpenGL.{name}: OpenGL is not part of kcdesk's bundle")


if "PySide6.QtOpenGL" not in sys.modules:
    sys.modules["PySide6.QtOpenGL"] = _NoQtOpenGL("PySide6.QtOpenGL")
