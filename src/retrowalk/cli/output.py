"""Where the commands write, without loading Typer (the cached `retrowalk today` uses it too):
the console for people, JSON for scripts, a file given with --output, and the words of the
empty state."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrowalk.cli.errors import fail_on_user_error

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


def write_output(output: Path, content: str | bytes) -> None:
    """Write the --output file whole or not at all; a failure is one line and exit status 2."""
    from retrowalk.files import unwritable, write_bytes_atomically, write_text_atomically

    with fail_on_user_error():
        try:
            if isinstance(content, str):
                write_text_atomically(output, content)
            else:
                write_bytes_atomically(output, content)
        except OSError as error:
            raise unwritable("--output", output, error) from None
