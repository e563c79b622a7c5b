"""`kcdesk analyze PROJECT --quarter Q [--json OUT]`: the three stages, as JSON or a readable summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from kcdesk.cli.progress import print_or_write_json
from kcdesk.core.model import Analysis
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.usecases.analysis import analyse_quarter
from kcdesk.core.vocabulary import QUARTER_RULES


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("analyze", aliases=["analyse"], help="compute the three stages for a quarter")
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q3")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the analysis JSON here ('-' for stdout)")
    parser.add_argument("--rule", choices=QUARTER_RULES,
                        help="place requests in quarters by processing date (§9, the default: closing "
                             "date, else registration date) or by registration date; remembered")
    add_basis_option(parser)
    parser.set_defaults(run=run)


def add_basis_option(parser: argparse.ArgumentParser) -> None:
    """--basis, shared by `analyze` and `report` (the project setting, remembered)."""
    parser.add_argument("--basis", choices=("previous", "year-ago"),
                        help="the quarter the +30 %% rule (§11) compares with: the previous quarter (the "
                             "default) or the same quarter a year ago; both changes are shown; remembered")


def run(args: argparse.Namespace) -> int:
    quarter = Quarter.parse(args.quarter)
    with Project.open(args.project) as project:
        if args.json is not None and str(args.json) != "-":
            project.output_guard().check(args.json)
        result = analyse_quarter(project, quarter, rule=args.rule, basis=args.basis)
    print_or_write_json(result.to_json(), args.json, lambda: summary(result))
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f} %"


def _num(value: int | None) -> str:
    return "no data" if value is None else str(value)


def summary(result: Analysis) -> str:
    total, comparison = result.total, result.comparison
    rule = "registration date" if result.quarter_rule == "registered" else "processing date"
    basis = (f"the same quarter a year ago ({comparison.year_ago})" if comparison.basis == "year_ago"
             else f"the previous quarter ({comparison.previous})")
    lines = [
        f"Quarter {result.quarter} (requests placed by {rule})",
        f"  total {total.count}; previous {comparison.previous}: {_num(total.previous)} "
        f"({_pct(total.change_pct)}); year ago {comparison.year_ago}: {_num(total.year_ago)} "
        f"({_pct(total.change_year_pct)})",
        f"  the +30 % rule compares with {basis}",
        "", "By topic (count, previous, change, year ago, change):",
    ]
    for topic in result.by_topic:
        mark = " NEW" if topic.new else (" >30%" if topic.flag_over_30 else "")
        caution = " (small numbers)" if topic.caution else ""
        lines.append(f"  {topic.count:7} {_num(topic.previous):>8} {_pct(topic.change_pct):>10} "
                     f"{_num(topic.year_ago):>8} {_pct(topic.change_year_pct):>10}  {topic.topic}{mark}{caution}")
    lines += ["", "By region:"]
    for region in result.by_region:
        lines.append(f"  {region.count:7} {_num(region.previous):>8} {_pct(region.change_pct):>10}  {region.region}")
    lines += ["", "Top 10:"]
    for row in result.top10.all:
        lines.append(f"  {row.rank:3}. {row.topic} — {row.count}")
    lines += ["", "Portrait:"]
    for dimension, counts in result.portrait.dimensions().items():
        lines.append(f"  {dimension}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    quality = result.data_quality.to_json()
    lines += ["", "Data quality: " + ", ".join(f"{k} {v}" for k, v in quality.items())]
    return "\n".join(lines)
