"""The catalogues a project keeps: topics (merge, rename, translate), value mappings, topic fixes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kcdesk.core.errors import KcError
from kcdesk.core.normalise import topics_dictionary
from kcdesk.core.normalise.reference import resolve
from kcdesk.core.normalise.text import fold_topic, fold_value
from kcdesk.core.quarters import Quarter
from kcdesk.core.vocabulary import NOT_A_CODE, codes

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

if TYPE_CHECKING:
    from kcdesk.core.store.project import Project

# Fields whose unresolved values the user can map once: raw column → resolved column.
MAPPABLE = {"region": "region_raw", "gender": "gender_raw", "social_status": "social_status_raw",
            "channel": "channel_raw", "marital_status": "marital_status_raw",
            "education": "education_raw", "occupation": "occupation_raw"}
_ID_CHUNK = 900  # SQLite host parameters per statement


def _nicer(candidate: str, current: str) -> bool:
    """A spelling in ordinary case ("Коммунальные услуги") beats SHOUTING or all lower case."""
    def plain(text: str) -> bool:
        return text != text.upper() and text != text.lower()
    return plain(candidate) and not plain(current)


def topic_ids(con: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """Topic id for each display name, adding new topics; a merged topic answers with its target."""
    result: dict[str, int] = {}
    for name in names:
        key = fold_topic(name)
        shown = " ".join(name.split())
        row = con.execute("SELECT id, merged_into, name, named_by_user FROM topics WHERE key = ?",
                          (key,)).fetchone()
        if row is None:
            # A topic the bilingual dictionary knows gets both names at once (never guessed).
            pair = topics_dictionary.other_names(shown)
            cursor = con.execute("INSERT INTO topics(key, name, name_ru, name_kk) VALUES (?, ?, ?, ?)",
                                 (key, shown, pair[0], pair[1]))
            result[name] = int(cursor.lastrowid or 0)
            continue
        if not row[3] and _nicer(shown, row[2]):
            con.execute("UPDATE topics SET name = ? WHERE id = ?", (shown, row[0]))
        result[name] = int(row[1] or row[0])
    return result


class Catalogue:
    """The project's topic catalogue (merge, rename, translate), the officer's value mappings and the
    topic fixes; `project.catalogue`."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def _query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self._project._query(sql, params)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._project.transaction()

    def topics(self) -> pd.DataFrame:
        return self._query(
            "SELECT t.id, t.name, t.name_kk, t.name_ru, COUNT(r.id) AS requests FROM topics t "
            "LEFT JOIN requests r ON r.topic_id = t.id WHERE t.merged_into IS NULL "
            "GROUP BY t.id ORDER BY requests DESC, t.name"
        )

    def rename_topic(self, topic_id: int, name: str | None = None, name_kk: str | None = None,
                     name_ru: str | None = None) -> None:
        with self._transaction() as con:
            if name is not None and name.strip():
                con.execute("UPDATE topics SET name = ?, named_by_user = 1 WHERE id = ?",
                            (name.strip(), topic_id))
            if name_kk is not None:
                con.execute("UPDATE topics SET name_kk = ? WHERE id = ?", (name_kk.strip() or None, topic_id))
            if name_ru is not None:
                con.execute("UPDATE topics SET name_ru = ? WHERE id = ?", (name_ru.strip() or None, topic_id))

    def merge_topics(self, source_ids: Sequence[int], target_id: int) -> int:
        """Merge synonyms into one topic; later imports of a merged spelling land on the target."""
        sources = [int(s) for s in source_ids if int(s) != int(target_id)]
        if not sources:
            return 0
        marks = ",".join("?" * len(sources))
        with self._transaction() as con:
            moved = con.execute(f"UPDATE requests SET topic_id = ? WHERE topic_id IN ({marks})",
                                (target_id, *sources)).rowcount
            con.execute(f"UPDATE requests SET topic_before_fix = ? WHERE topic_before_fix IN ({marks})",
                        (target_id, *sources))
            con.execute(f"UPDATE topics SET merged_into = ? WHERE id IN ({marks}) OR merged_into IN ({marks})",
                        (target_id, *sources, *sources))
        return moved

    def merge_undo(self, source_ids: Sequence[int]) -> dict[str, Any]:
        """What merge_topics(source_ids, …) is about to change, to put it back with undo_merge (the
        app's Undo): the requests of each source, and the topics merged into the sources."""
        sources = [int(s) for s in source_ids]
        if not sources:
            return {"requests": {}, "before_fix": {}, "merged": {}}
        marks = ",".join("?" * len(sources))
        con = self._project._connection
        snapshot: dict[str, Any] = {"requests": {}, "before_fix": {}, "merged": {}}
        for key, column in (("requests", "topic_id"), ("before_fix", "topic_before_fix")):
            for row_id, topic in con.execute(f"SELECT id, {column} FROM requests WHERE {column} IN ({marks})",
                                             sources):
                snapshot[key].setdefault(int(topic), []).append(int(row_id))
        for topic, merged_into in con.execute(
                f"SELECT id, merged_into FROM topics WHERE id IN ({marks}) OR merged_into IN ({marks})",
                (*sources, *sources)):
            snapshot["merged"][int(topic)] = merged_into
        return snapshot

    def undo_merge(self, snapshot: dict[str, Any]) -> int:
        """Put a merge back as merge_undo saw it; returns the requests given back their topic."""
        moved = 0
        with self._transaction() as con:
            for topic, merged_into in snapshot["merged"].items():
                con.execute("UPDATE topics SET merged_into = ? WHERE id = ?", (merged_into, int(topic)))
            for key, column in (("requests", "topic_id"), ("before_fix", "topic_before_fix")):
                for topic, ids in snapshot[key].items():
                    for start in range(0, len(ids), _ID_CHUNK):
                        chunk = ids[start:start + _ID_CHUNK]
                        count = con.execute(
                            f"UPDATE requests SET {column} = ? WHERE id IN ({','.join('?' * len(chunk))})",
                            (int(topic), *chunk)).rowcount
                        moved += count if key == "requests" else 0
        return moved

    def topic_names(self, topic_id: int) -> tuple[str, str | None, str | None]:
        """(name, Kazakh name, Russian name) of a topic, for the app's Undo of a rename."""
        row = self._project._connection.execute(
            "SELECT name, name_kk, name_ru FROM topics WHERE id = ?", (int(topic_id),)).fetchone()
        if row is None:
            raise KcError("unknown_code", field="topic", value=str(topic_id))
        return str(row[0]), row[1], row[2]

    # --- unresolved values and the user's mappings ---------------------------------------
    def unresolved(self) -> pd.DataFrame:
        """Values that could not be resolved, with their count and one place they occur."""
        parts = [
            f"SELECT '{field}' AS field, {raw} AS value, COUNT(*) AS count, MIN(id) AS first_id "
            f"FROM requests WHERE {field} IS NULL AND {raw} IS NOT NULL GROUP BY {raw}"
            for field, raw in MAPPABLE.items()
        ]
        frame = self._query(
            "SELECT u.field, u.value, u.count, i.file, i.sheet, r.source_row AS row FROM ("
            + " UNION ALL ".join(parts)
            + ") u JOIN requests r ON r.id = u.first_id JOIN imports i ON i.id = r.import_id "
            "ORDER BY u.field, u.count DESC, u.value"
        )
        return frame

    def add_value_mapping(self, field: str, raw_value: str, code: str) -> int:
        """Remember what an unresolved value means; re-resolve the stored rows. Returns rows changed."""
        if field not in MAPPABLE:
            raise KcError("unknown_field", field=field, value=raw_value)
        no_code = code in NOT_A_CODE.get(field, ())  # "not stated" / "outside Kazakhstan": no code, not unresolved
        if code not in codes(field) and not no_code:
            raise KcError("unknown_code", field=field, value=code)
        raw_column = MAPPABLE[field]
        folded = fold_value(raw_value)
        with self._transaction() as con:
            con.execute(
                "INSERT OR REPLACE INTO value_mappings(field, folded, raw, code, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (field, folded, raw_value, code, datetime.now().isoformat(timespec="seconds")),
            )
            raws = [r[0] for r in con.execute(
                f"SELECT DISTINCT {raw_column} FROM requests WHERE {field} IS NULL AND {raw_column} IS NOT NULL"
            ).fetchall() if fold_value(r[0]) == folded]
            changed = 0
            for raw in raws:
                changed += con.execute(
                    f"UPDATE requests SET {field} = ?, {raw_column} = NULL "
                    f"WHERE {field} IS NULL AND {raw_column} = ?",
                    (None if no_code else code, raw),
                ).rowcount
        return changed

    def reresolve(self, fields: Iterable[str] | None = None) -> int:
        """Resolve the stored unresolved values again (after a migration, or a richer vocabulary).

        The officer's mappings win, as at import. Returns the rows that got a code.
        """
        maps = self.user_maps()
        changed = 0
        with self._transaction() as con:
            for field in fields or MAPPABLE:
                raw_column = MAPPABLE[field]
                raws = [r[0] for r in con.execute(
                    f"SELECT DISTINCT {raw_column} FROM requests WHERE {field} IS NULL "
                    f"AND {raw_column} IS NOT NULL").fetchall()]
                if not raws:
                    continue
                found = resolve(field, pd.Series(raws, dtype=object), maps.get(field))
                for raw, code in zip(raws, found, strict=True):
                    if code is not None:
                        changed += con.execute(
                            f"UPDATE requests SET {field} = ?, {raw_column} = NULL "
                            f"WHERE {field} IS NULL AND {raw_column} = ?", (code, raw)).rowcount
        return changed

    def value_mappings(self, field: str | None = None) -> pd.DataFrame:
        sql = "SELECT field, raw, folded, code, created_at FROM value_mappings"
        if field:
            return self._query(sql + " WHERE field = ? ORDER BY raw", (field,))
        return self._query(sql + " ORDER BY field, raw")

    def user_maps(self) -> dict[str, dict[str, str]]:
        """field → {folded raw value → code}, as the normaliser takes them."""
        maps: dict[str, dict[str, str]] = {f: {} for f in MAPPABLE}
        for field, folded, code in self._project._connection.execute(
            "SELECT field, folded, code FROM value_mappings"
        ).fetchall():
            maps.setdefault(field, {})[folded] = code
        return maps

    # --- topic fixes (content-analysis suggestions the officer accepted) -----------------
    def assign_topics(self, row_ids: Sequence[int], topic_name: str, provenance: str) -> None:
        ids = [int(i) for i in row_ids]
        if not ids:
            return
        with self._transaction() as con:
            topic_id = topic_ids(con, [topic_name])[topic_name]
            con.execute("CREATE TEMP TABLE IF NOT EXISTS _fix_ids (id INTEGER PRIMARY KEY)")
            con.execute("DELETE FROM _fix_ids")
            con.executemany("INSERT OR IGNORE INTO _fix_ids(id) VALUES (?)", [(i,) for i in ids])
            con.execute(
                "UPDATE requests SET topic_before_fix = CASE WHEN topic_fix IS NULL THEN topic_id "
                "ELSE topic_before_fix END, topic_id = ?, topic_fix = ? "
                "WHERE id IN (SELECT id FROM _fix_ids)",
                (topic_id, provenance),
            )
            con.execute("DELETE FROM _fix_ids")

    def assign_topic_batch(self, assignments: dict[str, Sequence[int]], provenance: str) -> int:
        """Several topics' rows under one provenance, in one transaction: the batch is stored whole or
        not at all. Returns the rows given."""
        changed = 0
        with self._transaction() as con:
            con.execute("CREATE TEMP TABLE IF NOT EXISTS _fix_ids (id INTEGER PRIMARY KEY)")
            for topic_name, row_ids in assignments.items():
                ids = [int(i) for i in row_ids]
                if not ids:
                    continue
                topic_id = topic_ids(con, [topic_name])[topic_name]
                con.execute("DELETE FROM _fix_ids")
                con.executemany("INSERT OR IGNORE INTO _fix_ids(id) VALUES (?)", [(i,) for i in ids])
                con.execute(
                    "UPDATE requests SET topic_before_fix = CASE WHEN topic_fix IS NULL THEN topic_id "
                    "ELSE topic_before_fix END, topic_id = ?, topic_fix = ? "
                    "WHERE id IN (SELECT id FROM _fix_ids)",
                    (topic_id, provenance),
                )
                changed += len(ids)
            con.execute("DELETE FROM _fix_ids")
        return changed

    def row_topics(self, row_ids: Sequence[int]) -> pd.DataFrame:
        """row_id and current topic name of these request rows (chunked under SQLite's parameter limit)."""
        return self._rows_by_id(row_ids, "t.name AS topic", ["row_id", "topic"])

    def row_questions(self, row_ids: Sequence[int]) -> pd.DataFrame:
        """row_id and question text of these request rows."""
        return self._rows_by_id(row_ids, "r.question", ["row_id", "question"])

    def row_details(self, row_ids: Sequence[int]) -> pd.DataFrame:
        """row_id, request_id, registered_at, region (code) and question text of these request rows."""
        return self._rows_by_id(row_ids, "r.request_id, r.registered_at, r.region, r.question",
                                ["row_id", "request_id", "registered_at", "region", "question"])

    def _rows_by_id(self, row_ids: Sequence[int], columns: str, names: list[str]) -> pd.DataFrame:
        ids = [int(i) for i in row_ids]
        parts = []
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start:start + _ID_CHUNK]
            parts.append(self._query(
                f"SELECT r.id AS row_id, {columns} FROM requests r LEFT JOIN topics t ON t.id = r.topic_id "
                f"WHERE r.id IN ({','.join('?' * len(chunk))})", chunk))
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=names)

    def unassign_topics(self, provenance: str) -> int:
        with self._transaction() as con:
            return con.execute(
                "UPDATE requests SET topic_id = topic_before_fix, topic_before_fix = NULL, "
                "topic_fix = NULL WHERE topic_fix = ?",
                (provenance,),
            ).rowcount

    def topic_fixes(self) -> pd.DataFrame:
        return self._query(
            "SELECT topic_fix AS provenance, COUNT(*) AS requests FROM requests "
            "WHERE topic_fix IS NOT NULL GROUP BY topic_fix ORDER BY topic_fix"
        )

    def question_frame(self, quarters: Sequence[Quarter]) -> pd.DataFrame:
        """The question texts of these quarters (personal data already masked at import), with the
        opaque applicant key (None where the export gave no IIN or phone)."""
        indexes = [q.index for q in quarters]
        if not indexes:
            return pd.DataFrame(columns=["row_id", "request_id", "quarter", "topic", "region",
                                         "channel", "question", "applicant"])
        marks = ",".join("?" * len(indexes))
        frame = self._query(
            "SELECT r.id AS row_id, r.request_id, r.quarter, t.name AS topic, r.region, r.channel, "
            f"r.question, r.applicant FROM requests r LEFT JOIN topics t ON t.id = r.topic_id "
            f"WHERE r.quarter IN ({marks}) ORDER BY r.id",
            indexes,
        )
        labels = {i: str(Quarter.from_index(i)) for i in indexes}
        frame["quarter"] = frame["quarter"].map(labels)
        return frame
