"""The hostile corpus and a project that already holds data, built once per session."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from kcdesk.core.importing import import_files
from tests.hostile.make_corpus import base_rows, build_all, write_csv

ROOT = Path(__file__).resolve().parents[2]
BASE_ROWS = 30


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


@dataclass
class Run:
    """A finished `python -m kcdesk ...` child: exit code, output, wall time and peak memory."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


# Launches kcdesk from a small process and reports the child's peak memory (wait4) into a file.
# Why not fork pytest itself: Linux records the old address space's high-water mark at exec, so a
# child forked from a pytest grown to 1.2 GB would report 1.2 GB whatever kcdesk used.
_LAUNCHER = """
import os, resource, signal, sys
limit = int(sys.argv[2])
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(sys.argv[3], sys.argv[3:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(str(usage.ru_maxrss))
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_kcdesk(args: list[str], env: dict[str, str] | None = None, timeout: float = 120,
               address_space_gb: float = 3.0) -> Run:
    """Run kcdesk in a real child process; peak memory from wait4's rusage of that child alone
    (its reader process included), measured by a small launcher (see _LAUNCHER).
    RLIMIT_AS is a safety net for the machine (a runaway child fails instead of swapping)."""
    limit = int(address_space_gb * (1 << 30))
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryFile() as out, \
            tempfile.TemporaryFile() as err:  # files: no pipe to fill up
        rss_file = Path(scratch) / "maxrss"
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(rss_file), str(limit),
                                  sys.executable, "-m", "kcdesk", *args],
                                 stdout=out, stderr=err, cwd=ROOT, env={**os.environ, **(env or {})},
                                 start_new_session=True)
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # the launcher and kcdesk with its reader
            child.wait()
        seconds = time.monotonic() - started
        max_rss_kb = int(rss_file.read_text(encoding="utf-8")) if rss_file.exists() else 0
        out.seek(0)
        err.seek(0)
        return Run(child.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   seconds, max_rss_kb / 1024)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture(scope="session")
def base_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("base")
    project = folder / "base.kcdesk"
    result = import_files(project, [write_csv(folder / "base.csv", base_rows())])
    assert result.rows_stored == BASE_ROWS
    return project


@pytest.fixture()
def project(base_project: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "officer.kcdesk"
    shutil.copy2(base_project, copy)
    return copy


@pytest.fixture(autouse=True)
def _log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The support log of in-process and child runs goes to the test's folder, not the user's."""
    monkeypatch.setenv("KCDESK_LOG_DIR", str(tmp_path / "logs"))
