"""The region map: projection, the offscreen PNG's colours, the widget's hover and click."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage

from kcdesk.charts.map import MapWidget, render_map_png, short_name, unit_name
from kcdesk.charts.map_bins import MISSING_COLOUR, bin_values
from kcdesk.charts.map_geo import CITIES, geometry, painter_paths

CODES = [
    "abai", "akmola", "aktobe", "almaty_region", "atyrau", "west_kazakhstan", "zhambyl", "zhetisu", "karaganda",
    "kostanay", "kyzylorda", "mangystau", "pavlodar", "north_kazakhstan", "turkistan", "ulytau",
    "east_kazakhstan", "astana", "almaty", "shymkent",
]


def _values() -> dict[str, float | None]:
    values: dict[str, float | None] = {code: float(10 * (i + 1)) for i, code in enumerate(CODES)}
    values["astana"] = 5000.0  # the darkest class
    values["almaty_region"] = 1.0  # the lightest class
    values["ulytau"] = 0.0  # no requests
    values.pop("pavlodar")  # missing from the data altogether
    return values


def test_all_twenty_units_with_paths() -> None:
    assert sorted(geometry().units) == sorted(CODES)
    assert sorted(painter_paths()) == sorted(CODES)
    for code, path in painter_paths().items():
        x, y = geometry().units[code].label_point
        if code not in CITIES:
            assert path.contains(QPointF(x, y)), code  # labels sit inside their unit


def test_projection_is_not_stretched() -> None:
    g = geometry()
    x0, y0, x1, y1 = g.bounds
    # Kazakhstan is about 3 000 km wide and 1 600 km tall; raw degrees would give 2.75.
    assert 0.6 < g.scale_x < 0.75
    assert 1.6 < (x1 - x0) / (y1 - y0) < 2.1
    # North is up: North Kazakhstan above Turkistan, Atyrau west of East Kazakhstan.
    units = g.units
    assert units["north_kazakhstan"].label_point[1] < units["turkistan"].label_point[1]
    assert units["atyrau"].label_point[0] < units["east_kazakhstan"].label_point[0]
    assert units["karaganda"].area > 50 * units["almaty"].area


def _colour_near(image: QImage, x: int, y: int) -> QColor:
    """The most common colour in a small square (one pixel may be an antialiased border)."""
    counts: dict[int, int] = {}
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            rgb = image.pixel(x + dx, y + dy) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    return QColor(max(counts, key=counts.get))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_png_colours_match_bins(tmp_path: Path, lang: str, qapp) -> None:
    values = _values()
    out = tmp_path / f"map_{lang}.png"
    points = render_map_png(values, out, lang=lang, title="2026-Q3", unknown_count=17, width=1200, height=750,
                            labels=False)
    assert out.stat().st_size > 20_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 750)
    binning = bin_values({code: values.get(code) for code in CODES}, "count")
    for code in ("astana", "almaty_region", "karaganda", "almaty", "kostanay"):
        expected = QColor(binning.colours[binning.assignment[code]])
        got = _colour_near(image, *points[code])
        assert got.name() == expected.name(), (code, got.name(), expected.name())
    assert binning.assignment["astana"] == len(binning.bins) - 1
    assert binning.assignment["almaty_region"] == 0
    # ulytau (0) and pavlodar (absent) are drawn "no requests": light grey or its hatch, no class colour
    for code in ("ulytau", "pavlodar"):
        got = _colour_near(image, *points[code])
        assert got.name() not in binning.colours
        assert abs(got.red() - got.green()) < 8 and abs(got.green() - got.blue()) < 8, got.name()
    greys = {QColor(MISSING_COLOUR).name()}
    assert any(_colour_near(image, *points[c]).name() in greys for c in ("ulytau", "pavlodar"))
    # several distinct colours in the picture
    sampled = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 750, 7)}
    assert len(sampled) > 8


def test_png_aspect_follows_projection(tmp_path: Path, qapp) -> None:
    points = render_map_png({}, tmp_path / "m.png", width=1000, height=1000, labels=False)
    units = geometry().units
    a, b = "west_kazakhstan", "east_kazakhstan"
    c, d = "north_kazakhstan", "turkistan"
    proj = (units[b].label_point[0] - units[a].label_point[0]) / (units[d].label_point[1] - units[c].label_point[1])
    pix = (points[b][0] - points[a][0]) / (points[d][1] - points[c][1])
    assert pix == pytest.approx(proj, rel=0.05)


def test_png_with_labels_and_change(tmp_path: Path, qapp) -> None:
    values = {code: float(i * 9 - 80) for i, code in enumerate(CODES)}
    values["abai"] = None
    out = tmp_path / "change.png"
    render_map_png(values, out, lang="kk", by="change", title="Өзгеріс", unknown_count=3)
    assert QImage(str(out)).width() == 1600


def test_names_in_both_languages() -> None:
    assert unit_name("akmola", "kk") == "Ақмола облысы"
    assert unit_name("akmola", "ru") == "Акмолинская область"
    assert short_name("akmola", "ru") == "Акмолинская"
    # Almaty region is told apart from Almaty city
    assert short_name("almaty_region", "kk") != short_name("almaty", "kk")


def test_widget_hover_and_click(qtbot) -> None:
    widget = MapWidget(lang="kk")
    qtbot.addWidget(widget)
    widget.set_data(_values(), by="count", title="T", unknown_text="unknown: 5",
                    details={"karaganda": "210 өтініш"})
    widget.resize(1000, 650)
    widget.show()
    qtbot.waitExposed(widget)
    widget._box.autoRange(padding=0)
    point = QPointF(*geometry().units["karaganda"].label_point)
    assert widget.item.code_at(point) == "karaganda"
    assert widget.item.code_at(QPointF(*geometry().units["astana"].label_point)) == "astana"
    assert widget.item._tips["karaganda"] == "Қарағанды облысы\n210 өтініш"
    x, y = widget.unit_pixel("karaganda")
    viewport = widget._view.viewport()
    local = viewport.mapFrom(widget, widget.rect().topLeft() + QPointF(x, y).toPoint())
    with qtbot.waitSignal(widget.regionClicked, timeout=2000) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=local)
    assert blocker.args == ["karaganda"]
    widget.set_language("ru")
    assert widget.item._tips["karaganda"].startswith("Карагандинская область")


def test_widget_tooltip_follows_the_mouse(qtbot) -> None:
    from PySide6.QtCore import QPoint

    widget = MapWidget(lang="ru")
    qtbot.addWidget(widget)
    widget.set_data({code: float(i + 1) for i, code in enumerate(CODES)}, "count", "T", "u")
    widget.resize(900, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget._box.autoRange(padding=0)
    viewport = widget._view.viewport()
    for code, expected in (("karaganda", "Карагандинская область"), ("aktobe", "Актюбинская область")):
        x, y = widget.unit_pixel(code)
        point = viewport.mapFrom(widget, QPoint(round(x), round(y)))
        for dx in (0, 3, 6):
            qtbot.mouseMove(viewport, point + QPoint(dx, 0))
            qtbot.wait(30)  # pyqtgraph rate-limits hover events
        assert widget.item.toolTip().startswith(expected), widget.item.toolTip()
