"""PyInstaller run-time hook: unpacks the one-file build's deferred libraries on their first import.

The one-file executable carries NumPy, pandas, SciPy, scikit-learn, lxml and calamine's files in one
zip (build_scripts/lazy_payload.py), an entry of its archive that the bootloader neither inflates nor
writes out (typecode 'a'): the first window never loads those libraries. The first import of one of
them (a command, a stage, a chart) unpacks the zip, read in place from the executable, into the
bundle's own folder, which the bootloader removes at exit as usual, and the import goes on.

A spawned child (the import's reader process) may share the parent's folder: a lock file makes one
process unpack while the other waits for the "done" mark. Without the zip (the one-folder build,
or running from source) the hook does nothing.
"""

import io
import os
import struct
import sys
import threading
import time

PAYLOAD_NAME = "kcdesk_lazy.zip"
# The top-level modules whose first import unpacks the zip: lazy_payload.DEFERRED_PACKAGES (a test
# keeps the two equal; nothing is read at start to learn them).
TRIGGERS = frozenset({"numpy", "pandas", "scipy", "sklearn", "lxml", "python_calamine"})
DONE_NAME = "kcdesk_lazy.done"
WAIT_SECONDS = 300.0  # another process unpacking (~1 s); after this the lock is taken as stale
# PyInstaller's archive (CArchive): a cookie at its end, then a table of entries (bootloader's pyi_archive.h).
COOKIE_MAGIC = b"MEI\014\013\012\013\016"
COOKIE_FORMAT = "!8sIIII64s"
TOC_ENTRY_FORMAT = "!IIIIBc"
TAIL_BYTES = 1 << 20  # the cookie ends the archive; on Linux ELF section headers (a few kB) follow it

_lock = threading.Lock()


def find_in_executable(executable):
    """(offset, length) of the stored, uncompressed zip entry in the executable's archive, or None."""
    size = os.path.getsize(executable)
    with open(executable, "rb") as exe:
        tail_start = max(0, size - TAIL_BYTES)
        exe.seek(tail_start)
        tail = exe.read()
        at = tail.rfind(COOKIE_MAGIC)
        if at < 0:
            return None
        _magic, length, toc_offset, toc_length, _py, _lib = struct.unpack_from(COOKIE_FORMAT, tail, at)
        start = tail_start + at + struct.calcsize(COOKIE_FORMAT) - length
        exe.seek(start + toc_offset)
        toc = exe.read(toc_length)
    pos, head = 0, struct.calcsize(TOC_ENTRY_FORMAT)
    while pos + head <= len(toc):
        entry_length, offset, stored, _unpacked, compressed, _kind = struct.unpack_from(TOC_ENTRY_FORMAT, toc, pos)
        if entry_length <= 0:
            return None
        name = toc[pos + head:pos + entry_length].rstrip(b"\0")
        if name == PAYLOAD_NAME.encode() and not compressed:
            return start + offset, stored
        pos += entry_length
    return None


class FileSlice(io.RawIOBase):
    """Part of a file read as a whole file (the zip inside the executable), for zipfile."""

    def __init__(self, path, start, length):
        super().__init__()
        self._file = open(path, "rb")
        self._start, self._length, self._pos = start, length, 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self._pos

    def seek(self, offset, whence=io.SEEK_SET):
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._length}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer):
        count = max(0, min(len(buffer), self._length - self._pos))
        if count == 0:
            return 0
        self._file.seek(self._start + self._pos)
        data = self._file.read(count)
        buffer[:len(data)] = data
        self._pos += len(data)
        return len(data)

    def close(self):
        if not self.closed:
            self._file.close()
        super().close()


def open_payload(source):
    """The zip as a binary file: `source` is a path, or (executable, offset, length)."""
    if isinstance(source, tuple):
        return FileSlice(*source)
    return open(source, "rb")


def unpack(base, source):
    """Unpacks the zip (see open_payload) into base once (idempotent, safe across threads and processes).
    Files already present are left alone: a library loaded by another process must not be replaced
    (Windows refuses to replace a loaded DLL)."""
    done = os.path.join(base, DONE_NAME)
    if os.path.exists(done):
        return
    with _lock:
        if os.path.exists(done):
            return
        lock_path = done + ".lock"
        lock_fd = None
        deadline = time.monotonic() + WAIT_SECONDS
        while lock_fd is None:
            try:
                lock_fd = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                if os.path.exists(done):
                    return
                if time.monotonic() > deadline:
                    break  # its holder died mid-way: unpack what is missing
                time.sleep(0.02)
        try:
            _extract_missing(source, base)
            with open(done, "wb"):
                pass
        finally:
            if lock_fd is not None:
                os.close(lock_fd)
                try:
                    os.remove(lock_path)
                except OSError:
                    pass
    import importlib

    importlib.invalidate_caches()  # path finders may have listed the folders before they were filled


def _extract_missing(source, base):
    import shutil
    import zipfile

    with open_payload(source) as raw, zipfile.ZipFile(raw) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            target = os.path.join(base, *info.filename.split("/"))
            if os.path.exists(target):
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            partial = f"{target}.{os.getpid()}.part"
            with archive.open(info) as member, open(partial, "wb") as out:
                shutil.copyfileobj(member, out, 1 << 20)
            mode = (info.external_attr >> 16) & 0o777
            if mode and os.name != "nt":
                os.chmod(partial, mode | 0o600)
            os.replace(partial, target)


def locate(base, executable):
    """Where the zip is: inside the executable (the one-file build), as a file in base (tests), or None
    (the one-folder build: every file is in place already)."""
    if executable is not None:
        found = find_in_executable(executable)
        if found:
            return (executable, *found)
    payload = os.path.join(base, PAYLOAD_NAME)
    return payload if os.path.exists(payload) else None


class UnpackOnImport:
    """A meta-path finder that finds nothing: on the first import of a deferred library it unpacks the
    zip (if the executable has one), removes itself, and lets the bundle's own importers go on.
    Nothing is read at start: the executable is searched on that first import."""

    def __init__(self, base, executable, triggers=TRIGGERS):
        self.base = base
        self.executable = executable
        self.triggers = triggers
        self._source = None
        self._located = False

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in self.triggers:
            with _lock:
                if not self._located:
                    self._source, self._located = locate(self.base, self.executable), True
            if self._source is not None:
                unpack(self.base, self._source)  # another thread's import of another library waits here
            try:  # only once every file is there: until then each trigger's import must come through here
                sys.meta_path.remove(self)
            except ValueError:
                pass
        return None


def install(base, executable=None, triggers=TRIGGERS):
    """Puts the finder first on sys.meta_path unless a process sharing base has unpacked already."""
    if os.path.exists(os.path.join(base, DONE_NAME)):
        return None
    finder = UnpackOnImport(base, executable, triggers)
    sys.meta_path.insert(0, finder)
    return finder


if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
    install(sys._MEIPASS, sys.executable)
