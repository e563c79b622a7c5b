"""`kcdesk` command line: argparse over the core; no arguments (or a project path) opens the GUI."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from pathlib import Path

from kcdesk import __version__
from kcdesk.core.errors import KcError
from kcdesk.core.logs import log_file, setup_logging
from kcdesk.core.tasks import Cancelled

log = logging.getLogger("kcdesk.cli")

# Each command lives in its own module with add_parser(subparsers) and run(args) -> int.
COMMANDS: tuple[str, ...] = (
    "kcdesk.cli.cmd_import",
    "kcdesk.cli.cmd_analyze",
    "kcdesk.cli.cmd_catalogue",
    "kcdesk.cli.cmd_demo",
    "kcdesk.cli.cmd_deadlines",
    "kcdesk.cli.cmd_content",
    "kcdesk.cli.cmd_search",
    "kcdesk.cli.cmd_map",
    "kcdesk.cli.cmd_report", "kcdesk.cli.cmd_texts",
)

EXIT_OK, EXIT_INTERNAL, EXIT_USER_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
# Parameters of an error that name places, never values from the rows (the log is for support).
_LOGGED_PARAMS = ("file", "sheet", "row", "column", "field", "count")


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


def utf8_streams() -> None:
    """Write UTF-8 to stdout and stderr whatever the console code page.

    A Windows console gets Unicode anyway, but piped or redirected (`kcdesk --help | more`,
    `kcdesk deadlines > f.txt`, a scheduled task's log) Python would encode with the ANSI code page
    (cp1251 has no Kazakh letters, cp1252 no Cyrillic at all) and die with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
            continue
        try:
            reconfigure(encoding="utf-8", errors=stream.errors)
        except (OSError, ValueError):  # a closed or detached stream: nothing will be written to it
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    utf8_streams()
    setup_logging()
    if _wants_gui(argv):
        from kcdesk.gui.app import run_gui  # imported late: the CLI never loads Qt

        return run_gui(argv)
    try:
        return _run_command(argv)
    finally:
        _close_projects()


def _close_projects() -> None:
    """A command ends with no project file open (Windows could not delete or move it otherwise)."""
    store = sys.modules.get("kcdesk.core.store.project")
    if store is None:  # never imported (--version, --help, deadlines): nothing can be open
        return
    left = store.close_all()
    if left:
        log.warning("%d project connection(s) left open by the command; closed", len(left))


def _run_command(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from kcdesk.core.store.opening import on_notice

    on_notice(_print_notice)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USER_ERROR
    log.info("command %s", args.command)
    try:
        code = int(args.run(args) or EXIT_OK)
    except KcError as error:
        print(f"kcdesk: {error}", file=sys.stderr)
        where = {k: error.params[k] for k in _LOGGED_PARAMS if error.params.get(k) is not None}
        log.info("command %s: exit 2, %s %s", args.command, error.code, where)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # `kcdesk search … | head`: the reader has gone, nothing to report
        _silence_stdout()
        return EXIT_OK
    except (KeyboardInterrupt, Cancelled):
        print("kcdesk: interrupted; the project was not changed", file=sys.stderr)
        log.info("command %s: interrupted", args.command)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - a bug: one line for the user, the frames for support
        # The message of an unexpected exception may quote a cell, so only its type and frames are logged.
        frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
        log.error("command %s: internal error %s\n%s", args.command, type(error).__name__, frames)
        print(f"kcdesk: internal error ({type(error).__name__}); please send the log {log_file()} "
              "to support", file=sys.stderr)
        return EXIT_INTERNAL
    log.info("command %s: exit %d", args.command, code)
    return code


def _print_notice(notice: KcError) -> None:
    """What the core tells the officer while a command runs (e.g. a stray journal moved aside)."""
    print(f"kcdesk: warning: {notice}", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def project_path(text: str) -> Path:
    """argparse type for PROJECT arguments."""
    return Path(text).expanduser()


if __name__ == "__main__":
    raise SystemExit(main())
