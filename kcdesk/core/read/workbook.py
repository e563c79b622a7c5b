"""xlsx/xls/ods sheets through python-calamine: reader errors mapped to codes, rows streamed in chunks."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd
from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
    WorksheetNotFound,
)

from kcdesk.core.errors import KcError

try:  # a long-standing pandas helper; the numpy fallback only costs speed
    from pandas._libs.lib import to_object_array
except ImportError:  # pragma: no cover
    to_object_array = None


class Sheet(Protocol):
    """What the functions below ask of a sheet: a calamine sheet, or a streamed xlsx sheet."""

    @property
    def start(self) -> tuple[int, int] | None: ...
    @property
    def end(self) -> tuple[int, int] | None: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def merged_cell_ranges(self) -> list[tuple[tuple[int, int], tuple[int, int]]] | None: ...
    def iter_rows(self) -> Iterator[list[Any]]: ...


def _reader_error(exc: BaseException, file: str, sheet: str | None = None) -> KcError:
    """A calamine failure as a code; Rust panics surface as a BaseException named PanicException."""
    if isinstance(exc, PasswordError):
        return KcError("encrypted_workbook", file=file)
    reason = type(exc).__name__
    if isinstance(exc, CalamineError):
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            return KcError("encrypted_workbook", file=file)
        return KcError("corrupt_workbook", file=file, sheet=sheet, reason=reason)
    return KcError("reader_crashed", file=file, sheet=sheet, reason=reason)


def open_workbook(path: Path, file: str) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - includes pyo3's PanicException
        raise _reader_error(exc, file) from None


def worksheet_names(book: CalamineWorkbook, include_hidden: bool = False) -> list[str]:
    """Work sheets in workbook order; chart sheets and (unless asked) hidden helper sheets left out."""
    names = []
    for meta in book.sheets_metadata:
        if meta.typ not in (SheetTypeEnum.WorkSheet,):
            continue
        if not include_hidden and meta.visible != SheetVisibleEnum.Visible:
            continue
        names.append(meta.name)
    return names


def load_sheet(book: CalamineWorkbook, name: str, file: str) -> CalamineSheet:
    try:
        return book.get_sheet_by_name(name)
    except WorksheetNotFound:
        raise KcError("sheet_missing", file=file, sheet=name) from None
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - includes pyo3's PanicException
        raise _reader_error(exc, file, name) from None


def sheet_is_empty(sheet: Sheet) -> bool:
    return sheet.start is None or sheet.height == 0


def head_rows(sheet: Sheet, n: int) -> list[list[Any]]:
    """The first `n` sheet rows (row i of the list is sheet row i+1), '' cells as None."""
    # iter_rows() starts at sheet row 1 and at the first used column (verified by the tests).
    return [[None if v == "" else v for v in row] for row in islice(sheet.iter_rows(), n)]


def merged_groups(sheet: Sheet, row: int) -> dict[int, int]:
    """Column → first column of the merged range covering it on 1-based `row` (columns relative to
    the first used column, like the rows iter_rows gives)."""
    ranges = sheet.merged_cell_ranges or []
    offset = sheet.start[1] if sheet.start else 0
    groups: dict[int, int] = {}
    for (r1, c1), (r2, c2) in ranges:
        if r1 <= row - 1 <= r2:
            for col in range(c1, c2 + 1):
                groups[col - offset] = c1 - offset
    return groups


def has_rows_after(sheet: Sheet, header_row: int) -> bool:
    """Whether any non-blank row follows the header (stops at the first one)."""
    end = sheet.end
    if end is None or end[0] + 1 <= header_row:
        return False
    for row in islice(sheet.iter_rows(), header_row, None):
        if any(v != "" for v in row):
            return True
    return False


def object_rows(batch: list[list[Any]], width: int) -> np.ndarray:
    """A 2-D object array of the rows; pandas' C helper is ~3x faster than numpy's own filling."""
    if to_object_array is not None:
        values = to_object_array(batch, width)
        return values[:, :width] if values.shape[1] > width else values
    values = np.empty((len(batch), width), dtype=object)
    values[:, :] = [row[:width] for row in batch]
    return values


def iter_sheet_chunks(sheet: Sheet, header_row: int, width: int, size: int) -> Iterator[pd.DataFrame]:
    """Rows after `header_row` as object DataFrames, index = 1-based sheet row, blank rows dropped."""
    rows = islice(sheet.iter_rows(), header_row, None)
    first = header_row + 1
    columns = pd.RangeIndex(width)
    while True:
        batch = list(islice(rows, size))
        if not batch:
            return
        values = object_rows(batch, width)
        blank = values == ""
        values[blank] = None
        keep = ~blank.all(axis=1)
        index = pd.RangeIndex(first, first + len(batch))
        first += len(batch)
        if keep.all():
            yield pd.DataFrame(values, index=index, columns=columns, dtype=object, copy=False)
        elif keep.any():
            yield pd.DataFrame(values[keep], index=index[keep], columns=columns, dtype=object,
                               copy=False)
