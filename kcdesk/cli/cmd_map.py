"""`kcdesk map PROJECT --quarter Q [--topic T] [--by count|change|rate] [--lang kk|ru] --out FILE.png`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kcdesk.charts.map_bins import BY, label, map_data
from kcdesk.core.quarters import Quarter
from kcdesk.core.vocabulary import LANGS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("map", help="draw the map of requests by region as a PNG")
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q3")
    parser.add_argument("--topic", help="only this topic (its name in the project's catalogue)")
    parser.add_argument("--by", choices=BY, default="count",
                        help="colour by count, change against the previous quarter, or rate per 10,000 residents "
                             "(needs the project's population setting)")
    parser.add_argument("--lang", choices=LANGS, default="ru", help="language of the labels (default ru)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.set_defaults(run=run)


def title(quarter: Quarter, lang: str, topic: str | None) -> str:
    text = label(lang, "quarter", year=quarter.year, number=quarter.number)
    return f"{text} · {topic}" if topic else text


def run(args: argparse.Namespace) -> int:
    # Late imports: argparse help and other commands do not load the store or Qt.
    from kcdesk.charts.map import render_map_png
    from kcdesk.core.store.project import Project
    from kcdesk.core.usecases.analysis import map_input

    quarter = Quarter.parse(args.quarter)
    with Project.open(args.project) as project:
        project.output_guard().check(args.out)
        data = map_input(project, quarter, args.topic, args.by, args.lang)
    values, unknown, details = map_data(data.table, args.by, args.lang, data.population)
    render_map_png(values, args.out, lang=args.lang, by=args.by, title=title(quarter, args.lang, data.topic),
                   unknown_count=unknown, width=args.width, height=args.height, details=details)
    print(args.out)
    return 0
