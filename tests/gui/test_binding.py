"""The pinned Qt binding keeps Python's reference counts: PySide6 6.12.0 dropped one reference to
True on every Signal.emit() and aborted CPython 3.11 ("bool_dealloc") after enough emits."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    fired = Signal(bool)


def test_emit_and_void_calls_keep_reference_counts(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    timer = QTimer()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(20_000):
        emitter.fired.emit(True)
        timer.stop()
    assert abs(sys.getrefcount(True) - true_before) < 100
    assert abs(sys.getrefcount(None) - none_before) < 100
