"""The content-analysis step's runner jobs: run and save the analysis, accept or undo suggestions, search."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.gui.runner import FlagProgress, Job

log = logging.getLogger("kcdesk.gui.content")
Done = Callable[[Any], None] | None
PROVENANCE_PREFIX = "content:"
NAME_KEY = "content:name:"
DISMISS_KEY = "content:dismiss:"
_ID_CHUNK = 900  # SQLite host parameters per statement
SHOWN = 2000  # suggestions listed in the table (the most confident); bulk accept takes them all
EXCERPT = 160  # characters of a question shown in a table cell


@dataclass
class ContentState:
    """What the step shows: the quarter's last analysis, its still-open suggestions and the accepted batches."""

    quarter: Quarter
    result: dict[str, Any] | None
    open_rows: set[int] = field(default_factory=set)  # suggestion rows whose topic is still blank/catch-all
    excerpts: dict[int, str] = field(default_factory=dict)  # the rows the table shows -> question excerpt
    batches: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["provenance", "requests"]))
    accepted: int | None = None  # rows changed by the action that produced this state


def excerpt(text: object, width: int = EXCERPT) -> str:
    """A question as shown in tables: HTML out, spaces folded, masked again, cut to a line."""
    from kcdesk.core.analyse.content.normalise import display_text

    shown = display_text(str(text)) if isinstance(text, str) else ""
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def _rows(project: Project, ids: list[int], columns: str) -> pd.DataFrame:
    parts = []
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start:start + _ID_CHUNK]
        parts.append(project.query(
            f"SELECT r.id AS row_id, {columns} FROM requests r LEFT JOIN topics t ON t.id = r.topic_id "
            f"WHERE r.id IN ({','.join('?' * len(chunk))})", chunk))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["row_id"])


def _open_rows(project: Project, result: dict[str, Any] | None) -> tuple[set[int], dict[int, str]]:
    """Suggested rows still without a real topic (accepted ones drop out of the table), and the excerpts
    of the SHOWN most confident of them (a big quarter can have far more than a table should hold)."""
    from kcdesk.core.analyse.content import catch_all_topics
    from kcdesk.core.analyse.content.analyse import clean_topics

    suggestions = [s for s in (result or {}).get("suggestions") or [] if s.get("row_id") is not None]
    rows = _rows(project, [int(s["row_id"]) for s in suggestions], "t.name AS topic")
    if rows.empty:
        return set(), {}
    still = set(rows.loc[clean_topics(rows["topic"], catch_all_topics(project)).isna(), "row_id"].astype(int))
    if not still:
        return still, {}
    ranked = sorted((s for s in suggestions if int(s["row_id"]) in still), key=lambda s: -float(s["confidence"]))
    shown = _rows(project, [int(s["row_id"]) for s in ranked[:SHOWN]], "r.question")
    return still, {int(r): excerpt(q) for r, q in zip(shown["row_id"], shown["question"], strict=True)}


def batches(project: Project) -> pd.DataFrame:
    """Accepted suggestion batches (provenance content:<quarter>:<stamp>) with their request counts."""
    fixes = project.topic_fixes()
    return fixes[fixes["provenance"].astype(str).str.startswith(PROVENANCE_PREFIX)].reset_index(drop=True)


def saved(project: Project, quarter: Quarter) -> dict[str, Any] | None:
    """The quarter's last content analysis; None also when the file lacks the results table (files made
    during development with schema 1 before it had one: run_job then shows its result without keeping it)."""
    try:
        return project.content(quarter)
    except sqlite3.OperationalError as error:
        log.info("no saved content analysis: %s", error)
        return None


def state(project: Project, quarter: Quarter, result: dict[str, Any] | None = None,
          accepted: int | None = None) -> ContentState:
    """The step's view of a quarter (quick: a few indexed queries); the saved analysis when none is given."""
    if result is None:
        result = saved(project, quarter)
    still, excerpts = _open_rows(project, result)
    return ContentState(quarter, result, still, excerpts, batches(project), accepted)


def run_job(path: Path, quarter: Quarter, done: Done = None) -> Job:
    """Content analysis of the quarter, kept in the project for the справка; cancel leaves the project as it was."""

    def work(progress: FlagProgress) -> ContentState:
        from kcdesk.core.analyse.content import run_content

        with Project.open(path) as project:
            result = run_content(project, quarter, progress)
            try:
                project.save_content(quarter, result)
            except sqlite3.OperationalError as error:  # a project file older than the results table
                log.warning("content analysis shown but not kept in the project: %s", error)
            return state(project, quarter, result)

    return Job("content", work, done)


def _provenance(project: Project, quarter: Quarter) -> str:
    """content:<quarter>:<UTC stamp> as the CLI writes it; a second batch within the same second gets a
    suffix, so each batch can be undone on its own."""
    from datetime import datetime, timezone

    base = f"{PROVENANCE_PREFIX}{quarter}:{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"
    taken = set(batches(project)["provenance"].astype(str))
    provenance, n = base, 1
    while provenance in taken:
        n += 1
        provenance = f"{base}-{n}"
    return provenance


def accept_job(path: Path, quarter: Quarter, result: dict[str, Any], min_confidence: float,
               row_ids: list[int] | None = None, done: Done = None) -> Job:
    """Accept the suggestions at or above a confidence, or exactly the chosen rows; one provenance per batch."""

    def work(progress: FlagProgress) -> ContentState:
        from kcdesk.core.analyse.content import accept_suggestions

        chosen = result
        minimum = float(min_confidence)
        if row_ids is not None:
            wanted = {int(r) for r in row_ids}
            chosen = dict(result, suggestions=[s for s in result.get("suggestions") or []
                                               if s.get("row_id") is not None and int(s["row_id"]) in wanted])
            minimum = 0.0
        with Project.open(path) as project:
            changed = accept_suggestions(project, chosen, minimum, _provenance(project, quarter))
            return state(project, quarter, result, changed)

    return Job("content_accept", work, done)


def undo_job(path: Path, quarter: Quarter, result: dict[str, Any] | None, provenance: str,
             done: Done = None) -> Job:
    """Put back the topics a batch replaced."""

    def work(progress: FlagProgress) -> ContentState:
        with Project.open(path) as project:
            changed = project.unassign_topics(provenance)
            return state(project, quarter, result, changed)

    return Job("content_undo", work, done)


def search_job(path: Path, text: str, done: Done = None) -> Job:
    """FTS5 search over every question of the project (the index is built on first use)."""

    def work(progress: FlagProgress):
        from kcdesk.core.store.search import search

        with Project.open(path) as project:
            return search(project, text)

    return Job("search", work, done)


def candidate_marks(project: Project, quarter: Quarter) -> tuple[dict[str, str], set[str]]:
    """The officer's names for candidate groups and the ones she dismissed (project texts)."""
    texts = project.texts(quarter)
    names = {k[len(NAME_KEY):]: v for k, v in texts.items() if k.startswith(NAME_KEY) and v}
    dismissed = {k[len(DISMISS_KEY):] for k, v in texts.items() if k.startswith(DISMISS_KEY) and v}
    return names, dismissed


def name_group(project: Project, quarter: Quarter, group: str, name: str | None) -> None:
    """Naming a candidate also takes back a dismissal (the officer changed her mind)."""
    project.set_text(quarter, NAME_KEY + group, name.strip() if name and name.strip() else None)
    if name and name.strip():
        project.set_text(quarter, DISMISS_KEY + group, None)


def dismiss_group(project: Project, quarter: Quarter, group: str, dismissed: bool = True) -> None:
    project.set_text(quarter, DISMISS_KEY + group, "1" if dismissed else None)
    if dismissed:
        project.set_text(quarter, NAME_KEY + group, None)
