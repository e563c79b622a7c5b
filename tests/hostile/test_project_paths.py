"""Issue 13 item 4: the project path goes into SQLite's URI quoted. Names with %, #, ?, spaces, Cyrillic and
Kazakh letters are themselves; nothing is written under another name, nothing stray is left."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from kcdesk.cli.main import main
from kcdesk.core.store.opening import sqlite_uri
from kcdesk.core.store.project import Project
from tests.hostile.make_corpus import base_rows, write_csv

NAMES = {
    "percent": "x%41.kcdesk",
    "percent_two_digits": "100%20done.kcdesk",
    "hash": "Отчёт #1.kcdesk",
    "question_mark": "what?mode=ro.kcdesk",
    "spaces": "  two  spaces .kcdesk",
    "cyrillic": "Обращения за квартал.kcdesk",
    "kazakh": "Өтініштер әкімдік ұйғыр қазақ.kcdesk",
    "ampersand_equals": "a&b=c.kcdesk",
    "backslash_and_colon": "C:\\Users\\Әлия\\p.kcdesk",  # on POSIX: one file name holding a drive letter
}


@pytest.mark.parametrize("key", list(NAMES))
def test_import_and_analyze_use_exactly_that_file(key: str, tmp_path: Path, capsys: pytest.CaptureFixture,
                                                  record_property: Callable[[str, object], None]) -> None:
    folder = tmp_path / "Папка #2 %41"
    folder.mkdir()
    export = write_csv(tmp_path / "export.csv", base_rows())
    project = folder / NAMES[key]
    assert main(["import", str(project), str(export)]) == 0, capsys.readouterr().err
    assert main(["analyze", str(project), "--quarter", "2026-Q3"]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == [project.name]  # nothing under another name
    con = sqlite3.connect(project)  # plain path, no URI: the rows are in this very file
    try:
        assert con.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 30
    finally:
        con.close()
    with Project.open(project) as opened:
        assert opened.quarters()
    record_property("answer", "30 rows in the named file")


def test_a_missing_project_with_a_hash_is_named_right(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["analyze", str(tmp_path / "Отчёт #1.kcdesk"), "--quarter", "2026-Q3"]) == 2
    assert "Отчёт #1.kcdesk: no such project" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("path", "uri"), [
    (PureWindowsPath("C:/Users/Әлия/Отчёт #1.kcdesk"),
     "file:///C:/Users/%D3%98%D0%BB%D0%B8%D1%8F/%D0%9E%D1%82%D1%87%D1%91%D1%82%20%231.kcdesk?mode=rw"),
    (PureWindowsPath(r"D:\data\x%41?.kcdesk"), "file:///D:/data/x%2541%3F.kcdesk?mode=rw"),
    (PureWindowsPath(r"\\server\share\p.kcdesk"), "file://server/share/p.kcdesk?mode=rw"),
    (PurePosixPath("/home/a/C:\\x #?.kcdesk"), "file:///home/a/C:%5Cx%20%23%3F.kcdesk?mode=rw"),
])
def test_uri_quoting_of_windows_and_posix_paths(path, uri: str) -> None:
    assert sqlite_uri(path) == uri
