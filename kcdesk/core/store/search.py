"""Full-text search over the question texts of a project (SQLite FTS5, built lazily, kept in step)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter

# External-content index over requests(question): the texts are not stored twice. The
# unicode61 tokenizer folds case but keeps diacritics, so Kazakh letters stay distinct (ә ≠ а).
_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS question_fts USING fts5(question, content='requests', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
)
_STATE = "CREATE TABLE IF NOT EXISTS question_fts_state (last_id INTEGER NOT NULL, rows INTEGER NOT NULL)"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


@dataclass
class SearchResult:
    query: str
    total: int
    by_quarter: pd.DataFrame  # quarter ("2026-Q3"), count — ascending
    by_region: pd.DataFrame  # region (code or None), count — most first
    by_topic: pd.DataFrame  # topic (name or None), count — most first
    examples: list[dict[str, Any]] = field(default_factory=list)  # row_id, quarter, region, topic, question


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word must occur, as a prefix ("отоплен" finds
    "отопления"); text in double quotes is an exact phrase. Operators and syntax are never passed
    through, so any input is a valid query."""
    parts = []
    for phrase in _PHRASE.findall(text):
        words = _TOKEN.findall(phrase.casefold())
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", text)
    parts += [f'"{word}"*' for word in _TOKEN.findall(rest.casefold())]
    return " AND ".join(parts)


def ensure_index(project: Any) -> int:
    """Create the index on first use, add rows imported since, rebuild after rows were removed.

    Returns the number of rows (re)indexed now.
    """
    con = project._connection
    last_id, count = con.execute("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM requests").fetchone()
    state = None
    exists = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'question_fts_state'").fetchone()
    if exists:
        state = con.execute("SELECT last_id, rows FROM question_fts_state").fetchone()
    if state is not None and state[0] == last_id and state[1] == count:
        return 0
    with project.transaction() as tx:
        tx.execute(_CREATE)
        tx.execute(_STATE)
        added = 0
        if state is not None:
            newer = tx.execute("SELECT COUNT(*) FROM requests WHERE id > ?", (state[0],)).fetchone()[0]
            if state[0] <= last_id and state[1] + newer == count:  # only new rows since
                tx.execute(
                    "INSERT INTO question_fts(rowid, question) SELECT id, question FROM requests "
                    "WHERE id > ? AND question IS NOT NULL", (state[0],))
                added = newer
            else:
                state = None  # rows were removed (an undone import): the index is rebuilt
        if state is None:
            tx.execute("INSERT INTO question_fts(question_fts) VALUES ('rebuild')")
            added = count
        tx.execute("DELETE FROM question_fts_state")
        tx.execute("INSERT INTO question_fts_state(last_id, rows) VALUES (?, ?)", (last_id, count))
    return added


def search(project: Any, query: str, limit: int = 50) -> SearchResult:
    """Requests whose question holds every word of the query: counts by quarter, region, topic and
    the best-matching examples (as stored: personal data was masked at import)."""
    match = fts_query(query)
    if not match:
        raise KcError("search_empty", value=query)
    ensure_index(project)
    con = project._connection
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _search_hits (id INTEGER PRIMARY KEY)")
    con.execute("DELETE FROM _search_hits")
    try:
        con.execute("INSERT INTO _search_hits(id) SELECT rowid FROM question_fts WHERE question_fts MATCH ?",
                    (match,))
        # Stale index entries (none expected) would not join: counts always come from requests.
        hits = "FROM _search_hits h JOIN requests r ON r.id = h.id"
        by_quarter = project._query(f"SELECT r.quarter, COUNT(*) AS count {hits} GROUP BY r.quarter ORDER BY r.quarter")
        by_quarter["quarter"] = [None if pd.isna(q) else str(Quarter.from_index(int(q))) for q in by_quarter["quarter"]]
        by_region = project._query(f"SELECT r.region, COUNT(*) AS count {hits} GROUP BY r.region "
                                  "ORDER BY count DESC, r.region")
        by_topic = project._query(f"SELECT t.name AS topic, COUNT(*) AS count {hits} "
                                 "LEFT JOIN topics t ON t.id = r.topic_id GROUP BY r.topic_id ORDER BY count DESC, topic")
        total = int(by_quarter["count"].sum())
        examples = project._query(
            "SELECT r.id AS row_id, r.quarter, r.region, t.name AS topic, r.question "
            "FROM (SELECT rowid AS id, rank FROM question_fts WHERE question_fts MATCH ? ORDER BY rank LIMIT ?) m "
            "JOIN requests r ON r.id = m.id LEFT JOIN topics t ON t.id = r.topic_id ORDER BY m.rank",
            (match, int(limit)),
        )
    finally:
        con.execute("DELETE FROM _search_hits")
    examples["quarter"] = [None if pd.isna(q) else str(Quarter.from_index(int(q))) for q in examples["quarter"]]
    records = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in examples.to_dict("records")]
    return SearchResult(query, total, by_quarter, by_region, by_topic, records)
