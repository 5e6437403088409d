"""Draw the program's icon: a gold star over an open register on red.

Writes ``resources/icons/sochibo.png`` (256 px, for Linux menus and the window) and
``resources/icons/sochibo.ico`` (16 to 256 px, for the Windows executables and installer).
The files are committed; run this again only to change the drawing:

    .venv/bin/python installers/make_icons.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG = ICONS / "sochibo.png"
ICO = ICONS / "sochibo.ico"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
CANVAS = 1024  # drawn large, then scaled down smoothly
RED = (198, 40, 40, 255)
RED_DARK = (150, 24, 24, 255)
GOLD = (255, 214, 0, 255)
PAPER = (255, 250, 235, 255)
RULE = (205, 190, 160, 255)


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star, one point straight up."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int = CANVAS) -> Image.Image:
    s = size / CANVAS
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((24 * s, 24 * s, 1000 * s, 1000 * s), 180 * s, fill=RED_DARK)
    pen.rounded_rectangle((24 * s, 24 * s, 1000 * s, 968 * s), 180 * s, fill=RED)
    pen.polygon(star(512 * s, 285 * s, 190 * s, 76 * s), fill=GOLD)
    # the open register: two pages meeting at the spine, a few ruled lines on each
    left = [(150, 560), (500, 610), (500, 880), (150, 830)]
    right = [(524, 610), (874, 560), (874, 830), (524, 880)]
    for page in (left, right):
        pen.polygon([(x * s, y * s) for x, y in page], fill=PAPER)
    for step in range(4):
        y = 660 + step * 50
        pen.line((200 * s, (y - 30) * s, 450 * s, (y + 5) * s), fill=RULE, width=round(14 * s))
        pen.line((574 * s, (y + 5) * s, 824 * s, (y - 30) * s), fill=RULE, width=round(14 * s))
    pen.line((512 * s, 605 * s, 512 * s, 885 * s), fill=RED_DARK, width=round(16 * s))
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(PNG, optimize=True)
    sizes = [(n, n) for n in ICO_SIZES]
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICO, sizes=sizes)
    print(f"wrote {PNG.relative_to(ROOT)} and {ICO.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
