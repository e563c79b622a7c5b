"""What long CLI commands show: progress on the terminal (stderr), and results as JSON or a summary."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kcdesk.core.files import atomic_write_text


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


def print_or_write_json(result: object, target: Path | None, summary: Callable[[], str]) -> None:
    """`--json OUT` writes the result (atomically; '-' prints it); without it, the readable summary."""
    if target is None:
        print(summary())
        return
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if str(target) == "-":
        print(text)
    else:
        atomic_write_text(target, text + "\n")
