"""PyInstaller run-time hook: unpacks the one-file build's deferred libraries on their first import.

The one-file executable carries NumPy, pandas, SciPy, scikit-learn, lxml and calamine's files in one
zip (build_scripts/lazy_payload.py) rather than in the bundle's table, so the bootloader does not
inflate them at every start: the first window never loads them. The first import of one of them
(a command, a stage, a chart) unpacks the zip into the bundle's own folder, which the bootloader
removes at exit as usual, and the import goes on from there.

A spawned child (the import's reader process) may share the parent's folder: a lock file makes one
process unpack while the other waits for the "done" mark. Without the zip (the one-folder build,
or running from source) the hook does nothing.
"""

import os
import sys
import threading
import time

PAYLOAD_NAME = "kcdesk_lazy.zip"
COMMENT_PREFIX = b"kcdesk-lazy:"
DONE_NAME = "kcdesk_lazy.done"
WAIT_SECONDS = 300.0  # another process unpacking (~1 s); after this the lock is taken as stale

_lock = threading.Lock()


def _triggers(payload):
    import zipfile

    with zipfile.ZipFile(payload) as archive:
        comment = archive.comment
    if not comment.startswith(COMMENT_PREFIX):
        return frozenset()
    return frozenset(name for name in comment[len(COMMENT_PREFIX):].decode("ascii").split(",") if name)


def unpack(base):
    """Unpacks base/kcdesk_lazy.zip into base once (idempotent, safe across threads and processes).
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
            _extract_missing(os.path.join(base, PAYLOAD_NAME), base)
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


def _extract_missing(payload, base):
    import shutil
    import zipfile

    with zipfile.ZipFile(payload) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            target = os.path.join(base, *info.filename.split("/"))
            if os.path.exists(target):
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            partial = f"{target}.{os.getpid()}.part"
            with archive.open(info) as source, open(partial, "wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
            mode = (info.external_attr >> 16) & 0o777
            if mode and os.name != "nt":
                os.chmod(partial, mode | 0o600)
            os.replace(partial, target)


class UnpackOnImport:
    """A meta-path finder that finds nothing: it unpacks the zip when a deferred library's name is
    first imported, removes itself, and lets the bundle's own importers go on."""

    def __init__(self, base, triggers):
        self.base = base
        self.triggers = triggers

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in self.triggers:
            unpack(self.base)
            try:
                sys.meta_path.remove(self)
            except ValueError:
                pass
        return None


def install(base):
    """Puts the finder first on sys.meta_path when base holds the zip; returns it (or None)."""
    payload = os.path.join(base, PAYLOAD_NAME)
    if not os.path.exists(payload) or os.path.exists(os.path.join(base, DONE_NAME)):
        return None
    finder = UnpackOnImport(base, _triggers(payload))
    sys.meta_path.insert(0, finder)
    return finder


if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
    install(sys._MEIPASS)
