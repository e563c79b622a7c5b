"""`kcdesk import PROJECT FILE...`: read, map, normalise and store exports; print what happened."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from kcdesk.cli.progress import ConsoleProgress
from kcdesk.core.errors import KcError
from kcdesk.core.fields import FIELDS
from kcdesk.core.importing import IGNORE, ImportResult
from kcdesk.core.usecases.importing import FilePlan, import_files

EXAMPLES_SHOWN = 5


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="import exports (.xlsx .xlsm .xls .ods .csv .txt) into a project")
    parser.add_argument("project", type=Path, help="the project file (.kcdesk); created if missing")
    parser.add_argument("files", type=Path, nargs="+", help="export files")
    parser.add_argument("--source", help="tag for this import (default: the file name)")
    parser.add_argument("--map", action="append", default=[], metavar='"Header text=field"',
                        help="override the automatic column mapping (repeatable; field 'ignore' drops a column)")
    parser.add_argument("--sheet", help="read only this sheet")
    parser.add_argument("--header-row", type=int, help="the header is on this row (1-based)")
    parser.add_argument("--dry-run", action="store_true", help="show the mapping and the problems, store nothing")
    parser.set_defaults(run=run)


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


def run(args: argparse.Namespace) -> int:
    overrides = parse_overrides(args.map)
    plans = [FilePlan(path, args.sheet, args.header_row, dict(overrides) or None) for path in args.files]
    for result in import_files(args.project, plans, ConsoleProgress(), args.source, args.dry_run):
        print(summary(result))
    return 0


def summary(result: ImportResult) -> str:
    lines = []
    for item in result.files:
        where = f"{item.file}" + (f" [{item.sheet}]" if item.sheet else "")
        lines.append(f"{where}: source '{item.source}', header on row {item.header_row}")
        mapped = ", ".join(f"{h} → {f}" for h, f in item.mapping.items() if f)
        looks = {w.params.get("value"): w.params.get("field") for w in item.warnings
                 if w.code == "column_looks_like"}
        unused = ", ".join(h + (f" (looks like {looks[h]})" if h in looks else "")
                           for h, f in item.mapping.items() if not f)
        lines.append(f"  columns: {mapped}")
        if unused:
            lines.append(f"  not used: {unused}")
        for warning in item.warnings:
            lines.append(f"  warning: {KcError.__str__(warning)}")
        lines.append(f"  rows read {item.rows_read}, stored {item.rows_stored}, "
                     f"duplicates skipped {item.duplicates}, rows without a readable date {item.bad_dates}")
        for field, counts in item.unresolved.items():
            counts = counts.sort_values(ascending=False)
            examples = ", ".join(f"'{v}' ×{int(n)}" for v, n in counts.head(EXAMPLES_SHOWN).items())
            more = f" and {len(counts) - EXAMPLES_SHOWN} more" if len(counts) > EXAMPLES_SHOWN else ""
            lines.append(f"  unresolved {field}: {int(counts.sum())} rows, {len(counts)} values: {examples}{more}")
    verb = "would store" if result.dry_run else "stored"
    lines.append(f"total: {result.rows_read} rows read, {verb} {result.rows_stored}, "
                 f"{result.duplicates} duplicates skipped" + (" (dry run: nothing stored)" if result.dry_run else ""))
    return "\n".join(lines)
