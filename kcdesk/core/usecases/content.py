"""Content analysis as the officer uses it: run and keep it, accept or undo suggestions, name or dismiss groups."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import Progress

log = logging.getLogger("kcdesk.usecases")

PROVENANCE_PREFIX = "content:"  # content:<quarter>:<UTC stamp>[-n], one per accepted batch
NAME_KEY = "content:name:"  # project text content:name:<group id> = the officer's name for the group
DISMISS_KEY = "content:dismiss:"  # project text content:dismiss:<group id> = "1"
SHOWN = 2000  # open suggestions whose question is fetched for display (the most confident)


@dataclass(frozen=True)
class GroupDecisions:
    """The officer's names for question groups and the groups she dismissed, for one quarter."""

    names: dict[str, str] = field(default_factory=dict)
    dismissed: frozenset[str] = frozenset()

    def decision(self, group: str) -> str | None:
        """"named", "dismissed" or None (still to decide when it is a candidate)."""
        if group in self.names:
            return "named"
        return "dismissed" if group in self.dismissed else None


@dataclass
class ContentState:
    """What the content step shows: the quarter's last analysis, its still-open suggestions and the
    accepted batches."""

    quarter: Quarter
    result: dict[str, Any] | None
    open_rows: set[int] = field(default_factory=set)  # suggestion rows whose topic is still blank/catch-all
    questions: dict[int, str] = field(default_factory=dict)  # the SHOWN most confident open rows -> question
    batches: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["provenance", "requests"]))
    accepted: int | None = None  # rows changed by the action that produced this state


# --- reading ---------------------------------------------------------------------------------
def saved_result(project: Project, quarter: Quarter) -> dict[str, Any] | None:
    """The quarter's last content analysis; None also when the file lacks the results table (files made
    during development with schema 1 before it had one)."""
    try:
        return project.content(quarter)
    except sqlite3.OperationalError as error:
        log.info("no saved content analysis: %s", error)
        return None


def batches(project: Project) -> pd.DataFrame:
    """Accepted suggestion batches (provenance content:<quarter>:<stamp>) with their request counts."""
    fixes = project.catalogue.topic_fixes()
    return fixes[fixes["provenance"].astype(str).str.startswith(PROVENANCE_PREFIX)].reset_index(drop=True)


def _open_rows(project: Project, result: dict[str, Any] | None) -> tuple[set[int], dict[int, str]]:
    """Suggested rows still without a real topic (accepted ones drop out of the table), and the questions
    of the SHOWN most confident of them (a big quarter can have far more than a table should hold)."""
    from kcdesk.core.analyse.content import catch_all_topics
    from kcdesk.core.analyse.content.analyse import clean_topics

    suggestions = [s for s in (result or {}).get("suggestions") or [] if s.get("row_id") is not None]
    rows = project.catalogue.row_topics([int(s["row_id"]) for s in suggestions])
    if rows.empty:
        return set(), {}
    still = set(rows.loc[clean_topics(rows["topic"], catch_all_topics(project)).isna(), "row_id"].astype(int))
    if not still:
        return still, {}
    ranked = sorted((s for s in suggestions if int(s["row_id"]) in still), key=lambda s: -float(s["confidence"]))
    shown = project.catalogue.row_questions([int(s["row_id"]) for s in ranked[:SHOWN]])
    return still, {int(r): q for r, q in zip(shown["row_id"], shown["question"], strict=True)}


def content_state(project: Project, quarter: Quarter, result: dict[str, Any] | None = None,
                  accepted: int | None = None) -> ContentState:
    """The content step's view of a quarter (a few indexed queries); the saved analysis when none is given."""
    if result is None:
        result = saved_result(project, quarter)
    still, questions = _open_rows(project, result)
    return ContentState(quarter, result, still, questions, batches(project), accepted)


def group_decisions(project: Project, quarter: Quarter) -> GroupDecisions:
    texts = project.texts(quarter)
    names = {k[len(NAME_KEY):]: v for k, v in texts.items() if k.startswith(NAME_KEY) and v}
    dismissed = frozenset(k[len(DISMISS_KEY):] for k, v in texts.items() if k.startswith(DISMISS_KEY) and v)
    return GroupDecisions(names, dismissed)


def apply_decisions(result: dict[str, Any], decisions: GroupDecisions) -> dict[str, Any]:
    """The content result as the справка quotes it: a named group is quoted by the officer's name; a
    dismissed group (and the FAQ entries drawn from it) is left out. The stored result is not changed."""
    if not decisions.names and not decisions.dismissed:
        return result
    groups = []
    for group in result.get("groups") or []:
        gid = str(group.get("id"))
        if gid in decisions.dismissed and gid not in decisions.names:
            continue
        groups.append(dict(group, label=decisions.names[gid]) if gid in decisions.names else group)
    faq = [item for item in result.get("faq") or []
           if not (isinstance(item, dict) and str(item.get("group")) in decisions.dismissed
                   and str(item.get("group")) not in decisions.names)]
    return dict(result, groups=groups, faq=faq)


def report_content(project: Project, quarter: Quarter, given: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The content result the справка quotes: the one given (`kcdesk report --content`), else the
    quarter's last run; with the officer's group names and dismissals applied."""
    result = given if given is not None else saved_result(project, quarter)
    if result is None:
        return None
    return apply_decisions(result, group_decisions(project, quarter))


# --- doing -----------------------------------------------------------------------------------
def run_content(project: Project, quarter: Quarter, progress: Progress | None = None) -> dict[str, Any]:
    """Content analysis of the quarter, kept in the project for the справка (the last run of a quarter
    is the one quoted). A file older than the results table shows the result without keeping it."""
    from kcdesk.core.analyse.content import run_content as analyse_texts

    result = analyse_texts(project, quarter, progress)
    try:
        project.save_content(quarter, result)
    except sqlite3.OperationalError as error:
        log.warning("content analysis shown but not kept in the project: %s", error)
    return result


def new_provenance(project: Project, quarter: Quarter) -> str:
    """content:<quarter>:<UTC stamp>; a second batch within the same second gets a suffix, so each batch
    can be undone on its own."""
    base = f"{PROVENANCE_PREFIX}{quarter}:{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"
    taken = set(batches(project)["provenance"].astype(str))
    provenance, n = base, 1
    while provenance in taken:
        n += 1
        provenance = f"{base}-{n}"
    return provenance


def accept_suggestions(project: Project, quarter: Quarter, result: dict[str, Any], min_confidence: float,
                       row_ids: list[int] | None = None) -> int:
    """Accept the suggestions at or above a confidence, or exactly the chosen rows, as one batch (one
    transaction, one provenance to undo it by). Rows whose topic was set meanwhile are left alone.
    Returns the rows changed."""
    from kcdesk.core.analyse.content import accept_suggestions as accept

    chosen, minimum = result, float(min_confidence)
    if row_ids is not None:
        wanted = {int(r) for r in row_ids}
        chosen = dict(result, suggestions=[s for s in result.get("suggestions") or []
                                           if s.get("row_id") is not None and int(s["row_id"]) in wanted])
        minimum = 0.0
    return accept(project, chosen, minimum, new_provenance(project, quarter))


def undo_batch(project: Project, provenance: str) -> int:
    """Put back the topics a batch replaced; returns the rows changed."""
    return project.catalogue.unassign_topics(provenance)


def name_group(project: Project, quarter: Quarter, group: str, name: str | None) -> None:
    """The officer's name for a question group (the справка quotes it); naming takes back a dismissal.
    A blank name clears the name."""
    name = name.strip() if name and name.strip() else None
    project.set_text(quarter, NAME_KEY + group, name)
    if name:
        project.set_text(quarter, DISMISS_KEY + group, None)


def dismiss_group(project: Project, quarter: Quarter, group: str, dismissed: bool = True) -> None:
    """Dismiss a candidate group (the справка leaves it out), or take a dismissal back."""
    project.set_text(quarter, DISMISS_KEY + group, "1" if dismissed else None)
    if dismissed:
        project.set_text(quarter, NAME_KEY + group, None)


def clear_decision(project: Project, quarter: Quarter, group: str) -> None:
    name_group(project, quarter, group, None)
    dismiss_group(project, quarter, group, False)
