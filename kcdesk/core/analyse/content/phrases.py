"""Word and two-word phrases over stems: key phrases of groups, and what rose or fell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.stats import norm
from sklearn.feature_extraction.text import CountVectorizer

from kcdesk.core.analyse.content.words import KAZAKH_LETTERS, WORD_PATTERN, stem_words, stop_words

KEY_PHRASES = 5
_CHUNK = 100_000
MIN_GROUP_SHARE = 0.15  # a key phrase is in at least this share of the group's requests
MIN_LIFT = 2.0
FDR = 0.05  # rising/falling: Benjamini-Hochberg false discovery rate over the phrases tested
MIN_PHRASE = 5  # requests holding a phrase on one side for it to be tested  # … and at least twice as common there as in the whole quarter
_KK_CLASS = "[" + "".join(sorted(KAZAKH_LETTERS)) + "]"


@dataclass
class WordSpace:
    """Surface words/bigrams → stem phrases; `names` shows each stem phrase as its commonest spelling."""

    vectoriser: CountVectorizer
    mapping: sp.csr_matrix  # surface features × stem features
    names: np.ndarray
    words: np.ndarray  # number of words (1 or 2) per stem feature


def fit_words(texts: np.ndarray, counts: np.ndarray) -> WordSpace | None:
    """Learn the phrase vocabulary on normalised distinct texts (weighted by their counts)."""
    vectoriser = CountVectorizer(
        token_pattern=WORD_PATTERN, lowercase=False, ngram_range=(1, 2), binary=True,
        stop_words=sorted(stop_words()), min_df=1, dtype=np.float32,
    )
    try:
        surface = vectoriser.fit_transform(texts)
    except ValueError:  # no words at all (empty vocabulary)
        return None
    # Words and pairs of at least two requests (a text sent 12 times counts 12): typos and one-off
    # names drop out, a question asked in the same words by many stays.
    doc_freq = np.asarray(sp.diags(counts.astype(np.float32)).dot(surface).sum(axis=0)).ravel()
    keep = np.nonzero(doc_freq >= (2 if len(texts) >= 200 else 1))[0]
    if len(keep) == 0:
        return None
    old_names = vectoriser.get_feature_names_out()[keep]
    vectoriser.vocabulary_ = {str(name): i for i, name in enumerate(old_names)}
    vectoriser.stop_words_ = None
    surface, doc_freq = surface[:, keep], doc_freq[keep]
    features = vectoriser.get_feature_names_out()
    # A word is Kazakh when it has a Kazakh letter or occurs mostly in texts that have one.
    kazakh_doc = pd.Series(texts, dtype=object).str.contains(_KK_CLASS, regex=True).to_numpy()
    kk_freq = np.asarray(surface[kazakh_doc].sum(axis=0)).ravel()
    plain_freq = np.asarray(surface.sum(axis=0)).ravel()
    unigram = np.array([" " not in f for f in features])
    words = features[unigram]
    kazakh = [any(ch in KAZAKH_LETTERS for ch in w) or k * 2 > n
              for w, k, n in zip(words, kk_freq[unigram], plain_freq[unigram], strict=True)]
    stem_of = dict(zip(words.tolist(), stem_words(words.tolist(), kazakh), strict=True))
    stemmed = []
    for feature in features.tolist():
        parts = feature.split(" ")
        stemmed.append(" ".join(stem_of.get(p) or stem_words([p], [False])[0] for p in parts))
    stem_codes, stem_names = pd.factorize(pd.Series(stemmed, dtype=object))
    n_stems = len(stem_names)
    mapping = sp.csr_matrix(
        (np.ones(len(features), dtype=np.float32), (np.arange(len(features)), stem_codes)),
        shape=(len(features), n_stems),
    )
    # Display: the commonest surface spelling of each stem phrase.
    best = pd.DataFrame({"stem": stem_codes, "freq": doc_freq, "feature": features})
    best = best.sort_values(["stem", "freq"], ascending=[True, False]).drop_duplicates("stem")
    names = best.sort_values("stem")["feature"].to_numpy(dtype=object)
    n_words = np.array([name.count(" ") + 1 for name in names])
    return WordSpace(vectoriser, mapping, names, n_words)


def stem_matrix(space: WordSpace, texts: np.ndarray) -> sp.csr_matrix:
    """Binary texts × stem phrases (a text either has a phrase or not)."""
    if len(texts) == 0:
        return sp.csr_matrix((0, space.mapping.shape[1]), dtype=np.float32)
    parts = []
    for start in range(0, len(texts), _CHUNK):  # chunks bound the tokeniser's temporary lists
        part = (space.vectoriser.transform(texts[start:start + _CHUNK]) @ space.mapping).tocsr()
        part.data[:] = 1.0
        parts.append(part)
    return sp.vstack(parts, format="csr")


def request_freq(matrix: sp.csr_matrix, counts: np.ndarray) -> np.ndarray:
    """Requests (not distinct texts) holding each phrase."""
    return np.asarray(matrix.T @ counts.astype(np.float64)).ravel()


def key_phrases(space: WordSpace, matrix: sp.csr_matrix, counts: np.ndarray, labels: np.ndarray,
                n_groups: int) -> list[list[str]]:
    """Class TF-IDF: phrases frequent in a group and rare elsewhere, as readable words."""
    if matrix.shape[1] == 0 or n_groups == 0:
        return [[] for _ in range(n_groups)]
    inside = labels >= 0  # texts in no group ("other") only count in the quarter's totals
    indicator = sp.csr_matrix((counts[inside].astype(np.float64), (labels[inside], np.nonzero(inside)[0])),
                              shape=(n_groups, len(labels)))
    in_group = (indicator @ matrix).tocsr()  # requests of group g holding phrase f
    sizes = np.asarray(indicator.sum(axis=1)).ravel()
    total = np.asarray(in_group.sum(axis=0)).ravel()
    total = np.asarray(matrix.T @ counts.astype(np.float64)).ravel()
    idf = np.log1p(sizes.mean() * n_groups / np.maximum(total, 1.0) / max(n_groups, 1))
    result: list[list[str]] = []
    for g in range(n_groups):
        row = in_group.getrow(g)
        if row.nnz == 0 or sizes[g] == 0:
            result.append([])
            continue
        share = row.data / sizes[g]
        score = share * idf[row.indices] * (1.0 + 0.5 * (space.words[row.indices] - 1))
        lift = share / np.maximum(total[row.indices] / max(counts.sum(), 1.0), 1e-12)
        score[(share < MIN_GROUP_SHARE) | (lift < MIN_LIFT)] = 0.0
        chosen: list[str] = []
        used: set[str] = set()
        for j in np.argsort(-score, kind="stable"):
            if score[j] <= 0 or len(chosen) >= KEY_PHRASES:
                break
            name = str(space.names[row.indices[j]])
            parts = set(name.split(" "))
            if parts & used:  # overlapping phrases ("a b", "b c") read as one; show other words
                continue
            chosen.append(name)
            used |= parts
        result.append(chosen)
    return result


def benjamini_hochberg(p_values: np.ndarray, alpha: float = FDR) -> np.ndarray:
    """Which of the hypotheses are rejected with the false discovery rate held at alpha."""
    n = len(p_values)
    if n == 0:
        return np.zeros(0, dtype=bool)
    order = np.argsort(p_values, kind="stable")
    ranked = p_values[order]
    passed = np.nonzero(ranked <= alpha * np.arange(1, n + 1) / n)[0]
    out = np.zeros(n, dtype=bool)
    if len(passed):
        out[order[: passed[-1] + 1]] = True
    return out


def rising_falling(space: WordSpace, now: np.ndarray, before: np.ndarray, n_now: float, n_before: float,
                   limit: int = 20) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Phrases whose share of requests rose / fell, strongest first.

    Each phrase seen in at least MIN_PHRASE requests on one side is tested (two-proportion z test,
    two-sided); the list keeps those that pass Benjamini-Hochberg at 5 % over all phrases tested.
    `change_pct` is the change of the phrase's share of requests, so its sign is the direction.
    """
    if n_now <= 0 or n_before <= 0:
        return [], []
    p1, p0 = now / n_now, before / n_before
    pooled = (now + before) / (n_now + n_before)
    se = np.sqrt(np.maximum(pooled * (1 - pooled), 1e-12) * (1 / n_now + 1 / n_before))
    z = (p1 - p0) / se
    tested = np.maximum(now, before) >= max(MIN_PHRASE, 0.002 * (n_now + n_before) / 2)
    p_values = 2.0 * norm.sf(np.abs(z[tested]))
    strong = np.zeros(len(z), dtype=bool)
    strong[np.nonzero(tested)[0][benjamini_hochberg(p_values)]] = True

    def rows(mask: np.ndarray, order: np.ndarray) -> list[dict[str, Any]]:
        out = []
        for j in order:
            if not mask[j]:
                continue
            out.append({
                "phrase": str(space.names[j]),
                "count": int(round(now[j])),
                "previous": int(round(before[j])),
                "share_pct": round(100 * p1[j], 2),
                "previous_share_pct": round(100 * p0[j], 2),
                "change_pct": None if p0[j] <= 0 else round(100 * (p1[j] - p0[j]) / p0[j], 1),
                "p_value": float(f"{2.0 * norm.sf(abs(z[j])):.2g}"),
            })
            if len(out) >= limit:
                break
        return out

    return rows(strong & (z > 0), np.argsort(-z, kind="stable")), rows(strong & (z < 0), np.argsort(z, kind="stable"))
