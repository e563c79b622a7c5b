"""The content-analysis step's actions: each is one call of a core use case (kcdesk.core.usecases.content),
run off the UI thread by the runner where it reads or writes many rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.usecases import content as uc
from kcdesk.core.usecases.content import NAME_KEY, ContentState, GroupDecisions
from kcdesk.gui.runner import FlagProgress, Job

__all__ = ["NAME_KEY", "ContentState", "GroupDecisions", "accept_job", "candidate_marks", "clear_decision",
           "decide_faq", "dismiss_group", "excerpt", "export_requests_job", "faq_list", "group_name",
           "group_requests_job", "members_job", "name_group", "run_job", "search_job", "state", "undo_job"]

Done = Callable[[Any], None] | None
EXCERPT = 160  # characters of a question shown in a table cell


def excerpt(text: object, width: int = EXCERPT) -> str:
    """A question as shown in tables: HTML out, spaces folded, masked again, cut to a line."""
    from kcdesk.core.analyse.content.normalise import display_text

    shown = display_text(str(text)) if isinstance(text, str) else ""
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def state(project: Project, quarter: Quarter, result: dict[str, Any] | None = None) -> ContentState:
    return uc.content_state(project, quarter, result)


def run_job(path: Path, quarter: Quarter, done: Done = None) -> Job:
    """Content analysis of the quarter, kept in the project for the справка; cancel leaves the project as it was."""

    def work(progress: FlagProgress) -> ContentState:
        with Project.open(path) as project:
            return uc.content_state(project, quarter, uc.run_content(project, quarter, progress))

    return Job("content", work, done)


def accept_job(path: Path, quarter: Quarter, result: dict[str, Any], min_confidence: float,
               row_ids: list[int] | None = None, done: Done = None) -> Job:
    """Accept the suggestions at or above a confidence, or exactly the chosen rows; one batch, one undo."""

    def work(progress: FlagProgress) -> ContentState:
        with Project.open(path) as project:
            changed = uc.accept_suggestions(project, quarter, result, min_confidence, row_ids)
            return uc.content_state(project, quarter, result, changed)

    return Job("content_accept", work, done)


def undo_job(path: Path, quarter: Quarter, result: dict[str, Any] | None, provenance: str,
             done: Done = None) -> Job:
    """Put back the topics a batch replaced."""

    def work(progress: FlagProgress) -> ContentState:
        with Project.open(path) as project:
            return uc.content_state(project, quarter, result, uc.undo_batch(project, provenance))

    return Job("content_undo", work, done)


def members_job(path: Path, quarter: Quarter, group: str, out: Path, done: Done = None) -> Job:
    """The requests of one question group written to .xlsx: the analysis runs again with its members
    (the same data gives the same groups) and is kept, like a run of the step."""

    def work(progress: FlagProgress) -> int:
        with Project.open(path) as project:
            project.output_guard().check(out)
            result = uc.run_content(project, quarter, progress, members=True)
            return uc.write_members(result.pop("_members"), out, group)

    return Job("content_members", work, done)


def group_requests_job(path: Path, quarter: Quarter, group: str, membership: Any = None, done: Done = None) -> Job:
    """The requests of one group (id, date, region, masked text) for the group's window; the quarter's
    membership is worked out once (the analysis runs again) and handed back to be reused."""

    def work(progress: FlagProgress) -> tuple[Any, Any]:
        with Project.open(path) as project:
            table = membership if membership is not None else uc.group_membership(project, quarter, progress)
            return table, uc.group_requests(project, table, group)

    return Job("content_group_requests", work, done)


def export_requests_job(path: Path, rows: Any, out: Path, headers: list[str], done: Done = None) -> Job:
    """The rows the group's window shows, written to .xlsx."""

    def work(progress: FlagProgress) -> int:
        with Project.open(path) as project:
            project.output_guard().check(out)
        return uc.write_requests(rows, out, headers)

    return Job("content_export_requests", work, done)


def faq_list(project: Project, quarter: Quarter, result: dict[str, Any] | None) -> list[dict[str, Any]]:
    return uc.faq_list(result, uc.group_decisions(project, quarter))


def search_job(path: Path, text: str, done: Done = None) -> Job:
    """FTS5 search over every question of the project (the index is built on first use)."""

    def work(progress: FlagProgress):
        from kcdesk.core.store.search import search

        with Project.open(path) as project:
            return search(project, text)

    return Job("search", work, done)


def candidate_marks(project: Project, quarter: Quarter) -> tuple[dict[str, str], frozenset[str]]:
    """The officer's names for candidate groups and the ones she dismissed."""
    decisions = uc.group_decisions(project, quarter)
    return decisions.names, decisions.dismissed


def name_group(project: Project, quarter: Quarter, group: str, name: str | None) -> None:
    uc.name_group(project, quarter, group, name)


def group_name(project: Project, quarter: Quarter, group: str, lang: str | None = None) -> str | None:
    """The officer's name for the group (in `lang` where she gave one in it)."""
    return uc.group_name(project, quarter, group, lang)


def dismiss_group(project: Project, quarter: Quarter, group: str, dismissed: bool = True) -> None:
    uc.dismiss_group(project, quarter, group, dismissed)


def decide_faq(project: Project, quarter: Quarter, group: str, status: str | None, question: str | None = None) -> None:
    uc.decide_faq(project, quarter, group, status, question)


def clear_decision(project: Project, quarter: Quarter, group: str) -> None:
    uc.clear_decision(project, quarter, group)
