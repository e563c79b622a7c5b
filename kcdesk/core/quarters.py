"""Quarters as `YYYY-Qn`: parsing, neighbours and date bounds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kcdesk.core.errors import KcError

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[QqКк]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = _QUARTER.match(str(text))
        if not match:
            raise KcError("bad_quarter", value=text)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def index(self) -> int:
        """A running number: consecutive quarters differ by one (what the store keeps)."""
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter.from_index(self.index - 1)

    def next(self) -> Quarter:
        return Quarter.from_index(self.index + 1)

    def year_ago(self) -> Quarter:
        return Quarter(self.year - 1, self.number)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.next().first_day.toordinal() - 1)
