"""Checks the Windows bundles built under Wine: lists what the one-file executable and the one-folder
build hold and fails if a Wine shim (ucrtbase.dll, icuuc.dll: built for the Wine prefix only) is among
them, by name or by content; checks the version resource of the executables and the installer.

    python3 bundle_check.py --shims S1.dll S2.dll --version 0.1.0 \
        --onefile dist/kcdesk.exe --onedir dist/kcdesk-app --installer dist/kcdesk-setup-0.1.0.exe

Reads PyInstaller's archive format itself (the cookie and table of contents at the end of the
executable), so it needs neither PyInstaller nor Windows; pefile only for the version resources.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

COOKIE_MAGIC = b"MEI\014\013\012\013\016"
COOKIE_FORMAT = "!8sIIII64s"
TOC_ENTRY_FORMAT = "!IIIIBc"
# The one-file build's deferred libraries (build_scripts/lazy_payload.py): a zip inside the archive,
# whose files are unpacked at run time as well, so they are listed with the rest.
DEFERRED_ZIP = "kcdesk_lazy.zip"


def onefile_names(exe: Path) -> list[str]:
    """Names of the entries of a PyInstaller one-file executable's archive (what it unpacks)."""
    data = exe.read_bytes()
    cookie_at = data.rfind(COOKIE_MAGIC)
    if cookie_at < 0:
        raise ValueError(f"{exe}: not a PyInstaller one-file executable (no archive cookie)")
    _magic, length, toc_offset, toc_length, _pyvers, _pylib = struct.unpack_from(COOKIE_FORMAT, data, cookie_at)
    start = cookie_at + struct.calcsize(COOKIE_FORMAT) - length
    toc = data[start + toc_offset:start + toc_offset + toc_length]
    names, pos, head = [], 0, struct.calcsize(TOC_ENTRY_FORMAT)
    while pos < len(toc):
        entry_length, offset, length, _ulen, flag, typecode = struct.unpack_from(TOC_ENTRY_FORMAT, toc, pos)
        name = toc[pos + head:pos + entry_length].rstrip(b"\0").decode("utf-8")
        if typecode != b"o":  # run-time options, not files
            names.append(name)
        if name == DEFERRED_ZIP:
            blob = data[start + offset:start + offset + length]
            with zipfile.ZipFile(io.BytesIO(zlib.decompress(blob) if flag == 1 else blob)) as deferred:
                names += [member for member in deferred.namelist() if not member.endswith("/")]
        pos += entry_length
    return names


def onedir_names(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)).replace(os.sep, "/") for p in folder.rglob("*") if p.is_file())


def shims_by_name(names: Iterable[str], shim_names: Iterable[str]) -> list[str]:
    """The entries whose file name is a shim's (Windows file names: case does not count)."""
    wanted = {n.lower() for n in shim_names}
    return [n for n in names if PurePosixPath(n.replace("\\", "/")).name.lower() in wanted]


def shims_by_content(folder: Path, shims: Iterable[Path]) -> list[str]:
    """Files of a folder identical to a shim, whatever their name."""
    digests = {hashlib.sha256(s.read_bytes()).hexdigest() for s in shims}
    sizes = {s.stat().st_size for s in shims}
    return [str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and p.stat().st_size in sizes and hashlib.sha256(p.read_bytes()).hexdigest() in digests]


def version_strings(path: Path) -> dict[str, str]:
    """The StringFileInfo of a Windows executable's version resource."""
    import pefile

    pe = pefile.PE(str(path), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
    out: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", None) or []:
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                out.update({k.decode(): v.decode() for k, v in table.entries.items()})
    pe.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shims", nargs="+", type=Path, default=[])
    parser.add_argument("--version")
    parser.add_argument("--onefile", type=Path)
    parser.add_argument("--onedir", type=Path)
    parser.add_argument("--installer", type=Path)
    args = parser.parse_args(argv)
    failed = []
    shim_names = [s.name for s in args.shims]
    if args.onefile:
        names = onefile_names(args.onefile)
        print(f"bundle_check: {args.onefile} holds {len(names)} entries")
        if len(names) < 100:
            failed.append(f"{args.onefile}: only {len(names)} entries: not a full bundle")
        for name in shims_by_name(names, shim_names):
            failed.append(f"{args.onefile} holds the Wine shim {name}")
    if args.onedir:
        names = onedir_names(args.onedir)
        print(f"bundle_check: {args.onedir} holds {len(names)} files")
        if len(names) < 100:
            failed.append(f"{args.onedir}: only {len(names)} files: not a full bundle")
        for name in shims_by_name(names, shim_names) + shims_by_content(args.onedir, args.shims):
            failed.append(f"{args.onedir} holds the Wine shim {name}")
    if args.version:
        exes = [p for p in (args.onefile, args.onedir and args.onedir / "kcdesk.exe", args.installer) if p]
        for exe in exes:
            strings = version_strings(exe)
            for key in ("FileVersion", "ProductVersion"):
                if strings.get(key) != args.version:
                    failed.append(f"{exe}: version resource {key} = {strings.get(key)!r}, expected {args.version!r}")
            for key in ("ProductName", "CompanyName", "FileDescription"):
                if not strings.get(key):
                    failed.append(f"{exe}: version resource has no {key}")
            print(f"bundle_check: {exe.name}: " + ", ".join(f"{k}={strings.get(k)!r}" for k in (
                "ProductName", "ProductVersion", "FileVersion", "CompanyName")))
    for line in failed:
        print(f"bundle_check: FAIL {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
