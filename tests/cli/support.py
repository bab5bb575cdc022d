"""Shared by the command tests: a throwaway data directory on SQLite for each test, the Typer
runner, the installed `retrowalk` in a real process, and the whole database as an export (to
prove a refused command left it as it was). Modules import the fixture by its function name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from retrowalk.cli.app import app
from retrowalk.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]
# The yes/no answers a good session needs given (PROTOCOL.md §11: an unknown one never counts as
# good), as `retrowalk log` takes them.
ALL_WELL = ("--no-sharp-pain", "--form-ok", "--no-swelling", "--no-locking", "--no-giving-way")
RETROWALK = shutil.which("retrowalk", path=str(Path(sys.executable).parent))
TREADMILL = [
    "--equipment", "motorized_treadmill", "--min-speed", "0.5", "--max-speed", "10",
    "--speed-step", "0.1", "--handrails", "--safety-clip",
]  # fmt: skip
runner = CliRunner()


@pytest.fixture(name="data_dir")
def data_dir_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The settings point at an empty data directory (and no config file of the user's)."""
    data = tmp_path / "data"
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(data))
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(tmp_path / "config.toml"))
    for name in ("RETROWALK_DATABASE_URL", "RETROWALK_UNITS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield data
    get_settings.cache_clear()


def days_ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def invoke(*arguments: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(arguments), input=input)


def onboard(*extra: str, start: str | None = None) -> Result:
    """A knee-OA walker of 67, on a 0.5-10 mph treadmill, through `retrowalk init --yes`."""
    arguments = ["init", "--yes", "--age", "67", "--condition", "knee_oa", "--weight-kg", "72"]
    result = invoke(*arguments, *TREADMILL, "--start", start or days_ago(0), *extra)
    assert result.exit_code in (0, 3), result.output
    return result


def exported() -> str:
    """Every row of the database, as `retrowalk export` writes it."""
    result = invoke("export")
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def retrowalk(
    *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed console script in its own process (the settings through its environment)."""
    assert RETROWALK is not None, "the retrowalk console script is not installed in this venv"
    return subprocess.run(
        [RETROWALK, *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )
