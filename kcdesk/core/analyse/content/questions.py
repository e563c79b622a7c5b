"""Per question group: a readable label, a typical example, and a question for the FAQ list.

The example is a member near the group's centre, of medium length, without an address, a form
of address or a name. The FAQ question is a real question of the group (a sentence ending in "?"
or opening with a question word), trimmed of greetings and forms of address; where the group
holds none, one is drafted from its label (ru and kk) and marked as drafted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kcdesk.core.analyse.content.normalise import display_text

CANDIDATES = 60  # members nearest the centre considered for the example and the question
EXAMPLE_MIN, EXAMPLE_MAX = 30, 260  # characters of a good example
QUESTION_MIN, QUESTION_MAX = 12, 180

_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")
# A sentence without "?" is a question only when it opens with one of these (not "Как итог: …").
_QUESTION_START = re.compile(
    r"^(?:почему|зачем|можно\s+ли|возможно\s+ли|будет\s+ли|будут\s+ли|есть\s+ли|положен\w*\s+ли|могу\s+ли"
    r"|имею\s+ли|когда\s+(?:будет|будут|начн\w*|законч\w*|планир\w*|откро\w*|отремонт\w*|уберут|вывез\w*|дадут)"
    r"|как\s+(?:можно|мне|нам|получить|оформить|узнать|записаться|подать|прикрепиться|попасть|быть|долго)"
    r"|где\s+(?:можно|мне|нам|получить|оформить|узнать)|куда\s+(?:обращаться|обратиться|жаловаться)"
    r"|что\s+делать|сколько\s+(?:ждать|можно|стоит)|қашан|неге|неліктен|қалай|қайда|не\s+үшін)(?!\w)",
    re.IGNORECASE,
)
# Question words that make a "?" sentence a question of substance rather than a rhetorical one.
_QUESTION_WORD = re.compile(
    r"^(?:как\w*|где|когда|почему|зачем|куда|сколько|кто|что|чем|можно|возможно|будет|будут|есть|положен\w*"
    r"|каким|какие|какой|қалай|қайда|қашан|неге|неліктен|қандай|қанша|кім|не)(?!\w)",
    re.IGNORECASE,
)
_KK_QUESTION_END = re.compile(r"(?:ма|ме|ба|бе|па|пе)\s*\?$", re.IGNORECASE)
# Openings trimmed from a question: greetings, forms of address with their name, politeness.
_OPENING = re.compile(
    r"^(?:\s*(?:здравствуйте|добр(?:ый|ое|ого)\s+(?:день|дня|вечер|утро|времени\s+суток)|доброго\s+времени\s+суток"
    r"|приветствую|сәлеметсіз\s*бе|сәлеметсіздер\s*ме|қайырлы\s+(?:күн|кеш|таң)|ассалаум?\s*ағалейкум"
    r"|(?:уважаем(?:ый|ая|ые)|глубокоуважаем\w*|құрметті|қадірлі)(?:\s+[^\W\d_]+){0,3}"
    r"|пожалуйста|прошу\s+(?:подсказать|разъяснить|ответить)|скажите\s+пожалуйста|подскажите\s+пожалуйста"
    r"|ал|а|и|так\s+вот|вопрос)\s*[,!.:;-]*)+",
    re.IGNORECASE,
)
# What may not stand in a published question or example: a place, a person, a masked datum.
_ADDRESS = re.compile(
    r"(?<!\w)(?:ул|улиц[аеуы]|пр-т|просп|проспект|переул\w*|мкр|микрорайон\w*|д|дом[ае]?|кв|квартир\w*|корп|подъезд\w*"
    r"|көшесі\w*|даңғылы\w*|шағын\s+аудан\w*|үй|пәтер\w*)\.?\s*(?:№\s*)?\d"
    r"|(?<!\w)(?:ул|пр|пер|мкр|г)\.\s*[А-ЯЁӘҒҚҢӨҰҮҺІ]"
    r"|[А-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+\s+(?:көшесі|даңғылы|ауылы)",
)
_PERSON = re.compile(
    r"(?<!\w)(?:уважаем\w*|глубокоуважаем\w*|құрметті|қадірлі)(?!\w)"
    r"|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|вны|вной|вне|вичу|вича|ич|ична|ичны|ичне|ұлы|қызы|улы|кызы)(?!\w)"
    r"|(?<!\w)[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?)?[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,}"
    r"|(?<!\w)[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,}\s+[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.)?",
)
_MASKED = re.compile(r"\[(?:ИИН|ТЕЛ|EMAIL|ФИО|АДРЕС|ДАТА|GPS|КВ)[^\]]*\]|\d{5,}", re.IGNORECASE)
_CUT_SHORT = re.compile(r"(?<!\w)[^\W\d_]{1,2}\?$|(?<!\w)(?:ул|пр|пер|им|мкр|стр|обл|пос)\?$", re.IGNORECASE)
_KAZAKH = re.compile("[әғқңөұүһі]", re.IGNORECASE)


@dataclass
class GroupText:
    label: str
    example: str
    question: str
    drafted: bool
    language: str  # "kk" or "ru": the language most of the group's requests are written in


def is_question(sentence: str) -> bool:
    text = sentence.strip()
    return text.endswith("?") or _QUESTION_START.match(text) is not None


def trim_question(sentence: str) -> str:
    """A sentence as it would be published: opening formulas off, first letter up, ending in "?"."""
    text = _OPENING.sub("", sentence.strip()).strip(" ,;:-–—")
    text = re.sub(r"[.!…\s]+$", "", text)
    text = re.sub(r"\?+$", "", text).strip()
    if not text:
        return ""
    return text[0].upper() + text[1:] + "?"


def fit_to_publish(text: str) -> bool:
    """No address, no person's name or form of address, no masked datum."""
    return not (_ADDRESS.search(text) or _PERSON.search(text) or _MASKED.search(text))


def questions_in(text: str) -> list[str]:
    """The question sentences of a request, trimmed, fit to publish."""
    out = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence or not is_question(_OPENING.sub("", sentence).strip() or sentence):
            continue
        trimmed = trim_question(sentence)
        if _CUT_SHORT.search(trimmed):  # split at an abbreviation ("… по ул."): not a whole sentence
            continue
        if QUESTION_MIN <= len(trimmed) <= QUESTION_MAX and fit_to_publish(trimmed):
            out.append(trimmed)
    return out


def draft_question(label: str, lang: str) -> str:
    """A question phrased from a group's label, for a group whose requests hold none."""
    if lang == "kk":
        return f"«{label}» мәселесі бойынша қайда жүгінуге болады?"
    return f"Куда обращаться по вопросу «{label}»?"


def language_of(texts: list[str]) -> str:
    kazakh = sum(bool(_KAZAKH.search(t)) for t in texts)
    return "kk" if kazakh * 2 > len(texts) else "ru"


def _stems_in(text: str, stems: list[str]) -> int:
    low = text.casefold().replace("ё", "е")
    return sum(s in low for s in stems)


def group_texts(labels: np.ndarray, similarity: np.ndarray, counts: np.ndarray, raw: np.ndarray,
                n_groups: int, key_phrases: list[list[str]], key_stems: list[list[str]]) -> list[GroupText]:
    """Label, example and FAQ question for each group.

    labels/similarity/counts/raw: per distinct text of the quarter (raw = one stored question).
    key_stems: the stems of each group's key phrases, used to keep a question on the group's subject.
    """
    frame = pd.DataFrame({"g": labels, "s": similarity, "c": counts, "i": np.arange(len(labels))})
    frame = frame[frame["g"] >= 0].sort_values(["g", "s", "c"], ascending=[True, False, False])
    top = frame.groupby("g").head(CANDIDATES)
    out = []
    by_group = {int(g): part for g, part in top.groupby("g")}
    for g in range(n_groups):
        part = by_group.get(g)
        phrases = key_phrases[g] if g < len(key_phrases) else []
        label = _label(phrases)
        if part is None or part.empty:
            out.append(GroupText(label, "", draft_question(label, "ru") if label else "", True, "ru"))
            continue
        shown = [display_text(raw[i]) for i in part["i"]]
        lang = language_of(shown)
        example = _example(shown)
        stems = key_stems[g] if g < len(key_stems) else []
        question = _best_question(shown, stems)
        drafted = not question
        if drafted and label:
            question = draft_question(label, lang)
        out.append(GroupText(label, example, question, drafted, lang))
    return out


def _best_question(shown: list[str], stems: list[str]) -> str:
    """The best real question among the members nearest the centre: about the group's words, opening
    with a question word, short; ties go to the member nearer the centre."""
    best, best_key = "", None
    for rank, text in enumerate(shown):
        for question in questions_in(text):
            matched = _stems_in(question, stems) if stems else 1
            if not matched:
                continue
            key = (-(_QUESTION_WORD.match(question) is not None), -min(matched, 3), len(question) > 120, rank)
            if best_key is None or key < best_key:
                best, best_key = question, key
    return best


def _label(phrases: list[str]) -> str:
    """The first two-word key phrase (a noun phrase in its usual spelling), else the first phrase."""
    for phrase in phrases:
        if " " in phrase:
            return phrase
    return phrases[0] if phrases else ""


def _example(shown: list[str]) -> str:
    """The first (nearest the centre) of medium length and fit to publish; else the nearest."""
    for text in shown:
        if EXAMPLE_MIN <= len(text) <= EXAMPLE_MAX and fit_to_publish(text):
            return text
    for text in shown:
        if fit_to_publish(text):
            return text
    return shown[0]
