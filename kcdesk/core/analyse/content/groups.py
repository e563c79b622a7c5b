"""Question groups: k-means over the char n-gram vectors of the quarter's distinct texts; near duplicates."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD

from kcdesk.core.tasks import Progress, check

MAX_GROUPS = 200
GROUPS_PER_ROOT = 1.5  # k = 1.5·√(distinct texts): ~12 groups for 65 texts, ~150 for 10,000
FIT_SAMPLE = 30_000  # distinct texts the projection and the centres are learned from
CHUNK = 50_000
MEMBER_QUANTILE = 0.1  # earlier texts join a group when as close as its loosest tenth of members
MIN_SKELETON = 3
DIMENSIONS = 100  # k-means runs on a latent-semantic projection of the n-gram vectors  # near-identical needs at least this many content stems in common


@dataclass
class Centres:
    centres: np.ndarray  # unit-norm centres in the projection (k × dims), float32
    svd: TruncatedSVD | None
    columns: np.ndarray  # n-gram columns the projection uses (those present in its sample)

    def nearest(self, x: sp.csr_matrix, progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(closest centre, cosine to it) for each row of x."""
        labels = np.empty(x.shape[0], dtype=np.int64)
        best = np.empty(x.shape[0], dtype=np.float32)
        for start in range(0, x.shape[0], CHUNK):
            check(progress)
            sims = _project(self.svd, self.columns, x[start:start + CHUNK]) @ self.centres.T
            labels[start:start + CHUNK] = sims.argmax(axis=1)
            best[start:start + CHUNK] = sims.max(axis=1)
        return labels, best


@dataclass
class Grouping(Centres):
    labels: np.ndarray  # group per distinct text of the quarter
    similarity: np.ndarray  # cosine to the group's centre
    cutoff: np.ndarray  # per group: similarity an earlier text needs to count as the same question

    @property
    def size(self) -> int:
        return len(self.centres)


def _project(svd: TruncatedSVD | None, columns: np.ndarray, x: sp.csr_matrix) -> np.ndarray:
    """Unit-norm rows of the projection (dense), so that dot products are cosines."""
    x = x[:, columns]
    dense = svd.transform(x).astype(np.float32) if svd is not None else x.toarray().astype(np.float32)
    return dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)


def fit_centres(x: sp.csr_matrix, counts: np.ndarray, n_texts: int, seed: int = 0) -> Centres:
    """Learn the projection and k centres on a sample (rows of x) of the quarter's n_texts distinct texts."""
    k = int(min(MAX_GROUPS, n_texts, max(2, round(GROUPS_PER_ROOT * np.sqrt(n_texts)))))
    # Only the n-gram columns the sample uses: the projection's cost grows with the columns.
    columns = np.unique(x.indices)
    dims = min(DIMENSIONS, len(columns) - 1, x.shape[0] - 1)
    svd = None
    if dims >= 2:
        svd = TruncatedSVD(n_components=dims, algorithm="randomized", n_iter=3, random_state=seed)
        svd.fit(x[:, columns])
    points = _project(svd, columns, x).astype(np.float64)  # float32 takes k-means' slow path
    k = min(k, x.shape[0])
    if k <= 1:
        centre = (points * counts.reshape(-1, 1)).sum(axis=0, keepdims=True)
    else:
        model = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=1, max_iter=30, random_state=seed,
                                max_no_improvement=10)
        model.fit(points, sample_weight=np.sqrt(counts))
        centre = model.cluster_centers_
    centres = (centre / np.maximum(np.linalg.norm(centre, axis=1, keepdims=True), 1e-12)).astype(np.float32)
    return Centres(centres, svd, columns)


def finish(centres: Centres, labels: np.ndarray, sims: np.ndarray) -> Grouping:
    """Groups from every distinct text's nearest centre; centres that got no text vanish."""
    used, labels = np.unique(labels, return_inverse=True)
    cutoff = pd.Series(sims).groupby(labels).quantile(MEMBER_QUANTILE).to_numpy()
    return Grouping(centres.centres[used], centres.svd, centres.columns, labels, sims, cutoff)


def empty_grouping() -> Grouping:
    return Grouping(np.zeros((0, 1), np.float32), None, np.zeros(0, dtype=np.int64),
                    np.zeros(0, dtype=np.int64), np.zeros(0, np.float32), np.zeros(0))


def cluster(x: sp.csr_matrix, counts: np.ndarray, progress: Progress | None = None, seed: int = 0) -> Grouping:
    """Group the quarter's distinct texts (rows of x, L2-normalised) weighted by their counts."""
    n = x.shape[0]
    if n == 0:
        return empty_grouping()
    fit = np.arange(n) if n <= FIT_SAMPLE else np.sort(np.random.default_rng(seed).choice(n, FIT_SAMPLE, replace=False))
    centres = fit_centres(x[fit], counts[fit], n, seed)
    return finish(centres, *centres.nearest(x, progress))


def assign_earlier(grouping: Grouping, x: sp.csr_matrix, progress: Progress | None = None) -> np.ndarray:
    """Group of each earlier distinct text, or -1 when it is not close enough to any."""
    if x.shape[0] == 0 or grouping.size == 0:
        return np.full(x.shape[0], -1, dtype=np.int64)
    labels, sims = grouping.nearest(x, progress)
    return np.where(sims >= grouping.cutoff[labels], labels, -1)


def examples(grouping: Grouping, counts: np.ndarray) -> np.ndarray:
    """Per group, the distinct text closest to the centre (ties: the more repeated)."""
    frame = pd.DataFrame({"g": grouping.labels, "s": grouping.similarity, "c": counts,
                          "i": np.arange(len(counts))})
    frame = frame.sort_values(["g", "s", "c"], ascending=[True, False, False]).drop_duplicates("g")
    out = np.full(grouping.size, -1, dtype=np.int64)
    out[frame["g"].to_numpy()] = frame["i"].to_numpy()
    return out


def skeletons(words: sp.csr_matrix, texts_count: int, seed: int = 0) -> np.ndarray:
    """A key per distinct text: the same key = near-identical (the same content stems, any order).

    Texts with fewer than MIN_SKELETON content stems keep a key of their own (only exact repeats).
    """
    if words.shape[1] == 0:
        return np.arange(texts_count, dtype=np.int64)
    rng = np.random.default_rng(seed)
    # Two random 63-bit projections of the binary stem set: collisions are vanishingly rare.
    a = rng.integers(1, 2**62, size=words.shape[1], dtype=np.int64)
    b = rng.integers(1, 2**62, size=words.shape[1], dtype=np.int64)
    binary = words.tocsr().astype(np.int64)
    with np.errstate(over="ignore"):
        ha = np.asarray(binary @ a).ravel()
        hb = np.asarray(binary @ b).ravel()
    size = np.diff(binary.indptr)
    keys = pd.MultiIndex.from_arrays([ha, hb]).factorize()[0]
    own = np.arange(texts_count, dtype=np.int64) + keys.max(initial=-1) + 1
    return np.where(size >= MIN_SKELETON, keys, own)


def duplicates(skeleton: np.ndarray, counts: np.ndarray, blank: np.ndarray) -> dict[str, int]:
    """Exact repeats (after normalisation) and near-identical groups of the quarter's requests."""
    keep = ~blank
    counts, skeleton = counts[keep], skeleton[keep]
    exact = counts >= 2
    frame = pd.DataFrame({"k": skeleton, "c": counts})
    per_key = frame.groupby("k").agg(texts=("c", "size"), requests=("c", "sum"))
    near = per_key["texts"] >= 2
    in_groups = per_key.loc[per_key["requests"] >= 2, "requests"].sum()
    return {
        "exact_groups": int(exact.sum()),
        "exact_requests": int(counts[exact].sum()),
        "near_groups": int(near.sum()),
        "near_requests": int(per_key.loc[near, "requests"].sum()),
        "requests_in_groups": int(in_groups),
    }
