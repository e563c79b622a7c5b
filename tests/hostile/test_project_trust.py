"""Issue 13 items 6 and 7: a project file altered outside kcdesk is refused with one line and left untouched;
a stray journal is never replayed into a restored backup copy."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kcdesk.cli.main import main
from tests.hostile.conftest import ROOT, digest, integrity

Q = "2026-Q3"

ALTERATIONS = {
    "trigger_deletes_requests": "CREATE TRIGGER t AFTER INSERT ON texts BEGIN DELETE FROM requests; END",
    "view_shadows_requests": ("ALTER TABLE requests RENAME TO requests_real; "
                              "CREATE VIEW requests AS SELECT * FROM requests_real UNION ALL SELECT * FROM requests_real"),
    "recursive_view": ("CREATE VIEW loop_view AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                       "SELECT n FROM r"),
    "extra_table": "CREATE TABLE notes (x TEXT)",
    "extra_index": "CREATE INDEX sneaky ON requests(question)",
    "altered_column": "ALTER TABLE texts ADD COLUMN extra TEXT",
    "user_version_0": "PRAGMA user_version = 0",
    "user_version_negative": "PRAGMA user_version = -5",
    "dropped_table": "DROP TABLE presets",
}
COMMANDS = {
    "analyze": ["analyze", "{p}", "--quarter", Q],
    "texts_set": ["texts", "{p}", "--quarter", Q, "--set", "conclusions=Итог."],
}


def _alter(project: Path, sql: str) -> None:
    con = sqlite3.connect(project)
    try:
        con.executescript(sql)
    finally:
        con.close()


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("alteration", list(ALTERATIONS))
def test_altered_project_is_refused_untouched(alteration: str, command: str, project: Path,
                                              capsys: pytest.CaptureFixture,
                                              record_property: Callable[[str, object], None]) -> None:
    _alter(project, ALTERATIONS[alteration])
    before = digest(project)
    siblings = sorted(p.name for p in project.parent.iterdir() if p.name != "logs")
    started = time.monotonic()
    code = main([a.format(p=project) for a in COMMANDS[command]])
    err = capsys.readouterr().err
    assert time.monotonic() - started < 20
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, err
    assert project.name in lines[0] and "internal error" not in lines[0], lines[0]
    assert digest(project) == before
    assert sorted(p.name for p in project.parent.iterdir() if p.name != "logs") == siblings  # no backup copy, no stray file
    record_property("answer", lines[0].split(": ", 2)[-1][:80])


def test_damaged_pages_are_refused(project: Path, capsys: pytest.CaptureFixture) -> None:
    """A page of the requests table overwritten with garbage: quick_check finds it before any figure."""
    con = sqlite3.connect(project)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'requests'").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(project, "r+b") as handle:
        handle.seek((root - 1) * page + 8)
        handle.write(b"\xff" * 64)
    before = digest(project)
    assert main(["analyze", str(project), "--quarter", Q]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "internal error" not in err, err
    assert digest(project) == before


def test_the_bundled_demo_and_a_migrated_project_still_open(tmp_path: Path) -> None:
    from kcdesk.core.store.project import Project
    from kcdesk.core.store.search import ensure_index

    demo = Path(shutil.copy2(ROOT / "resources" / "demo" / "demo.kcdesk", tmp_path / "demo.kcdesk"))
    with Project.open(demo) as opened:
        assert opened.quarters()
        ensure_index(opened)  # full-text search adds its own tables
    with Project.open(demo) as opened:
        assert opened.quarters()


# --- item 7 ----------------------------------------------------------------------------------------
KILL_MID_TRANSACTION = textwrap.dedent("""
    import os, sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA cache_size = 1")  # spill: changed pages reach the file before the commit
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE requests SET question = question || ' (изменено)', region = 'x'")
    con.execute("DELETE FROM requests WHERE id % 2 = 0")
    os._exit(9)  # killed: the journal stays hot
""")


def _kill_mid_transaction(project: Path, hours_ago: float = 0) -> None:
    """A kcdesk killed mid-write (`hours_ago`: last evening, before the copy was restored this morning)."""
    subprocess.run([sys.executable, "-c", KILL_MID_TRANSACTION, str(project)], check=False, cwd=ROOT)
    journal = project.with_name(project.name + "-journal")
    assert journal.exists()
    if hours_ago:
        then = time.time() - hours_ago * 3600
        os.utime(journal, (then, then))


GROW_THEN_KILL = textwrap.dedent("""
    import os, sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA cache_size = 1")
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE requests SET region = 'x'")  # journals the existing pages
    con.execute("INSERT INTO requests(import_id, source_row, question) "
                "SELECT import_id, source_row + 1000, hex(randomblob(400)) FROM requests, "
                "(SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5)")
    if sys.argv[2] == "wait":
        print("ready", flush=True)
        time.sleep(60)
    os._exit(9)
""")


def test_a_long_import_killed_long_ago_is_still_rolled_back(project: Path, capsys: pytest.CaptureFixture) -> None:
    """A long import rewrites journaled pages for minutes without touching the journal: the file grew
    since the journal was started, so the journal is the interrupted import's, however old it looks."""
    subprocess.run([sys.executable, "-c", GROW_THEN_KILL, str(project), "kill"], check=False, cwd=ROOT)
    journal = project.with_name(project.name + "-journal")
    assert journal.exists()
    then = time.time() - 3 * 3600
    os.utime(journal, (then, then))
    assert main(["analyze", str(project), "--quarter", Q]) == 0
    assert "moved aside" not in capsys.readouterr().err
    assert integrity(project) == "ok" and _count(project) == 30


def test_a_live_writers_journal_is_never_touched(project: Path, capsys: pytest.CaptureFixture) -> None:
    """Another kcdesk importing right now: its journal is live, whatever its age; it is left alone."""
    script = KILL_MID_TRANSACTION.replace("os._exit(9)", "print('ready', flush=True); import time; "
                                          "time.sleep(60); os._exit(9)")
    child = subprocess.Popen([sys.executable, "-c", script, str(project)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        journal = project.with_name(project.name + "-journal")
        then = time.time() - 3 * 3600
        os.utime(journal, (then, then))
        from kcdesk.core.store.opening import (
            set_aside_stray_journal,
            stray_journal_reason,
            writer_active,
        )

        assert stray_journal_reason(project) is not None  # by its age alone it would look stray
        assert writer_active(project)
        assert set_aside_stray_journal(project) is None and journal.exists()
    finally:
        child.kill()
        child.wait()
    assert not list(project.parent.glob("*.stray-*"))


def _count(project: Path) -> int:
    con = sqlite3.connect(f"file:{project}?mode=ro&immutable=1", uri=True)  # never replays anything
    try:
        return con.execute("SELECT COUNT(*) FROM requests").fetchone()[0]
    finally:
        con.close()


def test_stray_journal_is_not_replayed_into_a_restored_backup(project: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture) -> None:
    backup = Path(shutil.copy2(project, tmp_path / "yesterday.kcdesk"))
    assert main(["texts", str(project), "--quarter", Q, "--set", "conclusions=Сегодня."]) == 0  # a later change
    _kill_mid_transaction(project, hours_ago=12)
    shutil.copyfile(backup, project)  # yesterday's copy restored over the project; the journal is left
    before = digest(project)
    capsys.readouterr()
    assert main(["analyze", str(project), "--quarter", Q, "--json", str(tmp_path / "a.json")]) == 0
    err = capsys.readouterr().err
    assert "moved aside" in err and "kcdesk-journal.stray-" in err, err
    assert digest(project) == before and integrity(project) == "ok"
    assert _count(project) == 30
    assert not project.with_name(project.name + "-journal").exists()
    assert len(list(project.parent.glob(project.name + "-journal.stray-*"))) == 1  # kept, not deleted


def test_stray_journal_with_another_page_size_is_set_aside(project: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    other = tmp_path / "other.kcdesk"
    con = sqlite3.connect(other)
    con.executescript("PRAGMA page_size = 1024; CREATE TABLE requests (id INTEGER PRIMARY KEY, question TEXT, region TEXT);"
                      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 300) "
                      "INSERT INTO requests(question) SELECT hex(randomblob(200)) FROM r;")
    con.close()
    _kill_mid_transaction(other)
    os.replace(other.with_name(other.name + "-journal"), project.with_name(project.name + "-journal"))
    before = digest(project)
    assert main(["analyze", str(project), "--quarter", Q]) == 0
    assert "page size" in capsys.readouterr().err
    assert digest(project) == before and _count(project) == 30


def test_a_journal_of_a_real_crash_is_still_rolled_back(project: Path, capsys: pytest.CaptureFixture) -> None:
    """The check must not set aside the journal that undoes an interrupted import."""
    _kill_mid_transaction(project)
    assert main(["analyze", str(project), "--quarter", Q]) == 0
    assert "moved aside" not in capsys.readouterr().err
    assert not list(project.parent.glob("*.stray-*"))
    assert integrity(project) == "ok" and _count(project) == 30
    con = sqlite3.connect(project)
    assert con.execute("SELECT COUNT(*) FROM requests WHERE region = 'x'").fetchone()[0] == 0
    con.close()


BAD_VALUES = {
    "bad_json_setting": "INSERT OR REPLACE INTO settings(key, value) VALUES ('signatory', '{not json')",
    "ten_mb_topic_name": "UPDATE topics SET name = printf('%.10000000c', 'x')",
    "text_where_a_quarter_belongs": "UPDATE requests SET quarter = 'третий' WHERE id = 1",
    "blob_text": "INSERT INTO texts(quarter, key, value, updated_at) VALUES (8106, 'conclusions', x'00ff', '')",
    "bad_preset_json": "INSERT INTO presets(source, mapping) VALUES ('x', '[1, 2')",
}


@pytest.mark.parametrize("name", [n for n in BAD_VALUES if n != "text_where_a_quarter_belongs"])
def test_values_altered_outside_kcdesk_are_one_clear_line(name: str, project: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture,
                                                          record_property: Callable[[str, object], None]) -> None:
    _alter(project, BAD_VALUES[name])
    before = digest(project)
    code = main(["report", str(project), "--quarter", Q, "--lang", "ru", "--no-charts",
                 "--out", str(tmp_path / "s.docx")])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, err
    assert project.name in lines[0] and "internal error" not in lines[0], lines[0]
    assert digest(project) == before and not (tmp_path / "s.docx").exists()
    record_property("answer", lines[0].split(": ", 2)[-1][:80])


def test_a_quarter_altered_to_text_is_a_clear_error_for_the_app(project: Path) -> None:
    """The app lists the project's quarters on opening: text there is a KcError, not a crash."""
    from kcdesk.core.errors import KcError
    from kcdesk.core.store.project import Project

    _alter(project, BAD_VALUES["text_where_a_quarter_belongs"])
    with Project.open(project) as opened, pytest.raises(KcError) as raised:
        opened.quarters()
    assert raised.value.code == "project_damaged"
