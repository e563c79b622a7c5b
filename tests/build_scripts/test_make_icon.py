"""The drawn app icon: a PNG and an .ico holding every size Windows asks for."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_scripts"))

import make_icon  # noqa: E402


def test_ico_holds_every_size(tmp_path: Path, qapp) -> None:
    png, ico, splash = make_icon.write_icons(tmp_path)
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icon.ICO_SIZES))
    sizes = []
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(w or 256)
    assert sizes == sorted(make_icon.ICO_SIZES)
    assert png.read_bytes().startswith(b"\x89PNG")
    assert splash.read_bytes().startswith(b"\x89PNG")


def test_icon_is_not_blank(qapp) -> None:
    image = make_icon.draw(32)
    colours = {image.pixel(x, y) for x in range(32) for y in range(32)}
    assert len(colours) > 4  # tile, bubble, bars, transparent corners
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner
    assert image.pixelColor(16, 16).alpha() == 255


def test_splash_has_text_beside_the_icon(qapp) -> None:
    image = make_icon.draw_splash(480, 270)
    dark = sum(1 for x in range(184, 470, 2) for y in range(60, 200, 2) if image.pixelColor(x, y).lightness() < 128)
    assert dark > 100  # the name and the two "loading" lines were drawn
