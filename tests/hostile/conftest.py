"""The hostile corpus and a project that already holds data, built once per session."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
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


def run_kcdesk(args: list[str], env: dict[str, str] | None = None, timeout: float = 120,
               address_space_gb: float = 3.0) -> Run:
    """Run kcdesk in a real child process; peak memory from wait4's rusage of that child alone.
    RLIMIT_AS is a safety net for the machine (a runaway child fails instead of swapping)."""
    limit = int(address_space_gb * (1 << 30))

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:  # files: no pipe to fill up
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "kcdesk", *args], stdout=out, stderr=err, cwd=ROOT,
                                 env={**os.environ, **(env or {})}, preexec_fn=limit_memory)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(child.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   seconds, usage.ru_maxrss / 1024)


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
