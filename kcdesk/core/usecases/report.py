"""Write the справка and its companions: the one path behind `kcdesk report` and the app's справка step."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcdesk.core.errors import KcError
from kcdesk.core.model import Analysis
from kcdesk.core.quarters import Quarter
from kcdesk.core.report.wording import Section
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import NullProgress, Progress
from kcdesk.core.usecases.content import report_content
from kcdesk.core.vocabulary import Lang, as_lang

if TYPE_CHECKING:
    from kcdesk.core.report.docx_builder import ReportInput

log = logging.getLogger("kcdesk.usecases")


@dataclass(frozen=True)
class ReportRequest:
    """What the officer asks to be written; at least one of docx / pdf. A PDF without a .docx path is
    converted from a scratch .docx that is removed afterwards ("Save PDF" writes the PDF only)."""

    quarter: Quarter
    lang: Lang
    docx: Path | None = None
    xlsx: Path | None = None
    pdf: Path | None = None
    workplans: Path | None = None  # a folder
    template: Path | None = None
    content: dict[str, Any] | None = None  # content JSON to quote instead of the project's last run

    def __post_init__(self) -> None:
        as_lang(self.lang)
        if self.template is not None and not self.template.is_file():
            raise KcError("template_missing", file=str(self.template))



def check_outputs(project: Project, request: ReportRequest, inputs: Sequence[Path | None] = ()) -> None:
    """Refuse (KcError) before any work when an output would replace the project, a file the command reads,
    an imported export, a link, a device or a pipe, or lies in a missing folder (core.outputs)."""
    guard = project.output_guard([request.template, *inputs])
    for out in (request.docx, request.xlsx, request.pdf):
        if out is not None:
            guard.check(out)
    if request.workplans is not None:
        guard.check_folder(request.workplans)


def readiness(project: Project, quarter: Quarter, lang: Lang, analysis: Analysis) -> list[Any]:
    """What a head would send back before signing (kcdesk.core.report.readiness); never blocks saving."""
    from kcdesk.core.report.readiness import checklist

    unresolved = project.catalogue.unresolved()
    counts: dict[str, int] = {}
    for field, count in zip(unresolved["field"], unresolved["count"], strict=True):
        counts[str(field)] = counts.get(str(field), 0) + int(count)
    return checklist(analysis, project.settings(), project.texts(quarter), lang, counts)


def write_report(project: Project, request: ReportRequest, analysis: Analysis,
                 charts: dict[str, Path] | None = None, progress: Progress | None = None) -> list[Path]:
    """The справка (.docx) with the content-analysis paragraph and FAQ from the quarter's last content
    analysis (the officer's group names and dismissals applied), then the .xlsx, the work plans and the
    PDF that were asked for. Returns the files written, in that order."""
    check_outputs(project, request, list((charts or {}).values()))
    progress = progress or NullProgress()
    settings = project.settings()
    texts = project.texts(request.quarter)
    content = report_content(project, request.quarter, request.content, request.lang)
    docx = request.docx
    scratch = None
    if docx is None and request.pdf is not None:
        scratch = Path(tempfile.mkdtemp(prefix="kcdesk-pdf-"))
        docx = scratch / request.pdf.with_suffix(".docx").name
    try:
        from kcdesk.core.report.docx_builder import ReportInput

        inp = ReportInput(analysis=analysis, settings=settings, texts=texts, content=content,
                          charts=dict(charts or {}), sources_without=project.sources_without())
        return _write(request, inp, docx, scratch is None, progress)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _write(request: ReportRequest, inp: ReportInput, docx: Path | None, keep_docx: bool,
           progress: Progress) -> list[Path]:
    from kcdesk.core.report.docx_builder import build_report
    from kcdesk.core.report.workplans import build_workplans
    from kcdesk.core.report.xlsx_builder import build_xlsx

    steps = sum(x is not None for x in (request.docx, request.xlsx, request.pdf, request.workplans))
    written: list[Path] = []
    progress.report(0, steps, "report")
    if docx is not None:
        built = build_report(inp, docx, request.lang, request.template)
        if keep_docx:
            written.append(built)
        progress.report(len(written), steps, "report")
    if request.xlsx is not None:
        written.append(build_xlsx(inp.analysis, inp.settings, request.xlsx, request.lang))
        progress.report(len(written), steps, "report")
    if request.workplans is not None:
        written += build_workplans(inp.analysis, inp.settings, inp.texts, request.workplans, request.lang,
                                   inp.content)
    if request.pdf is not None and docx is not None:
        from kcdesk.core.report.pdf import to_pdf

        written.append(to_pdf(docx, request.pdf))
    progress.report(steps, steps, "report")
    return written


def report_text(project: Project, quarter: Quarter, analysis: Analysis,
                lang: str) -> tuple[list[Section], dict[str, str]]:
    """The справка's prose as the app shows it for editing: the sections with the officer's texts applied,
    and the plain draft of each paragraph (by key). Drafted from the same inputs as write_report (the
    settings and the content analysis with her group decisions), so the screen shows what is written."""
    from kcdesk.core.report.wording import draft

    settings = project.settings()
    content = report_content(project, quarter, lang=lang)
    missing = project.sources_without()
    drafted = {p.key: p.text for s in draft(analysis, lang, None, content, settings, missing) for p in s.paragraphs}
    return draft(analysis, lang, project.texts(quarter), content, settings, missing), drafted
