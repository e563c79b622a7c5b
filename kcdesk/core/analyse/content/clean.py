"""What a request is about: its normalised text without greetings, forms of address, request
formulas, boilerplate, addresses, dates and numbers (the words the question groups are built on).

Works on texts already folded by normalise_texts (lower case, ё→е, numbers → "0"). The patterns
are applied with pandas' vectorised string methods on distinct texts; what is left is read by the
word space (stop words, stems) of phrases.py.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

_W = r"[^\W\d_]"  # a letter
_WORD = _W + r"+"
_CHUNK = 50_000  # each string step copies the chunk: smaller chunks, lower peaks

# Greetings and sign-offs, Russian and Kazakh (whole formulas, so that "добрый" stays a word elsewhere).
_GREETINGS = (
    r"здравствуйте|здравствуй|добр(?:ый|ое|ого)\s+(?:день|дня|вечер|вечера|утро|утра|времени\s+суток)"
    r"|доброго\s+времени\s+суток|приветствую|привет|с\s+уважением|заранее\s+(?:спасибо|благодар\w*)"
    r"|спасибо(?:\s+за\s+\w+)?|благодарю|сәлеметсіз\s*бе|сәлеметсіздер\s*ме|сәлем|ассалаум?\s*ағалейкум"
    r"|қайырлы\s+(?:күн|кеш|таң)|рахмет|рақмет|құрметпен|алдын\s+ала\s+рахмет"
)
# A form of address with the name or post that follows it, up to the first punctuation mark.
_ADDRESS_FORM = (
    r"(?:уважаем(?:ый|ая|ое|ые)|дорог(?:ой|ая|ие)|глубокоуважаем\w*|құрметті|қадірлі)"
    r"(?:\s+" + _WORD + r"){0,4}\s*[,!.:]?"
)
# Formulas of request, complaint and legal boilerplate that say nothing about the question.
_FORMULAS = (
    r"прошу\s+(?:вас\s+)?(?:принять\s+меры|разобраться|помочь|оказать\s+содействие|рассмотреть)"
    r"|примите\s+меры|просим\s+принять\s+меры|фото(?:фиксация)?\s+(?:прилагается|прилагаю|прикреплен\w*)"
    r"|в\s+соответствии\s+с\s+(?:\w+\s+){0,6}закон\w*(?:\s+(?:рф|рк|от|о|об|№|\w+)){0,8}"
    r"|(?:федеральн|конституционн)\w*\s+закон\w*(?:\s+(?:рф|рк|от|о|об|№|\w+)){0,8}"
    r"|(?:ст|стать[яиею])\.?\s*0(?:\s*(?:ч|п|пункт\w*|част\w*)\.?\s*0)*"
    r"|шара\s+қолдану\w*|көмектесу\w*|жауап\s+беру\w*"
)
# Places: the street, avenue, district or settlement named after its word, house and flat numbers.
_ADDRESS = (
    r"(?:ул|улиц[аеуы]|пр|пр-т|просп|проспект[ае]?|пер|переул(?:ок|ке|ка)|мкр|микрорайон[ае]?|пл|бульвар[ае]?"
    r"|б-р|шоссе|пос|г|с\.|р-н|тупик[ае]?|проезд[ае]?)\.?\s+(?:им\.?\s+)?" + _WORD + r"(?:\s+0)?"
    r"|(?:д|дом[ае]?|кв|квартир[аеуы]|корп|корпус|подъезд[ае]?|эт|этаж[ае]?|үй|пәтер)\.?\s*(?:№\s*)?0\w*"
    r"|по\s+адресу:?"
)
# The Kazakh form names the place before its word ("Абай көшесі"): tried only on texts holding such a
# word (a word-then-lookahead pattern tried at every word of every text is the slowest of all).
_ADDRESS_KK = _WORD + r"\s+(?:көшесі|көш|даңғылы|шағын\s+ауданы|ауылы|қаласы)\w*(?:\s+0)?"
_ADDRESS_KK_HINT = re.compile(r"көш|даңғыл|шағын|ауыл|қала")
_MONTHS = (
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
    r"|(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"
)
_DATES = r"0(?:\s*[./-]\s*0){1,2}(?:\s*(?:г|года|году|жыл\w*)\b\.?)?|0\s+(?:" + _MONTHS + r")(?:\s+0)?(?:\s*(?:г|года|году|жыл\w*)\b\.?)?"

# One alternation, one pass over each text (five passes cost three times as much): at each place the
# first kind that matches is removed; numbers left over go too.
_PATTERNS = [re.compile(r"(?<!\w)(?:" + "|".join((_GREETINGS, _ADDRESS_FORM, _FORMULAS, _DATES, _ADDRESS, r"0\w*"))
                        + r")(?!\w)|№")]
_PATTERN_KK = re.compile(r"(?<!\w)(?:" + _ADDRESS_KK + r")(?!\w)")
_SPACE = re.compile(r"\s+")


def _clean(part: pd.Series) -> pd.Series:
    kazakh = part.str.contains(_ADDRESS_KK_HINT, regex=True).to_numpy(dtype=bool)
    if kazakh.any():
        part = part.copy()
        part[kazakh] = part[kazakh].str.replace(_PATTERN_KK, " ", regex=True)
    for pattern in _PATTERNS:
        part = part.str.replace(pattern, " ", regex=True)
    return part.str.replace(_SPACE, " ", regex=True).str.strip()


def content_texts(texts: np.ndarray) -> np.ndarray:
    """Each normalised text reduced to what it is about (may be "": then it says nothing)."""
    if len(texts) == 0:
        return np.array([], dtype=object)
    parts = [_clean(pd.Series(texts[i:i + _CHUNK], dtype=object)) for i in range(0, len(texts), _CHUNK)]
    return pd.concat(parts, ignore_index=True).to_numpy(dtype=object)


def content_text(text: str) -> str:
    return str(content_texts(np.array([text], dtype=object))[0])
