"""Display names in Kazakh and Russian: regions, topics, portrait categories, chart captions."""

from __future__ import annotations

from typing import Any

from kcdesk.core.vocabulary import (
    AGE_BANDS,
    GENDERS,
    SOCIAL_STATUSES,
    UNKNOWN,
    Lang,
    as_lang,
    codes,
    reference_rows,
)

UNKNOWN_REGION = {"ru": "регион не указан", "kk": "өңірі көрсетілмеген"}

# Display orders (youngest first; "unknown" last): the one vocabulary's codes.
AGE_ORDER = AGE_BANDS
GENDER_ORDER = GENDERS + (UNKNOWN,)
SOCIAL_ORDER = SOCIAL_STATUSES + (UNKNOWN,)

_AGE = {
    "ru": {"under_18": "до 18 лет", "over_90": "старше 90 лет", "unknown": "возраст не указан"},
    "kk": {"under_18": "18 жасқа дейін", "over_90": "90 жастан асқан", "unknown": "жасы көрсетілмеген"},
}
_GENDER = {
    "ru": {"female": "женщины", "male": "мужчины", "unknown": "пол не указан"},
    "kk": {"female": "әйелдер", "male": "ерлер", "unknown": "жынысы көрсетілмеген"},
}
_NOT_STATED = {"ru": "не указано", "kk": "көрсетілмеген"}

# Captions of the charts the report knows; extra charts (e.g. the map) may add their own.
CHART_CAPTIONS = {
    "ru": {
        "top10": "10 наиболее интересующих граждан вопросов",
        "regions": "Количество запросов в разрезе регионов",
        "topics_compare": "Запросы по темам: предыдущий и отчетный кварталы",
        "topics_compare_year": "Запросы по темам: тот же квартал прошлого года и отчетный квартал",
        "portrait_age": "Возраст заявителей",
        "portrait_gender": "Пол заявителей",
        "portrait_social": "Социальный статус заявителей",
        "map": "Карта запросов по регионам (границы: geokz, Alexander Rodionov, CC BY 4.0)",
    },
    "kk": {
        "top10": "Азаматтарды барынша қызықтыратын 10 мәселе",
        "regions": "Өңірлер бөлінісіндегі сұрау салулар саны",
        "topics_compare": "Тақырыптар бойынша сұрау салулар: алдыңғы және есепті тоқсандар",
        "topics_compare_year": "Тақырыптар бойынша сұрау салулар: өткен жылдың осы тоқсаны және есепті тоқсан",
        "portrait_age": "Өтініш берушілердің жасы",
        "portrait_gender": "Өтініш берушілердің жынысы",
        "portrait_social": "Өтініш берушілердің әлеуметтік мәртебесі",
        "map": "Өңірлер бойынша сұрау салулар картасы (шекаралар: geokz, Alexander Rodionov, CC BY 4.0)",
    },
}
# The charts' axes (value axis, category axis) and the legends of their colours, in each language.
CHART_AXES = {
    "ru": {
        "top10": ("количество запросов", "вопрос (тема)"),
        "regions": ("количество запросов", "регион"),
        "topics_compare": ("количество запросов", "тема"),
        "portrait_age": ("количество запросов (доля)", "возраст"),
        "portrait_gender": ("количество запросов (доля)", "пол"),
        "portrait_social": ("количество запросов (доля)", "социальный статус"),
    },
    "kk": {
        "top10": ("сұрау салулар саны", "мәселе (тақырып)"),
        "regions": ("сұрау салулар саны", "өңір"),
        "topics_compare": ("сұрау салулар саны", "тақырып"),
        "portrait_age": ("сұрау салулар саны (үлесі)", "жасы"),
        "portrait_gender": ("сұрау салулар саны (үлесі)", "жынысы"),
        "portrait_social": ("сұрау салулар саны (үлесі)", "әлеуметтік мәртебесі"),
    },
}
CHART_LEGENDS = {
    "ru": {"flagged": "рост более чем на 30\u00a0% или новая тема", "other": "прочие темы",
           "previous": "предыдущий квартал", "year_ago": "тот же квартал прошлого года",
           "current": "отчетный квартал"},
    "kk": {"flagged": "30\u00a0%-дан астам өскен немесе жаңа тақырып", "other": "басқа тақырыптар",
           "previous": "алдыңғы тоқсан", "year_ago": "өткен жылдың осы тоқсаны", "current": "есепті тоқсан"},
}
CHART_ORDER = ("top10", "regions", "map", "topics_compare", "portrait_age", "portrait_gender", "portrait_social")


def check_lang(lang: str) -> Lang:
    return as_lang(lang)


def region_codes() -> list[str]:
    """The 20 first-level units in the reference table's order."""
    return list(codes("region"))


def region_name(code: str | None, lang: str) -> str:
    """The region's name in the report language; unknown codes print as given."""
    if not code or code == UNKNOWN:
        return UNKNOWN_REGION[lang]
    row = reference_rows("region").get(code)
    return row[f"name_{lang}"] if row else str(code)


def age_label(band: str, lang: str) -> str:
    if band in _AGE[lang]:
        return _AGE[lang][band]
    return f"{band} лет" if lang == "ru" else f"{band} жас"


def gender_label(code: str, lang: str) -> str:
    return _GENDER[lang].get(code, code)


def social_label(code: str, lang: str) -> str:
    if code == "unknown":
        return "статус не указан" if lang == "ru" else "мәртебесі көрсетілмеген"
    row = reference_rows("social_status").get(code)
    return row[f"name_{lang}"] if row else code


_OTHER = {"ru": "другие", "kk": "басқалары"}
VALUE_FIELDS = ("channel", "marital_status", "education", "occupation")


def value_label(value: str | None, lang: str, field: str | None = None, sentence: bool = False) -> str:
    """A code of channel, marital status, education or occupation by its name in lang.

    'unknown' is "не указано"; 'other' (the portrait's rest) is "другие"; a value that is no code
    (an old project's free text) prints as stored. ``sentence`` gives the form inside a sentence.
    """
    from kcdesk.core.normalise import reference

    if value in ("unknown", "", None):
        return _NOT_STATED[lang]
    if value == "other" and field != "channel":
        return _OTHER[lang]
    for candidate in ([field] if field else list(VALUE_FIELDS)):
        if candidate in reference.FIELDS_WITH_TABLES:
            name = reference.name(candidate, str(value), lang)
            if name:
                return reference.in_sentence(name) if sentence else name
    return str(value)


def channel_label(code: str | None, lang: str, sentence: bool = False) -> str:
    if code in ("unknown", "", None):
        return "канал не указан" if lang == "ru" else "арнасы көрсетілмеген"
    return value_label(code, lang, "channel", sentence)


# The reference name of this category is too long for a chart line or a table cell on screen; the
# справка's text keeps it whole.
SHORT_SOCIAL = {
    "ru": {"entrepreneur": "Индивидуальные предприниматели и лица частной практики"},
    "kk": {"entrepreneur": "Жеке кәсіпкерлер және жеке практикамен айналысатындар"},
}
PORTRAIT_ORDERS = {"age": AGE_ORDER, "gender": GENDER_ORDER, "social_status": SOCIAL_ORDER}


def portrait_label(kind: str, code: str, lang: str) -> str:
    """A category of a portrait dimension as its chart and its table name it (one name for both)."""
    if kind == "age":
        return age_label(code, lang)
    if kind == "gender":
        return gender_label(code, lang)
    if kind == "social_status":
        return SHORT_SOCIAL[lang].get(code) or social_label(code, lang)
    return value_label(code, lang, kind if kind in VALUE_FIELDS else None)


def portrait_pairs(kind: str, counts: dict[str, int]) -> list[tuple[str, int]]:
    """A dimension's (category, count) in the order its chart and its table show them: the bands and
    fixed vocabularies in their order (zeros kept), the other dimensions largest first; "not stated" last."""
    order = PORTRAIT_ORDERS.get(kind)
    if order:
        return [(k, int(v)) for k, v in ordered(counts, order)]
    pairs = sorted(((k, int(v)) for k, v in counts.items() if k != "unknown"), key=lambda kv: (-kv[1], kv[0]))
    if "unknown" in counts:
        pairs.append(("unknown", int(counts["unknown"])))
    return pairs


def ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Known keys in the given order first (all of them, zeros included), then the rest, 'unknown' last."""
    keys = [k for k in order if k != "unknown"]
    extra = [k for k in mapping if k not in order and k != "unknown"]
    out = [(k, mapping.get(k, 0) or 0) for k in keys if k in mapping or order]
    out += [(k, mapping[k] or 0) for k in extra]
    if "unknown" in mapping or "unknown" in order:
        out.append(("unknown", mapping.get("unknown", 0) or 0))
    return out
