"""Population figures pasted from a spreadsheet: "region<TAB>residents" lines, or one column in order."""

from __future__ import annotations

import re

import pandas as pd

from kcdesk.core.normalise.reference import resolve

_NUMBER = re.compile(r"^[\d\s\u00a0\u202f.,']+$")


def _number(text: str) -> int | None:
    """ "1 234 567", "1,234,567", "1234567.0" → 1234567; anything else → None."""
    text = text.strip()
    if not text or not _NUMBER.match(text):
        return None
    text = re.sub(r"[.,]0+$", "", text)
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else None


def parse_population(text: str, order: list[str]) -> dict[str, int]:
    """Region code → residents. Lines with a region name and a number are matched by name (any
    spelling the reference knows); a bare column of numbers follows `order`."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    named: dict[str, int] = {}
    bare: list[int] = []
    for line in lines:
        cells = [c for c in re.split(r"\t|;", line) if c.strip()]
        if len(cells) >= 2 and _number(cells[-1]) is not None:
            code = resolve("region", pd.Series([cells[0]])).iloc[0]
            number = _number(cells[-1])
            if code and number is not None:
                named[code] = number
        elif len(cells) == 1 and (number := _number(cells[0])) is not None:
            bare.append(number)
    if named:
        return named
    return dict(zip(order, bare))
