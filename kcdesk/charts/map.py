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
    QPainterPath,
    QPainterPathStroker,
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
from kcdesk.charts.map_geo import CITIES, bounds_rect, geometry, painter_paths
from kcdesk.charts.render import ensure_app
from kcdesk.core.files import atomic_path

_BORDER = QColor("#8c8c8c")  # grey, not white: the light classes keep their borders
_OUTLINE = QColor("#4d4d4d")
_HALO = QColor(255, 255, 255, 215)


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


class MapItem(pg.GraphicsObject):
    """All units in projected coordinates; painted in device pixels so borders, hatching and labels
    keep their size whatever the zoom."""

    regionClicked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._paths = painter_paths()
        self._geometry = geometry()
        self._fills: dict[str, QColor | None] = {}
        self._texts: dict[str, str] = {}
        self._tips: dict[str, str] = {}
        self.show_labels = True
        self.font_px = 13
        self.font_family = ensure_fonts()
        self.city_radius_px = 9.0
        self.disc_px = 9.0  # the radius actually drawn, for this zoom
        self._selected: str | None = None
        self.setAcceptHoverEvents(True)

    def set_fills(self, fills: Mapping[str, QColor | None], texts: Mapping[str, str], tips: Mapping[str, str]) -> None:
        self._fills, self._texts, self._tips = dict(fills), dict(texts), dict(tips)
        self.update()

    def select(self, code: str | None) -> None:
        self._selected = code
        self.update()

    def boundingRect(self) -> QRectF:
        rect = bounds_rect()
        # Room for labels that run past the border and for the city discs.
        return rect.adjusted(-rect.width() * 0.02, -rect.height() * 0.03, rect.width() * 0.02, rect.height() * 0.03)

    # --- painting -------------------------------------------------------------------------------
    def paint(self, painter: QPainter, *args: object) -> None:
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # Discs shrink with the map so that they never cover a neighbouring unit.
        self.disc_px = min(self.city_radius_px, max(4.0, transform.mapRect(bounds_rect()).width() / 110))
        for code, path in self._paths.items():
            if code not in CITIES:
                self._paint_unit(painter, transform.map(path), code, width=0.9)
        for code in CITIES:  # a dark ring outside a white one: visible on any class colour
            disc = self._disc(transform, code)
            painter.setPen(QPen(_OUTLINE, 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(disc)
            self._paint_unit(painter, disc, code, width=1.8, outline=QColor("#ffffff"))
        if self.show_labels:
            self._paint_labels(painter, transform)
        painter.restore()

    def _disc(self, transform, code: str) -> QPainterPath:
        centre = transform.map(QPointF(*self._geometry.units[code].label_point))
        disc = QPainterPath()
        disc.addEllipse(centre, self.disc_px, self.disc_px)
        return disc

    def _paint_unit(self, painter: QPainter, path: QPainterPath, code: str, width: float,
                    outline: QColor = _BORDER) -> None:
        fill = self._fills.get(code)
        pen = QPen(QColor("#000000") if code == self._selected else outline, width * (2 if code == self._selected else 1))
        pen.setCosmetic(True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(fill if fill is not None else QColor(MISSING_COLOUR)))
        painter.drawPath(path)
        if fill is None:  # "no requests": hatched, so it differs from the lightest class even in grey
            painter.setBrush(QBrush(QColor(MISSING_HATCH), Qt.BrushStyle.BDiagPattern))
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        painter.drawPath(path)

    def _paint_labels(self, painter: QPainter, transform) -> None:
        """Names and values, greedily: cities first, then the largest units; a label that would
        overlap one already placed shrinks to the value alone, or is left to the tooltip."""
        map_width = transform.mapRect(bounds_rect()).width()
        font = QFont(self.font_family)
        font.setPixelSize(int(min(self.font_px, max(9, map_width / 72))))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        units = self._geometry.units
        order = sorted(self._paths, key=lambda c: (c not in CITIES, -units[c].area))
        placed: list[QRectF] = []
        for code in order:
            text = self._texts.get(code)
            if not text:
                continue
            anchor = transform.map(QPointF(*units[code].label_point))
            shape = transform.map(self._paths[code])
            step = metrics.height() * 0.6
            # The full label, nudged up or down inside its unit if need be; then the value alone.
            tries = [(text.split("\n"), 0.0)]
            if code not in CITIES:
                tries += [(text.split("\n"), k * step) for k in (-1, 1, -2, 2)]
            tries.append((text.split("\n")[-1:], 0.0))
            for lines, dy in tries:
                rect = self._label_rect(code, lines, metrics, anchor + QPointF(0, dy))
                if dy and not shape.contains(rect.center()):
                    continue
                if not any(rect.intersects(other) for other in placed):
                    placed.append(rect)
                    self._draw_text(painter, font, metrics, lines, rect)
                    break

    def _label_rect(self, code: str, lines: list[str], metrics, anchor: QPointF) -> QRectF:
        width = max(metrics.horizontalAdvance(line) for line in lines)
        height = metrics.height() * len(lines)
        if code in CITIES:  # beside the disc: Shymkent to the left, where Turkistan has room
            dx = -1 if code == "shymkent" else 1
            left = anchor.x() + dx * (self.disc_px + 3) - (width if dx < 0 else 0)
            return QRectF(left, anchor.y() - height / 2, width, height)
        return QRectF(anchor.x() - width / 2, anchor.y() - height / 2, width, height)

    @staticmethod
    def _draw_text(painter: QPainter, font: QFont, metrics, lines: list[str], rect: QRectF) -> None:
        path = QPainterPath()
        for i, line in enumerate(lines):
            x = rect.center().x() - metrics.horizontalAdvance(line) / 2
            path.addText(QPointF(x, rect.top() + metrics.ascent() + i * metrics.height()), font, line)
        halo = QPainterPathStroker()
        halo.setWidth(3.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_HALO)
        painter.drawPath(halo.createStroke(path))
        painter.setBrush(QColor("#1a1a1a"))
        painter.drawPath(path)

    # --- interaction ----------------------------------------------------------------------------
    def code_at(self, pos: QPointF) -> str | None:
        """The unit under a point in projected coordinates (cities first: their discs cover them)."""
        view = self.getViewBox()
        radius = self.disc_px * (view.viewPixelSize()[0] if view is not None else 0.05)
        for code in CITIES:
            x, y = self._geometry.units[code].label_point
            if (pos.x() - x) ** 2 + (pos.y() - y) ** 2 <= radius**2:
                return code
        for code, path in self._paths.items():
            if code not in CITIES and path.contains(pos):
                return code
        return None

    def hoverEvent(self, event) -> None:  # pyqtgraph's hover protocol
        if event.isExit():
            self.setToolTip("")
            return
        code = self.code_at(event.pos())
        self.setToolTip(self._tips.get(code, "") if code else "")

    def mouseClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        code = self.code_at(event.pos())
        if code:
            event.accept()
            self.regionClicked.emit(code)


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
        for widget, scale, bold in ((self._title_label, 1.4, True), (self._legend_title, 1.0, True),
                                    (self._unknown_label, 1.0, False), (self._credit, 0.85, False)):
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
        layout.addWidget(self._credit)
        self.setStyleSheet("background: white; color: #1a1a1a")

    def set_data(self, values: Mapping[str, float | None], by: str = "count", title: str = "",
                 unknown_text: str = "", details: Mapping[str, str] | None = None, lang: str | None = None) -> None:
        self._values = {code: values.get(code) for code in painter_paths()}
        self._by, self._title, self._unknown, self._details = by, title, unknown_text, dict(details or {})
        if lang:
            self._lang = lang
        self._refresh()

    def set_language(self, lang: str, title: str | None = None, unknown_text: str | None = None) -> None:
        self._lang = lang
        self._title = self._title if title is None else title
        self._unknown = self._unknown if unknown_text is None else unknown_text
        self._refresh()

    def select_region(self, code: str | None) -> None:
        self.item.select(code)

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
                   details: Mapping[str, str] | None = None, labels: bool = True) -> dict[str, tuple[int, int]]:
    """Draw the map offscreen into a PNG; returns each unit's label point in the image's pixels."""
    from kcdesk.core.errors import KcError

    app = ensure_app()
    widget = MapWidget(lang=lang, font_px=max(10, round(height / 62)))
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.item.show_labels = labels
    unknown = label(lang, "unknown", count=format_number(unknown_count)) if unknown_count else ""
    widget.set_data(values, by=by, title=title, unknown_text=unknown, details=details)
    widget.resize(width, height)
    # Not shown: grab() lays the widget out itself, and showing it offscreen makes Qt print warnings.
    widget.layout().activate()
    app.processEvents()
    widget._box.autoRange(padding=0)
    app.processEvents()
    pixmap = widget.grab()
    points = {code: widget.unit_pixel(code) for code in geometry().units}
    widget.close()
    widget.deleteLater()
    target = Path(path)
    with atomic_path(target) as temp:
        if not pixmap.save(str(temp), "PNG"):
            raise KcError("write_failed", file=target.name, reason="PNG")
    return {code: (round(x), round(y)) for code, (x, y) in points.items()}
