"""`kcdesk analyze PROJECT --quarter Q [--json OUT]`: the three stages, as JSON or a readable summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kcdesk.cli.progress import print_or_write_json
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.usecases.analysis import analyse_quarter


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("analyze", aliases=["analyse"], help="compute the three stages for a quarter")
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q3")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the analysis JSON here ('-' for stdout)")
    parser.add_argument("--rule", choices=("registered", "processed"),
                        help="place requests in quarters by registration (default) or processing date (§9); remembered")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    quarter = Quarter.parse(args.quarter)
    with Project.open(args.project) as project:
        if args.json is not None and str(args.json) != "-":
            project.output_guard().check(args.json)
        result = analyse_quarter(project, quarter, rule=args.rule)
    print_or_write_json(result, args.json, lambda: summary(result))
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f} %"


def _num(value: int | None) -> str:
    return "no data" if value is None else str(value)


def summary(result: dict[str, Any]) -> str:
    total = result["total"]
    rule = "registration date" if result.get("quarter_rule", "registered") == "registered" else "processing date"
    lines = [
        f"Quarter {result['quarter']} (requests placed by {rule})",
        f"  total {total['count']}; previous {result['comparison']['previous']}: {_num(total['previous'])} "
        f"({_pct(total['change_pct'])}); year ago {result['comparison']['year_ago']}: {_num(total['year_ago'])}",
        "", "By topic (count, previous, change):",
    ]
    for row in result["by_topic"]:
        mark = " NEW" if row["new"] else (" >30%" if row["flag_over_30"] else "")
        caution = " (small numbers)" if row.get("caution") else ""
        lines.append(f"  {row['count']:7} {_num(row['previous']):>8} {_pct(row['change_pct']):>10}  {row['topic']}{mark}{caution}")
    lines += ["", "By region:"]
    for row in result["by_region"]:
        lines.append(f"  {row['count']:7} {_num(row['previous']):>8} {_pct(row['change_pct']):>10}  {row['region']}")
    lines += ["", "Top 10:"]
    for row in result["top10"]["all"]:
        lines.append(f"  {row['rank']:3}. {row['topic']} — {row['count']}")
    lines += ["", "Portrait:"]
    for dimension, counts in result["portrait"].items():
        lines.append(f"  {dimension}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    quality = result["data_quality"]
    lines += ["", "Data quality: " + ", ".join(f"{k} {v}" for k, v in quality.items())]
    return "\n".join(lines)
