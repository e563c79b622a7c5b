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
