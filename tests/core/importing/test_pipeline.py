"""The import pipeline: the reader in its own process, small sheets stored together, a dying reader."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from kcdesk.core.errors import KcError
from kcdesk.core.importing import import_files, pipeline, preview_file, reader
from kcdesk.core.tasks import Cancelled
from tests.hostile.xlsx_raw import sheet_xml, write_xlsx

HEADER = ["Номер обращения", "Дата регистрации", "Регион", "Тема", "Текст обращения"]


def _csv(path: Path, rows: int, prefix: str = "R") -> Path:
    lines = [";".join(HEADER)]
    lines += [f"{prefix}-{i};{1 + i % 28:02d}.08.2026;г. Астана;Дороги;Яма во дворе {i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(project: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(project)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_errors_cross_the_process_boundary_whole() -> None:
    sending, receiving = multiprocessing.Pipe()
    sending.send(KcError("no_header", file="a.xlsx", sheet="S", row=3))
    error = receiving.recv()
    sending.close()
    receiving.close()
    assert (error.code, error.params) == ("no_header", {"file": "a.xlsx", "sheet": "S", "row": 3})


def test_the_reader_runs_in_a_child_process_that_is_gone_afterwards(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int | None] = []
    started = reader.ReaderProcess.__init__

    def spy(self: reader.ReaderProcess, *args: object, **kwargs: object) -> None:
        started(self, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(self.pid)

    monkeypatch.setattr(reader.ReaderProcess, "__init__", spy)
    result = import_files(tmp_path / "p.kcdesk", [_csv(tmp_path / "a.csv", 30)])
    assert result.rows_stored == 30
    assert len(seen) == 1 and seen[0] not in (None, os.getpid())
    assert not multiprocessing.active_children()


def test_small_sheets_stored_together_keep_their_own_rows_and_figures(tmp_path: Path) -> None:
    """Many small sheets go through the normaliser as one chunk; each keeps its sheet rows, its
    import record and its own counts (stored, duplicates, rows without a date)."""
    sheets = []
    for i in range(12):
        rows = [[f"S{i}-{j}", "10.08.2026" if j != 2 else "когда-то", "г. Астана", "Дороги", "Яма"]
                for j in range(i % 3 + 1)]
        if i == 5:
            rows.append(["S0-0", "11.08.2026", "г. Астана", "Дороги", "Яма"])  # a repeat of sheet 0's id
        sheets.append((f"Лист {i}", sheet_xml([["Отчёт за квартал"], HEADER, *rows])))
    book = write_xlsx(tmp_path / "many.xlsx", sheets)
    project = tmp_path / "p.kcdesk"
    result = import_files(project, [book])
    assert [f.sheet for f in result.files] == [f"Лист {i}" for i in range(12)]
    by_sheet = {f.sheet: f for f in result.files}
    assert by_sheet["Лист 2"].rows_read == 3 and by_sheet["Лист 2"].bad_dates == 1
    assert by_sheet["Лист 5"].duplicates == 1 and by_sheet["Лист 5"].rows_stored == 3
    assert by_sheet["Лист 0"].rows_stored == 1 and by_sheet["Лист 0"].bad_dates == 0
    stored = dict(_count(project, "SELECT request_id, source_row FROM requests"))
    assert stored["S2-0"] == 3 and stored["S2-2"] == 5  # the sheet's own row numbers
    records = _count(project, "SELECT sheet, rows_read, rows_stored, duplicates, bad_dates FROM imports "
                              "ORDER BY id")
    assert records[2] == ("Лист 2", 3, 3, 0, 1)
    assert records[5] == ("Лист 5", 4, 3, 1, 1)
    problems = _count(project, "SELECT i.sheet, p.sheet_row, p.reason FROM problems p "
                               "JOIN imports i ON i.id = p.import_id ORDER BY i.id")
    assert ("Лист 2", 5, "bad_date") in problems
    assert all(sheet in ("Лист 2", "Лист 5", "Лист 8", "Лист 11") for sheet, _, _ in problems)
    duplicates = _count(project, "SELECT i.sheet, d.count FROM duplicates d JOIN imports i ON i.id = d.import_id")
    assert duplicates == [("Лист 5", 1)]


def test_many_small_sheets_cost_little_each(tmp_path: Path) -> None:
    """300 sheets with a header among 1500: the normaliser runs a handful of times, not 300."""
    sheets = []
    for i in range(1500):
        table = ([HEADER, [f"M-{i}", "10.08.2026", "г. Астана", "Дороги", "Яма"]] if i % 5 == 0
                 else [["Справка", i]])
        sheets.append((f"L{i}", sheet_xml(table)))
    book = write_xlsx(tmp_path / "sheets.xlsx", sheets)
    calls = []
    original = pipeline.normalise_chunk

    def counting(*args: object, **kwargs: object):  # noqa: ANN202
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    pipeline.normalise_chunk = counting  # type: ignore[assignment]
    try:
        result = import_files(tmp_path / "p.kcdesk", [book])
    finally:
        pipeline.normalise_chunk = original
    assert result.rows_stored == 300 and len(result.files) == 300
    assert len(calls) <= 2


@pytest.mark.allow_log_warnings  # the support log records the reader's end
@pytest.mark.skipif(sys.platform == "win32", reason="SIGABRT to another process")
def test_a_reader_that_dies_ends_the_import_with_the_file_named(tmp_path: Path) -> None:
    """An abort inside the reader (as calamine did on crafted workbooks) ends the import with a
    clear error naming the file; the project is as it was, and the next import works."""
    project = tmp_path / "p.kcdesk"
    import_files(project, [_csv(tmp_path / "base.csv", 10, "BASE")])
    before = _digest(project)
    big = _csv(tmp_path / "big_export.csv", 120_000)

    class KillReader:
        def report(self, done: int, total: int, stage: str = "") -> None:
            for child in multiprocessing.active_children():
                try:
                    os.kill(child.pid, signal.SIGABRT)
                except ProcessLookupError:  # already ended (the previous report's kill)
                    pass

        def cancelled(self) -> bool:
            return False

    with pytest.raises(KcError) as raised:
        import_files(project, [big], progress=KillReader())
    assert raised.value.code == "reader_crashed"
    assert raised.value.params["file"] == "big_export.csv"
    assert "SIGABRT" in raised.value.params["reason"]
    assert _digest(project) == before
    assert not project.with_name(project.name + "-journal").exists()
    assert import_files(project, [_csv(tmp_path / "after.csv", 5, "AFTER")]).rows_stored == 5


def test_cancel_while_the_reader_works(tmp_path: Path) -> None:
    project = tmp_path / "p.kcdesk"
    flag = threading.Event()

    class CancelAtOnce:
        def report(self, done: int, total: int, stage: str = "") -> None:
            flag.set()

        def cancelled(self) -> bool:
            return flag.is_set()

    with pytest.raises(Cancelled):
        import_files(project, [_csv(tmp_path / "big.csv", 60_000)], progress=CancelAtOnce())
    assert not project.exists()
    assert not multiprocessing.active_children()


@pytest.mark.allow_log_warnings  # the reader's death under its memory cap is logged
def test_the_bomb_workbook_is_refused_by_name_without_harm(tmp_path: Path) -> None:
    """47 kB: one 40 MB shared string in 300 cells (calamine took 12 GB and aborted). Read without
    the pre-scan, the reader dies under its memory cap; the parent's checks then name the cause."""
    from tests.hostile.make_corpus import CASES

    case = next(c for c in CASES if c.name == "shared_string_40mb_x300")
    path = case.build(tmp_path)
    assert path.stat().st_size < 60_000
    for call in (lambda: preview_file(None, path), lambda: import_files(tmp_path / "p.kcdesk", [path])):
        with pytest.raises(KcError) as raised:
            call()
        assert raised.value.code == "workbook_too_large"
        assert raised.value.params["file"] == path.name
        assert "shared strings" in raised.value.params["reason"]
    assert not (tmp_path / "p.kcdesk").exists()


def test_a_dead_reader_gets_the_precise_reason_when_the_checks_know_it(tmp_path: Path) -> None:
    """The full workbook checks run in the parent only after the reader died: they name what in
    the file was too much."""
    from tests.hostile.make_corpus import CASES

    case = next(c for c in CASES if c.name == "shared_string_40mb_x300")
    error = reader._precise_refusal(case.build(tmp_path))
    assert error is not None and error.code == "workbook_too_large"
    assert reader._precise_refusal(_csv(tmp_path / "plain.csv", 3)) is None


def test_preview_counts_the_values_not_recognised_in_the_whole_file(tmp_path: Path) -> None:
    """Issue 14 (6): the import step's per-file count is the file's (237), not the preview rows' (1)."""
    lines = ["Дата регистрации;Регион;Тема"]
    lines += [f"10.07.2026;{'Марс' if i % 5 == 0 else 'г. Астана'};Газ" for i in range(1185)]
    lines += ["11.07.2026;Луна;Газ"] * 2
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = preview_file(None, path)
    assert len(found.preview) == pipeline.PREVIEW_ROWS
    counts = {(f, v): c for f, v, c in found.unresolved.itertuples(index=False)}
    assert counts == {("region", "Марс"): 237, ("region", "Луна"): 2}
