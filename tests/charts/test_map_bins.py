"""Classes and colours of the region map (no Qt needed)."""

from __future__ import annotations

import pytest

from kcdesk.charts.map_bins import (
    CHANGE_BREAKS,
    LABELS,
    PUOR_7,
    VIRIDIS_LIGHT_TO_DARK,
    bin_labels,
    bin_values,
    format_number,
    missing_key,
    rates,
)
from kcdesk.core.errors import KcError


def _lightness(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b  # luminance: what a grey printer keeps


def test_count_bins_hold_their_values() -> None:
    values = {f"r{i}": float(v) for i, v in enumerate([1, 2, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987])}
    values["zero"] = 0
    values["none"] = None
    binning = bin_values(values, "count")
    assert 2 <= len(binning.bins) <= 5
    assert len(binning.colours) == len(binning.bins)
    for code, value in values.items():
        k = binning.assignment[code]
        if not value:
            assert k is None, code
            continue
        low, high = binning.bins[k]
        assert low <= value <= high, (code, value, binning.bins[k])
    # bins are ordered, do not overlap, and cover min..max
    for (_, high), (low, _) in zip(binning.bins, binning.bins[1:]):
        assert high < low
    assert binning.bins[0][0] == 1 and binning.bins[-1][1] == 987


def test_more_requests_darker_colour() -> None:
    values = {f"r{i}": float(v) for i, v in enumerate(range(10, 210, 10))}
    binning = bin_values(values, "count")
    shades = [_lightness(c) for c in binning.colours]
    assert shades == sorted(shades, reverse=True)
    assert _lightness(binning.colours[binning.assignment["r0"]]) > _lightness(binning.colours[binning.assignment["r19"]])


def test_few_distinct_values_one_class_each() -> None:
    binning = bin_values({"a": 3, "b": 7, "c": 7, "d": 0}, "count")
    assert binning.bins == [(3, 3), (7, 7)]
    assert binning.assignment == {"a": 0, "b": 1, "c": 1, "d": None}
    assert bin_labels(binning) == ["3", "7"]


def test_all_missing() -> None:
    binning = bin_values({"a": 0, "b": None}, "count")
    assert binning.bins == [] and binning.assignment == {"a": None, "b": None}


def test_change_is_diverging_and_centred_on_zero() -> None:
    values = {"down_big": -80.0, "down": -20.0, "flat": 0.0, "up_small": 5.0, "up30": 30.0, "up31": 31.0,
              "up_big": 200.0, "new": None}
    binning = bin_values(values, "change")
    middle = len(binning.colours) // 2
    assert binning.colours == list(PUOR_7)
    assert binning.assignment["flat"] == middle == binning.assignment["up_small"]
    # the middle class straddles 0 symmetrically
    low, high = binning.bins[middle]
    assert low == -high and low < 0 < high
    assert binning.assignment["down"] < middle < binning.assignment["up30"]
    # +30 % is not "more than 30 %" (§11), +31 % is
    assert binning.assignment["up30"] < binning.assignment["up31"]
    assert binning.assignment["down_big"] == 0 and binning.assignment["up_big"] == len(PUOR_7) - 1
    assert binning.assignment["new"] is None
    # lightest in the middle, darker towards both ends (readable in grey)
    shades = [_lightness(c) for c in binning.colours]
    assert max(shades) == shades[middle]
    assert shades[:middle + 1] == sorted(shades[:middle + 1])
    assert shades[middle:] == sorted(shades[middle:], reverse=True)
    assert len(binning.bins) == len(CHANGE_BREAKS) + 1
    assert bin_labels(binning)[middle] == "\u221210 … +10 %"


def test_viridis_palette_ordered_in_lightness() -> None:
    shades = [_lightness(c) for c in VIRIDIS_LIGHT_TO_DARK]
    assert shades == sorted(shades, reverse=True)


def test_rate_per_ten_thousand() -> None:
    values = rates({"a": 50, "b": 10, "c": 7, "d": 0}, {"a": 100_000, "b": 1_000_000, "d": 5000})
    assert values == {"a": 5.0, "b": 0.1, "c": None, "d": 0.0}
    binning = bin_values(values, "rate")
    assert binning.assignment["c"] is None and binning.assignment["d"] is None
    assert binning.assignment["a"] > binning.assignment["b"]
    assert bin_labels(binning) == ["0,10", "5,00"]


def test_unknown_measure() -> None:
    with pytest.raises(KcError) as error:
        bin_values({"a": 1}, "share")
    assert error.value.code == "map_bad_by"


def test_numbers_and_labels() -> None:
    assert format_number(1234567) == "1\u00a0234\u00a0567"
    assert format_number(-2.5, 1) == "\u22122,5"
    assert set(LABELS["kk"]) == set(LABELS["ru"])
    assert missing_key("change") == "no_comparison" and missing_key("count") == "no_requests"
    assert LABELS["kk"]["no_requests"] != LABELS["ru"]["no_requests"]


def test_map_data_from_region_counts() -> None:
    import pandas as pd

    from kcdesk.charts.map_bins import map_data

    table = pd.DataFrame({
        "region": ["astana", "almaty", "abai", "unknown"],
        "count": [120, 0, 7, 9],
        "previous": [100, 0, None, 4],
        "change_pct": [20.0, None, None, 125.0],
    })
    values, unknown, details = map_data(table, "count", "ru")
    assert values == {"astana": 120.0, "almaty": 0.0, "abai": 7.0}
    assert unknown == 9
    assert details["astana"].splitlines() == ["запросов: 120", "предыдущий квартал: 100", "изменение: +20,0 %"]
    assert details["abai"].splitlines() == ["запросов: 7"]
    changes, _, _ = map_data(table, "change", "kk")
    assert changes == {"astana": 20.0, "almaty": None, "abai": None}
    per, _, details = map_data(table, "rate", "kk", {"astana": 1_200_000})
    assert per == {"astana": 1.0, "almaty": None, "abai": None}
    assert details["astana"].splitlines()[-1] == "10 000 тұрғынға: 1,00"


def test_map_data_from_analysis_json_rows() -> None:
    from kcdesk.charts.map_bins import map_data

    rows = [{"region": "astana", "count": 5, "previous": None, "change_pct": None},
            {"region": "unknown", "count": 2, "previous": None, "change_pct": None}]
    values, unknown, details = map_data(rows, "count", "kk")
    assert values == {"astana": 5.0} and unknown == 2
    assert details["astana"] == "сұрау салулар: 5"
