"""Masking of IINs, phone numbers and e-mails in question texts; ordinary numbers untouched."""

from __future__ import annotations

import pandas as pd
import pytest

from kcdesk.core.normalise.masking import mask_personal, mask_text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("мой ИИН 900101300123, прошу", "мой ИИН [ИИН], прошу"),
        ("ИИН: 900101 300123", "ИИН: [ИИН]"),
        ("жсн 900-101-300-123.", "жсн [ИИН]."),
        ("ИИН900101300123", "ИИН[ИИН]"),
        ("тел +7 701 123 45 67", "тел [ТЕЛ]"),
        ("+7 (701) 123-45-67", "[ТЕЛ]"),
        ("8 (701) 123-45-67 звонить", "[ТЕЛ] звонить"),
        ("номер 87011234567", "номер [ТЕЛ]"),
        ("номер 7011234567", "номер [ТЕЛ]"),
        ("+77011234567", "[ТЕЛ]"),
        ("8-701-123-45-67", "[ТЕЛ]"),
        ("8 7172 12 34 56", "[ТЕЛ]"),
        ("+7(7172)123456", "[ТЕЛ]"),
        ("звоните 8 701 1234567 или 8(7172)55-66-77", "звоните [ТЕЛ] или [ТЕЛ]"),
        ("тел. 51-23-45", "тел. [ТЕЛ]"),
        ("телефон: 512345", "телефон: [ТЕЛ]"),
        ("пишите a.b-c@mail.kz пожалуйста", "пишите [EMAIL] пожалуйста"),
        ("Ivan.Petrov+1@gov.example.kz", "[EMAIL]"),
    ],
)
def test_personal_data_is_masked(text, masked):
    assert mask_text(text) == masked
    assert mask_personal(pd.Series([text])).tolist() == [masked]


@pytest.mark.parametrize(
    "text",
    [
        "дата 12.03.2024 и 2024-03-12",
        "сумма 150 000 тенге",
        "сумма 100 000 000 000 тенге",
        "7 500 000 000 тг",
        "дом 12, кв 45",
        "№ 24",
        "в 2023 году, с 2019-2020",
        "приказ № 114-НҚ от 01.02.2024",
        "счет KZ12345678901234567890",
        "телевизор 55555 шт",
        "1414",
        "пособие 85 000 тенге за 2 месяца",
        "Время 10:30-12:45",
    ],
)
def test_ordinary_numbers_are_kept(text):
    assert mask_text(text) == text
    assert mask_personal(pd.Series([text])).tolist() == [text]


def test_mask_personal_keeps_missing_and_index():
    series = pd.Series(["ИИН 900101300123", None, "без данных"], index=[4, 5, 6], dtype=object)
    out = mask_personal(series)
    assert out.tolist() == ["ИИН [ИИН]", None, "без данных"]
    assert list(out.index) == [4, 5, 6]
    assert mask_personal(pd.Series([None, None], dtype=object)).tolist() == [None, None]
    assert mask_personal(pd.Series([], dtype=object)).tolist() == []


def test_several_items_in_one_text():
    text = "ИИН 900101300123, тел 87011234567, почта x@y.kz; прошу помочь, дом 5"
    assert mask_text(text) == "ИИН [ИИН], тел [ТЕЛ], почта [EMAIL]; прошу помочь, дом 5"


def test_rows_stay_aligned_when_only_some_need_masking():
    texts = ["без номеров", "ИИН 900101300123", "тел. 51-23-45", "почта a@b.kz", "сумма 15 000 тенге",
             "звонок 8 701 123 45 67", None]
    series = pd.Series(texts * 50, dtype=object)
    out = mask_personal(series)
    expected = [None if t is None else mask_text(t) for t in texts] * 50
    assert out.tolist() == expected
    assert expected[:6] == ["без номеров", "ИИН [ИИН]", "тел. [ТЕЛ]", "почта [EMAIL]",
                            "сумма 15 000 тенге", "звонок [ТЕЛ]"]
