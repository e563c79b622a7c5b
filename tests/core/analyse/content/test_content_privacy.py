"""Personal data masked in every question text kcdesk shows or writes (display_text)."""

from __future__ import annotations

import pytest

from kcdesk.core.analyse.content.normalise import display_text


@pytest.mark.parametrize(("text", "gone", "mask"), [
    ("ТСЖ «Уют», кв. 178, течет крыша", "178", "[КВ]"),
    ("Квартира 12 затоплена соседями", "12", "[КВ]"),
    ("Үйдің 45-пәтері суық", "45", "[КВ]"),
    ("Яма по координатам 51.730412, 36.192634 у остановки", "51.730412", "[GPS]"),
    ("Точка 51°44′12″ с.ш. у реки", "51°44", "[GPS]"),
    ("Уважаемый Роман Владимирович! Помогите", "Роман", "[ФИО]"),
    ("Мой сын Иванов Петр Сергеевич болеет", "Петр", "[ФИО]"),
    ("Участковый Иванова И.И. не отвечает", "Иванова", "[ФИО]"),
    ("Обещал И. И. Петров", "Петров", "[ФИО]"),
    ("Мұғалім Нұрлан Асқарұлы сабақ бермейді", "Асқарұлы", "[ФИО]"),
    ("Ребенок 12.03.2015 г.р. не принят в сад", "2015", "[ДАТА]"),
    ("Дата рождения: 01.02.1980, пенсия не пришла", "1980", "[ДАТА]"),
    ("Звоните (4712) 741480 в рабочее время", "741480", "[ТЕЛ]"),
    ("Телефон приемной +7 (4712) 74-14-80", "74-14-80", "[ТЕЛ]"),
    ("Мой номер 8 903 123-45-67", "123-45-67", "[ТЕЛ]"),
])
def test_personal_data_is_masked(text, gone, mask):
    shown = display_text(text)
    assert gone not in shown, shown
    assert mask in shown, shown


@pytest.mark.parametrize("text", [
    "На улице Ленина дом 5 ямы на дороге",
    "В 2021 году отремонтировали дорогу Курск - Льгов",
    "С 12.03.2024 нет воды в доме 15",
    "Автобус № 12 не ходит с 10.00",
    "Выплата 150 000 тенге не пришла",
])
def test_what_is_not_personal_stays(text):
    assert display_text(text) == text


def test_the_form_of_address_stays_before_a_masked_name():
    assert display_text("Уважаемый Роман Владимирович! Помогите").startswith("Уважаемый [ФИО]")
