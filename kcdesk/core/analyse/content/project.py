"""The content analysis on a project: build the frame from the store, accept suggestions as topic fixes."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pandas as pd

from kcdesk.core.analyse.content.analyse import DEFAULT_CATCH_ALL, analyse_content, clean_topics
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import queries
from kcdesk.core.tasks import Progress, check

CATCH_ALL_SETTING = "content.catch_all"
PREVIOUS_ROWS = 250_000  # rows of the previous quarter read (a sample beyond that)
EARLIER_ROWS = 60_000  # rows of each older quarter read

def catch_all_topics(project: Any) -> list[str]:
    """The project's catch-all topic names (editable setting), or the default list."""
    value = project.get_setting(CATCH_ALL_SETTING)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return list(DEFAULT_CATCH_ALL)

def _earlier_frame(project: Any, quarters: list[Quarter], previous: Quarter) -> pd.DataFrame:
    """Earlier quarters as distinct (question, topic, quarter) with a count.

    A big quarter is read as a deterministic sample of its rows (about PREVIOUS_ROWS for the
    previous quarter, EARLIER_ROWS for older ones) with the counts scaled to its total: memory
    stays bounded by the sample, not by the years of history a project holds.
    """
    parts = []
    for q in quarters:
        total = queries.request_count(project, q)
        cap = PREVIOUS_ROWS if q == previous else EARLIER_ROWS
        keep = queries.SAMPLE_ALL if total <= cap else int(queries.SAMPLE_ALL * cap / total) + 1
        part = queries.sampled_questions(project, q, keep)
        if part.empty:
            continue
        sampled = part["count"].sum()
        with_text = queries.request_count(project, q, with_text=True)
        if keep < queries.SAMPLE_ALL and sampled:
            part["count"] = part["count"] * (with_text / sampled)
        parts.append(part.assign(quarter=str(q)))
    columns = ["row_id", "request_id", "quarter", "topic", "region", "channel", "question", "count"]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True)
    return frame.assign(row_id=None, request_id=None, region=None, channel=None)[columns]


def run_content(project: Any, quarter: Quarter, progress: Progress | None = None,
                members: bool = False) -> dict[str, Any]:
    """analyse_content over the quarter's requests and every earlier quarter of the project
    (with members=True the result holds "_members", the quarter's requests with their group)."""
    earlier = [q for q in project.quarters() if q < quarter]
    now = project.catalogue.question_frame([quarter]).assign(count=1)
    check(progress)
    frame = pd.concat([_earlier_frame(project, earlier, quarter.previous()), now], ignore_index=True)
    days = queries.quarter_days(project, [*earlier, quarter])
    return analyse_content(frame, quarter, catch_all_topics(project), progress, members=members, days=days)

def accept_suggestions(project: Any, content_result: dict[str, Any], min_confidence: float,
                       provenance: str | None = None) -> int:
    """Store the suggestions with confidence >= min_confidence as topic fixes; returns rows changed.

    Rows whose topic was set meanwhile (no longer blank or a catch-all) are left alone.
    """
    if provenance is None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        provenance = f"content:{content_result['quarter']}:{stamp}"
    table = pd.DataFrame(content_result.get("suggestions") or [],
                         columns=["id", "row_id", "topic", "confidence", "uncertain"])
    table = table[table["confidence"].astype(float) >= float(min_confidence)]
    if table.empty:
        return 0
    now = project.catalogue.row_topics(table["row_id"].astype(int).tolist())
    open_rows = set(now.loc[clean_topics(now["topic"], catch_all_topics(project)).isna(), "row_id"].astype(int))
    table = table[table["row_id"].astype(int).isin(open_rows)]
    if table.empty:
        return 0
    batch = {str(topic): part["row_id"].astype(int).tolist() for topic, part in table.groupby("topic")}
    return int(project.catalogue.assign_topic_batch(batch, provenance))  # one transaction for the whole batch
