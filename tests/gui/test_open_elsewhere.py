"""A project open in another kcdesk is announced; this window's own lock comes and goes with it."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from kcdesk.core.store import lock


def test_warns_when_another_kcdesk_has_the_project_open(qtbot, demo_project: Path):
    from kcdesk.gui.main_window import MainWindow

    other = {"pid": os.getppid(), "host": socket.gethostname(), "since": "2026-10-02T09:00:00"}
    lock.lock_path(demo_project).write_text(json.dumps(other), encoding="utf-8")
    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.session.analysis_changed, timeout=30000):
        assert win.open_path(demo_project)
    assert win.message_bar.kind == "warning"
    assert str(os.getppid()) in win.message_bar.label.text()
    win.runner.wait()


def test_own_lock_is_taken_on_open_and_released_on_close(qtbot, demo_project: Path):
    from kcdesk.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.session.analysis_changed, timeout=30000):
        assert win.open_path(demo_project)
    assert lock.read_lock(demo_project).pid == os.getpid()
    assert getattr(win.message_bar, "kind", None) != "warning"
    win.runner.wait()
    win.close_project()
    assert lock.read_lock(demo_project) is None
