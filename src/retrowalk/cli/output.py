"""Where the commands write, without loading Typer (the cached `retrowalk today` uses it too):
the console for people, JSON for scripts, and the words of the empty state."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

NO_WALKER = "No walker yet: run `retrowalk init` to set one up."
# Tables written to a file or a pipe: wide enough for a history row, narrow enough to read.
PIPED_WIDTH = 100


def console(stderr: bool = False) -> Console:
    """Rich at the terminal's width; plain text (no colour, no cursor codes) when piped,
    PIPED_WIDTH wide."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else PIPED_WIDTH
    return Console(stderr=stderr, highlight=False, width=width)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
