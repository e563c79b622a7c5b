"""The desktop app's entry: QApplication, translators, logging to a file, `--smoke`, `--demo`, `--lang`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from kcdesk.core.logs import setup_logging
from kcdesk.core.vocabulary import LANGS

log = logging.getLogger("kcdesk.gui")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kcdesk")
    parser.add_argument("project", nargs="?", type=Path)
    parser.add_argument("--smoke", action="store_true", help="open the demo, walk every step, exit")
    parser.add_argument("--demo", action="store_true", help="open the demo project")
    parser.add_argument("--lang", choices=LANGS)
    return parser.parse_args(argv)


def make_app(argv: list[str] | None = None):
    """The QApplication with our name (QSettings, data folder) and the bundled font."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv or ["kcdesk"]))
    app.setOrganizationName("kcdesk")
    app.setApplicationName("kcdesk")
    from kcdesk.charts.fonts import ensure_fonts

    family = ensure_fonts()
    font = app.font()
    if sys.platform != "win32":  # Windows' Segoe UI has the Kazakh letters; elsewhere use the bundled font
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return app


def install_excepthook(window) -> None:
    """An exception escaping a Qt slot is logged and shown as one plain sentence, never a traceback."""
    from kcdesk.gui import messages

    def hook(kind, value, tb) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            window.message_bar.show_message(messages.unexpected, "error")
        except RuntimeError:  # the window is already gone
            pass

    sys.excepthook = hook


def smoke(window) -> int:
    """Open the demo, walk every step once, exit 0 (used by the build's smoke test)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kcdesk.core.resources import resource

    bundled = resource("demo", "demo.kcdesk")
    scratch = tempfile.TemporaryDirectory(prefix="kcdesk-smoke-")
    if bundled.is_file():
        from kcdesk.gui.operations import demo_copy

        path = demo_copy(bundled, Path(scratch.name))
    else:
        from kcdesk.core.demo import build_demo_project

        path = build_demo_project(Path(scratch.name) / "demo.kcdesk", quarters=2)
    loop = QEventLoop()
    window.session.analysis_changed.connect(loop.quit)
    QTimer.singleShot(20000, loop.quit)
    if not window.open_path(path):
        return 1
    loop.exec()
    problems = [] if window.session.analysis is not None else ["no analysis"]
    for row in range(len(window.steps)):
        window.go_to(row)
        window.grab()
        bar = window.message_bar
        if not bar.isHidden() and getattr(bar, "kind", "") == "error":
            problems.append(f"step {row + 1}: {bar.label.text()}")
            bar.hide()
    # What closing the window does, delivered directly: a window never shown does not always get
    # it from close() (Windows with the offscreen platform returns True without a close event).
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QCloseEvent

    QCoreApplication.sendEvent(window, QCloseEvent())  # cancels and waits for the job, closes the project
    window.runner.wait(600_000)  # a job slower than closeEvent's 30 s keeps its own connection until it ends
    window.close()
    # Windows cannot delete a file some connection still holds: the project must be closed by now.
    _remove_folder(Path(scratch.name), problems)
    from kcdesk.core.store.project import close_all

    left = close_all()
    if left:
        problems.append(f"{len(left)} project connection(s) still open after the window closed")
        _remove_folder(Path(scratch.name), problems)
    print("kcdesk smoke: ok" if not problems else "kcdesk smoke: " + "; ".join(problems))
    return 0 if not problems else 1


def _remove_folder(folder: Path, problems: list[str]) -> None:
    """Delete the smoke run's scratch folder. Windows refuses while any process holds a file open
    (an antivirus scanning the copy may, for a moment): retried for up to 5 s, then reported."""
    import shutil
    import time

    for attempt in range(26):
        try:
            shutil.rmtree(folder)
            return
        except FileNotFoundError:
            return
        except OSError as error:
            if attempt == 25:
                problems.append(f"scratch folder not removed ({type(error).__name__}: {error.strerror})")
                return
            time.sleep(0.2)


def run_gui(argv: list[str]) -> int:
    args = parse(argv)
    if args.smoke and sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app(sys.argv[:1])
    setup_logging()  # the same support log as the command line (kcdesk.core.logs), no row values
    if args.smoke:  # a failing smoke run shows why on the console
        logging.getLogger("kcdesk").addHandler(logging.StreamHandler())
    from kcdesk.gui import lang
    from kcdesk.gui.main_window import MainWindow

    lang.install(args.lang or lang.default_language(), remember=args.lang is not None)
    window = MainWindow()
    if not args.smoke:  # the smoke run must fail loudly instead
        install_excepthook(window)
    if args.smoke:
        return smoke(window)
    window.show()
    if args.project is not None:
        window.open_path(args.project)
    elif args.demo:
        window.open_demo()
    code = app.exec()
    from kcdesk.core.store.project import close_all

    left = close_all()  # the window closed its project; anything else still open is closed here
    if left:
        logging.getLogger("kcdesk.gui").warning("%d project connection(s) left open at exit", len(left))
    return code
