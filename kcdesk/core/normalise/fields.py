"""The fields an export's columns map to, and the header texts (kk/ru/en) that name them."""

from __future__ import annotations

import re
import unicodedata

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


def match_header(text: object) -> str | None:
    """The field a header text names, or None. Exact after folding, then by a known prefix."""
    folded = fold_header(text)
    if not folded:
        return None
    if folded in _INDEX:
        return _INDEX[folded]
    # "Дата регистрации обращения (МСК)" → longest alias that starts the header.
    best = None
    for alias, field in _INDEX.items():
        if len(alias) >= 4 and folded.startswith(alias + " ") and (best is None or len(alias) > len(best[0])):
            best = (alias, field)
    return best[1] if best else None


def auto_map(headers: list[object]) -> dict[int, str]:
    """Column index → field for the headers it recognises; each field taken by its first column."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = match_header(header)
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping
