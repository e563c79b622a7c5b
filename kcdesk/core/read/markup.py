"""Exports that are markup saved as ".xls": an HTML table (web systems, 1C) or SpreadsheetML 2003 XML.

Both are streamed: opening walks the file once, keeping only the first rows of each table (for the
header search and the column sample) and counting cells against the same budget as a workbook;
reading walks it again and yields chunks. Nothing is resolved from outside the file: a DTD or an
entity declaration in XML is refused (as defusedxml does), HTML has no entities beyond the
standard character references, and no URL is ever opened.
"""

from __future__ import annotations

import codecs
import html
import re
import xml.parsers.expat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.read.inspect import EXCEL_COLUMNS, EXCEL_ROWS, MAX_CELLS

BLOCK = 1 << 18  # decoded text per step: the rows of one block are held at once
MAX_COLSPAN, MAX_ROWSPAN = 1000, 65534  # the HTML standard's own limits
_SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-]+)["']""", re.IGNORECASE)
_HTML_START = (b"<html", b"<!doctype html", b"<table", b"<meta", b"<head", b"<body", b"<style",
               b"<title", b"<!--", b"<div", b"<h1", b"<h2", b"<h3", b"<p>", b"<p ", b"<font", b"<b>")


# --- what the file is, and its encoding ------------------------------------------------------
def _utf16(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = head[:512]
    if len(sample) >= 4:
        odd = sample[1::2].count(0) / (len(sample) // 2)
        even = sample[0::2].count(0) / (len(sample) // 2)
        if odd > 0.3 and even < 0.05:
            return "utf-16-le"
        if even > 0.3 and odd < 0.05:
            return "utf-16-be"
    return None


def _ascii_head(head: bytes) -> bytes:
    """The head as 8-bit text (a UTF-16 head decoded), BOM and leading space dropped, lower case."""
    encoding = _utf16(head)
    if encoding:
        head = head.decode(encoding, "ignore").encode("utf-8", "ignore")
    return head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n\x00").lower()


def markup_kind(head: bytes) -> str | None:
    """ "html", "mht" or "spreadsheetml" from a file's first bytes; "xml" for other XML; None otherwise."""
    text = _ascii_head(head)
    if text.startswith(b"mime-version:") or (text[:40].find(b":") > 0
                                              and b"content-type: multipart/related" in text[:4096]):
        return "mht"  # a web archive (Excel's "Single File Web Page", some web systems)
    if text.startswith(b"<?xml") or text.startswith(b"<workbook") or text.startswith(b"<ss:workbook"):
        if _SPREADSHEET_NS.encode() in text or b"progid=\"excel.sheet\"" in text:
            return "spreadsheetml"
        if b"<html" in text or b"xhtml" in text:
            return "html"
        return "xml"
    if text.startswith(_HTML_START):
        return "html"
    return None


def _codec(name: bytes | str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.decode("ascii", "ignore") if isinstance(name, bytes) else name).name
    except LookupError:
        return None


def _valid_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 23):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def markup_encoding(path: Path, head: bytes, kind: str) -> str:
    """BOM, then UTF-16 by its NUL bytes, then valid UTF-8, then the declared charset, then cp1251."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    utf16 = _utf16(head)
    if utf16:
        return utf16
    found = (_META_CHARSET if kind == "html" else _XML_ENCODING).search(head[:8192])
    declared = _codec(found.group(1) if found else None)
    if _valid_utf8(path):
        return "utf-8"  # a page that says windows-1251 but is UTF-8 (a re-saved export) reads right
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        return declared
    return "cp1251"


def _decoded_blocks(path: Path, encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            yield decoder.decode(block)
    yield decoder.decode(b"", final=True)


# --- rows out of tables ----------------------------------------------------------------------
@dataclass
class Row:
    table: int                 # 0-based table (HTML) or worksheet (SpreadsheetML)
    number: int                # 1-based row within the table
    values: list[Any]          # None where empty
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (first col, last col, rows down)
    above: dict[int, Any] = field(default_factory=dict)  # column → value of a rowspan cell above it


class _Budget:
    def __init__(self, file: str) -> None:
        self.file, self.cells = file, 0

    def add(self, cells: int, row: int, width: int, sheet: str) -> None:
        self.cells += cells
        if width > EXCEL_COLUMNS or row > EXCEL_ROWS:
            raise KcError("unsafe_workbook", file=self.file, reason=f"cells beyond Excel limits in {sheet}")
        if self.cells > MAX_CELLS:
            raise KcError("workbook_too_large", file=self.file, sheet=sheet,
                          reason=f"more than {MAX_CELLS // 1_000_000} million cells")


# Tags, comments and the text between them; machine-written export pages are scanned at C speed
# (html.parser took 17 s for 100 000 rows); text is unescaped like HTML (character references only).
_TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!\[(?:end)?if[^>]*>|<([!?/]?)([A-Za-z][A-Za-z0-9:_-]*)([^>]*)>", re.S)
_TABLE_EDGE = re.compile(r"</?table\b", re.IGNORECASE)
_ROW_START = re.compile(r"<tr\b", re.IGNORECASE)
_ATTR_SPAN = re.compile(r"""\b(colspan|rowspan)\s*=\s*["']?\s*(\d+)""", re.IGNORECASE)
_SKIPPED = ("script", "style", "xml", "head")


class _HtmlRows:
    """<table>/<tr>/<td|th> → rows; colspan/rowspan laid out like merged cells (the value in the
    first cell only). A table inside a cell (pages laid out with tables) is a table of its own."""

    _STATE = ("table", "number", "row", "merges", "cell", "span", "below", "new_below", "values",
              "new_values", "above")

    def __init__(self, file: str, limit: int = 0) -> None:
        self.file = file
        self.limit = limit  # rows parsed per table (0: all); the others only counted
        self.counts: dict[int, int] = {}  # table → its rows, parsed or counted
        self.carry = ""
        self.budget = _Budget(file)
        self.out: list[Row] = []
        self.tables = 0
        self.depth = 0          # nesting of <table>
        self.table = -1
        self.number = 0
        self.row: list[Any] | None = None
        self.merges: list[tuple[int, int, int]] = []
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.below: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        self.new_below: dict[int, int] = {}  # the spans the current row starts
        self.values: dict[int, Any] = {}  # column → the value of the rowspan covering it
        self.new_values: dict[int, Any] = {}
        self.above: dict[int, Any] = {}  # the current row's columns covered from above, and the value
        self.skip = 0           # inside <script>/<style>
        self.outer: list[tuple[Any, ...]] = []  # the states of the tables this one sits in

    # cells -----------------------------------------------------------------------------
    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        text = "".join(self.cell)
        if "\n" in text:
            text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
        else:
            text = " ".join(text.split())
        col = self._free()
        colspan, rowspan = self.span
        self.row.append(text or None)
        self.row.extend([None] * (colspan - 1))
        if colspan > 1 or rowspan > 1:
            self.merges.append((col, col + colspan - 1, rowspan - 1))
        if rowspan > 1:
            for c in range(col, col + colspan):
                self.new_below[c] = rowspan - 1
            self.new_values[col] = text or None
        self.cell = None

    def _free(self) -> int:
        """The next column of the row not covered by a rowspan from a row above (None there)."""
        assert self.row is not None
        col = len(self.row)
        while self.below.get(col, 0) > 0:
            self.row.append(None)
            if self.values.get(col) is not None:
                self.above[col] = self.values[col]
            col += 1
        return col

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is None:
            return
        self._free()
        self.number += 1
        width = len(self.row)
        self.budget.add(width, self.number, width, f"table {self.table + 1}")
        self.out.append(Row(self.table, self.number, self.row, self.merges, self.above))
        self.below = {c: n - 1 for c, n in self.below.items() if n > 1}
        self.values = {c: v for c, v in self.values.items() if c in self.below}
        self.below.update(self.new_below)
        self.values.update(self.new_values)
        self.row, self.merges, self.new_below, self.new_values, self.above = None, [], {}, {}, {}

    # tokens ----------------------------------------------------------------------------
    def feed(self, text: str, final: bool = False) -> None:
        text = self.carry + text
        end = len(text)
        if not final:  # keep an unfinished tag or comment for the next block
            cut = text.rfind("<")
            comment = text.rfind("<!--")
            if comment > text.rfind("-->"):
                cut = comment
            if cut >= 0 and (cut == comment or text.find(">", cut) < 0):
                end = cut
        self.carry = text[end:]
        position = 0
        while position < end:
            if self.limit and self.depth and self.number >= self.limit and self.cell is None:
                # Opening needs only a table's first rows: the rest of it is counted, not parsed.
                edge = _TABLE_EDGE.search(text, position, end)
                stop = edge.start() if edge else end
                self.number += len(_ROW_START.findall(text, position, stop))
                self.row = None
                position = stop
                if edge is None:
                    break
            match = _TOKEN.search(text, position, end)
            if match is None:
                break
            if match.start() > position:
                self.handle_data(text[position:match.start()])
            position = match.end()
            name = match.group(2)
            if not name or match.group(1) in ("!", "?"):
                continue  # a comment, CDATA, a declaration or a processing instruction
            tag = name.lower()
            if match.group(1) == "/":
                self.handle_endtag(tag)
            else:
                self.handle_starttag(tag, match.group(3))
                if match.group(3).rstrip().endswith("/") and tag in _SKIPPED:
                    self.handle_endtag(tag)
        if position < end:
            self.handle_data(text[position:end])

    def close(self) -> None:
        self.feed("", final=True)
        self._end_row()
        if self.table >= 0:  # a table never closed
            self.counts[self.table] = max(self.counts.get(self.table, 0), self.number)

    def handle_starttag(self, tag: str, attrs: str) -> None:
        if tag in _SKIPPED:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "table":
            self.depth += 1
            if self.depth > 1:
                self.outer.append(tuple(getattr(self, name) for name in self._STATE))
            else:
                self._end_row()
            self.table = self.tables
            self.tables += 1
            self.number, self.below, self.new_below, self.values, self.new_values = 0, {}, {}, {}, {}
            self.above = {}
            self.row, self.merges, self.cell, self.span = None, [], None, (1, 1)
            return
        if self.depth == 0:
            return
        if tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row = []
            if "span" in attrs.lower():
                spans = {k.lower(): v for k, v in _ATTR_SPAN.findall(attrs)}
                self.span = (_span(spans.get("colspan"), MAX_COLSPAN),
                             _span(spans.get("rowspan"), MAX_ROWSPAN))
            else:
                self.span = (1, 1)
            self.cell = []
        elif tag in ("br", "p", "div", "li") and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(self.skip - 1, 0)
        elif self.skip:
            return
        elif tag == "table":
            if self.depth:
                self._end_row()
                self.counts[self.table] = max(self.counts.get(self.table, 0), self.number)
                if self.outer:
                    for name, value in zip(self._STATE, self.outer.pop(), strict=True):
                        setattr(self, name, value)
            self.depth = max(self.depth - 1, 0)
        elif self.depth and tag == "tr":
            self._end_row()
        elif self.depth and tag in ("td", "th"):
            self._end_cell()

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.skip:
            if "&" in data:
                data = html.unescape(data)
            self.cell.append(data.replace("\r", " ").replace("\t", " ").replace("\n", " ")
                             .replace("\u00a0", " "))

    def take(self) -> list[Row]:
        out, self.out = self.out, []
        return out


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    try:
        return min(max(int(str(value).strip().rstrip(";")), 1), limit)
    except (TypeError, ValueError):
        return 1


def _html_rows(path: Path, file: str, encoding: str, limit: int = 0,
               counts: dict[int, int] | None = None) -> Iterator[Row]:
    texts = _mht_pages(path, file) if encoding == "mime" else _decoded_blocks(path, encoding)
    parser = _HtmlRows(file, limit)
    if counts is not None:
        parser.counts = counts
    for text in texts:
        parser.feed(text)
        yield from parser.take()
    parser.close()
    yield from parser.take()


class _SpreadsheetRows:
    """SpreadsheetML 2003 (<Workbook><Worksheet ss:Name><Table><Row><Cell><Data ss:Type>) → rows."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.budget = _Budget(file)
        self.out: list[Row] = []
        self.names: list[str] = []
        self.sheet = -1
        self.number = 0
        self.row: list[Any] | None = None
        self.merges: list[tuple[int, int, int]] = []
        self.col = 0
        self.data: list[str] | None = None
        self.kind = "String"
        self.span = self.down = self.comment = 0
        self.pending: dict[int, tuple[int, int, Any]] = {}  # column → (row, last row, value) merged down
        self.in_table = False
        parser = xml.parsers.expat.ParserCreate(encoding="utf-8", namespace_separator="|")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.StartDoctypeDeclHandler = self._forbidden
        parser.EntityDeclHandler = self._forbidden
        parser.UnparsedEntityDeclHandler = self._forbidden
        parser.ExternalEntityRefHandler = self._forbidden
        parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser = parser

    def _forbidden(self, *args: Any) -> Any:
        raise KcError("unsafe_workbook", file=self.file, reason="DTD or entity in the XML")

    @staticmethod
    def _local(name: str) -> str:
        return name.rsplit("|", 1)[-1]

    @staticmethod
    def _attr(attrs: dict[str, str], name: str) -> str | None:
        for key, value in attrs.items():
            if key.rsplit("|", 1)[-1] == name:
                return value
        return None

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self._local(name)
        if tag == "Worksheet":
            self.sheet += 1
            self.names.append(self._attr(attrs, "Name") or f"Sheet{self.sheet + 1}")
            self.number, self.pending = 0, {}
        elif tag == "Table" and self.sheet >= 0:
            self.in_table = True
        elif tag == "Row" and self.in_table:
            index = _int(self._attr(attrs, "Index"))
            self.number = index if index and index > self.number else self.number + 1
            self.row, self.merges, self.col = [], [], 0
        elif tag == "Cell" and self.row is not None:
            index = _int(self._attr(attrs, "Index"))
            self.col = index - 1 if index and index - 1 > self.col else self.col
            if self.col >= EXCEL_COLUMNS:
                raise KcError("unsafe_workbook", file=self.file, reason="cells beyond Excel limits")
            across = min(max(_int(self._attr(attrs, "MergeAcross")) or 0, 0), EXCEL_COLUMNS)
            down = min(max(_int(self._attr(attrs, "MergeDown")) or 0, 0), EXCEL_ROWS)
            if across or down:
                self.merges.append((self.col, self.col + across, down))
            self.span, self.down = across, down
        elif tag == "Comment":
            self.comment += 1  # a cell's note has its own <Data>: not a value
        elif tag == "Data" and self.row is not None and not self.comment:
            self.data, self.kind = [], self._attr(attrs, "Type") or "String"

    def _end(self, name: str) -> None:
        tag = self._local(name)
        if tag == "Comment":
            self.comment = max(self.comment - 1, 0)
        elif tag == "Data" and self.data is not None and self.row is not None:
            while len(self.row) < self.col:
                self.row.append(None)
            value = _typed("".join(self.data), self.kind)
            self.row.append(value)
            if self.down and value is not None:  # merged down: holds for the rows below too
                self.pending[self.col] = (self.number, self.number + self.down, value)
            self.data = None
        elif tag == "Cell" and self.row is not None:
            self.col = max(self.col + 1, len(self.row)) + self.span
            self.span = self.down = 0
        elif tag == "Row" and self.row is not None:
            self.budget.add(len(self.row), self.number, len(self.row), self.names[-1])
            above = {c: v for c, (first, last, v) in self.pending.items() if first < self.number <= last}
            self.pending = {c: p for c, p in self.pending.items() if p[1] > self.number}
            self.out.append(Row(self.sheet, self.number, self.row, self.merges, above))
            self.row = None
        elif tag == "Table":
            self.in_table = False

    def _text(self, data: str) -> None:
        if self.data is not None:
            self.data.append(data)

    def feed(self, text: str, final: bool = False) -> list[Row]:
        try:
            self.parser.Parse(text, final)
        except xml.parsers.expat.ExpatError as error:
            raise KcError("corrupt_workbook", file=self.file,
                          reason=f"XML error at line {error.lineno}") from None
        out, self.out = self.out, []
        return out


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _typed(text: str, kind: str) -> Any:
    value = text.strip()
    if not value:
        return None
    if kind == "Number":
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(value.rstrip("Z")[:26])
        except ValueError:
            return value
    if kind == "Boolean":
        return value in ("1", "true", "TRUE")
    return text.strip("\r\n")


def _xml_rows(path: Path, file: str, encoding: str) -> tuple[Iterator[Row], Callable[[], list[str]]]:
    reader = _SpreadsheetRows(file)

    def rows() -> Iterator[Row]:
        first = True
        for text in _decoded_blocks(path, encoding):
            if first:
                text = re.sub(r"^\ufeff", "", text)
                # The declaration names the bytes' encoding; expat is handed text, so it goes.
                text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
                first = False
            yield from reader.feed(text)
        yield from reader.feed("", final=True)

    return rows(), lambda: reader.names


# --- the tables of a file ----------------------------------------------------------------------
@dataclass
class MarkupTable:
    """One table (HTML) or worksheet (SpreadsheetML): its name, first rows and size."""

    index: int
    name: str
    head: list[list[Any]] = field(default_factory=list)          # rows 1..n (None-padded)
    merges: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)  # row → merges
    rows: int = 0
    width: int = 0


@dataclass
class MarkupFile:
    path: Path
    file: str
    kind: str
    encoding: str
    tables: list[MarkupTable]


MAX_MHT_BYTES = 300_000_000  # a web archive is decoded in memory (its parts are base64 or quoted-printable)


def _mht_pages(path: Path, file: str) -> Iterator[str]:
    """The HTML pages of a web archive ("Single File Web Page", .mht saved as .xls), decoded."""
    import email
    import email.policy

    if path.stat().st_size > MAX_MHT_BYTES:
        raise KcError("workbook_too_large", file=file, sheet="", reason="web archive over 300 MB")
    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        encoding = _codec(part.get_content_charset())
        if encoding is None:
            try:
                payload.decode("utf-8")
                encoding = "utf-8"
            except UnicodeDecodeError:
                encoding = "cp1251"
        yield payload.decode(encoding, "replace")


def _rows(path: Path, file: str, kind: str, encoding: str, limit: int = 0,
          counts: dict[int, int] | None = None) -> tuple[Iterator[Row], Callable[[], list[str]]]:
    if kind == "mht":
        return _html_rows(path, file, "mime", limit, counts), lambda: []
    if kind == "html":
        return _html_rows(path, file, encoding, limit, counts), lambda: []
    return _xml_rows(path, file, encoding)


# The table names of the files opened last: the preview asks for them right after opening, and a
# second walk of a big page only to name its tables would double the wait.
_NAMES: dict[tuple[str, int, int], list[str]] = {}


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def table_names(path: Path, file: str, kind: str) -> list[str]:
    """The names of the tables (worksheets), from the last opening when the file is unchanged."""
    names = _NAMES.get(_stamp(path))
    return list(names) if names is not None else [t.name for t in open_markup(path, file, kind, 1).tables]


def open_markup(path: Path, file: str, kind: str, head_rows: int) -> MarkupFile:
    """Walk the file once: every table's first `head_rows` rows, its merges and its size."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    encoding = "mime" if kind == "mht" else markup_encoding(path, head, kind)
    counts: dict[int, int] = {}  # rows of each HTML table, also those only counted
    rows, names = _rows(path, file, kind, encoding, limit=head_rows, counts=counts)
    tables: dict[int, MarkupTable] = {}
    for row in rows:
        table = tables.get(row.table)
        if table is None:
            table = tables[row.table] = MarkupTable(row.table, "")
        table.rows = max(table.rows, row.number)
        table.width = max(table.width, len(row.values))
        if row.number <= head_rows:
            while len(table.head) < row.number - 1:
                table.head.append([])
            table.head.append(row.values)
            if row.merges:
                table.merges[row.number] = row.merges
    sheet_names = names()
    for index, count in counts.items():
        if index in tables:
            tables[index].rows = max(tables[index].rows, count)
    for table in tables.values():
        table.name = (sheet_names[table.index] if table.index < len(sheet_names)
                      else f"table {table.index + 1}")
        table.head = [r + [None] * (table.width - len(r)) for r in table.head]
    if not tables:
        reason = "SpreadsheetML without cells" if kind == "spreadsheetml" else "HTML page without a table"
        raise KcError("unknown_format", file=file, reason=reason)
    found = [tables[k] for k in sorted(tables)]
    if len(_NAMES) > 16:
        _NAMES.clear()
    _NAMES[_stamp(path)] = [t.name for t in found]
    return MarkupFile(path, file, kind, encoding, found)


def merged_groups(table: MarkupTable, row: int) -> dict[int, int]:
    """Column → first column of the merged range covering it on 1-based `row` (as for a workbook)."""
    groups: dict[int, int] = {}
    for start_row, merges in table.merges.items():
        for first, last, down in merges:
            if start_row <= row <= start_row + down:
                for col in range(first, last + 1):
                    groups[col] = first
    return groups


def iter_markup_chunks(source: MarkupFile, table: MarkupTable, header_row: int,
                       size: int) -> Iterator[pd.DataFrame]:
    """Rows of one table after `header_row` as object DataFrames (index = 1-based row), blank rows
    left out; the file is walked again, so only a chunk is ever in memory."""
    rows, _names = _rows(source.path, source.file, source.kind, source.encoding)
    width = table.width
    batch: list[list[Any]] = []
    index: list[int] = []
    for row in rows:
        if row.table != table.index or row.number <= header_row:
            continue
        values = row.values[:width]
        for col, value in row.above.items():  # a data cell merged down (rowspan) holds for every row
            if col < len(values) and values[col] is None:
                values[col] = value
        if not any(v is not None for v in values):
            continue
        batch.append(values + [None] * (width - len(values)))
        index.append(row.number)
        if len(batch) >= size:
            yield pd.DataFrame(batch, index=index, columns=pd.RangeIndex(width), dtype=object)
            batch, index = [], []
    if batch:
        yield pd.DataFrame(batch, index=index, columns=pd.RangeIndex(width), dtype=object)
