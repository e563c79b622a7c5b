"""`kcdesk demo PROJECT`: write the realistic demo project (eight quarters ending at 2026-Q3)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kcdesk.cli.progress import ConsoleProgress
from kcdesk.core.demo import DEMO_SEED, QUARTERS, build_demo_project
from kcdesk.core.store import queries
from kcdesk.core.store.project import Project


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="write a realistic demo project generated from a fixed seed")
    parser.add_argument("project", type=Path, help="the project file to write (.kcdesk)")
    parser.add_argument("--seed", type=int, default=DEMO_SEED, help=f"random seed (default {DEMO_SEED})")
    parser.add_argument("--quarters", type=int, default=len(QUARTERS), metavar="N",
                        help=f"how many quarters, the latest ending at {QUARTERS[-1]} (1-{len(QUARTERS)}, "
                             f"default {len(QUARTERS)})")
    parser.add_argument("--force", action="store_true", help="replace PROJECT if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.project
    if args.force and path.exists() and path.is_file():
        path.unlink()
    build_demo_project(path, seed=args.seed, progress=ConsoleProgress(), quarters=args.quarters)
    with Project.open(path) as project:
        quarters = project.quarters()
        total = queries.request_count(project)
    print(f"{path}: demo project written: {total} requests in {len(quarters)} quarters "
          f"({quarters[0]} … {quarters[-1]}), seed {args.seed}")
    print(f"next: kcdesk analyze {path} --quarter {quarters[-1]}")
    return 0
