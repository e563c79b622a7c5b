"""The progress protocol long core work reports through; the GUI runner and the CLI implement it."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised by core work when progress.cancelled() turned true; nothing was changed."""


class Progress(Protocol):
    def report(self, done: int, total: int, stage: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class NullProgress:
    """Progress that reports nowhere and is never cancelled."""

    def report(self, done: int, total: int, stage: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


def check(progress: Progress | None) -> None:
    """Raise Cancelled where the user asked to stop; call between chunks."""
    if progress is not None and progress.cancelled():
        raise Cancelled()
