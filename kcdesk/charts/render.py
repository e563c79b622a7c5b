"""Offscreen rendering of pyqtgraph figures to PNG (the report's charts); a QApplication is made if none exists."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from kcdesk.core.errors import KcError


def ensure_app():
    """The running QApplication, or a new one on the offscreen platform when there is no display."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["kcdesk-charts"])
    return app


def render_png(figure, path: Path, width: int = 1600, height: int = 900) -> Path:
    """Render a pyqtgraph widget (PlotWidget, GraphicsLayoutWidget) or a PlotItem to a PNG file, atomically."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    ensure_app()
    widget = figure
    if not hasattr(figure, "grab"):  # a PlotItem / GraphicsItem: put it in a layout widget first
        widget = pg.GraphicsLayoutWidget()
        widget.addItem(figure)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(int(width), int(height))
    widget.show()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    pixmap = widget.grab()
    widget.hide()
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".png", dir=path.parent)
    os.close(handle)
    try:
        if not pixmap.save(temp, "PNG"):
            raise KcError("write_failed", file=str(path), reason="PNG encoder failed")
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path
