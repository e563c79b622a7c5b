"""The bilingual dictionary of common contact-centre topics (resources/reference/topics.csv).

Each entry is a topic's Russian and Kazakh name, with the spellings exports use (``;``-separated).
A topic name found in it (case, spacing, quotes and punctuation folded) gets its name in the other
language on import; a topic it does not know is listed for the officer to name (``kcdesk topics``,
the справка step) and never guessed.
"""

from __future__ import annotations

import csv
import functools
import re

from kcdesk.core.normalise.text import fold_topic
from kcdesk.core.resources import resource

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _key(text: str) -> str:
    return fold_topic(str(text).replace("«", " ").replace("»", " ").replace('"', " "))


@functools.lru_cache(maxsize=1)
def entries() -> tuple[tuple[str, str], ...]:
    """(name_ru, name_kk) of every entry, in the file's order."""
    with open(resource("reference", "topics.csv"), encoding="utf-8", newline="") as handle:
        return tuple((row["name_ru"].strip(), row["name_kk"].strip()) for row in csv.DictReader(handle))


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, str]]:
    """Folded spelling → (name_ru, name_kk); a spelling two entries claim names neither."""
    index: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    with open(resource("reference", "topics.csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # Official names first: an alias never takes a name another entry has as its own.
    for row in rows:
        pair = (row["name_ru"].strip(), row["name_kk"].strip())
        for name in pair:
            index.setdefault(_key(name), pair)
    official = set(index)
    for row in rows:
        pair = (row["name_ru"].strip(), row["name_kk"].strip())
        for alias in row["aliases"].split(";"):
            key = _key(alias)
            if not key or key in official or key in ambiguous:
                continue
            if key in index and index[key] != pair:
                ambiguous.add(key)
                del index[key]
            else:
                index[key] = pair
    return index


def lookup(name: str) -> tuple[str, str] | None:
    """(name_ru, name_kk) of a topic name in either language, or None when the dictionary does not know it."""
    return _index().get(_key(name)) if name else None


def translate(name: str, lang: str) -> str | None:
    """The topic's name in lang ("kk" / "ru") from the dictionary, or None."""
    pair = lookup(name)
    if pair is None:
        return None
    return pair[1] if lang == "kk" else pair[0]


def language_of(text: str) -> str | None:
    """"kk" where a name has Kazakh letters, "ru" for other Cyrillic, None for Latin/digits only."""
    if _KAZAKH_LETTERS.search(text or ""):
        return "kk"
    if _CYRILLIC.search(text or ""):
        return "ru"
    return None


def is_in(text: str, lang: str) -> bool:
    """True when a name can stand in a справка in lang: written in it, or language-neutral
    ("Экология", "WhatsApp": the same in both)."""
    pair = lookup(text)
    if pair is not None:  # the dictionary knows which language a name is in ("Жылыту" has no ә, қ…)
        own = pair[1] if lang == "kk" else pair[0]
        other = pair[0] if lang == "kk" else pair[1]
        if _key(text) in (_key(own),) or _key(own) == _key(other):
            return True
        if _key(text) == _key(other):
            return False
    found = language_of(text)
    return found is None or found == lang


def other_names(name: str) -> tuple[str | None, str | None]:
    """(name_ru, name_kk) to store for a topic imported as `name`: only the other language's name from
    the dictionary; the export's own spelling stays the topic's name in its own language."""
    pair = lookup(name)
    if pair is None:
        return None, None
    if is_in(name, "kk") and not is_in(name, "ru"):
        return pair[0], None
    if is_in(name, "ru") and not is_in(name, "kk"):
        return None, pair[1]
    return None, None  # the same in both ("Экология")


def name_in(name: str, lang: str) -> str | None:
    """The dictionary's name in lang for a topic not already written in lang, else None."""
    return None if is_in(name, lang) else translate(name, lang)
