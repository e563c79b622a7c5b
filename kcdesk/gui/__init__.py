"""The desktop app (PySide6): widgets only; every long call goes through gui.runner."""
