"""Words for key phrases: stop words (kk/ru), Russian Snowball stems, a small Kazakh suffix stripper."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from kcdesk.core.resources import resource

# Letters only Kazakh writes; a word holding one is read as Kazakh.
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
WORD_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"
_WORD = re.compile(WORD_PATTERN)
_BACK = frozenset("аоұы")
_FRONT = frozenset("әөүіе")
_VOWELS = _BACK | _FRONT | frozenset("иуэюяё")

# Kazakh suffixes by slot, stripped from the end in this order (case or verb ending, then
# possessive, then plural), at most one per slot, longest first. A suffix is stripped only when
# its vowels agree with the stem's (vowel harmony), so a Russian loan or a root that merely ends
# like a suffix is more often left alone.
def _longest_first(*suffixes: str) -> tuple[str, ...]:
    return tuple(sorted(set(suffixes), key=len, reverse=True))


_SLOTS = (
    _longest_first(  # case endings, verb and verbal-noun endings
        "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",  # locative + -ғы/-гі: көшесіндегі, ауладағы
        "ның", "нің", "дың", "дің", "тың", "тің",
        "ға", "ге", "қа", "ке", "на", "не",
        "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін",
        "нда", "нде", "да", "де", "та", "те",
        "нан", "нен", "дан", "ден", "тан", "тен",
        "мен", "бен", "пен",
        "атын", "етін", "йтын", "йтін", "ған", "ген", "қан", "кен",
        "мын", "мін", "ып", "іп",
    ),
    _longest_first(  # possessive
        "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз",
        "ым", "ім", "ың", "ің", "сы", "сі",
    ),
    _longest_first("лар", "лер", "дар", "дер", "тар", "тер"),  # plural
)


def _harmony(part: str) -> str | None:
    """'back', 'front' or None (no harmonic vowel) for the last harmonic vowel of a string."""
    for letter in reversed(part):
        if letter in _BACK:
            return "back"
        if letter in _FRONT:
            return "front"
    return None


def stem_kk(word: str) -> str:
    """Strip a case, a possessive and a plural suffix, keeping a stem of at least three letters with a vowel."""
    stem = word
    for slot in _SLOTS:
        for suffix in slot:
            if not stem.endswith(suffix) or len(stem) - len(suffix) < 3:
                continue
            base = stem[: -len(suffix)]
            if not any(letter in _VOWELS for letter in base):
                continue
            want, have = _harmony(suffix), _harmony(base)
            if want is not None and have is not None and want != have:
                continue
            stem = base
            break
    return stem


@lru_cache(maxsize=1)
def _russian() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("russian")


def stem_words(words: list[str], kazakh: list[bool]) -> list[str]:
    """A stem for each (distinct) word: Kazakh stripper or Russian Snowball."""
    russian = _russian().stemWords([w for w, kk in zip(words, kazakh, strict=True) if not kk])
    it = iter(russian)
    return [stem_kk(w) if kk else next(it) for w, kk in zip(words, kazakh, strict=True)]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Kazakh and Russian stop words shipped in resources/content, plus the masked-number token."""
    words: set[str] = set()
    for name in ("stopwords_kk.txt", "stopwords_ru.txt"):
        for line in resource("content", name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.casefold().replace("ё", "е"))
    return frozenset(words)


def is_phrase_word(word: str) -> bool:
    """A readable word: letters only, at least three of them."""
    return _WORD.fullmatch(word) is not None
