"""The map's graphics item: the 20 units painted in device pixels, with labels, hover and click."""

from __future__ import annotations

from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen

from kcdesk.charts.fonts import ensure_fonts
from kcdesk.charts.map_bins import MISSING_COLOUR, MISSING_HATCH
from kcdesk.charts.map_geo import CITIES, bounds_rect, geometry, painter_paths

_BORDER = QColor("#8c8c8c")  # grey, not white: the light classes keep their borders
_OUTLINE = QColor("#4d4d4d")
_HALO = QColor(255, 255, 255, 215)


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
        # For print: each unit labelled by a short number (its line in the key beside the map) in exactly
        # font_px, placed where it overlaps nothing, with a leader line where it had to move away.
        self.numbers: dict[str, str] = {}
        self.placed: dict[str, QRectF] = {}  # what the last paint drew, per unit (read by tests)
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
        self.placed = {}
        if self.show_labels and self.numbers:
            self._paint_numbers(painter, transform)
        elif self.show_labels:
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

    def _paint_numbers(self, painter: QPainter, transform) -> None:
        """Every unit's number at font_px (never smaller): at its label point where that overlaps no
        other number or city disc, else at the nearest free place around it, joined by a leader line."""
        import math

        font = QFont(self.font_family)
        font.setPixelSize(int(self.font_px))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        units = self._geometry.units
        discs = [transform.map(QPointF(*units[c].label_point)) for c in CITIES]
        taken: list[QRectF] = [QRectF(d.x() - self.disc_px, d.y() - self.disc_px, 2 * self.disc_px, 2 * self.disc_px)
                               for d in discs]
        order = sorted(self._paths, key=lambda c: (c not in CITIES, units[c].area))  # small units first
        step = metrics.height() * 0.75
        for code in order:
            text = self.numbers.get(code)
            if not text:
                continue
            anchor = transform.map(QPointF(*units[code].label_point))
            candidates = [] if code in CITIES else [(0.0, 0.0)]
            for ring in range(1, 9):
                for k in range(12):
                    angle = math.pi * 2 * k / 12 + (math.pi / 2 if code == "shymkent" else 0.0)
                    candidates.append((math.cos(angle) * ring * step, math.sin(angle) * ring * step))
            for dx, dy in candidates:
                rect = self._label_rect(code, [text], metrics, anchor + QPointF(dx, dy))
                rect = rect.adjusted(-3, -1, 3, 1)
                if code in CITIES:  # a city's number sits beside its disc, never on it
                    rect = QRectF(anchor.x() + dx - rect.width() / 2, anchor.y() + dy - rect.height() / 2,
                                  rect.width(), rect.height())
                if any(rect.intersects(other) for other in taken):
                    continue
                taken.append(rect)
                self.placed[code] = rect
                moved = code in CITIES or (dx, dy) != (0.0, 0.0)
                if moved:  # the leader line from the unit's point to the number
                    pen = QPen(QColor("#1a1a1a"), 1.4)
                    painter.setPen(pen)
                    painter.drawLine(anchor, self._edge_point(rect, anchor))
                self._draw_text(painter, font, metrics, [text], rect.adjusted(3, 1, -3, -1))
                break

    @staticmethod
    def _edge_point(rect: QRectF, towards: QPointF) -> QPointF:
        """Where the line from the rectangle's centre to `towards` leaves the rectangle."""
        centre = rect.center()
        dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
        if dx == 0 and dy == 0:
            return centre
        scale = min(rect.width() / 2 / abs(dx) if dx else float("inf"), rect.height() / 2 / abs(dy) if dy else float("inf"))
        return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)

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
