"""The one place the GUI starts threads: runs a core call on QThreadPool with a cancellable progress."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kcdesk.core.errors import KcError
from kcdesk.core.tasks import Cancelled
from kcdesk.gui import messages

log = logging.getLogger("kcdesk.gui.runner")


class FlagProgress:
    """The core's Progress protocol: reports go out by a signal, cancelled() reads the Cancel flag."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._flag = threading.Event()

    def report(self, done: int, total: int, stage: str = "") -> None:
        self._emit(int(done), int(total), stage)

    def cancelled(self) -> bool:
        return self._flag.is_set()

    def cancel(self) -> None:
        self._flag.set()


@dataclass
class Job:
    """A core call to run off the UI thread: fn(progress) -> result; `done` runs on the UI thread."""

    name: str
    fn: Callable[[FlagProgress], Any]
    done: Callable[[Any], None] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)   # the result
    failed = Signal(object, bool)  # () -> the message in the current language, True when it was a cancel


class _Task(QRunnable):
    def __init__(self, job: Job, signals: _Signals, progress: FlagProgress) -> None:
        super().__init__()
        self.job, self.signals, self.progress = job, signals, progress
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread: only signals cross back
        try:
            result = self.job.fn(self.progress)
        except Cancelled:
            self.signals.failed.emit(messages.cancelled, True)
        except KcError as error:
            log.info("%s failed: %s", self.job.name, error.code)
            self.signals.failed.emit(lambda e=error: messages.translate(e), False)
        except Exception:  # a bug: logged with its traceback, the user sees a plain sentence
            log.exception("%s failed unexpectedly", self.job.name)
            self.signals.failed.emit(messages.unexpected, False)
        else:
            self.signals.finished.emit(result)


class Runner(QObject):
    """Runs one job at a time; the window shows progress, Cancel calls `cancel()`."""

    started = Signal(str)            # job name
    progress = Signal(int, int, str)
    succeeded = Signal(str, object)  # job name, result
    failed = Signal(str, str, bool)  # job name, translated message, cancelled
    failed_message = Signal(str, object, bool)  # the same, the message as () -> text (it follows the language)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one job at a time: jobs write the same project file
        self._current: tuple[Job, FlagProgress, _Signals] | None = None
        self._reads: dict[str, Job] = {}  # reads of the store waiting for the job in hand, by name
        self._after_read: Job | None = None  # an action asked for while a read ran: it runs next
        self._shut = False

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def running(self) -> str | None:
        """The name of the job running now (None when idle)."""
        return self._current[0].name if self._current is not None else None

    def start(self, job: Job) -> bool:
        """Start the job unless one is running; False when it was refused. A read of the store (short)
        never refuses an action: the action waits for it and runs next."""
        if self._current is not None:
            if self._current[0].extra.get("read") and self._after_read is None and not job.extra.get("read"):
                self._after_read = job
                return True
            return False
        signals = _Signals()
        progress = FlagProgress(signals.progress.emit)
        signals.progress.connect(self.progress)
        signals.finished.connect(lambda result: self._finish(job, result))
        signals.failed.connect(lambda text, cancelled: self._fail(job, text, cancelled))
        self._current = (job, progress, signals)
        if not job.extra.get("read"):  # a screen's read is quiet: no progress line, no `succeeded`
            self.started.emit(job.name)
        self.pool.start(_Task(job, signals, progress))
        return True

    def read(self, job: Job) -> None:
        """A read of the store a screen shows: started now, or as soon as the job in hand is over (never
        refused; a newer read of the same name replaces one still waiting). `idle` comes after the reads."""
        if self._shut:
            return
        job.extra["read"] = True
        if self._current is None:
            self.start(job)
        else:
            self._reads[job.name] = job

    def _next_read(self) -> bool:
        """After a job: start the oldest waiting read. False when nothing runs or waits (then `idle`);
        a job its callback started already counts as running."""
        if self._current is not None:
            return True
        if self._after_read is not None and not self._shut:
            job, self._after_read = self._after_read, None
            return self.start(job)
        if self._shut or not self._reads:
            return False
        name = next(iter(self._reads))
        return self.start(self._reads.pop(name))

    def cancel(self) -> None:
        self._after_read = None  # an action still waiting for a read does not start
        if self._current is not None:
            self._current[1].cancel()

    def _finish(self, job: Job, result: Any) -> None:
        self._current = None
        if self._shut:  # the window closed while this ran: its project is closed, nothing to show
            return
        try:
            if job.done is not None:
                job.done(result)
        except KcError as error:
            self.failed_message.emit(job.name, lambda e=error: messages.translate(e), False)
            self.failed.emit(job.name, messages.translate(error), False)
        else:
            if not job.extra.get("read"):
                self.succeeded.emit(job.name, result)
        if not self._next_read():
            self.idle.emit()

    def _fail(self, job: Job, text: Callable[[], str], cancelled: bool) -> None:
        self._current = None
        if self._shut:
            return
        self.failed_message.emit(job.name, text, cancelled)
        self.failed.emit(job.name, text(), cancelled)
        if not self._next_read():
            self.idle.emit()

    def shut_down(self) -> None:
        """Closing the window: cancel the job, wait for it, and never run its callbacks afterwards."""
        self._shut = True
        self._reads.clear()
        self._after_read = None
        self.cancel()
        self.wait()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (closing the window, tests)."""
        return self.pool.waitForDone(msecs)
