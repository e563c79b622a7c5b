"""Work-arounds for bugs in the pinned Qt binding, applied once when kcdesk.gui is imported."""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_done = {"bools": False}


def pin_bools() -> None:
    """PySide6 6.12 drops one reference to True on every Signal.emit() made from Python.

    pyqtgraph and our runner emit thousands of times, so on CPython < 3.12 (where True is not
    immortal) the count reaches zero and the interpreter aborts ("bool_dealloc"). A large reserve
    on True and False keeps the count positive for the life of any session; remove this when
    the binding is fixed (tests/gui/test_qt_fixes.py shows whether it still leaks).
    """
    if _done["bools"] or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    _done["bools"] = True
