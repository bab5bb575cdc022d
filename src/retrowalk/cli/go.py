"""`retrowalk go`: walk today's session with the live coach in the terminal.

Today's walk is the stored walker's, and the walk is logged in the database when it ends
(cli/go_sources.py); `--scenario` walks a session of a scenario's plan instead and keeps it in
memory. When it ends the command says what was walked, the pain and the next session and why;
with --json it prints the completed session as JSON instead.
"""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer

from retrowalk.cli.device_options import Control, Device, Strap, device_choice
from retrowalk.cli.devices import fail_on_device_error
from retrowalk.cli.errors import fail_on_user_error, read_text_file
from retrowalk.domain.errors import InputError


def register(app: typer.Typer) -> None:
    app.command(name="go")(go)


def _check_someone_can_answer(auto_confirm: bool, check_in_from: Path | None) -> None:
    """Without a keyboard the session would wait for Enter, or for answers, for ever."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    if not auto_confirm:
        allowed = "standard input is not a terminal: add --auto-confirm, or run it in one"
        raise InputError("--auto-confirm", False, allowed)
    if check_in_from is None:
        allowed = "standard input is not a terminal: give the answers as a JSON file"
        raise InputError("--check-in-from", None, allowed)


def go(
    scenario: Annotated[
        Path | None,
        typer.Option(
            "--scenario", metavar="SCENARIO.json", help="Walk a session of this plan (demos)."
        ),
    ] = None,
    session: Annotated[
        int, typer.Option("--session", min=0, help="Which session of the plan (0 is the first).")
    ] = 0,
    time_scale: Annotated[
        float,
        typer.Option("--time-scale", min=0.1, max=1000, help="Run N times faster (demos, tests)."),
    ] = 1.0,
    check_in_from: Annotated[
        Path | None,
        typer.Option("--check-in-from", metavar="FILE", help="Check-in answers as JSON."),
    ] = None,
    auto_confirm: Annotated[
        bool,
        typer.Option("--auto-confirm", help="Do not wait for Enter after a console instruction."),
    ] = False,
    voice: Annotated[bool, typer.Option("--voice/--no-voice", help="Speak the cues.")] = True,
    rate: Annotated[
        int, typer.Option("--rate", help="Speech rate, words a minute (80-400).")
    ] = 150,
    volume: Annotated[int, typer.Option("--volume", help="Loudness, 0-200 (100 normal).")] = 100,
    device: Device = None,
    control: Control = False,
    strap: Strap = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the completed session as JSON at the end.")
    ] = False,
) -> None:
    """Walk today's session with spoken cues and a large countdown.

    Keys: [b]space[/b] pause / go on, [b]s[/b] stop at once, [b]+[/b] / [b]-[/b] belt speed,
    [b]Enter[/b] confirm what the coach asked you to set on the console.

    Examples:
      [bold]retrowalk go[/bold]   today's session, logged when it ends
      [bold]retrowalk go --scenario examples/knee_oa_mph.json --session 16[/bold]
      [bold]retrowalk go --device virtual --control --strap virtual[/bold]   belt and pulse
      [bold]retrowalk go --json[/bold]   the completed session as JSON at the end
    """
    from rich.console import Console

    from retrowalk.bootstrap import session_clock, voice_for
    from retrowalk.cli.go_sources import walk_and_logger
    from retrowalk.cli.go_walk import walk_today
    from retrowalk.coach.speech import SpeechSettings
    from retrowalk.coach.terminal.live import WalkParts
    from retrowalk.services.answers_file import AnswersFile

    console = Console(stderr=True)
    database = ExitStack()
    with fail_on_user_error():
        choice = device_choice(device, control, strap)
        _check_someone_can_answer(auto_confirm, check_in_from)
        answers = None
        if check_in_from is not None:
            answers = AnswersFile(read_text_file(check_in_from, "--check-in-from"))
        settings = SpeechSettings(rate, volume)
        source, logger = database.enter_context(walk_and_logger(scenario, session))
    speaker = voice_for(voice, settings, console.bell)
    clock = session_clock(time_scale)
    parts = WalkParts(logger, clock, speaker, console, time_scale, answers)
    try:
        with fail_on_user_error(), fail_on_device_error():
            finished, device_record = walk_today(source, parts, choice, auto_confirm)
    finally:
        speaker.close()
        database.close()
    if as_json:
        console.print(f"[bold]{finished.summary}[/bold]")  # on standard error, as the screen
        completed = {**finished.completed.to_json(), "next": finished.summary, **device_record}
        typer.echo(json.dumps(completed, indent=2))
        return
    from retrowalk.cli.go_summary import walk_summary

    for line in walk_summary(finished):
        typer.echo(line)
