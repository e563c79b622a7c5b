"""What an analyst publishes from the samples in ../shared/samples (skipped when absent): quarters drawn
at random (nothing really changed) show no rising, falling or new questions; every FAQ entry is a
question without a greeting, an address or a name; no group is larger than its topic; the uncertain
share is above zero where the model is weak; a short quarter is scaled by days."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.analyse.content import analyse_content
from kcdesk.core.analyse.content.questions import fit_to_publish
from kcdesk.core.quarters import Quarter

SAMPLES = Path(__file__).resolve().parents[4].parent / "shared" / "samples"
Q3 = Quarter.parse("2026-Q3")
GREETING = re.compile(r"^(здравствуйте|добрый|уважаем|сәлеметсіз|қайырлы|құрметті|прошу|просьба)", re.IGNORECASE)


def _read(name: str) -> pd.DataFrame:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} is not available")
    return pd.read_csv(path)


def _random_quarters(texts: pd.Series, labels: pd.Series, seed: int = 0, label_share: float = 1.0) -> pd.DataFrame:
    """Rows dealt at random into 2026-Q2 and 2026-Q3; topics kept on a share of the rows of both."""
    rng = np.random.default_rng(seed)
    n = len(texts)
    quarter = np.where(rng.random(n) < 0.5, "2026-Q2", "2026-Q3")
    topic = labels.astype(str).where(pd.Series(rng.random(n) < label_share), None)
    return pd.DataFrame({"row_id": np.arange(1, n + 1), "request_id": [f"R{i}" for i in range(n)],
                         "quarter": quarter, "topic": topic.to_numpy(), "region": None, "channel": None,
                         "question": texts.to_numpy()})


@pytest.fixture(scope="module")
def kursk() -> tuple[pd.DataFrame, dict]:
    data = _read("kursk_citizen_messages.csv")
    frame = _random_quarters(data["Текст Сообщения"], data["Тематика"], label_share=0.7)
    return frame, analyse_content(frame, Q3)


@pytest.fixture(scope="module")
def kzgov() -> tuple[pd.DataFrame, dict]:
    data = _read("kzgov_requests_kk_ru.csv")
    pick = np.random.default_rng(3).random(len(data)) < 0.5
    texts = pd.Series(np.where(pick, data["text_kz"], data["text_ru"]))
    frame = _random_quarters(texts, data["category"], seed=1, label_share=0.8)
    return frame, analyse_content(frame, Q3)


@pytest.mark.parametrize("sample", ["kursk", "kzgov"])
def test_nothing_rises_falls_or_is_new_on_a_random_split(sample, request):
    _, result = request.getfixturevalue(sample)
    assert len(result["rising"]) + len(result["falling"]) <= 2, (result["rising"], result["falling"])
    flagged = [g for g in result["groups"] if g["new"] or g["grew"]]
    assert len(flagged) <= 1, [(g["label"], g["count"], g["previous"]) for g in flagged]
    for row in result["rising"]:
        assert row["change_pct"] is None or row["change_pct"] > 0
    for row in result["falling"]:
        assert row["change_pct"] < 0


@pytest.mark.parametrize("sample", ["kursk", "kzgov"])
def test_every_faq_entry_is_a_question_without_greeting_address_or_name(sample, request):
    _, result = request.getfixturevalue(sample)
    assert len(result["faq"]) >= 5
    for entry in result["faq"]:
        question = entry["question"]
        assert question.endswith("?"), question
        assert not GREETING.match(question), question
        assert fit_to_publish(question), question
        assert len(question) <= 200


@pytest.mark.parametrize("sample", ["kursk", "kzgov"])
def test_group_counts_never_exceed_their_topic(sample, request):
    frame, result = request.getfixturevalue(sample)
    q3 = frame[frame["quarter"] == "2026-Q3"]
    # the topic's requests: own topics plus the certain suggestions
    certain = pd.DataFrame([s for s in result["suggestions"] if not s["uncertain"]], columns=["topic"])
    per_topic = q3["topic"].value_counts().add(certain["topic"].value_counts(), fill_value=0)
    for group in result["groups"]:
        if group["topic"] is not None:
            assert group["topic_count"] <= per_topic[group["topic"]]
            assert sum(group["topics"].values()) <= group["count"]
    for entry in result["faq"]:
        if entry["topic"] is not None:
            assert entry["count"] <= per_topic[entry["topic"]]
        assert entry["count"] <= entry["group_count"]


def test_uncertain_share_above_zero_where_the_model_is_weak(kursk):
    _, result = kursk
    model = result["model"]
    assert model["holdout_accuracy"] < 0.8  # 161 themes, a long tail: a weak model
    assert model["threshold"] >= 0.8
    assert model["uncertain_share"] > 0.2
    assert all(s["uncertain"] == (s["confidence"] < model["threshold"]) for s in result["suggestions"])


def test_a_short_quarter_is_scaled_by_days():
    data = _read("kzgov_requests_kk_ru.csv")
    frame = _random_quarters(data["text_ru"], data["category"], seed=2)
    # the same distribution, but Q3 holds only a third of its share: one month against three
    rng = np.random.default_rng(7)
    frame = frame[(frame["quarter"] == "2026-Q2") | (rng.random(len(frame)) < 1 / 3)]
    plain = analyse_content(frame, Q3)
    scaled = analyse_content(frame, Q3, days={"2026-Q2": 91, "2026-Q3": 31})
    assert scaled["days"] == {"quarter": 31, "baseline": 91, "scaled": True, "factor": 0.341}
    assert plain["days"]["scaled"] is False

    def median_change(result: dict) -> float:
        return float(np.median([g["change_pct"] for g in result["groups"] if g["change_pct"] is not None]))

    assert median_change(plain) < -40  # unscaled, every question seems to fall by about two thirds
    assert abs(median_change(scaled)) < 25


@pytest.mark.parametrize("sample", ["kursk", "kzgov"])
def test_groups_shown_are_coherent_and_labelled_with_publishable_examples(sample, request):
    from kcdesk.core.analyse.content.groups import MIN_COHERENCE

    _, result = request.getfixturevalue(sample)
    groups = result["groups"]
    assert groups
    assert all(g["coherence"] >= MIN_COHERENCE and g["label"] for g in groups)
    publishable = [fit_to_publish(g["example"]) for g in groups]
    assert sum(publishable) >= 0.8 * len(groups)
    # every request with a text is in one shown group or in "other"
    assert sum(g["count"] for g in groups) + result["other"]["count"] == result["totals"]["with_text"]
