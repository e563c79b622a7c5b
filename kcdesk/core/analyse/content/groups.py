"""Question groups: spherical k-means over the content stems of the quarter's distinct texts; an "other"
bucket, a coherence score per group; near duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import KMeans, MiniBatchKMeans

from kcdesk.core.analyse.content.vectors import sample_indices
from kcdesk.core.tasks import Progress, check

MAX_GROUPS = 200
GROUPS_PER_ROOT = 2.5  # k = 2.5·√(distinct texts): ~20 groups for 65 texts, 200 (the cap) from 6,400
FIT_SAMPLE = 30_000  # distinct texts the centres are learned from
MAX_FEATURES = 20_000  # the commonest stems and stem pairs of the sample the centres are learned on
CHUNK = 50_000
FULL_KMEANS = 5_000  # distinct texts up to which k-means runs on every text at once
MEMBER_QUANTILE = 0.1  # earlier texts join a group when as close as its loosest tenth of members
MIN_MEMBER = 0.15  # a text less similar than this to every group centre goes to "other"
MIN_COHERENCE = 0.3  # groups less coherent than this are not shown as one question
OTHER = -1


@dataclass
class Grouping:
    """Question groups over the content words of the quarter's distinct texts."""

    columns: np.ndarray  # word-space columns the groups are compared on
    idf: np.ndarray  # per column
    centres: np.ndarray  # unit-norm group centres (k × columns), float32
    labels: np.ndarray  # group per distinct text of the quarter, OTHER when none fits
    similarity: np.ndarray  # cosine to the group's centre
    cutoff: np.ndarray  # per group: similarity an earlier text needs to count as the same question
    coherence: np.ndarray  # per group: mean cosine of its requests to its centre

    @property
    def size(self) -> int:
        return len(self.centres)

    def vectors(self, words: sp.csr_matrix) -> sp.csr_matrix:
        """TF-IDF rows (unit norm) of texts' binary stem rows, on the grouping's columns."""
        x = (words[:, self.columns] @ sp.diags(self.idf)).tocsr().astype(np.float32)
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        return (sp.diags((1.0 / np.maximum(norms, 1e-12)).astype(np.float32)) @ x).tocsr()

    def nearest(self, words: sp.csr_matrix, progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(closest group, cosine to it) for each row; OTHER when below MIN_MEMBER or no content word."""
        labels = np.full(words.shape[0], OTHER, dtype=np.int64)
        best = np.zeros(words.shape[0], dtype=np.float32)
        if self.size == 0:
            return labels, best
        for start in range(0, words.shape[0], CHUNK):
            check(progress)
            sims = np.asarray(self.vectors(words[start:start + CHUNK]) @ self.centres.T)
            pick = sims.argmax(axis=1)
            value = sims[np.arange(len(pick)), pick]
            labels[start:start + CHUNK] = np.where(value >= MIN_MEMBER, pick, OTHER)
            best[start:start + CHUNK] = value
        return labels, best


def empty_grouping() -> Grouping:
    return Grouping(np.zeros(0, dtype=np.int64), np.zeros(0, np.float32), np.zeros((0, 0), np.float32),
                    np.zeros(0, dtype=np.int64), np.zeros(0, np.float32), np.zeros(0), np.zeros(0))


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def group(words: sp.csr_matrix, counts: np.ndarray, progress: Progress | None = None, seed: int = 0,
          before: sp.csr_matrix | None = None, before_counts: np.ndarray | None = None) -> Grouping:
    """Group the quarter's distinct texts (binary stem rows) weighted by their counts.

    `before` (the comparison quarter's texts, scaled to as many requests as the quarter) takes part in
    learning the centres: groups fitted on the quarter alone form where it happens to be dense, and
    would then show as grown against any earlier quarter even when nothing changed.

    Spherical k-means over TF-IDF of content stems and stem pairs, learned on a sample; every text
    then joins its nearest centre, or "other" when it is close to none; centres are recomputed
    from all their members and each group's coherence measured.
    """
    n_own = words.shape[0]
    if before is not None and before_counts is not None and before.shape[0]:
        scale = counts.sum() / max(float(before_counts.sum()), 1.0)
        words = sp.vstack([words, before], format="csr")
        counts = np.concatenate([counts, before_counts * scale])
    has_words = np.diff(words.tocsr().indptr) > 0
    candidates = np.nonzero(has_words)[0]
    if len(candidates) < 2:
        return _finish(words, counts, np.zeros((0, 0), np.float32), np.zeros(0, np.int64), np.zeros(0, np.float32),
                       progress, n_own)
    fit = candidates[sample_indices(len(candidates), FIT_SAMPLE, seed)]
    sample = words[fit]
    df = np.asarray(sample.sum(axis=0)).ravel()
    # Words of at least two requests (a text sent 40 times counts 40): typos and one-off names drop out.
    in_requests = np.asarray(sample.T @ counts[fit].astype(np.float64)).ravel()
    columns = np.nonzero(in_requests >= (2 if len(fit) >= 50 else 1))[0]
    if len(columns) > MAX_FEATURES:
        columns = np.sort(columns[np.argsort(-df[columns], kind="stable")[:MAX_FEATURES]])
    if len(columns) == 0:
        return _finish(words, counts, np.zeros((0, 0), np.float32), np.zeros(0, np.int64), np.zeros(0, np.float32),
                       progress, n_own)
    idf = np.log((1.0 + len(fit)) / (1.0 + df[columns])).astype(np.float32) + 1.0
    shell = Grouping(columns, idf, np.zeros((0, len(columns)), np.float32), np.zeros(0, np.int64),
                     np.zeros(0, np.float32), np.zeros(0), np.zeros(0))
    x = shell.vectors(sample)
    keep = np.diff(x.indptr) > 0
    x, weight = x[keep], np.sqrt(counts[fit][keep])
    k = int(min(MAX_GROUPS, x.shape[0], max(2, round(GROUPS_PER_ROOT * np.sqrt(len(candidates))))))
    if k < 2:
        return _finish(words, counts, np.zeros((0, 0), np.float32), columns, idf, progress, n_own)
    if x.shape[0] <= FULL_KMEANS:  # exact k-means: a small quarter's rare question keeps its centre
        model = KMeans(n_clusters=k, n_init=3, max_iter=100, random_state=seed)
    else:
        model = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=1, max_iter=50, random_state=seed,
                                max_no_improvement=10)
    model.fit(x, sample_weight=weight)
    return _finish(words, counts, _unit(np.asarray(model.cluster_centers_)), columns, idf, progress, n_own)


def _finish(words: sp.csr_matrix, counts: np.ndarray, centres: np.ndarray, columns: np.ndarray, idf: np.ndarray,
            progress: Progress | None, n_own: int | None = None) -> Grouping:
    """Centres from all members (the comparison quarter's too), then the quarter's own n_own texts placed."""
    n = words.shape[0] if n_own is None else n_own
    if len(centres) == 0:
        return Grouping(columns, idf, np.zeros((0, len(columns)), np.float32), np.full(n, OTHER, np.int64),
                        np.zeros(n, np.float32), np.zeros(0), np.zeros(0))
    grouping = Grouping(columns, idf, centres, np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0),
                        np.zeros(0))
    labels, _ = grouping.nearest(words, progress)
    # Centres from all members (weighted by requests), then each text's place and closeness again.
    used = np.unique(labels[labels >= 0])
    remap = np.full(len(centres), OTHER, dtype=np.int64)
    remap[used] = np.arange(len(used))
    labels = np.where(labels >= 0, remap[np.maximum(labels, 0)], OTHER)
    members = labels >= 0
    if not members.any():
        return Grouping(columns, idf, np.zeros((0, len(columns)), np.float32), labels[:n],
                        np.zeros(n, np.float32), np.zeros(0), np.zeros(0))
    sums = np.zeros((len(used), len(columns)), dtype=np.float64)
    idx = np.nonzero(members)[0]
    for start in range(0, len(idx), CHUNK):
        part = idx[start:start + CHUNK]
        indicator = sp.csr_matrix((counts[part], (labels[part], np.arange(len(part)))), shape=(len(used), len(part)))
        sums += np.asarray((indicator @ grouping.vectors(words[part])).todense())
    grouping.centres = _unit(sums)
    labels, sims = grouping.nearest(words[:n], progress)
    counts = counts[:n]
    frame = pd.DataFrame({"g": labels, "s": sims, "c": counts})
    frame = frame[frame["g"] >= 0]
    size = len(grouping.centres)
    coherence = np.zeros(size)
    cutoff = np.ones(size)
    if len(frame):
        weighted = (frame["s"] * frame["c"]).groupby(frame["g"]).sum() / frame["c"].groupby(frame["g"]).sum()
        coherence[weighted.index.to_numpy()] = weighted.to_numpy()
        loose = frame.groupby("g")["s"].quantile(MEMBER_QUANTILE)
        cutoff[loose.index.to_numpy()] = loose.to_numpy()
    grouping.labels, grouping.similarity, grouping.coherence, grouping.cutoff = labels, sims, coherence, cutoff
    return grouping


def assign_earlier(grouping: Grouping, words: sp.csr_matrix, progress: Progress | None = None) -> np.ndarray:
    """Group of each earlier distinct text (binary stem rows) by the rule the quarter's own texts
    follow (nearest centre, at least MIN_MEMBER), or OTHER."""
    if words.shape[0] == 0 or grouping.size == 0:
        return np.full(words.shape[0], OTHER, dtype=np.int64)
    return grouping.nearest(words, progress)[0]


# A request names a place when it holds a street, house, district or village with its name or number.
_PLACE = re.compile(
    r"(?<!\w)(?:ул|улиц\w*|пр-т|просп\w*|проспект\w*|переул\w*|пер|мкр|микрорайон\w*|д|дом\w*|кв|квартир\w*"
    r"|подъезд\w*|корп\w*|пос|поселок\w*|село|с|деревн\w*|тупик\w*|шоссе|бульвар\w*|үй\w*|пәтер\w*)\.?\s*(?:№\s*)?\d"
    r"|(?<!\w)(?:ул|пр|пер|мкр|г|пос|с)\.\s*[^\W\d_]{3,}"
    r"|[^\W\d_]{3,}\s+(?:көшесі|даңғылы|ауылы|шағын\s+ауданы|ықшам\s+ауданы)\w*"
    r"|(?<!\w)(?:улиц[аеуы]|проспект[еау]?|переулк[еау]|микрорайон[еау]?)\s+[^\W\d_]{3,}",
)


def names_place(wordings: pd.Series) -> pd.Series:
    """Whether each (folded, numbers kept) wording names a place."""
    return wordings.str.contains(_PLACE, regex=True)


def repeated(text: np.ndarray, numbers: np.ndarray, region: np.ndarray, weight: np.ndarray,
             texts: np.ndarray, applicant: np.ndarray | None = None) -> dict[str, int]:
    """Repeated requests: the same wording sent by the same applicant or about the same place.

    Per request: `text` the code of its folded text in `texts`, `numbers` and `region` codes of the
    numbers it holds and of its region, `applicant` the code of its opaque applicant key (-1 when the
    export gave no IIN or phone). Requests are linked when they share the wording and the applicant,
    or the wording, its numbers and the region when the text names a place (street, house, flat…);
    linked requests form one repeated group (connected components, so a chain of links is one
    group). The same short wording from different places and applicants ("мусор" ×124) is no
    repeat; wording that names no place and has no applicant is counted apart
    (`same_wording_no_place`). `by_applicant`: requests in groups an applicant link holds together.
    """
    from scipy.sparse.csgraph import connected_components

    empty = {"repeated_groups": 0, "repeated_requests": 0, "requests_in_groups": 0, "same_wording_no_place": 0,
             "by_applicant": 0}
    n = len(text)
    if n == 0:
        return empty
    who = np.full(n, -1, dtype=np.int32) if applicant is None else np.asarray(applicant, dtype=np.int32)
    # wording + numbers + region as one integer key (a multi-column groupby of a 1M quarter costs ~100 MB)
    t, num, reg = (np.asarray(a, dtype=np.int64) for a in (text, numbers, region))
    key = (t * (int(num.max()) + 2) + num + 1) * (int(reg.max()) + 2) + reg + 1
    wording = pd.factorize(key)[0].astype(np.int32)
    del key, num, reg
    distinct_codes = np.unique(text)
    named = np.isin(text, distinct_codes[names_place(pd.Series(texts[distinct_codes], dtype=object)).to_numpy()])
    known = who >= 0
    if not known.any():  # no applicant given: the groups are the wordings about one place
        sums = np.bincount(wording[named], weights=weight[named], minlength=int(wording.max()) + 1)
        per = pd.DataFrame({"c": sums[sums > 0], "a": False})
        linked = named
    else:
        by_person = np.full(n, -1, dtype=np.int32)
        by_person[known] = pd.factorize(t[known] * (int(who.max()) + 1) + who[known])[0]
        # Rows, place nodes (wording + numbers + region, only when the text names a place) and applicant
        # nodes (wording + applicant) in one graph; each link joins a row to a node.
        n_place = int(wording.max()) + 1
        n_person = int(by_person.max()) + 1
        rows = np.concatenate([np.nonzero(named)[0], np.nonzero(known)[0]]).astype(np.int32)
        nodes = np.concatenate([n + wording[named], n + n_place + by_person[known]]).astype(np.int32)
        size = n + n_place + n_person
        graph = sp.csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, nodes)), shape=(size, size))
        _, component = connected_components(graph, directed=False)
        del graph
        linked = np.zeros(n, dtype=bool)
        linked[rows] = True
        # a group held together by an applicant: one of its applicant nodes joins two requests
        shared = np.nonzero(np.bincount(by_person[known], minlength=n_person) >= 2)[0]
        person_component = np.zeros(int(component.max()) + 1, dtype=bool)
        person_component[component[n + n_place + shared]] = True
        part = pd.DataFrame({"g": component[:n], "c": weight})[linked]
        per = part.groupby("g").agg(c=("c", "sum"))
        per = per.assign(a=person_component[per.index.to_numpy()])
    per = per[per["c"] >= 2]
    alone = pd.Series(weight[~linked]).groupby(wording[~linked]).sum()
    return {
        "repeated_groups": int(len(per)),
        "repeated_requests": int(round((per["c"] - 1).sum())),  # beyond the first of each
        "requests_in_groups": int(round(per["c"].sum())),
        "same_wording_no_place": int(round(alone[alone >= 2].sum())),
        "by_applicant": int(round(per.loc[per["a"].astype(bool), "c"].sum())),
    }
