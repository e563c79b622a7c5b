"""Per question group: a readable label, a typical example, and a question for the FAQ list.

The example is a member near the group's centre, of medium length, without an address, a form
of address or a name. The FAQ question is a real question of the group (a sentence ending in "?"
or opening with a question word), trimmed of greetings and forms of address; where the group
holds none, one is drafted from its label (ru and kk) and marked as drafted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    labels: dict[str, str] = field(default_factory=dict)  # the label as the group's kk / ru requests write it


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
            out.append(GroupText(label, "", draft_question(label, "ru") if label else "", True, "ru",
                                 {"ru": label} if label and not _KAZAKH.search(label) else {}))
            continue
        shown = [display_text(raw[i]) for i in part["i"]]
        lang = language_of(shown)
        example = _example(shown)
        stems = key_stems[g] if g < len(key_stems) else []
        near = shown[:LABEL_MEMBERS]
        label = noun_phrase(near, stems) or label
        by_lang = label_per_language(near, label, stems)
        question = _best_question(shown, stems)
        drafted = not question
        if drafted and label:
            question = draft_question(by_lang.get(lang) or label, lang)
        out.append(GroupText(label, example, question, drafted, lang, by_lang))
    return out


def label_per_language(texts: list[str], label: str, stems: list[str] | None = None) -> dict[str, str]:
    """The group's label as its Kazakh and its Russian requests write it: the label itself for the
    language whose requests hold it most, a label of the other language's requests for the other
    (when they hold a run of words of their own). A language none of whose requests is in the group
    gets none: a question drafted in it would quote the other language."""
    split = {"kk": [t for t in texts if _KAZAKH.search(t)], "ru": [t for t in texts if not _KAZAKH.search(t)]}
    out: dict[str, str] = {}
    if label:
        low = label.casefold()
        held = {code: sum(low in t.casefold() for t in mine) for code, mine in split.items()}
        own = max(held, key=lambda code: held[code])
        if held[own]:
            out[own] = label
    for code, mine in split.items():
        if code not in out and len(mine) >= max(2, len(texts) // 5):  # a few stray texts name nothing
            phrase = noun_phrase(mine, stems, alone=False)
            if phrase and bool(_KAZAKH.search(phrase)) == (code == "kk"):
                out[code] = phrase
    return {code: out[code] for code in ("kk", "ru") if code in out}


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
    """The fallback label: the first two-word key phrase, else the first phrase."""
    for phrase in phrases:
        if " " in phrase:
            return phrase
    return phrases[0] if phrases else ""


LABEL_MEMBERS = 40  # members nearest the centre a label is read from
LABEL_WORDS = (2, 5)
_LABEL_TEXT_WORDS = 120  # words of each member read (a long complaint's tail adds nothing)
_BREAK = re.compile(r"[.,!?;:()«»\"“”„/\\\[\]…–—\n]+|\s[-–]\s|\d+")
_LABEL_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
# Words a label may hold inside but never start or end with: numerals, request and greeting words,
# and the words of a complaint's frame ("нет", "очень").
_EDGE_EXTRA = frozenset((
    "один одна одно два две три четыре пять шесть семь восемь девять десять первый первая первое второй вторая "
    "третий третья третье четвертый пятый несколько много мало весь вся все всех это этот эта эти того тот та те "
    "уже еще ещё очень просто постоянно вообще сегодня вчера завтра снова опять также тоже просьба прошу "
    "просим помогите примите пожалуйста срочно жители жителей житель жильцы жильцов года году месяц месяца "
    "неделю недели дней день дня время раз бір екі үш төрт бес алты жеті сегіз тоғыз он бірінші екінші үшінші "
    "өтінемін сұраймын көмектесіңіз тұрғындар тұрғындары жыл жылы ай айы күн күні уақыт рет қазір бүгін кеше әлі"
).split())
# Edge words read as a verb or an adjective: a noun phrase starts and ends with neither, if it can.
_VERB_END = re.compile(r"(?:ть|ться|тся|ет|ют|ит|ят|ут|ат|ла|ли|ло|лся|лась|лись|ешь|ем|им|йды|йді|ады|еді|ыды|іді"
                       r"|ған|ген|қан|кен|майды|мейді|байды|бейді|пайды|пейді|ды|ді|ты|ті)$")
# … or as an attribute waiting for its noun (Russian adjectives; Kazakh -дағы/-дегі and genitives).
_ADJECTIVE_END = re.compile(r"(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ыми|ими|ых|их"
                            r"|ғы|гі|ның|нің|дың|дің|тың|тің)$")


def _edge_ok(word: str, stops: frozenset[str]) -> bool:
    low = word.casefold().replace("ё", "е")
    return len(low) >= 3 and low not in stops and low not in _EDGE_EXTRA and _KAZAKH_OR_WORD.match(low) is not None


_KAZAKH_OR_WORD = re.compile(r"^[^\W\d_]")


def _surface(word: str, first: bool) -> str:
    """A word as a label spells it: a capital that only opens a sentence is lowered ("Вывоз" → "вывоз");
    a name or an abbreviation keeps its capitals."""
    if first and word[:1].isupper() and (len(word) == 1 or word[1:].islower()):
        return word[:1].lower() + word[1:]
    return word


def noun_phrase(texts: list[str], stems: list[str] | None = None, alone: bool = True) -> str:
    """The commonest well-formed run of 2-5 words of the texts, as written: no stop, request or
    numeral word at either edge, no number, within one sentence; preferring runs that hold the group's
    key stems and that open and close with a noun rather than a verb. "" when no run of two words
    repeats (or, with `alone`, exists in one of the three nearest texts)."""
    from kcdesk.core.analyse.content.words import KAZAKH_LETTERS, stem_words, stop_words

    stops = stop_words()
    stems_of: dict[str, str] = {}

    def stem(word: str) -> str:  # forms of one phrase count together ("отопление"/"отопления")
        low = word.casefold().replace("ё", "е")
        if low not in stems_of:
            stems_of[low] = stem_words([low], [any(ch in KAZAKH_LETTERS for ch in low)])[0]
        return stems_of[low]

    seen: dict[tuple[str, ...], set[int]] = {}
    spelled: dict[tuple[str, ...], dict[str, int]] = {}
    for member, text in enumerate(texts):
        mine: set[tuple[str, ...]] = set()
        for part in _BREAK.split(text):
            tokens = part.split()[:_LABEL_TEXT_WORDS]
            run: list[str] = []
            starts: list[bool] = []
            for position, token in enumerate(tokens + [""]):
                if token and _LABEL_WORD.match(token):
                    run.append(token)
                    starts.append(position == 0)
                    continue
                for i in range(len(run)):
                    if not _edge_ok(run[i], stops):
                        continue
                    for n in range(LABEL_WORDS[0], min(LABEL_WORDS[1], len(run) - i) + 1):
                        words = run[i:i + n]
                        if not _edge_ok(words[-1], stops):
                            continue
                        key = tuple(stem(w) for w in words)
                        mine.add(key)
                        shown = " ".join(_surface(w, starts[i + k]) for k, w in enumerate(words))
                        forms = spelled.setdefault(key, {})
                        forms[shown] = forms.get(shown, 0) + 1
                run, starts = [], []
        for key in mine:
            seen.setdefault(key, set()).add(member)
    for need in (2, 1) if alone else (2,):  # a run repeated in two members, else one of the nearest's own
        label = _best_run(seen, spelled, stems, need)
        if label:
            return label
    return ""


def _best_run(seen: dict[tuple[str, ...], set[int]], spelled: dict[tuple[str, ...], dict[str, int]],
              stems: list[str] | None, need: int) -> str:
    best, best_score = "", 0.0
    for key, members in seen.items():
        freq = len(members)
        if freq < need or (need == 1 and min(members) > 2):
            continue
        phrase = " ".join(key)  # stems: a key stem is a prefix of a word's stem or the same
        score = freq * (1.0 + 0.1 * (len(key) - 2))
        if stems and any(s in phrase for s in stems):
            score *= 1.5
        for edge in (key[0], key[-1]):
            if _VERB_END.search(edge):
                score *= 0.5
        if _ADJECTIVE_END.search(key[-1]):
            score *= 0.6
        if score > best_score:
            forms = spelled[key]
            label = max(forms, key=lambda f: (forms[f], f.islower()))
            if fit_to_publish(label):
                best, best_score = label, score
    return best


def _example(shown: list[str]) -> str:
    """The first (nearest the centre) of medium length and fit to publish; else the nearest."""
    for text in shown:
        if EXAMPLE_MIN <= len(text) <= EXAMPLE_MAX and fit_to_publish(text):
            return text
    for text in shown:
        if fit_to_publish(text):
            return text
    return shown[0]
