"""`kcdesk deadlines --quarter Q [--today DATE]`: the quarter's deadlines in Kazakhstan's working days."""

from __future__ import annotations

import argparse
from datetime import date

from kcdesk.core.calendar import ANALYSIS, POSTING, WINDOW_END, Deadline, deadlines, holiday_names
from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter

_TITLES = {
    ANALYSIS: "Analysis done (§3, the 5th)",
    WINDOW_END: "End of the 10-working-day window (§5)",
    POSTING: "Справка posted (§16, the 25th)",
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("deadlines", help="the quarter's deadlines (§3, §5, §16) with KZ holidays")
    parser.add_argument("--quarter", help="e.g. 2026-Q3 (default: the quarter before today's)")
    parser.add_argument("--today", help="count the days left from this date, YYYY-MM-DD (default: today)")
    parser.set_defaults(run=run)


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise KcError("bad_date", value=text) from None


def _left(item: Deadline) -> str:
    n = item.working_days_left
    if n < 0:
        return f"missed {-n} working day(s) ago"
    if n == 0:
        return "today"
    return f"{n} working day(s) left"


def _line(item: Deadline) -> str:
    text = f"  {_TITLES[item.kind]}: {item.due.isoformat()} ({item.due:%a})"
    if item.day_off:
        names = holiday_names(item.due)
        why = names.get("en") or "weekend"
        text += f", a day off ({why}); in practice {item.in_practice.isoformat()} ({item.in_practice:%a})"
    return text + f" — {_left(item)}"


def run(args: argparse.Namespace) -> int:
    today = _parse_day(args.today) if args.today else date.today()
    quarter = Quarter.parse(args.quarter) if args.quarter else Quarter.of(today).previous()
    result = deadlines(quarter, today)
    print(f"Quarter {quarter}, as of {today.isoformat()} (Kazakhstan's working days, holidays and transfers)")
    print(f"  The 10-working-day window counts from {result.window_start.isoformat()}, "
          "the first working day after the quarter")
    for item in result.all:
        print(_line(item))
    for day in result.estimated:
        name = (holiday_names(day).get("en") or "").replace(" (estimated)", "")
        print(f"  Note: {name} on {day.isoformat()} is an estimate; "
              "the count may shift by a day when the date is announced")
    return 0
