"""Messy exports → `kcdesk import` → `kcdesk analyze --json`: every figure checked against the truth."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from kcdesk.cli.main import main
from kcdesk.core.quarters import Quarter
from tests.helpers.exports import make_truth, write_exports

QUARTER = Quarter.parse("2026-Q3")


def _quarter_of(moments: pd.Series) -> pd.Series:
    return moments.map(lambda m: str(Quarter.of(m.date())))


def _band(age: float | None) -> str:
    if age is None or (isinstance(age, float) and math.isnan(age)):
        return "unknown"
    age = int(age)
    if age < 18:
        return "under_18"
    if age > 90:
        return "over_90"
    for low, high in ((18, 30), (31, 40), (41, 50), (51, 60), (61, 70), (71, 80), (81, 90)):
        if low <= age <= high:
            return f"{low}-{high}"
    raise AssertionError(age)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("e2e")
    written = write_exports(make_truth(), folder / "exports")
    project = folder / "test.kcdesk"
    assert main(["import", str(project), *map(str, written.paths)]) == 0
    out = folder / "analysis.json"
    assert main(["analyze", str(project), "--quarter", str(QUARTER), "--json", str(out)]) == 0
    expected = written.expected.assign(quarter=_quarter_of(written.expected["registered"]))
    return json.loads(out.read_text(encoding="utf-8")), expected, written


def test_totals_and_comparison(imported):
    result, expected, _ = imported
    counts = expected["quarter"].value_counts()
    assert result["schema"] == "kcdesk.analysis/1"
    assert result["quarter"] == "2026-Q3"
    assert result["comparison"] == {"previous": "2026-Q2", "year_ago": "2025-Q3", "basis": "previous"}
    total = result["total"]
    assert total["count"] == counts["2026-Q3"]
    assert total["previous"] == counts["2026-Q2"]
    assert total["year_ago"] == counts["2025-Q3"]
    assert total["change_pct"] == round((counts["2026-Q3"] - counts["2026-Q2"]) / counts["2026-Q2"] * 100, 2)


def test_by_region_with_unknown(imported):
    result, expected, _ = imported
    region = expected["region"].fillna("unknown")
    now = region[expected["quarter"] == "2026-Q3"].value_counts()
    before = region[expected["quarter"] == "2026-Q2"].value_counts()
    got = {r["region"]: r for r in result["by_region"]}
    assert set(got) == set(now.index) | set(before.index)
    for code, row in got.items():
        assert row["count"] == now.get(code, 0), code
        assert row["previous"] == before.get(code, 0), code
    order = [(-r["count"], r["region"]) for r in result["by_region"]]
    assert order == sorted(order)


def test_by_topic_flags_and_canonical_names(imported):
    result, expected, _ = imported
    topic = expected["topic"].dropna().str.casefold()
    quarters = expected.loc[topic.index, "quarter"]
    now = topic[quarters == "2026-Q3"].value_counts()
    before = topic[quarters == "2026-Q2"].value_counts()
    got = {r["topic"].casefold(): r for r in result["by_topic"]}
    assert set(got) == set(now.index) | set(before.index)
    for name, row in got.items():
        count, previous = now.get(name, 0), before.get(name, 0)
        assert (row["count"], row["previous"]) == (count, previous), name
        pct = None if previous == 0 else round((count - previous) / previous * 100, 2)
        assert row["change_pct"] == pct
        assert row["flag_over_30"] == (pct is not None and pct > 30)
        assert row["new"] == (previous == 0 and count > 0)
    assert result["data_quality"]["unmapped_topic"] == int(expected.loc[expected["quarter"] == "2026-Q3", "topic"].isna().sum())


def test_top10_with_ties(imported):
    result, expected, _ = imported
    now = expected[(expected["quarter"] == "2026-Q3") & expected["topic"].notna()]
    counts = now["topic"].str.casefold().value_counts()
    ranks = counts.rank(method="min", ascending=False)
    want = {t for t in counts.index if ranks[t] <= 10}
    got = result["top10"]["all"]
    assert {r["topic"].casefold() for r in got} == want
    for row in got:
        assert row["count"] == counts[row["topic"].casefold()]
        assert row["rank"] == int(ranks[row["topic"].casefold()])


def test_portrait_sums_and_bands(imported):
    result, expected, _ = imported
    now = expected[expected["quarter"] == "2026-Q3"]
    total = result["total"]["count"]
    portrait = result["portrait"]
    for dimension in ("age", "gender", "social_status"):
        assert sum(portrait[dimension].values()) == total, dimension
    bands = now["age"].map(_band).value_counts()
    for band, n in portrait["age"].items():
        assert n == bands.get(band, 0), band
    genders = now["gender"].fillna("unknown").value_counts()
    assert portrait["gender"] == {g: int(genders.get(g, 0)) for g in ("female", "male", "unknown")}
    social = now["social"].fillna("unknown").value_counts()
    for status, n in portrait["social_status"].items():
        assert n == social.get(status, 0), status


def test_duplicates_and_quality(imported):
    result, expected, written = imported
    quality = result["data_quality"]
    dup_quarters = _quarter_of(written.duplicates["registered"])
    assert quality["duplicates"] == int((dup_quarters == "2026-Q3").sum())
    assert quality["rows_counted"] == result["total"]["count"]
    assert quality["rows_read"] == quality["rows_counted"] + quality["duplicates"]
    now = expected[expected["quarter"] == "2026-Q3"]
    assert quality["unmapped_region"] == int(now["region"].isna().sum())


def test_no_personal_data_in_project(imported, tmp_path_factory):
    _, _, written = imported
    project = written.paths[0].parent.parent / "test.kcdesk"
    data = project.read_bytes()
    for needle in ("900101300123", "87011234567", "701 123 45 67", "Иванов"):
        assert needle.encode("utf-8") not in data, needle


def test_reimport_counts_nothing_twice(imported, tmp_path: Path):
    result, _, written = imported
    project = written.paths[0].parent.parent / "test.kcdesk"
    copy = tmp_path / "copy.kcdesk"
    copy.write_bytes(project.read_bytes())
    assert main(["import", str(copy), str(written.paths[1])]) == 0
    out = tmp_path / "again.json"
    assert main(["analyze", str(copy), "--quarter", "2026-Q3", "--json", str(out)]) == 0
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["total"] == result["total"]
