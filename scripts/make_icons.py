"""Draws the app icons (PNG) from our own mark, kinwell/core/static/kinwell/icon.svg.

Run by hand when the mark changes, then commit the PNGs:

    .venv/bin/python scripts/make_icons.py

Chromium renders the SVG (no image library needed): each icon is a page exactly the
icon's size, screenshotted headless. The sizes are the ones browsers ask for: 192 and
512 for the home screen, a maskable 512 whose mark sits inside the central 80% circle
that every launcher's mask keeps, and 180 for iOS ("apple-touch-icon", which must be
opaque or iOS fills the corners with black).
"""

import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = ROOT / "kinwell" / "core" / "static" / "kinwell" / "icon.svg"
OUT = ROOT / "kinwell" / "pwa" / "static" / "pwa" / "icons"
CHROMIUM = "/usr/bin/chromium"
PAPER = "#fbfaf7"  # site.css --paper: the background the site and the manifest use

# name, size, how much of the square the mark fills, rounded corners
ICONS = [
    ("icon-192.png", 192, 0.78, True),
    ("icon-512.png", 512, 0.78, True),
    # Maskable: full bleed, the mark's outer ring (15/16 of its box) inside the 40% radius.
    ("icon-maskable-512.png", 512, 0.74, False),
    ("apple-touch-icon-180.png", 180, 0.74, False),
]


def page(size: int, fill: float, rounded: bool) -> str:
    mark = MARK.read_text()
    drawn = round(size * fill)
    radius = f"{round(size * 0.22)}px" if rounded else "0"
    background = "transparent" if rounded else PAPER
    return f"""<!DOCTYPE html><html><head><style>
html, body {{ margin: 0; width: {size}px; height: {size}px; overflow: hidden; background: {background}; }}
.tile {{ width: {size}px; height: {size}px; border-radius: {radius}; background: {PAPER};
        display: flex; align-items: center; justify-content: center; }}
.tile svg {{ width: {drawn}px; height: {drawn}px; }}
</style></head><body><div class="tile">{mark}</div></body></html>"""


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    return struct.unpack(">II", header[16:24])


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, size, fill, rounded in ICONS:
            html = Path(work) / f"{name}.html"
            html.write_text(page(size, fill, rounded))
            target = OUT / name
            subprocess.run(
                [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--default-background-color=00000000", f"--window-size={size},{size}",
                 f"--screenshot={target}", html.as_uri()],
                check=True, capture_output=True,
            )
            if png_size(target) != (size, size):
                print(f"{name}: Chromium drew {png_size(target)}, not {size}x{size}", file=sys.stderr)
                return 1
            print(f"{target.relative_to(ROOT)}  {size}x{size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
