"""Synthetic, valid IINs for tests (an independent implementation of the check digit)."""

from __future__ import annotations

from datetime import date

W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(first11: str) -> int | None:
    digits = [int(c) for c in first11]
    value = sum(d * w for d, w in zip(digits, W1)) % 11
    if value == 10:
        value = sum(d * w for d, w in zip(digits, W2)) % 11
        if value == 10:
            return None
    return value


def make_iin(birth: date, female: bool, serial: int) -> str:
    """A valid IIN for this birth date and gender; `serial` varies digits 8-11 until valid."""
    century = {18: 1, 19: 3, 20: 5}[birth.year // 100] + (1 if female else 0)
    for attempt in range(100):
        body = f"{birth:%y%m%d}{century}{(serial + attempt) % 10000:04d}"
        digit = check_digit(body)
        if digit is not None:
            return body + str(digit)
    raise AssertionError("no valid IIN found")
