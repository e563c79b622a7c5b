"""Storing an import: one transaction, a record per imported sheet, chunks of normalised rows.

The import pipeline (kcdesk/core/importing) reads and normalises; everything it writes goes
through an ImportWriter, so the SQL of an import lives here."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import opening, schema
from kcdesk.core.store.catalogue import topic_ids
from kcdesk.core.store.project import Project
from kcdesk.core.store.schema import READING_INDEXES

BULK_ROWS = 100_000


class ImportWriter:
    """One import transaction on an open project: begin(), per sheet start()/store()/finish(), then
    commit() (or rollback(); a dry run always rolls back)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.con = project._connection
        self.rebuild_indexes = False
        self._rule = "registered"
        self._maps: dict[str, dict[str, str]] = {}

    def begin(self, expected_rows: int) -> None:
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise KcError("project_locked", file=self.project.path.name) from None
        self.con.execute("CREATE TEMP TABLE IF NOT EXISTS _chunk_ids (id TEXT PRIMARY KEY)")
        # A large page cache keeps index updates of a big import in memory (about 96 MB at most,
        # so a 1M-row import stays under 1 GB).
        self.con.execute("PRAGMA cache_size = -98304")
        self._rule = self.project.quarter_rule()
        self._maps = self.project.catalogue.user_maps()
        # A bulk import into a small project: the reading indexes are built once at the end
        # (sorting once is several times cheaper than updating them row by row). DDL is
        # transactional in SQLite, so a failure or cancel restores them as they were.
        largest = self.con.execute("SELECT MAX(id) FROM requests").fetchone()[0] or 0
        self.rebuild_indexes = expected_rows > BULK_ROWS and expected_rows > largest
        if self.rebuild_indexes:
            for name in READING_INDEXES:
                self.con.execute(f"DROP INDEX IF EXISTS {name}")

    @property
    def user_maps(self) -> dict[str, dict[str, str]]:
        return self._maps

    def preset(self, source: str) -> dict[str, str] | None:
        return self.project.get_preset(source)

    def save_preset(self, source: str, mapping: dict[str, str]) -> None:
        """The user's corrections become the source's preset (inside this transaction)."""
        self.con.execute("INSERT OR REPLACE INTO presets(source, mapping) VALUES (?, ?)",
                         (source, json.dumps(mapping, ensure_ascii=False)))

    def already_imported(self, digest: str, sheets: tuple[str, ...]) -> bool:
        """Whether this file's sheet (stored under any of `sheets`: masked, or as it was) is in."""
        marks = ", ".join("?" * len(sheets))
        return self.con.execute(f"SELECT 1 FROM imports WHERE sha256 = ? AND sheet IN ({marks})",
                                (digest, *sheets)).fetchone() is not None

    def start(self, file: str, sheet: str, source: str, digest: str, header_row: int,
              mapping: dict[str, str | None]) -> int:
        """The record of one imported sheet; its id tags the rows stored for it."""
        cursor = self.con.execute(
            "INSERT INTO imports(file, sheet, source, sha256, imported_at, header_row, mapping) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (file, sheet, source, digest, datetime.now().isoformat(timespec="seconds"), header_row,
             json.dumps(mapping, ensure_ascii=False)),
        )
        return int(cursor.lastrowid or 0)

    def store(self, import_id: int | np.ndarray, rows: pd.DataFrame,
              problems: pd.DataFrame) -> dict[int, tuple[int, int]]:
        """Normalised rows (and their problems) → {import id: (stored, duplicates)}. `import_id` is
        one id for all rows, or one per row (several small sheets stored together); problems
        then carry their own import_id column."""
        if not problems.empty:
            if "import_id" not in problems:
                problems = problems.assign(import_id=import_id)
            self.con.executemany(
                "INSERT INTO problems(import_id, sheet_row, field, reason, value) VALUES (?, ?, ?, ?, ?)",
                problems[["import_id", "sheet_row", "field", "reason", "value"]].astype(object)
                .where(problems.notna(), None).to_numpy().tolist(),
            )
        return _store_rows(self.con, import_id, rows, self._rule)

    def finish(self, import_id: int, rows_read: int, rows_stored: int, duplicates: int,
               bad_dates: int) -> None:
        self.con.execute(
            "UPDATE imports SET rows_read = ?, rows_stored = ?, duplicates = ?, bad_dates = ? WHERE id = ?",
            (rows_read, rows_stored, duplicates, bad_dates, import_id),
        )

    def build_indexes(self) -> None:
        if self.rebuild_indexes:
            for statement in schema.reading_index_statements():
                self.con.execute(statement)
            self.rebuild_indexes = False

    def commit(self) -> None:
        self.con.execute("DELETE FROM temp._chunk_ids")
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        try:
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
        except sqlite3.Error:  # SQLite already rolled back (SQLITE_FULL)
            pass

    def storage_error(self, error: sqlite3.OperationalError) -> KcError:
        """A full disk or a read-only file met while writing: one clear line."""
        return opening.storage_error(self.project.path, error)


def _store_rows(con: sqlite3.Connection, import_id: int | np.ndarray, rows: pd.DataFrame,
                rule: str) -> dict[int, tuple[int, int]]:
    rows = rows.copy()
    ids = topic_ids(con, rows["topic"].dropna().unique())
    rows["topic_id"] = rows["topic"].map(ids)
    rows = rows.drop(columns=["topic"])
    quarter = rows["reg_quarter"] if rule == "registered" else rows["proc_quarter"].fillna(rows["reg_quarter"])
    rows["quarter"] = quarter
    rows.insert(0, "import_id", import_id)
    # A request id seen before (earlier in this chunk, or already in the project) is a duplicate:
    # counted by quarter, not stored.
    has_id = rows["request_id"].notna()
    duplicate = has_id & rows.duplicated("request_id")
    fresh = has_id & ~duplicate
    if fresh.any():
        con.execute("DELETE FROM temp._chunk_ids")
        con.executemany("INSERT INTO temp._chunk_ids(id) VALUES (?)", zip(rows.loc[fresh, "request_id"]))
        # Each chunk id looked up in the unique index (a JOIN let the planner scan the whole
        # index at every chunk: quadratic in the import's size).
        stored = {r[0] for r in con.execute(
            "SELECT c.id FROM temp._chunk_ids c WHERE EXISTS "
            "(SELECT 1 FROM requests r WHERE r.request_id = c.id)")}
        if stored:
            duplicate |= fresh & rows["request_id"].isin(stored)
    _log_duplicates(con, rows[duplicate])
    if np.ndim(import_id) == 0:
        counts = {int(import_id): (int((~duplicate).sum()), int(duplicate.sum()))}
    else:
        per_import = duplicate.groupby(rows["import_id"]).agg(["size", "sum"])
        counts = {int(i): (int(n - d), int(d)) for i, n, d in per_import.itertuples()}
    rows = rows[~duplicate]
    # A column empty in the whole chunk is left out of the statement (NULL, as no column of
    # requests has a default): most *_raw columns are, and binding them cost half the insert.
    columns = [name for name in rows.columns if rows[name].notna().any()]
    if rows.empty:
        return counts
    con.executemany(
        f"INSERT INTO requests({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        zip(*(_sql_values(rows[name]) for name in columns)))
    return counts


def _sql_values(column: pd.Series) -> list[Any]:
    """A column as the values SQLite binds: missing ones (None, NaN, NaT, <NA>) as None. Column by
    column, and zipped into rows by executemany: a whole-frame astype/where/tolist cost twice as much."""
    if pd.api.types.is_object_dtype(column.dtype):
        values = column.to_numpy()
        missing = pd.isna(values)
        if missing.any():
            values = values.copy()
            values[missing] = None
        return list(values.tolist())
    if pd.api.types.is_integer_dtype(column.dtype) and not column.hasnans:
        return list(column.tolist())
    return list(column.astype(object).where(column.notna(), None).tolist())


def _log_duplicates(con: sqlite3.Connection, repeated: pd.DataFrame) -> None:
    if repeated.empty:
        return
    counts = (repeated.groupby(["import_id", "reg_quarter", "proc_quarter"], dropna=False).size()
              .reset_index(name="count"))
    con.executemany(
        "INSERT INTO duplicates(import_id, reg_quarter, proc_quarter, count) VALUES (?, ?, ?, ?)",
        [(int(i), None if pd.isna(r) else int(r), None if pd.isna(p) else int(p), int(c))
         for i, r, p, c in counts.itertuples(index=False)],
    )


def remove_project_files(path: Path) -> None:
    """A project an import created, and that holds nothing because it failed, is not left behind."""
    for candidate in (path, path.with_name(path.name + "-journal")):
        try:
            os.unlink(candidate)
        except FileNotFoundError:
            pass


@dataclass(frozen=True)
class RequestRow:
    """One request as the store keeps it, typed: codes of the vocabularies (None when not stated) and
    dates. For a small project built without an export (the stage rules' tests, tools)."""

    registered: date
    topic: str | None = None
    region: str | None = None
    processed: date | None = None
    channel: str | None = None
    gender: str | None = None
    age: int | None = None
    social_status: str | None = None
    marital_status: str | None = None
    education: str | None = None
    occupation: str | None = None
    request_id: str | None = None
    question: str | None = None


def insert_requests(project: Project, rows: Iterable[RequestRow], file: str = "rows") -> int:
    """Store typed requests as one import named `file`, in one transaction, under the project's quarter
    rule (a repeated request id is counted as a duplicate, as an import does). Returns the rows stored."""
    items = list(rows)
    names = [f.name for f in fields(RequestRow)]
    frame = pd.DataFrame([astuple(r) for r in items], columns=names, dtype=object)

    def moment(day: date | None) -> str | None:
        return None if day is None else f"{day.isoformat()[:10]} 00:00:00"

    def quarter(day: date | None) -> int | None:
        return None if day is None else Quarter.of(day).index

    table = pd.DataFrame({
        "source_row": list(range(2, len(items) + 2)),
        "request_id": frame["request_id"], "registered_at": [moment(r.registered) for r in items],
        "processed_at": [moment(r.processed) for r in items],
        "reg_quarter": pd.array([quarter(r.registered) for r in items], dtype="Int64"),
        "proc_quarter": pd.array([quarter(r.processed) for r in items], dtype="Int64"),
        **{name: frame[name] for name in ("channel", "region", "topic", "question", "gender", "age", "social_status",
                                          "marital_status", "education", "occupation")},
    })
    digest = hashlib.sha256(repr([astuple(r) for r in items]).encode("utf-8")).hexdigest()
    writer = ImportWriter(project)
    writer.begin(len(items))
    try:
        import_id = writer.start(file, "", file, digest, 1, {})
        stored, duplicates = writer.store(import_id, table, pd.DataFrame())[import_id]
        writer.finish(import_id, len(items), stored, duplicates, 0)
        writer.build_indexes()
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    return stored
