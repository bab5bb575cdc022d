"""What each command imports, from `python -X importtime`: the time spent importing in all and
which of the heavy libraries it loads (the start-up cost issue 18 cut)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HEAVY = (
    "typer",
    "click",
    "rich",
    "pydantic",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "weasyprint",
)
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)$")


def imports_of(arguments: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    """Milliseconds importing (the sum of every module's own time) and the heavy libraries."""
    code = (
        "import sys\nfrom retrowalk.cli.main import run\n"
        f"sys.argv[1:] = {arguments!r}\ntry: run()\nexcept SystemExit: pass\n"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True
    )
    own_us = 0
    loaded: set[str] = set()
    for line in done.stderr.splitlines():
        found = _LINE.match(line)
        if found is None:
            continue
        own_us += int(found.group(1))
        top = found.group(4).split(".")[0]
        if top in HEAVY:
            loaded.add(top)
    return own_us / 1000, sorted(loaded)


def import_costs(env: dict[str, str], scratch: Path, as_after_a_log: Callable[[], None]) -> str:
    commands = [
        ["simulate", str(scratch / "long.json")],
        ["simulate", str(scratch / "bad.json")],
        ["history"],
        ["progress"],
        ["plan"],
        ["today"],
    ]
    lines = [
        "Imports of one run of each, from `python -X importtime` (the sum of every module's own "
        "time, so a single run's figure, and the heavy libraries loaded):",
        "",
        "| command | ms importing | heavy libraries loaded |",
        "| --- | --- | --- |",
    ]
    for arguments in commands:
        if arguments == ["today"]:
            as_after_a_log()  # `today` worked out afresh, not answered from the day's card
        milliseconds, loaded = imports_of(arguments, env)
        shown = " ".join(Path(a).name if "/" in a else a for a in arguments)
        lines.append(f"| `{shown}` | {milliseconds:.0f} | {', '.join(loaded) or 'none'} |")
    return "\n".join(lines)
