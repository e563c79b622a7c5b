"""Named reads the analysis stages and the content analysis need: the only SQL they depend on.

Each takes an open Project and returns plain data (a DataFrame or numbers); the stages never see SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import QUARTER_OF, Project

_HASH_MULT, _HASH_MOD = 2654435761, 1_000_003  # a fixed row sample: the same rows on every run


def request_cube(project: Project, quarters: Sequence[Quarter]) -> pd.DataFrame:
    """quarter, topic_id, region, channel, n: one ordered pass over a covering index gives every count
    stages 1 and 2 need."""
    indexes = [q.index for q in quarters]
    return project._query(
        "SELECT quarter, topic_id, region, channel, COUNT(*) AS n FROM requests "
        f"WHERE quarter IN ({','.join('?' * len(indexes))}) GROUP BY quarter, topic_id, region, channel",
        indexes,
    )


def topic_names(project: Project) -> pd.DataFrame:
    """id, name, name_kk, name_ru of every topic (merged ones included: old rows may point at them)."""
    return project._query("SELECT id, name, name_kk, name_ru FROM topics")


def topic_ids(project: Project, name: str) -> list[int]:
    """The ids of topics with this catalogue name."""
    return [int(r[0]) for r in project._connection.execute("SELECT id FROM topics WHERE name = ?", (name,))]


def portrait_cube(project: Project, quarter: Quarter) -> pd.DataFrame:
    """gender, social_status, age, n for the quarter (one ordered pass over the portrait index)."""
    return project._query(
        "SELECT gender, social_status, age, COUNT(*) AS n FROM requests WHERE quarter = ? "
        "GROUP BY gender, social_status, age",
        (quarter.index,),
    )


def value_counts(project: Project, quarter: Quarter, column: str) -> dict[str | None, int]:
    """Requests of the quarter per value of a free portrait column (None: not stated)."""
    if column not in ("marital_status", "education", "occupation"):
        raise ValueError(f"not a free portrait column: {column!r}")
    rows = project._connection.execute(
        f"SELECT {column}, COUNT(*) FROM requests WHERE quarter = ? GROUP BY {column}", (quarter.index,)
    ).fetchall()
    return {k: int(n) for k, n in rows}


def source_counts(project: Project, quarter: Quarter) -> dict[str, int]:
    """Requests of the quarter per import source name."""
    frame = project._query(
        "SELECT i.source, COUNT(*) AS n FROM requests r JOIN imports i ON i.id = r.import_id "
        "WHERE r.quarter = ? GROUP BY i.source", (quarter.index,))
    return {str(s): int(n) for s, n in frame.itertuples(index=False)}


def contact_centres(project: Project, quarter: Quarter) -> pd.DataFrame:
    """name, phone, count of the contact centres named in the quarter's rows, most requests first."""
    return project._query(
        "SELECT contact_centre AS name, MAX(contact_phone) AS phone, COUNT(*) AS count FROM requests "
        "WHERE quarter = ? AND contact_centre IS NOT NULL GROUP BY contact_centre "
        "ORDER BY count DESC, name",
        (quarter.index,),
    )


def duplicates_counted(project: Project, quarter: Quarter) -> int:
    """Repeated rows (same request id) the imports skipped, placed in quarters by the project's rule."""
    column = QUARTER_OF[project.quarter_rule()]
    return int(project._scalar(
        f"SELECT COALESCE(SUM(count), 0) FROM duplicates WHERE {column} = ?", (quarter.index,)) or 0)


def undated_rows(project: Project) -> int:
    """Rows with no readable date: they belong to no quarter."""
    return int(project._scalar("SELECT COUNT(*) FROM requests WHERE quarter IS NULL") or 0)


def request_count(project: Project, quarter: Quarter | None = None, with_text: bool = False) -> int:
    """Stored requests: all, or of one quarter; only those with a question text when asked."""
    where, params = [], []
    if quarter is not None:
        where.append("quarter = ?")
        params.append(quarter.index)
    if with_text:
        where.append("question IS NOT NULL")
    sql = "SELECT COUNT(*) FROM requests" + (" WHERE " + " AND ".join(where) if where else "")
    return int(project._scalar(sql, params) or 0)


def quarter_counts(project: Project) -> pd.DataFrame:
    """quarter (its index), count for every quarter with requests, in order."""
    return project._query(
        "SELECT quarter, COUNT(*) AS count FROM requests WHERE quarter IS NOT NULL GROUP BY quarter "
        "ORDER BY quarter"
    )


def sampled_questions(project: Project, quarter: Quarter, keep: int) -> pd.DataFrame:
    """topic, question, count of the quarter's texts, over a fixed sample of its rows: a row is in when
    (id × a constant) mod 1,000,003 < keep (keep = 1,000,003 takes every row)."""
    return project._query(
        "SELECT t.name AS topic, r.question, COUNT(*) AS count FROM requests r "
        "LEFT JOIN topics t ON t.id = r.topic_id WHERE r.quarter = ? AND r.question IS NOT NULL "
        f"AND (r.id * {_HASH_MULT}) % {_HASH_MOD} < ? GROUP BY r.topic_id, r.question",
        (quarter.index, keep),
    )


SAMPLE_ALL = _HASH_MOD  # `keep` for sampled_questions that takes every row


def quarter_days(project: Project, quarters: Sequence[Quarter]) -> dict[str, int]:
    """Days each quarter covers: from its first to its last request's date (registered, else
    processed), within the quarter; quarters without dates are left out."""
    out: dict[str, int] = {}
    for q in quarters:
        first, last = project._connection.execute(
            "SELECT MIN(substr(COALESCE(registered_at, processed_at), 1, 10)), "
            "MAX(substr(COALESCE(registered_at, processed_at), 1, 10)) FROM requests WHERE quarter = ?",
            (q.index,)).fetchone()
        try:
            start = max(date.fromisoformat(first), q.first_day)
            end = min(date.fromisoformat(last), q.last_day)
        except (TypeError, ValueError):
            continue
        if end >= start:
            out[str(q)] = (end - start).days + 1
    return out
