"""The content analysis on the labelled sample sets in ../shared/samples (skipped when absent)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.analyse.content import analyse_content
from kcdesk.core.analyse.content.normalise import display_text
from kcdesk.core.quarters import Quarter

SAMPLES = Path(__file__).resolve().parents[4].parent / "shared" / "samples"
Q3 = Quarter.parse("2026-Q3")


def _read(name: str) -> pd.DataFrame:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} is not available")
    return pd.read_csv(path)


def _halves(texts: pd.Series, labels: pd.Series, ids: pd.Series, seed: int = 0) -> pd.DataFrame:
    """Quarter-like halves: Q2 labelled (training), Q3 with every topic blank (to suggest)."""
    order = np.random.default_rng(seed).permutation(len(texts))
    half = len(texts) // 2
    quarter = np.where(np.arange(len(texts)) < half, "2026-Q2", "2026-Q3")
    frame = pd.DataFrame({
        "row_id": np.arange(1, len(texts) + 1), "request_id": ids.astype(str).to_numpy()[order],
        "quarter": quarter, "truth": labels.astype(str).to_numpy()[order],
        "region": None, "channel": None, "question": texts.to_numpy()[order],
    })
    frame["topic"] = frame["truth"].where(frame["quarter"] == "2026-Q2", None)
    return frame


def _accuracy(frame: pd.DataFrame, result: dict) -> float:
    table = pd.DataFrame(result["suggestions"])
    truth = frame.set_index("request_id")["truth"]
    assert len(table) == (frame["quarter"] == "2026-Q3").sum()
    return float((table["topic"].to_numpy() == truth[table["id"]].to_numpy()).mean())


@pytest.fixture(scope="module")
def kursk() -> tuple[pd.DataFrame, dict]:
    data = _read("kursk_citizen_messages.csv")
    frame = _halves(data["Текст Сообщения"], data["Категория"], data["id"])
    return frame, analyse_content(frame.drop(columns="truth"), Q3)


def test_kursk_categories_accuracy(kursk):
    frame, result = kursk
    # measured 0.74-0.75 on this split (the README's 5-fold figure is 0.78)
    assert _accuracy(frame, result) >= 0.70


def test_kursk_certain_suggestions_are_more_precise(kursk):
    frame, result = kursk
    table = pd.DataFrame(result["suggestions"])
    truth = frame.set_index("request_id")["truth"]
    right = table["topic"].to_numpy() == truth[table["id"]].to_numpy()
    certain = ~table["uncertain"].to_numpy()
    assert 0.1 < certain.mean() < 1.0  # the 0.8 confidence floor leaves about a sixth certain here
    assert right[certain].mean() >= 0.85  # tuned for 0.9 on held-out labelled rows
    assert right[certain].mean() > right[~certain].mean() + 0.2


def test_kursk_groups_real_examples_and_words(kursk):
    frame, result = kursk
    quarter_texts = {display_text(t) for t in frame.loc[frame["quarter"] == "2026-Q3", "question"]}
    word = re.compile(r"^[^\W\d_]{3,}$")
    assert len(result["groups"]) >= 10
    for group in result["groups"]:
        assert group["example"] in quarter_texts
        assert "<p>" not in group["example"] and "&nbsp;" not in group["example"]
        for phrase in group["key_phrases"]:
            assert all(word.match(w) for w in phrase.split(" ")), phrase
    counts = [f["count"] for f in result["faq"]]
    assert counts == sorted(counts, reverse=True)
    assert not any(re.search(r"\d{12}", f["question"]) for f in result["faq"])


def test_kazakh_texts_trained_on_kazakh_texts():
    data = _read("kzgov_requests_kk_ru.csv")
    frame = _halves(data["text_kz"], data["category"], data["id"])
    result = analyse_content(frame.drop(columns="truth"), Q3)
    # measured 0.91-0.99 depending on the split
    assert _accuracy(frame, result) >= 0.85
    phrases = [p for g in result["groups"] for p in g["key_phrases"]]
    assert any(re.search("[әғқңөұүі]", p) for p in phrases)  # Kazakh words, not fragments
    for stop in ("сәлеметсіз", "өтінемін", "қайырлы"):
        assert stop not in phrases


def test_mixed_languages_with_own_rows_in_both():
    data = _read("kzgov_requests_kk_ru.csv")
    # each request once, in Kazakh or in Russian at random: a mixed-language holder
    pick = np.random.default_rng(3).random(len(data)) < 0.5
    texts = pd.Series(np.where(pick, data["text_kz"], data["text_ru"]))
    frame = _halves(texts, data["category"], data["id"], seed=5)
    result = analyse_content(frame.drop(columns="truth"), Q3)
    assert _accuracy(frame, result) >= 0.85


def _label_checks(frame: pd.DataFrame, result: dict) -> float:
    """Every label is 2-5 words as written in a member of its group, opening and closing with a content
    word; returns the share of groups whose label passes (some tiny groups hold one-word texts only)."""
    from kcdesk.core.analyse.content.words import stop_words

    members = result["_members"]
    text_of = dict(zip(frame["request_id"].astype(str), frame["question"], strict=True))
    shown: dict[str, list[str]] = {}
    for rid, group in zip(members["id"], members["group"], strict=True):
        shown.setdefault(group, []).append(display_text(text_of[rid]).casefold())
    edge = re.compile(r"^[^\W\d_]{3,}(?:-[^\W\d_]+)*$")
    good = 0
    for group in result["groups"]:
        label = group["label"]
        words = label.split(" ")
        assert not re.search(r"\d", label), label
        assert any(label.casefold() in text for text in shown[group["id"]]), label  # verbatim in a member
        assert label not in group["key_phrases"] or " " in label
        if (2 <= len(words) <= 5 and all(edge.match(w) for w in (words[0], words[-1]))
                and not {words[0].casefold(), words[-1].casefold()} & stop_words()):
            good += 1
    return good / max(len(result["groups"]), 1)


def test_labels_are_noun_phrases_as_written_in_members():
    data = _read("kursk_citizen_messages.csv")
    frame = _halves(data["Текст Сообщения"], data["Категория"], data["id"])
    result = analyse_content(frame.drop(columns="truth"), Q3, members=True)
    assert _label_checks(frame, result) == 1.0
    labels = {g["label"] for g in result["groups"]}
    assert {"ямочный ремонт", "свалка мусора", "дорожное покрытие"} <= labels  # the usual spelling


def test_kazakh_labels_are_noun_phrases_as_written_in_members():
    data = _read("kzgov_requests_kk_ru.csv")
    frame = _halves(data["text_kz"], data["category"], data["id"])
    result = analyse_content(frame.drop(columns="truth"), Q3, members=True)
    assert _label_checks(frame, result) == 1.0
    assert all(re.search("[әғқңөұүі]", g["label"]) for g in result["groups"][:5])


def test_drafted_faq_entries_are_drafted_in_each_language_from_that_languages_label():
    """A drafted entry carries drafts[lang] only where the group's requests in lang name it: the справка
    (faq_items, through the result's public shape) never quotes a label of the other language."""
    from kcdesk.core.analyse.content.questions import draft_question
    from kcdesk.core.model import ContentResult
    from kcdesk.core.normalise.topics_dictionary import language_of
    from kcdesk.core.report.wording import faq_items

    data = _read("kzgov_requests_kk_ru.csv")
    texts = pd.concat([data["text_kz"], data["text_ru"]], ignore_index=True)  # each request in both languages
    frame = _halves(texts, pd.concat([data["category"]] * 2, ignore_index=True), pd.Series(range(len(texts))))
    result = analyse_content(frame.drop(columns="truth"), Q3)
    groups = {g["id"]: g for g in result["groups"]}
    drafted = [f for f in result["faq"] if f["drafted"]]
    assert drafted
    kazakh = re.compile("[әғқңөұүі]", re.IGNORECASE)
    for entry in drafted:
        labels = groups[entry["group"]]["labels"]
        assert set(entry["drafts"]) == set(labels) and entry["drafts"]
        for lang, label in labels.items():
            assert bool(kazakh.search(label)) == (lang == "kk"), (lang, label)
            assert entry["drafts"][lang] == draft_question(label, lang)
        assert entry["question"] == entry["drafts"].get(entry["language"], entry["question"])
    content = ContentResult.from_json(result)
    for lang in ("kk", "ru"):
        questions = [q for q, _ in faq_items(content, lang)]
        assert questions and all(language_of(q) in (None, lang) for q in questions), lang
        quoted = [q for q in questions if "«" in q]
        assert all(bool(kazakh.search(q.split("«")[1].split("»")[0])) == (lang == "kk") for q in quoted), quoted
