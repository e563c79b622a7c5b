"""Classes and colours of the region map, and its labels in kk/ru (no Qt: testable anywhere)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any, NamedTuple

BY = ("count", "change", "rate")
MAX_CLASSES = 5

# Sequential: viridis sampled from light to dark, so "darker = more" holds in grey print and
# for colour-blind readers (viridis is perceptually uniform and CVD-safe).
VIRIDIS_LIGHT_TO_DARK = ("#fde725", "#90d743", "#35b779", "#21918c", "#31688e", "#443983", "#440154")
# Diverging: ColorBrewer PuOr-7 (colour-blind safe); decline purple, growth orange, light middle.
PUOR_7 = ("#542788", "#998ec3", "#d8daeb", "#f7f7f7", "#fee0b6", "#f1a340", "#b35806")
# Breaks of the change scale, in %; +30 is the Methodology's §11 threshold (a rise of more than 30 %).
CHANGE_BREAKS = (-50.0, -30.0, -10.0, 10.0, 30.0, 50.0)
# Units without a class ("no requests" / "no comparison"): light grey under a hatch.
MISSING_COLOUR = "#e6e6e6"
MISSING_HATCH = "#8c8c8c"

CREDIT = "geokz, Alexander Rodionov, CC BY 4.0"

# Every user-visible word of the map, per language (the GUI may pass its own translated texts).
LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "count": "Сұрау салулар саны",
        "change": "Алдыңғы тоқсанмен салыстырғанда өзгеріс, %",
        "rate": "10 000 тұрғынға шаққандағы сұрау салулар",
        "no_requests": "сұрау салу жоқ",
        "no_comparison": "салыстыруға дерек жоқ",
        "no_population": "халық саны енгізілмеген",
        "unknown": "Өңірі анықталмаған сұрау салулар: {count} (картада көрсетілмеген)",
        "credit": "Картографиялық негіз: " + CREDIT,
        "requests": "сұрау салулар",
        "previous": "алдыңғы тоқсан",
        "change_short": "өзгеріс",
        "rate_short": "10 000 тұрғынға",
        "quarter": "{year} жылғы {number}-тоқсан",
    },
    "ru": {
        "count": "Количество запросов",
        "change": "Изменение к предыдущему кварталу, %",
        "rate": "Запросов на 10 000 жителей",
        "no_requests": "нет запросов",
        "no_comparison": "нет данных для сравнения",
        "no_population": "численность населения не введена",
        "unknown": "Запросы с неустановленным регионом: {count} (на карте не показаны)",
        "credit": "Картографическая основа: " + CREDIT,
        "requests": "запросов",
        "previous": "предыдущий квартал",
        "change_short": "изменение",
        "rate_short": "на 10 000 жителей",
        "quarter": "{number} квартал {year} г.",
    },
}


def label(lang: str, key: str, **params: object) -> str:
    table = LABELS.get(lang, LABELS["ru"])
    return table[key].format(**params) if params else table[key]


class Binning(NamedTuple):
    """bins: (low, high) per class, as shown in the legend; colours: one per class;
    assignment: region code -> class index, or None when the unit has no class (drawn as missing)."""

    bins: list[tuple[float, float]]
    colours: list[str]
    assignment: dict[str, int | None]
    by: str
    integer: bool  # counts: bins are inclusive integer ranges


def _nice(value: float) -> float:
    """Two significant digits: breaks a reader can take in (1 234 -> 1 200, 0.467 -> 0.47)."""
    if value <= 0:
        return value
    digits = 1 - int(math.floor(math.log10(value)))
    return round(value, digits)


def _sequential_breaks(positive: list[float], integer: bool) -> list[float]:
    """Lower bounds of classes 1..k-1 from quantiles of the positive values, rounded, deduplicated."""
    distinct = sorted(set(positive))
    k = min(MAX_CLASSES, len(distinct))
    if k <= 1:
        return []
    if len(distinct) <= MAX_CLASSES:
        return distinct[1:]  # one class per value
    ordered = sorted(positive)
    breaks: list[float] = []
    for i in range(1, k):
        position = i * (len(ordered) - 1) / k
        raw = ordered[int(math.ceil(position))]
        nice = _nice(raw)
        if integer:
            nice = max(1.0, float(round(nice)))
        if nice > ordered[0] and (not breaks or nice > breaks[-1]) and nice <= ordered[-1]:
            breaks.append(nice)
    return breaks


def _sample(palette: tuple[str, ...], k: int) -> list[str]:
    """k colours spread over the palette, light to dark."""
    if k == 1:
        return [palette[len(palette) // 2]]
    return [palette[round(i * (len(palette) - 1) / (k - 1))] for i in range(k)]


def bin_values(values: Mapping[str, float | None], by: str = "count") -> Binning:
    """Classes for a choropleth: quantile-based nice bins (count, rate) or fixed % bins around 0 (change).

    For count and rate a value of 0 or None means "no requests" (None for rate: no population figure);
    for change None means there is nothing to compare with.
    """
    if by not in BY:
        from kcdesk.core.errors import KcError

        raise KcError("map_bad_by", value=by)
    if by == "change":
        assignment: dict[str, int | None] = {
            code: None if v is None or not math.isfinite(v) else bisect_left(CHANGE_BREAKS, v)
            for code, v in values.items()
        }
        edges = (-math.inf, *CHANGE_BREAKS, math.inf)
        return Binning(list(zip(edges[:-1], edges[1:])), list(PUOR_7), assignment, by, False)
    integer = by == "count"
    positive = [float(v) for v in values.values() if v is not None and math.isfinite(v) and v > 0]
    breaks = _sequential_breaks(positive, integer)
    assignment = {
        code: None if v is None or not math.isfinite(v) or v <= 0 else bisect_right(breaks, v)
        for code, v in values.items()
    }
    if not positive:
        return Binning([], [], assignment, by, integer)
    if len(set(positive)) <= MAX_CLASSES:  # one class per distinct value
        bins = [(v, v) for v in sorted(set(positive))]
    else:
        lows = [min(positive), *breaks]
        highs = [b - 1 if integer else b for b in breaks] + [max(positive)]
        bins = list(zip(lows, highs))
    return Binning(bins, _sample(VIRIDIS_LIGHT_TO_DARK, len(bins)), assignment, by, integer)


def missing_key(by: str) -> str:
    """The legend entry of units without a class."""
    return "no_comparison" if by == "change" else "no_requests"


def format_number(value: float, decimals: int = 0) -> str:
    """Kazakh and Russian style alike: thousands separated by a space, a decimal comma."""
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "\u2212")


def bin_labels(binning: Binning) -> list[str]:
    """The legend's text per class: "1–24", "25–99" for counts; "+10…+30 %" for change."""
    if binning.by == "change":
        out = []
        for low, high in binning.bins:
            if math.isinf(low):
                out.append(f"≤ {_pct(high)}")
            elif math.isinf(high):
                out.append(f"> {_pct(low)}")
            else:
                out.append(f"{_pct(low, unit=False)} … {_pct(high)}")
        return out
    top = max((high for _, high in binning.bins), default=0)
    decimals = 0 if binning.integer else (1 if top >= 10 else 2)
    return [
        format_number(low, decimals) if low == high else f"{format_number(low, decimals)}–{format_number(high, decimals)}"
        for low, high in binning.bins
    ]


def _pct(value: float, unit: bool = True) -> str:
    sign = "+" if value > 0 else ""
    return f"{sign}{format_number(value)}" + (" %" if unit else "")


def rates(counts: Mapping[str, float | None], population: Mapping[str, int | None]) -> dict[str, float | None]:
    """Requests per 10 000 residents; None where the population is unknown or not positive."""
    out: dict[str, float | None] = {}
    for code, count in counts.items():
        people = population.get(code)
        out[code] = None if not people or people <= 0 or count is None else float(count) * 10_000 / people
    return out


def map_data(table: Any, by: str, lang: str, population: Mapping[str, int | None] | None = None,
             ) -> tuple[dict[str, float | None], int, dict[str, str]]:
    """From `region_counts()` (region, count, previous, change_pct; an "unknown" row) — or the
    analysis's by_region rows (RegionRow, or their JSON) — to the map's values, the count of requests
    with no region, and the tooltip figures per region."""
    records = table.to_dict("records") if hasattr(table, "to_dict") else [_record(r) for r in table]
    rows = {r["region"]: r for r in records}
    unknown = int(rows.pop("unknown", {}).get("count") or 0)
    counts = {code: _number(r.get("count")) for code, r in rows.items()}
    if by == "change":
        values = {code: _number(r.get("change_pct")) for code, r in rows.items()}
    elif by == "rate":
        values = rates(counts, population or {})
    else:
        values = counts
    per_rate = rates(counts, population or {}) if population else {}
    details: dict[str, str] = {}
    for code, r in rows.items():
        lines = [f"{label(lang, 'requests')}: {format_number(counts[code] or 0)}"]
        previous = _number(r.get("previous"))
        if previous is not None:
            lines.append(f"{label(lang, 'previous')}: {format_number(previous)}")
        change = _number(r.get("change_pct"))
        if change is not None:
            lines.append(f"{label(lang, 'change_short')}: {'+' if change > 0 else ''}{format_number(change, 1)} %")
        if per_rate.get(code) is not None:
            lines.append(f"{label(lang, 'rate_short')}: {format_number(per_rate[code], 2)}")
        details[code] = "\n".join(lines)
    return values, unknown, details


def _record(row: Any) -> Mapping[str, Any]:
    """A by_region row as a mapping: a typed RegionRow by its fields, a JSON row as it is."""
    return row if isinstance(row, Mapping) else vars(row)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
