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
        charts = render_report_charts(analysis, lang, tmp_path / lang)
        assert set(charts) == {"top10", "regions", "map", "topics_compare", "portrait_age",
                               "portrait_gender", "portrait_social"}
        for path in charts.values():
            width, height = png_size(path)
            assert width == 1200 and height >= 200, path
    no_prev = render_report_charts(make_analysis(with_previous=False), "ru", tmp_path / "np")
    assert "topics_compare" not in no_prev
