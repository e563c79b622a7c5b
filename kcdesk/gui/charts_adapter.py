"""The GUI's charts, built with kcdesk.charts in the UI language (one small adapter, easy to swap)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kcdesk.charts.bars import hbar_chart
from kcdesk.charts.fonts import ensure_fonts
from kcdesk.gui import formatting, lang


def _rows(widget: QWidget, rows: int) -> QWidget:
    """ChartView draws the chart as high as the справка's charts: by its number of bars."""
    widget.rows = max(1, rows)
    return widget


def region_bars(analysis: dict[str, Any]) -> QWidget:
    ensure_fonts()
    items = [r for r in analysis.get("by_region") or [] if r.get("region") != "unknown" or r.get("count")]
    return _rows(hbar_chart([formatting.region(r.get("region")) for r in items],
                            [int(r.get("count") or 0) for r in items]), len(items))


def top10_bars(items: list[dict[str, Any]], names: dict[str, str], flagged: set[str]) -> QWidget:
    ensure_fonts()
    return _rows(hbar_chart([f"{i['rank']}. {names.get(i['topic'], i['topic'])}" for i in items],
                            [int(i["count"]) for i in items],
                            highlight=[k for k, i in enumerate(items) if i["topic"] in flagged]), len(items))


def portrait_chart(kind: str, counts: dict[str, int]) -> QWidget:
    from kcdesk.charts import portrait

    ensure_fonts()
    make = {"age": portrait.age_chart, "gender": portrait.gender_chart,
            "social_status": portrait.social_chart}.get(kind, portrait.values_chart)
    rows = {"gender": 3, "social_status": 10}.get(kind, len(counts))
    return _rows(make(counts, lang.current()), rows)
