"""The fields an export's columns map to, and the header texts (kk/ru/en) that name them.

Shared by reading (read/header.py finds the header row by these names), mapping (importing/) and
normalising: it sits beside them in kcdesk/core, so reading never imports the normaliser.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Fields kept in the project. Personal-data fields (iin, applicant_name, applicant_phone)
# are recognised so they can be used at import (IIN → age, gender) and then dropped.
FIELDS: tuple[str, ...] = (
    "request_id",
    "registered_at",
    "processed_at",
    "channel",
    "region",
    "topic",
    "subtopic",
    "question",
    "gender",
    "birth_date",
    "age",
    "iin",
    "marital_status",
    "education",
    "occupation",
    "social_status",
    "contact_centre",
    "contact_phone",
    "applicant_name",
    "applicant_phone",
)
PERSONAL_FIELDS: frozenset[str] = frozenset({"iin", "applicant_name", "applicant_phone"})
DATE_FIELDS: frozenset[str] = frozenset({"registered_at", "processed_at", "birth_date"})

# Header texts, compared after fold_header(). Order matters only for readability.
ALIASES: dict[str, tuple[str, ...]] = {
    "request_id": (
        "id", "№", "no", "n", "номер", "номер обращения", "номер запроса", "№ обращения",
        "№ запроса", "рег номер", "регистрационный номер", "идентификатор", "код обращения",
        "request id", "request no", "ticket", "ticket id", "case id", "id обращения",
        "өтініш нөмірі", "сұрау салу нөмірі", "нөмірі", "тіркеу нөмірі", "сұрау нөмірі",
    ),
    "registered_at": (
        "дата", "дата регистрации", "дата поступления", "дата обращения", "дата запроса",
        "дата и время регистрации", "дата создания", "создано", "поступило", "дата звонка",
        "registration date", "registered", "registered at", "created", "created at", "date",
        "date received", "тіркелген күні", "тіркеу күні", "түскен күні", "келіп түскен күні",
        "күні", "өтініш күні", "сұрау салу күні", "түсу күні",
    ),
    "processed_at": (
        "дата обработки", "дата закрытия", "дата исполнения", "дата ответа", "дата завершения",
        "закрыто", "дата решения", "processed", "processed at", "closed", "closed at",
        "closing date", "processing date", "resolved at", "date closed", "өңделген күні",
        "жабылған күні", "орындалған күні", "жауап берілген күні", "өңдеу күні",
    ),
    "channel": (
        "канал", "канал поступления", "источник", "способ обращения", "вид обращения",
        "channel", "source channel", "арна", "түсу арнасы", "байланыс арнасы", "келіп түсу арнасы",
    ),
    "region": (
        "регион", "область", "регион заявителя", "область город", "область/город",
        "регион обращения", "населенный пункт", "территория", "region", "oblast", "area",
        "өңір", "облыс", "аймақ", "өтініш берушінің өңірі", "облыс қала",
    ),
    "topic": (
        "тема", "тематика", "тема обращения", "тематика запроса", "тематика запросов",
        "категория", "вопрос тема", "рубрика", "направление", "topic", "category", "subject",
        "тақырып", "тақырыбы", "сұрау салулардың тақырыбы", "санат", "бағыт",
    ),
    "subtopic": (
        "подтема", "подтематика", "подкатегория", "subtopic", "subcategory", "кіші тақырып",
        "тақырыпша", "ішкі тақырып",
    ),
    "question": (
        "текст", "текст обращения", "текст запроса", "содержание", "суть обращения",
        "краткое содержание", "вопрос", "описание", "текст сообщения", "question", "text",
        "description", "message", "мәтін", "өтініш мәтіні", "сұрау мәтіні", "мазмұны",
        "сұрақ", "қысқаша мазмұны",
    ),
    "gender": ("пол", "пол заявителя", "gender", "sex", "жынысы", "жыныс"),
    "birth_date": (
        "дата рождения", "др", "birth date", "date of birth", "dob", "туған күні",
        "туған күні айы жылы",
    ),
    "age": ("возраст", "полных лет", "age", "жасы", "жас"),
    "iin": ("иин", "иин заявителя", "iin", "жсн", "өтініш берушінің жсн"),
    "marital_status": (
        "семейное положение", "marital status", "отбасылық жағдайы", "отбасылық жағдай",
    ),
    "education": ("образование", "education", "білімі", "білім"),
    "occupation": (
        "род занятий", "занятость", "профессия", "место работы", "occupation", "job",
        "қызметі", "кәсібі", "жұмыс орны", "айналысатын қызметі",
    ),
    "social_status": (
        "социальный статус", "соц статус", "категория заявителя", "social status",
        "әлеуметтік мәртебе", "әлеуметтік мәртебесі", "әлеуметтік жағдайы",
    ),
    "contact_centre": (
        "контакт центр", "наименование контакт центра", "контакт-центр", "колл центр",
        "call centre", "call center", "contact centre", "contact center",
        "байланыс орталығы", "байланыс орталығының атауы",
    ),
    "contact_phone": (
        "телефон контакт центра", "номер контакт центра", "contact centre phone",
        "байланыс орталығының телефоны",
    ),
    "applicant_name": (
        "фио", "ф и о", "фио заявителя", "заявитель", "имя", "фамилия", "name",
        "full name", "applicant", "аты жөні", "т а ә", "өтініш беруші", "тегі аты",
    ),
    "applicant_phone": (
        "телефон", "телефон заявителя", "контактный телефон", "мобильный", "phone",
        "phone number", "mobile", "телефоны", "телефон нөмірі", "байланыс телефоны",
    ),
}

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
# Latin letters that look like Cyrillic ones, in headers and values typed on mixed keyboards.
_LOOKALIKE = str.maketrans("aceopxyABCEHKMOPTXiI", "асеорхуАВСЕНКМОРТХіІ")


def fold_header(text: object) -> str:
    """Case, punctuation, spacing and look-alike letters folded, for comparing header texts."""
    value = unicodedata.normalize("NFKC", str(text)).replace("ё", "е").replace("Ё", "Е")
    value = _PUNCT.sub(" ", value).strip().lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in value):
        value = value.translate(_LOOKALIKE).lower()
    return " ".join(value.split())


_INDEX: dict[str, str] = {fold_header(a): f for f, names in ALIASES.items() for a in names}
_INDEX.update({f: f for f in FIELDS})

# One-word aliases that name the kind of a value more than a field ("Номер телефона" is a phone,
# "Дата рождения" a birth date, "ID клиента" no request id): they match a header that is only
# that word, or that starts with it when nothing more specific is named anywhere in it.
GENERIC: frozenset[str] = frozenset({
    "id", "no", "n", "номер", "нөмірі", "дата", "date", "күні", "текст", "text", "имя", "name",
    "created", "registered", "processed", "closed", "заявитель", "applicant",
})
MAX_HEADER_WORDS = 12
# Short aliases are matched only as whole words, never as the start of a longer word.
_MIN_STEM = 4
_MAX_ENDING = 3  # "телефона", "обращения": a Russian or Kazakh ending after a whole alias word
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _alias, _field in _INDEX.items():
    _words = tuple(_alias.split())
    if _words:
        _PHRASES.setdefault(_words[0], []).append((_words, _field))


def _word_matches(word: str, alias_word: str) -> bool:
    """A header word is the alias word, or the alias word (4+ letters) with a short ending."""
    if word == alias_word:
        return True
    return (len(alias_word) >= _MIN_STEM and word.startswith(alias_word)
            and len(word) - len(alias_word) <= _MAX_ENDING and word[len(alias_word):].isalpha())


def _stems(word: str) -> list[str]:
    """Keys under which an alias whose first word this header word matches can be filed."""
    out = [word]
    for cut in range(1, _MAX_ENDING + 1):
        if len(word) - cut >= _MIN_STEM:
            out.append(word[:-cut])
    return out


def header_matches(text: object) -> list[tuple[tuple[int, int, int], str, int]]:
    """Every alias found in a header as whole words or a phrase: (specificity, field, position).

    Specificity is (words in the alias, 0 for a generic word else 1, letters in the alias)."""
    words = fold_header(text).split()
    found = []
    for position, word in enumerate(words):
        for stem in _stems(word):
            for alias, field in _PHRASES.get(stem, ()):
                size = len(alias)
                if position + size > len(words):
                    continue
                if not all(_word_matches(w, a) for w, a in zip(words[position:position + size], alias, strict=True)):
                    continue
                generic = size == 1 and alias[0] in GENERIC
                if generic and position > 0:
                    continue  # "Контактный номер" is not "Номер"
                found.append(((size, 0 if generic else 1, len(" ".join(alias))), field, position))
    return found


def match_header(text: object) -> str | None:
    """The field a header text names, or None.

    Exact after folding; otherwise the most specific alias found in it as whole words: "Номер
    телефона заявителя" is the applicant's phone (not "номер"), "Дата рождения" a birth date (not
    "дата"), "Номер ИИН" the IIN. A generic word ("номер", "дата") counts only at the start and
    only when nothing more specific is named; short aliases never match inside a longer word."""
    folded = fold_header(text)
    if not folded:
        return None
    if folded in _INDEX:
        return _INDEX[folded]
    if folded.count(" ") >= MAX_HEADER_WORDS:
        return None  # a sentence (a question text in a data row) is no header
    found = header_matches(folded)
    if not found:
        return None
    specific = [f for f in found if f[0][1] == 1]
    candidates = specific or found
    best = max(candidates, key=lambda f: (f[0], -f[2]))
    if best[0][1] == 0 and best[0][2] < _MIN_STEM:
        return None  # "ID клиента", "No of calls": a two-letter word is too weak to name a field alone
    return best[1]


def auto_map(headers: Sequence[object]) -> dict[int, str]:
    """Column index → field for the headers it recognises; each field taken by its first column."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = match_header(header)
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping
