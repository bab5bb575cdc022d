"""Write one benchmark's section of docs/benchmarks.md between its own markers."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\nFigures measured by the scripts in `bench/`; "
    "each section says how to rerun it.\n"
)


def machine() -> str:
    python = sys.version.split()[0]
    return f"Python {python} on {platform.machine()}, {platform.platform(terse=True)}"


def write_section(name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else HEADER
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text, encoding="utf-8")
