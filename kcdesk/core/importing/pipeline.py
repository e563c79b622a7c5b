"""Import exports into a project: read (a child process) → map → normalise → store, one transaction.

Each stage knows nothing of the next: kcdesk/core/read finds tables and yields raw rows (in the
reader process, importing/reader.py), kcdesk/core/normalise turns mapped raw rows into the stored
columns, and kcdesk/core/store's ImportWriter writes them. This module only passes chunks along.
"""

from __future__ import annotations

import logging
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.fields import DATE_FIELDS
from kcdesk.core.importing.mapping import column_mapping, header_mapping
from kcdesk.core.importing.reader import CHUNK_ROWS, OpenedFile, ReaderProcess, plain_values
from kcdesk.core.normalise.masking import mask_all
from kcdesk.core.normalise.rows import RESOLVED, normalise_chunk, request_ids, unresolved_counts
from kcdesk.core.read.tables import RawTable
from kcdesk.core.store.imports import ImportWriter, remove_project_files
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import NullProgress, Progress, check

log = logging.getLogger("kcdesk.import")

PREVIEW_ROWS = 200


@dataclass
class FileResult:
    file: str
    sheet: str
    source: str
    header_row: int
    mapping: dict[str, str | None]          # header text → field (None: not used)
    rows_read: int = 0
    rows_stored: int = 0
    duplicates: int = 0
    bad_dates: int = 0
    skipped_as_repeat: bool = False
    masked_ids: int = 0
    unresolved: dict[str, pd.Series] = field(default_factory=dict)   # field → value counts
    warnings: list[KcError] = field(default_factory=list)


@dataclass
class ImportResult:
    files: list[FileResult]
    dry_run: bool = False

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def rows_stored(self) -> int:
        return sum(f.rows_stored for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)


@dataclass
class FilePreview:
    file: str
    sheet: str
    sheets: list[str]
    header_row: int
    headers: list[str]
    mapping: dict[str, str | None]
    preview: pd.DataFrame
    unresolved: pd.DataFrame
    warnings: list[KcError]


def _frame(rows: list[int], values: list[list[Any]], fields: list[str]) -> pd.DataFrame:
    """A chunk from the reader as the normaliser takes it: one object column per mapped field,
    indexed by sheet row."""
    index = pd.Index(np.asarray(rows, dtype="int64"))
    columns: dict[str, np.ndarray] = {}
    for name, column in zip(fields, values):
        if isinstance(column, np.ndarray) and name in DATE_FIELDS:
            columns[name] = column  # date-times sent as one array (reader.column_values)
            continue
        plain = plain_values(column)
        array = np.empty(len(plain), dtype=object)
        array[:] = plain
        columns[name] = array
    return pd.DataFrame(columns, index=index, copy=False)


def preview_file(project: Project | None, path: Path, sheet: str | None = None,
                 header_row: int | None = None, overrides: dict[str, str] | None = None,
                 source: str | None = None) -> FilePreview:
    """What an import of this file would map and produce, for its first rows; writes nothing."""
    path = Path(path)
    with ReaderProcess([path], sheet=sheet, header_row=header_row) as reader:
        [opened] = reader.open()
        table = opened.tables[0]
        preset = project.get_preset(source or path.name) if project else None
        mapping = column_mapping(table, preset, overrides)
        maps = project.catalogue.user_maps() if project else {}
        fields = list(mapping.values())
        # One pass (a sheet is read once): the first rows are the preview; the values not recognised are
        # counted in the whole file (what the import would leave as "not stated"), not only in the rows shown.
        vocab = [k for k, name in enumerate(fields) if name in RESOLVED]
        chunks: list[tuple[list[int], list[list[Any]]]] = []
        kept = 0
        whole: dict[str, pd.Series] = {}
        for index, sent in reader.rows(0, 0, list(mapping), None if vocab else PREVIEW_ROWS):
            cols = [plain_values(c) for c in sent]
            if kept < PREVIEW_ROWS:
                take = min(len(index), PREVIEW_ROWS - kept)
                chunks.append((index[:take], [c[:take] for c in cols]))
                kept += take
            if vocab:
                part = unresolved_counts(_frame(index, [cols[k] for k in vocab], [fields[k] for k in vocab]), maps)
                for name, counts in part.items():
                    whole[name] = counts if name not in whole else whole[name].add(counts, fill_value=0)
        sheets = reader.sheet_names(0)
    rows = [r for index, _ in chunks for r in index]
    values = [[v for _, cols in chunks for v in cols[i]] for i in range(len(fields))]
    result = normalise_chunk(_frame(rows, values, fields), maps, table.date1904)
    unresolved = pd.DataFrame(
        [(f, v, int(c)) for f, counts in whole.items() for v, c in counts.sort_values(ascending=False).items()],
        columns=["field", "value", "count"],
    )
    return FilePreview(
        file=table.file, sheet=table.sheet, sheets=sheets, header_row=table.header_row,
        headers=[str(h) for h in table.headers], mapping=header_mapping(table, mapping),
        preview=result.rows.drop(columns=["source_row"]).reset_index(drop=True),
        unresolved=unresolved, warnings=list(table.warnings),
    )


def import_files(project_path: Path, paths: Sequence[Path], source: str | None = None,
                 overrides: dict[str, str] | None = None, progress: Progress | None = None,
                 dry_run: bool = False, sheet: str | None = None,
                 header_row: int | None = None) -> ImportResult:
    """Import every file in one transaction: all of them are stored, or (on any error) none."""
    progress = progress or NullProgress()
    project_path = Path(project_path)
    with ReaderProcess([Path(p) for p in paths], sheet=sheet, header_row=header_row,
                       progress=progress) as reader:
        # Every file is opened and its header found before the project is touched.
        opened = reader.open()
        check(progress)
        created = not project_path.exists()
        scratch = None
        if dry_run and created:
            scratch = tempfile.TemporaryDirectory(prefix="kcdesk-dry-")
            project_path = Path(scratch.name) / "dry-run.kcdesk"
        try:
            project = Project.open(project_path, create=True)
        except BaseException:
            if scratch:
                scratch.cleanup()
            raise
        try:
            result = _import_all(ImportWriter(project), reader, opened, source, overrides, progress,
                                 dry_run)
        except BaseException:
            project.close()
            if created and not dry_run:
                remove_project_files(project_path)
            raise
        else:
            project.close()
        finally:
            if scratch:
                scratch.cleanup()
    # For the support log: names and counts only, never values from the rows.
    for item in result.files:
        log.info("import%s %s [%s]: %d rows read, %d stored, %d duplicates, %d without a date%s",
                 " (dry run)" if dry_run else "", item.file, item.sheet, item.rows_read,
                 item.rows_stored, item.duplicates, item.bad_dates,
                 ", skipped as a repeat" if item.skipped_as_repeat else "")
    return result


SMALL_SHEET_ROWS = 2_000  # a sheet read in one chunk this small waits to be normalised with others


@dataclass
class _Part:
    """The rows of one small sheet, waiting to be normalised and stored with others like it."""

    result: FileResult
    import_id: int
    rows: list[int]
    values: list[list[Any]]


class _Tables:
    """Passes each sheet's chunks from the reader to the normaliser and the writer. Small sheets
    (a workbook of thousands) are gathered and go through the normaliser together: its fixed cost
    per call, not the rows, made such a workbook take 0.12 s a sheet."""

    def __init__(self, writer: ImportWriter, reader: ReaderProcess, progress: Progress,
                 total: int) -> None:
        self.writer = writer
        self.reader = reader
        self.progress = progress
        self.total = total
        self.done = 0
        self.waiting: list[_Part] = []
        self.waiting_key: tuple[Any, ...] | None = None
        self.waiting_rows = 0

    def import_table(self, file_number: int, sheet_number: int, table: RawTable, item: OpenedFile,
                     source: str | None, overrides: dict[str, str] | None) -> FileResult:
        writer = self.writer
        source_name = mask_all(source or item.path.name)  # a file named after a person or holding a phone
        preset = writer.preset(source_name)
        mapping = column_mapping(table, preset, overrides)
        if overrides:
            writer.save_preset(source_name, {**(preset or {}), **overrides})
        result = FileResult(file=table.file, sheet=table.sheet, source=source_name,
                            header_row=table.header_row, mapping=header_mapping(table, mapping),
                            warnings=list(table.warnings))
        stored_file, stored_sheet = mask_all(table.file), mask_all(table.sheet)  # stored as shown: masked
        if writer.already_imported(item.sha256, (stored_sheet, table.sheet)):
            # The same file again: its rows are already counted, with or without ids.
            result.skipped_as_repeat = True
            result.warnings.append(KcError("already_imported", file=table.file, sheet=table.sheet))
            return result
        import_id = writer.start(stored_file, stored_sheet, source_name, item.sha256, table.header_row,
                                 {mask_all(str(k)): v for k, v in result.mapping.items()})
        fields = list(mapping.values())
        chunks = self.reader.rows(file_number, sheet_number, list(mapping))
        first = next(chunks, None)
        following = next(chunks, None) if first is not None else None
        key = (tuple(fields), table.date1904)
        if first is not None and following is None and len(first[0]) < SMALL_SHEET_ROWS:
            if key != self.waiting_key or self.waiting_rows + len(first[0]) > CHUNK_ROWS:
                self.flush()
            self.waiting_key = key
            self.waiting.append(_Part(result, import_id, first[0], first[1]))
            self.waiting_rows += len(first[0])
            return result
        self.flush()
        for rows, values in _chain(first, following, chunks):
            check(self.progress)
            frame = _frame(rows, values, fields)
            normal = normalise_chunk(frame, writer.user_maps, table.date1904)
            counts = writer.store(import_id, normal.rows, normal.problems)
            _add(result, counts.get(import_id, (0, 0)), normal.problems, normal.unresolved, len(rows),
                 normal.masked_ids)
            self._advance(len(rows), table.file)
        self._finish(import_id, result)
        return result

    def flush(self) -> None:
        """Normalise and store the small sheets gathered so far, as one chunk."""
        if not self.waiting:
            return
        parts, self.waiting, self.waiting_rows = self.waiting, [], 0
        fields, date1904 = self.waiting_key or ((), False)
        self.waiting_key = None
        check(self.progress)
        sheet_rows = np.asarray([r for part in parts for r in part.rows], dtype="int64")
        owner = np.repeat(np.arange(len(parts)), [len(part.rows) for part in parts])
        ids = np.asarray([part.import_id for part in parts], dtype="int64")[owner]
        values = [[v for part in parts for v in part.values[i]] for i in range(len(fields))]
        # A positional index (sheet rows repeat from sheet to sheet), sheet rows put back after.
        frame = _frame(list(range(len(sheet_rows))), values, list(fields))
        normal = normalise_chunk(frame, self.writer.user_maps, date1904)
        rows = normal.rows.assign(source_row=sheet_rows[normal.rows["source_row"].to_numpy()])
        problems = normal.problems
        positions = problems["sheet_row"].to_numpy(dtype="int64") if not problems.empty else None
        if positions is not None:
            problems = problems.assign(sheet_row=sheet_rows[positions], import_id=ids[positions])
        counts = self.writer.store(ids, rows, problems)
        masked = np.zeros(len(sheet_rows), dtype=bool)
        if normal.masked_ids and "request_id" in frame:
            masked = (request_ids(frame["request_id"]).notna() & rows["request_id"].isna()).to_numpy()
        for number, part in enumerate(parts):
            mine = owner == number
            own_problems = problems[owner[positions] == number] if positions is not None else problems
            unresolved = {}
            for name in normal.unresolved:
                raw = rows.loc[mine, f"{name}_raw"].dropna()
                if not raw.empty:
                    unresolved[name] = raw.value_counts()
            _add(part.result, counts.get(part.import_id, (0, 0)), own_problems, unresolved,
                 len(part.rows), int(masked[mine].sum()))
            self._advance(len(part.rows), part.result.file)
            self._finish(part.import_id, part.result)

    def _advance(self, rows: int, file: str) -> None:
        self.done += rows
        self.progress.report(min(self.done, self.total), self.total, file)

    def _finish(self, import_id: int, result: FileResult) -> None:
        if result.masked_ids:
            result.warnings.append(KcError("request_ids_masked", file=result.file, sheet=result.sheet,
                                           count=result.masked_ids))
        self.writer.finish(import_id, result.rows_read, result.rows_stored, result.duplicates,
                           result.bad_dates)


def _chain(first: Any, following: Any, rest: Iterator[Any]) -> Iterator[Any]:
    for chunk in (first, following):
        if chunk is not None:
            yield chunk
    yield from rest


def _add(result: FileResult, counts: tuple[int, int], problems: pd.DataFrame,
         unresolved: dict[str, pd.Series], rows_read: int, masked_ids: int) -> None:
    result.masked_ids += masked_ids
    result.rows_stored += counts[0]
    result.duplicates += counts[1]
    if not problems.empty:
        result.bad_dates += int((problems["field"] == "registered_at").sum())
    for name, counts_of in unresolved.items():
        previous = result.unresolved.get(name)
        result.unresolved[name] = counts_of if previous is None else previous.add(counts_of, fill_value=0)
    result.rows_read += rows_read


def _import_all(writer: ImportWriter, reader: ReaderProcess, opened: list[OpenedFile],
                source: str | None, overrides: dict[str, str] | None, progress: Progress,
                dry_run: bool) -> ImportResult:
    total = sum((t.estimated_rows() or 0) for item in opened for t in item.tables) or 1
    results: list[FileResult] = []
    writer.begin(total)
    try:
        tables = _Tables(writer, reader, progress, total)
        for file_number, item in enumerate(opened):
            for sheet_number, table in enumerate(item.tables):
                results.append(tables.import_table(file_number, sheet_number, table, item, source,
                                                   overrides))
        tables.flush()
        if writer.rebuild_indexes:
            progress.report(tables.done, total, "index")
            writer.build_indexes()
        if dry_run:
            writer.rollback()
        else:
            writer.commit()
    except sqlite3.OperationalError as error:  # a full disk or a read-only file: one clear line
        writer.rollback()
        raise writer.storage_error(error) from None
    except BaseException:
        writer.rollback()
        raise
    return ImportResult(files=results, dry_run=dry_run)
