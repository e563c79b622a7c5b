"""The one-file entry script's start-up probe (benchmarks/startup.py times the first window with it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_probe_records_the_shown_main_window_and_quits(tmp_path: Path) -> None:
    probe = tmp_path / "probe.json"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen", "KCDESK_STARTUP_PROBE": str(probe), "PYTHONPATH": str(ROOT)}
    started = time.time()
    result = subprocess.run([sys.executable, str(ROOT / "build_scripts" / "kcdesk_entry.py")], env=env,
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(probe.read_text(encoding="utf-8"))
    assert "MainWindow" in data["windows"]
    assert started < data["time"] < time.time()


def test_cli_through_the_entry_script(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("KCDESK_STARTUP_PROBE", None)
    result = subprocess.run([sys.executable, str(ROOT / "build_scripts" / "kcdesk_entry.py"), "--version"],
                            env=env, capture_output=True, text=True, timeout=120)
    from kcdesk import __version__

    assert result.returncode == 0
    assert result.stdout.strip() == f"kcdesk {__version__}"


FIRST_WINDOW_HEAVY = """
import runpy, sys
entry = runpy.run_path(sys.argv[1])  # the entry's functions, without running it
seen = {}

def at_first_window():
    from PySide6.QtWidgets import QApplication

    seen["windows"] = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    seen["heavy"] = sorted(m for m in ("pandas", "numpy", "scipy", "sklearn", "openpyxl", "docx") if m in sys.modules)
    QApplication.instance().quit()

entry["when_event_loop_runs"](at_first_window)
sys.argv = ["kcdesk"]
entry["main"]()
print("SEEN", seen)
"""


def test_the_first_window_imports_no_pandas_numpy_scipy_or_sklearn(tmp_path: Path) -> None:
    """They load when a step first needs them (kcdesk/core/lazy.py): the first window does not wait
    for them (issue 16, start-up)."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("KCDESK_STARTUP_PROBE", None)
    result = subprocess.run([sys.executable, "-c", FIRST_WINDOW_HEAVY, str(ROOT / "build_scripts" / "kcdesk_entry.py")],
                            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(text for text in result.stdout.splitlines() if text.startswith("SEEN "))
    assert "'MainWindow'" in line, line
    assert "'heavy': []" in line, line
