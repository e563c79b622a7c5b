"""Numbers in Russian and Kazakh prose: grouping, noun agreement, percents, quarters and number suffixes."""

from __future__ import annotations

NBSP = "\u00a0"
# Between a figure and its Kazakh case suffix ("10‑ға"): a non-breaking hyphen, so a line never ends in "10-".
NBHY = "\u2011"

RU_QUARTER_ORDINAL = {1: "I", 2: "II", 3: "III", 4: "IV"}


def group(n: int) -> str:
    """1000000 -> '1 000 000' with non-breaking spaces (the usual Kazakh/Russian grouping)."""
    sign = "-" if n < 0 else ""
    digits = str(abs(int(n)))
    parts = []
    while digits:
        parts.append(digits[-3:])
        digits = digits[:-3]
    return sign + NBSP.join(reversed(parts))


def ru_form(n: int, forms: tuple[str, str, str]) -> str:
    """The noun form agreeing with n: forms = (one, few, many), e.g. ('запрос', 'запроса', 'запросов')."""
    n = abs(int(n))
    if n % 100 in (11, 12, 13, 14):
        return forms[2]
    if n % 10 == 1:
        return forms[0]
    if n % 10 in (2, 3, 4):
        return forms[1]
    return forms[2]


def ru_plural(n: int, forms: tuple[str, str, str]) -> str:
    """'1 запрос', '2 запроса', '5 запросов', '1 000 000 запросов'."""
    return f"{group(n)}{NBSP}{ru_form(n, forms)}"


# The forms the Russian sentences need, by case (the number itself governs the noun in the
# nominative/accusative; in the genitive etc. the noun is plural except after ...1).
REQUEST = ("запрос", "запроса", "запросов")
REQUEST_GEN = ("запроса", "запросов", "запросов")  # «свыше 21 запроса», «свыше 5 запросов»
PERSON = ("человек", "человека", "человек")
TOPIC = ("тема", "темы", "тем")
REGION = ("регион", "региона", "регионов")


def ru_genitive(n: int, forms: tuple[str, str, str] = REQUEST_GEN) -> str:
    """After prepositions governing the genitive (с, до, около, свыше): 'с 1 запроса', 'с 5 запросов'."""
    n_abs = abs(int(n))
    noun = forms[0] if n_abs % 10 == 1 and n_abs % 100 != 11 else forms[1]
    return f"{group(n)}{NBSP}{noun}"


def fmt_pct(value: float) -> str:
    """12.5 -> '12,5'; 30.0 -> '30'; one decimal at most, decimal comma."""
    rounded = round(abs(float(value)), 1)
    text = f"{rounded:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def ru_pct(value: float) -> str:
    """'30,5 %' (a non-breaking space before the sign, as in official texts)."""
    return f"{fmt_pct(value)}{NBSP}%"


def ru_quarter(quarter_number: int, year: int) -> str:
    """'III квартал 2026 года' (nominative)."""
    return f"{RU_QUARTER_ORDINAL[quarter_number]} квартал {year}{NBSP}года"


def ru_quarter_in(quarter_number: int, year: int) -> str:
    """'в III квартале 2026 года' (prepositional)."""
    return f"в {RU_QUARTER_ORDINAL[quarter_number]} квартале {year}{NBSP}года"


def ru_quarter_instr(quarter_number: int, year: int) -> str:
    """'III кварталом 2026 года' (instrumental: «по сравнению с III кварталом 2026 года»)."""
    return f"{RU_QUARTER_ORDINAL[quarter_number]} кварталом {year}{NBSP}года"


# ---------------------------------------------------------------- Kazakh

_KK_BACK = set("аоұыАОҰЫ")
_KK_FRONT = set("әеөүіэӘЕӨҮІЭ")
_KK_VOICELESS = set("кқпстфхцчшщ")
_KK_VOICED = set("бвгғджз")
_KK_SONORANT = set("лмнңрйуwиюя")

# How each final digit-group is pronounced (the suffix follows the last spoken word).
_KK_UNITS = {
    0: "нөл", 1: "бір", 2: "екі", 3: "үш", 4: "төрт", 5: "бес",
    6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз",
}
_KK_TENS = {
    1: "он", 2: "жиырма", 3: "отыз", 4: "қырық", 5: "елу",
    6: "алпыс", 7: "жетпіс", 8: "сексен", 9: "тоқсан",
}


def kk_last_word(n: int) -> str:
    """The last word of the number as spoken in Kazakh (its last sound picks the suffix)."""
    n = abs(int(n))
    if n == 0:
        return "нөл"
    if n % 10:
        return _KK_UNITS[n % 10]
    if n % 100:
        return _KK_TENS[(n % 100) // 10]
    if n % 1000:
        return "жүз"
    if n % 1_000_000:
        return "мың"
    if n % 1_000_000_000:
        return "миллион"
    return "миллиард"


def _kk_word_traits(word: str) -> tuple[bool, str]:
    """(front vowels?, final sound class 'vowel'|'sonorant'|'voiced'|'voiceless')."""
    front = True
    for ch in reversed(word):
        if ch in _KK_BACK:
            front = False
            break
        if ch in _KK_FRONT:
            front = True
            break
    last = word[-1].lower()
    if last in "аәеоөұүыіэяю":
        kind = "vowel"
    elif last in _KK_VOICELESS:
        kind = "voiceless"
    elif last in _KK_VOICED:
        kind = "voiced"
    else:
        kind = "sonorant"
    return front, kind


def kk_suffix(word: str, case: str) -> str:
    """The case suffix for a Kazakh word: case is 'dat' (-ға/-ге/-қа/-ке), 'abl' (-дан/-тан/-нан…),
    'loc' (-да/-та…), 'gen' (-ның/-дың/-тың…)."""
    front, kind = _kk_word_traits(word)
    if case == "dat":
        if kind == "voiceless":
            return "ке" if front else "қа"
        return "ге" if front else "ға"
    if case == "loc":
        if kind == "voiceless":
            return "те" if front else "та"
        return "де" if front else "да"
    if case == "abl":
        if kind == "voiceless":
            return "тен" if front else "тан"
        if kind == "vowel" or kind == "voiced" or word[-1] in "лруйи":
            return "ден" if front else "дан"
        return "нен" if front else "нан"  # after м, н, ң
    if case == "gen":
        if kind == "vowel":
            return "нің" if front else "ның"
        if kind == "voiceless":
            return "тің" if front else "тың"
        if word[-1] in "мнң" or kind == "voiced":
            return "дің" if front else "дың"
        return "дің" if front else "дың"
    raise ValueError(case)


def kk_num_case(n: int, case: str) -> str:
    """'5-ке', '10-ға', '3-тен', '2-ден', '100-ге' — a number in figures with its case suffix."""
    return f"{group(n)}{NBHY}{kk_suffix(kk_last_word(n), case)}"


def kk_count(n: int, noun: str = "сұрау салу") -> str:
    """Kazakh numerals leave the noun singular: '1 сұрау салу', '21 сұрау салу'."""
    return f"{group(n)}{NBSP}{noun}"


def kk_pct(value: float) -> str:
    """'30 %' — the bare percent."""
    return f"{fmt_pct(value)}{NBSP}%"


def kk_pct_case(value: float, case: str = "dat") -> str:
    """'30 %-ға' ('пайыз' is back-vowelled and ends in з, so -ға/-да/-дан whatever the figure)."""
    return f"{fmt_pct(value)}{NBSP}%{NBHY}{kk_suffix('пайыз', case)}"


def kk_quarter(quarter_number: int, year: int) -> str:
    """'2026 жылғы 3-тоқсан'."""
    return f"{year}{NBSP}жылғы {quarter_number}-тоқсан"


def kk_quarter_in(quarter_number: int, year: int) -> str:
    """'2026 жылғы 3-тоқсанда'."""
    return f"{kk_quarter(quarter_number, year)}да"
