"""Import exports into a project: read → map columns → normalise → store, one transaction per call."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.normalise.columns import LOOKS_SHARE, guess_columns
from kcdesk.core.normalise.fields import FIELDS, fold_header
from kcdesk.core.normalise.masking import mask_all
from kcdesk.core.normalise.rows import normalise_chunk
from kcdesk.core.read.tables import RawTable, list_sheets, open_tables
from kcdesk.core.store import opening, schema
from kcdesk.core.store.catalogue import topic_ids
from kcdesk.core.store.project import Project
from kcdesk.core.store.schema import READING_INDEXES
from kcdesk.core.tasks import NullProgress, Progress, check

log = logging.getLogger("kcdesk.import")

CHUNK_ROWS = 20_000  # smaller: shorter GIL holds (a livelier UI) and less memory; ~5 % slower
BULK_ROWS = 100_000
IGNORE = ("ignore", "-", "none", "")
PREVIEW_ROWS = 200


@dataclass
class FileResult:
    file: str
    sheet: str
    source: str
    header_row: int
    mapping: dict[str, str | None]          # header text → field (None: not used)
    rows_read: int = 0
    rows_stored: int = 0
    duplicates: int = 0
    bad_dates: int = 0
    skipped_as_repeat: bool = False
    masked_ids: int = 0
    unresolved: dict[str, pd.Series] = field(default_factory=dict)   # field → value counts
    warnings: list[KcError] = field(default_factory=list)


@dataclass
class ImportResult:
    files: list[FileResult]
    dry_run: bool = False

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def rows_stored(self) -> int:
        return sum(f.rows_stored for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)


@dataclass
class FilePreview:
    file: str
    sheet: str
    sheets: list[str]
    header_row: int
    headers: list[str]
    mapping: dict[str, str | None]
    preview: pd.DataFrame
    unresolved: pd.DataFrame
    warnings: list[KcError]


def parse_overrides(items: Sequence[str]) -> dict[str, str]:
    """`--map "Header text=field"` options → {header: field}; unknown fields are refused."""
    overrides: dict[str, str] = {}
    for item in items:
        header, sep, name = item.rpartition("=")
        if not sep or not header.strip():
            raise KcError("bad_map_option", value=item)
        name = name.strip().lower()
        if name not in FIELDS and name not in IGNORE:
            raise KcError("unknown_field", value=item, field=name)
        overrides[header.strip()] = name
    return overrides


def column_mapping(table: RawTable, preset: dict[str, str] | None,
                   overrides: dict[str, str] | None) -> dict[int, str]:
    """Column index → field: by header, then by values, then the source's preset, then the user's
    overrides. A column of IINs or phone numbers is never the request id, whoever chose it."""
    guess = guess_columns(table.headers, getattr(table, "sample", None))
    mapping = dict(guess.mapping)
    by_header = {fold_header(h): i for i, h in enumerate(table.headers) if str(h).strip()}
    for layer, strict in ((preset or {}, False), (overrides or {}, True)):
        for header, name in layer.items():
            index = by_header.get(fold_header(header))
            if index is None:
                if strict:
                    raise KcError("map_header_missing", file=table.file, sheet=table.sheet, value=header)
                continue
            for other, taken in list(mapping.items()):  # one column per field
                if taken == name:
                    del mapping[other]
            if name in IGNORE:
                mapping.pop(index, None)
            else:
                mapping[index] = name
    refused = list(guess.refused_ids)
    for index, name in list(mapping.items()):
        kind = guess.personal.get(index)
        if name == "request_id" and kind:
            del mapping[index]
            if kind not in mapping.values():
                mapping[index] = kind  # still read for age and gender, then dropped
            refused.append(index)
    for index in guess.counters:
        if mapping.get(index) is None and not any(w.code == "request_id_counter" for w in table.warnings):
            table.warnings.append(KcError("request_id_counter", file=table.file, sheet=table.sheet,
                                          value=_header_label(table, index)))
    for index in refused:
        if not any(w.code == "request_id_personal" and w.params.get("column") == index + 1
                   for w in table.warnings):
            table.warnings.append(KcError("request_id_personal", file=table.file, sheet=table.sheet,
                                          column=index + 1))
    for index, match in guess.matches.items():
        if mapping.get(index) == guess.by_values.get(index, ""):
            code = "column_by_values"  # proposed by its values and kept
        elif index not in mapping and match.field not in mapping.values() and match.share >= LOOKS_SHARE:
            code = "column_looks_like"
        else:
            continue
        if not any(w.code == code and w.params.get("column") == index + 1 for w in table.warnings):
            table.warnings.append(KcError(code, file=table.file, sheet=table.sheet, column=index + 1,
                                          value=_header_label(table, index), field=match.field,
                                          count=round(100 * match.share)))
    if not {"registered_at", "processed_at"} & set(mapping.values()):
        raise KcError("no_date_column", file=table.file, sheet=table.sheet, row=table.header_row)
    return mapping


def _header_label(table: RawTable, index: int) -> str:
    header = table.headers[index] if index < len(table.headers) else ""
    return str(header) if str(header).strip() else f"#{index + 1}"


def _mapped_frame(chunk: pd.DataFrame, mapping: dict[int, str]) -> pd.DataFrame:
    return pd.DataFrame({name: chunk[index] for index, name in mapping.items() if index in chunk},
                        index=chunk.index)


def _header_mapping(table: RawTable, mapping: dict[int, str]) -> dict[str, str | None]:
    return {_header_label(table, i): mapping.get(i) for i in range(len(table.headers))}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def preview_file(project: Project | None, path: Path, sheet: str | None = None,
                 header_row: int | None = None, overrides: dict[str, str] | None = None,
                 source: str | None = None) -> FilePreview:
    """What an import of this file would map and produce, for its first rows; writes nothing."""
    path = Path(path)
    tables = open_tables(path, sheet=sheet, header_row=header_row)
    table = tables[0]
    preset = project.get_preset(source or path.name) if project else None
    mapping = column_mapping(table, preset, overrides)
    maps = project.catalogue.user_maps() if project else {}
    chunk = next(iter(table.chunks(PREVIEW_ROWS)), pd.DataFrame())
    head = chunk.head(PREVIEW_ROWS)
    result = normalise_chunk(_mapped_frame(head, mapping), maps, getattr(table, "date1904", False))
    unresolved = pd.DataFrame(
        [(f, v, int(c)) for f, counts in result.unresolved.items() for v, c in counts.items()],
        columns=["field", "value", "count"],
    )
    return FilePreview(
        file=table.file, sheet=table.sheet, sheets=list_sheets(path), header_row=table.header_row,
        headers=[str(h) for h in table.headers], mapping=_header_mapping(table, mapping),
        preview=result.rows.drop(columns=["source_row"]).reset_index(drop=True),
        unresolved=unresolved, warnings=list(table.warnings),
    )


def import_files(project_path: Path, paths: Sequence[Path], source: str | None = None,
                 overrides: dict[str, str] | None = None, progress: Progress | None = None,
                 dry_run: bool = False, sheet: str | None = None,
                 header_row: int | None = None) -> ImportResult:
    """Import every file in one transaction: all of them are stored, or (on any error) none."""
    progress = progress or NullProgress()
    project_path = Path(project_path)
    # Every file is opened and its header found before the project is touched.
    opened: list[tuple[Path, list[RawTable]]] = []
    for path in paths:
        check(progress)
        opened.append((Path(path), open_tables(Path(path), sheet=sheet, header_row=header_row)))

    created = not project_path.exists()
    scratch = None
    if dry_run and created:
        scratch = tempfile.TemporaryDirectory(prefix="kcdesk-dry-")
        project_path = Path(scratch.name) / "dry-run.kcdesk"
    try:
        project = Project.open(project_path, create=True)
    except BaseException:
        if scratch:
            scratch.cleanup()
        raise
    try:
        result = _import_all(project, opened, source, overrides, progress, dry_run)
    except BaseException:
        project.close()
        if created and not dry_run:
            _remove_project(project_path)
        raise
    else:
        project.close()
    finally:
        if scratch:
            scratch.cleanup()
    # For the support log: names and counts only, never values from the rows.
    for item in result.files:
        log.info("import%s %s [%s]: %d rows read, %d stored, %d duplicates, %d without a date%s",
                 " (dry run)" if dry_run else "", item.file, item.sheet, item.rows_read,
                 item.rows_stored, item.duplicates, item.bad_dates,
                 ", skipped as a repeat" if item.skipped_as_repeat else "")
    return result


def _remove_project(path: Path) -> None:
    """A project this import created, and that holds nothing because it failed, is not left behind."""
    for candidate in (path, path.with_name(path.name + "-journal")):
        try:
            os.unlink(candidate)
        except FileNotFoundError:
            pass


def _import_all(project: Project, opened: list[tuple[Path, list[RawTable]]], source: str | None,
                overrides: dict[str, str] | None, progress: Progress, dry_run: bool) -> ImportResult:
    total = sum((t.estimated_rows() or 0) for _, tables in opened for t in tables) or 1
    results: list[FileResult] = []
    con = project._connection
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        raise KcError("project_locked", file=project.path.name) from None
    try:
        _prepare(con)
        # A bulk import into a small project: the reading indexes are built once at the end
        # (sorting once is several times cheaper than updating them row by row). DDL is
        # transactional in SQLite, so a failure or cancel restores them as they were.
        rebuilt = total > BULK_ROWS and total > (project._scalar("SELECT MAX(id) FROM requests") or 0)
        if rebuilt:
            for name in READING_INDEXES:
                con.execute(f"DROP INDEX IF EXISTS {name}")
        done = 0
        for path, tables in opened:
            digest = _sha256(path)
            for table in tables:
                file_result, done = _import_table(project, table, path, digest, source, overrides,
                                                  progress, done, total)
                results.append(file_result)
        if rebuilt:
            progress.report(done, total, "index")
            for statement in schema.reading_index_statements():
                con.execute(statement)
        con.execute("DELETE FROM temp._chunk_ids")
        if dry_run:
            con.execute("ROLLBACK")
        else:
            con.execute("COMMIT")
    except sqlite3.OperationalError as error:  # a full disk or a read-only file: one clear line
        _safe_rollback(con)
        raise opening.storage_error(project.path, error) from None
    except BaseException:
        _safe_rollback(con)
        raise
    return ImportResult(files=results, dry_run=dry_run)


def _safe_rollback(con: sqlite3.Connection) -> None:
    try:
        if con.in_transaction:
            con.execute("ROLLBACK")
    except sqlite3.Error:  # SQLite already rolled back (SQLITE_FULL)
        pass


def _prepare(con: sqlite3.Connection) -> None:
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _chunk_ids (id TEXT PRIMARY KEY)")
    # A large page cache keeps index updates of a big import in memory (about 96 MB at most, so a 1M-row import stays under 1 GB).
    con.execute("PRAGMA cache_size = -98304")


def _import_table(project: Project, table: RawTable, path: Path, digest: str, source: str | None,
                  overrides: dict[str, str] | None, progress: Progress, done: int,
                  total: int) -> tuple[FileResult, int]:
    con = project._connection
    source_name = mask_all(source or path.name)  # a file named after a person or holding a phone
    preset = project.get_preset(source_name)
    mapping = column_mapping(table, preset, overrides)
    if overrides:  # the user's corrections become the source's preset (inside this transaction)
        con.execute("INSERT OR REPLACE INTO presets(source, mapping) VALUES (?, ?)",
                    (source_name, json.dumps({**(preset or {}), **overrides}, ensure_ascii=False)))
    result = FileResult(file=table.file, sheet=table.sheet, source=source_name,
                        header_row=table.header_row, mapping=_header_mapping(table, mapping),
                        warnings=list(table.warnings))
    stored_file, stored_sheet = mask_all(table.file), mask_all(table.sheet)  # stored as shown: masked
    repeat = con.execute("SELECT 1 FROM imports WHERE sha256 = ? AND sheet IN (?, ?)",
                         (digest, stored_sheet, table.sheet)).fetchone()
    if repeat:  # the same file again: its rows are already counted, with or without ids
        result.skipped_as_repeat = True
        result.warnings.append(KcError("already_imported", file=table.file, sheet=table.sheet))
        return result, done
    import_id = con.execute(
        "INSERT INTO imports(file, sheet, source, sha256, imported_at, header_row, mapping) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (stored_file, stored_sheet, source_name, digest, datetime.now().isoformat(timespec="seconds"),
         table.header_row, json.dumps({mask_all(str(k)): v for k, v in result.mapping.items()},
                                      ensure_ascii=False)),
    ).lastrowid or 0
    maps = project.catalogue.user_maps()
    rule = project.quarter_rule()
    date1904 = getattr(table, "date1904", False)
    for chunk in table.chunks(CHUNK_ROWS):
        check(progress)
        normal = normalise_chunk(_mapped_frame(chunk, mapping), maps, date1904)
        _store_chunk(con, import_id, normal.rows, rule, result)
        if not normal.problems.empty:
            problems = normal.problems.assign(import_id=import_id)
            con.executemany(
                "INSERT INTO problems(import_id, sheet_row, field, reason, value) VALUES (?, ?, ?, ?, ?)",
                problems[["import_id", "sheet_row", "field", "reason", "value"]].astype(object)
                .where(problems.notna(), None).to_numpy().tolist(),
            )
            result.bad_dates += int((normal.problems["field"] == "registered_at").sum())
        for name, counts in normal.unresolved.items():
            previous = result.unresolved.get(name)
            result.unresolved[name] = counts if previous is None else previous.add(counts, fill_value=0)
        result.masked_ids += normal.masked_ids
        result.rows_read += len(chunk)
        done += len(chunk)
        progress.report(min(done, total), total, table.file)
    if result.masked_ids:
        result.warnings.append(KcError("request_ids_masked", file=table.file, sheet=table.sheet,
                                       count=result.masked_ids))
    con.execute(
        "UPDATE imports SET rows_read = ?, rows_stored = ?, duplicates = ?, bad_dates = ? WHERE id = ?",
        (result.rows_read, result.rows_stored, result.duplicates, result.bad_dates, import_id),
    )
    return result, done


def _store_chunk(con: sqlite3.Connection, import_id: int, rows: pd.DataFrame, rule: str,
                 result: FileResult) -> None:
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
        stored = {r[0] for r in con.execute(
            "SELECT c.id FROM temp._chunk_ids c JOIN requests r ON r.request_id = c.id")}
        if stored:
            duplicate |= fresh & rows["request_id"].isin(stored)
    _log_duplicates(con, import_id, rows[duplicate])
    rows = rows[~duplicate]
    columns = list(rows.columns)
    values = rows.astype(object).where(rows.notna(), None).to_numpy().tolist()
    con.executemany(
        f"INSERT INTO requests({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)
    result.rows_stored += len(rows)
    result.duplicates += int(duplicate.sum())


def _log_duplicates(con: sqlite3.Connection, import_id: int, repeated: pd.DataFrame) -> None:
    if repeated.empty:
        return
    counts = (repeated.groupby(["reg_quarter", "proc_quarter"], dropna=False).size()
              .reset_index(name="count"))
    con.executemany(
        "INSERT INTO duplicates(import_id, reg_quarter, proc_quarter, count) VALUES (?, ?, ?, ?)",
        [(import_id, None if pd.isna(r) else int(r), None if pd.isna(p) else int(p), int(c))
         for r, p, c in counts.itertuples(index=False)],
    )
