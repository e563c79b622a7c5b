"""Character 3-5-gram TF-IDF of distinct normalised texts, fitted on a bounded sample, applied in chunks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from kcdesk.core.tasks import Progress, check

MAX_FEATURES = 2**17  # bounds the vocabulary and the dense cluster centres (k × features)
FIT_SAMPLE = 150_000  # distinct texts the vocabulary and idf are learned from
CHUNK = 20_000


def fit_vectoriser(texts: np.ndarray, seed: int = 0) -> TfidfVectorizer:
    """Fit char_wb 3-5-grams (copes with Kazakh agglutination, typos, mixed kk/ru) on a sample."""
    sample = texts
    if len(texts) > FIT_SAMPLE:
        rng = np.random.default_rng(seed)
        sample = texts[rng.choice(len(texts), FIT_SAMPLE, replace=False)]
    min_df = 2 if len(sample) >= 50 else 1
    vectoriser = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=min_df,
        max_features=MAX_FEATURES, dtype=np.float32,
    )
    vectoriser.fit(sample)
    return vectoriser


def transform(vectoriser: TfidfVectorizer, texts: np.ndarray, progress: Progress | None = None) -> sp.csr_matrix:
    """TF-IDF rows for texts, in chunks so that a cancel is honoured and memory stays flat."""
    parts = []
    for start in range(0, len(texts), CHUNK):
        check(progress)
        parts.append(vectoriser.transform(texts[start:start + CHUNK]))
    if not parts:
        return sp.csr_matrix((0, len(vectoriser.vocabulary_)), dtype=np.float32)
    return sp.vstack(parts, format="csr")


def distinct(texts: pd.Series, weights: pd.Series | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes per row, distinct texts, count of requests per distinct text)."""
    codes, uniques = pd.factorize(texts)
    w = np.ones(len(codes)) if weights is None else np.asarray(weights, dtype=float)
    counts = np.bincount(codes, weights=w, minlength=len(uniques)) if len(codes) else np.zeros(0)
    return codes, np.asarray(uniques, dtype=object), counts


def sample_indices(n: int, cap: int, seed: int = 0) -> np.ndarray:
    """All indices when n <= cap, else a sorted uniform sample of cap of them."""
    if n <= cap:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, cap, replace=False))
