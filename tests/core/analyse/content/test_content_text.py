"""Normalisation of question texts and the words behind key phrases."""

from __future__ import annotations

import pandas as pd

from kcdesk.core.analyse.content.normalise import display_text, normalise_texts
from kcdesk.core.analyse.content.words import is_phrase_word, stem_kk, stem_words, stop_words


def test_normalise_folds_html_case_numbers_and_spaces():
    texts = pd.Series(["<p>Здравствуйте,&nbsp;ЁЛКА  №50</p>", None, "Дом 12,5 кв. [ИИН]", "ok"], index=[7, 8, 9, 10])
    out = normalise_texts(texts)
    assert list(out.index) == [7, 8, 9, 10]
    assert out[7] == "здравствуйте, елка no0"
    assert out[8] == ""
    assert out[9] == "дом 0 кв."
    assert out[10] == "ok"


def test_normalise_repeats_get_the_same_text():
    texts = pd.Series(["Нет  света", "нет света", "НЕТ СВЕТА ", "Нет воды"])
    out = normalise_texts(texts)
    assert out.nunique() == 2


def test_display_text_strips_markup_and_masks_leftover_numbers():
    shown = display_text("<p>Мой ИИН 900101300123,&nbsp;помогите</p>")
    assert "<p>" not in shown and "&nbsp;" not in shown
    assert "900101300123" not in shown
    assert shown.endswith("помогите")


def test_kazakh_stems_follow_vowel_harmony():
    assert stem_kk("жолдардың") == "жол"
    assert stem_kk("мектептің") == "мектеп"
    assert stem_kk("асханасында") == "асхана"
    assert stem_kk("жұмыстарын") == "жұмыс"
    assert stem_kk("көлікпен") == "көлік"
    # a front-vowel suffix is not taken off a back-vowel stem
    assert stem_kk("балаге") == "балаге"
    # never below three letters
    assert len(stem_kk("алда")) >= 3


def test_russian_and_kazakh_words_stem_differently():
    stems = stem_words(["дороги", "дорогами", "жолдар"], [False, False, True])
    assert stems[0] == stems[1]
    assert stems[2] == "жол"


def test_stop_words_cover_greetings_and_request_formulas():
    words = stop_words()
    for word in ("здравствуйте", "прошу", "өтінемін", "сәлеметсіз", "пожалуйста"):
        assert word in words
    assert "отопление" not in words


def test_phrase_words_are_letters_only():
    assert is_phrase_word("отопление")
    assert not is_phrase_word("ab")
    assert not is_phrase_word("дом0")


def test_kazakh_locative_relative_suffix_is_stripped():
    from kcdesk.core.analyse.content.words import stem_kk

    assert stem_kk("көшесіндегі") == "көше"
    assert stem_kk("ауладағы") == "аула"
    assert stem_kk("мектептегі") == "мектеп"
    assert stem_kk("жолдағы") == "жол"


def test_kazakh_fillers_are_stop_words():
    from kcdesk.core.analyse.content.words import stop_words

    assert {"кетті", "бірге", "етті", "өтінемін", "сұраймын"} <= stop_words()


def test_content_text_drops_greetings_address_forms_formulas_addresses_dates_and_numbers():
    from kcdesk.core.analyse.content.clean import content_texts
    from kcdesk.core.analyse.content.normalise import normalise_texts

    texts = normalise_texts(pd.Series([
        "Уважаемый Роман Владимирович! Здравствуйте. С 12.03.2024 г. по адресу ул. Ленина, д. 5, кв. 178 "
        "не вывозят мусор. Прошу принять меры. Фотофиксация прилагается.",
        "Сәлеметсіз бе! Абай көшесіндегі жолда шұңқырлар көп",
    ])).to_numpy(dtype=object)
    ru, kk = content_texts(texts)
    for gone in ("уважаем", "роман", "здравствуйте", "ленина", "178", "2024", "принять меры", "фотофиксация"):
        assert gone not in ru, (gone, ru)
    assert "не вывозят мусор" in ru
    assert "сәлеметсіз" not in kk and "абай" not in kk and "шұңқырлар" in kk


def test_label_is_the_commonest_noun_phrase_as_written():
    from kcdesk.core.analyse.content.questions import noun_phrase

    texts = ["Здравствуйте! Вывоз мусора не производится третий день.", "Когда будет вывоз мусора?",
             "Прошу организовать вывоз мусора во дворе", "Нет горячей воды третий день", "Вывоз мусора 3 раза"]
    assert noun_phrase(texts) == "вывоз мусора"  # a capital that opens a sentence is lowered
    # the commonest run, not a fragment ending in a numeral ("воды третий") nor starting with a stop word
    assert noun_phrase(["Нет горячей воды третий день", "Нет горячей воды 5 дней", "горячей воды нет"]) == "горячей воды"
    heating = ["Нет отопления в многоквартирном доме", "Отопление в многоквартирном доме не включили",
               "Когда дадут отопление в многоквартирном доме?"]
    assert noun_phrase(heating) == "отопление в многоквартирном доме"
    kazakh = ["Ауладан қоқыс шығару тоқтап қалды", "Қоқыс шығару кестесі бұзылды", "қоқыс шығару қашан болады?"]
    assert noun_phrase(kazakh) == "қоқыс шығару"
    assert noun_phrase(["Мусор", "мусор"]) == ""  # no run of two words: the caller keeps its key phrase
    # never a name: the texts come masked for display, and a mask breaks a run
    named = [display_text(t) for t in ("Иванов Иван Иванович просит", "Иванов Иван Иванович, ул. Ленина 5")]
    assert noun_phrase(named) == ""
