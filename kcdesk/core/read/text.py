"""CSV/TXT exports: encoding and delimiter sniffed, records streamed in chunks through pandas."""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pandas as pd

from kcdesk.core.errors import KcError

DELIMITERS = ("\t", ";", ",", "|")
# The csv module refuses fields over 128 kB by default; a long complaint text is not an error
# (the sample it reads is at most SAMPLE_BYTES anyway).
csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
_PARSER_ROW = re.compile(r"row (\d+)")
SAMPLE_BYTES = 1 << 18  # enough for the title lines, the header and a few hundred records
SAMPLE_RECORDS = 400
# cp1251 bytes that are letters (Russian, Ёё, Ukrainian/Belarusian ones incl. і) - the rest of
# 0x80..0xBF are punctuation, so text that is mostly those was written in another code page.
_CP1251_LETTERS = set(range(0xC0, 0x100)) | {0xA8, 0xB8, 0xB2, 0xB3, 0xAA, 0xBA, 0xAF, 0xBF, 0xA1,
                                               0xA2, 0xBC, 0xA3, 0xBD, 0xBE}
_KZ1048_LETTERS = {0x8D, 0x8E, 0x9D, 0x9E, 0xA1, 0xA2, 0xA3, 0xA5, 0xAA, 0xAF, 0xB4, 0xBA, 0xBC,
                   0xBD, 0xBE, 0xBF}
_KZ1048_IN_WORD = re.compile(rb"[\xc0-\xff][\x8d\x8e\x9d\x9e\xa1-\xa3\xa5\xaa\xaf\xb4\xba\xbc-\xbf]"
                             rb"|[\x8d\x8e\x9d\x9e\xa1-\xa3\xa5\xaa\xaf\xb4\xba\xbc-\xbf][\xc0-\xff]")
_LETTERS = _CP1251_LETTERS | _KZ1048_LETTERS
# '?' right before a Cyrillic letter (inside a word, or starting one) is where cp1251 lost
# қ ә ө ұ ү ғ ң һ; a question mark ends a word instead. Letters are folded to 'L' so that
# C-speed bytes.find does the scanning.
_CYRILLIC_BYTES = bytes(range(0xC0, 0x100)) + b"\xa8\xb8\xb2\xb3"
_FOLD_LETTERS = bytes.maketrans(_CYRILLIC_BYTES, b"L" * len(_CYRILLIC_BYTES))
_LOST = b"?L"


@dataclass
class TextFormat:
    """How a text table is written: the codec pandas should use and the field delimiter."""

    encoding: str
    delimiter: str
    width: int
    bytes_per_record: float
    lost_letters: tuple[int, int] | None = None  # (lines, first line) in a cp1251 file


def detect_encoding(path: Path, file: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or a NUL pattern) or cp1251; binary is refused."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    elif b"\x00" in head:
        sample = head[:4096]
        odd = sample[1::2].count(0) / max(len(sample) // 2, 1)
        even = sample[0::2].count(0) / max(len(sample) // 2, 1)
        if odd > 0.3 and even < 0.05:
            return "utf-16-le"
        if even > 0.3 and odd < 0.05:
            return "utf-16-be"
        raise KcError("unknown_format", file=file, reason="binary content")
    else:
        encoding = "utf-8"
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 13, 12))
    if controls > max(8, len(head) // 200):
        raise KcError("unknown_format", file=file, reason="binary content")
    if _valid_utf8(path):
        return encoding
    high = [b for b in head if b >= 0x80]
    if len(high) >= 20 and sum(b in _LETTERS for b in high) < 0.6 * len(high):
        raise KcError("bad_encoding", file=file)
    # KZ-1048 is cp1251 with Kazakh letters where cp1251 has Serbian/Ukrainian ones: Kazakh
    # letters next to Cyrillic ones mean the Kazakh code page.
    if len(_KZ1048_IN_WORD.findall(head)) >= 3:
        return "kz1048"
    return "cp1251"


def _valid_utf8(path: Path) -> bool:
    """UTF-8 when the first megabyte is valid UTF-8 with some non-ASCII text in it (a stray bad
    byte further on then reads as U+FFFD instead of turning the whole file into cp1251
    mojibake); a file that starts in plain ASCII is checked to its end."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            first = handle.read(1 << 20)
            decoder.decode(first)
            if not first.isascii():
                return True
            while block := handle.read(1 << 23):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _sample_text(path: Path, encoding: str) -> tuple[str, int, bool]:
    """The decoded head of the file, how many bytes it came from, and whether that was all of it."""
    with open(path, "rb") as handle:
        raw = handle.read(SAMPLE_BYTES)
        at_end = not handle.read(1)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(raw, final=at_end), len(raw), at_end


def _records(text: str, delimiter: str, limit: int) -> list[list[str]]:
    return list(islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), limit))


def detect_delimiter(text: str) -> tuple[str, int]:
    """The delimiter whose field count is most consistent over the first records, and that count."""
    best: tuple[float, int, str] | None = None
    for delimiter in DELIMITERS:
        widths = [len(r) for r in _records(text, delimiter, 200) if any(c.strip() for c in r)]
        if not widths:
            continue
        counts = Counter(w for w in widths if w >= 2)
        if not counts:
            continue
        mode, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        key = (hits / len(widths), mode, delimiter)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return "", 1
    return best[2], best[1]


def sniff_text(path: Path, file: str) -> tuple[TextFormat, list[list[str | None]], bool]:
    """The format of a text table, its first records (for the header search), and whether those
    records are the whole file."""
    encoding = detect_encoding(path, file)
    text, n_bytes, at_end = _sample_text(path, encoding)
    if not text.strip():
        raise KcError("file_empty", file=file)
    if "\x00" in text:
        raise KcError("unknown_format", file=file, reason="binary content")
    delimiter, _mode = detect_delimiter(text)
    records = _records(text, delimiter or "\t", SAMPLE_RECORDS + 1)
    if not at_end and len(records) > 1:
        records = records[:-1]  # the last one may be cut in the middle
    width = max((len(r) for r in records), default=1)
    sampled = sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or "\t"))
    per_record = n_bytes / max(sampled - (0 if at_end else 1), 1)
    lost = _lost_letters(path) if encoding == "cp1251" else None
    fmt = TextFormat(encoding, delimiter, width, per_record, lost)
    rows: list[list[str | None]] = [[c if c != "" else None for c in r] for r in records]
    return fmt, rows, at_end and len(records) <= SAMPLE_RECORDS


def _lost_letters(path: Path) -> tuple[int, int] | None:
    """Lines of a cp1251 file where '?' stands for a letter, and the first such line."""
    lines = first = line_no = 0
    carry = b""
    with open(path, "rb") as handle:
        while True:
            block = handle.read(1 << 23)
            data = carry + block
            cut = data.rfind(b"\n") + 1 if block else len(data)
            data, carry = data[:cut], data[cut:]
            folded = data.translate(_FOLD_LETTERS)
            at = folded.find(_LOST)
            while at >= 0:
                lines += 1
                if not first:
                    first = line_no + data.count(b"\n", 0, at) + 1
                end = folded.find(b"\n", at)
                at = folded.find(_LOST, end) if end >= 0 else -1
            line_no += data.count(b"\n")
            if not block:
                break
    return (lines, first) if lines else None


def iter_text_chunks(path: Path, fmt: TextFormat, header_row: int, size: int) -> Iterator[pd.DataFrame]:
    """Records after `header_row` as DataFrames (columns 0..width-1, index = 1-based record number)."""
    reader = pd.read_csv(
        path, sep=fmt.delimiter or "\t", header=None, names=list(range(fmt.width)), index_col=False,
        dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=False,
        chunksize=size, encoding=fmt.encoding, encoding_errors="replace", engine="c",
        quotechar='"', doublequote=True,
    )
    with warnings.catch_warnings():
        # A record with more fields than the sampled width loses its extra (trailing) fields.
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        with reader:
            while True:
                try:
                    chunk = next(reader)
                except StopIteration:
                    return
                except pd.errors.ParserError as error:
                    # e.g. a quote opened and never closed: say where, not pandas' sentence.
                    found = _PARSER_ROW.search(str(error))
                    reason = "unclosed quote" if "EOF inside string" in str(error) else "malformed record"
                    raise KcError("corrupt_table", file=path.name, row=int(found.group(1)) + 1 if found else None,
                                  reason=reason) from None
                start = chunk.index[0] + 1  # 1-based record number of the chunk's first row
                skip = max(header_row - start + 1, 0)
                if skip >= len(chunk):
                    continue
                values = chunk.to_numpy(dtype=object)[skip:]
                blank = values == ""
                blank |= pd.isna(values)  # fields missing from short records
                values[blank] = None
                keep = ~blank.all(axis=1)
                index = pd.RangeIndex(start + skip, start + len(chunk))
                if keep.any():
                    yield pd.DataFrame(values[keep], index=index[keep], columns=chunk.columns,
                                       dtype=object, copy=False)
