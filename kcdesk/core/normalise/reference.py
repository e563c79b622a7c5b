"""Reference tables (regions, gender, social status, channel, marital status, education, occupation)
and resolving raw cell values to their codes."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from kcdesk.core.normalise.text import fold_value, map_distinct
from kcdesk.core.vocabulary import REFERENCE_FILES, reference_table

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

FIELDS_WITH_TABLES: tuple[str, ...] = tuple(REFERENCE_FILES)

# Cells that mean "not stated": they are blank (counted as unknown), not unmapped values.
BLANK_WORDS: frozenset[str] = frozenset({
    "", "не указан", "не указано", "не указана", "не указаны", "нет данных", "нет", "неизвестно",
    "не известно", "не определено", "не определен", "нд", "н д", "na", "n a", "none", "null",
    "nan", "nat", "unknown", "not stated", "not specified", "көрсетілмеген", "белгісіз", "жоқ",
    "мәлімет жоқ", "не заполнено", "отсутствует",
})

# Words that name the kind of a region; an oblast's or city's name is matched with any of them
# before or after it, or none ("Актюбинская обл", "обл. Абай", "г Алматы", "Алматы қ").
_OBLAST_WORDS = ("область", "обл", "облысы", "облыс", "region", "oblast", "obl", "province")
_CITY_WORDS = ("г", "город", "гор", "қаласы", "қала", "қ", "каласы", "кала", "city", "gorod")

# Real-world spellings beyond the CSVs' aliases (folded form is what matters). Lower priority
# than the CSVs, so they can never take a value the reference gives to another code.
_EXTRA: dict[str, dict[str, tuple[str, ...]]] = {
    # Oblast centres and big towns, as exports often name the town; mapped to today's units.
    "region": {
        "akmola": ("Кокшетау", "Көкшетау", "Kokshetau"),
        "aktobe": ("г. Актобе", "Актобе қаласы"),
        "almaty_region": ("Конаев", "Қонаев", "Капчагай", "Қапшағай", "Konaev", "Kapchagay"),
        "atyrau": ("г. Атырау", "Атырау қаласы"),
        "west_kazakhstan": ("Уральск", "Орал", "Oral", "Uralsk"),
        "zhambyl": ("Тараз", "Taraz"),
        "zhetisu": ("Талдыкорган", "Талдықорған", "Taldykorgan"),
        "karaganda": ("г. Караганда", "Қарағанды қаласы", "Темиртау", "Теміртау"),
        "kostanay": ("г. Костанай", "Қостанай қаласы", "Рудный"),
        "kyzylorda": ("г. Кызылорда", "Қызылорда қаласы"),
        "mangystau": ("Актау", "Ақтау", "Aktau", "Жанаозен", "Жаңаөзен"),
        "pavlodar": ("г. Павлодар", "Павлодар қаласы", "Экибастуз", "Екібастұз"),
        "north_kazakhstan": ("Петропавловск", "Петропавл", "Petropavl", "Petropavlovsk"),
        "turkistan": ("г. Туркестан", "Түркістан қаласы", "Кентау"),
        "ulytau": ("Жезказган", "Жезқазған", "Zhezkazgan", "Сатпаев", "Сәтбаев"),
        "east_kazakhstan": ("Усть-Каменогорск", "Өскемен", "Oskemen", "Ust-Kamenogorsk", "Риддер"),
        "abai": ("Семей", "Семипалатинск", "Semey", "Курчатов"),
    },
    "gender": {
        "female": ("женский пол", "жен пол", "женск", "w", "woman", "f", "ж к", "әйел жынысы",
                   "әйелдер", "женщины"),
        "male": ("мужской пол", "муж пол", "мужск", "man", "ер жынысы", "ер адамдар", "мужчины",
                 "ерлер"),
    },
    "social_status": {
        "employee": ("наемные работники", "работающий", "работающая", "рабочая", "служащая",
                     "сотрудник", "госслужащий", "государственный служащий", "работник",
                     "жалдамалы жұмыскерлер", "жұмысшы", "қызметкер"),
        "entrepreneur": ("предприниматель", "частный предприниматель", "индивидуальный предприниматель ип",
                         "ип индивидуальный предприниматель", "кәсіпкер", "жеке кәсіпкерлер",
                         "частный нотариус", "адвокат", "частный судебный исполнитель"),
        "pensioner": ("пенсионеры", "на пенсии", "пенсионер по возрасту", "зейнеткерлер",
                      "зейнеткер жасындағы"),
        "disability": ("инвалиды", "инвалидность", "лица с инвалидностью", "мүгедектер",
                       "мүгедектігі бар адамдар",
                       *(f"{w} {g} {t}" for w in ("инвалид", "лицо с инвалидностью")
                         for g in ("1", "2", "3", "i", "ii", "iii") for t in ("группы", "гр")),
                       *(f"{g} группа инвалидности" for g in ("1", "2", "3", "i", "ii", "iii")),
                       *(f"{g} топтағы мүгедек" for g in ("1", "2", "3"))),
        "large_family": ("многодетные", "многодетная", "многодетные семьи", "многодетный отец",
                         "многодетная семья", "көп балалы", "көп балалы ана", "көпбалалы отбасы"),
        "student": ("студенты", "студентка", "учащаяся", "учащиеся", "школьница", "магистрант",
                    "студент вуза", "студенттер", "білім алушылар", "оқушылар", "студент"),
        "educated": ("получил образование", "получившие образование", "лица получившие образование"),
        "no_education": ("без образования", "не имеет образования", "нет образования",
                         "білімі жоқ", "лица не имеющие образования"),
        "unemployed": ("безработные", "безработный зарегистрированный", "зарегистрированный безработный",
                       "жұмыссыздар", "жұмыссыз ретінде тіркелген"),
    },
}

# Kazakh letters typed on a Russian keyboard (қ → к ...): a last-chance key, ambiguities dropped.
_KAZAKH_PLAIN = str.maketrans("әғқңөұүһі", "агкноуухи")
_DIGITS = re.compile(r"\d+")


_csv = reference_table  # the one loader (kcdesk.core.vocabulary); read here, never changed


def regions() -> pd.DataFrame:
    """The 20 first-level units: code, name_kk, name_ru, name_en, kato_prefix (for display)."""
    return _csv("region")[["code", "name_kk", "name_ru", "name_en", "kato_prefix"]].copy()


def _name(field: str, code: str | None, lang: str) -> str:
    table = _csv(field)
    column = {"kk": "name_kk", "ru": "name_ru", "en": "name_en"}.get(lang, "name_ru")
    row = table[table["code"] == code]
    if row.empty:
        return ""
    if column not in row.columns:  # gender/social status have no English names
        return str(code)
    return str(row.iloc[0][column])


def region_name(code: str | None, lang: str = "ru") -> str:
    """The region's name in "kk", "ru" or "en" ("" for an unknown code)."""
    return _name("region", code, lang)


def gender_name(code: str | None, lang: str = "ru") -> str:
    return _name("gender", code, lang)


def social_status_name(code: str | None, lang: str = "ru") -> str:
    return _name("social_status", code, lang)


def name(field: str, code: str | None, lang: str = "ru") -> str:
    """The name of a code of any reference field in "kk" or "ru" ("" for an unknown code).

    Names are written as table entries (capitalised); ``in_sentence`` gives the form used
    inside a sentence.
    """
    return _name(field, code, lang)


def in_sentence(text: str) -> str:
    """A table-entry name as it stands inside a sentence: "Пенсионеры" → "пенсионеры".

    Names that start with a Latin word, an abbreviation or a digit ("WhatsApp", "SMS-сообщение",
    "ИАС …", "1414 …") and names in quotes keep their spelling.
    """
    if not text:
        return text
    first = text.split()[0]
    cyrillic = "\u0400" <= first[0] <= "\u04ff"
    if not cyrillic or (len(first) > 1 and first[1].isupper()):
        return text
    return text[:1].lower() + text[1:]


def _strip_kind(folded: str, words: tuple[str, ...]) -> str:
    tokens = [t for t in folded.split() if t not in words]
    return " ".join(tokens)


def _add(index: dict[str, str], ambiguous: set[str], key: str, code: str) -> None:
    """Add a lower-priority key; two codes claiming the same key make it ambiguous (dropped)."""
    if not key or key in ambiguous:
        return
    if key in index and index[key] != code:
        ambiguous.add(key)
        del index[key]
    else:
        index[key] = code


class ValueTable:
    """Folded spellings → code for one reference field ("region", "gender", "social_status")."""

    def __init__(self, field: str) -> None:
        if field not in REFERENCE_FILES:
            raise ValueError(f"no reference table for {field!r}")
        self.field = field
        table = _csv(field)
        explicit: dict[str, str] = {}
        generated: dict[str, str] = {}
        ambiguous: set[str] = set()
        for row in table.to_dict("records"):
            code = row["code"]
            names = [code, row.get("name_kk", ""), row.get("name_ru", ""), row.get("name_en", "")]
            names += [a for a in row.get("aliases", "").split(";")]
            folded = [f for f in (fold_value(n) for n in names) if f]
            for key in folded:
                # The CSVs are curated: a spelling naming two codes there is a data error.
                if explicit.get(key, code) != code:
                    raise ValueError(f"{field}: {key!r} names both {explicit[key]} and {code}")
                explicit[key] = code
            if field == "region":
                kind = _OBLAST_WORDS if row.get("kind") == "oblast" else _CITY_WORDS
                for key in folded:
                    core = _strip_kind(key, _OBLAST_WORDS + _CITY_WORDS)
                    for variant in _variants(core, kind):
                        _add(generated, ambiguous, variant, code)
        for code, extras in _EXTRA.get(field, {}).items():
            for extra in extras:
                key = fold_value(extra)
                _add(generated, ambiguous, key, code)
                if field == "region":  # towns: "г. Кокшетау", "Кокшетау қ."
                    core = _strip_kind(key, _CITY_WORDS)
                    for variant in _variants(core, _CITY_WORDS):
                        _add(generated, ambiguous, variant, code)
        self.index: dict[str, str] = {**generated, **explicit}  # the CSVs win
        plain: dict[str, str] = {}
        plain_ambiguous: set[str] = set()
        for key, code in self.index.items():
            if len(key) >= 3:  # "ә" → "а" would be a guess, not a spelling
                _add(plain, plain_ambiguous, _plain(key), code)
        self.plain = plain
        self.kato: dict[str, str] = {}
        if "kato_prefix" in table.columns:
            self.kato = {p: c for p, c in zip(table["kato_prefix"], table["code"], strict=True) if p}

    def lookup(self, folded: str) -> str | None:
        """The code of one folded value, or None (never guessed)."""
        if not folded or folded in BLANK_WORDS:
            return None
        code = self.index.get(folded)
        if code is None and len(folded) >= 3:
            code = self.plain.get(_plain(folded))
        if code is None and self.kato and _DIGITS.fullmatch(folded) and len(folded) in (2, 9):
            # A 9-digit KATO code (or its 2-digit region part): the first two digits are the
            # region. Other digit runs ("1990", "12345") are not guessed at.
            code = self.kato.get(folded[:2])
        return code


def _variants(core: str, kind: tuple[str, ...]) -> list[str]:
    if not core:
        return []
    out = [core]
    for word in kind:
        out += [f"{core} {word}", f"{word} {core}"]
    return out


def _plain(folded: str) -> str:
    """Kazakh letters as Russian ones and spaces dropped: "Шыгыс Казакстан" ~ "Шығыс Қазақстан"."""
    return folded.translate(_KAZAKH_PLAIN).replace(" ", "")


_PARTS = re.compile(r"[,;/|()\[\]]+|\s[-–—]\s")


def _by_parts(ref: ValueTable, value: object) -> str | None:
    """ "Алматинская обл., Талгарский р-н" → the one code its comma/slash/bracket parts name.

    Parts that name nothing are ignored; parts naming different codes make it unresolved.
    """
    if not isinstance(value, str) or not _PARTS.search(value):
        return None
    found = {ref.lookup(fold_value(part)) for part in _PARTS.split(value)} - {None}
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=None)
def table(field: str) -> ValueTable:
    """The (cached) ValueTable of a field."""
    return ValueTable(field)


def is_blank(values: Any) -> pd.Series:
    """True where a cell is empty, only punctuation, or a "not stated" placeholder."""
    return map_distinct(values, lambda v: fold_value(v) in BLANK_WORDS, missing=True, dtype=bool)


def resolve(field: str, values: Any, user_map: dict[str, str] | None = None) -> pd.Series:
    """Codes of a column's values (object dtype; None where blank or unresolved).

    user_map keys are fold_value() forms of raw values; they win over the reference.
    """
    ref = table(field)
    user = {fold_value(k): v for k, v in (user_map or {}).items()}

    def one(value: object) -> str | None:
        folded = fold_value(value)
        if folded in user:
            return user[folded] or None
        code = ref.lookup(folded)
        if code is None and field == "region":
            code = _by_parts(ref, value)
        return code

    return map_distinct(values, one)
