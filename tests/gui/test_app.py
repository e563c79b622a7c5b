"""`kcdesk --smoke` opens the demo offscreen, walks every step and exits 0 by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kcdesk.gui.app import parse


def test_arguments() -> None:
    assert parse([]).project is None
    assert parse(["x.kcdesk"]).project == Path("x.kcdesk")
    assert parse(["--lang", "kk"]).lang == "kk"
    assert parse(["--smoke"]).smoke


def test_smoke_run_exits_zero(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "kcdesk", "--smoke"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke: ok" in done.stdout
