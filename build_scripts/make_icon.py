"""Draws the kcdesk app icon with QPainter: resources/icons/app.png, a multi-size app.ico, app.splash.png.

    .venv/bin/python build_scripts/make_icon.py [--out resources/icons]
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

SKY = QColor("#00A3C4")  # the blue of the flag of Kazakhstan, a little deeper for contrast
SUN = QColor("#FEC50C")  # its gold
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """A rounded blue tile holding a white speech bubble (requests) with three rising bars (analysis)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)  # draw on a 256 grid at every size

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SKY)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)

    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(36, 40, 184, 140), 30, 30)
    tail = QPainterPath()
    tail.moveTo(QPointF(70, 170))
    tail.lineTo(QPointF(58, 222))
    tail.lineTo(QPointF(118, 172))
    tail.closeSubpath()
    painter.setBrush(QColor("white"))
    painter.drawPath(bubble.united(tail))

    # Bars thick enough to survive 16 px: at that size each is about one pixel wide.
    for i, (height, colour) in enumerate(((44, SKY), (72, SKY), (100, SUN))):
        x = 68 + i * 44
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(x, 156 - height, 32, height), 6, 6)
    painter.setPen(QPen(SKY, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(60, 160), QPointF(196, 160))
    painter.end()
    return image


def draw_splash(width: int = 480, height: int = 270) -> QImage:
    """The splash the one-file executable shows while it unpacks itself (PyInstaller's Splash).

    Text in both languages, drawn with the bundled DejaVu Sans, which has every Kazakh letter."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(0, height - 10, width, 10, SKY)
    painter.drawImage(32, (height - 128) // 2 - 10, draw(128))
    font_file = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "DejaVuSans.ttf"
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(font_file)))
    family = families[0] if families else "Sans Serif"
    painter.setPen(QColor("#1F2D3D"))
    painter.setFont(QFont(family, 30, QFont.Weight.Bold))
    painter.drawText(QRectF(184, 70, width - 200, 50), Qt.AlignmentFlag.AlignLeft, "kcdesk")
    painter.setPen(QColor("#55606E"))
    painter.setFont(QFont(family, 12))
    for i, line in enumerate(("Жүктелуде…", "Загрузка…")):
        painter.drawText(QRectF(186, 130 + i * 26, width - 200, 26), Qt.AlignmentFlag.AlignLeft, line)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico container of PNG-compressed images (valid since Windows Vista), several sizes in one
    file: Qt's own ico writer stores one size only, and Explorer picks the size it needs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def write_icons(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    images = {size: png_bytes(draw(size)) for size in ICO_SIZES}
    png_path, ico_path, splash_path = out / "app.png", out / "app.ico", out / "app.splash.png"
    png_path.write_bytes(images[256])
    ico_path.write_bytes(ico_bytes(images))
    splash_path.write_bytes(png_bytes(draw_splash()))
    return [png_path, ico_path, splash_path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "icons")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons(args.out):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
