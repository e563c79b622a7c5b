"""The map of Kazakhstan's 20 units coloured by requests (pyqtgraph), on screen and as an offscreen PNG."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kcdesk.charts.fonts import ensure_fonts
from kcdesk.charts.map_bins import (
    MISSING_COLOUR,
    MISSING_HATCH,
    Binning,
    bin_labels,
    bin_values,
    format_number,
    label,
    missing_key,
)
from kcdesk.charts.map_geo import CITIES, geometry, painter_paths
from kcdesk.charts.map_item import MapItem
from kcdesk.charts.render import ensure_app
from kcdesk.core.files import atomic_path


def unit_name(code: str, lang: str) -> str:
    """The unit's full name in kk/ru (the reference table; the GeoJSON's own names as a fallback)."""
    try:
        from kcdesk.core.normalise.reference import region_name

        name = region_name(code, lang)
    except ImportError:  # pragma: no cover - the reference module is always there in a build
        name = ""
    return name or code


def short_name(code: str, lang: str) -> str:
    """The name without "облысы"/"область"/"қаласы"/"город", wrapped in two lines when long."""
    name = unit_name(code, lang)
    for word in (" облысы", " қаласы", " область", "область ", "город ", " Region"):
        name = name.replace(word, "")
    name = name.strip()
    if code not in CITIES and name in {unit_name(city, lang).split()[0] for city in CITIES}:
        name += " обл."  # Almaty region beside Almaty city
    if len(name) > 11 and " обл." not in name:
        for sep in ("-", " "):
            if sep in name:
                head, tail = name.split(sep, 1)
                return f"{head}{sep if sep == '-' else ''}\n{tail}"
    return name


def format_value(value: float | None, by: str) -> str:
    if value is None:
        return "—"
    if by == "change":
        return ("+" if value > 0 else "") + format_number(value) + " %"
    if by == "rate":
        return format_number(value, 1 if abs(value) >= 10 else 2)
    return format_number(value)


def _swatch(colour: str | None, size: int) -> QPixmap:
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    rect = QRectF(0.5, 0.5, size * 2 - 1, size - 1)
    painter.setBrush(QColor(colour or MISSING_COLOUR))
    painter.setPen(QPen(QColor("#808080"), 1))
    painter.drawRect(rect)
    if colour is None:
        painter.setBrush(QBrush(QColor(MISSING_HATCH), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(rect)
    painter.end()
    return pixmap


class MapWidget(QWidget):
    """The map with its legend, the count of requests with no region, and the data's credit line.

    `set_data` takes values per region code; the tooltip shows the unit's name and `details[code]`
    (the caller's figures, already worded) or the value. Clicking a unit emits `regionClicked(code)`.
    """

    regionClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, lang: str = "ru", font_px: int = 13) -> None:
        super().__init__(parent)
        self._lang, self._font_px = lang, font_px
        self._family = family = ensure_fonts()  # DejaVu Sans: every Kazakh letter
        self._values: dict[str, float | None] = {}
        self._by, self._title, self._unknown, self._details = "count", "", "", {}
        self.binning: Binning | None = None

        self._view = pg.GraphicsView(background="w")
        self._view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._box = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
        self._view.setCentralItem(self._box)
        self.item = MapItem()
        self.item.font_px = font_px
        self.item.city_radius_px = max(6.0, font_px * 0.7)
        self._box.addItem(self.item)
        self._box.autoRange(padding=0)
        self.item.regionClicked.connect(self.regionClicked)

        self._title_label = QLabel(wordWrap=True)
        self._legend_title = QLabel(wordWrap=True)
        self._legend = QGridLayout()
        self._legend.setHorizontalSpacing(font_px // 2)
        self._unknown_label = QLabel(wordWrap=True)
        self._credit = QLabel()
        self._key = QGridLayout()  # for print: "1  Name – value" per numbered unit, under the map
        self._key.setHorizontalSpacing(font_px)
        self._key.setVerticalSpacing(0)
        self._key_lines: list[tuple[str, str]] = []
        for widget, scale, bold in ((self._title_label, 1.4, True), (self._legend_title, 1.0, True),
                                    (self._unknown_label, 1.0, False), (self._credit, 0.9, False)):
            font = QFont(family)
            font.setPixelSize(round(font_px * scale))
            font.setBold(bold)
            widget.setFont(font)
        self._credit.setStyleSheet("color: #555555")

        side = QVBoxLayout()
        side.addWidget(self._legend_title)
        side.addLayout(self._legend)
        side.addSpacing(font_px)
        side.addWidget(self._unknown_label)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self._view, 1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(font_px * 19)
        middle.addWidget(side_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title_label)
        layout.addLayout(middle, 1)
        layout.addLayout(self._key)
        layout.addWidget(self._credit)
        self.setStyleSheet("background: white; color: #1a1a1a")

    def set_data(self, values: Mapping[str, float | None], by: str = "count", title: str = "",
                 unknown_text: str = "", details: Mapping[str, str] | None = None, lang: str | None = None) -> None:
        self._values = {code: values.get(code) for code in painter_paths()}
        self._by, self._title, self._unknown, self._details = by, title, unknown_text, dict(details or {})
        if lang:
            self._lang = lang
        self._refresh()

    @property
    def shown_values(self) -> dict[str, float | None]:
        """The figure each unit shows (None: no data), by region code."""
        return dict(self._values)

    @property
    def shown_title(self) -> str:
        return self._title

    def set_key(self, numbers: Mapping[str, str], lines: list[tuple[str, str]], columns: int = 2) -> None:
        """Label the units by number (`numbers`: code -> "1"…) and list `lines` (number, text) as the
        key under the map, in `columns` columns filled top to bottom — the printed map's labels."""
        self.item.numbers = dict(numbers)
        while self._key.count():
            widget = self._key.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        per_column = -(-len(lines) // max(1, columns))
        for i, (number, text) in enumerate(lines):
            column, row = divmod(i, per_column) if per_column else (0, i)
            for j, (content, bold) in enumerate(((number, True), (text, False))):
                cell = QLabel(content)
                font = QFont(self._family)
                font.setPixelSize(self._font_px)
                font.setBold(bold)
                cell.setFont(font)
                if j == 0:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._key.addWidget(cell, row, column * 2 + j)
        for column in range(columns):
            self._key.setColumnStretch(column * 2 + 1, 1)
        self.item.update()

    def set_language(self, lang: str, title: str | None = None, unknown_text: str | None = None) -> None:
        self._lang = lang
        self._title = self._title if title is None else title
        self._unknown = self._unknown if unknown_text is None else unknown_text
        self._refresh()

    def _refresh(self) -> None:
        self.binning = binning = bin_values(self._values, self._by)
        fills = {code: None if k is None else QColor(binning.colours[k]) for code, k in binning.assignment.items()}
        texts, tips = {}, {}
        for code, value in self._values.items():
            shown = format_value(value, self._by)
            texts[code] = f"{short_name(code, self._lang)}\n{shown}"
            tips[code] = f"{unit_name(code, self._lang)}\n{self._details.get(code) or shown}"
        self.item.set_fills(fills, texts, tips)
        self._title_label.setText(self._title)
        self._title_label.setVisible(bool(self._title))
        self._legend_title.setText(label(self._lang, self._by))
        self._fill_legend(binning)
        self._unknown_label.setText(self._unknown)
        self._unknown_label.setVisible(bool(self._unknown))
        self._credit.setText(label(self._lang, "credit"))

    def _fill_legend(self, binning: Binning) -> None:
        while self._legend.count():
            widget = self._legend.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        rows = list(zip(binning.colours, bin_labels(binning)))
        # Darkest (most) at the top, as readers expect of a count scale.
        rows.reverse()
        rows.append((None, label(self._lang, missing_key(self._by))))
        for i, (colour, text) in enumerate(rows):
            swatch = QLabel()
            swatch.setPixmap(_swatch(colour, self._font_px))
            caption = QLabel(text, wordWrap=True)
            font = QFont(self._family)
            font.setPixelSize(self._font_px)
            caption.setFont(font)
            self._legend.addWidget(swatch, i, 0)
            self._legend.addWidget(caption, i, 1)
        self._legend.setColumnStretch(1, 1)

    def unit_pixel(self, code: str) -> tuple[int, int]:
        """Where a unit's label point (a city's disc centre) lies in this widget's pixels."""
        point = QPointF(*geometry().units[code].label_point)
        scene = self._box.mapViewToScene(point)
        local = self._view.mapTo(self, self._view.mapFromScene(scene))
        return local.x(), local.y()


def render_map_png(values: Mapping[str, float | None], path: Path | str, lang: str = "ru", by: str = "count",
                   title: str = "", unknown_count: int = 0, width: int = 1600, height: int = 1000,
                   details: Mapping[str, str] | None = None, labels: bool = True,
                   font_px: int | None = None, numbered: bool = False,
                   placed: dict[str, tuple[float, float, float, float]] | None = None) -> dict[str, tuple[int, int]]:
    """Draw the map offscreen into a PNG; returns each unit's label point in the image's pixels.

    `numbered` (for print): every unit carries a number in exactly `font_px` (never overlapping, with a
    leader line where it had to move) and the key under the map names each unit with its value, the
    largest first. `placed` (when given) receives the rectangle each number was drawn in."""
    from kcdesk.core.errors import KcError

    app = ensure_app()
    widget = MapWidget(lang=lang, font_px=font_px or max(10, round(height / 62)))
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.item.show_labels = labels
    unknown = label(lang, "unknown", count=format_number(unknown_count)) if unknown_count else ""
    widget.set_data(values, by=by, title=title, unknown_text=unknown, details=details)
    if numbered:
        order = sorted(painter_paths(), key=lambda c: (-(values.get(c) or 0), unit_name(c, lang)))
        numbers = {code: str(i + 1) for i, code in enumerate(order)}
        widget.set_key(numbers, [(numbers[c], f"{unit_name(c, lang)} – {format_value(values.get(c), by)}")
                                 for c in order])
    widget.resize(width, height)
    # Not shown: grab() lays the widget out itself, and showing it offscreen makes Qt print warnings.
    widget.layout().activate()
    app.processEvents()
    widget._box.autoRange(padding=0)
    app.processEvents()
    pixmap = widget.grab()
    points = {code: widget.unit_pixel(code) for code in geometry().units}
    if placed is not None:
        placed.update({c: (r.x(), r.y(), r.width(), r.height()) for c, r in widget.item.placed.items()})
    widget.close()
    widget.deleteLater()
    target = Path(path)
    with atomic_path(target) as temp:
        if not pixmap.save(str(temp), "PNG"):
            raise KcError("write_failed", file=target.name, reason="PNG")
    return {code: (round(x), round(y)) for code, (x, y) in points.items()}
