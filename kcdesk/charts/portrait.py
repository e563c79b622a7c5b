"""The social portrait as charts: every age band (with the gaps), gender, social status, other dimensions."""

from __future__ import annotations

from kcdesk.charts.bars import hbar_chart
from kcdesk.core.report import labels

# The reference name of this category is too long for a chart line; the справка's text keeps it whole.
_SHORT_SOCIAL = {
    "ru": {"entrepreneur": "Индивидуальные предприниматели и лица частной практики"},
    "kk": {"entrepreneur": "Жеке кәсіпкерлер және жеке практикамен айналысатындар"},
}


def _value_text(values: list[int]) -> list[str]:
    total = sum(values)
    from kcdesk.core.report.numerals import NBSP, group

    # The same grouping as the text: "1 218 (50,8 %)" with non-breaking spaces.
    return [f"{group(v)} ({100.0 * v / total:.1f}{NBSP}%)".replace(".", ",") if total else group(v) for v in values]


def _axes(key: str, lang: str) -> dict[str, str]:
    x_label, y_label = labels.CHART_AXES[lang][key]
    return {"x_label": x_label, "y_label": y_label}


def age_chart(age: dict[str, int], lang: str, title: str = ""):
    """Bars in band order: under 18, 18-30 … 81-90, over 90, not stated — zeros shown."""
    pairs = labels.ordered(age, labels.AGE_ORDER)
    values = [int(v) for _, v in pairs]
    return hbar_chart([labels.age_label(k, lang) for k, _ in pairs], values, title, value_text=_value_text(values),
                      **_axes("portrait_age", lang))


def gender_chart(gender: dict[str, int], lang: str, title: str = ""):
    pairs = labels.ordered(gender, labels.GENDER_ORDER)
    values = [int(v) for _, v in pairs]
    return hbar_chart([labels.gender_label(k, lang) for k, _ in pairs], values, title, value_text=_value_text(values),
                      **_axes("portrait_gender", lang))


def social_chart(social: dict[str, int], lang: str, title: str = ""):
    pairs = labels.ordered(social, labels.SOCIAL_ORDER)
    values = [int(v) for _, v in pairs]
    return hbar_chart([_SHORT_SOCIAL[lang].get(k) or labels.social_label(k, lang) for k, _ in pairs], values, title,
                      value_text=_value_text(values), **_axes("portrait_social", lang))


def values_chart(counts: dict[str, int], lang: str, title: str = ""):
    """Marital status, education, occupation: values as in the data, largest first, 'not stated' last."""
    pairs = sorted(((k, int(v)) for k, v in counts.items() if k != "unknown"), key=lambda kv: (-kv[1], kv[0]))
    if "unknown" in counts:
        pairs.append(("unknown", int(counts["unknown"])))
    values = [v for _, v in pairs]
    return hbar_chart([labels.value_label(k, lang) for k, _ in pairs], values, title, value_text=_value_text(values))
