"""Text that a spreadsheet would run as a formula: cells kcdesk writes (.xlsx) or copies for Excel (TSV).

A citizen's text such as `=HYPERLINK("http://…","Нажмите")`, `+cmd|' /C calc'!A0` or `@SUM(A1)` must
arrive as text. Excel and LibreOffice start a formula at "=", "+", "-" or "@", also in their fullwidth
forms (＝ ＋ － ＠, which an IME types), and after leading spaces, tabs or line breaks. A plain number
("-5", "+12,5 %") is not a formula and stays as it is.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\u2212")
_NUMBER = re.compile(r"^[+\-\u2212]?\d[\d\s\u00a0\u202f.,]*(?:\s?%)?$")


def looks_like_formula(text: str) -> bool:
    stripped = text.lstrip(" \t\r\n\u00a0\u3000")
    return stripped.startswith(FORMULA_START) and not _NUMBER.match(stripped)


def neutralise(text: str) -> str:
    """For TSV pasted into Excel: a leading apostrophe makes the cell text (Excel does not show it)."""
    return "'" + text if looks_like_formula(text) else text
