"""The reader in its own process: the import pipeline's only concurrency.

A spawned child (`multiprocessing`, start method "spawn": the same on Linux, Windows and inside
the one-file build, whose entry point calls `multiprocessing.freeze_support()`) opens the exports
with kcdesk/core/read and sends the parent what it finds:

    child → parent   ("file", [RawTable without its reader, ...])            once per file
                     ("opened",)                                             all files opened
                     ("rows", [sheet row numbers], n) + n × ("column", [values])  a chunk
                     ("end",)                                                that sheet is done
                     ("sheets", [names])                                     the sheets of a file
                     ("error", code, params) / ("failed", reason)            the reader gave up
    parent → child   ("read", file number, sheet number, [column numbers], row limit)
                     ("sheets", file number)
                     ("stop",)

Rows travel as plain lists of str / int / float / bool / datetime / None, pickled over a pipe
(a long column of date-times as one numpy datetime64 array): nothing a project stores, and
nothing that can run code in the parent. The pipe holds no more than
one chunk, so the child reads the next chunk while the parent normalises and stores the previous
one, and the parent never holds more than the chunk it works on and the one arriving.

A child that dies (a signal, an abort inside a native library, out of memory under its limit)
ends the import with `reader_crashed` naming the file; the parent has written nothing outside its
transaction, so the project stays as it was. The child's memory is capped (RLIMIT_AS on Linux, a
Job Object on Windows), so a workbook that would make a reader take gigabytes stops the child, not
the app; under the cap the child reads without the cell pre-scan, and only after a death does the
parent run the full checks, to say precisely what in the file was too much.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from kcdesk.core.errors import KcError
from kcdesk.core.read.tables import RawTable
from kcdesk.core.tasks import Progress, check

log = logging.getLogger("kcdesk.import")

CHUNK_ROWS = 20_000  # rows per chunk sent: a few MB of pickled values
# The child's address space on Linux (committed memory on Windows): above a legitimate read (a 1M-row
# workbook is read in parts in about 250 MB; calamine holds at most read.xlsx_stream's STREAM_CELLS
# cells whole), and low enough that a hostile file's reader dies before the import passes 1 GB.
MEMORY_LIMIT = 1 << 30
POLL_SECONDS = 0.05  # how often a waiting parent looks at cancel and at the child's life
SILENCE_LIMIT = 900.0  # a child that sends nothing for this long is stopped


@dataclass
class OpenedFile:
    path: Path
    sha256: str
    tables: list[RawTable]


class TwoPipes:
    """A two-way channel made of two one-way pipes (os.pipe on POSIX, named pipes on Windows)."""

    def __init__(self, incoming: Connection, outgoing: Connection) -> None:
        self.incoming = incoming
        self.outgoing = outgoing

    def send(self, message: Any) -> None:
        self.outgoing.send(message)

    def send_bytes(self, payload: bytes) -> None:
        """A message pickled already (as Connection.send pickles it): `recv` unpickles it."""
        self.outgoing.send_bytes(payload)

    def recv(self) -> Any:
        return self.incoming.recv()

    def poll(self, timeout: float = 0.0) -> bool:
        return self.incoming.poll(timeout)

    def close(self) -> None:
        self.incoming.close()
        self.outgoing.close()


PIPE_BYTES = 1 << 20  # Linux's default ceiling for an unprivileged process


def _widen(conn: Connection) -> None:
    """Linux: a 1 MB pipe instead of 64 kB, so a column of a chunk goes across in a few writes
    rather than a hundred, each waiting for the other side (the parent's unpickling, the child's
    reading). Elsewhere, or when refused, the pipe stays as it is: only slower."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (OSError, ImportError):
        pass


class Digests:
    """The files' SHA-256 (what tells a file imported before), computed by a thread of the parent
    while the child starts and opens them: hashlib lets the GIL go, and the import no longer waits
    0.3 s per 100 MB before its first rows."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.results: dict[int, str | OSError] = {}
        self.thread = threading.Thread(target=self._run, name="kcdesk-digest", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for number, path in enumerate(self.paths):
            try:
                self.results[number] = _sha256(path)
            except OSError as error:  # the child says what is wrong with the file, if it can
                self.results[number] = error

    def get(self, number: int, progress: Progress | None = None) -> str:
        while number not in self.results and self.thread.is_alive():
            self.thread.join(POLL_SECONDS)
            check(progress)
        result = self.results.get(number)
        if isinstance(result, str):
            return result
        reason = result.strerror if isinstance(result, OSError) and result.strerror else "OSError"
        raise KcError("file_unreadable", file=self.paths[number].name, reason=reason)


class ReaderProcess:
    """The parent's handle on one reader child: `open()` the files, then `rows()` of each sheet."""

    def __init__(self, paths: list[Path], sheet: str | None = None, header_row: int | None = None,
                 progress: Progress | None = None, memory_limit: int | None = MEMORY_LIMIT) -> None:
        self.paths = [Path(p) for p in paths]
        self.progress = progress
        self._current = self.paths[0].name if self.paths else ""
        self._digests = Digests(self.paths)
        context = multiprocessing.get_context("spawn")
        # Two one-way pipes rather than Pipe(duplex=True): on POSIX a duplex Pipe is a socketpair, and
        # kcdesk creates no socket of any kind (tests/test_no_network.py blocks them all).
        from_child, child_sends = context.Pipe(duplex=False)
        _widen(from_child)
        child_receives, to_child = context.Pipe(duplex=False)
        self._conn = TwoPipes(from_child, to_child)
        child_conn = TwoPipes(child_receives, child_sends)
        self._process = context.Process(
            target=child_main, name="kcdesk-reader", daemon=True,
            args=(child_conn, [str(p) for p in self.paths], sheet, header_row, memory_limit))
        self._process.start()
        child_conn.close()  # the child's ends live in the child only: its death closes the pipes

    # -- the child's lifetime -------------------------------------------------------------------

    def close(self) -> None:
        """Stop the child (politely, then for good) and reap it."""
        if self._process.is_alive():
            try:
                self._conn.send(("stop",))
            except OSError:
                pass
            self._process.join(2.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5.0)
        self._conn.close()

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    # -- messages -------------------------------------------------------------------------------

    def _receive(self) -> tuple[Any, ...]:
        """The child's next message; cancel is honoured and a dead child is a clear error."""
        waited = 0.0
        while not self._conn.poll(POLL_SECONDS):
            check(self.progress)
            waited += POLL_SECONDS
            if not self._process.is_alive() and not self._conn.poll(0):
                raise self._died()
            if waited > SILENCE_LIMIT:
                self._process.kill()
                raise KcError("reader_crashed", file=self._current, reason="no answer for "
                              f"{int(SILENCE_LIMIT)} s")
        try:
            message = self._conn.recv()
        except (EOFError, OSError):
            raise self._died() from None
        kind = message[0]
        if kind == "error":
            raise KcError(message[1], **message[2])
        if kind == "failed":
            raise KcError("reader_crashed", file=self._current, reason=message[1])
        return message

    def _died(self) -> KcError:
        self._process.join(5.0)
        code = self._process.exitcode
        if code is not None and code < 0:
            try:
                reason = f"stopped by {signal.Signals(-code).name}"
            except ValueError:
                reason = f"stopped by signal {-code}"
        else:
            reason = f"ended with exit code {code}"
        log.warning("reader process for %s: %s", self._current, reason)
        precise = _precise_refusal(self._path_of(self._current))
        return precise or KcError("reader_crashed", file=self._current, reason=reason)

    def _path_of(self, file: str) -> Path | None:
        return next((p for p in self.paths if p.name == file), None)

    def open(self) -> list[OpenedFile]:
        """Every file opened and its sheets' headers found, in the child; nothing is read yet."""
        opened: list[OpenedFile] = []
        while True:
            if len(opened) < len(self.paths):
                self._current = self.paths[len(opened)].name
            message = self._receive()
            if message[0] == "opened":
                return opened
            number = len(opened)
            opened.append(OpenedFile(self.paths[number], self._digests.get(number, self.progress),
                                     message[1]))

    def rows(self, file_number: int, sheet_number: int, columns: list[int],
             limit: int | None = None) -> Iterator[tuple[list[int], list[list[Any]]]]:
        """(sheet row numbers, one list of values per asked column) for each chunk of a sheet.
        Read to the end: the child reads the next chunk meanwhile."""
        self._current = self.paths[file_number].name
        self._conn.send(("read", file_number, sheet_number, columns, limit))
        while True:
            message = self._receive()
            if message[0] == "end":
                return
            yield message[1], [self._receive()[1] for _ in range(message[2])]

    def sheet_names(self, file_number: int) -> list[str]:
        """The visible work sheets of a workbook ([] for a text file), as the child lists them."""
        self._conn.send(("sheets", file_number))
        return list(self._receive()[1])


def _precise_refusal(path: Path | None) -> KcError | None:
    """After the child died: the full workbook checks (run here, where they only inflate XML) say
    what in the file was too much, when they can."""
    if path is None:
        return None
    from kcdesk.core.read.inspect import sniff

    try:
        sniff(path, path.name, deep=True)
    except KcError as error:
        return error
    except Exception:  # noqa: BLE001 - the generic message stands
        return None
    return None


# -- the child --------------------------------------------------------------------------------


def _quiet_native_errors() -> None:
    """A native library dying under the memory cap writes its own report (Rust: "memory allocation
    of … failed" and a backtrace) to the process's stderr, which is the app's console: the child's
    goes to the null device, and the parent says in one line what happened."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        pass


def _die_with_parent() -> None:
    """Linux: the kernel ends the child when the parent dies (killed mid-import), so no reader is
    left behind parsing a workbook for nobody. Elsewhere the child ends at its next send."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the child still ends at its next send
        pass


def _limit_memory(limit: int | None) -> bool:
    """Cap the child's memory (RLIMIT_AS on Linux, a Job Object on Windows). True when capped:
    then a workbook that would make the reader take more stops the child, not the app, and the
    cell pre-scan (read.inspect's deep checks) is not needed before reading."""
    if not limit:
        return False
    if sys.platform == "win32":
        return limit_memory_windows(limit)
    if not sys.platform.startswith("linux"):
        return False
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return True


class _IoCounters(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint64) for name in (
        "ReadOperationCount", "WriteOperationCount", "OtherOperationCount", "ReadTransferCount",
        "WriteTransferCount", "OtherTransferCount")]


class _BasicLimits(ctypes.Structure):
    _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", ctypes.c_uint32), ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", ctypes.c_uint32),
                ("Affinity", ctypes.c_size_t), ("PriorityClass", ctypes.c_uint32),
                ("SchedulingClass", ctypes.c_uint32)]


class JobLimits(ctypes.Structure):
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION (winnt.h)."""

    _fields_ = [("BasicLimitInformation", _BasicLimits), ("IoInfo", _IoCounters),
                ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]


JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x100
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9


def limit_memory_windows(limit: int, kernel32: Any = None) -> bool:
    """Windows: put this process in a new Job Object whose committed memory is capped at `limit`;
    an allocation past it fails (MemoryError, or an abort in native code), so the reader dies and
    the parent says why. False when Windows refuses (e.g. a job that forbids nesting)."""
    try:
        if kernel32 is None:
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        kernel32.CreateJobObjectW.restype = ctypes.c_void_p
        kernel32.GetCurrentProcess.restype = ctypes.c_void_p
        kernel32.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                                     ctypes.c_uint32]
        kernel32.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return False
        info = JobLimits()
        info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY
        info.ProcessMemoryLimit = limit
        if not kernel32.SetInformationJobObject(job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION,
                                                ctypes.byref(info), ctypes.sizeof(info)):
            return False
        # The job handle stays open for the child's life (closing it would not lift the limit).
        return bool(kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()))
    except (OSError, AttributeError):
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def child_main(conn: TwoPipes, paths: list[str], sheet: str | None, header_row: int | None,
               memory_limit: int | None) -> None:
    """The reader process: open the files, then send the chunks the parent asks for."""
    # The parent handles Ctrl-C (and tells the child to stop); the child must not die of it first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _quiet_native_errors()
    _die_with_parent()
    limited = _limit_memory(memory_limit)
    try:
        # Under a memory cap the file is read without the cell pre-scan (1.4 s on a 200 000-row
        # workbook): a reader that takes too much dies, and the parent then runs the full checks
        # for the precise message (_precise_refusal). The cheap checks (zip directory, inflation
        # ratio, DTDs, dimension) always run.
        _serve(conn, [Path(p) for p in paths], sheet, header_row, deep=not limited)
    except KcError as error:
        _send(conn, ("error", error.code, error.params))
    except MemoryError:
        _send(conn, ("failed", "out of memory"))
    except BaseException as error:  # noqa: BLE001 - anything else: named, never with a cell's text
        _send(conn, ("failed", type(error).__name__))
    finally:
        conn.close()


def _send(conn: TwoPipes, message: tuple[Any, ...]) -> None:
    try:
        conn.send(message)
    except OSError:  # the parent has gone (killed, or it stopped the import)
        pass


class Sender:
    """The child's outgoing messages, sent by one thread while the main thread reads on.

    A pipe holds one message: sent directly, the child would wait for the parent to take each
    chunk before reading the next, and the two processes would take turns instead of working
    together. Up to QUEUED chunks wait here; everything the child sends goes through this queue,
    so no two threads ever write to the pipe at once, and the order is kept."""

    QUEUED = 2

    def __init__(self, conn: TwoPipes) -> None:
        self.conn = conn
        self.queue: queue.Queue[list[bytes] | None] = queue.Queue(self.QUEUED)
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kcdesk-reader-send", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (payloads := self.queue.get()) is not None:
            try:
                for payload in payloads:
                    self.conn.send_bytes(payload)
            except BaseException as error:  # noqa: BLE001 - the main thread raises it
                self.failure = error
                while self.queue.get() is not None:  # let the main thread's puts through
                    pass
                return

    def send(self, *messages: tuple[Any, ...]) -> None:
        """Queue messages, pickled here: the thread only writes bytes, which lets the GIL go."""
        if self.failure is not None:
            raise self.failure
        self.queue.put([_pickled(message) for message in messages])

    def close(self) -> None:
        """Send what is queued, then stop the thread (before anything else writes to the pipe)."""
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()


MOMENT_ROWS = 2_000  # a chunk this long sends a column of date-times as one array


def column_values(column: pd.Series) -> list[Any] | np.ndarray:
    """A chunk's column as sent: a list of plain values, or - for a long column of naive dates and
    date-times (and empty cells) - one datetime64[us] array (NaT when empty), which pickles as its bytes
    rather than a million objects. plain_values() turns it back."""
    values = column.to_numpy()
    if len(values) >= MOMENT_ROWS and infer_dtype(values, skipna=True) in ("datetime", "date"):
        try:
            moments = pd.DatetimeIndex(values)
        except (TypeError, ValueError):  # aware and naive mixed: sent as they are
            return list(values.tolist())
        if moments.tz is None:
            return moments.to_numpy(dtype="datetime64[us]")
    return list(values.tolist())


def plain_values(column: list[Any] | np.ndarray) -> list[Any]:
    """A column as column_values() sent it, back as plain values: date-times, dates at midnight
    (as the readers give a date cell), None."""
    if isinstance(column, np.ndarray):
        days = column.astype("datetime64[D]")
        midnight = (column == days) & ~np.isnat(column)
        values = column.astype(object)
        values[midnight] = days[midnight].astype(object)
        values[np.isnat(column)] = None
        return list(values.tolist())
    return column


def _pickled(message: tuple[Any, ...]) -> bytes:
    """A message as Connection.send would pickle it. Rows and columns (flat lists of plain values,
    one object per cell, nothing shared) go without the pickler's memo, five times faster."""
    if message[0] not in ("rows", "column"):
        return bytes(ForkingPickler.dumps(message))
    buffer = io.BytesIO()
    pickler = ForkingPickler(buffer)
    pickler.fast = True  # no memo: a list of plain values has no cycle and nothing to share
    pickler.dump(message)
    return buffer.getvalue()


def _serve(conn: TwoPipes, paths: list[Path], sheet: str | None, header_row: int | None,
           deep: bool = True) -> None:
    sender = Sender(conn)
    try:
        _serve_with(sender, conn, paths, sheet, header_row, deep)
    finally:
        sender.close()


def _serve_with(sender: Sender, conn: TwoPipes, paths: list[Path], sheet: str | None,
                header_row: int | None, deep: bool) -> None:
    from kcdesk.core.read.tables import list_sheets, open_tables

    opened: list[list[RawTable]] = []
    for path in paths:
        tables = open_tables(path, sheet=sheet, header_row=header_row, deep=deep)
        opened.append(tables)
        sender.send(("file", [replace(t, _chunker=None) for t in tables]))
    sender.send(("opened",))
    while True:
        message = conn.recv()
        if message[0] == "sheets":
            sender.send(("sheets", list_sheets(paths[message[1]])))
            continue
        if message[0] != "read":
            return
        _, file_number, sheet_number, columns, limit = message
        table = opened[file_number][sheet_number]
        sent = 0
        for chunk in table.chunks(CHUNK_ROWS):
            if limit is not None and sent + len(chunk) > limit:
                chunk = chunk.iloc[:max(limit - sent, 0)]
            if len(chunk):
                # One message per column: the parent unpickles each in a short call, so a thread
                # of the app waiting on the lock (the window's) is never held up long.
                sender.send(("rows", chunk.index.tolist(), len(columns)),
                            *[("column", column_values(chunk[column])) for column in columns])
            sent += len(chunk)
            if limit is not None and sent >= limit:
                break
        sender.send(("end",))
        opened[file_number][sheet_number] = replace(table, _chunker=None)  # its memory goes
