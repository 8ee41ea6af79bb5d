"""Render resources/icons/dingmi-desktop.svg to the PNG sizes a desktop menu and the .deb use, and the Windows
.ico. Run once after editing the SVG (the outputs are committed):

    python packaging/linux/render_icons.py

Neither rsvg-convert nor an SVG-capable ImageMagick is on the build host, so Qt's own SVG renderer (QtSvg,
part of PySide6-Essentials) draws the PNGs; ImageMagick's `convert`, when present, packs them into the .ico.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SVG = ICONS / "dingmi-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"dingmi-desktop-{size}.png"


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"无法读取图标源文件：{SVG}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"无法写入 {png_path(size)}")
        written.append(png_path(size))
    return written


def pack_ico() -> Path | None:
    convert = shutil.which("convert")
    if convert is None:
        print("未找到 ImageMagick（convert），跳过 .ico", file=sys.stderr)
        return None
    ico = ICONS / "dingmi-desktop.ico"
    subprocess.run([convert, *(str(png_path(s)) for s in ICO_SIZES), str(ico)], check=True)
    return ico


def main() -> int:
    for path in render_pngs():
        print(path.relative_to(ICONS.parents[1]))
    ico = pack_ico()
    if ico is not None:
        print(ico.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
