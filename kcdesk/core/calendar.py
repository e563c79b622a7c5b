"""Deadlines of the quarterly analysis (§3, §5, §16) counted in Kazakhstan's working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from kcdesk.core.quarters import Quarter

# §5: the analysis lasts no more than ten working days.
WINDOW_WORKING_DAYS = 10
# §3: the analysis is done by the 5th of the month after the quarter; §16: posted by the 25th.
ANALYSIS_DAY = 5
POSTING_DAY = 25

# Kinds of deadline, in the order they are shown. Codes, not sentences: the doors word them.
ANALYSIS, WINDOW_END, POSTING = "analysis", "window_end", "posting"


@lru_cache(maxsize=32)
def _year(year: int) -> holidays.HolidayBase:
    """The `holidays` package's KZ calendar for one year (public holidays, observed days and
    government transfers of days off, whose Saturdays/Sundays become working days)."""
    return holidays.country_holidays("KZ", years=year, language="en_US")


@lru_cache(maxsize=32)
def _year_kk(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=year, language="kk")


def _is_transferred_workday(day: date) -> bool:
    # A transfer decree of year Y may name a working Saturday in December of Y-1 (2014 ← 2013-12-28),
    # so look at this year's and next year's decrees.
    return any(day in _year(y).weekend_workdays for y in (day.year, day.year + 1))


def is_working_day(day: date) -> bool:
    """Monday-Friday minus public holidays and days off; plus weekend days made working by a transfer."""
    if day in _year(day.year):
        return False
    if day.weekday() >= 5:
        return _is_transferred_workday(day)
    return True


def day_off_reason(day: date) -> str | None:
    """Why a day is not a working day: "holiday", "weekend", or None for a working day."""
    if day in _year(day.year):
        return "holiday"
    if day.weekday() >= 5 and not _is_transferred_workday(day):
        return "weekend"
    return None


def holiday_names(day: date) -> dict[str, str]:
    """The holiday's name from the `holidays` package ({"en": ..., "kk": ...}; empty on other days).

    The package has no Russian names; the GUI translates the English one.
    """
    if day not in _year(day.year):
        return {}
    return {"en": _year(day.year).get(day), "kk": _year_kk(day.year).get(day)}


def working_days_after(start: date, end: date) -> int:
    """Working days in (start, end]; negative (-count of (end, start]) when end is before start."""
    if end < start:
        return -working_days_after(end, start)
    # At most a few hundred days: a loop over days, not over rows.
    return sum(is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))


def nth_working_day_after(day: date, n: int) -> date:
    """The n-th working day after `day` (n >= 1)."""
    count = 0
    while count < n:
        day += timedelta(days=1)
        count += is_working_day(day)
    return day


def last_working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


@dataclass(frozen=True)
class Deadline:
    """One deadline: the date the Methodology names and, if that is a day off, the working day before."""

    kind: str  # ANALYSIS, WINDOW_END or POSTING
    due: date  # the date as the Methodology counts it
    day_off: bool  # `due` is a weekend day or a holiday
    in_practice: date  # the last working day on or before `due` (== due on a working day)
    working_days_left: int  # working days after `today` up to `in_practice`; 0 = today, < 0 = missed
    days_left: int  # calendar days from `today` to `due`

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0


@dataclass(frozen=True)
class Deadlines:
    """The deadlines of one quarter as seen on `today`."""

    quarter: Quarter
    today: date
    window_start: date  # the first working day after the quarter (the day the §5 window starts counting)
    analysis: Deadline  # §3: the 5th of the next month
    window_end: Deadline  # §5: the 10th working day counted from `window_start`
    posting: Deadline  # §16: the 25th of the next month
    # Holidays in the counted span whose date the package only estimates (Kurban ait is fixed by
    # the Spiritual Administration each year): the counts may shift by a day once it is announced.
    estimated: tuple[date, ...] = ()

    @property
    def all(self) -> tuple[Deadline, Deadline, Deadline]:
        return (self.analysis, self.window_end, self.posting)

    @property
    def next(self) -> Deadline | None:
        """The nearest deadline not yet missed (None once all have passed)."""
        pending = [d for d in self.all if not d.overdue]
        return min(pending, key=lambda d: d.in_practice) if pending else None


def estimated_holidays(start: date, end: date) -> tuple[date, ...]:
    """Days off in [start, end] whose date the `holidays` package marks as estimated."""
    found = []
    for year in range(start.year, end.year + 1):
        for day, name in _year(year).items():
            if start <= day <= end and "estimated" in name:
                found.append(day)
    return tuple(sorted(found))


def _deadline(kind: str, due: date, today: date) -> Deadline:
    practice = last_working_day_on_or_before(due)
    return Deadline(
        kind=kind,
        due=due,
        day_off=not is_working_day(due),
        in_practice=practice,
        working_days_left=working_days_after(today, practice),
        days_left=(due - today).days,
    )


def deadlines(quarter: Quarter, today: date | None = None) -> Deadlines:
    """The quarter's three deadlines and how many working days remain to each from `today`.

    The §5 window of ten working days counts from the first working day after the quarter ends
    (the data of the last day exists only then); its tenth day is `window_end`. It often falls
    after the 5th of §3: the 5th still binds the analysis, the window shows the slack §5 allows.
    A window end is by construction a working day, so it is never "on a day off".
    """
    today = today or date.today()
    month_after = quarter.next().first_day
    start = nth_working_day_after(quarter.last_day, 1)
    items = (
        _deadline(ANALYSIS, month_after.replace(day=ANALYSIS_DAY), today),
        _deadline(WINDOW_END, nth_working_day_after(quarter.last_day, WINDOW_WORKING_DAYS), today),
        _deadline(POSTING, month_after.replace(day=POSTING_DAY), today),
    )
    latest = max(max(d.due for d in items), today)
    return Deadlines(quarter, today, start, *items,
                     estimated=estimated_holidays(min(quarter.last_day, today), latest))
