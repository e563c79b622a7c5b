"""The справка's charts rendered to PNG files from the analysis dict; the CLI and the GUI both call this."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kcdesk.charts.bars import (
    AXIS_EXTRA,
    GROUPED_ROW_PX,
    grouped_hbar_chart,
    hbar_chart,
    legend_px,
    preferred_height,
)
from kcdesk.charts.portrait import age_chart, gender_chart, social_chart
from kcdesk.charts.render import render_png
from kcdesk.core.model import needs_attention
from kcdesk.core.report import labels

WIDTH = 1200
MAP_HEIGHT = 780
MAP_FONT_PX = 23  # 23 px of 1200 printed 170 mm wide: 3.3 mm, 9.2 pt


def render_report_charts(analysis: dict[str, Any], lang: str, folder: Path) -> dict[str, Path]:
    """top10, regions, map, topics_compare (when there is a previous quarter), portrait_age/gender/social."""
    labels.check_lang(lang)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = labels.topic_names(analysis, lang)
    out: dict[str, Path] = {}

    axes = labels.CHART_AXES[lang]
    legends = labels.CHART_LEGENDS[lang]

    def save(key: str, widget, rows: int | None = None, height: int | None = None, legend: int = 0) -> None:
        h = (height or preferred_height(rows or 1, axis=True)) + (legend_px(legend) if legend else 0)
        out[key] = render_png(widget, folder / f"{key}_{lang}.png", WIDTH, h)
        widget.close()
        widget.deleteLater()

    top = (analysis.get("top10") or {}).get("all") or []
    if top:
        flagged = {t["topic"] for t in analysis.get("by_topic", []) if needs_attention(t)}
        save("top10", hbar_chart([f"{i['rank']}. {names.get(i['topic'], i['topic'])}" for i in top],
                                 [int(i["count"]) for i in top],
                                 highlight=[k for k, i in enumerate(top) if i["topic"] in flagged],
                                 x_label=axes["top10"][0], y_label=axes["top10"][1],
                                 legend=(legends["flagged"], legends["other"])), len(top),
             legend=2 if flagged & {i["topic"] for i in top} else 0)
    regions = [r for r in analysis.get("by_region", []) if r.get("region") != "unknown" or r.get("count")]
    # "регион не указан" last, as in the Appendix, not in its place by count.
    regions = [r for r in regions if r.get("region") != "unknown"] + [r for r in regions if r.get("region") == "unknown"]
    if regions:
        # One line per region (name left of its bar): 21 rows stay legible at the printed size.
        save("regions", hbar_chart([labels.region_name(r.get("region"), lang) for r in regions],
                                   [int(r.get("count") or 0) for r in regions], inline=True,
                                   x_label=axes["regions"][0], y_label=axes["regions"][1]),
             height=preferred_height(len(regions), inline=True, axis=True))
    if regions:
        _map(analysis, lang, folder, out)
    total = analysis.get("total") or {}
    # Compared with the quarter the +30 % rule used (the project's basis): previous, or a year ago.
    base = "year_ago" if (analysis.get("comparison") or {}).get("basis") == "year_ago" else "previous"
    if total.get(base) is not None and top:
        by_topic = {t["topic"]: t for t in analysis.get("by_topic", [])}
        items = [by_topic[i["topic"]] for i in top if i["topic"] in by_topic]
        # Every flagged and every new topic is compared too, not only the top 10.
        items += [t for t in analysis.get("by_topic", []) if needs_attention(t) and t not in items]
        save("topics_compare", grouped_hbar_chart(
            [names.get(t["topic"], t["topic"]) for t in items], [t.get(base) for t in items],
            [int(t.get("count") or 0) for t in items], (legends[base], legends["current"]),
            x_label=axes["topics_compare"][0], y_label=axes["topics_compare"][1],
            highlight=[k for k, t in enumerate(items) if needs_attention(t)], highlight_legend=legends["flagged"]),
            height=len(items) * GROUPED_ROW_PX + 60 + AXIS_EXTRA, legend=3)
    portrait = analysis.get("portrait") or {}
    if portrait.get("age"):
        save("portrait_age", age_chart(portrait["age"], lang), len(portrait["age"]))
    if portrait.get("gender"):
        save("portrait_gender", gender_chart(portrait["gender"], lang), 3)
    if portrait.get("social_status"):
        save("portrait_social", social_chart(portrait["social_status"], lang), 10)
    return out


def _map(analysis: dict[str, Any], lang: str, folder: Path, out: dict[str, Path]) -> None:
    """The map of the 20 units coloured by count, with the unresolved regions' count beside it."""
    from kcdesk.charts.map import render_map_png
    from kcdesk.charts.map_bins import map_data

    values, unknown, details = map_data(analysis["by_region"], "count", lang)
    path = folder / f"map_{lang}.png"
    # Printed across the text width (MAP_WIDTH_MM of docx_builder): MAP_FONT_PX is then over 8 pt.
    render_map_png(values, path, lang, by="count", unknown_count=unknown, details=details,
                   width=WIDTH, height=MAP_HEIGHT, font_px=MAP_FONT_PX, numbered=True)
    out["map"] = path
