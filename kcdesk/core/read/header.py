"""Finding the header row among title lines, and joining a two-row (merged group) header."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kcdesk.core.fields import match_header

SCAN_ROWS = 30
MIN_RECOGNISED = 2

Row = Sequence[Any]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _filled(row: Row) -> list[int]:
    return [i for i, v in enumerate(row) if _text(v)]


def _score(row: Row) -> int:
    """How many distinct fields the row's text cells name."""
    return len({f for v in row if isinstance(v, str) and (f := match_header(v))})


def _is_text_row(row: Row) -> bool:
    return all(isinstance(row[i], str) for i in _filled(row))


def find_header(rows: Sequence[Row]) -> int | None:
    """0-based index of the best header row among the first rows, or None (fewer than 2 names)."""
    best, best_score = None, MIN_RECOGNISED - 1
    for index, row in enumerate(rows[:SCAN_ROWS]):
        score = _score(row)
        if score > best_score:
            best, best_score = index, score
    return best


def _sub_row(upper: Row, lower: Row) -> bool:
    """Whether `lower` holds sub-headers under `upper` (groups and vertically merged cells)."""
    if not _is_text_row(lower) or not _filled(lower):
        return False
    upper_filled, lower_filled = set(_filled(upper)), set(_filled(lower))
    # Sub-headers sit (at least partly) under empty cells or group titles of the upper row, whose
    # own headers (merged down) leave holes in the lower row.  A data row value that happens to
    # be a header word ("Телефон" as a channel) sits under a recognised header, so it is not one.
    holes = upper_filled - lower_filled
    under_groups = [i for i in lower_filled
                    if match_header(lower[i]) and (i >= len(upper) or not match_header(upper[i]))]
    return bool(holes) and bool(under_groups)


def _group_row(upper: Row, lower: Row) -> bool:
    """Whether `upper` (above the found header) is a row of group titles rather than a title line."""
    return _is_text_row(upper) and len(_filled(upper)) >= 2 and len(_filled(lower)) >= 2


def header_span(rows: Sequence[Row], found: int) -> tuple[int | None, int]:
    """(0-based group row or None, 0-based last header row) around the row find_header chose."""
    if found + 1 < len(rows) and _sub_row(rows[found], rows[found + 1]):
        return found, found + 1
    if found > 0 and _group_row(rows[found - 1], rows[found]):
        return found - 1, found
    return None, found


def _spread_groups(upper: Row, lower: Row, width: int) -> dict[int, int]:
    """Without merge information (CSV, ODS): a group title stands over its own column and the
    empty-topped columns to its right that have sub-headers; a header with nothing under it
    (merged down) ends the group."""
    groups: dict[int, int] = {}
    current = None
    for col in range(width):
        top = col < len(upper) and bool(_text(upper[col]))
        below = col < len(lower) and bool(_text(lower[col]))
        if top:
            current = col if below else None
        elif below and current is not None:
            groups[col] = current
        else:
            current = None
    return groups


def join_headers(upper: Row | None, lower: Row, width: int,
                 group_of: Callable[[int], int | None] | None = None) -> list[str]:
    """One header text per column; "Group / Sub" only where the sub-header alone names no field."""
    if upper is not None and group_of is None:
        group_of = _spread_groups(upper, lower, width).get
    headers = []
    for col in range(width):
        sub = _text(lower[col]) if col < len(lower) else ""
        group = ""
        if upper is not None:
            source = group_of(col) if group_of else None
            source = col if source is None else source
            group = _text(upper[source]) if source < len(upper) else ""
        if not sub:
            headers.append(group)
        elif not group or match_header(sub):
            headers.append(sub)
        else:
            headers.append(f"{group} / {sub}")
    return headers
