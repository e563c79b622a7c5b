"""The 20 units' boundaries: GeoJSON -> projected rings -> QPainterPaths and label points (cached)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from kcdesk.core.resources import resource

# Cities of republican significance and the capital: a few pixels on a country map, drawn as discs.
CITIES = ("astana", "almaty", "shymkent")


@dataclass(frozen=True)
class Unit:
    code: str
    rings: tuple[np.ndarray, ...]  # projected (x, y) arrays; y grows downwards like the screen
    label_point: tuple[float, float]  # inside the unit, far from its border
    area: float


@dataclass(frozen=True)
class Geometry:
    units: dict[str, Unit]
    bounds: tuple[float, float, float, float]  # x0, y0, x1, y1 in projected units
    scale_x: float  # cos(mean latitude): how much a degree of longitude is shortened


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _inside(points: np.ndarray, rings: tuple[np.ndarray, ...]) -> np.ndarray:
    """Even-odd rule over all rings (holes included), vectorised over points."""
    result = np.zeros(len(points), dtype=bool)
    px, py = points[:, 0:1], points[:, 1:2]
    for ring in rings:
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        crosses = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xs = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        result ^= (np.count_nonzero(crosses & (px < xs), axis=1) % 2).astype(bool)
    return result


def _border_distance(points: np.ndarray, rings: tuple[np.ndarray, ...]) -> np.ndarray:
    best = np.full(len(points), np.inf)
    for ring in rings:
        a, b = ring, np.roll(ring, -1, axis=0)
        ab = b - a
        length2 = np.maximum((ab**2).sum(axis=1), 1e-12)
        ap = points[:, None, :] - a[None, :, :]
        t = np.clip((ap * ab[None]).sum(axis=2) / length2[None], 0, 1)
        closest = a[None] + t[..., None] * ab[None]
        best = np.minimum(best, np.sqrt(((points[:, None, :] - closest) ** 2).sum(axis=2)).min(axis=1))
    return best


def _label_point(rings: tuple[np.ndarray, ...], avoid: np.ndarray | None = None) -> tuple[float, float]:
    """Roughly the pole of inaccessibility: the grid point inside the unit farthest from its border
    (and from the `avoid` points: the city discs and their labels sit there)."""
    main = max(rings, key=lambda r: abs(_area(r)))
    (x0, y0), (x1, y1) = main.min(axis=0), main.max(axis=0)
    # Simplify the rings for the distance search: every n-th vertex is plenty for a label.
    coarse = tuple(r[:: max(1, len(r) // 300)] for r in rings)
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, 40), np.linspace(y0, y1, 40)), axis=-1).reshape(-1, 2)
    grid = grid[_inside(grid, coarse)]
    if not len(grid):
        centre = main.mean(axis=0)
        return float(centre[0]), float(centre[1])
    distance = _border_distance(grid, coarse)
    if avoid is not None and len(avoid):
        # A city's disc and label take about as much room as a stretch of border, and more sideways.
        offsets = (grid[:, None, :] - avoid[None, :, :]) * np.array([0.5, 1.0])
        distance = np.minimum(distance, np.sqrt((offsets**2).sum(axis=2)).min(axis=1))
    best = grid[int(np.argmax(distance))]
    return float(best[0]), float(best[1])


@lru_cache(maxsize=1)
def geometry() -> Geometry:
    """Read and project the bundled boundaries once (equirectangular, longitude × cos(mean latitude))."""
    with open(resource("reference", "regions_map.geojson"), encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    raw = {f["properties"]["code"]: [np.asarray(r, dtype=float)[:, :2] for r in _rings(f["geometry"])]
           for f in features}
    lats = np.concatenate([r[:, 1] for rings in raw.values() for r in rings])
    scale_x = math.cos(math.radians((float(lats.min()) + float(lats.max())) / 2))
    projected = {code: tuple(np.column_stack([r[:, 0] * scale_x, -r[:, 1]]) for r in rings)
                 for code, rings in raw.items()}
    cities = {code: _label_point(projected[code]) for code in CITIES if code in projected}
    avoid = np.array(list(cities.values())) if cities else None
    units: dict[str, Unit] = {}
    for code, rings in projected.items():
        point = cities.get(code) or _label_point(rings, avoid)
        units[code] = Unit(code, rings, point, abs(sum(_area(r) for r in rings)))
    every = np.concatenate([r for u in units.values() for r in u.rings])
    (x0, y0), (x1, y1) = every.min(axis=0), every.max(axis=0)
    return Geometry(units, (float(x0), float(y0), float(x1), float(y1)), scale_x)


@lru_cache(maxsize=1)
def painter_paths() -> dict[str, QPainterPath]:
    """One QPainterPath per unit in projected coordinates (holes cut out by the odd-even rule)."""
    paths: dict[str, QPainterPath] = {}
    for code, unit in geometry().units.items():
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in unit.rings:
            path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in ring]))
            path.closeSubpath()
        paths[code] = path
    return paths


def bounds_rect() -> QRectF:
    x0, y0, x1, y1 = geometry().bounds
    return QRectF(x0, y0, x1 - x0, y1 - y0)
