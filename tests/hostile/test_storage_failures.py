"""Issue 13 item 10: a full disk (or `ulimit -f`) during an import, a read-only project file or folder, and
a support log that cannot be written each give one clear line; the project keeps its last committed state."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.conftest import ROOT, digest, integrity
from tests.hostile.make_corpus import HEADER, rows, write_csv

NOBODY = 65534


def _run(args: list[str], log_dir: Path, fsize: int | None = None, as_nobody: bool = False
         ) -> subprocess.CompletedProcess[str]:
    def limits() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if as_nobody:
            os.setgid(NOBODY)
            os.setuid(NOBODY)

    env = {**os.environ, "KCDESK_LOG_DIR": str(log_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    python = sys.executable
    if as_nobody:  # this venv's interpreter may live in root's home: the system one with this venv's packages
        python = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/usr/local/bin")
        if python is None:
            pytest.skip("no system interpreter the unprivileged user can run")
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *(p for p in sys.path if p.endswith("site-packages"))])
    try:
        return subprocess.run([python, "-m", "kcdesk", *args], capture_output=True, text=True, cwd=ROOT,
                              env=env, preexec_fn=limits, timeout=300, encoding="utf-8", errors="replace")
    except PermissionError:
        pytest.skip("the unprivileged user cannot run this interpreter")


def _one_line(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_disk_full_during_import(project: Path, tmp_path: Path,
                                 record_property: Callable[[str, object], None]) -> None:
    export = write_csv(tmp_path / "big.csv", [HEADER, *rows("BIG", 20_000, question="Длинный текст " * 20)])
    before = digest(project)
    limit = project.stat().st_size + 256 * 1024  # the project may grow by 256 kB: the import needs megabytes
    done = _run(["import", str(project), str(export)], tmp_path / "logs", fsize=limit)
    assert done.returncode == 2, done.stderr
    line = _one_line(done.stderr, project.name, "nothing was changed")  # EFBIG: SQLite says "disk I/O"
    assert digest(project) == before and integrity(project) == "ok"
    record_property("answer", line.split(": ", 2)[-1][:80])


def _shared_folder() -> Path:
    """A folder the unprivileged user can reach (pytest's tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-ro-"))
    os.chmod(folder, 0o755)
    return folder


@pytest.fixture
def readonly_runner():
    """Root ignores file modes, so as root the command runs as `nobody`; otherwise as this user."""
    if os.geteuid() == 0:
        return True
    return False


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_project(what: str, project: Path, readonly_runner: bool,
                           record_property: Callable[[str, object], None]) -> None:
    folder = _shared_folder()
    try:
        target = folder / "p.kcdesk"
        target.write_bytes(project.read_bytes())
        logs = folder / "logs"
        logs.mkdir()
        os.chmod(logs, 0o777)
        if what == "file":
            os.chmod(target, 0o444)
        else:
            os.chmod(target, 0o666)
            os.chmod(folder, 0o555)
        before = digest(target)
        done = _run(["texts", str(target), "--quarter", "2026-Q3", "--set", "conclusions=Итог."], logs,
                    as_nobody=readonly_runner)
        if "ModuleNotFoundError" in done.stderr or "ImportError" in done.stderr:
            pytest.skip("the unprivileged user cannot load this environment")
        assert done.returncode == 2, done.stderr
        line = _one_line(done.stderr, "p.kcdesk", "cannot be written")
        assert digest(target) == before
        record_property("answer", line.split(": ", 2)[-1][:80])
    finally:
        os.chmod(folder, 0o755)
        for path in sorted(folder.rglob("*"), reverse=True):
            os.chmod(path, 0o755) if path.is_dir() else None
            path.rmdir() if path.is_dir() else path.unlink()
        folder.rmdir()


def test_full_log_disk_is_one_warning_not_tracebacks(project: Path, tmp_path: Path) -> None:
    logs = tmp_path / "fulllogs"
    logs.mkdir()
    (logs / "kcdesk.log").symlink_to("/dev/full")  # every write: ENOSPC, as on a full disk
    done = _run(["analyze", str(project), "--quarter", "2026-Q3"], logs)
    assert done.returncode == 0, done.stderr
    assert "Logging error" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and "support log" in warnings[0], done.stderr
