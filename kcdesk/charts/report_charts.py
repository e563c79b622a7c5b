"""The справка's charts rendered to PNG files from the analysis dict; the CLI and the GUI both call this."""

from __future__ import annotations

from pathlib import Path

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
from kcdesk.core.model import Analysis
from kcdesk.core.report import labels

WIDTH = 1200
MAP_HEIGHT = 780
MAP_FONT_PX = 23  # 23 px of 1200 printed 170 mm wide: 3.3 mm, 9.2 pt


def render_report_charts(analysis: Analysis, lang: str, folder: Path) -> dict[str, Path]:
    """top10, regions, map, topics_compare (when there is a previous quarter), portrait_age/gender/social."""
    labels.check_lang(lang)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = analysis.topic_names(lang)
    out: dict[str, Path] = {}

    axes = labels.CHART_AXES[lang]
    legends = labels.CHART_LEGENDS[lang]

    def save(key: str, widget, rows: int | None = None, height: int | None = None, legend: int = 0) -> None:
        h = (height or preferred_height(rows or 1, axis=True)) + (legend_px(legend) if legend else 0)
        out[key] = render_png(widget, folder / f"{key}_{lang}.png", WIDTH, h)
        widget.close()
        widget.deleteLater()

    top = analysis.top10.all
    attention = analysis.attention
    if top:
        flagged = {t.topic for t in attention}
        save("top10", hbar_chart([f"{i.rank}. {names.get(i.topic, i.topic)}" for i in top],
                                 [i.count for i in top],
                                 highlight=[k for k, i in enumerate(top) if i.topic in flagged],
                                 x_label=axes["top10"][0], y_label=axes["top10"][1],
                                 legend=(legends["flagged"], legends["other"])), len(top),
             legend=2 if flagged & {i.topic for i in top} else 0)
    regions = [r for r in analysis.by_region if r.known or r.count]
    # "регион не указан" last, as in the Appendix, not in its place by count.
    regions = [r for r in regions if r.known] + [r for r in regions if not r.known]
    if regions:
        # One line per region (name left of its bar): 21 rows stay legible at the printed size.
        save("regions", hbar_chart([labels.region_name(r.region, lang) for r in regions],
                                   [r.count for r in regions], inline=True,
                                   x_label=axes["regions"][0], y_label=axes["regions"][1]),
             height=preferred_height(len(regions), inline=True, axis=True))
    if regions:
        _map(analysis, lang, folder, out)
    # Compared with the quarter the +30 % rule used (the project's basis): previous, or a year ago.
    base = "year_ago" if analysis.comparison.basis == "year_ago" else "previous"
    if getattr(analysis.total, base) is not None and top:
        by_topic = {t.topic: t for t in analysis.by_topic}
        items = [by_topic[i.topic] for i in top if i.topic in by_topic]
        # Every flagged and every new topic is compared too, not only the top 10.
        items += [t for t in attention if t not in items]
        save("topics_compare", grouped_hbar_chart(
            [names.get(t.topic, t.topic) for t in items], [t.basis_count for t in items],
            [t.count for t in items], (legends[base], legends["current"]),
            x_label=axes["topics_compare"][0], y_label=axes["topics_compare"][1],
            highlight=[k for k, t in enumerate(items) if t.needs_attention], highlight_legend=legends["flagged"]),
            height=len(items) * GROUPED_ROW_PX + 60 + AXIS_EXTRA, legend=3)
    portrait = analysis.portrait
    if portrait.age:
        save("portrait_age", age_chart(portrait.age, lang), len(portrait.age))
    if portrait.gender:
        save("portrait_gender", gender_chart(portrait.gender, lang), 3)
    if portrait.social_status:
        save("portrait_social", social_chart(portrait.social_status, lang), 10)
    return out


def _map(analysis: Analysis, lang: str, folder: Path, out: dict[str, Path]) -> None:
    """The map of the 20 units coloured by count, with the unresolved regions' count beside it."""
    from kcdesk.charts.map import render_map_png
    from kcdesk.charts.map_bins import map_data

    values, unknown, details = map_data(analysis.by_region, "count", lang)
    path = folder / f"map_{lang}.png"
    # Printed across the text width (MAP_WIDTH_MM of docx_builder): MAP_FONT_PX is then over 8 pt.
    render_map_png(values, path, lang, by="count", unknown_count=unknown, details=details,
                   width=WIDTH, height=MAP_HEIGHT, font_px=MAP_FONT_PX, numbered=True)
    out["map"] = path
