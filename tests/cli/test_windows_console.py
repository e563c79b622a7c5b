"""Output through a pipe or into a file is UTF-8 whatever the console's code page (issue 16): on
Windows, redirected, Python would use the ANSI code page (cp1251 has no Kazakh letters, cp1252 no
Cyrillic at all). PYTHONIOENCODING=cp1252 gives the child process that very setting on Linux."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], tmp_path: Path, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "HOME": str(tmp_path),
           "XDG_STATE_HOME": str(tmp_path), "KCDESK_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kcdesk", *args], env=env, cwd=tmp_path,
                          capture_output=True, timeout=180)


@pytest.mark.parametrize("encoding", ["cp1252", "cp1251", "ascii"])
def test_help_piped_is_utf8(tmp_path: Path, encoding: str) -> None:
    done = run(["--help"], tmp_path, encoding)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    assert "114-НҚ" in done.stdout.decode("utf-8")


def test_deadlines_redirected_is_utf8(tmp_path: Path) -> None:
    done = run(["deadlines", "--quarter", "2026-Q3", "--today", "2026-10-01"], tmp_path, "cp1252")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    text = done.stdout.decode("utf-8")
    assert any("\u0400" <= c <= "\u04ff" for c in text), text[:300]


def test_error_message_on_stderr_is_utf8(tmp_path: Path) -> None:
    missing = tmp_path / "жоқ проект.kcdesk"
    done = run(["analyze", str(missing), "--quarter", "2026-Q3"], tmp_path, "cp1252")
    assert done.returncode == 2, done.stderr[-2000:]
    assert "жоқ проект.kcdesk" in done.stderr.decode("utf-8")
