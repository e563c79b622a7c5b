"""Zip packages written byte by byte: decompression bombs (honest and lying sizes) and damaged entries."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from tests.hostile.xlsx_raw import sheet_xml, write_xlsx


def _segment(block: bytes) -> tuple[bytes, bytes]:
    """A raw-deflate segment that inflates to `block` and can be repeated, and the stream's end."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    return segment, compressor.flush()


def _entry_headers(name: bytes, crc: int, csize: int, usize: int, offset: int,
                   flags: int = 0) -> tuple[bytes, bytes]:
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, 0, 0x21, crc, csize, usize, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, 0, 0x21, crc, csize, usize,
                          len(name), 0, 0, 0, 0, 0, offset) + name
    return local, central


def write_bomb_xlsx(path: Path, inflated_mb: int, lie_about_size: bool = False, unit: bytes = b" ",
                    head: bytes | None = None, tail: bytes | None = None, shared_strings: str | None = None) -> Path:
    """An .xlsx whose sheet1.xml inflates to `inflated_mb` MB of `unit` repeated (spaces by default)
    inside a valid sheet. With lie_about_size the directory declares a 1 kB sheet."""
    write_xlsx(path, [("Sheet1", sheet_xml([["Дата", "Тема"], ["01.08.2026", "x"]]))], shared_strings=shared_strings)
    with zipfile.ZipFile(path) as archive:
        others = {n: archive.read(n) for n in archive.namelist() if n != "xl/worksheets/sheet1.xml"}
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    default_head = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>Дата регистрации</t></is></c>').encode()
    default_tail = ('<c r="B1" t="inlineStr"><is><t>Тема</t></is></c></row><row r="2">'
            '<c r="A2" t="inlineStr"><is><t>01.08.2026</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>Дороги</t></is></c></row></sheetData></worksheet>').encode()
    head = default_head if head is None else head
    tail = default_tail if tail is None else tail
    block = unit * ((1 << 22) // len(unit))
    segment, end = _segment(block)
    repeats = inflated_mb * (1 << 20) // len(block)
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    h_seg, _ = _segment(head)
    t_seg, t_end = _segment(tail)
    compressed_size = len(h_seg) + len(segment) * repeats + len(t_seg) + len(t_end)
    usize = len(head) + len(block) * repeats + len(tail)
    declared = 1024 if lie_about_size else usize
    with open(path, "wb") as out:
        centrals = []
        for name, data in others.items():
            packed = zlib.compressobj(9, zlib.DEFLATED, -15)
            body = packed.compress(data) + packed.flush()
            local, central = _entry_headers(name.encode(), zlib.crc32(data), len(body), len(data), out.tell())
            out.write(local + body)
            centrals.append(central)
        local, central = _entry_headers(b"xl/worksheets/sheet1.xml", crc, compressed_size, declared, out.tell())
        out.write(local + h_seg)
        for _ in range(repeats):
            out.write(segment)
        out.write(t_seg + t_end)
        centrals.append(central)
        start = out.tell()
        directory = b"".join(centrals)
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(centrals), len(centrals),
                              len(directory), start, 0))
    return path


def set_encrypted_flag(path: Path) -> Path:
    """Mark every entry as encrypted (general purpose bit 0), as a password-protected zip is."""
    data = bytearray(path.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            data[at + flag_at] |= 1
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def flip_sheet_bytes(path: Path) -> Path:
    """Damage the compressed bytes of the sheet (the CRC no longer matches)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 2, start + min(info.compress_size, 40), 3):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def ole2_with(stream_names: list[str], size: int = 8192) -> bytes:
    """An OLE2 compound file header followed by directory-entry names (enough for a content sniff)."""
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    for name in stream_names:
        body += name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
    body += bytes((i * 37) & 0xFF for i in range(size))
    return bytes(body)
