"""`retrowalk simulate SCENARIO.json` without Typer: the Typer command (cli/simulate.py) and the
entry point's shortcut for the plain form (cli/main.py) both run this, so they print the same
bytes; Typer alone costs several times a bare Python's start."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from retrowalk.cli.errors import USER_ERRORS, read_text_file, user_error_answer


def simulate_file(scenario: Path) -> int:
    """Print the plan as JSON (or the mistake, or the red flag, on standard error); the exit
    status: 0 a plan, 2 bad input, 3 a red flag."""
    from retrowalk.services.simulate import simulate_text, simulation_json

    try:
        result = simulate_text(read_text_file(scenario, "SCENARIO.json"))
    except USER_ERRORS as error:
        message, status = user_error_answer(error)
        _write(sys.stderr, message)
        return status
    _write(sys.stdout, json.dumps(simulation_json(result), indent=2, ensure_ascii=False))
    if result.exit_status != 0:
        _write(sys.stderr, f"No plan: {result.red_flag_message}")
    return result.exit_status


def _write(stream: TextIO, line: str) -> None:
    stream.write(line + "\n")
    stream.flush()
