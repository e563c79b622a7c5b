"""The bilingual dictionary of common contact-centre topics (resources/reference/topics.csv).

Each entry is a topic's Russian and Kazakh name, with the spellings exports use (``;``-separated,
``aliases_ru`` and ``aliases_kk``: the column says which language a spelling is in, so that "ТКШ" or
"Тарифтер", which have no letter only Kazakh has, are still known to be Kazakh). A topic name found in
it gets its name in the other language on import; a topic it does not know is listed for the officer
to name (``kcdesk topics``, the справка step) and never guessed.

Matching folds what exports vary without changing the meaning: case, ё/е, quotes of any kind,
hyphens, brackets and other punctuation (trailing dots included), repeated and unusual spaces, Latin
letters typed inside Cyrillic words, and the conjunction between two parts of a name ("и", "және",
"мен/бен/пен", "&", a comma or a slash). Two more shapes exports use are read when the whole name is
not found: a classifier code before the name ("3.1.2 Отопление", "12) ЖКХ"), and a name given twice,
in brackets or after a slash ("Жилищно-коммунальное хозяйство (ЖКХ)", "Коммуналдық қызметтер /
Коммунальные услуги"), which is known only when every part names the same topic; and Kazakh typed
without its own letters ("Коммуналдык кызметтер" for "Коммуналдық қызметтер", where a keyboard or an
export lost them), known only where one topic has that spelling. Nothing else: no
stemming, no edit distance, no partial match, so a name is never mapped to a neighbouring topic.
"""

from __future__ import annotations

import csv
import functools
import re
from typing import NamedTuple

from kcdesk.core.normalise.text import fold_value
from kcdesk.core.resources import resource

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Words that only join two parts of a name: "Отдых и оздоровление", "Құжаттар және ХҚКО",
# "Мұғалімдер мен педагогтер" ("Мұғалімдер және педагогтер").
_CONJUNCTIONS = frozenset({"и", "және", "мен", "бен", "пен"})
# A classifier code before the name: "3.1.2 Отопление", "3.1.2. Отопление", "12) ЖКХ", "7 - Газ".
_CODE_PREFIX = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|\d+\s*[.)\-–—:])\s*(?=\S)")
# What separates the two spellings of a name given twice.
_PARTS = re.compile(r"[()\[\]/\\|]")
# A spelling that stands in neither language as written: the name in both at once ("Коммуналдық қызметтер /
# Коммунальные услуги") or Kazakh without its letters ("Коммуналдык кызметтер"). Both names come from
# the dictionary.
MIXED = "mixed"
# Kazakh letters as a keyboard without them types them.
_PLAIN = str.maketrans("әғқңөұүһі", "агкноуухи")


class Entry(NamedTuple):
    name_ru: str
    name_kk: str
    aliases_ru: tuple[str, ...]
    aliases_kk: tuple[str, ...]


def key(text: object) -> str:
    """The folded spelling two topic names are compared by (see the module's docstring)."""
    return " ".join(word for word in fold_value(text).split() if word not in _CONJUNCTIONS)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


@functools.lru_cache(maxsize=1)
def all_entries() -> tuple[Entry, ...]:
    """Every entry of the dictionary, in the file's order."""
    with open(resource("reference", "topics.csv"), encoding="utf-8", newline="") as handle:
        return tuple(
            Entry(row["name_ru"].strip(), row["name_kk"].strip(), _split(row["aliases_ru"]),
                  _split(row["aliases_kk"]))
            for row in csv.DictReader(handle)
        )


def entries() -> tuple[tuple[str, str], ...]:
    """(name_ru, name_kk) of every entry, in the file's order."""
    return tuple((entry.name_ru, entry.name_kk) for entry in all_entries())


def _spelling_language(text: str, column: str) -> str | None:
    """The language a spelling stands in: its column's, or none for a Latin-only one ("eGov")."""
    return column if language_of(text) is not None else None


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, str], str | None]]:
    """Folded spelling → ((name_ru, name_kk), the spelling's language or None when it is the same in
    both); a spelling two entries claim names neither (the dictionary's test keeps there being none)."""
    index: dict[str, tuple[tuple[str, str], str | None]] = {}
    ambiguous: set[str] = set()
    rows = all_entries()
    # Official names first: an alias never takes a name another entry has as its own.
    for entry in rows:
        pair = (entry.name_ru, entry.name_kk)
        same = key(entry.name_ru) == key(entry.name_kk)  # "Экология", "Спорт"
        for name, lang in ((entry.name_ru, "ru"), (entry.name_kk, "kk")):
            index.setdefault(key(name), (pair, None if same else lang))
    official = set(index)
    for entry in rows:
        pair = (entry.name_ru, entry.name_kk)
        for aliases, column in ((entry.aliases_ru, "ru"), (entry.aliases_kk, "kk")):
            for alias in aliases:
                folded = key(alias)
                if not folded or folded in official or folded in ambiguous:
                    continue
                if folded in index and index[folded][0] != pair:
                    ambiguous.add(folded)
                    del index[folded]
                elif folded in index and index[folded][1] != _spelling_language(alias, column):
                    index[folded] = (pair, None)  # the same spelling in both columns
                else:
                    index[folded] = (pair, _spelling_language(alias, column))
    return index


@functools.lru_cache(maxsize=1)
def _plain_index() -> dict[str, tuple[str, str]]:
    """Kazakh spellings with their letters typed plain (қ→к, і→и …) → (name_ru, name_kk); a plain
    spelling two topics would share, or one that is already a spelling as it stands, names none."""
    exact = _index()
    plain: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    for entry in all_entries():
        pair = (entry.name_ru, entry.name_kk)
        for spelling in (entry.name_kk, *entry.aliases_kk):
            folded = key(spelling)
            typed = folded.translate(_PLAIN)
            if typed == folded or typed in exact or typed in ambiguous:
                continue
            if plain.get(typed, pair) != pair:
                ambiguous.add(typed)
                del plain[typed]
            else:
                plain[typed] = pair
    return plain


def _get(text: str) -> tuple[tuple[str, str], str | None] | None:
    folded = key(text)
    found = _index().get(folded)
    if found is not None:
        return found
    pair = _plain_index().get(folded.translate(_PLAIN))
    return (pair, MIXED) if pair else None


def _find(name: str) -> tuple[tuple[str, str], str | None] | None:
    """((name_ru, name_kk), the spelling's language: "ru", "kk", None for both alike, MIXED) or None."""
    if not name:
        return None
    found = _get(name)
    if found is not None:
        return found
    stripped = _CODE_PREFIX.sub("", name)
    if stripped != name:
        return _find(stripped)
    parts = [part for part in _PARTS.split(name) if key(part)]
    if len(parts) < 2:
        return None
    hits = [found for found in (_get(part) for part in parts) if found is not None]
    pairs = {pair for pair, _ in hits}
    if len(hits) < len(parts) or len(pairs) != 1:
        return None  # a part the dictionary does not know, or parts naming different topics
    languages = {lang for _, lang in hits if lang is not None}
    return pairs.pop(), (MIXED if len(languages) > 1 or MIXED in languages else next(iter(languages), None))


def lookup(name: str) -> tuple[str, str] | None:
    """(name_ru, name_kk) of a topic name in either language, or None when the dictionary does not know it."""
    found = _find(name)
    return found[0] if found else None


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
    found = _find(text)
    if found is not None:  # the dictionary knows which language a spelling is in ("Жылыту", "ТКШ")
        return found[1] in (None, lang)  # a spelling in both languages at once stands in neither
    written = language_of(text)
    return written is None or written == lang


def other_names(name: str) -> tuple[str | None, str | None]:
    """(name_ru, name_kk) to store for a topic imported as `name`: only the other language's name from
    the dictionary; the export's own spelling stays the topic's name in its own language."""
    found = _find(name)
    if found is None:
        return None, None
    pair = found[0]
    if found[1] == MIXED:
        return pair  # "Коммуналдық қызметтер / Коммунальные услуги": each language gets its own half
    if is_in(name, "kk") and not is_in(name, "ru"):
        return pair[0], None
    if is_in(name, "ru") and not is_in(name, "kk"):
        return None, pair[1]
    return None, None  # the same in both ("Экология")


def name_in(name: str, lang: str) -> str | None:
    """The dictionary's name in lang for a topic not already written in lang, else None."""
    return None if is_in(name, lang) else translate(name, lang)
