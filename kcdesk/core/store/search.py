"""Full-text search over the question texts of a project (SQLite FTS5, built lazily, kept in step)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter

# A regular FTS5 table of the *folded* question texts (rowid = request id): case, ё→е, Kazakh letters
# and Latin look-alikes folded to plain Cyrillic, so that a query typed without Kazakh letters finds
# them. Query words are stemmed (Russian Snowball, the Kazakh suffix stripper) into prefix queries.
_CREATE = "CREATE VIRTUAL TABLE IF NOT EXISTS question_search USING fts5(text, tokenize='unicode61 remove_diacritics 0')"
_STATE = "CREATE TABLE IF NOT EXISTS question_search_state (last_id INTEGER NOT NULL, rows INTEGER NOT NULL)"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')
_FOLD = str.maketrans({"ё": "е", "ә": "а", "қ": "к", "ң": "н", "ғ": "г", "ө": "о", "ұ": "у", "ү": "у", "і": "и",
                       "һ": "х", "й": "и"})
# Latin letters typed inside a Cyrillic word (keyboard or OCR look-alikes).
_LATIN = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к", "m": "м",
                        "t": "т", "h": "н", "b": "в", "i": "и"})
_CYRILLIC = re.compile("[а-яё]")
# Kazakh typed in Latin letters (informal typing, the 2018 and 2021 alphabets): digraphs first, then
# letters. A word with no Cyrillic letter is also searched as its Cyrillic reading ("kokys" → "кокыс",
# "zhumys" → "жумыс"); Latin letters whose reading is ambiguous give a few alternatives.
_LATIN_DIGRAPHS = (("shch", "щ"), ("sh", "ш"), ("zh", "ж"), ("ch", "ч"), ("kh", "х"), ("gh", "г"), ("ng", "н"),
                   ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ia", "я"), ("iu", "ю"))
_LATIN_LETTERS = {"a": "а", "b": "б", "c": "с", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж",
                  "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с",
                  "t": "т", "u": "у", "v": "в", "w": "у", "x": "х", "z": "з", "ä": "а", "á": "а", "ö": "о",
                  "ó": "о", "ü": "у", "ú": "у", "ū": "у", "ğ": "г", "ǵ": "г", "ş": "ш", "ś": "ш", "ç": "ч",
                  "ñ": "н", "ń": "н", "ı": "ы", "í": "и", "ý": "у", "é": "е"}
# "y" is ы (kokys), й (aily) or у (2018 alphabet: ý); "i" is і/и (folded alike) or ы.
_LATIN_AMBIGUOUS = {"y": ("ы", "и"), "i": ("и", "ы")}
_LATIN_WORD = re.compile(r"^[a-zäáöóüúūğǵşśçñńıíýé]+$")
MAX_READINGS = 6
_INDEX_CHUNK = 20_000
MIN_STEM = 3  # a stem shorter than this is searched as the word typed
FUZZY_MIN = 4  # words this long or longer may match with one letter wrong when they match nothing


def fold(text: str) -> str:
    """A text as the index holds it: lower case, ё→е, Kazakh letters → plain Cyrillic, Latin look-alikes
    inside Cyrillic words → Cyrillic (й→и too, so that "и"/"й" typos meet)."""
    low = text.casefold()
    if _CYRILLIC.search(low):
        low = " ".join(w.translate(_LATIN) if _CYRILLIC.search(w) else w for w in low.split())
    return low.translate(_FOLD)


def latin_readings(word: str) -> list[str]:
    """Cyrillic readings (folded) of a word typed in Latin letters; [] for any other word."""
    low = word.casefold()
    if not _LATIN_WORD.match(low):
        return []
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(low):
        for latin, cyrillic in _LATIN_DIGRAPHS:
            if low.startswith(latin, i):
                pieces.append((cyrillic,))
                i += len(latin)
                break
        else:
            letter = low[i]
            pieces.append(_LATIN_AMBIGUOUS.get(letter) or (_LATIN_LETTERS.get(letter, letter),))
            i += 1
    readings = [""]
    for options in pieces:
        readings = [r + o for r in readings for o in options][: MAX_READINGS * 2]
    return list(dict.fromkeys(fold(r) for r in readings))[:MAX_READINGS]


def _stem_kk_folded(word: str) -> str:
    """The Kazakh suffix stripper on a word typed without Kazakh letters (жумыска → жумыс): the suffixes
    folded as the word is, vowel harmony checked where the folded letters still tell it."""
    from kcdesk.core.analyse.content.words import _SLOTS

    back, front = set("аоы"), set("е")

    def harmony(part: str) -> str | None:
        for letter in reversed(part):
            if letter in back:
                return "back"
            if letter in front:
                return "front"
        return None

    stem = word
    for slot in _SLOTS:
        for suffix in sorted({fold(s) for s in slot}, key=len, reverse=True):
            base = stem[: -len(suffix)]
            if not stem.endswith(suffix) or len(base) < 3 or not any(ch in "аоыеиуэюя" for ch in base):
                continue
            want, have = harmony(suffix), harmony(base)
            if want is not None and have is not None and want != have:
                continue
            stem = base
            break
    return stem


def _stems(word: str) -> list[str]:
    """The stems a query word is searched by: its own, and, for a word that may be Kazakh typed without
    Kazakh letters or in Latin, the Kazakh stem of each Cyrillic reading."""
    from kcdesk.core.analyse.content.words import KAZAKH_LETTERS

    out = [_stem(word)]
    readings = latin_readings(word)
    if not any(letter in KAZAKH_LETTERS for letter in word):
        for reading in readings or [fold(word)]:
            out.append(_stem(reading))
            kazakh = _stem_kk_folded(reading)
            if len(kazakh) >= (MIN_STEM if readings else MIN_STEM + 1):  # a plain word's short stem: too wide
                out.append(kazakh)
    # a stem that another, shorter one already covers adds nothing to the query
    unique = sorted(dict.fromkeys(out), key=len)  # stable: the same query text every run
    return [s for i, s in enumerate(unique) if not any(s.startswith(t) for t in unique[:i])]


def _stem(word: str) -> str:
    """The stem a query word is searched by (a prefix of its other forms), folded."""
    from kcdesk.core.analyse.content.words import KAZAKH_LETTERS, stem_words

    kazakh = any(letter in KAZAKH_LETTERS for letter in word)
    stem = stem_words([word], [kazakh])[0] if len(word) > 2 else word
    # a short word keeps a short stem ("яма" → "ям*": ямы, ямой), a longer one at least MIN_STEM letters
    stem = stem if len(stem) >= min(MIN_STEM, len(word) - 1) else word
    return fold(stem)


@dataclass
class SearchResult:
    query: str
    total: int
    by_quarter: pd.DataFrame  # quarter ("2026-Q3"), count — ascending
    by_region: pd.DataFrame  # region (code or None), count — most first
    by_topic: pd.DataFrame  # topic (name or None), count — most first
    examples: list[dict[str, Any]] = field(default_factory=list)  # row_id, quarter, region, topic, question


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query over the folded index: every word must occur, as a prefix of
    its stem ("отопление" finds "отопления", "кокыс" finds "қоқысы"); text in double quotes is an exact
    phrase. Operators and syntax are never passed through, so any input is a valid query."""
    return " AND ".join(f"({' OR '.join(alternatives)})" if len(alternatives) > 1 else alternatives[0]
                        for alternatives in _terms(text))


def _terms(text: str, fuzzy: dict[str, list[str]] | None = None) -> list[list[str]]:
    parts = []
    for phrase in _PHRASE.findall(text):
        words = _TOKEN.findall(fold(phrase))
        if words:
            parts.append(['"' + " ".join(words) + '"'])
    rest = _PHRASE.sub(" ", text)
    for word in _TOKEN.findall(rest.casefold()):
        stems = _stems(word)
        typos = [t for stem in stems for t in (fuzzy or {}).get(stem, [])]
        parts.append(list(dict.fromkeys([f'"{stem}"*' for stem in stems] + [f'"{t}"*' for t in typos])))
    return parts


def ensure_index(project: Any) -> int:
    """Create the index on first use, add rows imported since, rebuild after rows were removed.

    Returns the number of rows (re)indexed now.
    """
    con = project._connection
    last_id, count = con.execute("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM requests").fetchone()
    state = None
    exists = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'question_search_state'").fetchone()
    if exists:
        state = con.execute("SELECT last_id, rows FROM question_search_state").fetchone()
    if state is not None and state[0] == last_id and state[1] == count:
        return 0
    with project.transaction() as tx:
        # The older index (unfolded texts) is replaced by this one.
        tx.execute("DROP TABLE IF EXISTS question_fts")
        tx.execute("DROP TABLE IF EXISTS question_fts_state")
        tx.execute(_CREATE)
        tx.execute(_STATE)
        added = 0
        since = 0
        if state is not None:
            newer = tx.execute("SELECT COUNT(*) FROM requests WHERE id > ?", (state[0],)).fetchone()[0]
            if state[0] <= last_id and state[1] + newer == count:  # only new rows since
                since, added = state[0], newer
            else:
                state = None  # rows were removed (an undone import): the index is rebuilt
        if state is None:
            tx.execute("DELETE FROM question_search")
            added = count
        cursor = tx.execute("SELECT id, question FROM requests WHERE id > ? AND question IS NOT NULL ORDER BY id",
                            (since,))
        while rows := cursor.fetchmany(_INDEX_CHUNK):
            tx.executemany("INSERT INTO question_search(rowid, text) VALUES (?, ?)",
                           [(row_id, fold(_plain(question))) for row_id, question in rows])
        tx.execute("DELETE FROM question_search_state")
        tx.execute("INSERT INTO question_search_state(last_id, rows) VALUES (?, ?)", (last_id, count))
    return added


def _plain(question: str) -> str:
    """HTML markup out (the question as it reads)."""
    from html import unescape

    return re.sub(r"<[^>]{0,200}>", " ", unescape(question)) if "<" in question or "&" in question else question


def _fuzzy(con: Any, text: str) -> dict[str, list[str]]:
    """For each query stem that matches nothing: indexed words one letter away (a typo), by trigrams."""
    out: dict[str, list[str]] = {}
    words = [_stems(w) for w in _TOKEN.findall(_PHRASE.sub(" ", text).casefold())]
    # a word none of whose stems matches anything may hold a typo: each of its (Cyrillic) stems is tried
    missing = [s for stems in words if not any(con.execute(
        "SELECT 1 FROM question_search WHERE question_search MATCH ? LIMIT 1", (f'"{s}"*',)).fetchone()
        for s in stems) for s in stems if _CYRILLIC.search(s)][:4]
    missing = [s for s in missing if len(s) >= FUZZY_MIN]
    if not missing:
        return out
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.question_search_words USING fts5vocab(main, question_search, row)")
    for stem in missing:
        grams = {stem[i:i + 3] for i in range(len(stem) - 2)}
        # words sharing the first or the last letters (a typo elsewhere keeps one of the two ends)
        near = con.execute("SELECT term FROM temp.question_search_words WHERE (term >= ? AND term < ?) OR "
                           "(term >= ? AND term < ?) LIMIT 20000",
                           (stem[:2], stem[:2] + "\uffff", stem[:1], stem[:1] + "\uffff")).fetchall()
        found = []
        for (term,) in near:
            head = term[:len(stem) + 1]
            if sum(g in head for g in grams) < max(1, len(grams) - 3):
                continue
            if any(_one_edit(stem, term[:n]) for n in (len(stem) - 1, len(stem), len(stem) + 1)):
                found.append(term[:len(stem)])
        out[stem] = sorted(set(found))[:20]
    return out


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter replaced, added, removed or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]


def search(project: Any, query: str, limit: int = 50) -> SearchResult:
    """Requests whose question holds every word of the query (stemmed, folded; one letter wrong when a
    word finds nothing): counts by quarter, region and topic, and the best-matching examples with
    identical texts collapsed into one line with their count (personal data masked for display)."""
    if not fts_query(query):
        raise KcError("search_empty", value=query)
    ensure_index(project)
    con = project._connection
    match = " AND ".join(f"({' OR '.join(a)})" if len(a) > 1 else a[0] for a in _terms(query, _fuzzy(con, query)))
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _search_hits (id INTEGER PRIMARY KEY)")
    con.execute("DELETE FROM _search_hits")
    try:
        con.execute("INSERT INTO _search_hits(id) SELECT rowid FROM question_search WHERE question_search MATCH ?",
                    (match,))
        # Stale index entries (none expected) would not join: counts always come from requests.
        hits = "FROM _search_hits h JOIN requests r ON r.id = h.id"
        by_quarter = project._query(f"SELECT r.quarter, COUNT(*) AS count {hits} GROUP BY r.quarter ORDER BY r.quarter")
        by_quarter["quarter"] = [None if pd.isna(q) else str(Quarter.from_index(int(q))) for q in by_quarter["quarter"]]
        by_region = project._query(f"SELECT r.region, COUNT(*) AS count {hits} GROUP BY r.region "
                                  "ORDER BY count DESC, r.region")
        by_topic = project._query(f"SELECT t.name AS topic, COUNT(*) AS count {hits} "
                                 "LEFT JOIN topics t ON t.id = r.topic_id GROUP BY r.topic_id ORDER BY count DESC, topic")
        total = int(by_quarter["count"].sum())
        # The best matches, then identical texts (as folded) collapsed: "яма, Яма, Яма" is one line ×3.
        examples = project._query(
            "SELECT r.id AS row_id, r.quarter, r.region, t.name AS topic, r.question, m.text "
            "FROM (SELECT rowid AS id, rank, text FROM question_search WHERE question_search MATCH ? "
            "ORDER BY rank LIMIT ?) m "
            "JOIN requests r ON r.id = m.id LEFT JOIN topics t ON t.id = r.topic_id ORDER BY m.rank",
            (match, int(limit) * 20),
        )
    finally:
        con.execute("DELETE FROM _search_hits")
    examples["quarter"] = [None if pd.isna(q) else str(Quarter.from_index(int(q))) for q in examples["quarter"]]
    key = examples["text"].astype(str).str.replace(r"[^\w]+", " ", regex=True).str.strip()
    examples = examples.assign(count=key.map(key.value_counts()))  # among the best 20 × limit hits
    examples = examples.loc[~key.duplicated()].head(int(limit)).drop(columns=["text"])
    records = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in examples.to_dict("records")]
    return SearchResult(query, total, by_quarter, by_region, by_topic, records)
