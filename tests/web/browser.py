"""Debian's headless Chromium, driven from the command line, and a tiny PNG decoder (stdlib zlib).

Used by tests/web/test_live_page.py and scripts/screenshots.py.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

RGB = tuple[int, int, int]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--force-device-scale-factor=1")


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(chromium: str, url: str, extra: list[str], size: tuple[int, int], budget_ms: int,
         timeout_s: float) -> subprocess.CompletedProcess[bytes]:
    with tempfile.TemporaryDirectory(prefix="souq-chromium-") as profile:
        command = [chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
                   f"--virtual-time-budget={budget_ms}", *extra, url]
        result = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
    if result.returncode != 0:
        tail = result.stderr.decode(errors="replace")[-3000:]
        raise RuntimeError(f"chromium exited with {result.returncode}:\n{tail}")
    return result


def screenshot(chromium: str, url: str, path: Path, size: tuple[int, int] = (1280, 900), budget_ms: int = 5000,
               timeout_s: float = 30.0) -> Path:
    """Load `url`, let its timers run for `budget_ms` of virtual time, write a PNG of the viewport."""
    _run(chromium, url, [f"--screenshot={path}"], size, budget_ms, timeout_s)
    if not path.is_file():
        raise RuntimeError(f"chromium wrote no screenshot to {path}")
    return path


def dump_dom(chromium: str, url: str, size: tuple[int, int] = (1280, 900), budget_ms: int = 5000,
             timeout_s: float = 30.0) -> str:
    """The DOM, serialized after `budget_ms` of virtual time."""
    return _run(chromium, url, ["--dump-dom"], size, budget_ms, timeout_s).stdout.decode("utf-8", errors="replace")


# ------------------------------------------------------------------------------------------------ PNG


@dataclass
class Image:
    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixel(self, x: int, y: int) -> RGB:
        row, i = self.rows[y], x * self.channels
        return row[i], row[i + 1], row[i + 2]

    def count(self, rect: tuple[int, int, int, int], predicate: Callable[[RGB], bool]) -> int:
        """Pixels inside `rect` (x, y, width, height; clipped to the image) for which `predicate(rgb)`."""
        x0, y0, w, h = rect
        x1, y1 = min(self.width, x0 + w), min(self.height, y0 + h)
        return sum(1 for y in range(max(0, y0), y1) for x in range(max(0, x0), x1) if predicate(self.pixel(x, y)))


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data: bytes) -> Image:
    """8-bit RGB or RGBA, non-interlaced: what Chromium writes."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, []
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {color}, interlace {interlace}")
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up_left = previous[i - channels] if i >= channels else 0
                line[i] = (line[i] + _paeth(left, previous[i], up_left)) & 0xFF
        elif kind != 0:
            raise ValueError(f"bad PNG filter {kind} on row {y}")
        rows.append(bytes(line))
        previous = line
    return Image(width, height, channels, rows)


def hex_rgb(color: str) -> RGB:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def near(color: RGB, tolerance: int = 40) -> Callable[[RGB], bool]:
    def test(rgb: RGB) -> bool:
        return all(abs(a - b) <= tolerance for a, b in zip(rgb, color, strict=True))
    return test


# ------------------------------------------------------------------------------------------------ DOM


class Elements(HTMLParser):
    """Every element's tag and attributes, and the text directly inside it, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())

    @classmethod
    def parse(cls, html: str) -> Elements:
        parser = cls()
        parser.feed(html)
        return parser

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in wanted.items())]
