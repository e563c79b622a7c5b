"""Numeral agreement and number formatting in Russian and Kazakh."""

from __future__ import annotations

import pytest

from kcdesk.core.report.numerals import (
    NBHY,
    NBSP,
    REQUEST,
    group,
    kk_count,
    kk_num_case,
    kk_pct_case,
    kk_quarter_in,
    ru_form,
    ru_genitive,
    ru_pct,
    ru_plural,
    ru_quarter,
    ru_quarter_in,
)


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NBHY, "-")


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 запросов"), (1, "1 запрос"), (2, "2 запроса"), (5, "5 запросов"), (11, "11 запросов"),
    (12, "12 запросов"), (14, "14 запросов"), (21, "21 запрос"), (22, "22 запроса"), (101, "101 запрос"),
    (111, "111 запросов"), (1_000_000, "1 000 000 запросов"), (1_000_001, "1 000 001 запрос"),
])
def test_ru_plural(n, expected):
    assert plain(ru_plural(n, REQUEST)) == expected


def test_thousands_are_grouped_with_non_breaking_spaces():
    assert group(1_000_000) == f"1{NBSP}000{NBSP}000"
    assert group(999) == "999"
    assert group(-1234) == f"-1{NBSP}234"


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 запросов"), (1, "1 запроса"), (2, "2 запросов"), (5, "5 запросов"), (11, "11 запросов"),
    (21, "21 запроса"), (101, "101 запроса"), (1_000_000, "1 000 000 запросов"),
])
def test_ru_genitive_after_prepositions(n, expected):
    assert plain(ru_genitive(n)) == expected


def test_ru_form_other_nouns():
    forms = ("тема", "темы", "тем")
    assert [ru_form(n, forms) for n in (1, 3, 7, 13, 31)] == ["тема", "темы", "тем", "тем", "тема"]


@pytest.mark.parametrize("n", [0, 1, 2, 5, 11, 21, 101, 1_000_000])
def test_kk_noun_stays_singular(n):
    assert plain(kk_count(n)) == f"{plain(group(n))} сұрау салу"


@pytest.mark.parametrize(("n", "case", "expected"), [
    (5, "dat", "5-ке"), (10, "dat", "10-ға"), (3, "abl", "3-тен"), (2, "abl", "2-ден"),
    (1, "dat", "1-ге"), (11, "abl", "11-ден"), (21, "dat", "21-ге"), (101, "abl", "101-ден"),
    (100, "dat", "100-ге"), (0, "dat", "0-ге"), (40, "abl", "40-тан"), (40, "dat", "40-қа"),
    (20, "abl", "20-дан"), (6, "dat", "6-ға"), (9, "abl", "9-дан"), (30, "loc", "30-да"),
    (1_000_000, "abl", "1 000 000-нан"), (1000, "dat", "1 000-ға"), (60, "abl", "60-тан"),
    (7, "loc", "7-де"), (4, "loc", "4-те"),
])
def test_kk_number_suffixes_follow_the_spoken_numeral(n, case, expected):
    assert plain(kk_num_case(n, case)) == expected


def test_percent_and_quarters():
    assert plain(kk_pct_case(30, "dat")) == "30 %-ға"
    assert plain(kk_pct_case(12.25, "abl")) == "12,2 %-дан" or plain(kk_pct_case(12.25, "abl")) == "12,3 %-дан"
    assert plain(ru_pct(30.0)) == "30 %"
    assert plain(ru_pct(7.55)).startswith("7,")
    assert plain(kk_quarter_in(3, 2026)) == "2026 жылғы 3-тоқсанда"
    assert plain(ru_quarter(3, 2026)) == "III квартал 2026 года"
    assert plain(ru_quarter_in(4, 2025)) == "в IV квартале 2025 года"
