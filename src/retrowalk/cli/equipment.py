"""`retrowalk equipment`: show the equipment in use, or change it (a new treadmill, another kind).

A change is screened again and re-plans the session still to walk (services/equipment_change);
the options are `retrowalk init`'s equipment options, or a file holding an `equipment` object.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from retrowalk.cli.errors import read_text_file
from retrowalk.cli.init_answers import (
    ALL_EQUIPMENT_KEYS,
    answers_of,
    named_by_option,
    onboard_data,
)
from retrowalk.cli.output import console, print_json
from retrowalk.cli.wiring import opened, shown_units, the_walker
from retrowalk.domain.equipment import Equipment, EquipmentKind
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import SpeedUnit, UnitSystem
from retrowalk.services.equipment_settings import equipment_settings

if TYPE_CHECKING:
    from retrowalk.services.equipment_change import EquipmentChanged

Gear = Annotated[float | None, typer.Option(show_default=False)]
Tick = Annotated[bool | None, typer.Option(show_default=False)]


def register(app: typer.Typer) -> None:
    app.command("equipment")(equipment)


def equipment(  # one option per field of the equipment, as `retrowalk init` has them
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from-file",
            metavar="EQUIPMENT.json",
            help="A JSON object with an `equipment` object (a profile or scenario file works).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    kind: Annotated[
        EquipmentKind | None,
        typer.Option(metavar="KIND", help=", ".join(EquipmentKind), show_default=False),
    ] = None,
    speed_unit: Annotated[SpeedUnit | None, typer.Option(show_default=False)] = None,
    min_speed: Gear = None,
    max_speed: Gear = None,
    speed_step: Gear = None,
    max_incline_percent: Gear = None,
    incline_step_percent: Gear = None,
    handrails: Tick = None,
    safety_clip: Tick = None,
    incline_degrees: Gear = None,
    resistance_levels: Annotated[int | None, typer.Option(show_default=False)] = None,
    start_load_kg: Gear = None,
    max_load_kg: Gear = None,
    spotter: Tick = None,
) -> None:
    """Show the equipment in use, or put new equipment in use and re-plan the next session.

    The new equipment is screened again. On the same kind the dose carries over to its own
    settings, never higher; another kind starts its own programme. Logged sessions stay as they
    were. Equipment screening will not plan for is refused (exit status 2) and nothing changes.

    Examples:
      [bold]retrowalk equipment[/bold]
      [bold]retrowalk equipment --kind motorized_treadmill --speed-unit kmh --min-speed 0.8
      --max-speed 16 --speed-step 0.1 --max-incline-percent 12 --incline-step-percent 1
      --handrails --safety-clip[/bold]
      [bold]retrowalk equipment --from-file profile.json[/bold]
    """
    answers = answers_of(locals(), ALL_EQUIPMENT_KEYS)
    if kind is not None:
        answers["equipment"] = kind.value
    with opened() as wiring:
        walker = the_walker(wiring)
        if not answers and from_file is None:
            _show_in_use(walker.equipment, shown_units(wiring.settings, walker), as_json)
            return
        from retrowalk.services.equipment_change import change_equipment, equipment_change_command

        base = None if from_file is None else _equipment_file(from_file)
        data = {"equipment": onboard_data(answers, base)["equipment"]}
        try:
            command = equipment_change_command(data)
            changed = change_equipment(walker.id, command, wiring.uow(), wiring.clock)
        except InputError as error:
            options_only = from_file is None
            raise named_by_option(error, answers, options_only, {"equipment": "--kind"}) from None
        units = shown_units(wiring.settings, changed.walker)
    if as_json:
        print_json(_changed_json(changed))
    else:
        _show_changed(changed, units)


def _show_in_use(kit: Equipment, units: UnitSystem, as_json: bool) -> None:
    from retrowalk.services.answer_words import equipment_words

    if as_json:
        print_json({"kind": kit.kind.value, **equipment_settings(kit)})
        return
    out = console()
    out.print(f"[bold]Equipment in use:[/bold] {equipment_words(kit, units)}")
    out.print("To change it: `retrowalk equipment --help`.")


def _equipment_file(path: Path) -> dict[str, Any]:
    """A profile (or scenario) file's `equipment`; nothing else in it is used."""
    from retrowalk.cli.init_flow import profile_data

    profile = profile_data(read_text_file(path, "--from-file"))
    if not isinstance(profile.get("equipment"), dict):
        raise InputError("--from-file", str(path), "give a JSON object with an `equipment` object")
    return {"equipment": profile["equipment"]}


def _changed_json(changed: EquipmentChanged) -> dict[str, Any]:
    from retrowalk.services.public_walkers import EquipmentChangedPublic

    return EquipmentChangedPublic.of(changed).model_dump(mode="json")


def _show_changed(changed: EquipmentChanged, units: UnitSystem) -> None:
    from retrowalk.cli.log_render import show_replanned

    out = console()
    from retrowalk.services.answer_words import EQUIPMENT_WORDS

    kind = EQUIPMENT_WORDS[changed.walker.equipment.kind]
    out.print(f"[green]✓[/green] Equipment changed: {kind}.")
    for note in changed.notes:
        out.print(f"  • {note}")
    show_replanned(changed.pending, changed.screening.red, "No plan:", units, out)
