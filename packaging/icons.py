"""Render resources/duiding.svg to the icon files each platform wants (no Pillow needed).

    python packaging/icons.py OUT_DIR   -> duiding-<size>.png, duiding.ico, duiding.icns

.ico and .icns both may hold PNG images, so they are written here directly: an ICO directory
of PNG entries (Windows Vista and later) and an ICNS file of PNG chunks (macOS 10.7 and later).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication, QIcon

SVG = Path(__file__).resolve().parent.parent / "resources" / "duiding.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09",
              1024: b"ic10"}


def png_bytes(icon: QIcon, size: int) -> bytes:
    image = icon.pixmap(QSize(size, size)).toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images.items():
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def icns(images: dict[int, bytes]) -> bytes:
    chunks = b"".join(ICNS_TYPES[s] + struct.pack(">I", len(p) + 8) + p
                      for s, p in images.items() if s in ICNS_TYPES)
    return b"icns" + struct.pack(">I", len(chunks) + 8) + chunks


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])
    icon = QIcon(str(SVG))
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(icon, size) for size in PNG_SIZES}
    for size, png in pngs.items():
        (out / f"duiding-{size}.png").write_bytes(png)
    (out / "duiding.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (out / "duiding.icns").write_bytes(icns(pngs))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
