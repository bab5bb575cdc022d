"""`retrowalk init`: set up the walker of this machine, by questions or by options / a file, and
show what screening found (red: no plan, and what to do; yellow: the cautious start)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from retrowalk.cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_SAFETY_STOP,
    read_text_file,
    refuse_without_a_terminal,
)
from retrowalk.cli.init_answers import ANSWER_KEYS, answers_of
from retrowalk.cli.output import console, print_json
from retrowalk.cli.walker_options import (
    ConditionOption,
    SeverityOption,
    SurgeryDateOption,
    SurgeryOption,
    UnitsOption,
    YesNo,
)
from retrowalk.cli.wiring import opened
from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.units import SpeedUnit

if TYPE_CHECKING:
    from retrowalk.bootstrap import Wiring
    from retrowalk.services.onboard import Onboarded

_W, _E, _P = "The walker", "The equipment", "The plan"
KINDS = ", ".join(EquipmentKind)
Gear = Annotated[float | None, typer.Option(rich_help_panel=_E, show_default=False)]


def register(app: typer.Typer) -> None:
    app.command("init")(init)


def init(  # one option per answer: the options are the questions
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from-file",
            metavar="PROFILE.json",
            help="Answers as a scenario's "
            "`walker` and `equipment` (plus `start`, `sessions_per_week`).",
        ),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Ask nothing: options, file and defaults only.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    age: Annotated[int | None, typer.Option(rich_help_panel=_W, show_default=False)] = None,
    units: UnitsOption = None,
    weight_kg: Annotated[
        float | None, typer.Option(rich_help_panel=_W, help="For energy estimates.")
    ] = None,
    weight_lb: Annotated[
        float | None,
        typer.Option(rich_help_panel=_W, help="Or in pounds.", show_default=False),
    ] = None,
    condition: ConditionOption = None,
    severity: SeverityOption = None,
    surgery: SurgeryOption = None,
    surgery_date: SurgeryDateOption = None,
    cleared_by_clinician: YesNo = None,
    rest_pain: Annotated[int | None, typer.Option(rich_help_panel=_W, help="0 to 10.")] = None,
    falls_last_year: Annotated[int | None, typer.Option(rich_help_panel=_W)] = None,
    balance_concern: YesNo = None,
    dizziness: YesNo = None,
    swelling: YesNo = None,
    locking: YesNo = None,
    giving_way: YesNo = None,
    experienced: YesNo = None,
    equipment: Annotated[
        EquipmentKind | None, typer.Option(rich_help_panel=_E, metavar="KIND", help=KINDS)
    ] = None,
    speed_unit: Annotated[SpeedUnit | None, typer.Option(rich_help_panel=_E)] = None,
    min_speed: Gear = None,
    max_speed: Gear = None,
    speed_step: Gear = None,
    max_incline_percent: Gear = None,
    incline_step_percent: Gear = None,
    handrails: Annotated[bool | None, typer.Option(rich_help_panel=_E)] = None,
    safety_clip: Annotated[bool | None, typer.Option(rich_help_panel=_E)] = None,
    incline_degrees: Gear = None,
    resistance_levels: Annotated[int | None, typer.Option(rich_help_panel=_E)] = None,
    start_load_kg: Gear = None,
    max_load_kg: Gear = None,
    spotter: Annotated[bool | None, typer.Option(rich_help_panel=_E)] = None,
    start: Annotated[str | None, typer.Option(rich_help_panel=_P, metavar="YYYY-MM-DD")] = None,
    sessions_per_week: Annotated[int | None, typer.Option(rich_help_panel=_P)] = None,
) -> None:
    """Set up the walker of this machine: profile, screening, equipment, units.

    Asks each question in turn (Enter takes the default shown) unless an option answers it;
    [bold]--yes[/bold] or [bold]--from-file[/bold] asks nothing.
    Screening decides whether a plan can start: exit status 3 is a red flag (see a clinician).

    Examples:
      [bold]retrowalk init[/bold]
      [bold]retrowalk init --from-file profile.json[/bold]
      [bold]retrowalk init --yes --age 67 --condition knee_oa --equipment motorized_treadmill
      --min-speed 0.5 --max-speed 10 --speed-step 0.1 --handrails --safety-clip[/bold]
    """
    answers = answers_of(locals(), ANSWER_KEYS)
    ask = not yes and from_file is None
    if ask:
        refuse_without_a_terminal(
            "give the answers as options and add --yes, or use --from-file PROFILE.json."
        )
    with opened() as wiring:
        _refuse_a_second_walker(wiring)
        base = None if from_file is None else read_profile(read_text_file(from_file, "--from-file"))
        onboarded = _onboard(wiring, answers, base, ask)
    _show(onboarded, as_json)


def _onboard(
    wiring: Wiring, answers: dict[str, Any], base: dict[str, Any] | None, ask: bool
) -> Onboarded:
    from retrowalk.cli.init_flow import ask_and_onboard, onboard_as_given

    if ask:
        return ask_and_onboard(wiring, answers, console())
    return onboard_as_given(wiring, answers, base)


def read_profile(text: str) -> dict[str, Any]:
    from retrowalk.cli.init_flow import profile_data

    return profile_data(text)


def _refuse_a_second_walker(wiring: Wiring) -> None:
    from retrowalk.services.local_walker import local_walker

    if local_walker(wiring.uow()) is not None:
        typer.echo(
            f"Error: a walker is already set up in {wiring.settings.data_dir}. "
            "To set up someone else, give them their own data directory "
            "(RETROWALK_DATA_DIR, or `retrowalk config set data_dir PATH`).",
            err=True,
        )
        raise typer.Exit(EXIT_BAD_INPUT)


def _show(onboarded: Onboarded, as_json: bool) -> None:
    from retrowalk.cli.init_result import result_json, show_result

    if as_json:
        print_json(result_json(onboarded))
    else:
        show_result(onboarded, console())
    if onboarded.screening.red:
        raise typer.Exit(EXIT_SAFETY_STOP)
