"""The open project as the steps see it: the project, the chosen quarter, its analysis, the runner."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kcdesk.core.model import Analysis
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import lock
from kcdesk.core.store.project import Project
from kcdesk.gui import operations
from kcdesk.gui.runner import Runner

log = logging.getLogger("kcdesk.gui")


class Session(QObject):
    """Steps read `project`, `quarter` and `analysis`; they never open threads or SQLite themselves."""

    project_changed = Signal()
    analysis_changed = Signal()
    message = Signal(object, str)  # text or () -> text (then it follows a language switch), kind (info/warning/error)
    region_chosen = Signal(str)  # a region picked on the map: stage 2 shows its top 10

    def __init__(self, runner: Runner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or Runner(self)
        self.project: Project | None = None
        self.quarter: Quarter | None = None
        self.analysis: Analysis | None = None
        self.topic_undo: list[tuple[Any, ...]] = []  # the topic catalogue's changes, last first, while open
        self._refresh_pending = False
        self.runner.idle.connect(self._after_job)

    def start(self, job) -> bool:
        """Start a job; when another is running, say so instead of queueing silently."""
        if self.runner.start(job):
            return True
        self.message.emit(lambda: QCoreApplication.translate("Session", "Please wait: another task is still running."),
                          "warning")
        return False

    def _after_job(self) -> None:
        if self._refresh_pending:
            self.refresh()

    # --- project -----------------------------------------------------------------------
    def open(self, project: Project) -> None:
        self.close()
        self.project = project
        lock.acquire(project.path)  # tells another kcdesk that this project is open here
        quarters = project.quarters()  # UI thread on purpose: DISTINCT over the quarter index, a few rows
        self.quarter = quarters[-1] if quarters else None
        self.analysis = None
        self.project_changed.emit()
        self.refresh()

    def close(self) -> None:
        if self.project is not None:
            lock.release(self.project.path)
            self.project.close()
        self.project, self.quarter, self.analysis = None, None, None
        self.topic_undo = []

    def quarters(self) -> list[Quarter]:
        return self.project.quarters() if self.project is not None else []

    # --- analysis ------------------------------------------------------------------------
    def set_quarter(self, quarter: Quarter) -> None:
        if quarter != self.quarter:
            self.quarter = quarter
            self.refresh()

    def refresh(self) -> bool:
        """Re-run the analysis of the chosen quarter in the background (after an import or a fix)."""
        if self.project is None or self.quarter is None:
            self.analysis = None
            self.analysis_changed.emit()
            return False
        quarter = self.quarter

        def done(result: dict[str, Any]) -> None:
            if quarter == self.quarter:
                self.analysis = result
                self.analysis_changed.emit()

        started = self.runner.start(operations.analyse_job(self.project.path, quarter, done))
        self._refresh_pending = not started  # a fix made during an import: analyse once it is over
        return started
