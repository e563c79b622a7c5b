"""`kcdesk map PROJECT --quarter Q [--topic T] [--by count|change|rate] [--lang kk|ru] --out FILE.png`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kcdesk.charts.map_bins import BY, label, map_data
from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("map", help="draw the map of requests by region as a PNG")
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q3")
    parser.add_argument("--topic", help="only this topic (its name in the project's catalogue)")
    parser.add_argument("--by", choices=BY, default="count",
                        help="colour by count, change against the previous quarter, or rate per 10,000 residents "
                             "(needs the project's population setting)")
    parser.add_argument("--lang", choices=("kk", "ru"), default="ru", help="language of the labels (default ru)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.set_defaults(run=run)


def population_setting(value: object) -> dict[str, int]:
    """The project's `population` setting ({region code: residents}); anything unusable is left out."""
    if not isinstance(value, dict):
        return {}
    out = {}
    for code, people in value.items():
        try:
            number = int(people)
        except (TypeError, ValueError):
            continue
        if number > 0:
            out[str(code)] = number
    return out


def find_topic(topics: Any, text: str, lang: str) -> tuple[str, str]:
    """The topic's catalogue name (what region_counts filters on) and its name in `lang`, from any
    of its names (catalogue, kk or ru), case and spacing ignored."""
    wanted = " ".join(text.split()).casefold()
    for row in topics.to_dict("records"):
        names = [row.get("name"), row.get("name_kk"), row.get("name_ru")]
        if any(isinstance(n, str) and " ".join(n.split()).casefold() == wanted for n in names):
            shown = row.get(f"name_{lang}")
            return row["name"], shown if isinstance(shown, str) and shown.strip() else row["name"]
    raise KcError("unknown_topic", value=text)


def title(quarter: Quarter, lang: str, topic: str | None) -> str:
    text = label(lang, "quarter", year=quarter.year, number=quarter.number)
    return f"{text} · {topic}" if topic else text


def run(args: argparse.Namespace) -> int:
    # Late imports: argparse help and other commands do not load the store or Qt.
    from kcdesk.charts.map import render_map_png
    from kcdesk.core.analyse.analysis import region_counts
    from kcdesk.core.store.project import Project

    quarter = Quarter.parse(args.quarter)
    with Project.open(args.project) as project:
        if not project.has_data(quarter):
            raise KcError("no_data_for_quarter" if project.quarters() else "no_data", value=str(quarter))
        population = population_setting(project.get_setting("population"))
        if args.by == "rate" and not population:
            raise KcError("map_no_population")
        topic, shown = find_topic(project.topics(), args.topic, args.lang) if args.topic else (None, None)
        table = region_counts(project, quarter, topic)
    values, unknown, details = map_data(table, args.by, args.lang, population)
    render_map_png(values, args.out, lang=args.lang, by=args.by, title=title(quarter, args.lang, shown),
                   unknown_count=unknown, width=args.width, height=args.height, details=details)
    print(args.out)
    return 0
