"""Entry script of the one-file build: the same `main` as the `kcdesk` console script."""

import multiprocessing
import os
import sys

from kcdesk.cli.main import main


def install_startup_probe(path: str) -> None:
    """KCDESK_STARTUP_PROBE=FILE (benchmarks/startup.py): once the event loop runs with the first
    window shown and painted, write the wall-clock time and the visible windows to FILE, and quit."""
    import json
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    def exec_and_probe(*_args: object) -> int:  # exec is static in PySide6; called on the instance
        app = QApplication.instance()

        def probe() -> None:
            shown = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
            with open(path, "w", encoding="utf-8") as handle:
                json.dump({"time": time.time(), "windows": shown}, handle)
            app.quit()

        QTimer.singleShot(0, probe)  # runs after the queued show/expose/paint events
        return original()

    QApplication.exec = exec_and_probe


if __name__ == "__main__":
    # scikit-learn/joblib may start worker processes; a frozen exe must answer them, not start kcdesk again.
    multiprocessing.freeze_support()
    if os.environ.get("KCDESK_STARTUP_PROBE"):
        install_startup_probe(os.environ["KCDESK_STARTUP_PROBE"])
    sys.exit(main())
