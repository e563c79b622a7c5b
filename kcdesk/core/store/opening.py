"""Checks made before a project file is trusted (issue 13 items 4, 6 and 7).

- The path goes into SQLite's URI percent-encoded (`%`, `#`, `?`, spaces, Cyrillic and Kazakh letters,
  a Windows drive letter), so `x%41.kcdesk` is never `xA.kcdesk` and `Отчёт #1.kcdesk` is itself.
- A stray rollback journal beside the project (left by a killed kcdesk, then a backup copy restored over
  the project) is not replayed into a file it does not belong to. It is stray when its page size differs
  from the project's; or its copy of page 1 is not the state the project's page 1 came from (the file
  change counter); or, page 1 not journaled, the project is smaller than the file the journal started
  from, or as large and older than the project by more than a minute. A file that grew since is the
  interrupted one (a long import rewrites journaled pages for minutes), and a journal another process
  is writing right now (SQLite's RESERVED/PENDING lock) is never touched. A stray journal is moved aside
  under a dated name (never deleted), and the officer is told.
- The schema must be exactly kcdesk's for the file's version: no trigger, view, table or index kcdesk did
  not create (a reading index may be missing: a killed import drops them), the version known (1 to
  the current one), and `PRAGMA quick_check` must pass. Anything else is refused with one line, and the
  file is not changed (no migration, no backup copy).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import struct
import sys
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

from kcdesk.core.errors import KcError
from kcdesk.core.store import schema

log = logging.getLogger("kcdesk.store")

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
STALE_SECONDS = 60.0
# Objects kcdesk creates later, on first use (full-text search); their SQL is checked like the rest.
LAZY_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS question_fts USING fts5(question, content='requests', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TABLE IF NOT EXISTS question_fts_state (last_id INTEGER NOT NULL, rows INTEGER NOT NULL)",
    # The search index of folded texts (kcdesk.core.store.search); question_fts above is the older one,
    # still accepted in a project file and dropped at its first search.
    "CREATE VIRTUAL TABLE IF NOT EXISTS question_search USING fts5(text, tokenize='unicode61 remove_diacritics 0')",
    "CREATE TABLE IF NOT EXISTS question_search_state (last_id INTEGER NOT NULL, rows INTEGER NOT NULL)",
)
INTERNAL = re.compile(r"^sqlite_(autoindex_.*|sequence|stat\d)$")

# Who hears notices (a stray journal moved aside): the CLI prints them, the GUI shows them.
_listeners: list[Callable[[KcError], None]] = []


def on_notice(listener: Callable[[KcError], None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def _notify(notice: KcError) -> None:
    log.info("notice %s %s", notice.code, notice.params.get("file"))
    for listener in list(_listeners):
        listener(notice)


# --- item 4: the URI ---------------------------------------------------------------------------
def sqlite_uri(path: PurePath | str, mode: str = "rw") -> str:
    """A `file:` URI SQLite reads back as exactly `path` (absolute), with `?mode=`."""
    pure = path if isinstance(path, PurePath) else Path(path)
    if isinstance(pure, Path):
        pure = pure.absolute()
    if isinstance(pure, PureWindowsPath) or sys.platform == "win32":
        text = pure.as_posix()  # C:/Users/… ; a UNC path //server/share/… keeps its two slashes
        if re.match(r"^[A-Za-z]:", text):
            text = "/" + text
    else:
        text = str(pure)  # a backslash is a letter of a POSIX name: it is encoded, not turned into "/"
    encoded = quote(text, safe="/:")
    if encoded.startswith("//"):  # a UNC path: file://server/share/…
        return f"file:{encoded}?mode={mode}"
    return f"file://{encoded}?mode={mode}"


# --- item 10: storage failures -------------------------------------------------------------------
def storage_error(path: Path, error: BaseException) -> KcError:
    """One clear KcError for an SQLite failure while reading or writing the project; what SQLite
    rolled back is safe (the file holds the last committed state)."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return KcError("project_locked", file=path.name)
    if "full" in text:  # SQLITE_FULL: the disk, a quota, or `ulimit -f`
        return KcError("disk_full", file=path.name)
    if "readonly" in text or "read-only" in text:
        return KcError("project_readonly", file=path.name, reason="the file or its folder is read-only")
    if "unable to open" in text:  # the journal cannot be created beside the project
        return KcError("project_readonly", file=path.name, reason="its folder cannot be written")
    if "disk i/o" in text:
        return KcError("project_io_error", file=path.name)
    return KcError("not_a_project", file=path.name, reason=_short(str(error)))


# --- item 7: a stray journal ----------------------------------------------------------------------
def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


def _journal_page1(journal: Path, page_size: int, sector: int) -> bytes | None:
    """The original content of page 1 as the journal holds it, or None when page 1 was not journaled
    (a transaction killed before its commit has not journaled page 1 yet). A journal synced several times
    holds several segments, each with its own header on a sector boundary."""
    record = 4 + page_size + 4
    with open(journal, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        offset = 0
        for _segment in range(1_000_000):
            handle.seek(offset)
            header = handle.read(12)
            if len(header) < 12 or header[:8] != JOURNAL_MAGIC:
                return None
            (records,) = struct.unpack(">I", header[8:12])
            position = offset + sector
            if records in (0, 0xFFFFFFFF):  # not synced yet: as many records as the file holds
                records = max(0, (size - position) // record)
            for _ in range(records):
                handle.seek(position)
                head = handle.read(4)
                if len(head) < 4:
                    return None
                if struct.unpack(">I", head)[0] == 1:
                    return handle.read(page_size)
                position += record
            offset = -(-position // sector) * sector
            if offset >= size:
                return None
    return None


def stray_journal_reason(project: Path) -> str | None:
    """Why the hot journal beside `project` does not belong to it, or None (none, not hot, or it does)."""
    journal = project.with_name(project.name + "-journal")
    try:
        with open(journal, "rb") as handle:
            header = handle.read(28)
        with open(project, "rb") as handle:
            page1 = handle.read(100)
        journal_time, project_time = journal.stat().st_mtime, project.stat().st_mtime
    except OSError:
        return None
    if len(header) < 28 or header[:8] != JOURNAL_MAGIC or len(page1) < 100:
        return None  # not a hot journal: SQLite ignores it
    _records, _nonce, initial_pages, sector, journal_page = struct.unpack(">IIIII", header[8:28])
    project_page = _page_size(struct.unpack(">H", page1[16:18])[0])
    if journal_page != project_page:
        return "page size"
    if sector < 28 or sector > 65536:
        return "header"
    try:
        original = _journal_page1(journal, journal_page, sector)
    except OSError:
        return None
    counter = struct.unpack(">I", page1[24:28])[0]
    if original is not None and len(original) >= 28:
        before = struct.unpack(">I", original[24:28])[0]
        # The interrupted transaction started from `before`; the project shows it, or one more.
        return None if counter in (before, (before + 1) & 0xFFFFFFFF) else "change counter"
    # Page 1 not journaled (killed before the commit). The transaction only added pages to the file it
    # started from: a file smaller than that start is another (an older copy restored over it); a file
    # that grew is the interrupted one, whatever the times say (a long import rewrites journaled pages
    # for minutes without touching the journal). Same size: the rule, older by over a minute.
    try:
        pages_now = project.stat().st_size // project_page
    except OSError:
        return None
    if initial_pages and pages_now < initial_pages:
        return "older than the project"
    if pages_now == initial_pages and project_time - journal_time > STALE_SECONDS:
        return "older than the project"
    return None


_PENDING_BYTE = 0x40000000  # SQLite's lock bytes (os_unix.c / os_win.c): PENDING, then RESERVED


def writer_active(project: Path) -> bool:
    """True when some connection may be writing the project now (its journal is then live, not stray):
    another process holds SQLite's PENDING or RESERVED lock byte. When that cannot be told on this
    platform, True (the journal is left to SQLite)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            with open(project, "rb") as handle:
                handle.seek(_PENDING_BYTE)
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBRLCK, 2)
                except OSError:
                    return True
                handle.seek(_PENDING_BYTE)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 2)
            return False
        if sys.platform.startswith("linux"):
            import fcntl

            query = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, _PENDING_BYTE, 2, 0) + bytes(4)
            with open(project, "rb") as handle:  # F_GETLK only asks; nothing is locked
                answer = fcntl.fcntl(handle.fileno(), fcntl.F_GETLK, query)
            return struct.unpack("hhqqi", answer[:28])[0] != fcntl.F_UNLCK
    except OSError:
        return True
    return True


def set_aside_stray_journal(project: Path, open_here: bool = False) -> Path | None:
    """Move a journal that does not belong to `project` aside (never deleted); tell the officer.
    A journal another writer is using right now is never touched (unless its page size cannot be the
    project's: then it cannot be that writer's)."""
    reason = stray_journal_reason(project)
    if reason is None or (reason != "page size" and (open_here or writer_active(project))):
        return None
    journal = project.with_name(project.name + "-journal")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = journal.with_name(f"{journal.name}.stray-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = journal.with_name(f"{journal.name}.stray-{stamp}-{n}")
    try:
        os.replace(journal, aside)
    except OSError as error:
        raise KcError("project_readonly", file=project.name, reason=error.strerror) from None
    log.info("stray journal of %s set aside (%s)", project.name, reason)
    _notify(KcError("stray_journal", file=project.name, value=aside.name, reason=reason))
    return aside


# --- item 6: the schema ------------------------------------------------------------------------------
def _normal(sql: str | None) -> str:
    if sql is None:
        return ""
    sql = re.sub(r"--[^\n]*", " ", sql)
    sql = re.sub(r"\bIF NOT EXISTS\b", " ", sql, flags=re.IGNORECASE)
    sql = re.sub(r"\s+", " ", sql).strip().lower()
    return re.sub(r"\s*([(),=])\s*", r"\1", sql)


@lru_cache(maxsize=8)
def expected_objects(version: int) -> dict[str, tuple[str, str, str]]:
    """name → (type, table, normalised SQL) of everything kcdesk creates in a project of `version`."""
    memory = sqlite3.connect(":memory:")
    try:
        memory.executescript(schema.SCHEMA_V1)
        for step in range(1, version):
            memory.executescript(schema.MIGRATIONS[step])
        for statement in LAZY_SCHEMA:
            try:
                memory.execute(statement)
            except sqlite3.OperationalError:  # an SQLite without FTS5: the project cannot have it either
                pass
        rows = memory.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        memory.close()
    return {name: (kind, table, _normal(sql)) for kind, name, table, sql in rows}


def check_schema(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a project whose version is unknown or that holds objects kcdesk did not create."""
    if version < 1 or version > schema.SCHEMA_VERSION:
        raise KcError("project_altered", file=path.name, reason=f"unknown schema version {version}")
    expected = expected_objects(version)
    try:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        raise KcError("project_damaged", file=path.name, reason=str(error)) from None
    present = set()
    for kind, name, table, sql in rows:
        present.add(name)
        if INTERNAL.match(str(name)) and name not in expected:
            if kind in ("table", "index") and str(name).startswith("sqlite_"):
                continue
        want = expected.get(name)
        if want is None:
            raise KcError("project_altered", file=path.name, reason=f"{kind} {_short(name)} was not made by kcdesk")
        if want[0] != kind or want[1] != table or want[2] != _normal(sql):
            raise KcError("project_altered", file=path.name, reason=f"{kind} {_short(name)} was changed")
    missing = [n for n, (kind, _t, _s) in expected.items()
               if n not in present and kind == "table" and n not in _LAZY_TABLES and not n.startswith(("question_fts", "question_search"))]
    if missing:
        raise KcError("project_altered", file=path.name, reason=f"table {_short(missing[0])} is missing")


_LAZY_TABLES = frozenset({"question_fts", "question_fts_state", "question_search", "question_search_state"})


def _short(name: object) -> str:
    text = str(name)
    return text if len(text) <= 40 else text[:37] + "…"


# Values kcdesk wrote itself are small and well-formed; one read over the small tables (never the
# requests) checks them, so a hand-edited value is one clear line instead of an internal error later.
MAX_TEXT_CHARS = 1_000_000  # an officer's text; the texts command refuses far less
MAX_NAME_CHARS = 100_000  # a topic name (an export cell may be long; a 10 MB one is not ours)
MAX_JSON_CHARS = 50_000_000  # a content analysis of a large quarter
VALUE_CHECKS = (
    ("setting", "SELECT key FROM settings WHERE NOT json_valid(value) OR length(value) > 1000000 "
                "OR typeof(key) <> 'text' OR length(key) > 200 LIMIT 1"),
    ("text", f"SELECT key FROM texts WHERE typeof(value) <> 'text' OR length(value) > {MAX_TEXT_CHARS} "
             "OR typeof(quarter) <> 'integer' OR typeof(key) <> 'text' OR length(key) > 1000 LIMIT 1"),
    ("topic", f"SELECT id FROM topics WHERE typeof(name) <> 'text' OR length(name) > {MAX_NAME_CHARS} "
              f"OR length(name_kk) > {MAX_NAME_CHARS} OR length(name_ru) > {MAX_NAME_CHARS} "
              "OR typeof(key) <> 'text' LIMIT 1"),
    ("content analysis", f"SELECT quarter FROM content_results WHERE NOT json_valid(result) "
                         f"OR length(result) > {MAX_JSON_CHARS} OR typeof(quarter) <> 'integer' LIMIT 1"),
    ("preset", "SELECT source FROM presets WHERE NOT json_valid(mapping) OR json_type(mapping) <> 'object' LIMIT 1"),
    ("import", "SELECT id FROM imports WHERE NOT json_valid(mapping) OR json_type(mapping) <> 'object' LIMIT 1"),
    ("report state", "SELECT quarter FROM report_states WHERE typeof(quarter) <> 'integer' "
                     "OR state NOT IN ('draft', 'submitted', 'approved', 'posted') LIMIT 1"),
    ("reference total", "SELECT quarter FROM reference_totals WHERE typeof(quarter) <> 'integer' "
                        "OR typeof(count) <> 'integer' LIMIT 1"),
)


def check_values(connection: sqlite3.Connection, path: Path) -> None:
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for what, sql in VALUE_CHECKS:
        table = sql.split(" FROM ", 1)[1].split()[0]
        if table not in tables:
            continue
        try:
            found = connection.execute(sql).fetchone()
        except sqlite3.DatabaseError as error:
            raise KcError("project_damaged", file=path.name, reason=_short(str(error))) from None
        if found is not None:
            raise KcError("project_damaged", file=path.name, reason=f"a {what} value kcdesk did not write")


# quick_check reads every page: done once per file state in a process (the GUI opens a project often).
_checked: dict[str, tuple[int, int, int]] = {}


def _signature(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def quick_check(connection: sqlite3.Connection, path: Path) -> None:
    key = os.path.abspath(path)
    try:
        signature = _signature(path)
    except OSError:
        signature = (0, 0, 0)
    if _checked.get(key) == signature:
        return
    try:
        result = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise KcError("project_damaged", file=path.name, reason=_short(str(error))) from None
    if result != "ok":
        raise KcError("project_damaged", file=path.name, reason=_short(result))
    check_values(connection, path)
    _checked[key] = signature


def forget(path: Path) -> None:
    """After kcdesk itself wrote the project, the next open need not check it again."""
    try:
        _checked[os.path.abspath(path)] = _signature(path)
    except OSError:
        pass
