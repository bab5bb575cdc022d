"""`retrowalk NAME ...` builds the app of command NAME alone (cli/lazy.py) and `retrowalk
simulate FILE` runs without Typer (cli/simulate_run.py): both must answer exactly as the whole
app does."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from retrowalk.cli.app import app
from retrowalk.cli.lazy import COMMAND_MODULES, app_for
from tests.cli.support import ROOT, invoke, retrowalk

runner = CliRunner()


def commands_of_the_whole_app() -> list[str]:
    from typer.main import get_command

    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_a_command_loaded_alone_has_the_same_help_as_in_the_whole_app(name):
    alone = runner.invoke(app_for([name, "--help"]), [name, "--help"])

    whole = runner.invoke(app, [name, "--help"])

    assert alone.exit_code == whole.exit_code == 0, alone.output
    assert alone.output == whole.output


def test_every_command_of_the_whole_app_is_known_to_the_loader():
    # A command left out still works (through the whole app), but pays for every other one.
    assert commands_of_the_whole_app() == sorted(COMMAND_MODULES)


def test_an_unknown_command_and_no_command_get_the_whole_apps_answers():
    assert app_for(["no-such-command"]) is app
    assert app_for([]) is app
    assert " history " in retrowalk("--help").stdout


@pytest.mark.parametrize(
    "scenario",
    ["knee_oa_mph.json", "red_flag_no_safety_clip.json", "post_tkr_kmh.json", "missing.json"],
)
def test_simulate_without_typer_prints_what_the_typer_command_prints(scenario):
    path = str(ROOT / "examples" / scenario)

    plain = retrowalk("simulate", path)
    typer_command = invoke("simulate", path)

    assert plain.returncode == typer_command.exit_code
    assert plain.stdout == typer_command.stdout
    assert plain.stderr == typer_command.stderr


def test_simulate_without_typer_names_the_bad_field(tmp_path: Path):
    bad = tmp_path / "bad.json"
    text = (ROOT / "examples" / "knee_oa_mph.json").read_text(encoding="utf-8")
    bad.write_text(text.replace('"weeks": 16', '"weeks": 0'), encoding="utf-8")

    plain = retrowalk("simulate", str(bad))

    assert plain.returncode == 2
    assert plain.stdout == ""
    assert plain.stderr.startswith("Error: weeks: got 0;"), plain.stderr
    assert "Traceback" not in plain.stderr
