"""What a file is (by its bytes, not its name), and whether a zip workbook is safe to hand to calamine."""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kcdesk.core.errors import KcError
from kcdesk.core.read.xlsx_stream import is_streamed

# python-calamine aborts the whole process (or takes gigabytes) on some crafted workbooks,
# so a zip workbook is checked here first, from its central directory and the heads of its parts.
MAX_TOTAL_BYTES = 1_500_000_000  # declared uncompressed size of all parts together
MAX_RATIO = 200  # a sheet XML that inflates more than this ...
RATIO_MIN_BYTES = 50_000_000  # ... and is also this big is a bomb, not an export
# calamine allocates rows × columns cells of 32 bytes densely, whatever is empty in between.
MAX_CELLS = 30_000_000
MAX_STRINGS = 50_000_000  # shared strings
# What calamine may take for one sheet's cells, so the whole import stays under 1 GB: each cell
# costs a 32-byte value, and a text cell also its own copy of the text (shared strings are cloned
# per cell) - a million rows of blank-looking " " cells took 1.3 GB before this check.
CELL_MEMORY_BUDGET = 700_000_000
CELL_BYTES, TEXT_CELL_BYTES = 32, 40
MAX_PROLOG = 1 << 20  # bytes read from an XML part to reach its root element
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
TEXT_EXTENSIONS = {".csv", ".txt", ".tsv", ".tab", ".dat", ""}


@dataclass
class Kind:
    """The format found in a file: 'xlsx', 'xls', 'ods', 'html', 'spreadsheetml' or 'text';
    date1904 from workbook.xml."""

    format: str
    date1904: bool = False


def _utf16_name(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole2_kind(path: Path, file: str) -> Kind:
    """An OLE2 container: an .xls, a password-protected xlsx, or a Word/other document."""
    seen: set[str] = set()
    names = {n: _utf16_name(n) for n in ("EncryptedPackage", "Workbook", "Book", "WordDocument",
                                         "PowerPoint Document")}
    tail = b""
    with open(path, "rb") as handle:
        # Directory entries can sit anywhere in the file; scanning for the UTF-16 stream names is
        # cheap (C-speed find) and the random bytes of an encrypted package hardly ever match.
        while block := handle.read(1 << 22):
            data = tail + block
            for name, raw in names.items():
                if name not in seen and raw in data:
                    seen.add(name)
            tail = block[-64:]
    if "EncryptedPackage" in seen:
        raise KcError("encrypted_workbook", file=file)
    if "Workbook" in seen or "Book" in seen:
        return Kind("xls")
    if "WordDocument" in seen:
        raise KcError("not_a_workbook", file=file, reason="Word document")
    if "PowerPoint Document" in seen:
        raise KcError("not_a_workbook", file=file, reason="PowerPoint presentation")
    raise KcError("unknown_format", file=file, reason="OLE2 container without a workbook")


def _zip_kind(path: Path, file: str, deep: bool) -> Kind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                check_zip(archive, file, deep)
                if "xl/workbook.xml" not in names:
                    return Kind("xlsb")
                head = _part_head(archive, "xl/workbook.xml", 1 << 16)
                date1904 = re.search(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"", head)
                return Kind("xlsx", date1904=date1904 is not None)
            if "mimetype" in names:
                mime = archive.read("mimetype")[:100].strip()
                if mime == ODS_MIME:
                    check_zip(archive, file, deep)
                    return Kind("ods")
                if b"opendocument.text" in mime:
                    raise KcError("not_a_workbook", file=file, reason="OpenDocument text")
            if "word/document.xml" in names:
                raise KcError("not_a_workbook", file=file, reason="Word document")
            if "ppt/presentation.xml" in names:
                raise KcError("not_a_workbook", file=file, reason="PowerPoint presentation")
            raise KcError("not_a_workbook", file=file, reason="zip archive")
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
            OSError) as exc:
        raise KcError("corrupt_workbook", file=file, reason=type(exc).__name__) from None


def sniff(path: Path, file: str, deep: bool = True) -> Kind:
    """The format of `path` from its first bytes; refuses documents that are not spreadsheets.
    `deep=False` skips scanning the sheets' cells (enough to list sheet names)."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(OLE2_MAGIC):
        return _ole2_kind(path, file)
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path, file, deep)
    if head.startswith(b"PK"):
        raise KcError("corrupt_workbook", file=file, reason="damaged zip header")
    if head.startswith(b"%PDF"):
        raise KcError("not_a_workbook", file=file, reason="PDF document")
    if head.startswith(b"{\\rtf"):
        raise KcError("not_a_workbook", file=file, reason="RTF document")
    for magic, what in ((b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
                        (b"Rar!", "RAR archive"), (b"7z\xbc\xaf", "7-Zip archive"),
                        (b"\x1f\x8b", "gzip archive"), (b"SQLite format 3", "SQLite database")):
        if head.startswith(magic):
            raise KcError("not_a_workbook", file=file, reason=what)
    from kcdesk.core.read.markup import markup_kind  # (markup imports this module's limits)

    markup = markup_kind(head)
    if markup == "xml":
        raise KcError("unknown_format", file=file, reason="XML document that is not a spreadsheet")
    if markup:  # an HTML table or SpreadsheetML 2003, often saved as ".xls" by web systems and 1C
        return Kind(markup)
    return Kind("text")


def _part_head(archive: zipfile.ZipFile, name: str, size: int) -> bytes:
    with archive.open(name) as part:
        return part.read(size)


_ROOT = re.compile(rb"<[A-Za-z_]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_SST = re.compile(rb"<(?:\w+:)?sst\b[^>]*>")
_COUNT = re.compile(rb"\b(count|uniqueCount)=\"(\d+)\"")


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


def _as_bytes_text(data: bytes) -> bytes:
    """An XML head written in UTF-16 (some tools do) as 8-bit text, so the searches below apply."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "ignore").encode("utf-8", "ignore")
    if data[1:2] == b"\x00":
        return data.decode("utf-16-le", "ignore").encode("utf-8", "ignore")
    if data[:1] == b"\x00":
        return data.decode("utf-16-be", "ignore").encode("utf-8", "ignore")
    return data


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> bytes:
    """The head of an XML part up to its root element; a DTD or entity there is refused."""
    data = b""
    with archive.open(info) as part:
        while len(data) < MAX_PROLOG:
            block = part.read(1 << 16)
            if not block:
                break
            data += block
            upper = _as_bytes_text(data).upper()
            if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
                raise KcError("unsafe_workbook", file=file, reason=f"DTD in {info.filename}")
            if _ROOT.search(_as_bytes_text(data)):
                return data
    if data and not _ROOT.search(_as_bytes_text(data)):
        raise KcError("unsafe_workbook", file=file, reason=f"no XML root in {info.filename}")
    return data


def check_zip(archive: zipfile.ZipFile, file: str, deep: bool = True) -> None:
    """Refuse a zip workbook that is damaged, a decompression bomb, or crafted against the reader."""
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise KcError("workbook_too_large", file=file, sheet="", reason=f"{total // 1_000_000} MB unpacked")
    strings = _SharedStrings(archive)
    for info in infos:
        try:
            _check_part(archive, info, file, deep, strings)
        except KcError as error:
            if error.params.get("sheet") == info.filename:  # name the sheet as the user sees it
                error.params["sheet"] = _sheet_label(archive, info.filename)
            raise


def _sheet_label(archive: zipfile.ZipFile, part: str) -> str:
    """The sheet name workbook.xml gives the part (e.g. "Данные" for xl/worksheets/sheet1.xml)."""
    try:
        rels = _part_head(archive, "xl/_rels/workbook.xml.rels", 1 << 20)
        book = _part_head(archive, "xl/workbook.xml", 1 << 20)
    except KeyError:
        return part
    target = part.removeprefix("xl/")
    for rel in re.findall(rb"<Relationship\b[^>]*>", rels):
        found_target = re.search(rb'Target="/?(?:xl/)?([^"]+)"', rel)
        found_id = re.search(rb'Id="([^"]+)"', rel)
        if found_target and found_id and found_target.group(1).decode("utf-8", "replace") == target:
            for sheet in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", book):
                if re.search(rb':id="' + re.escape(found_id.group(1)) + rb'"', sheet):
                    name = re.search(rb'name="([^"]*)"', sheet)
                    if name:
                        return html.unescape(name.group(1).decode("utf-8", "replace"))
    return part


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, deep: bool,
                strings: _SharedStrings | None = None) -> None:
    """One part of the zip: encryption, compression, inflation ratio, XML prolog and contents."""
    if info.flag_bits & 0x1:
        raise KcError("encrypted_workbook", file=file)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise KcError("unsafe_workbook", file=file, reason=f"compression {info.compress_type}")
    if (info.file_size > RATIO_MIN_BYTES
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
        raise KcError("workbook_too_large", file=file, sheet=info.filename,
                      reason=f"{info.file_size // 1_000_000} MB packed {info.file_size // max(info.compress_size, 1)}:1")
    if not info.filename.endswith((".xml", ".rels", ".vml")) or info.is_dir():
        return
    head = _check_prolog(archive, info, file)
    if info.filename == "content.xml" and deep:
        _check_repeats(archive, info, file)
    if info.filename.startswith("xl/worksheets/"):
        _check_dimension(head, info.filename, file)
        # A sheet this big is streamed (read/xlsx_stream.py), never held whole by calamine.
        if deep and not is_streamed(info.file_size, head):
            _check_cells(archive, info, file, strings)
    elif info.filename == "xl/sharedStrings.xml":
        _check_strings(head, info, file)


def _check_dimension(head: bytes, name: str, file: str) -> None:
    found = _DIMENSION.search(head)
    if not found:
        return
    col1, row1, col2, row2 = found.groups()
    if col2 is None:  # a single cell "A1"
        col2, row2 = col1, row1
    try:
        rows = [int(r) for r in (row1, row2) if r is not None]
        cols = [_column_number(c) for c in (col1, col2) if c is not None]
    except ValueError:
        raise KcError("unsafe_workbook", file=file, reason=f"bad dimension in {name}") from None
    if any(r > EXCEL_ROWS for r in rows) or any(c > EXCEL_COLUMNS for c in cols):
        raise KcError("unsafe_workbook", file=file, reason=f"dimension beyond Excel limits in {name}")
    if rows and cols and (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1) > MAX_CELLS:
        raise KcError("workbook_too_large", file=file, sheet=name, reason="sheet area too large")


def _check_strings(head: bytes, info: zipfile.ZipInfo, file: str) -> None:
    found = _SST.search(head)
    if not found:
        return
    counts = {k.decode(): int(v) for k, v in _COUNT.findall(found.group(0))}
    unique = counts.get("uniqueCount", 0)
    # Each shared string takes at least "<si><t/></si>" (13 bytes) of XML.
    if unique > MAX_STRINGS or unique > info.file_size // 8 + 16 or counts.get("count", 0) > 2**31:
        raise KcError("unsafe_workbook", file=file, reason="shared string count")


# A reference past column Z or past row 999999: rare in exports, so blocks without one are
# skipped after a single C-speed search; blocks with one are searched cell by cell.
_UNUSUAL = re.compile(rb'r="[A-Z]{2}|r="[A-Z]{0,3}\d{7}')
_REF = re.compile(rb'\br="([A-Z]{0,3})(\d+)"')
_ROW_START = b'<row r="'


class _SharedStrings:
    """The workbook's shared strings, measured only when a sheet could reference enough of them to
    matter: calamine copies a shared string into every cell that references it."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        try:
            self.info: zipfile.ZipInfo | None = archive.getinfo("xl/sharedStrings.xml")
        except KeyError:
            self.info = None
        self._lengths: np.ndarray | None = None

    @property
    def size(self) -> int:
        return self.info.file_size if self.info else 0

    def lengths(self) -> np.ndarray:
        """Bytes of XML each string (<si>) takes: at least its text's size once read."""
        if self._lengths is None:
            starts: list[int] = []
            ends: list[int] = []
            consumed = 0
            carry = b""
            assert self.info is not None
            with self.archive.open(self.info) as part:
                while block := part.read(1 << 23):
                    data = carry + block
                    at = consumed - len(carry)  # where data starts in the part
                    # A tag wholly inside the carry was found with the previous block.
                    starts += [at + m.start() for m in _SI_START.finditer(data) if m.end() > len(carry)]
                    ends += [at + m.start() for m in _SI_END.finditer(data) if m.end() > len(carry)]
                    consumed += len(block)
                    carry = data[-32:]
            count = min(len(starts), len(ends))
            self._lengths = (np.asarray(ends[:count], dtype=np.int64)
                             - np.asarray(starts[:count], dtype=np.int64))
        return self._lengths


_SI_START = re.compile(rb"<(?:\w+:)?si[\s>/]")
_SI_END = re.compile(rb"</(?:\w+:)?si>")
_SHARED_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>(\d{1,10})<')
MIN_CELL_XML = 20  # bytes of XML a cell takes at least: <c t="s"><v>0</v></c>


def _expanded_strings(block: bytes, lengths: np.ndarray) -> int:
    """Bytes calamine copies for the shared-string cells of a block (length × references)."""
    found = _SHARED_REF.findall(block)
    if not found:
        return 0
    indexes = np.asarray(found).astype(np.int64)
    indexes = indexes[(indexes >= 0) & (indexes < len(lengths))]
    return int(lengths[indexes].sum())


def _check_cells(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str,
                 strings: _SharedStrings | None = None) -> None:
    """Refuse a sheet whose cells span more than MAX_CELLS (one far-away cell is enough to make
    calamine abort the process), or whose cells with their texts would take more than the cell
    budget. The XML is inflated once; rows are taken from the last row of each block (rows come
    in order), and only blocks with unusual references are searched cell by cell. Shared strings
    count by their expanded size (length × references) where the sheet could reference enough of
    them to matter: one 40 MB string in 300 cells is 12 GB for calamine."""
    max_row, max_col = 0, 26  # a block without two-letter references spans at most column Z
    cells = texts = expanded = 0
    lengths = None
    most_cells = info.file_size // MIN_CELL_XML
    if strings is not None and strings.size and most_cells * strings.size > CELL_MEMORY_BUDGET:
        measured = strings.lengths()
        if len(measured) and most_cells * int(measured.max()) > CELL_MEMORY_BUDGET:
            lengths = measured
    carry = b""
    with archive.open(info) as part:
        while block := part.read(1 << 23):
            data = carry + block
            carry = block[-24:]
            # Counted on the block alone (the carry was counted before); a tag cut in two is missed.
            cells += block.count(b"<c ") + block.count(b"<c>")
            texts += block.count(b' t="s"') + block.count(b' t="inlineStr"') + block.count(b' t="str"')
            if lengths is not None:
                expanded += _expanded_strings(block, lengths)
            if cells * CELL_BYTES + texts * TEXT_CELL_BYTES + expanded > CELL_MEMORY_BUDGET:
                reason = (f"shared strings of {expanded // 1_000_000} MB once copied into their cells"
                          if expanded > CELL_MEMORY_BUDGET // 2
                          else f"more than {cells // 1_000_000} million cells")
                raise KcError("workbook_too_large", file=file, sheet=info.filename, reason=reason)
            last = data.rfind(_ROW_START)
            if last >= 0:
                digits = re.match(rb"\d+", data[last + len(_ROW_START):last + len(_ROW_START) + 12])
                max_row = max(max_row, int(digits.group(0)) if digits else 0)
            if _UNUSUAL.search(data):
                for letters, digits in _REF.findall(data):
                    max_row = max(max_row, int(digits))
                    if letters:
                        max_col = max(max_col, _column_number(letters))
            if max_row * max_col > MAX_CELLS:
                raise KcError("workbook_too_large", file=file, sheet=info.filename,
                              reason=f"cells up to row {max_row}, column {max_col}")


# OpenDocument writes identical neighbours once with a repeat count; calamine expands repeated
# cells that hold a value (empty repeats, the usual sheet padding, cost nothing).
_REPEAT = re.compile(rb'<table:table-(row|cell)\b([^>]*?)table:number-(?:rows|columns)-repeated="(\d{4,})"([^>]*)>')
_VALUED = re.compile(rb"office:value-type|<text:p>[^<]")


def _check_repeats(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> None:
    """Refuse an ODS whose repeated rows × repeated cells holding values exceed MAX_CELLS."""
    rows, cells = 1, 1
    carry = b""
    with archive.open(info) as part:
        while block := part.read(1 << 23):
            data = carry + block
            carry = block[-4096:]
            for match in _REPEAT.finditer(data):
                kind, count = match.group(1), int(match.group(3))
                if kind == b"cell":
                    if _VALUED.search(match.group(2) + match.group(4)) or _VALUED.match(
                            data, match.end(), match.end() + 64):
                        cells = max(cells, count)
                else:
                    end = data.find(b"</table:table-row>", match.end(), match.end() + (1 << 16))
                    if _VALUED.search(data, match.end(), end if end > 0 else match.end() + 4096):
                        rows = max(rows, count)
            if rows * cells > MAX_CELLS or rows * 26 > MAX_CELLS:
                raise KcError("workbook_too_large", file=file, sheet=info.filename,
                              reason=f"{rows} repeated rows, {cells} repeated cells")
