"""Closing the window closes every connection to its project, so that the project file can be
deleted, moved or replaced right away (Windows refuses while it is open: issue 16)."""

from __future__ import annotations

from pathlib import Path

from kcdesk.core.store.project import open_projects
from tests.core.store.test_close_all import held_open


def test_project_can_be_deleted_right_after_the_window_closes(qtbot, demo_project: Path) -> None:
    from kcdesk.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.session.analysis_changed, timeout=30000):
        assert win.open_path(demo_project)
    for row in range(len(win.steps)):  # every step's background work
        win.go_to(row)
    assert demo_project in open_projects()
    win.close()
    assert open_projects() == []
    assert not held_open(demo_project)
    demo_project.unlink()
    assert not demo_project.exists()
    assert not demo_project.with_name(demo_project.name + ".lock").exists()


def test_closing_the_project_releases_the_file(window, demo_project: Path) -> None:
    window.close_project()
    window.runner.wait()
    assert open_projects() == []
    demo_project.unlink()
