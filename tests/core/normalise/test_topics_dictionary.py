"""The bilingual topic dictionary (resources/reference/topics.csv): its content is sound (every entry in
both languages, Kazakh letters right, no Latin look-alikes, no spelling claimed by two topics) and the
matcher folds what exports vary (case, ё, quotes, spaces, punctuation, "и"/"және") and nothing more."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kcdesk.core.demo.topics import RU_VARIANTS, TOPICS
from kcdesk.core.normalise import topics_dictionary as td

# Kazakh Cyrillic: the 33 Russian letters and the nine of Kazakh's own.
_KK_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя" "әғқңөұүһі")
_RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_WORD = re.compile(r"[^\W\d_]+")
# Letters of other scripts that pass for Kazakh ones at a glance (Latin schwa for ә, Bashkir/Tatar and
# Altai letters for ң, ө, ү, Ukrainian ї/є/ґ): a word holding one is misspelt.
_WRONG = set("əӘӛӧӱӓҥҤӊӉҕҗҙҫҷїєґўђћџ")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _spellings(entry: td.Entry) -> list[tuple[str, str]]:
    """(spelling, language column) of every spelling of an entry, its names included."""
    return ([(entry.name_ru, "ru"), (entry.name_kk, "kk")] + [(a, "ru") for a in entry.aliases_ru]
            + [(a, "kk") for a in entry.aliases_kk])


def _bad_letters(text: str, allowed: set[str]) -> list[str]:
    """Words of text that mix Cyrillic with Latin letters or use a letter outside `allowed`."""
    bad = []
    for word in _words(text):
        if not _CYRILLIC.search(word):
            if any(ch in _WRONG for ch in word.lower()):
                bad.append(word)
            continue  # a Latin word ("eGov", "Kaspi") is fine on its own
        if any(ch.lower() not in allowed for ch in word):
            bad.append(word)
    return bad


def test_the_dictionary_is_a_few_hundred_topics_each_in_both_languages():
    entries = td.all_entries()
    assert len(entries) >= 400
    for entry in entries:
        assert entry.name_ru and entry.name_kk, entry
        assert entry.name_ru == " ".join(entry.name_ru.split()) and entry.name_kk == " ".join(entry.name_kk.split())
    # 400 distinct topics: no two entries share a name in either language.
    assert len({td.key(e.name_ru) for e in entries}) == len(entries)
    assert len({td.key(e.name_kk) for e in entries}) == len(entries)


def test_every_spelling_is_written_in_its_columns_letters():
    for entry in td.all_entries():
        for spelling, column in _spellings(entry):
            assert spelling == spelling.strip() and "  " not in spelling, spelling
            allowed = _KK_LETTERS if column == "kk" else _RU_LETTERS
            assert not _bad_letters(spelling, allowed), (spelling, _bad_letters(spelling, allowed))
        # A Russian name holds no Kazakh letter.
        assert td.language_of(entry.name_ru) in ("ru", None), entry.name_ru
        # Each name is known to be in its language, even a Kazakh one without a letter of Kazakh's own
        # ("Жылыту", "Мектептер"); one the languages write alike ("Экология") stands in both.
        same = td.key(entry.name_kk) == td.key(entry.name_ru)
        assert td.is_in(entry.name_kk, "kk") and td.is_in(entry.name_kk, "ru") == same, entry.name_kk
        assert td.is_in(entry.name_ru, "ru") and td.is_in(entry.name_ru, "kk") == same, entry.name_ru


def test_no_spelling_names_two_topics():
    owners: dict[str, set[int]] = defaultdict(set)
    for number, entry in enumerate(td.all_entries()):
        for spelling, _ in _spellings(entry):
            owners[td.key(spelling)].add(number)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def test_no_spelling_is_repeated_within_an_entry():
    # The same spelling in both alias columns is allowed: it says the two languages write it alike ("Газ").
    for entry in td.all_entries():
        names = {td.key(entry.name_ru), td.key(entry.name_kk)}
        for aliases in (entry.aliases_ru, entry.aliases_kk):
            keys = [td.key(a) for a in aliases]
            assert not (set(keys) & names), entry.name_ru
            assert len(keys) == len(set(keys)), entry.name_ru


def test_the_file_has_the_four_columns():
    from kcdesk.core.resources import resource

    with open(resource("reference", "topics.csv"), encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["name_ru", "name_kk", "aliases_ru", "aliases_kk"]
        assert all(None not in row and None not in row.values() for row in reader)


def test_demo_topics_are_in_the_dictionary_under_their_own_names():
    for topic in TOPICS:
        assert td.lookup(topic.ru) == (topic.ru, topic.kk), topic.key
        assert td.lookup(topic.kk) == (topic.ru, topic.kk), topic.key
        for variant in RU_VARIANTS.get(topic.key, ()):
            assert td.lookup(variant) == (topic.ru, topic.kk), variant


@pytest.mark.parametrize(("spelling", "ru", "kk"), [
    # case, ё/е, extra and unusual spaces, trailing punctuation
    ("КОММУНАЛЬНЫЕ УСЛУГИ", "Коммунальные услуги", "Коммуналдық қызметтер"),
    ("  коммунальные\u00a0 услуги. ", "Коммунальные услуги", "Коммуналдық қызметтер"),
    ("Воинский учет", "Воинский учёт", "Әскери есеп"),
    ("Перерасчет за коммунальные услуги", "Перерасчёт за коммунальные услуги", "Коммуналдық қызметтер үшін қайта есептеу"),
    ("ЖКХ.", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("ЖКХ;", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("Жилищно коммунальное хозяйство", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("Жилищно–коммунальное хозяйство", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    # quotes of any kind, or none
    ('Программа "Жайлы мектеп"', "Программа «Жайлы мектеп»", "«Жайлы мектеп» бағдарламасы"),
    ("Программа “Жайлы мектеп”", "Программа «Жайлы мектеп»", "«Жайлы мектеп» бағдарламасы"),
    ("Жайлы мектеп бағдарламасы", "Программа «Жайлы мектеп»", "«Жайлы мектеп» бағдарламасы"),
    ("Программа «Нурлы жер»", "Жилищные программы", "Тұрғын үй бағдарламалары"),
    ("Программа 'Нурлы жер'", "Жилищные программы", "Тұрғын үй бағдарламалары"),
    # "и" / "және" / "мен" / a comma or a slash between the parts of a name
    ("Документы, ЦОН", "Документы и ЦОН", "Құжаттар және ХҚКО"),
    ("Документы / ЦОН", "Документы и ЦОН", "Құжаттар және ХҚКО"),
    ("Құжаттар мен ХҚКО", "Документы и ЦОН", "Құжаттар және ХҚКО"),
    ("Балабақшалар және мектептердегі орындар", "Места в детских садах и школах",
     "Балабақшалар мен мектептердегі орындар"),
    ("Здравоохранение, поликлиники", "Здравоохранение и поликлиники", "Денсаулық сақтау және емханалар"),
    ("Водоотведение & канализация", "Водоотведение и канализация", "Су бұру және кәріз"),
    # Latin letters typed inside a Cyrillic word (a mixed keyboard): "ЖKX" with Latin K and X
    ("ЖKX", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("Жер учаскелерi", "Земельные участки", "Жер учаскелері"),
    # brackets and abbreviations
    ("Пенсионные накопления ЕНПФ", "Пенсионные накопления (ЕНПФ)", "Зейнетақы жинақтары (БЖЗҚ)"),
    ("ЕНПФ", "Пенсионные накопления (ЕНПФ)", "Зейнетақы жинақтары (БЖЗҚ)"),
    ("БЖЗҚ", "Пенсионные накопления (ЕНПФ)", "Зейнетақы жинақтары (БЖЗҚ)"),
    ("АСП", "Адресная социальная помощь", "Атаулы әлеуметтік көмек"),
    ("ЦОН", "Центры обслуживания населения (ЦОН)", "Халыққа қызмет көрсету орталықтары (ХҚКО)"),
    ("ХҚКО", "Центры обслуживания населения (ЦОН)", "Халыққа қызмет көрсету орталықтары (ХҚКО)"),
    ("ТКШ", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("e-Otinish", "Платформа e-Otinish", "e-Otinish платформасы"),
    ("Е-Өтініш", "Платформа e-Otinish", "e-Otinish платформасы"),
    ("eGov.kz", "Портал «электронного правительства»", "«Электрондық үкімет» порталы"),
])
def test_export_spellings_find_their_entry(spelling: str, ru: str, kk: str):
    assert td.lookup(spelling) == (ru, kk)


@pytest.mark.parametrize("unknown", [
    "Вопросы по субсидиям на шерсть",  # no partial match: "субсидии" is in it, the topic is not
    "Коммунальные",  # a fragment of a name
    "Коммунальные услуги ЖКХ",  # two names run together
    "Ремонт дорог и мостов",  # a neighbouring topic is not this one
    "Ремонт дорог 2",
    "Отопление в школах",
    "Коммунальная услуга",  # no stemming
    "",
    "   ",
    "и",
    "...",
])
def test_names_the_dictionary_does_not_have_are_not_guessed(unknown: str):
    assert td.lookup(unknown) is None


def test_the_conjunction_is_folded_only_between_words():
    # "и" inside a word stays: "Пособия" is not "Пособ я"; "мен" inside "Мектеп" is not a conjunction.
    assert td.key("Пособия") == "пособия"
    assert td.key("Мектептер мен балабақшалар") == "мектептер балабақшалар"
    assert td.key("Менеджмент") == "менеджмент"


@pytest.mark.parametrize(("spelling", "lang"), [
    # Spellings without a letter only Kazakh has are known to be Kazakh from their column.
    ("ТКШ", "kk"), ("Тарифтер", "kk"), ("Жылыту", "kk"), ("ЖЖМ", "kk"), ("Жер", "kk"), ("ТЖ", "kk"),
    ("ЖКХ", "ru"), ("Отопление", "ru"), ("ЦОН", "ru"),
])
def test_a_spelling_is_known_to_be_in_its_own_language(spelling: str, lang: str):
    other = "ru" if lang == "kk" else "kk"
    assert td.is_in(spelling, lang) and not td.is_in(spelling, other)
    assert td.name_in(spelling, lang) is None and td.name_in(spelling, other)
    ru, kk = td.other_names(spelling)
    assert (ru is None) == (lang == "ru") and (kk is None) == (lang == "kk")


def test_names_the_two_languages_write_alike_are_in_both():
    for name in ("Экология", "Спорт", "Газ", "eGov.kz", "1414", "COVID-19"):
        assert td.is_in(name, "kk") and td.is_in(name, "ru"), name
        assert td.other_names(name) == (None, None), name


_KZ_SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "samples" / "kzgov_requests_kk_ru.csv"


@pytest.mark.skipif(not _KZ_SAMPLE.is_file(), reason="../shared/samples is not here")
def test_the_categories_of_the_kazakhstan_sample_are_all_known():
    with open(_KZ_SAMPLE, encoding="utf-8", newline="") as handle:
        categories = {row["category"] for row in csv.DictReader(handle)}
    assert categories and all(td.lookup(c) for c in categories), [c for c in categories if not td.lookup(c)]


def test_the_readme_states_the_dictionarys_real_size():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"topics\.csv` \((\d+) topics, ([\d,]+) spellings", readme)
    assert found, "README names the dictionary's size next to topics.csv"
    entries = td.all_entries()
    spellings = sum(2 + len(e.aliases_ru) + len(e.aliases_kk) for e in entries)
    assert (int(found.group(1)), int(found.group(2).replace(",", ""))) == (len(entries), spellings)


@pytest.mark.parametrize(("spelling", "ru", "kk"), [
    # a classifier code before the name
    ("3.1.2 Отопление", "Отопление", "Жылыту"),
    ("3.1.2. Отопление", "Отопление", "Жылыту"),
    ("12) ЖКХ", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("7 - Газоснабжение", "Газоснабжение", "Газбен жабдықтау"),
    # a name given twice: full name and abbreviation, or both languages
    ("Жилищно-коммунальное хозяйство (ЖКХ)", "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    ("АСП (адресная социальная помощь)", "Адресная социальная помощь", "Атаулы әлеуметтік көмек"),
    ("Коммуналдық қызметтер / Коммунальные услуги", "Коммунальные услуги", "Коммуналдық қызметтер"),
    ("Ремонт дорог | Жолдарды жөндеу", "Ремонт дорог", "Жолдарды жөндеу"),
])
def test_codes_and_names_given_twice_are_read(spelling: str, ru: str, kk: str):
    assert td.lookup(spelling) == (ru, kk)


@pytest.mark.parametrize("unknown", [
    "Отопление / Водоснабжение",  # two topics: neither is the name
    "Отопление (жалоба)",  # one part the dictionary does not know
    "2 Ремонт дорог",  # a bare number is not a classifier code
    "Ремонт дорог 2.1",
])
def test_parts_that_disagree_or_are_unknown_name_nothing(unknown: str):
    assert td.lookup(unknown) is None


def test_a_name_given_in_both_languages_gets_each_languages_half():
    mixed = "Коммуналдық қызметтер / Коммунальные услуги"
    assert not td.is_in(mixed, "kk") and not td.is_in(mixed, "ru")
    assert td.other_names(mixed) == ("Коммунальные услуги", "Коммуналдық қызметтер")
    assert td.name_in(mixed, "kk") == "Коммуналдық қызметтер" and td.name_in(mixed, "ru") == "Коммунальные услуги"
    # Two spellings in one language stay in that language.
    assert td.other_names("Жилищно-коммунальное хозяйство (ЖКХ)") == (None, "Тұрғын үй-коммуналдық шаруашылық")


def test_on_import_each_topic_gets_the_other_languages_name(tmp_path: Path):
    from kcdesk.core.importing import import_files
    from kcdesk.core.store.project import Project

    source = tmp_path / "a.csv"
    source.write_text("Дата регистрации;Тема\n10.07.2026;3.1.2 Отопление\n10.07.2026;ТКШ\n"
                      "11.07.2026;Коммуналдық қызметтер / Коммунальные услуги\n12.07.2026;Вопросы по шерсти\n",
                      encoding="utf-8")
    import_files(tmp_path / "p.kcdesk", [source])
    with Project.open(tmp_path / "p.kcdesk") as project:
        topics = project.catalogue.topics().set_index("name")
    names = {n: (r["name_ru"], r["name_kk"]) for n, r in topics.iterrows()}
    assert names["3.1.2 Отопление"] == (None, "Жылыту")
    assert names["ТКШ"] == ("Жилищно-коммунальное хозяйство", None)  # Kazakh, though it has no Kazakh letter
    assert names["Коммуналдық қызметтер / Коммунальные услуги"] == ("Коммунальные услуги", "Коммуналдық қызметтер")
    assert names["Вопросы по шерсти"] == (None, None)


@pytest.mark.parametrize(("typed", "ru", "kk"), [
    ("Коммуналдык кызметтер", "Коммунальные услуги", "Коммуналдық қызметтер"),
    ("Тургын уй кезеги", "Жилищная очередь", "Тұрғын үй кезегі"),
    ("ЖОЛДАРДЫ ЖОНДЕУ", "Ремонт дорог", "Жолдарды жөндеу"),
    ("Коммуналдык қызметтер", "Коммунальные услуги", "Коммуналдық қызметтер"),  # one letter lost of two
    ("Зейнетакы жинактары (БЖЗК)", "Пенсионные накопления (ЕНПФ)", "Зейнетақы жинақтары (БЖЗҚ)"),
])
def test_kazakh_typed_without_its_letters_is_read_and_named_right_in_both(typed: str, ru: str, kk: str):
    assert td.lookup(typed) == (ru, kk)
    # The справка prints the dictionary's spelling, not the one without Kazakh letters.
    assert td.other_names(typed) == (ru, kk)
    assert td.name_in(typed, "kk") == kk and td.name_in(typed, "ru") == ru


def test_plain_typed_spellings_never_take_a_spelling_that_exists_as_it_stands():
    exact = td._index()
    plain = td._plain_index()
    assert plain and not set(plain) & set(exact)
    # "Жер" (land) and "Жер" typed plain are the same: the exact entry answers.
    assert td.lookup("Жер") == ("Земельные отношения", "Жер қатынастары")


def test_kazakh_spellings_hold_no_russian_words():
    # Russian prepositions and conjunctions in a Kazakh spelling mean a Russian name put in the wrong
    # column or half translated ("Көмек по ЖКХ"). ("не" is Kazakh too: "болуы не болмауы".)
    russian = {"и", "в", "на", "по", "для", "с", "о", "об", "от", "за", "из", "к", "при", "или", "без", "до"}
    for entry in td.all_entries():
        for spelling in (entry.name_kk, *entry.aliases_kk):
            assert not {w.lower() for w in _words(spelling)} & russian, spelling
