"""The codes kept for answers (`knee_oa`, `motorized_treadmill`, `kmh`, severity codes, the
engine's `regress` / `deload`) never reach the walker in the terminal: words instead."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.support import ALL_WELL, data_dir_fixture, days_ago, invoke, onboard

__all__ = ["data_dir_fixture"]
CODES = re.compile(
    r"knee_oa|motorized_treadmill|\bkmh\b|\bimperial\b|\bmetric\b|\bregress\b|\bdeload\b"
)


def test_no_command_shows_a_code_kept_for_an_answer(data_dir: Path) -> None:
    onboard("--units", "metric", "--speed-unit", "kmh", start=days_ago(2))
    walked = ("--pain-during", "7", "--rpe", "5", *ALL_WELL)
    logged = invoke("log", "--yes", "--date", days_ago(2), *walked)
    assert logged.exit_code == 0, logged.output

    for command in (["today"], ["profile"], ["equipment"], ["history"], ["progress"]):
        shown = invoke(*command).stdout

        assert not CODES.findall(shown), (command, CODES.findall(shown))
    assert not CODES.findall(logged.stdout), CODES.findall(logged.stdout)
