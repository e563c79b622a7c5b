"""Quarters, dates and names shown in the UI language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate

from kcdesk.core.model import TopicRow
from kcdesk.core.normalise.reference import name as reference_name
from kcdesk.core.normalise.reference import region_name
from kcdesk.core.quarters import Quarter
from kcdesk.gui import lang

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_text(quarter: Quarter) -> str:
    template = QCoreApplication.translate("formatting", "{roman} quarter {year}")
    return template.format(roman=ROMAN[quarter.number], year=quarter.year)


def date_text(day: date) -> str:
    """A date with the month name in the UI language: 5 октября 2026 г. / 2026 ж. 5 қазан."""
    pattern = "yyyy 'ж.' d MMMM" if lang.current() == "kk" else "d MMMM yyyy 'г.'"
    return lang.locale().toString(QDate(day.year, day.month, day.day), pattern)


def region(code: str | None) -> str:
    if not code or code == "unknown":
        return QCoreApplication.translate("formatting", "region not stated")
    return region_name(code, lang.current()) or str(code)


def value(field: str, code: str | None) -> str:
    """A channel / marital status / education / occupation code by its name in the UI language."""
    if not code or code == "unknown":
        return QCoreApplication.translate("formatting", "not stated")
    if code == "other" and field != "channel":
        return QCoreApplication.translate("formatting", "other")
    return reference_name(field, code, lang.current()) or str(code)


def topic(item: TopicRow) -> str:
    """An analysis topic in the UI language (names.kk / names.ru), else its canonical name."""
    return item.name(lang.current())
