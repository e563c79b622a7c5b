"""Exports → raw tables: format sniffed, header row found, rows streamed with their sheet row numbers."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.read import header as hdr
from kcdesk.core.read import markup as mk
from kcdesk.core.read import workbook as wbk
from kcdesk.core.read import xlsx_blocks, xlsx_stream
from kcdesk.core.read.inspect import TEXT_EXTENSIONS, sniff
from kcdesk.core.read.text import iter_text_chunks, sniff_text

log = logging.getLogger("kcdesk.read")

Chunker = Callable[[int], Iterator[pd.DataFrame]]
MAX_CHUNK_CELLS = 2_000_000  # cells per chunk handed on (50 000 rows up to 40 columns)
SAMPLE_ROWS = 1000  # rows under the header kept from opening, for judging columns by their values


@dataclass
class RawTable:
    """One sheet (or a whole CSV/TXT file) of an export, ready to be read chunk by chunk."""

    path: Path
    file: str
    sheet: str
    header_row: int
    headers: list[str]
    n_columns: int
    warnings: list[KcError] = field(default_factory=list)
    date1904: bool = False  # the workbook counts serial dates from 1904 (bare numbers need it)
    # The first rows under the header (columns 0..n_columns-1, raw values), read while opening:
    # what column mapping judges values on, without reading the file again.
    sample: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    _chunker: Chunker | None = field(default=None, repr=False, compare=False)
    _rows: int | None = field(default=None, repr=False, compare=False)

    def chunks(self, size: int = 50_000) -> Iterator[pd.DataFrame]:
        """DataFrames with columns 0..n_columns-1 of raw cell values (None when empty), indexed
        by 1-based sheet row (record) number; fully blank rows are left out."""
        if self._chunker is None:
            return iter(())
        # Rows × columns bounds a chunk's memory: a 16 384-column CSV in 50 000-row chunks took 1.5 GB.
        return self._chunker(max(1, min(size, MAX_CHUNK_CELLS // max(self.n_columns, 1))))

    def estimated_rows(self) -> int | None:
        """Rows under the header, roughly (for progress); None when unknown."""
        return self._rows


def _check_path(path: Path) -> str:
    file = path.name or str(path)
    if not path.exists():
        raise KcError("file_missing", file=file)
    if path.is_dir():
        raise KcError("file_is_folder", file=file)
    if path.stat().st_size == 0:
        raise KcError("file_empty", file=file)
    return file


def sample_frame(rows: Sequence[Sequence[Any]], width: int) -> pd.DataFrame:
    """Rows (lists of raw values, '' or None when empty) as a DataFrame of `width` object columns."""
    body = [list(r[:width]) + [None] * (width - len(r)) for r in rows[:SAMPLE_ROWS]]
    frame = pd.DataFrame(body, columns=pd.RangeIndex(width), dtype=object) if body else \
        pd.DataFrame(columns=pd.RangeIndex(width), dtype=object)
    return frame.where(frame != "", None)


def _locate_header(rows: Sequence[Sequence[Any]], header_row: int | None, width: int,
                   merges: Callable[[int], dict[int, int]] | None, file: str,
                   sheet: str) -> tuple[int, list[str]]:
    """(1-based last header row, header texts) found in the first rows, or as the user set it."""
    if header_row is not None:
        if header_row < 1 or header_row > len(rows):
            raise KcError("no_header", file=file, sheet=sheet, row=header_row)
        return header_row, hdr.join_headers(None, rows[header_row - 1], width)
    found = hdr.find_header(rows)
    if found is None:
        raise KcError("no_header", file=file, sheet=sheet, row=min(len(rows), hdr.SCAN_ROWS))
    group, last = hdr.header_span(rows, found)
    group_of = None
    if group is not None and merges is not None:
        groups = merges(group + 1)
        group_of = groups.get if groups else None  # no merges: spread titles by layout
    upper = rows[group] if group is not None else None
    return last + 1, hdr.join_headers(upper, rows[last], width, group_of)


def _open_text(path: Path, file: str, header_row: int | None) -> list[RawTable]:
    fmt, records, complete = sniff_text(path, file)
    if not fmt.delimiter and path.suffix.lower() not in TEXT_EXTENSIONS:
        raise KcError("unknown_format", file=file, reason="not a delimited table")
    row, headers = _locate_header(records, header_row, fmt.width, None, file, "")
    if complete and not any(any(v is not None for v in r) for r in records[row:]):
        raise KcError("no_data_rows", file=file, sheet="", row=row)
    warnings = []
    if fmt.lost_letters:
        count, first = fmt.lost_letters
        warnings.append(KcError("lost_kazakh_letters", file=file, count=count, row=first))
    size = path.stat().st_size
    estimate = max(int(size / max(fmt.bytes_per_record, 1.0)) - row, 0)
    log.debug("%s: text %s delimiter %r, header row %d", file, fmt.encoding, fmt.delimiter, row)
    return [RawTable(path, file, "", row, headers, fmt.width, warnings,
                     sample=sample_frame(records[row:], fmt.width),
                     _chunker=lambda n: iter_text_chunks(path, fmt, row, n), _rows=estimate)]


def _sheet_chunker(book: Any, file: str, name: str, sheet: Any, row: int, width: int,
                   streamed: xlsx_stream.StreamedSheet | None = None) -> Chunker:
    """Chunks of one sheet; the sheet already loaded serves the first call, later calls load it
    again from the open workbook (reopening it per sheet cost 0.1 s a sheet). A streamed sheet
    is read from its XML again at each call."""
    cache = [sheet] if sheet is not None else []

    def chunks(size: int) -> Iterator[pd.DataFrame]:
        if streamed is not None:
            return xlsx_blocks.sheet_chunks(streamed, row, width, size)
        loaded = cache.pop() if cache else None
        if loaded is None:
            loaded = wbk.load_sheet(book, name, file)
        return wbk.iter_sheet_chunks(loaded, row, width, size)

    return chunks


def _open_workbook(path: Path, file: str, kind: str, date1904: bool, sheet: str | None,
                   header_row: int | None) -> list[RawTable]:
    book = wbk.open_workbook(path, file)
    # An xlsx sheet too big for calamine to hold whole is read as a stream of its XML.
    streamed = xlsx_stream.streamed_sheets(path, file, date1904) if kind == "xlsx" else {}
    if sheet:
        if sheet not in book.sheet_names:
            raise KcError("sheet_missing", file=file, sheet=sheet)
        names = [sheet]
    else:
        names = wbk.worksheet_names(book) or wbk.worksheet_names(book, include_hidden=True)
    if not names:
        raise KcError("no_sheets", file=file)
    tables: list[RawTable] = []
    problems: list[KcError] = []
    for name in names:
        stream = streamed.get(name)
        loaded = stream or wbk.load_sheet(book, name, file)
        if wbk.sheet_is_empty(loaded):
            problems.append(KcError("sheet_empty", file=file, sheet=name))
            continue
        width = loaded.width
        rows = wbk.head_rows(loaded, max(hdr.SCAN_ROWS, header_row or 0) + 1 + SAMPLE_ROWS)
        try:
            row, headers = _locate_header(rows, header_row, width,
                                          functools.partial(wbk.merged_groups, loaded), file, name)
        except KcError as error:
            problems.append(error)
            continue
        if not wbk.has_rows_after(loaded, row):
            problems.append(KcError("no_data_rows", file=file, sheet=name, row=row))
            continue
        end = loaded.end
        estimate = (end[0] + 1 - row) if end else None
        tables.append(RawTable(path, file, name, row, headers, width, [], date1904,
                               sample=sample_frame(rows[row:], width),
                               # Only the first sheet stays loaded (the others reload when
                               # read), so a workbook of big sheets is not all in memory at once.
                               _chunker=_sheet_chunker(book, file, name, None if tables else loaded,
                                                       row, width, stream),
                               _rows=estimate))
    if tables:
        return tables
    # Nothing readable: say what is closest to usable (a header without rows, then no header).
    for code in ("no_data_rows", "no_header"):
        for problem in problems:
            if problem.code == code:
                raise problem
    if len(names) == 1:
        raise problems[0]
    raise KcError("no_sheets", file=file)


def _open_markup(path: Path, file: str, fmt: str, sheet: str | None,
                 header_row: int | None) -> list[RawTable]:
    """An HTML table or SpreadsheetML 2003 file: each table (worksheet) read like a sheet."""
    source = mk.open_markup(path, file, fmt, max(hdr.SCAN_ROWS, header_row or 0) + 1 + SAMPLE_ROWS)
    chosen = source.tables
    if sheet:
        chosen = [t for t in chosen if t.name == sheet]
        if not chosen:
            raise KcError("sheet_missing", file=file, sheet=sheet)
    tables: list[RawTable] = []
    problems: list[KcError] = []
    for table in chosen:
        if not any(any(v is not None for v in r) for r in table.head):
            problems.append(KcError("sheet_empty", file=file, sheet=table.name))
            continue
        try:
            row, headers = _locate_header(table.head, header_row, table.width,
                                          functools.partial(mk.merged_groups, table), file, table.name)
        except KcError as error:
            problems.append(error)
            continue
        if table.rows <= len(table.head) and not any(any(v is not None for v in r) for r in table.head[row:]):
            problems.append(KcError("no_data_rows", file=file, sheet=table.name, row=row))
            continue
        tables.append(RawTable(path, file, table.name, row, headers, table.width, [],
                               sample=sample_frame(table.head[row:], table.width),
                               _chunker=functools.partial(mk.iter_markup_chunks, source, table, row),
                               _rows=max(table.rows - row, 0)))
    if tables:
        return tables
    for code in ("no_data_rows", "no_header"):
        for problem in problems:
            if problem.code == code:
                raise problem
    if problems:
        raise problems[0]
    raise KcError("no_sheets", file=file)


def open_tables(path: Path, sheet: str | None = None, header_row: int | None = None,
                deep: bool = True) -> list[RawTable]:
    """Every sheet of `path` with a recognisable header (or just `sheet`); `header_row` (1-based)
    overrides the header search. Raises KcError when nothing in the file can be read. `deep=False`
    leaves out the scan of the sheets' cells (the reader process does, under its memory cap)."""
    path = Path(path)
    file = _check_path(path)
    try:
        kind = sniff(path, file, deep=deep)
        if kind.format == "text":
            if sheet:
                raise KcError("sheet_missing", file=file, sheet=sheet)
            return _open_text(path, file, header_row)
        if kind.format in ("html", "mht", "spreadsheetml"):
            return _open_markup(path, file, kind.format, sheet, header_row)
        return _open_workbook(path, file, kind.format, kind.date1904, sheet, header_row)
    except OSError as error:  # no permission, locked by another program, a share gone away
        raise KcError("file_unreadable", file=file, reason=error.strerror or type(error).__name__) from None


def list_sheets(path: Path) -> list[str]:
    """Names of the visible work sheets of a workbook; [] for a CSV/TXT file."""
    path = Path(path)
    file = _check_path(path)
    try:
        kind = sniff(path, file, deep=False)
        if kind.format == "text":  # sheet names only: cells never loaded
            return []
        if kind.format in ("html", "mht", "spreadsheetml"):
            return mk.table_names(path, file, kind.format)
    except OSError as error:
        raise KcError("file_unreadable", file=file, reason=error.strerror or type(error).__name__) from None
    book = wbk.open_workbook(path, file)
    return wbk.worksheet_names(book) or wbk.worksheet_names(book, include_hidden=True)


__all__ = ["RawTable", "open_tables", "list_sheets"]
