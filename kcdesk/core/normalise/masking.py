"""Masking of personal data inside free question texts before they are stored.

Rules, applied in this order to every text:

1. E-mail addresses (``name@host.tld``) → ``[EMAIL]``.
2. IIN-like numbers: exactly 12 digits, written together or in groups separated by single
   spaces or dashes (``900101300123``, ``900101 300123``, ``900-101-300-123``) → ``[ИИН]``.
   Not when a currency word follows (``100 000 000 000 тенге`` is a sum, not an IIN), and
   never part of a longer digit run (account or card numbers are left as they are).
3. Phone numbers of Kazakhstan: ten digits starting with 7 (``7xx`` mobile or ``7xxx`` city
   codes), optionally after ``+7``, ``7`` or ``8``, with spaces, dashes or brackets between
   the digits (``+7 701 123 45 67``, ``8 (701) 123-45-67``, ``87011234567``, ``7011234567``,
   ``8 7172 12 34 56``) → ``[ТЕЛ]``. Not when a currency word follows.
4. Short numbers right after a phone word (``тел.``, ``телефон``, ``ұялы``, ``phone``, ``моб.``):
   5 to 11 digits with separators (``тел. 51-23-45``) → ``[ТЕЛ]``.

Left alone: dates (``12.03.2024``, ``2024-03-12``), years, sums (``150 000 тенге``), house and
flat numbers, ``№ 24``, and any digit run that is not exactly of the shapes above. Names are not
masked (they cannot be told from other words reliably); the name column itself is never stored.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd


IIN_MASK = "[ИИН]"
PHONE_MASK = "[ТЕЛ]"
EMAIL_MASK = "[EMAIL]"

_CURRENCY = r"(?!\s?(?:тенге|теңге|тг|тнг|₸|kzt|руб|usd|\$|долл|млн|млрд|мың|миллион|миллиард))"
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.IGNORECASE)
# 12 digits, single space/dash between any of them; not inside a longer digit run.
# ... or the birth date and the serial number split by one dot or slash (880101.300123, 880101/300123).
_IIN = re.compile(r"(?<!\d)(?<!\d[ \-./])(?:\d(?:[ \-]?\d){11}|\d{6}[./]\d{6})(?![ \-./]?\d)" + _CURRENCY,
                  re.IGNORECASE)
# Between the digits of a phone: spaces, dashes, brackets, and dots or slashes (8.701.123.45.67, 8/701/1234567).
_SEP = r"[ \-\u00a0./]?[()]?[ \-\u00a0]?"
_PHONE = re.compile(
    r"(?<!\d)(?<!\d[ \-./])"
    r"(?:(?:\+[ \u00a0]?7|8|7)[ \-\u00a0./]?[(]?[ \u00a0]?)?"  # country/trunk prefix
    r"7(?:" + _SEP + r"\d){9}"
    r"(?![ \-./]?\d)" + _CURRENCY,
    re.IGNORECASE,
)
_PHONE_WORD = re.compile(
    r"(?P<word>\b(?:тел(?:ефон\w*)?|моб(?:ильный)?|ұялы|phone|tel)\.?[:\s№]*)"
    r"(?P<number>\+?\d(?:[ \-()]?\d){4,10})(?!\d)",
    re.IGNORECASE,
)


# Every IIN or full phone number has 10+ digits with at most 3 separator characters between
# neighbours, and rule 4 needs its word: texts without them are skipped.
_LONG_NUMBER = re.compile(r"\d(?:[ \-()\u00a0./]{0,3}\d){9}")
_PHONE_WORD_ONLY = re.compile(r"тел|моб|ұялы|phone|tel", re.IGNORECASE)


def mask_text(text: str) -> str:
    """The rules above on one text (for single values; columns go through mask_personal)."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _IIN.sub(IIN_MASK, text)
    text = _PHONE.sub(PHONE_MASK, text)
    return _PHONE_WORD.sub(lambda m: m.group("word") + PHONE_MASK, text)


NAME_MASK = "[ФИО]"
_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "а-яёәғқңөұүһі"
_WORD = f"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_PATRONYMIC = f"[{_UP}][{_LOW}]+(?:ович|евич|ьич|овна|евна|ична|инична|ұлы|улы|қызы|кызы)"
# A person's name where no name belongs (a category, a file or sheet name): a patronymic with one or two
# capitalised words around it, or a surname with initials (Иванов И.И., И. И. Иванов).
_NAME = re.compile(
    rf"(?<![{_UP}{_LOW}])(?:"
    rf"(?:{_WORD}\s+){{1,2}}{_PATRONYMIC}(?:\s+{_WORD})?"
    rf"|{_WORD}\s+[{_UP}]\.\s?[{_UP}]\.?"
    rf"|[{_UP}]\.\s?[{_UP}]\.\s?{_WORD}"
    rf")(?![{_UP}{_LOW}])"
)


# Every name the pattern finds has a patronymic ending or an initial: values without one are skipped.
_NAME_HINT = re.compile(rf"(?:ич|вна|ична|ұлы|улы|қызы|кызы)(?![{_LOW}])|(?<![{_UP}{_LOW}])[{_UP}]\.")


def mask_names(text: str) -> str:
    """Names of people in values that are never names (categories, file and sheet names) → [ФИО].
    Not used on question texts: there a name cannot be told from other words reliably."""
    return _NAME.sub(NAME_MASK, text) if _NAME_HINT.search(text) else text


def mask_names_series(values: pd.Series) -> pd.Series:
    """mask_names over a column of distinct values (None stays None): a vectorised hint scan first."""
    present = values.notna()
    if not present.any():
        return values
    text = values[present].astype(str)
    hinted = text.str.contains(_NAME_HINT, regex=True)
    if not hinted.any():
        return values
    out = values.copy()
    out[hinted[hinted].index] = text[hinted].str.replace(_NAME, NAME_MASK, regex=True)
    return out


def mask_all(text: str) -> str:
    """E-mails, IINs, phones and names: for file and sheet names, headers and the support log."""
    return mask_names(mask_text(text))


def mask_personal(texts: Any) -> pd.Series:
    """E-mails, IIN-like numbers and phone numbers in a column of texts masked (None stays None)."""
    series = texts if isinstance(texts, pd.Series) else pd.Series(texts, dtype=object)
    present = series.notna()
    if not present.any():
        return series.astype(object)
    text = series[present].astype(str)
    # Cheap prefilters first: most texts have no "@" and no run of 5+ digits, and the
    # full patterns are several times slower than these scans.
    has_at = text.str.contains("@", regex=False)
    if has_at.any():
        text[has_at] = text[has_at].str.replace(_EMAIL, EMAIL_MASK, regex=True)
    has_long = text.str.contains(_LONG_NUMBER, regex=True)
    if has_long.any():
        part = text[has_long].str.replace(_IIN, IIN_MASK, regex=True)
        text[has_long] = part.str.replace(_PHONE, PHONE_MASK, regex=True)
    has_word = text.str.contains(_PHONE_WORD_ONLY, regex=True)
    if has_word.any():
        text[has_word] = text[has_word].str.replace(
            _PHONE_WORD, lambda m: m.group("word") + PHONE_MASK, regex=True
        )
    out = series.astype(object).copy()
    out[present] = text
    return out
