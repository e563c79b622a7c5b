"""The social portrait as charts: every age band (with the gaps), gender, social status, other dimensions."""

from __future__ import annotations

from kcdesk.charts.bars import hbar_chart
from kcdesk.core.report import labels


def _value_text(values: list[int]) -> list[str]:
    total = sum(values)
    from kcdesk.core.report.numerals import NBSP, group

    # The same grouping as the text: "1 218 (50,8 %)" with non-breaking spaces.
    return [f"{group(v)} ({100.0 * v / total:.1f}{NBSP}%)".replace(".", ",") if total else group(v) for v in values]


def _axes(key: str, lang: str) -> dict[str, str]:
    x_label, y_label = labels.CHART_AXES[lang][key]
    return {"x_label": x_label, "y_label": y_label}


def _chart(kind: str, counts: dict[str, int], lang: str, title: str, axes: str | None = None):
    """Bars named and ordered as the app's table of the same dimension (labels.portrait_pairs/_label)."""
    pairs = labels.portrait_pairs(kind, counts)
    values = [v for _, v in pairs]
    return hbar_chart([labels.portrait_label(kind, k, lang) for k, _ in pairs], values, title,
                      value_text=_value_text(values), **(_axes(axes, lang) if axes else {}))


def age_chart(age: dict[str, int], lang: str, title: str = ""):
    """Bars in band order: under 18, 18-30 … 81-90, over 90, not stated — zeros shown."""
    return _chart("age", age, lang, title, "portrait_age")


def gender_chart(gender: dict[str, int], lang: str, title: str = ""):
    return _chart("gender", gender, lang, title, "portrait_gender")


def social_chart(social: dict[str, int], lang: str, title: str = ""):
    return _chart("social_status", social, lang, title, "portrait_social")


def values_chart(counts: dict[str, int], lang: str, title: str = "", kind: str = ""):
    """Marital status, education, occupation: values as in the data, largest first, 'not stated' last."""
    return _chart(kind, counts, lang, title)
