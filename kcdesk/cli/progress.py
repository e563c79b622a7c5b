"""Progress on the terminal for long CLI commands (stderr, only when it is a terminal)."""

from __future__ import annotations

import sys
import time


class ConsoleProgress:
    def __init__(self) -> None:
        self._last = 0.0
        self._shown = sys.stderr.isatty()

    def report(self, done: int, total: int, stage: str = "") -> None:
        now = time.monotonic()
        if not self._shown or now - self._last < 0.2:
            return
        self._last = now
        pct = 100 * done / total if total else 0
        sys.stderr.write(f"\r{stage[:40]:40} {pct:5.1f} %")
        sys.stderr.flush()
        if done >= total:
            sys.stderr.write("\n")

    def cancelled(self) -> bool:
        return False
