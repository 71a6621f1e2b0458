"""Render the SVG app icon into the PNG sizes installers and desktops want.

Run from the repository root after changing ``resources/icons/studyplanner.svg``, then commit the
PNGs:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

It writes ``packaging/icons/studyplanner-<N>.png`` for N in 16, 24, 32, 48, 64, 128, 256 and 512
(transparent background, drawn by Qt's own SVG renderer, so the result matches what the app shows).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "studyplanner.svg"
TARGET = ROOT / "packaging" / "icons"


def render(
    source: Path = SOURCE, target: Path = TARGET, sizes: tuple[int, ...] = SIZES
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {source} is not a valid SVG")
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = target / f"studyplanner-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"make_icons: cannot write {path}")
        written.append(path)
    del app
    return written


def main() -> int:
    for path in render():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
