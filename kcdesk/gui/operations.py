"""One small function per user action: each returns a runner Job (or does a quick write); widgets call these only."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kcdesk.core.errors import KcError
from kcdesk.core.model import Analysis
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import Cancelled
from kcdesk.core.usecases.importing import FilePlan, import_files, preview_file, remember_mapping
from kcdesk.core.usecases.report import ReportRequest, write_report
from kcdesk.gui.runner import FlagProgress, Job

log = logging.getLogger("kcdesk.gui")

Done = Callable[[Any], None] | None


def open_project(path: Path, create: bool = False) -> Project:
    """Opening is quick (a header check and a few pragmas): done on the UI thread."""
    return Project.open(Path(path), create=create)


def analyse_job(path: Path, quarter: Quarter, done: Done = None) -> Job:
    """The typed analysis of a quarter; the worker opens its own connection (SQLite objects stay in their thread)."""

    def work(progress: FlagProgress) -> Analysis:
        from kcdesk.core.usecases.analysis import analyse_quarter

        with Project.open(path) as project:
            return analyse_quarter(project, quarter, progress)

    return Job("analyse", work, done)


def read_job(name: str, path: Path, read: Callable[[Project], Any], done: Done = None) -> Job:
    """A read of the store for a screen, on the worker with its own connection (Runner.read)."""

    def work(progress: FlagProgress) -> Any:
        with Project.open(path) as project:
            return read(project)

    return Job(name, work, done)


def region_counts_job(path: Path, quarter: Quarter, topic: str | None, done: Done = None) -> Job:
    def work(progress: FlagProgress):
        from kcdesk.core.usecases.analysis import region_counts

        with Project.open(path) as project:
            return region_counts(project, quarter, topic)

    return Job("region_counts", work, done)


def preview_job(path: Path, file: Path, sheet: str | None, header_row: int | None,
                overrides: dict[str, str] | None, done: Done = None) -> Job:
    def work(progress: FlagProgress):
        plan = FilePlan(Path(file), sheet, header_row, dict(overrides) if overrides else None)
        with Project.open(path) as project:
            return preview_file(project, plan)

    return Job("preview", work, done)


def save_preset(project: Project, plan: FilePlan) -> None:
    """The column choices are remembered for files of this name (the source)."""
    remember_mapping(project, plan)


@dataclass
class ImportOutcome:
    """What an import left in the project: the calls that were committed, and, when the batch stopped early
    (Cancel, or an error in a later file), why and which files were not imported."""

    results: list[Any]                      # the committed ImportResult of each call, in order
    stopped: BaseException | None = None   # Cancelled, a KcError or a bug, raised after `results` were kept
    not_imported: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Any]:
        return [f for r in self.results for f in r.files]


def import_job(path: Path, plans: list[FilePlan], done: Done = None) -> Job:
    """The officer's choices per file are passed in (not read back from a preset); files with the same
    choices go in one call (one transaction). A cancel or an error rolls back the current call only: the
    calls already committed are reported as kept, never hidden."""

    def work(progress: FlagProgress) -> ImportOutcome:
        outcome = ImportOutcome([])
        committed: set[Path] = set()

        def kept(result: Any, files: list[Path]) -> None:
            outcome.results.append(result)
            committed.update(files)

        try:
            import_files(path, plans, progress, on_committed=kept)
        except BaseException as error:
            if not outcome.results:  # nothing was kept: the runner's usual message is the truth
                raise
            if not isinstance(error, (Cancelled, KcError)):
                log.exception("import stopped after %d committed part(s)", len(outcome.results))
            outcome.stopped = error
            outcome.not_imported = [Path(p.file) for p in plans if Path(p.file) not in committed]
        return outcome

    return Job("import", work, done)


def fix_value(project: Project, field: str, raw_value: str, code: str) -> int:
    """Quick indexed update: remembered for every later import too."""
    return project.catalogue.add_value_mapping(field, raw_value, code)


def set_text(project: Project, quarter: Quarter, key: str, value: str | None) -> None:
    project.set_text(quarter, key, value if value and value.strip() else None)


def set_setting(project: Project, key: str, value: Any) -> None:
    project.set_setting(key, value)


def set_comparison_basis(project: Project, basis: str) -> None:
    """The quarter the +30 % rule compares with ("previous" / "year_ago"): the project setting that
    `kcdesk analyze/report --basis` sets too."""
    project.set_comparison_basis(basis)


def set_reference_total(project: Project, quarter: Quarter, channel: str, count: int | None) -> None:
    project.set_reference_total(quarter, channel, count)


def set_report_state(project: Project, quarter: Quarter, state: str, on: date) -> None:
    project.set_report_state(quarter, state, on)


def check_output(project: Project, target: Path, folder: bool = False) -> Path:
    """The core's output guard, asked as soon as a save dialog returns (the job asks again)."""
    guard = project.output_guard()
    return guard.check_folder(target) if folder else guard.check(target)


def check_template(template: Path) -> Path:
    """A template picked in the справка step is checked at once by the core's sandbox rules."""
    from kcdesk.core.report.docx_builder import check_template as core_check

    return core_check(template)


def render_charts(analysis: Analysis, lang: str) -> tuple[Path, dict[str, Path]]:
    """Charts are Qt widgets, so they are drawn here on the UI thread (a second or so); the job writes the files."""
    from kcdesk.charts.report_charts import render_report_charts

    folder = Path(tempfile.mkdtemp(prefix="kcdesk-charts-"))
    return folder, render_report_charts(analysis, lang, folder)


def report_job(path: Path, request: ReportRequest, analysis: Analysis, charts: dict[str, Path],
               chart_folder: Path | None = None, done: Done = None) -> Job:
    """The справка and its companions through the same use case as `kcdesk report`."""

    def work(progress: FlagProgress) -> list[Path]:
        try:
            with Project.open(path) as project:
                return write_report(project, request, analysis, charts, progress)
        finally:
            if chart_folder is not None:
                shutil.rmtree(chart_folder, ignore_errors=True)

    return Job("report", work, done)


def demo_copy(source: Path, folder: Path) -> Path:
    """The bundled demo is never written: the user works on a copy in their data folder."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "demo.kcdesk"
    if not target.exists():
        shutil.copy2(source, target)
    return target
