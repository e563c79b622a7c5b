"""Errors as codes with named parameters; the doors (cli, gui) turn them into sentences."""

from __future__ import annotations

from typing import Any


class KcError(Exception):
    """A failure a user can cause or fix: a code plus named parameters, never a sentence.

    Parameters commonly used: file, sheet, row, column, value, field, reason.
    Values from the data must never be personal data (IIN, phone, name).
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # plain English fallback, used in logs and the CLI
        from kcdesk.core.messages import english

        return english(self.code, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled whole (the reader process sends them)
        return (_restore, (self.code, self.params))

    def __repr__(self) -> str:
        return f"KcError({self.code!r}, {self.params!r})"


def _restore(code: str, params: dict[str, Any]) -> KcError:
    return KcError(code, **params)
