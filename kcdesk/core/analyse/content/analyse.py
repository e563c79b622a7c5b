"""analyse_content: suggestions, question groups, rising/falling phrases, FAQ and duplicates of a quarter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kcdesk.core.analyse.content import groups as grp
from kcdesk.core.analyse.content import phrases as phr
from kcdesk.core.analyse.content import questions as qst
from kcdesk.core.analyse.content.clean import content_texts
from kcdesk.core.analyse.content.normalise import display_text, normalise_texts
from kcdesk.core.analyse.content.suggest import MAX_TRAIN, TopicModel, train
from kcdesk.core.analyse.content.vectors import distinct, fit_vectoriser, sample_indices, transform
from kcdesk.core.analyse.content.words import KAZAKH_LETTERS, stem_words
from kcdesk.core.normalise.text import fold_topic, map_distinct
from kcdesk.core.quarters import Quarter
from kcdesk.core.tasks import Progress, check

SCHEMA = "kcdesk.content/1"
DEFAULT_CATCH_ALL = ["Прочее", "Другое", "Иное", "Басқа", "Өзге"]
PREVIOUS_SAMPLE = 50_000  # distinct texts of the previous quarter matched to the groups
EARLIER_SAMPLE = 15_000  # … of each older quarter (only to tell new questions from old)
FIT_SAMPLE = 50_000  # distinct texts the idf is learned from
STREAM_CHUNK = 10_000
PHRASE_SAMPLE = 150_000  # distinct texts per quarter for the phrase counts
FAQ_SIZE = 20
FAQ_MIN = 2  # requests a group needs for its question to enter the FAQ list
OTHER_ID = "other"
TOPIC_GROUPS = 10
NEW_SHARE = 0.1  # "new": at most this share of its count in every earlier quarter
MIN_NEW = 3  # a group needs this many requests to be a candidate new question
GREW_PCT = 50.0
SAME_DAYS = 0.05  # quarters whose covered days differ by at most this share are compared as they are


def clean_topics(topics: pd.Series, catch_all: list[str]) -> pd.Series:
    """The topic, or None when blank or a catch-all ("Прочее" …)."""
    folded = map_distinct(topics, fold_topic, missing="")
    bad = folded.isin({fold_topic(c) for c in catch_all} | {""})
    return topics.where(~bad, None).astype(object)


def _change(count: float, previous: float) -> float | None:
    return None if previous <= 0 else round(100.0 * (count - previous) / previous, 1)


def _phase(progress: Progress | None, done: int, stage: str) -> None:
    check(progress)
    if progress is not None:
        progress.report(done, 6, stage)


def analyse_content(frame: pd.DataFrame, quarter: Quarter, catch_all: list[str] | None = None,
                    progress: Progress | None = None, members: bool = False,
                    days: dict[str, int] | None = None) -> dict[str, Any]:
    """The kcdesk.content/1 result for `quarter` from the question texts of it and earlier quarters.

    frame: row_id, request_id, quarter ("2026-Q3"), topic (None when blank), region, channel,
    question, optionally applicant (the opaque key stored at import, None when unknown); an optional `count` column lets one row stand for that many identical requests
    (earlier quarters aggregated by the store). `days`: quarter label → days it covers (first to last
    request); a quarter covering fewer days than an earlier one is compared with it scaled by days.
    With members=True the result also holds
    "_members", a DataFrame of the quarter's rows (id, row_id, group), not part of the JSON.
    """
    catch_all = DEFAULT_CATCH_ALL if catch_all is None else list(catch_all)
    _phase(progress, 0, "normalise")
    # Plain arrays of the columns used, each subset built from them once: a 1M quarter's frame is never
    # copied whole (each copy of its columns costs ~100 MB).
    weight = (frame["count"].to_numpy(dtype=float) if "count" in frame else np.ones(len(frame)))
    quarters = map_distinct(frame["quarter"], lambda q: Quarter.parse(q).index, missing=-1,
                            dtype=np.int64).to_numpy()
    norm = normalise_texts(frame["question"]).to_numpy(dtype=object)
    topic = clean_topics(frame["topic"], catch_all).to_numpy(dtype=object)

    def column(name: str) -> np.ndarray:
        return frame[name].to_numpy(dtype=object) if name in frame else np.full(len(frame), None, dtype=object)

    in_quarter = quarters == quarter.index
    has_text = norm != ""
    requests = float(weight[in_quarter].sum())
    older = (quarters < quarter.index) & has_text
    earlier = pd.DataFrame({"_norm": norm[older], "_topic": topic[older], "_q": quarters[older], "_w": weight[older]})
    now = in_quarter & has_text
    texted = pd.DataFrame({"row_id": column("row_id")[now], "request_id": column("request_id")[now],
                           "question": column("question")[now], "_norm": norm[now], "_topic": topic[now],
                           "_w": weight[now], "_region": column("region")[now], "_applicant": column("applicant")[now]})
    quarter_rows = (pd.DataFrame({"row_id": column("row_id")[in_quarter], "request_id": column("request_id")[in_quarter],
                                  "_norm": norm[in_quarter]}) if members else None)

    # Quarter's distinct texts: everything below works on them and carries the counts.
    codes_q, texts_q, counts_q = distinct(texted["_norm"], texted["_w"])
    labelled = pd.notna(topic) & has_text & (quarters <= quarter.index)
    pairs = pd.DataFrame({"_norm": norm[labelled], "_topic": topic[labelled], "_w": weight[labelled]}) \
        .groupby(["_norm", "_topic"], sort=False)["_w"].sum()
    del norm, topic  # the subsets above are all that is used from here on
    pairs = pairs.iloc[sample_indices(len(pairs), MAX_TRAIN * 5 // 4)]
    train_texts = pairs.index.get_level_values(0).to_numpy(dtype=object)
    if len(texts_q) + len(train_texts) == 0:
        return _empty(quarter, requests, quarter_rows)
    samples = _earlier_samples(earlier, quarter)

    _phase(progress, 1, "suggest")
    to_suggest = texted["_topic"].isna().to_numpy()
    is_target = np.zeros(len(texts_q), dtype=bool)
    is_target[codes_q[to_suggest]] = True
    model = None
    target_topic = np.empty(len(texts_q), dtype=object)
    target_conf = np.zeros(len(texts_q))
    if is_target.any() and len(pairs):
        fit_texts = np.concatenate([texts_q, train_texts])
        vectoriser = fit_vectoriser(fit_texts[sample_indices(len(fit_texts), FIT_SAMPLE)])
        model = train(transform(vectoriser, train_texts, progress),
                      pairs.index.get_level_values(1).to_numpy(dtype=object), pairs.to_numpy(dtype=float))
        if model is not None:
            # The texts to suggest for are streamed in chunks (a 1M-request quarter never sits in memory).
            targets = np.nonzero(is_target)[0]
            for start in range(0, len(targets), STREAM_CHUNK):
                part = targets[start:start + STREAM_CHUNK]
                target_topic[part], target_conf[part] = model.predict(transform(vectoriser, texts_q[part], progress))
    suggestions, effective = _suggestions(texted, codes_q, to_suggest, target_topic, target_conf, model)

    _phase(progress, 2, "groups")
    previous = quarter.previous()
    before = earlier[earlier["_q"] == previous.index]
    baseline = [str(previous)] if len(before) else sorted({str(Quarter.from_index(int(i))) for i in earlier["_q"].unique()})
    if not len(before):
        before = earlier
    b_codes, b_texts, b_counts = distinct(before["_norm"], before["_w"])
    before_total, before_quarters = float(before["_w"].sum()), max(int(before["_q"].nunique()), 1)
    del before, earlier, b_codes  # the samples and distinct texts above are all that is used from here on
    clean_q = content_texts(texts_q)
    pick_q = sample_indices(len(texts_q), PHRASE_SAMPLE)
    pick_b = sample_indices(len(b_texts), PHRASE_SAMPLE)
    clean_b = content_texts(b_texts[pick_b])
    space = phr.fit_words(np.concatenate([clean_q[pick_q], clean_b]),
                          np.concatenate([counts_q[pick_q], b_counts[pick_b]]))
    words_q = phr.stem_matrix(space, clean_q) if space is not None else _no_words(len(texts_q))
    words_b = phr.stem_matrix(space, clean_b) if space is not None else _no_words(len(clean_b))
    del clean_q, clean_b  # a second copy of every text, shorter: only the word rows are used from here on
    grouping = (grp.group(words_q, counts_q, progress, before=words_b, before_counts=b_counts[pick_b])
                if len(texts_q) else grp.empty_grouping())
    earlier_groups = _earlier_groups(samples, space, grouping, progress)

    _phase(progress, 3, "phrases")
    phrases = ([[] for _ in range(grouping.size)] if space is None else
               phr.key_phrases(space, words_q, counts_q, grouping.labels, grouping.size))
    rising: list[dict[str, Any]] = []
    falling: list[dict[str, Any]] = []
    if space is not None and len(b_texts):
        scale = b_counts.sum() / max(b_counts[pick_b].sum(), 1.0)
        freq_b = phr.request_freq(words_b, b_counts[pick_b]) * scale
        freq_q = phr.request_freq(words_q, counts_q)
        n_before = before_total / before_quarters
        rising, falling = phr.rising_falling(space, freq_q, freq_b * n_before / max(before_total, 1.0),
                                             float(counts_q.sum()), float(n_before))

    _phase(progress, 4, "examples")
    raw = _raw_questions(texted, codes_q)
    texts = qst.group_texts(grouping.labels, grouping.similarity, counts_q, raw, grouping.size, phrases,
                            _key_stems(phrases))
    row_group = grouping.labels[codes_q] if len(codes_q) else np.zeros(0, dtype=np.int64)
    covered = Days(quarter.index, {Quarter.parse(q).index: int(d) for q, d in (days or {}).items() if d})
    group_list, ids = _groups(grouping, counts_q, row_group, texted, effective, earlier_groups, quarter,
                              phrases, texts, covered)
    topic_groups = _topic_groups(grouping, texted, codes_q, row_group, effective, earlier_groups,
                                 quarter, phrases, ids, raw)

    _phase(progress, 5, "duplicates")
    # Only texts sent more than once can repeat; their wording is folded again with the numbers kept.
    # The wording with its numbers: the folded text (its code) and the numbers it held; only rows whose
    # folded text is sent at least twice can repeat. Integer keys keep a 1M quarter's memory flat.
    again = counts_q[codes_q] >= 2 if len(codes_q) else np.zeros(0, dtype=bool)
    number_codes = _number_codes(texted["question"].to_numpy(dtype=object)[again])
    region_codes = pd.factorize(texted["_region"].to_numpy(dtype=object)[again])[0]
    applicant_codes = pd.factorize(texted["_applicant"].to_numpy(dtype=object)[again])[0]  # -1: none given
    dup = grp.repeated(codes_q[again], number_codes, region_codes, texted["_w"].to_numpy(dtype=float)[again],
                       texts_q, applicant_codes)
    dup["with_applicant"] = int(round(texted.loc[texted["_applicant"].notna(), "_w"].sum()))
    _phase(progress, 6, "done")
    in_groups = sum(g["count"] for g in group_list)
    with_text = int(round(texted["_w"].sum()))
    result = {
        "schema": SCHEMA,
        "quarter": str(quarter),
        "baseline": baseline,
        "days": covered.json([Quarter.parse(q).index for q in baseline]),
        "totals": {"requests": int(round(requests)), "with_text": with_text,
                   "distinct_texts": int(len(texts_q)), "to_suggest": int(to_suggest.sum())},
        "model": _model(model, suggestions),
        "suggestions": suggestions,
        "groups": group_list,
        "other": {"count": with_text - in_groups,
                  "loose_groups": int(sum(1 for g in range(grouping.size) if g not in ids))},
        "topic_groups": topic_groups,
        "rising": rising,
        "falling": falling,
        "faq": _faq(group_list, effective),
        "duplicates": dup,
    }
    if quarter_rows is not None:
        result["_members"] = _members(quarter_rows, texts_q, grouping.labels, ids)
    return result


def _number_codes(questions: np.ndarray) -> np.ndarray:
    """A code per text for the numbers it holds ("ул. Абая 12, кв. 5" and "… 12 … 5" alike), from a
    64-bit hash of its digits worked out a chunk at a time (no second copy of a 1M quarter's texts)."""
    if len(questions) == 0:
        return np.zeros(0, dtype=np.int64)
    hashed = np.empty(len(questions), dtype=np.uint64)
    for start in range(0, len(questions), STREAM_CHUNK * 5):
        part = pd.Series(questions[start:start + STREAM_CHUNK * 5], dtype=object).astype(str)
        digits = part.str.replace(r"\D+", " ", regex=True).str.strip()
        hashed[start:start + len(part)] = pd.util.hash_array(digits.to_numpy(dtype=object))
    return pd.factorize(hashed)[0]


def _key_stems(phrases: list[list[str]]) -> list[list[str]]:
    """Stems of the words of each group's first three key phrases."""
    out = []
    for group_phrases in phrases:
        words = sorted({w for p in group_phrases[:3] for w in p.split(" ")})
        out.append([s for s in stem_words(words, [any(ch in KAZAKH_LETTERS for ch in w) for w in words]) if len(s) >= 3])
    return out


def _raw_questions(texted: pd.DataFrame, codes_q: np.ndarray) -> np.ndarray:
    """One stored question per distinct text of the quarter."""
    first = pd.Series(np.arange(len(codes_q))).groupby(codes_q).first()
    return texted["question"].to_numpy(dtype=object)[first.sort_index().to_numpy()] if len(codes_q) else \
        np.array([], dtype=object)


def _members(rows: pd.DataFrame, texts_q: np.ndarray, labels: np.ndarray, ids: dict[int, str]) -> pd.DataFrame:
    """Each request of the quarter with its group id ("other" when in none, "" when its text is blank)."""
    where = pd.Index(texts_q).get_indexer(rows["_norm"].to_numpy(dtype=object)) if len(texts_q) else \
        np.full(len(rows), -1)
    names = np.array([ids.get(int(g), OTHER_ID) for g in labels] + [""], dtype=object)
    group = names[np.where(where >= 0, where, len(labels))]
    request_id = rows["request_id"].astype(object)
    blank = request_id.isna() | (request_id.astype(str).str.strip() == "")
    return pd.DataFrame({"id": request_id.where(~blank, rows["row_id"]).astype(str).to_numpy(),
                         "row_id": rows["row_id"].to_numpy(), "group": group})


def _no_words(n: int) -> Any:  # a zero-column sparse matrix
    import scipy.sparse as sp

    return sp.csr_matrix((n, 0), dtype=np.float32)


def _empty(quarter: Quarter, requests: float, quarter_rows: pd.DataFrame | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "schema": SCHEMA, "quarter": str(quarter), "baseline": [],
        "days": {"quarter": None, "baseline": None, "scaled": False, "factor": None},
        "totals": {"requests": int(round(requests)), "with_text": 0, "distinct_texts": 0, "to_suggest": 0},
        "model": _model(None, []), "suggestions": [], "groups": [], "other": {"count": 0, "loose_groups": 0},
        "topic_groups": {}, "rising": [], "falling": [], "faq": [],
        "duplicates": {"repeated_groups": 0, "repeated_requests": 0, "requests_in_groups": 0,
                       "same_wording_no_place": 0, "by_applicant": 0, "with_applicant": 0},
    }
    if quarter_rows is not None:
        result["_members"] = _members(quarter_rows, np.array([], dtype=object), np.zeros(0, np.int64), {})
    return result


def _model(result: Any, suggestions: list[dict[str, Any]]) -> dict[str, Any]:
    flagged = sum(bool(s["uncertain"]) for s in suggestions)
    share = None if not suggestions else round(flagged / len(suggestions), 3)
    if result is None:
        return {"trained_on": 0, "classes": 0, "threshold": None, "holdout_accuracy": None,
                "uncertain_share": share}
    accuracy = None if result.holdout_accuracy is None else round(result.holdout_accuracy, 3)
    return {"trained_on": result.trained_on, "classes": result.classes,
            "threshold": round(result.threshold, 3), "holdout_accuracy": accuracy, "uncertain_share": share,
            "classifier": result.choice}


def _suggestions(texted: pd.DataFrame, codes_q: np.ndarray, to_suggest: np.ndarray, topic_of: np.ndarray,
                 confidence_of: np.ndarray, model: TopicModel | None) -> tuple[list[dict[str, Any]], pd.Series]:
    """Suggestion records per row, and each row's effective topic (own, else a certain suggestion)."""
    effective = texted["_topic"].copy()
    if model is None:
        return [], effective
    rows = texted[to_suggest]
    where = codes_q[to_suggest]
    topic = topic_of[where]
    confidence = confidence_of[where]
    uncertain = confidence < model.threshold
    request_id = rows["request_id"].astype(object)
    ids = request_id.where(request_id.notna() & (request_id.astype(str).str.strip() != ""), rows["row_id"])
    table = pd.DataFrame({
        "id": ids.astype(str).to_numpy(), "row_id": rows["row_id"].to_numpy(), "topic": topic,
        "confidence": np.round(confidence.astype(float), 3), "uncertain": uncertain,
    })
    table = table[table["row_id"].notna()]
    table["row_id"] = table["row_id"].astype(np.int64)
    certain = pd.Series(np.where(uncertain, None, topic), index=rows.index, dtype=object)
    effective.loc[rows.index] = certain
    return table.to_dict("records"), effective


def _earlier_samples(earlier: pd.DataFrame, quarter: Quarter) -> list[pd.DataFrame]:
    """Per earlier quarter: distinct (text, topic) with counts, scaled up when only a sample is kept."""
    out = []
    for q, part in earlier.groupby("_q"):
        agg = part.groupby(["_norm", "_topic"], dropna=False, sort=False)["_w"].sum().reset_index()
        texts = agg["_norm"].drop_duplicates()
        cap = PREVIOUS_SAMPLE if q == quarter.previous().index else EARLIER_SAMPLE
        keep = texts.iloc[sample_indices(len(texts), cap)]
        picked = agg[agg["_norm"].isin(keep)]
        scale = part["_w"].sum() / max(picked["_w"].sum(), 1.0)
        out.append(picked.assign(count=picked["_w"] * scale, _q=q))
    return out


def _earlier_groups(samples: list[pd.DataFrame], space: phr.WordSpace | None, grouping: grp.Grouping,
                    progress: Progress | None) -> pd.DataFrame:
    """Earlier requests matched to this quarter's groups: _q, _topic, group, count (estimated when sampled)."""
    parts = []
    for agg in samples:
        check(progress)
        if space is None or grouping.size == 0:
            break
        texts = agg["_norm"].drop_duplicates().to_numpy(dtype=object)
        found = [grp.assign_earlier(grouping, phr.stem_matrix(space, content_texts(texts[i:i + STREAM_CHUNK])),
                                    progress)
                 for i in range(0, len(texts), STREAM_CHUNK)]  # chunks: only labels are kept
        labels = pd.Series(np.concatenate(found) if found else np.zeros(0, dtype=np.int64), index=texts)
        agg = agg.assign(group=agg["_norm"].map(labels).to_numpy())
        parts.append(agg[agg["group"] >= 0][["_q", "_topic", "group", "count"]])
    if not parts:
        return pd.DataFrame({"_q": [], "_topic": [], "group": [], "count": []})
    return pd.concat(parts, ignore_index=True)


def _flags(count: np.ndarray, previous: np.ndarray, earlier_max: np.ndarray, has_earlier: bool) -> list[dict[str, Any]]:
    """new / grew per group, each passing a one-sided Poisson test, Benjamini-Hochberg over the groups.

    new: at least MIN_NEW requests, no earlier quarter with more than NEW_SHARE of that, and more
    than the busiest earlier quarter could give by chance; grew: +50 % or more and at least MIN_NEW
    more than the previous quarter, and more than it could give by chance (conditional test of two
    Poisson counts).
    """
    from scipy.stats import binom

    n = len(count)
    # Two Poisson counts compared: given their sum, the quarter's share is binomial with p = 1/2 when the
    # rate did not change (the earlier count already scaled by days); the earlier count is itself
    # a chance draw, which a test against a fixed λ would forget.
    p_new = binom.sf(count - 1, np.round(count + earlier_max), 0.5) if n else np.zeros(0)
    p_grew = binom.sf(count - 1, np.round(count + previous), 0.5) if n else np.zeros(0)
    new_ok = has_earlier & (count >= MIN_NEW) & (earlier_max <= NEW_SHARE * count)
    change = [_change(float(c), float(p)) for c, p in zip(count, previous, strict=True)]
    grew_ok = np.array([c is not None and c >= GREW_PCT for c in change], dtype=bool) & (count - previous >= MIN_NEW)
    # Every group is tested twice; the correction runs over all the tests.
    passed = phr.benjamini_hochberg(np.concatenate([np.where(new_ok, p_new, 1.0), np.where(grew_ok, p_grew, 1.0)]))
    new = new_ok & passed[:n]
    grew = grew_ok & passed[n:]
    return [{"change_pct": change[g], "new": bool(new[g]), "grew": bool(grew[g]), "candidate": bool(new[g] or grew[g])}
            for g in range(n)]


@dataclass(frozen=True)
class Days:
    """Days each quarter covers (first to last request), and the scale an earlier quarter takes."""

    quarter: int
    covered: dict[int, int]

    def factor(self, earlier: int) -> float:
        now, then = self.covered.get(self.quarter), self.covered.get(earlier)
        if not now or not then or abs(now - then) <= SAME_DAYS * then:
            return 1.0
        return now / then

    def json(self, baseline: list[int]) -> dict[str, Any]:
        base = [self.covered.get(q) for q in baseline]
        factors = [self.factor(q) for q in baseline]
        scaled = any(f != 1.0 for f in factors)
        return {"quarter": self.covered.get(self.quarter), "baseline": base[0] if len(base) == 1 else base,
                "scaled": scaled, "factor": round(factors[0], 3) if len(factors) == 1 and scaled else None}


def _topic_table(row_group: np.ndarray, effective: pd.Series, weight: np.ndarray) -> pd.DataFrame:
    """Requests per (group, topic), largest first within each group."""
    table = pd.DataFrame({"g": row_group, "t": effective.to_numpy(), "w": weight})
    table = table[table["g"] >= 0].dropna()
    return table.groupby(["g", "t"])["w"].sum().sort_values(ascending=False).reset_index()


def _groups(grouping: grp.Grouping, counts_q: np.ndarray, row_group: np.ndarray, texted: pd.DataFrame,
            effective: pd.Series, earlier: pd.DataFrame, quarter: Quarter, phrases: list[list[str]],
            texts: list[qst.GroupText], days: Days) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """The coherent groups, most asked first, and the id ("g1"…) of each kept group number."""
    inside = grouping.labels >= 0
    count = np.bincount(grouping.labels[inside], weights=counts_q[inside], minlength=grouping.size)
    n_texts = np.bincount(grouping.labels[inside], minlength=grouping.size)
    per_q = earlier.groupby(["group", "_q"])["count"].sum().unstack(fill_value=0.0)
    per_q = per_q.reindex(range(grouping.size), fill_value=0.0)
    # A quarter covering fewer days than an earlier one is compared with that quarter scaled by days.
    per_q = per_q.mul([days.factor(int(q)) for q in per_q.columns], axis=1) if len(per_q.columns) else per_q
    prev_col = quarter.previous().index
    previous = per_q[prev_col] if prev_col in per_q.columns else pd.Series(0.0, index=per_q.index)
    earlier_max = per_q.max(axis=1) if len(per_q.columns) else pd.Series(0.0, index=per_q.index)
    has_earlier = len(earlier) > 0 or len(per_q.columns) > 0
    flags = _flags(count, previous.to_numpy(dtype=float), earlier_max.to_numpy(dtype=float), has_earlier)
    topics = _topic_table(row_group, effective, texted["_w"].to_numpy())
    out = []
    for g in np.argsort(-count, kind="stable"):
        c, p = float(count[g]), float(previous.iloc[g])
        if c <= 0 or grouping.coherence[g] < grp.MIN_COHERENCE or not texts[g].label:
            continue  # not one question: its requests count under "other"
        mine = topics[topics["g"] == g]
        topic = None if mine.empty else mine["t"].iloc[0]
        in_topic = 0.0 if mine.empty else float(mine["w"].iloc[0])
        out.append({"id": "", "label": texts[g].label, "key_phrases": phrases[g], "example": texts[g].example,
                    "count": int(round(c)), "distinct_texts": int(n_texts[g]), "previous": int(round(p)),
                    "coherence": round(float(grouping.coherence[g]), 3),
                    **flags[g],
                    "topic": topic, "topic_share": None if topic is None else round(in_topic / c, 3),
                    "topic_count": int(round(in_topic)),
                    "topics": {str(t): int(round(w)) for t, w in zip(mine["t"], mine["w"], strict=True)},
                    "labels": texts[g].labels,
                    "question": texts[g].question, "drafted": texts[g].drafted, "language": texts[g].language,
                    "_g": int(g)})
    ids = {}
    for n, item in enumerate(out, 1):
        item["id"] = f"g{n}"
        ids[item.pop("_g")] = item["id"]
    return out, ids


def _faq(groups: list[dict[str, Any]], effective: pd.Series) -> list[dict[str, Any]]:
    """The list to publish: one question per group of at least FAQ_MIN requests, by count.

    An entry stands under the group's commonest topic with the group's requests in that topic (so
    never more than the topic holds); `group_count` and `spans_topics` say when the group is wider.
    """
    out = []
    for g in groups:
        if g["count"] < FAQ_MIN or not g["question"]:
            continue
        count = g["topic_count"] if g["topic"] is not None else g["count"]
        entry = {"question": g["question"], "count": count, "group_count": g["count"], "topic": g["topic"],
                 "spans_topics": len(g["topics"]) > 1, "group": g["id"], "drafted": g["drafted"],
                 "label": g["label"], "language": g["language"]}
        if g["drafted"]:
            # one per language the group's requests name it in: never a question quoting the other language
            entry["drafts"] = {lang: qst.draft_question(label, lang) for lang, label in (g.get("labels") or {}).items()}
        out.append(entry)
    out.sort(key=lambda e: -e["count"])
    return out[:FAQ_SIZE]


def _topic_groups(grouping: grp.Grouping, texted: pd.DataFrame, codes_q: np.ndarray, row_group: np.ndarray,
                  effective: pd.Series, earlier: pd.DataFrame, quarter: Quarter, phrases: list[list[str]],
                  ids: dict[int, str], raw: np.ndarray) -> dict[str, list[dict[str, Any]]]:
    """Within each topic: its question groups, counted on the topic's rows only."""
    rows = pd.DataFrame({"g": row_group, "t": effective.to_numpy(), "w": texted["_w"].to_numpy(),
                         "code": codes_q, "s": grouping.similarity[codes_q] if len(codes_q) else []})
    rows = rows.dropna(subset=["t"])
    rows = rows[rows["g"].isin(list(ids))]
    prev = earlier[earlier["_q"] == quarter.previous().index].groupby(["_topic", "group"])["count"].sum()
    order = rows.groupby("t")["w"].sum().sort_values(ascending=False).index
    out: dict[str, list[dict[str, Any]]] = {}
    for topic in order:  # a loop over topics and their top groups, not rows
        mine = rows[rows["t"] == topic]
        counts = mine.groupby("g")["w"].sum().sort_values(ascending=False).head(TOPIC_GROUPS)
        best = mine.sort_values("s", ascending=False).drop_duplicates("g").set_index("g")["code"]
        items = []
        for g, c in counts.items():
            p = float(prev.get((topic, g), 0.0))
            items.append({"group": ids[int(g)], "key_phrases": phrases[int(g)],
                          "example": display_text(raw[best[g]]), "count": int(round(c)),
                          "previous": int(round(p)), "change_pct": _change(float(c), p)})
        out[str(topic)] = items
    return out
