"""Work-arounds for bugs in the pinned Qt binding, applied once when kcdesk.gui is imported."""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_done = {"bools": False}


def pin_bools() -> None:
    """PySide6 6.12 drops a reference to None on every call of a void method and to True on every
    Signal.emit() made from Python.

    A session makes millions of such calls, so on CPython < 3.12 (where None, True and False are
    not immortal) a count reaches zero and the interpreter aborts ("none_dealloc", "bool_dealloc").
    A large reserve on the three singletons keeps the counts positive for the life of any session;
    remove this when the binding is fixed (tests/gui/test_qt_fixes.py shows whether it still leaks).
    """
    if _done["bools"] or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    _done["bools"] = True
