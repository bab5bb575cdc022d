"""Make the live page's phone assets once; the results are committed in `web/static/`.

    python scripts/make_phone_assets.py            # icons only (standard library)
    python scripts/make_phone_assets.py --media    # and the two media files (needs ffmpeg)

- `icon-192.png`, `icon-512.png`: the installable app's icons (web manifest), drawn here with the
  standard library alone (zlib + struct): a white arrow pointing back on the accent blue.
- `awake.mp4`, `awake.webm`: two seconds of a 32 x 32 black picture, no sound. Played muted, in a
  loop and inline, a video keeps a phone's screen on where the Wake Lock API is missing (plain
  http on a home network is not a secure context).
- `quiet.mp3`: six seconds of silence. Playing it (not muted) is what makes the browser hand the
  walk the headset's play and pause buttons (Media Session); Chromium hands them only to media
  longer than five seconds that has sound.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

STATIC = Path(__file__).parents[1] / "src" / "retrowalk" / "web" / "static"
BLUE, WHITE = (0x0B, 0x5C, 0xAD), (0xFF, 0xFF, 0xFF)


def _inside_arrow(x: float, y: float) -> bool:
    """The arrow, on a unit square: a head pointing left and a shaft to its right."""
    head = 0.18 <= x <= 0.5 and abs(y - 0.5) <= (x - 0.18) * 0.9
    shaft = 0.45 <= x <= 0.82 and abs(y - 0.5) <= 0.08
    return head or shaft


def icon(size: int) -> bytes:
    rows = []
    for row in range(size):
        y = (row + 0.5) / size
        pixels = bytearray([0])  # filter: none
        for column in range(size):
            pixels.extend(WHITE if _inside_arrow((column + 0.5) / size, y) else BLUE)
        rows.append(bytes(pixels))
    return _png(size, size, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def media() -> None:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("ffmpeg is missing (Debian: apt-get install ffmpeg)")
    black = ["-f", "lavfi", "-i", "color=c=black:s=32x32:r=2", "-t", "2", "-an"]
    runs = [
        [*black, "-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
         "-movflags", "+faststart", str(STATIC / "awake.mp4")],
        [*black, "-c:v", "libvpx", "-b:v", "8k", str(STATIC / "awake.webm")],
        ["-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "6", "-c:a", "libmp3lame",
         "-b:a", "8k", str(STATIC / "quiet.mp3")],
    ]  # fmt: skip
    for run in runs:
        subprocess.run([ffmpeg, "-y", "-loglevel", "error", *run], check=True)


def main() -> None:
    for size in (192, 512):
        (STATIC / f"icon-{size}.png").write_bytes(icon(size))
    if "--media" in sys.argv:
        media()


if __name__ == "__main__":
    main()
