"""kill -9 at several points of a large import and of a справка save; Ctrl-C in the CLI: nothing is lost."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kcdesk.core.importing import import_files
from kcdesk.core.importing import reader as importer
from kcdesk.core.store.project import Project
from tests.helpers import db

ROOT = Path(__file__).resolve().parents[3]
BIG_ROWS = 200_000
HEADER = "Номер обращения;Дата регистрации;Регион;Тема;Текст обращения;Пол;Возраст"
REGIONS = ("г. Астана", "г. Алматы", "Карагандинская область", "Aктюбинская обл.")
TOPICS = ("Дороги", "Коммунальные услуги", "Образование", "Здравоохранение")

# The child announces each progress report on stdout (the CLI shows progress only on a terminal),
# so the parent can kill it right after chunk N was handed to SQLite, or right before COMMIT.
CHILD = """
import sys
from kcdesk.cli import progress
def report(self, done, total, stage=""):
    print(f"progress {done} {total}", flush=True)
progress.ConsoleProgress.report = report
from kcdesk.core.store import project as _project
_connect = _project._connect
def _announcing_connect(path):
    # SQLite's trace callback runs as a statement starts: the parent can kill inside the COMMIT.
    con = _connect(path)
    con.set_trace_callback(lambda sql: sql.strip().upper() == "COMMIT" and print("commit", flush=True))
    return con
_project._connect = _announcing_connect
from kcdesk.cli.main import main
print("started", flush=True)
raise SystemExit(main(sys.argv[1:]))
"""

# (name, event to wait for, extra delay): "started" = interpreter up; "progress:k" = k-th report.
KILL_POINTS = [
    ("after 0.5 s", "started", 0.5),
    ("after 1 s", "started", 1.0),
    ("after 2 s", "started", 2.0),
    ("first chunk stored", "progress:1", 0.0),
    ("inside second chunk", "progress:1", 0.3),
    ("last chunk stored", "progress:last", 0.0),
    # A bulk import rebuilds the reading indexes inside the transaction after one more report, then commits.
    ("index rebuild, before the commit", "progress:index", 0.0),
    ("COMMIT starting", "commit", 0.0),
    ("COMMIT + 60 ms", "commit", 0.06),
    ("COMMIT + 120 ms", "commit", 0.12),
]


def _write_big_csv(path: Path, rows: int, prefix: str) -> Path:
    lines = [HEADER]
    lines += [f"{prefix}-{i};{1 + i % 28:02d}.{7 + i % 3:02d}.2026;{REGIONS[i % 4]};{TOPICS[i % 7 % 4]};"
              f"Текст обращения {i} о проблеме во дворе;{'МЖ'[i % 2]};{18 + i % 60}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("crash")
    project = folder / "base.kcdesk"
    import_files(project, [_write_big_csv(folder / "small.csv", 40, "BASE")])
    _write_big_csv(folder / "after.csv", 25, "AFTER")
    return project, _write_big_csv(folder / "big.csv", BIG_ROWS, "BIG")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start(args: list[str], tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "KCDESK_LOG_DIR": str(tmp_path / "logs")}
    return subprocess.Popen([sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)


def _wait_for(child: subprocess.Popen, event: str, timeout: float = 120) -> bool:
    """Read the child's announcements until `event` ("started" or "progress:k"); False if it ended first."""
    chunks = -(-BIG_ROWS // importer.CHUNK_ROWS)  # one report per chunk of the importer
    want = {"started": 0, "commit": 0, "progress:last": chunks, "progress:index": chunks + 1}.get(event)
    want = int(event.split(":")[1]) if want is None else want
    marker = "commit" if event == "commit" else "started"
    seen = 0
    found = threading.Event()

    def reader() -> None:
        nonlocal seen
        for line in child.stdout:  # type: ignore[union-attr]
            if line.startswith(marker) and want == 0:
                found.set()
            elif line.startswith("progress"):
                seen += 1
                if seen == want:
                    found.set()
        found.set()

    threading.Thread(target=reader, daemon=True).start()
    found.wait(timeout)
    return child.poll() is None


def _state(project: Path) -> tuple[str, int, int]:
    """Open as kcdesk does (a hot journal is rolled back), then check and count."""
    with Project.open(project) as opened:
        check = db.value(opened, "PRAGMA integrity_check")
        big_rows = db.value(opened, "SELECT COUNT(*) FROM requests WHERE request_id LIKE 'BIG-%'")
        imports = db.value(opened, "SELECT COUNT(*) FROM imports")
    return check, big_rows, imports


def _reader_of(pid: int) -> int | None:
    """The import's reader process (the kcdesk process's child), from /proc."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="utf-8") as handle:
            children = [int(p) for p in handle.read().split()]
    except OSError:
        return None
    return children[0] if children else None


def _gone(pid: int | None, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while pid is not None and time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
                if handle.read().split(")")[-1].split()[0] == "Z":  # a zombie has ended
                    return True
        except OSError:
            return True
        time.sleep(0.05)
    return pid is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc finds the reader process")
@pytest.mark.parametrize("victim", ["kcdesk", "reader"])
@pytest.mark.parametrize("name,event,delay", KILL_POINTS, ids=[k[0] for k in KILL_POINTS])
def test_kill_during_import(name: str, event: str, delay: float, victim: str, big: tuple[Path, Path],
                            tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    """kill -9 of the kcdesk process (its reader goes with it) or of its reader process (the
    import ends with a clear message naming the file) at each point: nothing half-stored."""
    base, csv_file = big
    project = tmp_path / "officer.kcdesk"
    project.write_bytes(base.read_bytes())
    child = _start(["import", str(project), str(csv_file)], tmp_path)
    reader = None
    try:
        _wait_for(child, event)
        time.sleep(delay)
        reader = _reader_of(child.pid)
        if victim == "kcdesk":
            child.send_signal(signal.SIGKILL)
        elif reader is not None:
            os.kill(reader, signal.SIGKILL)
        child.wait(120)
        stderr = child.stderr.read()  # type: ignore[union-attr]
    finally:
        child.kill()
        child.wait(60)
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
    if victim == "kcdesk":
        killed = child.returncode == -signal.SIGKILL
        assert killed or child.returncode == 0, (child.returncode, stderr[-2000:])  # ended on its own: only by success
        assert _gone(reader), "the reader process outlived the kcdesk process"
    else:
        # The reader died: a clear one-line refusal naming the file, or (killed after its last
        # chunk was sent) a complete import.
        killed = child.returncode == 2
        assert killed or child.returncode == 0, (child.returncode, stderr[-2000:])
        if killed:
            lines = [line for line in stderr.splitlines() if line.strip()]
            assert len(lines) == 1 and csv_file.name in lines[0] and "reader" in lines[0], stderr
    check, big_rows, imports = _state(project)
    assert check == "ok"
    assert (big_rows, imports) in ((0, 1), (BIG_ROWS, 2)), (name, big_rows, imports)
    if not killed:  # it finished before the kill: then all of it must be there
        assert big_rows == BIG_ROWS
    record_property("answer", (f"{victim} killed" if killed else "finished first") + f"; afterwards {big_rows:,} of "
                    f"{BIG_ROWS:,} rows, integrity ok")
    # The project keeps working: the next import is stored and leaves no journal behind.
    assert import_files(project, [csv_file.with_name("after.csv")]).rows_stored == 25
    assert not project.with_name(project.name + "-journal").exists()
    assert _state(project)[0] == "ok"


def test_ctrl_c_during_import(big: tuple[Path, Path], tmp_path: Path) -> None:
    base, csv_file = big
    project = tmp_path / "officer.kcdesk"
    project.write_bytes(base.read_bytes())
    before = _digest(project)
    child = _start(["import", str(project), str(csv_file)], tmp_path)
    assert _wait_for(child, "progress:1")
    child.send_signal(signal.SIGINT)
    child.wait(60)
    stderr = child.stderr.read()  # type: ignore[union-attr]
    child.stdout.close()  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    assert child.returncode == 130, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "interrupted" in lines[0], stderr
    assert _digest(project) == before
    assert not project.with_name(project.name + "-journal").exists()


def _docx_complete(path: Path) -> bool:
    import docx

    try:
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                return False
        docx.Document(str(path))
    except Exception:  # noqa: BLE001 - any failure means "not a complete .docx"
        return False
    return True


def test_kill_during_report_save(big: tuple[Path, Path], tmp_path: Path) -> None:
    """The справка on disk is always the previous complete one or the new complete one."""
    base, _ = big
    project = tmp_path / "officer.kcdesk"
    project.write_bytes(base.read_bytes())
    out, table = tmp_path / "spravka.docx", tmp_path / "appendix.xlsx"
    args = ["report", str(project), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(out),
            "--xlsx", str(table), "--no-charts"]
    first = _start(args, tmp_path)
    first.communicate(timeout=120)
    assert first.returncode == 0
    previous = {p: _digest(p) for p in (out, table)}
    outcomes = set()
    for delay in (0.4, 0.8, 1.2, 1.6, 2.0, 2.5, 3.0):
        child = _start(args, tmp_path)
        _wait_for(child, "started")
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(60)
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
        for path in (out, table):
            assert path.exists()
            if _digest(path) == previous[path]:
                outcomes.add("old")
            else:
                outcomes.add("new")
                assert zipfile.ZipFile(path).testzip() is None
                previous[path] = _digest(path)
        assert _docx_complete(out)
    assert outcomes  # at least one kill landed; which file survived is the atomic rename's choice
