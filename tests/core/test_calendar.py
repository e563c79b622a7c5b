"""Deadlines of §3/§5/§16 counted with Kazakhstan's holidays and transferred days off."""

from __future__ import annotations

from datetime import date

import pytest

from kcdesk.core.calendar import (
    day_off_reason,
    deadlines,
    holiday_names,
    is_working_day,
    last_working_day_on_or_before,
    nth_working_day_after,
    working_days_after,
)
from kcdesk.core.quarters import Quarter


@pytest.mark.parametrize("day", [
    date(2024, 1, 1), date(2024, 1, 2), date(2024, 3, 8), date(2024, 3, 21), date(2024, 3, 22),
    date(2024, 5, 1), date(2024, 5, 7), date(2024, 5, 9), date(2024, 8, 30), date(2024, 10, 25),
    date(2024, 12, 16), date(2025, 3, 21), date(2025, 5, 7), date(2025, 7, 7), date(2026, 1, 7),
])
def test_known_holidays_are_days_off(day: date) -> None:
    assert not is_working_day(day)
    assert day_off_reason(day) == "holiday"


def test_holiday_falling_on_weekend_moves_to_monday() -> None:
    # Capital Day 6 July 2024 was a Saturday: Monday 8 July was the day off.
    assert date(2024, 7, 6).weekday() == 5
    assert not is_working_day(date(2024, 7, 8))
    assert is_working_day(date(2024, 7, 9))


def test_transferred_day_off_and_working_saturday_2024() -> None:
    # Government decree for 2024: Wednesday 8 May off, Saturday 4 May worked instead.
    assert not is_working_day(date(2024, 5, 8))
    assert is_working_day(date(2024, 5, 4))
    assert day_off_reason(date(2024, 5, 4)) is None
    # an ordinary Saturday stays a day off
    assert not is_working_day(date(2024, 5, 11))
    assert day_off_reason(date(2024, 5, 11)) == "weekend"


def test_transferred_day_off_2025() -> None:
    # 2025: Friday 3 January off, Sunday 5 January worked.
    assert not is_working_day(date(2025, 1, 3))
    assert is_working_day(date(2025, 1, 5))


def test_kurban_ait_moves_each_year() -> None:
    assert not is_working_day(date(2025, 6, 6))  # a Friday
    assert is_working_day(date(2024, 6, 6))  # last year's date is an ordinary Thursday


def test_ordinary_weekdays_work() -> None:
    assert is_working_day(date(2026, 10, 1))
    assert is_working_day(date(2025, 4, 14))


def test_holiday_names_in_english_and_kazakh() -> None:
    names = holiday_names(date(2024, 3, 22))
    assert "Nowruz" in names["en"]
    assert "Наурыз" in names["kk"]
    assert holiday_names(date(2024, 4, 2)) == {}


def test_working_day_arithmetic() -> None:
    # 1..5 July 2024 (Mon-Fri) are five working days after 30 June.
    assert working_days_after(date(2024, 6, 30), date(2024, 7, 5)) == 5
    assert working_days_after(date(2024, 7, 5), date(2024, 6, 30)) == -5
    assert working_days_after(date(2024, 7, 5), date(2024, 7, 5)) == 0
    assert nth_working_day_after(date(2024, 3, 20), 1) == date(2024, 3, 26)  # Nauryz 21-25
    assert last_working_day_on_or_before(date(2024, 3, 25)) == date(2024, 3, 20)


def test_deadlines_of_2026_q3() -> None:
    result = deadlines(Quarter.parse("2026-Q3"), date(2026, 10, 2))
    assert result.window_start == date(2026, 10, 1)
    assert result.analysis.due == date(2026, 10, 5)
    assert not result.analysis.day_off
    assert result.analysis.working_days_left == 1  # Monday 5th, counted from Friday 2nd
    # Oct 1,2,5,6,7,8,9,12,13,14 -> the 10th working day is 14 October.
    assert result.window_end.due == date(2026, 10, 14)
    assert result.window_end.working_days_left == 8
    # 25 October 2026 is a Sunday and Republic Day: in practice Friday 23rd.
    assert result.posting.due == date(2026, 10, 25)
    assert result.posting.day_off
    assert result.posting.in_practice == date(2026, 10, 23)
    assert result.next is result.analysis
    assert [d.kind for d in result.all] == ["analysis", "window_end", "posting"]


def test_window_crosses_capital_day() -> None:
    # 2024-Q2: 1-5 July (5), Monday 8 July is the Capital Day holiday, 9-12 July (4), 15 July the 10th.
    result = deadlines(Quarter.parse("2024-Q2"), date(2024, 7, 1))
    assert result.window_end.due == date(2024, 7, 15)
    assert not result.window_end.day_off
    assert result.analysis.due == date(2024, 7, 5)


def test_window_after_new_year_and_christmas() -> None:
    # 2025-Q4: 1-2 January off, 3-4 weekend, 7 January (Orthodox Christmas) off.
    result = deadlines(Quarter.parse("2025-Q4"), date(2025, 12, 20))
    assert result.window_start == date(2026, 1, 5)
    assert result.window_end.due == date(2026, 1, 19)
    assert result.posting.due == date(2026, 1, 25)
    assert result.posting.in_practice == date(2026, 1, 23)


def test_deadline_on_saturday_and_missed() -> None:
    result = deadlines(Quarter.parse("2024-Q3"), date(2024, 10, 20))
    assert result.analysis.due == date(2024, 10, 5)
    assert result.analysis.day_off
    assert result.analysis.in_practice == date(2024, 10, 4)
    assert result.analysis.overdue
    assert result.analysis.working_days_left < 0
    assert result.analysis.days_left == -15
    assert result.next is result.posting
    assert result.posting.in_practice == date(2024, 10, 24)  # 25 Oct 2024 Republic Day (Friday)


def test_all_missed_has_no_next() -> None:
    assert deadlines(Quarter.parse("2024-Q1"), date(2025, 1, 1)).next is None


def test_estimated_kurban_ait_is_reported() -> None:
    # 2029: Kurban ait is estimated for 24 April, inside the Q1 posting span; 2025 was confirmed.
    later = deadlines(Quarter.parse("2029-Q1"), date(2029, 4, 1))
    assert later.estimated and all(d.month == 4 and d.year == 2029 for d in later.estimated)
    assert deadlines(Quarter.parse("2025-Q2"), date(2025, 7, 1)).estimated == ()
