"""A big xlsx sheet read by calamine in parts: a few tens of MB of its <row>s at a time, each
put in a small workbook of its own in memory, so calamine's speed is kept without its holding the
whole sheet (about 1 GB for a million rows).

Each part is the sheet's own XML, cut at a </row>, behind the sheet's own opening tag, with the
workbook's styles (calamine finds dates by their formats, as for any workbook) and its date
system. Shared strings are not copied into every part: a shared-string cell becomes a formula
text "\uffff<index>" for calamine, and its text is looked up here. What calamine refuses in a part
raises NotSimple before that part's rows are given; the caller goes on from there with the expat
reader (xlsx_stream), which reads every form. Both give calamine's values
(tests/core/read/test_xlsx_blocks.py compares them).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from kcdesk.core.errors import KcError
from kcdesk.core.read.workbook import object_rows

if TYPE_CHECKING:
    from kcdesk.core.read.xlsx_stream import StreamedSheet

PART_BYTES = 8 << 20  # inflated sheet XML per part (measured: faster than bigger parts; calamine holds ~15 MB)
FIRST_PART_BYTES = 2 << 20  # the first part is small, so the parent has rows to work on at once
_ROOT = re.compile(rb"<(?:\w+:)?worksheet\b[^>]*>")
_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData\b[^>]*?(/?)>")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_ROW_START = re.compile(rb"<(?:\w+:)?row\b")
_SHARED_CELL = re.compile(rb't="s"([^>]*)>(\s*)<((?:\w+:)?)v>')
# U+FFFF is no XML character (XML 1.0, production 2): no cell of a well-formed sheet holds one, so
# a value that starts with it is a shared-string cell marked here.
MARK = "\uffff"
_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
          '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.worksheet+xml"/></Types>')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                 + _REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
              + _REL + '/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="'
              + _REL + '/styles" Target="styles.xml"/></Relationships>')


def _after_last_row(block: bytes, prefix: bytes) -> int:
    """Where the block's last </row> ends; -1 when it has none."""
    if not prefix:
        found = block.rfind(b"</row>")
        return found + len(b"</row>") if found >= 0 else -1
    ends = [m.end() for m in _ROW_END.finditer(block)]
    return ends[-1] if ends else -1


def _book(date1904: bool) -> str:
    system = '<workbookPr date1904="1"/>' if date1904 else ""
    return ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
            f'org/spreadsheetml/2006/main" xmlns:r="{_REL}">{system}<sheets><sheet name="part" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>')


class NotSimple(Exception):
    """A part calamine cannot read here; `elements` <row>s of the sheet were given before it."""

    def __init__(self, elements: int = 0) -> None:
        super().__init__(elements)
        self.elements = elements


class BlockReader:
    """Reads one StreamedSheet's part in blocks; `chunks` gives what read.workbook's
    iter_sheet_chunks gives for a calamine sheet."""

    def __init__(self, sheet: StreamedSheet) -> None:
        self.sheet = sheet
        self.shared = np.array([*sheet.strings, ""], dtype=object)
        with zipfile.ZipFile(sheet.path) as archive:
            try:
                self.styles = archive.read("xl/styles.xml")
            except KeyError:
                self.styles = b""
        self.book = _book(sheet.epoch.year == 1904)

    def chunks(self, header_row: int, width: int, size: int) -> Iterator[pd.DataFrame]:
        """Rows after `header_row` as object DataFrames (columns 0..width-1, None when empty),
        indexed by 1-based sheet row, blank rows left out, about `size` rows each. NotSimple
        says how many <row>s of the part the frames given so far came from."""
        offset = self.sheet.start[1] if self.sheet.start else 0
        pending: list[tuple[np.ndarray, np.ndarray]] = []
        held = read = 0
        try:
            for rows, values, length in self._blocks(header_row, offset, width):
                pending.append((rows, values))
                held += len(rows)
                first = not read  # the first part's rows go at once, however few
                read += length
                while held >= size or (first and held):
                    rows, values = _joined(pending)
                    yield _frame(rows[:size], values[:size], width)
                    pending = [(rows[size:], values[size:])]
                    held = max(held - size, 0)
        except NotSimple:
            # The parts read so far are given whole; the expat reader goes on after them.
            if held:
                yield _frame(*_joined(pending), width)
            raise NotSimple(self._count_rows(read)) from None
        if held:
            yield _frame(*_joined(pending), width)

    def _blocks(self, header_row: int, offset: int,
                width: int) -> Iterator[tuple[np.ndarray, np.ndarray, int]]:
        sheet = self.sheet
        try:
            with zipfile.ZipFile(sheet.path) as archive, archive.open(sheet.part) as stream:
                head = stream.read(1 << 16)
                root = _ROOT.search(head)
                data_at = _SHEET_DATA.search(head)
                if root is None or data_at is None:
                    raise NotSimple()
                if data_at.group(2):  # <sheetData/>: no rows
                    return
                prefix = data_at.group(1)
                closing = b"</" + prefix + b"sheetData></" + root.group(0)[1:].split(maxsplit=1)[0]
                closing = closing.rstrip(b">") + b">"
                opening = root.group(0) + data_at.group(0)
                # A part is the rows cut at the last </row> of a block read, with what the block
                # before left after its own last </row>; the block is written out as it is, not
                # copied (a million rows are a gigabyte of XML).
                carry = head[data_at.end():]
                part_bytes = FIRST_PART_BYTES
                while True:
                    block = stream.read(part_bytes)
                    part_bytes = PART_BYTES
                    if not block:  # the rest: the last rows, up to </sheetData>
                        end = re.search(rb"</(?:\w+:)?sheetData>", carry)
                        last = carry[:end.start()] if end else carry
                        if _ROW_START.search(last):
                            yield (*self._parse(opening, b"", last, len(last), closing, header_row,
                                                offset, width), len(last))
                        return
                    cut = _after_last_row(block, prefix)
                    if cut < 0:
                        carry += block  # a row longer than a part: read on
                        if len(carry) > 4 * PART_BYTES:  # no </row> in 32 MB: not rows as we know them
                            raise NotSimple()
                        continue
                    if _ROW_START.search(carry) or _ROW_START.search(block, 0, cut):
                        yield (*self._parse(opening, carry, block, cut, closing, header_row, offset,
                                            width), len(carry) + cut)
                    carry = block[cut:]
        except (zipfile.BadZipFile, OSError, EOFError):
            raise KcError("corrupt_workbook", file=sheet.file, sheet=sheet.name,
                          reason="BadZipFile") from None

    def _count_rows(self, length: int) -> int:
        """The <row>s in the first `length` bytes after <sheetData> (the parts given so far):
        counted only when the expat reader has to go on after them."""
        with zipfile.ZipFile(self.sheet.path) as archive, archive.open(self.sheet.part) as stream:
            head = stream.read(1 << 16)
            data_at = _SHEET_DATA.search(head)
            if data_at is None:
                return 0
            carry, count = head[data_at.end():], 0
            while length > 0:
                data = carry + stream.read(PART_BYTES)
                if not data:
                    break
                piece, carry = data[:length], b""
                length -= len(piece)
                count += len(_ROW_START.findall(piece))
            return count

    def _parse(self, opening: bytes, carry: bytes, block: bytes, cut: int, closing: bytes,
               header_row: int, offset: int, width: int) -> tuple[np.ndarray, np.ndarray]:
        """(sheet row numbers, values rows × width) of one part: `carry` and block[:cut]."""
        shared = len(self.shared) > 1 and (b't="s"' in carry or block.find(b't="s"', 0, cut) >= 0)
        pieces: list[bytes | memoryview] = [opening, carry, memoryview(block)[:cut], closing]
        if shared:
            pieces[1:3] = [_SHARED_CELL.sub(rb't="str"\1>\2<\3v>&#xFFFF;', carry + block[:cut])]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as part:
            part.writestr("[Content_Types].xml", _TYPES)
            part.writestr("_rels/.rels", _PACKAGE_RELS)
            part.writestr("xl/workbook.xml", self.book)
            part.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
            if self.styles:
                part.writestr("xl/styles.xml", self.styles)
            with part.open("xl/worksheets/sheet1.xml", "w") as sheet_xml:
                for piece in pieces:
                    sheet_xml.write(piece)
        del pieces
        buffer.seek(0)
        try:
            sheet = CalamineWorkbook.from_filelike(buffer).get_sheet_by_index(0)
            start = sheet.start
            rows = sheet.to_python(skip_empty_area=True) if start is not None else []
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except BaseException:  # noqa: BLE001 - includes pyo3's PanicException: expat reads it
            raise NotSimple() from None
        del buffer
        if not rows or start is None:
            return np.zeros(0, dtype=np.int64), np.empty((0, width), dtype=object)
        numbers = np.arange(start[0] + 1, start[0] + 1 + len(rows), dtype=np.int64)
        got = object_rows(rows, max(sheet.width, 1))
        del rows
        # The part's first used column need not be the sheet's: place its columns.
        grid = np.full((len(numbers), width), None, dtype=object)
        first = start[1] - offset
        lo, hi = max(first, 0), min(first + got.shape[1], width)
        if hi > lo:
            grid[:, lo:hi] = got[:, lo - first:hi - first]
        grid[grid == ""] = None
        if shared:
            self._look_up(grid)
        keep = (numbers > header_row) & (grid != None).any(axis=1)  # noqa: E711 - elementwise
        return numbers[keep], grid[keep]

    def _look_up(self, grid: np.ndarray) -> None:
        """The shared-string cells' texts in place of their "\uffff<index>"."""
        last = len(self.shared) - 1
        for column in range(grid.shape[1]):
            values = pd.Series(grid[:, column], dtype=object)
            try:
                marked = values.str.startswith(MARK, na=False).to_numpy(dtype=bool)
            except AttributeError:  # no text in this column (dates, numbers): no shared string
                continue
            if marked.any():
                index = pd.to_numeric(values[marked].str.slice(1), errors="coerce").to_numpy(dtype=np.float64)
                ok = ~np.isnan(index) & (index >= 0) & (index < last) & (index == np.floor(index))
                texts = self.shared[np.where(ok, index, last).astype(np.int64)]
                texts[texts == ""] = None
                grid[marked, column] = texts


def _joined(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    if len(parts) == 1:
        return parts[0]
    return np.concatenate([r for r, _ in parts]), np.concatenate([v for _, v in parts])


def _frame(rows: np.ndarray, values: np.ndarray, width: int) -> pd.DataFrame:
    return pd.DataFrame(values, index=pd.Index(rows, dtype="int64"), columns=pd.RangeIndex(width),
                        dtype=object, copy=False)


def sheet_chunks(sheet: StreamedSheet, header_row: int, width: int, size: int) -> Iterator[pd.DataFrame]:
    """The sheet's chunks through calamine in parts where it can, through the expat reader from
    where it cannot."""
    try:
        yield from BlockReader(sheet).chunks(header_row, width, size)
    except NotSimple as stop:
        yield from sheet.chunks_after(stop.elements, header_row, width, size)
