"""Entry script of the one-file build: the same `main` as the `kcdesk` console script, plus the splash."""

import multiprocessing
import os
import sys
from collections.abc import Callable

from kcdesk.cli.main import _wants_gui, main


def close_splash() -> None:
    """Close the bootloader's splash (shown while the executable unpacks itself), if there is one.

    Guarded by the bootloader's variable: importing pyi_splash without it (headless Linux, where Tk
    cannot open a display and the bootloader skips the splash) would log an error."""
    if "_PYI_SPLASH_IPC" not in os.environ:
        return
    try:
        import pyi_splash

        pyi_splash.close()
    except Exception:  # a splash that cannot close is cosmetic; never stop the app for it
        pass


def when_event_loop_runs(callback: Callable[[], None]) -> None:
    """Call `callback` on the UI thread once QApplication.exec() runs, i.e. after run_gui showed the
    main window and Qt processed its show/paint events (exec is static in PySide6)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    def exec_then_callback(*_args: object) -> int:
        QApplication.exec = original  # once: nested or later loops are the app's own
        QTimer.singleShot(0, callback)
        return original()

    QApplication.exec = exec_then_callback


def startup_probe(path: str, hold: float = 0.0) -> Callable[[], None]:
    """KCDESK_STARTUP_PROBE=FILE (benchmarks/startup.py): write the wall-clock time and the visible
    windows to FILE, then quit; after KCDESK_STARTUP_HOLD seconds when set (windows_under_wine.sh
    takes a screenshot of the first window meanwhile)."""

    def probe() -> None:
        import json
        import time

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        shown = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"time": time.time(), "windows": shown}, handle)
        QTimer.singleShot(int(hold * 1000), QApplication.instance().quit)

    return probe


def run() -> int:
    # scikit-learn/joblib may start worker processes; a frozen exe must answer them, not start kcdesk again.
    multiprocessing.freeze_support()
    probe_file = os.environ.get("KCDESK_STARTUP_PROBE")
    if _wants_gui(sys.argv[1:]) and "--smoke" not in sys.argv:
        def first_window() -> None:
            close_splash()
            if probe_file:
                startup_probe(probe_file, float(os.environ.get("KCDESK_STARTUP_HOLD") or 0))()

        when_event_loop_runs(first_window)
    else:
        close_splash()  # the CLI and --smoke show no window of their own
    return main()


if __name__ == "__main__":
    sys.exit(run())
