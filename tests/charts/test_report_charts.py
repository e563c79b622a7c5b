"""Charts: bundled font with Kazakh letters, bar labels, offscreen PNGs for the справка."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pyqtgraph as pg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "report"))
from sample_analysis import make_analysis  # noqa: E402

from kcdesk.charts.bars import MAX_LABEL, grouped_hbar_chart, hbar_chart  # noqa: E402
from kcdesk.charts.fonts import KAZAKH_LETTERS, chart_font, ensure_fonts  # noqa: E402
from kcdesk.charts.render import ensure_app, render_png  # noqa: E402
from kcdesk.charts.report_charts import render_report_charts  # noqa: E402
from kcdesk.core.model import Analysis  # noqa: E402


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def texts(widget) -> list[str]:
    return [item.toPlainText() for item in widget.getPlotItem().items if isinstance(item, pg.TextItem)]


def test_bundled_font_has_every_kazakh_letter():
    from PySide6.QtGui import QFontMetrics

    ensure_app()
    assert ensure_fonts() == "DejaVu Sans"
    metrics = QFontMetrics(chart_font(20))
    missing = [ch for ch in KAZAKH_LETTERS if not metrics.inFontUcs4(ord(ch))]
    assert missing == []


def test_hbar_labels_values_and_long_names():
    long = "Очень длинное название темы " * 10
    widget = hbar_chart(["Әлеуметтік көмек", long, "Нөл"], [12, 3, 0])
    labels = texts(widget)
    assert "Әлеуметтік көмек" in labels and "12" in labels and "3" in labels and "0" in labels
    cut = next(t for t in labels if t.startswith("Очень"))
    assert len(cut) == MAX_LABEL and cut.endswith("…")
    widget.close()


def test_grouped_bars_show_missing_previous_as_dash():
    widget = grouped_hbar_chart(["A", "B"], [None, 4], [5, 6], ("prev", "curr"))
    labels = texts(widget)
    assert "—" in labels and "4" in labels and "5" in labels and "6" in labels
    widget.close()


def test_render_png_size(tmp_path):
    widget = hbar_chart(["a"], [1])
    out = render_png(widget, tmp_path / "a.png", 640, 300)
    assert png_size(out) == (640, 300)
    widget.close()


def test_report_charts_for_both_languages(tmp_path):
    analysis = make_analysis()
    for lang in ("kk", "ru"):
        charts = render_report_charts(Analysis.from_json(analysis), lang, tmp_path / lang)
        assert set(charts) == {"top10", "regions", "map", "topics_compare", "portrait_age",
                               "portrait_gender", "portrait_social"}
        for path in charts.values():
            width, height = png_size(path)
            assert width == 1200 and height >= 200, path
    no_prev = render_report_charts(Analysis.from_json(make_analysis(with_previous=False)), "ru", tmp_path / "np")
    assert "topics_compare" not in no_prev


def _charts_seen(monkeypatch, lang: str, tmp_path: Path, analysis=None) -> dict[str, dict]:
    """Render the справка's charts, noting for each bar chart its axis labels, legend and bar colours."""
    import kcdesk.charts.report_charts as report_charts

    seen: dict[str, dict] = {}

    def spy(widget, path, width, height):
        plot = widget.getPlotItem()
        legends = [i for i in plot.getViewBox().childItems() if isinstance(i, pg.LegendItem)]
        legend = {}
        for item in legends:
            for sample, label in item.items:
                legend[label.text] = sample.item.opts["brush"].color().name()
        colours = set()
        for item in plot.items:
            if isinstance(item, pg.BarGraphItem):
                brushes = item.opts.get("brushes") or [item.opts.get("brush")]
                colours |= {pg.mkBrush(b).color().name() for b in brushes if b is not None}
        axes = {side: (plot.getAxis(side).labelText if plot.getAxis(side).isVisible() else None)
                for side in ("bottom", "left")}
        seen[Path(path).stem.rsplit("_", 1)[0]] = {"axes": axes, "legend": legend, "colours": colours,
                                                    "texts": texts(widget)}
        return render_png(widget, path, width, height)

    monkeypatch.setattr(report_charts, "render_png", spy)
    render_report_charts(Analysis.from_json(analysis or make_analysis()), lang, tmp_path / lang)
    return seen


def test_bar_charts_have_axis_labels_and_a_legend_for_every_colour(monkeypatch, tmp_path):
    from kcdesk.core.report import labels

    for lang in ("kk", "ru"):
        seen = _charts_seen(monkeypatch, lang, tmp_path)
        assert set(seen) == {"top10", "regions", "topics_compare", "portrait_age", "portrait_gender",
                             "portrait_social"}
        for key, chart in seen.items():
            x_label, y_label = labels.CHART_AXES[lang][key]
            assert chart["axes"] == {"bottom": x_label, "left": y_label}, (lang, key)
            if len(chart["colours"]) > 1:  # several colours: each one is named in the legend
                assert chart["colours"] <= set(chart["legend"].values()), (lang, key, chart)
        legends = labels.CHART_LEGENDS[lang]
        assert set(seen["top10"]["legend"]) == {legends["flagged"], legends["other"]}
        assert set(seen["topics_compare"]["legend"]) == {legends["previous"], legends["current"], legends["flagged"]}
    # The document's language only: no Russian axis word in the Kazakh charts.
    kk = _charts_seen(monkeypatch, "kk", tmp_path / "again")
    assert all("запрос" not in str(c["axes"]) for c in kk.values())


def test_comparison_chart_holds_every_flagged_and_new_topic(monkeypatch, tmp_path):

    analysis = make_analysis()
    attention = [t for t in analysis["by_topic"] if t.get("new") or (t.get("change_pct") or 0) > 30]
    top = {r["topic"] for r in analysis["top10"]["all"]}
    assert any(t["topic"] not in top for t in attention)  # the sample has flagged topics beyond the top 10
    names = Analysis.from_json(analysis).topic_names("ru")
    shown = _charts_seen(monkeypatch, "ru", tmp_path, analysis)["topics_compare"]["texts"]
    for topic in attention:
        assert names.get(topic["topic"], topic["topic"])[:20] in " ".join(shown), topic["topic"]


def test_grouped_chart_groups_thousands_like_the_text():
    widget = grouped_hbar_chart(["A"], [12345], [1234567], ("prev", "curr"))
    shown = [t.replace("\u00a0", " ") for t in texts(widget)]  # Qt's plain text turns NBSP into a space
    assert "12 345" in shown and "1 234 567" in shown
    widget.close()


def test_printed_map_labels_every_unit_at_8_pt_without_overlap(tmp_path):
    """The map in the справка: each of the 20 units carries its number (nothing dropped, no two
    overlapping), in a font that prints at 8 pt or more at the size the document gives the map."""
    from docx import Document

    from kcdesk.charts.map import render_map_png
    from kcdesk.charts.map_bins import map_data
    from kcdesk.charts.map_geo import painter_paths
    from kcdesk.charts.report_charts import MAP_FONT_PX, MAP_HEIGHT, WIDTH
    from kcdesk.core.report.docx_builder import ReportInput, build_report

    analysis = make_analysis()
    values, unknown, details = map_data(analysis["by_region"], "count", "kk")
    placed: dict = {}
    path = render_map_png(values, tmp_path / "map.png", "kk", unknown_count=unknown, details=details, width=WIDTH,
                          height=MAP_HEIGHT, font_px=MAP_FONT_PX, numbered=True, placed=placed) and tmp_path / "map.png"
    assert set(placed) == set(painter_paths())
    rects = list(placed.values())
    for i, (x, y, w, h) in enumerate(rects):
        assert h >= MAP_FONT_PX
        for (x2, y2, w2, h2) in rects[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, "numbers overlap"
    doc = Document(str(build_report(ReportInput(Analysis.from_json(analysis), {}, charts={"map": path}), tmp_path / "m.docx", "kk")))
    shape = doc.inline_shapes[0]
    printed_mm = shape.width / 36000  # EMU
    font_mm = MAP_FONT_PX * printed_mm / png_size(path)[0]
    assert font_mm / 0.3528 >= 8.0, font_mm / 0.3528


def test_comparison_chart_follows_the_basis(monkeypatch, tmp_path):
    """With the year-ago basis the chart compares with the same quarter a year earlier, says so in its
    legend and caption, and marks the topics the rule flagged against it."""
    from docx import Document

    from kcdesk.core.report import labels
    from kcdesk.core.report.docx_builder import ReportInput, build_report

    analysis = make_analysis(with_year_ago=True)
    analysis["comparison"]["basis"] = "year_ago"
    for k, t in enumerate(analysis["by_topic"]):
        t["year_ago"] = 1000 + k  # nothing grew against a year ago
        t["basis"], t["flag_over_30"], t["new"] = "year_ago", False, False
    seen = _charts_seen(monkeypatch, "kk", tmp_path, analysis)["topics_compare"]
    legends = labels.CHART_LEGENDS["kk"]
    assert set(seen["legend"]) == {legends["year_ago"], legends["current"]}
    assert "1\u00a0000".replace("\u00a0", " ") in [t.replace("\u00a0", " ") for t in seen["texts"]]
    charts = render_report_charts(Analysis.from_json(analysis), "kk", tmp_path / "docx")
    doc = Document(str(build_report(ReportInput(Analysis.from_json(analysis), {}, charts={"topics_compare": charts["topics_compare"]}),
                                    tmp_path / "c.docx", "kk")))
    assert any(labels.CHART_CAPTIONS["kk"]["topics_compare_year"] in p.text for p in doc.paragraphs)
