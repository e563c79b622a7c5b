"""`kcdesk` command line: argparse over the core; no arguments (or a project path) opens the GUI."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from kcdesk import __version__
from kcdesk.core.errors import KcError
from kcdesk.core.tasks import Cancelled

# Each command lives in its own module with add_parser(subparsers) and run(args) -> int.
COMMANDS: tuple[str, ...] = (
    "kcdesk.cli.cmd_import",
    "kcdesk.cli.cmd_analyze",
    "kcdesk.cli.cmd_demo",
    "kcdesk.cli.cmd_deadlines",
    "kcdesk.cli.cmd_map",
    "kcdesk.cli.cmd_report", "kcdesk.cli.cmd_texts",
)

EXIT_OK, EXIT_USER_ERROR, EXIT_INTERRUPTED = 0, 2, 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kcdesk",
        description="Quarterly analysis of citizens' requests to contact centres (Methodology 114-НҚ).",
    )
    parser.add_argument("--version", action="version", version=f"kcdesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def _wants_gui(argv: list[str]) -> bool:
    """No arguments, a project path, or only GUI options: open the desktop app."""
    if not argv:
        return True
    first = argv[0]
    if first in ("--smoke", "--demo", "--lang"):
        return True
    return not first.startswith("-") and first.endswith(".kcdesk") and len(argv) == 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(argv):
        from kcdesk.gui.app import run_gui  # imported late: the CLI never loads Qt

        return run_gui(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return int(args.run(args) or EXIT_OK)
    except KcError as error:
        print(f"kcdesk: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (KeyboardInterrupt, Cancelled):
        print("kcdesk: interrupted; the project was not changed", file=sys.stderr)
        return EXIT_INTERRUPTED


def project_path(text: str) -> Path:
    """argparse type for PROJECT arguments."""
    return Path(text).expanduser()


if __name__ == "__main__":
    raise SystemExit(main())
