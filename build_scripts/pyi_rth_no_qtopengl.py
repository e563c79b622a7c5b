"""PyInstaller run-time hook: stands in for PySide6.QtOpenGL and PySide6.QtOpenGLWidgets, which the
bundle leaves out.

kcdesk's charts never draw with OpenGL (pyqtgraph's useOpenGL stays off), but pyqtgraph 0.14 imports
both modules when its plot items are imported, and subclasses QOpenGLWidget at module level. Leaving
the modules and their Qt libraries out saves ~9.4 MB that the one-file executable would unpack at
every start. QOpenGLWidget stands in as a plain QWidget subclass (never instantiated with OpenGL
off); any other name raises ImportError saying what is missing."""

import sys
import types


class _NoOpenGL(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "QOpenGLWidget" and self.__name__ == "PySide6.QtOpenGLWidgets":
            from PySide6.QtWidgets import QWidget

            stand_in = type("QOpenGLWidget", (QWidget,), {"__module__": self.__name__})
            setattr(self, name, stand_in)
            return stand_in
        raise ImportError(f"{self.__name__}.{name}: OpenGL is not part of kcdesk's bundle")


for _name in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"):
    if _name not in sys.modules:
        sys.modules[_name] = _NoOpenGL(_name)
