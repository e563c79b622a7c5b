"""Two kcdesk processes on one project: a short wait or a clear message, never a lost write; the open-elsewhere
sidecar; bad project files are refused by the CLI and never overwritten."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kcdesk.cli.main import build_parser, main
from kcdesk.core.importing import import_files
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import lock, schema
from kcdesk.core.store import project as project_module
from kcdesk.core.store.project import Project

ROOT = Path(__file__).resolve().parents[3]
HEADER = "Номер обращения;Дата регистрации;Регион;Тема;Текст обращения"
Q = Quarter.parse("2026-Q3")

# Holds the project's write lock (BEGIN IMMEDIATE) for `seconds`, writing a text, then commits.
HOLDER = """
import sys, time
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
project = Project.open(sys.argv[1])
with project.transaction() as con:
    con.execute("INSERT INTO texts(quarter, key, value, updated_at) VALUES (?, 'conclusions', 'held', 'now')",
                (Quarter.parse("2026-Q3").index,))
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
project.close()
print("released", flush=True)
"""


def _csv(path: Path, prefix: str, n: int) -> Path:
    lines = [HEADER] + [f"{prefix}-{i};{1 + i % 28:02d}.08.2026;г. Астана;Дороги;Текст {i}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KCDESK_LOG_DIR", str(tmp_path / "logs"))
    path = tmp_path / "shared.kcdesk"
    import_files(path, [_csv(tmp_path / "base.csv", "BASE", 10)])
    return path


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "KCDESK_LOG_DIR": str(tmp_path / "logs")}


def _count(path: Path, prefix: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM requests WHERE request_id LIKE ?", (prefix + "-%",)).fetchone()[0]
    finally:
        con.close()


def _hold(project: Path, seconds: float, tmp_path: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(project), str(seconds)], cwd=ROOT,
                              env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding", holder.stderr.read()  # type: ignore[union-attr]
    return holder


def test_second_writer_waits_and_both_writes_survive(project: Path, tmp_path: Path) -> None:
    holder = _hold(project, 1.5, tmp_path)
    started = time.monotonic()
    importer = subprocess.run([sys.executable, "-m", "kcdesk", "import", str(project),
                               str(_csv(tmp_path / "second.csv", "SECOND", 50))],
                              cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    holder.wait(30)
    assert importer.returncode == 0, importer.stderr
    assert holder.returncode == 0
    assert time.monotonic() - started >= 1.0  # it really waited for the other writer
    with Project.open(project) as opened:
        assert opened.get_text(Q, "conclusions") == "held"
    assert _count(project, "SECOND") == 50 and _count(project, "BASE") == 10


def test_writer_held_too_long_gets_a_clear_message(project: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_MS", 300)
    build_parser()  # every command module imported before the other writer starts its clock
    late = _csv(tmp_path / "late.csv", "LATE", 5)
    holder = _hold(project, 3, tmp_path)
    try:
        code = main(["import", str(project), str(late)])
        err = capsys.readouterr().err
    finally:
        holder.wait(30)
    assert code == 2
    assert "being written by another kcdesk" in err and "shared.kcdesk" in err and "Traceback" not in err
    with Project.open(project) as opened:  # the other process's write was not lost
        assert opened.get_text(Q, "conclusions") == "held"
    assert _count(project, "LATE") == 0


def test_two_imports_at_once_both_stored(project: Path, tmp_path: Path) -> None:
    files = [_csv(tmp_path / f"p{i}.csv", f"P{i}", 2000) for i in range(2)]
    children = [subprocess.Popen([sys.executable, "-m", "kcdesk", "import", str(project), str(f)], cwd=ROOT,
                                 env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for f in files]
    results = [(c.wait(120), c.stderr.read()) for c in children]  # type: ignore[union-attr]
    for i, (code, err) in enumerate(results):
        if code == 0:
            assert _count(project, f"P{i}") == 2000
        else:  # allowed only with the clear message, and then nothing of it was stored
            assert code == 2 and "another kcdesk" in err, err
            assert _count(project, f"P{i}") == 0
    assert any(code == 0 for code, _ in results)
    con = sqlite3.connect(project)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


# --- the open-elsewhere sidecar ---------------------------------------------------------------
def test_hold_marks_and_releases(project: Path) -> None:
    assert lock.is_open_elsewhere(project) is None
    with lock.hold(project) as other:
        assert other is None
        info = lock.read_lock(project)
        assert info is not None and info.pid == os.getpid()
        assert lock.is_open_elsewhere(project) is None  # our own lock is not "elsewhere"
    assert not lock.lock_path(project).exists()


def test_live_process_elsewhere_is_reported(project: Path, tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from kcdesk.core.store import lock\n"
                               "with lock.hold(sys.argv[1]):\n    print('held', flush=True); time.sleep(30)",
                               str(project)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"  # type: ignore[union-attr]
        other = lock.is_open_elsewhere(project)
        assert other is not None and other.pid == holder.pid
        with lock.hold(project) as seen:
            assert seen is not None and seen.pid == holder.pid
        assert lock.read_lock(project).pid == holder.pid  # type: ignore[union-attr]  # theirs is left alone
    finally:
        holder.kill()
        holder.wait()
    # Killed without removing its lock: the lock is stale now.
    assert lock.lock_path(project).exists()
    assert lock.is_open_elsewhere(project) is None
    with lock.hold(project) as other:
        assert other is None and lock.read_lock(project).pid == os.getpid()  # type: ignore[union-attr]


def test_lock_from_another_computer_is_trusted_and_garbage_ignored(project: Path) -> None:
    path = lock.lock_path(project)
    path.write_text(json.dumps({"pid": 1, "host": "other-pc", "since": "2026-11-23T10:00:00"}), encoding="utf-8")
    info = lock.is_open_elsewhere(project)
    assert info is not None and info.host == "other-pc"
    path.write_text("not json", encoding="utf-8")
    assert lock.is_open_elsewhere(project) is None


# --- bad project files through the CLI -----------------------------------------------------------
def _newer_project(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    con.execute("CREATE TABLE future (x)")
    con.commit()
    con.close()
    return path


def _foreign_sqlite(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE accounts (name TEXT)")
    con.execute("INSERT INTO accounts VALUES ('kept')")
    con.commit()
    con.close()
    return path


BAD_PROJECTS = {
    "text file": (lambda p: (p.write_text("мои заметки\n", encoding="utf-8"), p)[1], "not a kcdesk project"),
    "foreign SQLite": (_foreign_sqlite, "not a kcdesk project"),
    "newer kcdesk": (_newer_project, "newer kcdesk"),
    "empty file": (lambda p: (p.write_bytes(b""), p)[1], "not a kcdesk project"),
}


@pytest.mark.parametrize("kind", list(BAD_PROJECTS))
@pytest.mark.parametrize("command", ["import", "analyze", "report", "texts"])
def test_bad_project_file_is_never_overwritten(kind: str, command: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture) -> None:
    make, words = BAD_PROJECTS[kind]
    path = make(tmp_path / "work.kcdesk")
    before = _digest(path)
    argv = {
        "import": ["import", str(path), str(_csv(tmp_path / "in.csv", "IN", 3))],
        "analyze": ["analyze", str(path), "--quarter", "2026-Q3"],
        "report": ["report", str(path), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(tmp_path / "o.docx")],
        "texts": ["texts", str(path), "--quarter", "2026-Q3", "--set", "conclusions=x"],
    }[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "work.kcdesk" in lines[0] and words in lines[0], err
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp left
    assert not (tmp_path / "o.docx").exists()
