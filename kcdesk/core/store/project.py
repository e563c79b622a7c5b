"""The project file: opening (create, check, migrate), settings, the officer's texts and catalogues."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcdesk.core.errors import KcError
from kcdesk.core.outputs import OutputGuard, guard_for
from kcdesk.core.quarters import Quarter
from kcdesk.core.store import opening, schema
from kcdesk.core.store.catalogue import Catalogue
from kcdesk.core.vocabulary import QUARTER_RULES

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

log = logging.getLogger("kcdesk.store")

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# The quarter rule as SQL, written once: which stored quarter places a request (§9, README).
QUARTER_OF = {"registered": "reg_quarter", "processed": "COALESCE(proc_quarter, reg_quarter)"}
REPORT_STATES = ("draft", "submitted", "approved", "posted")


# Every Project not yet closed, so that a window or a command can make sure none is left open when it
# ends: Windows cannot delete, move or replace a file that a process still holds open.
_OPEN: weakref.WeakSet[Project] = weakref.WeakSet()
_OPEN_LOCK = threading.Lock()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def open_projects() -> list[Path]:
    """The paths of the projects opened in this process and not closed yet (any thread)."""
    with _OPEN_LOCK:
        return sorted(p.path for p in list(_OPEN))


def close_all() -> list[Path]:
    """Close every project still open in this process; returns their paths (nothing left = [])."""
    with _OPEN_LOCK:
        left = list(_OPEN)
    for project in left:
        project.close()
    return sorted(p.path for p in left)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        opening.sqlite_uri(path, "rw"), uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )
    # A rollback journal (not WAL) keeps the project one file at rest; FULL sync survives power loss.
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as error:
        raise KcError("not_a_project", file=path.name, reason=error.strerror) from None
    if not head.startswith(SQLITE_MAGIC):
        raise KcError("not_a_project", file=path.name, reason="not a SQLite database")


def _create_file(path: Path) -> None:
    """Build an empty project under a temporary name and rename it: never half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".kcdesk-new-", suffix=".kcdesk", dir=path.parent)
    except OSError as error:
        raise KcError("project_readonly", file=path.name, reason=error.strerror) from None
    os.close(handle)
    try:
        connection = sqlite3.connect(temp, isolation_level=None)
        connection.execute("PRAGMA journal_mode = DELETE")
        schema.create(connection)
        connection.close()
        if path.exists():  # another process created it meanwhile: keep theirs
            os.unlink(temp)
        else:
            os.replace(temp, path)
    except sqlite3.OperationalError as error:  # a full disk or a read-only folder
        if os.path.exists(temp):
            os.unlink(temp)
        raise opening.storage_error(path, error) from None
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


class Project:
    """An open project file: settings, texts, states, presets, imports. The topic catalogue and the value
    mappings are `project.catalogue`; the reads the stages need are kcdesk.core.store.queries."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self.catalogue = Catalogue(self)
        with _OPEN_LOCK:
            _OPEN.add(self)

    # --- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, create: bool = False) -> Project:
        path = Path(path)
        if path.is_dir():
            raise KcError("not_a_project", file=path.name, reason="a folder")
        if not path.exists():
            if not create:
                raise KcError("project_missing", file=path.name)
            _create_file(path)
        _check_header(path)
        # Before SQLite could replay it into a restored copy; a journal of this process's own open
        # connection to the same file is live, never stray.
        opening.set_aside_stray_journal(path, open_here=any(_same_file(p, path) for p in open_projects()))
        try:
            connection = _connect(path)
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise _db_error(path, error) from None
        try:
            if app_id != schema.APPLICATION_ID:
                raise KcError("not_a_project", file=path.name, reason="a database of another program")
            if version > schema.SCHEMA_VERSION:
                raise KcError("project_too_new", file=path.name, value=version)
            # Trust nothing altered outside kcdesk: known version, only kcdesk's objects, pages sound.
            opening.check_schema(connection, path, version)
            opening.quick_check(connection, path)
        except KcError:
            connection.close()
            raise
        project = cls(path, connection)
        if version < schema.SCHEMA_VERSION:
            project._migrate(version)
            if version < 3:  # free texts moved to <field>_raw: resolve them against the vocabularies
                project.catalogue.reresolve(("channel", "marital_status", "education", "occupation"))
        return project

    def _migrate(self, version: int) -> None:
        backup = self.path.with_name(f"{self.path.stem}.v{version}.bak{self.path.suffix}")
        shutil.copy2(self.path, backup)  # copied aside before the schema changes
        log.info("project migrated from schema %s; backup %s", version, backup.name)
        try:
            schema.migrate(self._connection, version)
        except sqlite3.Error as error:
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")
            raise _db_error(self.path, error) from None

    def close(self) -> None:
        """Close the file (idempotent)."""
        with _OPEN_LOCK:
            _OPEN.discard(self)
        self._connection.close()
        opening.forget(self.path)  # what kcdesk itself wrote need not be checked again in this process

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or (on any exception) none of it."""
        try:
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _db_error(self.path, error) from None
        try:
            yield self._connection
        except sqlite3.OperationalError as error:  # a full disk, a read-only file: one clear line
            self._rollback()
            raise _db_error(self.path, error) from None
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self._connection.execute("COMMIT")
            except sqlite3.OperationalError as error:
                self._rollback()
                raise _db_error(self.path, error) from None

    def _rollback(self) -> None:
        """SQLite may already have rolled back (a full disk): never fail twice."""
        try:
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    # Package-private: the store's modules (catalogue, queries, search, imports) read through these;
    # nothing outside kcdesk/core/store writes SQL (tests/test_architecture.py checks it).
    def _query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return pd.read_sql_query(sql, self._connection, params=list(params))

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._connection.execute(sql, params).fetchone()
        return row[0] if row else None

    def compact(self) -> None:
        """VACUUM: rewrite the file without freed pages (the bundled demo ships this way)."""
        self._connection.execute("VACUUM")

    # --- quarters ------------------------------------------------------------------------
    def quarters(self) -> list[Quarter]:
        rows = self._connection.execute(
            "SELECT DISTINCT quarter FROM requests WHERE quarter IS NOT NULL ORDER BY quarter"
        ).fetchall()
        if any(not isinstance(r[0], int) for r in rows):  # text where a quarter belongs: altered outside
            raise KcError("project_damaged", file=self.path.name, reason="a quarter value kcdesk did not write")
        return [Quarter.from_index(r[0]) for r in rows]

    def has_data(self, quarter: Quarter) -> bool:
        return self._scalar("SELECT 1 FROM requests WHERE quarter = ? LIMIT 1", (quarter.index,)) == 1

    def quarter_rule(self) -> str:
        """Which date places a request in a quarter: "processed" (§9, the default: the closing date
        where a row has one, else the registration date) or "registered"."""
        return self.get_setting("quarter_rule", "processed")

    def set_quarter_rule(self, rule: str) -> None:
        if rule not in QUARTER_RULES:
            raise KcError("bad_quarter_rule", value=rule)
        column = QUARTER_OF[rule]
        with self.transaction() as con:
            _put_setting(con, "quarter_rule", rule)
            con.execute(f"UPDATE requests SET quarter = {column}")

    def comparison_basis(self) -> str:
        """Which earlier quarter the +30 % rule compares with: "previous" (§11, the default) or
        "year_ago" (the same quarter a year earlier)."""
        from kcdesk.core.vocabulary import BASIS_SETTING, COMPARISON_BASES

        value = self.get_setting(BASIS_SETTING, "previous")
        return value if value in COMPARISON_BASES else "previous"

    def set_comparison_basis(self, basis: str) -> None:
        from kcdesk.core.vocabulary import BASIS_SETTING, as_basis

        with self.transaction() as con:
            _put_setting(con, BASIS_SETTING, as_basis(basis))

    # --- settings and texts ----------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        value = self._scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else json.loads(value)

    def set_setting(self, key: str, value: Any) -> None:
        from kcdesk.core.report.texts import SETTING_KEYS, clean_setting

        if key in SETTING_KEYS:  # both doors: text only, short, no bidi controls, a phone that is a phone
            value = clean_setting(key, value)
        with self.transaction() as con:
            if value is None:
                con.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                _put_setting(con, key, value)

    def settings(self) -> dict[str, Any]:
        rows = self._connection.execute("SELECT key, value FROM settings").fetchall()
        return {k: json.loads(v) for k, v in rows}

    def get_text(self, quarter: Quarter, key: str) -> str | None:
        return self._scalar("SELECT value FROM texts WHERE quarter = ? AND key = ?", (quarter.index, key))

    def set_text(self, quarter: Quarter, key: str, value: str | None) -> None:
        from kcdesk.core.report.texts import MAX_SETTING_CHARS, clean_value

        if len(key) > MAX_SETTING_CHARS:
            raise KcError("text_too_long", field=key[:40] + "…", count=MAX_SETTING_CHARS)
        value = clean_value(key, value)  # both doors: text only, bounded, valid Unicode, no bidi controls
        with self.transaction() as con:
            if value is None:
                con.execute("DELETE FROM texts WHERE quarter = ? AND key = ?", (quarter.index, key))
            else:
                con.execute(
                    "INSERT INTO texts(quarter, key, value, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(quarter, key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at",
                    (quarter.index, key, value, _now()),
                )

    def texts(self, quarter: Quarter) -> dict[str, str]:
        rows = self._connection.execute(
            "SELECT key, value FROM texts WHERE quarter = ?", (quarter.index,)
        ).fetchall()
        return dict(rows)

    def report_state(self, quarter: Quarter) -> dict[str, Any]:
        rows = dict(self._connection.execute(
            "SELECT state, on_date FROM report_states WHERE quarter = ?", (quarter.index,)
        ).fetchall())
        state = "draft"
        for name in REPORT_STATES:
            if name in rows:
                state = name
        return {"state": state, "dates": rows}

    def set_report_state(self, quarter: Quarter, state: str, on: date) -> None:
        if state not in REPORT_STATES:
            raise KcError("bad_report_state", value=state)
        with self.transaction() as con:
            later = REPORT_STATES[REPORT_STATES.index(state) + 1:]
            con.execute(
                f"DELETE FROM report_states WHERE quarter = ? AND state IN ({','.join('?' * len(later))})",
                (quarter.index, *later),
            ) if later else None
            con.execute(
                "INSERT OR REPLACE INTO report_states(quarter, state, on_date) VALUES (?, ?, ?)",
                (quarter.index, state, on.isoformat()),
            )

    # --- presets and reference totals ----------------------------------------------------
    def get_preset(self, source: str) -> dict[str, str] | None:
        value = self._scalar("SELECT mapping FROM presets WHERE source = ?", (source,))
        return None if value is None else json.loads(value)

    def save_preset(self, source: str, mapping: dict[str, str]) -> None:
        with self.transaction() as con:
            con.execute(
                "INSERT OR REPLACE INTO presets(source, mapping) VALUES (?, ?)",
                (source, json.dumps(mapping, ensure_ascii=False)),
            )

    def reference_totals(self, quarter: Quarter) -> pd.DataFrame:
        return self._query(
            "SELECT channel, count FROM reference_totals WHERE quarter = ? ORDER BY channel",
            (quarter.index,),
        )

    def set_reference_total(self, quarter: Quarter, channel: str, count: int | None) -> None:
        with self.transaction() as con:
            if count is None:
                con.execute(
                    "DELETE FROM reference_totals WHERE quarter = ? AND channel = ?",
                    (quarter.index, channel),
                )
            else:
                con.execute(
                    "INSERT OR REPLACE INTO reference_totals(quarter, channel, count) VALUES (?, ?, ?)",
                    (quarter.index, channel, int(count)),
                )

    # --- content analysis results (plain JSON, never a model) ---------------------------
    def save_content(self, quarter: Quarter, result: dict[str, Any]) -> None:
        """Keep the quarter's last content analysis, so the справка can quote it without a rerun."""
        with self.transaction() as con:
            con.execute(
                "INSERT OR REPLACE INTO content_results(quarter, result, created_at) VALUES (?, ?, ?)",
                (quarter.index, json.dumps(result, ensure_ascii=False), _now()),
            )

    def content(self, quarter: Quarter) -> dict[str, Any] | None:
        value = self._scalar("SELECT result FROM content_results WHERE quarter = ?", (quarter.index,))
        return None if value is None else json.loads(value)

    def imports(self) -> pd.DataFrame:
        return self._query(
            "SELECT id, file, sheet, source, imported_at, rows_read, rows_stored, duplicates, bad_dates "
            "FROM imports ORDER BY id"
        )

    def imported_digests(self) -> set[str]:
        """The SHA-256 of every file imported into the project (outputs never overwrite one)."""
        return {digest for (digest,) in self._connection.execute("SELECT DISTINCT sha256 FROM imports")}

    def output_guard(self, inputs: Sequence[Path | None] = ()) -> OutputGuard:
        """What an output of a command on this project must never overwrite (core.outputs)."""
        return guard_for(self.path, self.imported_digests(), inputs)

    def mapped_fields(self) -> set[str]:
        """The fields some import had a column for (the analysis skips scans of the others)."""
        fields: set[str] = set()
        for (mapping,) in self._connection.execute("SELECT mapping FROM imports"):
            fields.update(f for f in json.loads(mapping).values() if f)
        return fields

    def sources_without(self, fields: tuple[str, ...] = ("channel", "region")) -> dict[str, list[str]]:
        """field -> the imported files that had no column for it, where other imports had one (the
        справка says once "in export X the channel is not stated" instead of counting it a value)."""
        per_file: list[tuple[str, set[str]]] = []
        for file, mapping in self._connection.execute("SELECT file, mapping FROM imports ORDER BY id"):
            per_file.append((Path(str(file)).name, {f for f in json.loads(mapping).values() if f}))
        out: dict[str, list[str]] = {}
        for field in fields:
            if any(field in mapped for _, mapped in per_file):
                lacking = [name for name, mapped in per_file if field not in mapped]
                if lacking:
                    out[field] = list(dict.fromkeys(lacking))
        return out

    def problems(self, limit: int = 1000) -> pd.DataFrame:
        """Rows that could not be placed (bad or missing dates), with file, sheet and row."""
        return self._query(
            "SELECT i.file, i.sheet, p.sheet_row AS row, p.field, p.reason, p.value "
            "FROM problems p JOIN imports i ON i.id = p.import_id ORDER BY p.import_id, p.sheet_row "
            "LIMIT ?",
            (limit,),
        )


def _put_setting(con: sqlite3.Connection, key: str, value: Any) -> None:
    con.execute(
        "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def _db_error(path: Path, error: sqlite3.Error) -> KcError:
    return opening.storage_error(path, error)
