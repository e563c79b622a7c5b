"""A big xlsx sheet read without all its cells in memory at once.

python-calamine loads a whole sheet before giving its first row: 32 bytes a cell plus a copy of
every text, about 1 GB for a million rows of an export, and the import waits for all of it before
its first row. A sheet of more than STREAM_CELLS cells is read in parts instead: read/xlsx_blocks.py
gives calamine a few MB of its rows at a time, and this module's expat reader (xml.etree's C
parser, row by row, each row dropped once read) reads what calamine refuses in a part, and the
first rows, where the header is found. `StreamedSheet` answers what kcdesk/core/read/workbook.py
asks of a calamine sheet (start, end, width, iter_rows, merged_cell_ranges) and gives the same
values: text as str, numbers as float, booleans, dates as datetime.date / datetime.datetime (from
the cell's number format), '' for an empty cell, one list per sheet row from row 1 and from the
first used column.

The XML parts were checked before (kcdesk/core/read/inspect.py refuses a DTD or an entity in any
part), and expat expands no external entity.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, iterparse

import numpy as np
import pandas as pd

from kcdesk.core.errors import KcError

# A sheet is read in parts when it has more cells than this by its <dimension> (without one, by its
# XML's size over the bytes a cell takes in its first 64 kB), or XML bigger than STREAM_PART_BYTES:
# from some 50 000 rows on, the parent normalising the first rows while the child reads the next
# ones beats one whole-sheet load (a 200 000-row import took 5.3 s instead of 6.7 s).
STREAM_CELLS = 500_000
STREAM_PART_BYTES = 400_000_000
MIN_CELL_XML = 20
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW, _C, _V, _IS, _T, _R, _SI = (NS + n for n in ("row", "c", "v", "is", "t", "r", "si"))
_SHEET_DATA = NS + "sheetData"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
# Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ones).
_DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)])
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_MS_PER_DAY = 86_400_000
HEAD_ROWS = 1_100  # rows that set the used columns: the header search and the column sample
EXCEL_LAST_ROW = 1_048_575


def is_streamed(part_size: int, head: bytes) -> bool:
    """Whether a sheet part of this size, beginning with `head`, is read as a stream."""
    if part_size > STREAM_PART_BYTES:
        return True
    found = _DIMENSION.search(head)
    if not found:
        cells = head.count(b"<c ") + head.count(b"<c>") + head.count(b":c ")
        return part_size // max(len(head) // max(cells, 1), MIN_CELL_XML) > STREAM_CELLS
    col1, row1, col2, row2 = found.groups()
    col2, row2 = col2 or col1, row2 or row1
    area = (abs(int(row2) - int(row1)) + 1) * (abs(column_index(col2.decode()) - column_index(col1.decode())) + 1)
    return area > STREAM_CELLS


def column_index(letters: str) -> int:
    """0-based column of "A", "Z", "AA", …"""
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number - 1


def _is_date_format(code: str) -> bool:
    """Whether a custom number format shows a date or a time (not text in quotes, not a colour)."""
    bare = _QUOTED.sub("", code).lower()
    return any(ch in bare for ch in "dmyhs") and "general" not in bare


def _part_path(target: str) -> str:
    target = target.lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part (e.g. "Данные" → "xl/worksheets/sheet1.xml")."""
    with archive.open("xl/_rels/workbook.xml.rels") as rels_part:
        rels = {r.get("Id"): r.get("Target") or "" for _, r in iterparse(rels_part)
                if r.tag == PKG_REL_NS + "Relationship"}
    parts = {}
    with archive.open("xl/workbook.xml") as book:
        for _, element in iterparse(book):
            if element.tag == NS + "sheet":
                target = rels.get(element.get(REL_NS + "id"))
                if target:
                    parts[element.get("name") or ""] = _part_path(target)
    return parts


def _text_of(element: Element) -> str:
    """The text of a shared or inline string: its <t>, or its rich-text runs' <t> (phonetic
    guides <rPh> left out)."""
    found = element.find(_T)
    if found is not None:
        return found.text or ""
    return "".join(t.text or "" for run in element.iterfind(_R) for t in run.iterfind(_T))


def shared_strings(archive: zipfile.ZipFile) -> list[str]:
    try:
        info = archive.getinfo("xl/sharedStrings.xml")
    except KeyError:
        return []
    strings: list[str] = []
    with archive.open(info) as part:
        parser = iterparse(part, events=("start", "end"))
        root = None
        for event, element in parser:
            if event == "start":
                if root is None:
                    root = element
                continue
            if element.tag == _SI:
                strings.append(_text_of(element))
                if root is not None:
                    root.clear()
    return strings


def date_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    """Indexes of the cell formats (the s="" of a cell) that show a date or a time."""
    try:
        part = archive.open("xl/styles.xml")
    except KeyError:
        return frozenset()
    custom: dict[int, str] = {}
    styles: list[int] = []
    with part:
        in_xfs = False
        for event, element in iterparse(part, events=("start", "end")):
            if element.tag == NS + "cellXfs":
                in_xfs = event == "start"
            elif event == "end" and element.tag == NS + "numFmt":
                custom[int(element.get("numFmtId") or -1)] = element.get("formatCode") or ""
            elif event == "end" and in_xfs and element.tag == NS + "xf":
                styles.append(int(element.get("numFmtId") or 0))
    return frozenset(i for i, fmt in enumerate(styles)
                     if fmt in _DATE_FORMAT_IDS or (fmt in custom and _is_date_format(custom[fmt])))


class StreamedSheet:
    """One sheet of an xlsx, read row by row from its XML each time `iter_rows` is called."""

    def __init__(self, path: Path, file: str, part: str, name: str, strings: list[str],
                 dates: frozenset[int], date1904: bool) -> None:
        self.path = path
        self.file = file
        self.part = part
        self.name = name
        self.strings = strings
        self.dates = dates
        self.epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        self._merged: list[tuple[tuple[int, int], tuple[int, int]]] | None = None
        with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
            head = stream.read(1 << 16)
        found = _DIMENSION.search(head)
        last_row = int(found.group(4) or found.group(2)) - 1 if found else EXCEL_LAST_ROW
        # The used columns as calamine finds them (cells with a value; a writer's dimension also
        # counts empty styled cells), from the rows the header and the column sample come from.
        used = [col for row in self._rows(0, HEAD_ROWS) for col, v in enumerate(row) if v != ""]
        if used:
            self.start: tuple[int, int] | None = (0, min(used))
            self.end: tuple[int, int] | None = (last_row, max(used))
        else:
            self.start = self.end = None

    @property
    def width(self) -> int:
        return self.end[1] - self.start[1] + 1 if self.start and self.end else 0

    @property
    def height(self) -> int:
        return self.end[0] + 1 if self.end else 0

    def iter_rows(self) -> Iterator[list[Any]]:
        """Every sheet row from row 1 ('' for an empty cell), `width` values from the first used
        column; rows missing from the XML come as empty rows, like calamine's."""
        width = self.width
        offset = self.start[1] if self.start else 0
        blank = [""] * width
        expected = 1
        for number, row in self._numbered_rows(offset, width):
            while expected < number:
                yield list(blank)
                expected += 1
            if len(row) < width:
                row.extend(blank[len(row):])
            yield row
            expected = number + 1

    def chunks_after(self, elements: int, header_row: int, width: int,
                     size: int) -> Iterator[pd.DataFrame]:
        """Like read.workbook's iter_sheet_chunks, from the part's `elements`-th <row> on (the
        block reader gave those before it met a form it leaves to this reader)."""
        offset = self.start[1] if self.start else 0
        numbered = islice(self._numbered_rows(offset, width), elements, None)
        while batch := list(islice(numbered, size)):
            numbers = np.array([number for number, _ in batch], dtype=np.int64)
            values = np.full((len(batch), width), None, dtype=object)
            for position, (_, row) in enumerate(batch):
                values[position, :len(row)] = row
            values[values == ""] = None
            keep = (numbers > header_row) & (values != None).any(axis=1)  # noqa: E711 - elementwise
            if keep.any():
                yield pd.DataFrame(values[keep], index=pd.Index(numbers[keep], dtype="int64"),
                                   columns=pd.RangeIndex(width), dtype=object, copy=False)

    def _rows(self, offset: int, limit: int) -> Iterator[list[Any]]:
        for count, (_, row) in enumerate(self._numbered_rows(offset, None)):
            if count >= limit:
                return
            yield row

    def _numbered_rows(self, offset: int, width: int | None) -> Iterator[tuple[int, list[Any]]]:
        """(1-based row number, values from column `offset`) for each <row> of the sheet."""
        try:
            yield from self._parse_rows(offset, width)
        except ParseError:
            raise KcError("corrupt_workbook", file=self.file, sheet=self.name,
                          reason="ParseError") from None

    def _parse_rows(self, offset: int, width: int | None) -> Iterator[tuple[int, list[Any]]]:
        strings, dates, epoch = self.strings, self.dates, self.epoch
        columns: dict[str, int] = {}
        with zipfile.ZipFile(self.path) as archive, archive.open(self.part) as stream:
            parser = iterparse(stream, events=("start", "end"))
            holder: Element | None = None
            last_row = 0
            for event, element in parser:
                tag = element.tag
                if event == "start":
                    if tag == _SHEET_DATA:
                        holder = element
                    continue
                if tag != _ROW:
                    continue
                number_text = element.get("r")
                number = int(number_text) if number_text else last_row + 1
                last_row = number
                row: list[Any] = []
                position = 0
                for cell in element:
                    if cell.tag != _C:
                        continue
                    ref = cell.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        col = columns.get(letters)
                        if col is None:
                            col = columns[letters] = column_index(letters) - offset
                    else:
                        col = position
                    position = col + 1
                    if col < 0 or (width is not None and col >= width):
                        continue
                    value = self._value(cell, strings, dates, epoch)
                    if col >= len(row):
                        row.extend([""] * (col - len(row) + 1))
                    row[col] = value
                element.clear()
                if holder is not None:
                    holder.clear()  # the rows read so far go (the parser keeps no reference)
                yield number, row

    @staticmethod
    def _value(cell: Element, strings: list[str], dates: frozenset[int], epoch: dt.datetime) -> Any:
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(_IS)
            return _text_of(inline) if inline is not None else ""
        found = cell.find(_V)
        text = found.text if found is not None else None
        if text is None or text == "":
            return ""
        if kind == "s":
            try:
                return strings[int(text)]
            except (ValueError, IndexError):
                return ""
        if kind == "str":
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "e":
            return ""
        if kind == "d":
            try:
                return _as_date(dt.datetime.fromisoformat(text.strip().rstrip("Z")))
            except ValueError:
                return text
        try:
            number = float(text)
        except ValueError:
            return text
        style = cell.get("s")
        if style and int(style) in dates and 0 <= number < 2_958_466:
            return _as_date(epoch + dt.timedelta(milliseconds=round(number * _MS_PER_DAY)))
        return number

    @property
    def merged_cell_ranges(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """((row, col), (row, col)) 0-based of every merged range; <mergeCells> follows the cells,
        so this inflates the whole part (asked only when a header has a group row above it)."""
        if self._merged is None:
            merged = []
            carry = b""
            with zipfile.ZipFile(self.path) as archive, archive.open(self.part) as stream:
                while block := stream.read(1 << 22):
                    data = carry + block
                    cut = data.rfind(b"<")
                    cut = cut if cut > len(data) - 200 else len(data)
                    for c1, r1, c2, r2 in _MERGE.findall(data, 0, cut):
                        merged.append(((int(r1) - 1, column_index(c1.decode())),
                                       (int(r2) - 1, column_index(c2.decode()))))
                    carry = data[cut:]
            self._merged = merged
        return self._merged


def _as_date(value: dt.datetime) -> dt.date | dt.datetime:
    """A date at midnight is a date (as calamine gives it), otherwise a date and time."""
    return value.date() if value.time() == dt.time() else value


def _head(archive: zipfile.ZipFile, part: str) -> bytes:
    with archive.open(part) as stream:
        return stream.read(1 << 16)


def streamed_sheets(path: Path, file: str, date1904: bool) -> dict[str, StreamedSheet]:
    """The sheets of an xlsx too big to load whole, by name ({} when none is, or not an xlsx)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return {}
            parts = sheet_parts(archive)
            big = {name: part for name, part in parts.items()
                   if part in names and is_streamed(archive.getinfo(part).file_size,
                                                    _head(archive, part))}
            if not big:
                return {}
            strings = shared_strings(archive)
            dates = date_styles(archive)
    except (zipfile.BadZipFile, OSError, SyntaxError, ValueError) as error:
        raise KcError("corrupt_workbook", file=file, reason=type(error).__name__) from None
    return {name: StreamedSheet(path, file, part, name, strings, dates, date1904)
            for name, part in big.items()}
