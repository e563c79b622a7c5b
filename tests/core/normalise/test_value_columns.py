"""Gender, social status and free category columns."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from kcdesk.core.normalise.values import clean_category, normalise_gender, normalise_social_status
from kcdesk.core.resources import resource
from kcdesk.core.vocabulary import GENDERS, SOCIAL_STATUSES


def _rows(name: str) -> list[dict[str, str]]:
    with open(resource("reference", f"{name}.csv"), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("raw", "code"),
    [("Ж", "female"), ("М", "male"), ("Әйел", "female"), ("Ер", "male"), ("F", "female"),
     ("M", "male"), ("жен.", "female"), ("Женский", "female"), ("МУЖСКОЙ", "male"),
     ("женский пол", "female"), ("Female", "female"), ("male", "male"), (" ж ", "female"),
     ("M\u200b", "male")],
)
def test_gender_spellings(raw, code):
    assert normalise_gender(pd.Series([raw])).tolist() == [code]


@pytest.mark.parametrize("raw", ["X", "1", "2", "другое", "не указан", None, "оно", "а", "A"])
def test_gender_unknown_or_blank(raw):
    assert normalise_gender(pd.Series([raw], dtype=object)).tolist() == [None]


def test_csv_codes_are_the_documented_ones():
    assert tuple(r["code"] for r in _rows("gender")) == GENDERS
    assert tuple(r["code"] for r in _rows("social_status")) == SOCIAL_STATUSES


@pytest.mark.parametrize(
    ("raw", "code"),
    [("ИП", "entrepreneur"), ("Индивидуальный предприниматель", "entrepreneur"),
     ("пенсионер", "pensioner"), ("Пенсионерка", "pensioner"), ("Зейнеткер", "pensioner"),
     ("инвалид 2 группы", "disability"), ("Инвалид II гр.", "disability"),
     ("Многодетная мать", "large_family"), ("многодетные", "large_family"),
     ("студент", "student"), ("Студентка", "student"), ("школьник", "student"),
     ("безработный", "unemployed"), ("Жұмыссыз", "unemployed"), ("наёмный работник", "employee"),
     ("Служащий", "employee"), ("без образования", "no_education"), ("с образованием", "educated"),
     ("Пенсионеры", "pensioner")],
)
def test_social_status_spellings(raw, code):
    assert normalise_social_status(pd.Series([raw])).tolist() == [code]


@pytest.mark.parametrize("raw", ["домохозяйка", "военный пенсионер МВД", "самозанятый", "иное"])
def test_social_status_unknown(raw):
    assert normalise_social_status(pd.Series([raw])).tolist() == [None]


def test_social_status_user_map():
    out = normalise_social_status(pd.Series(["домохозяйка", "ИП"]), {"домохозяйка": "unemployed"})
    assert out.tolist() == ["unemployed", "entrepreneur"]


def test_clean_category():
    raw = pd.Series(["  Звонок\u00a0 на 1414 ", "-", None, "не указано", "e-Otinish", "ВЫСШЕЕ"],
                    index=list("abcdef"))
    out = clean_category(raw)
    assert out.tolist() == ["Звонок на 1414", None, None, None, "e-Otinish", "ВЫСШЕЕ"]
    assert list(out.index) == list("abcdef")
