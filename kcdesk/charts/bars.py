"""Bar charts as pyqtgraph PlotWidgets: horizontal bars with names and values, grouped previous/current."""

from __future__ import annotations

from collections.abc import Sequence

from kcdesk.charts.fonts import chart_font

BLUE = "#2E5C8A"
GREY = "#A8A8A8"
RED = "#C0392B"
ROW_PX = 84  # a name line above each bar plus the bar
MAX_LABEL = 76  # characters that fit a 1200 px wide PNG; longer names are cut with an ellipsis
CHAR_PX = 16  # average width of a bold 26 px character, to keep value labels inside the plot
NOMINAL_WIDTH = 1200


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plot(title: str = ""):
    import pyqtgraph as pg

    from kcdesk.charts.render import ensure_app

    ensure_app()
    widget = pg.PlotWidget(background="w")
    plot = widget.getPlotItem()
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    if title:
        plot.setTitle(title, color="#000000", size="16pt")
    return widget, plot


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
               highlight: Sequence[int] = (), value_text: Sequence[str] | None = None):
    """Horizontal bars, first item on top, the name above each bar and the value at its end.

    Returns the PlotWidget; its preferred PNG height is ``preferred_height(len(names))``.
    """
    import pyqtgraph as pg

    widget, plot = _plot(title)
    n = len(names)
    top = max(values) if len(values) else 0
    span = top if top > 0 else 1
    ys = [n - i for i in range(n)]
    colors = [RED if i in set(highlight) else BLUE for i in range(n)]
    if n:
        bars = pg.BarGraphItem(x0=[0] * n, y=ys, width=list(values), height=0.42,
                               brushes=[pg.mkBrush(c) for c in colors], pens=[pg.mkPen(None)] * n)
        plot.addItem(bars)
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        _text(plot, _short(name), 0, ys[i] + 0.23, anchor=(0, 1))
        label = value_text[i] if value_text else f"{int(value):,}".replace(",", "\u00a0")
        _text(plot, label, value, ys[i], anchor=(-0.1, 0.5), bold=True)
    longest = max((len(t) for t in (value_text or [str(int(v)) for v in values])), default=1)
    plot.setXRange(0, _x_max(span, longest), padding=0)
    plot.setYRange(0.5, n + 0.85, padding=0)
    return widget


def grouped_hbar_chart(names: Sequence[str], previous: Sequence[float | None], current: Sequence[float],
                       legend: tuple[str, str], title: str = ""):
    """Two bars per name (previous in grey, current in blue) with the values at their ends."""
    import pyqtgraph as pg

    widget, plot = _plot(title)
    n = len(names)
    prev = [float(v or 0) for v in previous]
    curr = [float(v or 0) for v in current]
    span = max(prev + curr + [1.0])
    ys = [n - i for i in range(n)]
    if n:
        plot.addItem(pg.BarGraphItem(x0=[0] * n, y=[y + 0.1 for y in ys], width=prev, height=0.2,
                                     brush=pg.mkBrush(GREY), pen=pg.mkPen(None)))
        plot.addItem(pg.BarGraphItem(x0=[0] * n, y=[y - 0.12 for y in ys], width=curr, height=0.2,
                                     brush=pg.mkBrush(BLUE), pen=pg.mkPen(None)))
    for i, name in enumerate(names):
        _text(plot, _short(name), 0, ys[i] + 0.27, anchor=(0, 1))
        _text(plot, "—" if previous[i] is None else f"{int(prev[i])}", prev[i], ys[i] + 0.1, anchor=(-0.1, 0.5))
        _text(plot, f"{int(curr[i])}", curr[i], ys[i] - 0.12, anchor=(-0.1, 0.5), bold=True)
    legend_item = pg.LegendItem(offset=(-10, -10), labelTextColor="#000000", labelTextSize="14pt")
    legend_item.setParentItem(plot.getViewBox())
    legend_item.addItem(pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(GREY)), legend[0])
    legend_item.addItem(pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(BLUE)), legend[1])
    plot.setXRange(0, _x_max(span, len(str(int(span)))), padding=0)
    plot.setYRange(0.6, n + 0.65, padding=0)
    return widget


def preferred_height(rows: int, extra: int = 60) -> int:
    """PNG height in pixels for an hbar chart with that many rows."""
    return max(200, rows * ROW_PX + extra)
