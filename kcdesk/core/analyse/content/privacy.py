"""Personal data masked in every question text kcdesk shows or writes (examples, FAQ, search hits,
tables, exported group members), beyond what the importer masks (IIN, Kazakh phones, e-mails):

- flat numbers: "кв. 178", "квартира 12", "кв-ра 5", "12-пәтер", "пәтер 12" → "[КВ]";
- GPS coordinates: "51.730412, 36.192634", "51°44′12″ с.ш." → "[GPS]";
- full names with a patronymic or an initial: "Иванов Иван Иванович", "Роман Владимирович",
  "Нұрлан Асқарұлы", "Иванова И.И.", "И. И. Иванов", "Петров А." → "[ФИО]";
- birth dates: a date or year next to "г.р.", "года рождения", "дата рождения", "родился",
  "туған" → "[ДАТА]";
- phone numbers of other countries' forms: "(4712) 741480", "+7 (4712) 74-14-80", "8 (903) 123-45-67",
  "+998 90 123 45 67" → "[ТЕЛ]".
"""

from __future__ import annotations

import re

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "а-яёәғқңөұүһі"
_NAME = f"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_PATRONYMIC = (f"[{_UP}][{_LOW}]+(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|е|ой|ы)?"
               f"|[{_UP}][{_LOW}]+(?:ұлы|улы|қызы|кызы)|[{_UP}][{_LOW}]+\\s(?:ұлы|қызы)")
_INITIAL = f"[{_UP}]\\.\\s?"
_ADDRESSING = "Уважаем|Глубокоуважаем|Дорог|Құрметті|Қадірлі"  # kept before a masked name

FLAT_MASK, GPS_MASK, NAME_MASK, DATE_MASK, PHONE_MASK = "[КВ]", "[GPS]", "[ФИО]", "[ДАТА]", "[ТЕЛ]"

_FLAT = re.compile(
    r"(?<!\w)(?:кв(?:-ра|артир[аеуыой]{1,2})?|пәтер(?:і|де|ге)?)\.?\s*(?:№\s*)?\d+[а-яa-z]?(?!\d)"
    r"|(?<!\w)\d+\s*-?\s*(?:пәтер\w*|кв\.(?=\s|$))",
    re.IGNORECASE,
)
_GPS = re.compile(
    r"(?<![\d.])-?\d{1,3}[.,]\d{4,}\s*[,;/ ]\s*-?\d{1,3}[.,]\d{4,}(?![\d])"
    r"|\d{1,3}\s?°\s?\d{1,2}\s?['′]\s?(?:\d{1,2}(?:[.,]\d+)?\s?[\"″]?)?\s?(?:[NSEWСЮВЗ]|с\.?\s?ш\.?|в\.?\s?д\.?)?",
    re.IGNORECASE,
)
_FULL_NAME = re.compile(
    f"(?<!\\w)(?:(?!{_ADDRESSING}){_NAME}\\s+)?{_NAME}\\s+(?:{_PATRONYMIC})(?!\\w)"  # (Иванов) Иван Иванович
    f"|(?<!\\w){_NAME}\\s+{_INITIAL}(?:{_INITIAL})?(?![{_LOW}])(?!\\s?{_NAME})"  # Иванова И.И.
    f"|(?<!\\w){_INITIAL}(?:{_INITIAL})?{_NAME}(?!\\w)"  # И.И. Иванов
)
_DATE = r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}"
_BIRTH = re.compile(
    r"(?:(?:дата|даты|год|года|г\.)\s+рождения|д\.\s?р\.|родил(?:ся|ась|ись)|туған(?:\s+күні|\s+жылы)?)"
    r"[\s:,-]*(?:в\s+)?(?:" + _DATE + r")(?:\s*(?:г\.?|года|жылы))?"
    r"|(?:" + _DATE + r")\s*(?:г\.\s?р\.?|года\s+рождения|г\.?\s*рожд\w*|жылы\s+туған|ж\.\s?т\.)",
    re.IGNORECASE,
)
_FOREIGN_PHONE = re.compile(
    r"(?<![\d\w])(?:\+\d{1,3}[\s-]?)?(?:8[\s-]?)?\(\d{3,5}\)[\s-]?\d{1,3}(?:[\s-]?\d{2}){1,3}(?!\d)"  # (4712) 741480
    r"|(?<![\d\w])\+(?!7\s?7)\d{1,3}(?:[\s-]?\d{2,4}){3,5}(?!\d)"  # +998 90 123 45 67
    r"|(?<![\d\w])8[\s-]?9\d{2}[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)",  # 8 903 123-45-67
)


def mask_shown(text: str) -> str:
    """The rules above on one text (after the importer's masks)."""
    text = _BIRTH.sub(DATE_MASK, text)
    text = _GPS.sub(GPS_MASK, text)
    text = _FOREIGN_PHONE.sub(PHONE_MASK, text)
    text = _FLAT.sub(FLAT_MASK, text)
    return _FULL_NAME.sub(NAME_MASK, text)
