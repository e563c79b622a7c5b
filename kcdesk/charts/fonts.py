"""The bundled font with every Kazakh letter (DejaVu Sans), registered with Qt once per process."""

from __future__ import annotations

import logging
from functools import lru_cache

from kcdesk.core.resources import resource

log = logging.getLogger("kcdesk.charts")

FONT_FILE = ("fonts", "DejaVuSans.ttf")
FALLBACK_FAMILY = "DejaVu Sans"
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


@lru_cache(maxsize=1)
def ensure_fonts() -> str:
    """Register the bundled TTF (a QGuiApplication must exist) and return its family name."""
    from PySide6.QtGui import QFontDatabase

    path = resource(*FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.info("bundled font %s could not be registered; using the system's", path.name)
        return FALLBACK_FAMILY
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else FALLBACK_FAMILY


def chart_font(pixel_size: int = 22, bold: bool = False):
    """A QFont in the bundled family, sized in pixels so PNGs look the same on any screen DPI."""
    from PySide6.QtGui import QFont

    font = QFont(ensure_fonts())
    font.setPixelSize(int(pixel_size))
    font.setBold(bold)
    return font
