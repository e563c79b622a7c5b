"""The demo's generated requests: valid IINs, the designed edge cases, seasonality, determinism."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.demo.generate import QUARTERS, REGION_WEIGHTS, generate_requests
from kcdesk.core.demo.people import make_iins
from kcdesk.core.demo.topics import TOPICS


@pytest.fixture(scope="module")
def requests() -> pd.DataFrame:
    return generate_requests(2026)


def _counts(requests: pd.DataFrame) -> pd.DataFrame:
    """Requests per topic (columns) and quarter (rows) as the analysis will count them."""
    kept = requests[~requests["topic_blank"]]
    return kept.groupby(["quarter", "topic"]).size().unstack(fill_value=0)


def _iin_ok(iin: str) -> bool:
    """The check digit, computed here independently of the generator."""
    digits = [int(c) for c in iin]
    check = sum(d * w for d, w in zip(digits[:11], range(1, 12), strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits[:11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], strict=True)) % 11
    return check != 10 and check == digits[11]


def test_quarters_and_volumes(requests):
    assert [str(q) for q in QUARTERS] == ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4",
                                          "2026-Q1", "2026-Q2", "2026-Q3"]
    sizes = requests.groupby("quarter").size()
    assert list(sizes.index) == [str(q) for q in QUARTERS]
    assert sizes.between(2000, 3200).all(), sizes
    # Registration dates fall inside their quarter.
    for quarter in QUARTERS:
        mine = requests.loc[requests["quarter"] == str(quarter), "registered"]
        assert mine.min() >= pd.Timestamp(quarter.first_day)
        assert mine.max() < pd.Timestamp(quarter.next().first_day)
    assert (requests["processed"] >= requests["registered"]).all()
    assert requests["processed"].max() < pd.Timestamp(QUARTERS[-1].next().first_day)


def test_same_seed_same_data_other_seed_other_data(requests):
    again = generate_requests(2026)
    pd.testing.assert_frame_equal(requests, again)
    other = generate_requests(7)
    assert not requests["iin"].head(200).equals(other["iin"].head(200))


def test_iins_are_valid_and_match_birth_date_and_gender(requests):
    sample = requests.sample(3000, random_state=0)
    assert all(_iin_ok(i) for i in sample["iin"])
    assert (sample["iin"].str[:6] == sample["birth_date"].dt.strftime("%y%m%d")).all()
    seventh = sample["iin"].str[6].astype(int)
    born_2000s = sample["birth_date"].dt.year >= 2000
    assert (seventh == np.where(born_2000s, 5, 3) + sample["female"].astype(int)).all()
    assert requests["iin"].str.fullmatch(r"\d{12}").all()


def test_iin_serial_bumped_when_no_check_digit_exists():
    # Many IINs for one birth date: some serials have no valid check digit and must be skipped.
    birth = pd.Series(pd.to_datetime(["1985-03-07"] * 5000))
    iins = make_iins(birth, np.zeros(5000, dtype=bool), np.random.default_rng(3))
    assert all(_iin_ok(i) for i in iins)


def test_edge_case_topics(requests):
    counts = _counts(requests)
    last, previous = str(QUARTERS[-1]), str(QUARTERS[-2])
    # Small counts for the caution rule: 3 → 4 is +33 %.
    assert (counts.loc[previous, "military"], counts.loc[last, "military"]) == (3, 4)
    # Exactly one topic new in the last quarter, one that falls to zero.
    new = [t for t in counts.columns if counts.loc[last, t] > 0 and counts.loc[previous, t] == 0]
    assert new == ["zhaily_mektep"]
    assert counts.loc[[str(q) for q in QUARTERS[:-1]], "zhaily_mektep"].sum() == 0
    assert counts.loc[previous, "flood"] > 0 and counts.loc[last, "flood"] == 0


def test_jumps_over_30_percent_are_the_designed_ones(requests):
    counts = _counts(requests)
    last, previous = counts.loc[str(QUARTERS[-1])], counts.loc[str(QUARTERS[-2])]
    change = (last - previous) / previous.replace(0, np.nan)
    flagged = set(change[change > 0.30].index)
    assert flagged == {"water", "egov", "school_places", "military"}
    # The water jump comes from the southern regions over WhatsApp (the drivers the analysis shows).
    water = requests[(requests["topic"] == "water") & requests["extra"]]
    assert set(water["region"]) == {"turkistan", "kyzylorda", "zhambyl"}
    assert set(water["channel"]) == {"WhatsApp"}


def test_seasonality_year_on_year(requests):
    counts = _counts(requests)
    for year in (2025, 2026):
        assert counts.loc[f"{year}-Q1", "heating"] > 2 * counts.loc[f"{year}-Q2", "heating"]
        assert counts.loc[f"{year}-Q2", "roads"] > 1.5 * counts.loc[f"{year}-Q1", "roads"]
        assert counts.loc[f"{year}-Q3", "school_places"] > 1.3 * counts.loc[f"{year}-Q2", "school_places"]
    assert counts.loc["2024-Q4", "heating"] > 2 * counts.loc["2025-Q3", "heating"]


def test_regions_weighted_and_all_present(requests):
    for _, quarter in requests.groupby("quarter"):
        assert set(quarter["region"]) == set(REGION_WEIGHTS)
    per_region = requests["region"].value_counts()
    for big in ("almaty", "astana", "shymkent", "turkistan"):
        assert per_region[big] > 3 * per_region["ulytau"]
    unknown = requests["region_unknown"] != ""
    assert 0.005 < unknown.mean() < 0.03
    assert {"Москва", "не указан"} <= set(requests.loc[unknown, "region_unknown"])


def test_new_questions_only_in_the_last_quarter(requests):
    marker = "цифровой паспорт"
    has = requests["question_ru"].str.contains(marker)
    assert has.any()
    assert set(requests.loc[has, "quarter"]) == {str(QUARTERS[-1])}
    tariff = requests["question_ru"].str.contains("новый тариф")
    assert tariff.sum() >= 10 and set(requests.loc[tariff, "quarter"]) == {str(QUARTERS[-1])}


def test_templates_filled_and_catalogue_size(requests):
    assert 22 <= len(TOPICS) <= 30
    assert len({t.ru for t in TOPICS}) == len(TOPICS)
    assert not requests["question_ru"].str.contains(r"[{}]").any()
    assert not requests["question_kk"].str.contains(r"[{}]").any()
    assert (requests["question_ru"] != "").all()
    # Slots make groups: a template yields several distinct texts, not one.
    roads = requests.loc[requests["topic"] == "roads", "question_ru"]
    assert roads.nunique() > 10


def test_sources_duplicates_and_social_portrait(requests):
    assert set(requests["source"]) == {"calls", "eotinish", "messengers"}
    assert requests["request_id"].is_unique
    dup = requests["also_in_eotinish"]
    assert dup.sum() > 50 and set(requests.loc[dup, "source"]) == {"calls"}
    old = requests["age"] >= 70
    assert (requests.loc[old, "social_status"] == "pensioner").mean() > 0.6
    assert (requests["age"] < 18).any() and (requests["age"] > 90).any()
    assert 0.5 < requests["female"].mean() < 0.65
