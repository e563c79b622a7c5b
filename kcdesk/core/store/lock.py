"""Whether a project is open in another kcdesk window: a `<project>.lock` sidecar with pid and host.

SQLite already serialises writes (a second writer waits, then gets `project_locked`); this
sidecar only lets the GUI warn early that someone else has the project open. A lock whose
process is gone (crash, kill -9) is stale and ignored.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger("kcdesk.store")


@dataclass(frozen=True)
class LockInfo:
    """Who holds a project open: process id, host name and since when (ISO time)."""

    pid: int
    host: str
    since: str


def lock_path(project: Path | str) -> Path:
    project = Path(project)
    return project.with_name(project.name + ".lock")


def _host() -> str:
    return socket.gethostname()  # local call only; no network traffic


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def read_lock(project: Path | str) -> LockInfo | None:
    """The sidecar's content, or None when there is none or it cannot be read."""
    try:
        data = json.loads(lock_path(project).read_text(encoding="utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_open_elsewhere(project: Path | str) -> LockInfo | None:
    """The holder when another live kcdesk process has `project` open, else None.
    A lock from another computer (a shared folder) is trusted: its pid cannot be checked here."""
    info = read_lock(project)
    if info is None:
        return None
    if info.host == _host():
        if info.pid == os.getpid() or not _pid_alive(info.pid):
            return None
    return info


def acquire(project: Path | str) -> bool:
    """Write this process's sidecar; False (nothing written) when another live process holds it."""
    if is_open_elsewhere(project) is not None:
        return False
    path = lock_path(project)
    content = json.dumps({"pid": os.getpid(), "host": _host(),
                          "since": datetime.now().isoformat(timespec="seconds")})
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temp.write_text(content, encoding="utf-8")
        os.replace(temp, path)  # readers never see half a lock
    except OSError as error:  # a read-only folder: the warning is best effort
        log.info("cannot write the lock file %s (%s)", path.name, error.strerror)
        try:
            temp.unlink()
        except OSError:
            pass
        return True
    return True


def release(project: Path | str) -> None:
    """Remove the sidecar if it is ours (another process's lock is left alone)."""
    info = read_lock(project)
    if info is not None and info.pid == os.getpid() and info.host == _host():
        try:
            lock_path(project).unlink()
        except OSError:
            pass


@contextmanager
def hold(project: Path | str) -> Iterator[LockInfo | None]:
    """Mark `project` open by this process while the block runs; yields the other holder (or None).
    The project is opened either way: the user decides after the warning, SQLite keeps writes safe."""
    other = is_open_elsewhere(project)
    mine = other is None and acquire(project)
    try:
        yield other
    finally:
        if mine:
            release(project)
