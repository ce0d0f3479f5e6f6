"""An image the user supplies (the UN emblem for the masthead): read once, checked, sized.

Only PNG and JPEG are taken, the two kinds Word, LibreOffice and every browser show; the
pixel size comes from the file's own header, so its proportions are kept when the writers
set it at the width the layout gives."""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import AssemblerError


@dataclass(frozen=True)
class Image:
    data: bytes
    kind: str           # "png" or "jpeg"
    width_px: int
    height_px: int

    @property
    def media_type(self) -> str:
        return f"image/{self.kind}"

    def height_for(self, width: float) -> float:
        """The height that keeps the image's proportions at `width` (any unit)."""
        return width * self.height_px / self.width_px


def read_image(path: str | Path, what: str = "image") -> Image:
    """The image at `path`, or a one-line refusal naming the file."""
    p = Path(path)
    hint = "give a PNG or JPEG file"
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise AssemblerError(f"{what} not found", file=str(p), hint=hint) from None
    except OSError as err:
        raise AssemblerError(f"{what} cannot be read ({err.strerror})", file=str(p),
                             hint=hint) from None
    size = _png_size(data) or _jpeg_size(data)
    if size is None:
        raise AssemblerError(f"{what} is not a PNG or JPEG image", file=str(p), hint=hint)
    kind, width, height = size
    if width <= 0 or height <= 0:
        raise AssemblerError(f"{what} has no pixels ({width}x{height})", file=str(p), hint=hint)
    return Image(data, kind, width, height)


def _png_size(data: bytes) -> tuple[str, int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return "png", width, height


def _jpeg_size(data: bytes) -> tuple[str, int, int] | None:
    """The size in a JPEG's start-of-frame segment (any SOF but the DHT/JPG/DAC markers)."""
    if data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return "jpeg", width, height
        i += 2 + length
    return None
