"""GUI fixtures: the demo project built once per session and copied per test; settings kept in tmp."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from the generator with the current schema (the bundled file may lag behind a schema change)."""
    from kcdesk.core.demo import build_demo_project

    return build_demo_project(tmp_path_factory.mktemp("demo") / "demo.kcdesk", quarters=3)


@pytest.fixture
def demo_project(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.kcdesk"
    shutil.copy2(demo_master, target)
    return target


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp):
    """Recent projects and the language go to a scratch INI file, never the developer's settings."""
    from PySide6.QtCore import QSettings

    from kcdesk.gui import lang

    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(lang, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    from kcdesk.gui import main_window

    monkeypatch.setattr(main_window, "data_dir", lambda: tmp_path / "data")
    lang.install("ru", remember=False)
    yield
    lang.install("ru", remember=False)


@pytest.fixture
def window(qtbot, demo_project: Path):
    """The main window with the demo project open and analysed."""
    from kcdesk.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    with qtbot.waitSignal(win.session.analysis_changed, timeout=30000):
        assert win.open_path(demo_project)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=30000)  # and the screens' reads of the store
    yield win
    win.runner.wait()
