"""Bar charts as pyqtgraph PlotWidgets: horizontal bars with names and values, grouped previous/current."""

from __future__ import annotations

from collections.abc import Sequence

from kcdesk.charts.fonts import chart_font

BLUE = "#2E5C8A"
GREY = "#A8A8A8"
RED = "#C0392B"
ROW_PX = 84  # a name line above each bar plus the bar
INLINE_ROW_PX = 38  # the name left of its bar (charts with many short names: the regions)
AXIS_PX = 26  # axis labels and tick values, as large as the bar labels
AXIS_EXTRA = 70  # the value axis and its label under the bars
GROUPED_ROW_PX = 105  # a name and two bars
LEGEND_LINE_PX = 40  # one legend entry; the legend gets rows of its own under the last bar
MAX_LABEL = 76  # characters that fit a 1200 px wide PNG; longer names are cut with an ellipsis
CHAR_PX = 16  # average width of a bold 26 px character, to keep value labels inside the plot
NOMINAL_WIDTH = 1200


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _count_axis():
    """The value axis: whole numbers only, grouped with a non-breaking space as in the text."""
    import pyqtgraph as pg

    from kcdesk.core.report.numerals import group

    class CountAxis(pg.AxisItem):  # type: ignore[misc]
        def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
            return [group(int(round(v))) if v >= 0 and abs(v - round(v)) < 1e-6 else "" for v in values]

        def tickValues(self, minVal, maxVal, size):  # noqa: N802 - major ticks only, whole, never negative
            levels = super().tickValues(max(0.0, minVal), maxVal, size)[:1]
            return [(max(1.0, step), [v for v in values if v >= 0 and v == int(v)]) for step, values in levels]

    return CountAxis("bottom")


def _plot(title: str = "", x_label: str = "", y_label: str = ""):
    """A plot with the value axis at the bottom (ticks and `x_label`) and `y_label` naming the bars'
    categories on the left (no ticks: each bar carries its name)."""
    import pyqtgraph as pg

    from kcdesk.charts.render import ensure_app

    ensure_app()
    widget = pg.PlotWidget(background="w", axisItems={"bottom": _count_axis()} if x_label else None)
    plot = widget.getPlotItem()
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    style = {"color": "#000000", "font-size": f"{AXIS_PX}px"}
    if x_label:
        axis = plot.getAxis("bottom")
        axis.setPen(pg.mkPen("#000000"))
        axis.setTextPen(pg.mkPen("#000000"))
        axis.setStyle(tickFont=chart_font(AXIS_PX - 4), tickLength=8)
        plot.setLabel("bottom", x_label, **style)
    else:
        plot.hideAxis("bottom")
    if y_label:
        axis = plot.getAxis("left")
        axis.setPen(pg.mkPen("#000000"))
        axis.setTextPen(pg.mkPen("#000000"))
        axis.setStyle(showValues=False, tickLength=0)
        axis.setTicks([[], []])
        axis.setWidth(AXIS_PX + 14)
        plot.setLabel("left", y_label, **style)
    else:
        plot.hideAxis("left")
    if title:
        plot.setTitle(title, color="#000000", size="16pt")
    return widget, plot


def _legend(plot, entries: Sequence[tuple[str, str]]) -> None:
    """A legend for every colour, in the lower right corner (where the shortest bars leave room)."""
    import pyqtgraph as pg

    legend = pg.LegendItem(offset=(-10, -10), labelTextColor="#000000", labelTextSize=f"{AXIS_PX}px",
                           brush=pg.mkBrush(255, 255, 255, 230), pen=pg.mkPen("#808080"))
    legend.setParentItem(plot.getViewBox())
    for colour, text in entries:
        legend.addItem(pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(colour), pen=pg.mkPen(None)),
                       text)


def _x_max(span: float, label_chars: int) -> float:
    """The x range end that leaves room after the longest bar for its value label."""
    reserve = min(0.6, (label_chars * CHAR_PX + 30) / NOMINAL_WIDTH)
    return span / (1.0 - reserve)


def _text(plot, text: str, x: float, y: float, anchor: tuple[float, float], color: str = "#000000",
          bold: bool = False) -> None:
    import pyqtgraph as pg

    item = pg.TextItem(text, color=color, anchor=anchor)
    item.setFont(chart_font(26, bold))
    plot.addItem(item)
    item.setPos(x, y)


def hbar_chart(names: Sequence[str], values: Sequence[float], title: str = "",
               highlight: Sequence[int] = (), value_text: Sequence[str] | None = None,
               x_label: str = "", y_label: str = "", legend: Sequence[str] = (), inline: bool = False):
    """Horizontal bars, first item on top, the name above each bar (left of it when `inline`) and the
    value at its end; `x_label` / `y_label` name the axes; `legend` names the colours when some bars
    are highlighted (the highlighted ones', then the others').

    Returns the PlotWidget; its preferred PNG height is ``preferred_height(len(names))``
    (``preferred_height(len(names), inline=True)`` when inline).
    """
    import pyqtgraph as pg

    from kcdesk.core.report.numerals import group

    widget, plot = _plot(title, x_label, y_label)
    n = len(names)
    top = max(values) if len(values) else 0
    span = top if top > 0 else 1
    ys = [n - i for i in range(n)]
    marked = set(highlight)
    colors = [RED if i in marked else BLUE for i in range(n)]
    if n:
        bars = pg.BarGraphItem(x0=[0] * n, y=ys, width=list(values), height=0.6 if inline else 0.42,
                               brushes=[pg.mkBrush(c) for c in colors], pens=[pg.mkPen(None)] * n)
        plot.addItem(bars)
    longest = max((len(t) for t in (value_text or [group(int(v)) for v in values])), default=1)
    x_max = _x_max(span, longest)
    x_min = 0.0
    if inline:  # the names' column left of the bars, as wide as the longest name needs
        plot_px = NOMINAL_WIDTH - (AXIS_PX + 40 if y_label else 10)
        name_px = min(plot_px * 0.45, max((len(_short(t)) for t in names), default=1) * 16.5 + 30)
        value_px = longest * CHAR_PX + 40
        per_px = span / max(100.0, plot_px - name_px - value_px)
        x_min, x_max = -name_px * per_px, span + value_px * per_px
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        if inline:
            _text(plot, _short(name), x_min * 0.02, ys[i], anchor=(1, 0.5))
        else:
            _text(plot, _short(name), 0, ys[i] + 0.23, anchor=(0, 1))
        label = value_text[i] if value_text else group(int(value))
        _text(plot, label, value, ys[i], anchor=(-0.1, 0.5), bold=True)
    bottom = 0.5
    if legend and marked:
        _legend(plot, [(RED, legend[0]), (BLUE, legend[1])])
        bottom -= legend_rows(2, INLINE_ROW_PX if inline else ROW_PX)
    plot.setXRange(x_min, x_max, padding=0)
    plot.setYRange(bottom, n + (0.5 if inline else 0.85), padding=0)
    return widget


def legend_rows(entries: int, row_px: int) -> float:
    """The room (in bar rows) a legend of that many entries needs under the last bar."""
    return (entries * LEGEND_LINE_PX + 24) / row_px


def legend_px(entries: int) -> int:
    """The same room in pixels, to add to the PNG's height."""
    return entries * LEGEND_LINE_PX + 24


def grouped_hbar_chart(names: Sequence[str], previous: Sequence[float | None], current: Sequence[float],
                       legend: tuple[str, str], title: str = "", x_label: str = "", y_label: str = "",
                       highlight: Sequence[int] = (), highlight_legend: str = ""):
    """Two bars per name (previous in grey, current in blue; red for a `highlight`ed name's current
    bar, named by `highlight_legend`) with the values at their ends and a legend for every colour."""
    import pyqtgraph as pg

    from kcdesk.core.report.numerals import group

    widget, plot = _plot(title, x_label, y_label)
    n = len(names)
    prev = [float(v or 0) for v in previous]
    curr = [float(v or 0) for v in current]
    span = max(prev + curr + [1.0])
    ys = [n - i for i in range(n)]
    if n:
        plot.addItem(pg.BarGraphItem(x0=[0] * n, y=[y + 0.1 for y in ys], width=prev, height=0.2,
                                     brush=pg.mkBrush(GREY), pen=pg.mkPen(None)))
        marked = set(highlight)
        plot.addItem(pg.BarGraphItem(x0=[0] * n, y=[y - 0.12 for y in ys], width=curr, height=0.2,
                                     brushes=[pg.mkBrush(RED if i in marked else BLUE) for i in range(n)],
                                     pens=[pg.mkPen(None)] * n))
    for i, name in enumerate(names):
        _text(plot, _short(name), 0, ys[i] + 0.27, anchor=(0, 1))
        _text(plot, "—" if previous[i] is None else group(int(prev[i])), prev[i], ys[i] + 0.1, anchor=(-0.1, 0.5))
        _text(plot, group(int(curr[i])), curr[i], ys[i] - 0.12, anchor=(-0.1, 0.5), bold=True)
    entries = [(GREY, legend[0]), (BLUE, legend[1])]
    if highlight and highlight_legend:
        entries.append((RED, highlight_legend))
    _legend(plot, entries)
    plot.setXRange(0, _x_max(span, len(group(int(span)))), padding=0)
    plot.setYRange(0.6 - legend_rows(len(entries), GROUPED_ROW_PX), n + 0.65, padding=0)
    return widget


def preferred_height(rows: int, extra: int = 60, inline: bool = False, axis: bool = False) -> int:
    """PNG height in pixels for an hbar chart with that many rows (and a value axis under them)."""
    return max(200, rows * (INLINE_ROW_PX if inline else ROW_PX) + extra + (AXIS_EXTRA if axis else 0))
