"""The desktop app (PySide6): widgets only; every long call goes through gui.runner."""

from kcdesk.gui.qt_fixes import pin_bools

pin_bools()
