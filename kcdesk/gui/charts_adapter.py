"""The GUI's charts, built with kcdesk.charts in the UI language (one small adapter, easy to swap)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from kcdesk.charts.bars import hbar_chart
from kcdesk.charts.fonts import ensure_fonts
from kcdesk.core.model import Analysis, RankRow
from kcdesk.gui import formatting, lang


def _rows(widget: QWidget, rows: int) -> QWidget:
    """ChartView draws the chart as high as the справка's charts: by its number of bars."""
    widget.rows = max(1, rows)
    return widget


def region_bars(analysis: Analysis) -> QWidget:
    ensure_fonts()
    items = [r for r in analysis.by_region if r.known or r.count]
    return _rows(hbar_chart([formatting.region(r.region) for r in items], [r.count for r in items]), len(items))


def top10_bars(items: Sequence[RankRow], names: dict[str, str], flagged: set[str]) -> QWidget:
    ensure_fonts()
    return _rows(hbar_chart([f"{i.rank}. {names.get(i.topic, i.topic)}" for i in items],
                            [i.count for i in items],
                            highlight=[k for k, i in enumerate(items) if i.topic in flagged]), len(items))


def portrait_chart(kind: str, counts: dict[str, int]) -> QWidget:
    from kcdesk.charts import portrait

    ensure_fonts()
    make = {"age": portrait.age_chart, "gender": portrait.gender_chart, "social_status": portrait.social_chart}
    rows = {"gender": 3, "social_status": 10}.get(kind, len(counts))
    if kind in make:
        return _rows(make[kind](counts, lang.current()), rows)
    return _rows(portrait.values_chart(counts, lang.current(), kind=kind), rows)
