"""`kcdesk search PROJECT "words"`: requests whose question holds the words, by quarter, region and topic."""

from __future__ import annotations

import argparse
from pathlib import Path

from kcdesk.core.normalise.reference import region_name
from kcdesk.core.store.project import Project
from kcdesk.core.store.search import SearchResult, search


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="full-text search over the question texts")
    parser.add_argument("project", type=Path)
    parser.add_argument("query", help='words to find (all of them, as word beginnings); "exact phrase" in quotes')
    parser.add_argument("--limit", type=int, default=10, help="examples to show (default 10)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        result = search(project, args.query, limit=max(0, args.limit))
    print(summary(result))
    return 0


def _cut(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(result: SearchResult) -> str:
    from kcdesk.core.analyse.content.normalise import display_text  # loads scikit-learn: only here

    lines = [f"{result.total} requests match {result.query!r}"]
    if not result.total:
        return lines[0]
    lines += ["", "By quarter:"] + [f"  {r.quarter}  {r.count}" for r in result.by_quarter.itertuples()]
    lines += ["", "By region:"] + [f"  {r.count:7}  {region_name(r.region) if r.region else '—'}"
                                   for r in result.by_region.head(20).itertuples()]
    lines += ["", "By topic:"] + [f"  {r.count:7}  {r.topic or '—'}" for r in result.by_topic.head(20).itertuples()]
    lines += ["", "Examples (identical texts once, with their count):"] + [
        f"  {e['quarter']}  {_cut(display_text(e['question'] or ''))}"
        + (f"  (x{e['count']})" if (e.get("count") or 1) > 1 else "") for e in result.examples]
    return "\n".join(lines)
