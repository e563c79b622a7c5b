"""analyse_content on a request set built in the test: suggestions, groups, phrases, FAQ, duplicates."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from content_synthetic import make_frame

from kcdesk.core.analyse.content import analyse_content
from kcdesk.core.analyse.content.normalise import display_text
from kcdesk.core.quarters import Quarter
from kcdesk.core.tasks import Cancelled

Q3 = Quarter.parse("2026-Q3")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return make_frame()


@pytest.fixture(scope="module")
def result(frame: pd.DataFrame) -> dict:
    return analyse_content(frame.drop(columns="truth"), Q3)


def test_schema_and_keys(result):
    assert result["schema"] == "kcdesk.content/1"
    assert result["quarter"] == "2026-Q3"
    assert result["baseline"] == ["2026-Q2"]
    for key in ("suggestions", "groups", "topic_groups", "rising", "falling", "faq", "duplicates", "model"):
        assert key in result


def test_suggestions_for_blank_and_catch_all_rows_only(frame, result):
    q3 = frame[frame["quarter"] == "2026-Q3"]
    open_rows = set(q3.loc[q3["topic"].isna() | (q3["topic"] == "Прочее"), "row_id"])
    got = {s["row_id"] for s in result["suggestions"]}
    assert got == open_rows
    by_row = frame.set_index("row_id")
    for s in result["suggestions"]:
        request_id = by_row.at[s["row_id"], "request_id"]
        assert s["id"] == (request_id if request_id else str(s["row_id"]))
        assert 0.0 <= s["confidence"] <= 1.0


def test_suggestions_are_right_where_the_topic_was_learned(frame, result):
    truth = frame.set_index("row_id")["truth"]
    table = pd.DataFrame(result["suggestions"])
    known = table[truth[table["row_id"]].to_numpy() != "Транспорт"]
    accuracy = (known["topic"].to_numpy() == truth[known["row_id"]].to_numpy()).mean()
    assert accuracy >= 0.95
    assert result["model"]["classes"] == 4  # "Прочее" is never learned
    assert "Прочее" not in set(table["topic"])


def test_catch_all_list_is_editable(frame):
    custom = analyse_content(frame.drop(columns="truth"), Q3, catch_all=[])
    got = {s["row_id"] for s in custom["suggestions"]}
    q3 = frame[frame["quarter"] == "2026-Q3"]
    assert got == set(q3.loc[q3["topic"].isna(), "row_id"])


def test_groups_examples_are_real_texts_of_the_quarter(frame, result):
    q3_texts = {display_text(t) for t in frame.loc[frame["quarter"] == "2026-Q3", "question"]}
    assert result["groups"]
    for group in result["groups"]:
        assert group["example"] in q3_texts
    # every request with a text is in one group or in "other"
    in_groups = sum(g["count"] for g in result["groups"])
    assert in_groups + result["other"]["count"] == (frame["quarter"] == "2026-Q3").sum()
    assert in_groups >= 0.7 * (frame["quarter"] == "2026-Q3").sum()


def test_key_phrases_are_words(result):
    word = re.compile(r"^[^\W\d_]{3,}$")
    seen = 0
    for group in result["groups"]:
        for phrase in group["key_phrases"]:
            seen += 1
            assert all(word.match(part) for part in phrase.split(" ")), phrase
            assert phrase not in ("здравствуйте", "прошу", "өтінемін")
    assert seen > 0


def test_the_new_question_is_a_candidate(result):
    new = [g for g in result["groups"] if "проездн" in g["example"]]
    assert new, "the new question has a group"
    top = max(new, key=lambda g: g["count"])
    assert top["new"] and top["candidate"]
    assert top["previous"] == 0
    old = [g for g in result["groups"] if "пособие" in g["example"].lower()]
    assert old and not any(g["new"] for g in old)


def test_rising_and_falling_phrases(result):
    rising = " ".join(r["phrase"] for r in result["rising"])
    falling = " ".join(r["phrase"] for r in result["falling"])
    assert "проездн" in rising or "карт" in rising
    assert "мусор" in falling or "контейнер" in falling or "қоқыс" in falling
    for row in result["rising"]:
        assert row["share_pct"] > row["previous_share_pct"]
    for row in result["falling"]:
        assert row["share_pct"] < row["previous_share_pct"]


def test_faq_is_sorted_by_count(result):
    counts = [f["count"] for f in result["faq"]]
    assert counts and counts == sorted(counts, reverse=True)
    assert all(f["question"] for f in result["faq"])


def test_topic_groups_count_within_the_topic(result):
    assert "Дороги" in result["topic_groups"]
    ids = {g["id"] for g in result["groups"]}
    for items in result["topic_groups"].values():
        assert all(item["group"] in ids for item in items)
        counts = [item["count"] for item in items]
        assert counts == sorted(counts, reverse=True)


def test_duplicates_counted():
    texts = ["Нет света на улице Абая третий день подряд"] * 5 + [
        "нет света на улице абая третий день подряд!",  # exact after normalisation? no: '!' stays
        "Третий день подряд нет света на улице Абая",  # near: same words, other order
        "Прошу отремонтировать крышу дома, течет в подъезде",
        "Не работает лифт в подъезде дома по улице Мира",
    ]
    frame = pd.DataFrame({"row_id": range(1, len(texts) + 1), "request_id": None, "quarter": "2026-Q3",
                          "topic": "Свет", "region": None, "channel": None, "question": texts})
    dup = analyse_content(frame, Q3)["duplicates"]
    # the five copies name a place ("улице Абая"); the other wordings are requests of their own
    assert dup["repeated_groups"] == 1 and dup["repeated_requests"] == 4
    assert dup["requests_in_groups"] == 5 and dup["same_wording_no_place"] == 0


def test_no_twelve_digit_numbers_in_examples(frame):
    leaked = frame.copy()
    q3 = leaked.index[leaked["quarter"] == "2026-Q3"][:30]
    leaked.loc[q3, "question"] = "Мой ИИН 900101300123, " + leaked.loc[q3, "question"]
    out = analyse_content(leaked.drop(columns="truth"), Q3)
    shown = [g["example"] for g in out["groups"]] + [f["question"] for f in out["faq"]]
    shown += [i["example"] for items in out["topic_groups"].values() for i in items]
    assert not any(re.search(r"\d{12}", text) for text in shown)


def test_empty_and_textless_quarters():
    empty = pd.DataFrame(columns=["row_id", "request_id", "quarter", "topic", "region", "channel", "question"])
    out = analyse_content(empty, Q3)
    assert out["groups"] == [] and out["suggestions"] == [] and out["totals"]["requests"] == 0
    blank = pd.DataFrame({"row_id": [1, 2], "request_id": None, "quarter": "2026-Q3", "topic": None,
                          "region": None, "channel": None, "question": [None, "  "]})
    out = analyse_content(blank, Q3)
    assert out["totals"]["requests"] == 2 and out["groups"] == []


def test_cancel_stops_between_phases(frame):
    class Stop:
        def __init__(self):
            self.calls = 0

        def report(self, done, total, stage=""):
            pass

        def cancelled(self):
            self.calls += 1
            return self.calls > 2

    with pytest.raises(Cancelled):
        analyse_content(frame.drop(columns="truth"), Q3, progress=Stop())


def test_later_quarters_are_ignored(frame):
    later = frame.assign(quarter=np.where(frame["quarter"] == "2026-Q2", "2026-Q4", frame["quarter"]))
    out = analyse_content(later.drop(columns="truth"), Q3)
    assert out["baseline"] == []
    assert all(g["previous"] == 0 for g in out["groups"])


def test_repeated_requests_are_the_same_wording_about_the_same_place():
    frame = make_frame()
    q3 = Quarter.parse("2026-Q3")
    extra = [
        # the same short wording from five places: not a repeat
        *[{"question": "Мусор", "region": f"R{i}"} for i in range(5)],
        # the same street, different entrances: two different requests
        {"question": "Не горит свет, ул. Абая 12, подъезд 3", "region": "75"},
        {"question": "Не горит свет, ул. Абая 12, подъезд 5", "region": "75"},
        # the same wording about the same place three times: two repeats
        *[{"question": "Прорвало трубу во дворе, ул. Мира 7, кв. 12", "region": "75"} for _ in range(3)],
    ]
    rows = pd.DataFrame(extra).assign(quarter="2026-Q3", topic=None, truth=None, channel="phone",
                                      request_id=None)
    rows["row_id"] = np.arange(len(rows)) + frame["row_id"].max() + 1
    base = frame[~frame["question"].duplicated(keep=False)]  # the test's own rows only
    result = analyse_content(pd.concat([base, rows], ignore_index=True).drop(columns="truth"), q3)
    dup = result["duplicates"]
    assert dup["repeated_groups"] == 1
    assert dup["repeated_requests"] == 2
    assert dup["requests_in_groups"] == 3
    assert dup["same_wording_no_place"] == 0  # "Мусор" five times, but from five regions
