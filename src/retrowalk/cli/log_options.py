"""The options that describe a logged session, shared by `retrowalk log` and `log edit`, and
how each maps to a field of the session-log service (speeds in the units shown)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import InputError
from retrowalk.domain.outcome_fields import OUTCOME_FIELDS
from retrowalk.domain.units import UnitSystem

_FIELD = {f.name: f for f in OUTCOME_FIELDS}
# Where the command names an answer otherwise than `--field-name` and the parameter `field_name`.
OPTIONS = {"minutes_done": "--minutes"}
PARAMETERS = {"minutes_done": "minutes"}


def _o(name: str) -> str:
    return _FIELD[name].option


def _help(name: str) -> str:
    return _FIELD[name].label


def _yes_no(name: str) -> str:
    return f"{_o(name)}/--no-{_o(name).removeprefix('--')}"


Day = Annotated[
    str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The day walked (today).")
]
# Numbers are read by the session log itself, so "1,2" means 1.2 here as in the web and the API.
Minutes = Annotated[
    str | None,
    typer.Option(OPTIONS["minutes_done"], metavar="NUMBER", help=_help("minutes_done")),
]
Speed = Annotated[
    str | None, typer.Option("--speed", metavar="NUMBER", help="Belt speed, in your units.")
]
Incline = Annotated[
    str | None, typer.Option("--incline", metavar="NUMBER", help="Incline walked, in %.")
]
# The answers' options: named and explained by the one list of a session's fields. Typer needs
# each as a parameter of the command, so their types are written here; `OPTION_OF` and
# `entry_fields` map them all from the list.
Done = Annotated[bool | None, typer.Option(f"{_o('done')}/--missed", help=_help("done"))]
PainDuring = Annotated[int | None, typer.Option(_o("pain_during"), help=_help("pain_during"))]
PainAfter = Annotated[int | None, typer.Option(_o("pain_after"), help=_help("pain_after"))]
PainNextMorning = Annotated[
    int | None, typer.Option(_o("pain_next_morning"), help=_help("pain_next_morning"))
]
Rpe = Annotated[int | None, typer.Option(_o("rpe"), help=_help("rpe"))]
SharpPain = Annotated[bool | None, typer.Option(_yes_no("sharp_pain"), help=_help("sharp_pain"))]
Stable = Annotated[
    bool | None,
    typer.Option(
        f"{_o('stable_without_hands')}/--not-stable-without-hands",
        help=_help("stable_without_hands"),
    ),
]
FormOk = Annotated[bool | None, typer.Option(f"{_o('form_ok')}/--poor-form", help=_help("form_ok"))]
Swelling = Annotated[bool | None, typer.Option(_yes_no("swelling"), help=_help("swelling"))]
Locking = Annotated[bool | None, typer.Option(_yes_no("locking"), help=_help("locking"))]
GivingWay = Annotated[bool | None, typer.Option(_yes_no("giving_way"), help=_help("giving_way"))]
Hands = Annotated[HandSupport | None, typer.Option("--hands", help="Hands on the rails.")]
Notes = Annotated[str | None, typer.Option("--notes", help="Anything to note for next time.")]

# The service's field → the option that gives it (speeds: either unit).
OPTION_OF = {
    "date": "--date",
    **{f.name: OPTIONS.get(f.name, f.option) for f in OUTCOME_FIELDS},
    "speed_done_mph": "--speed",
    "speed_done_kmh": "--speed",
    "incline_done_percent": "--incline",
    "hands_used": "--hands",
    "notes": "--notes",
}


def entry_fields(units: UnitSystem, options: dict[str, Any]) -> dict[str, Any]:
    """The service's fields from the options given (keyed by parameter name); None: not given."""
    fields = {
        "date": options["date"],
        **{f.name: options[PARAMETERS.get(f.name, f.name)] for f in OUTCOME_FIELDS},
        f"speed_done_{units.speed_unit.value}": options["speed"],
        "incline_done_percent": options["incline"],
        "hands_used": None if options["hands"] is None else options["hands"].value,
        "notes": options["notes"],
    }
    return {name: value for name, value in fields.items() if value is not None}


def named_by_option(error: InputError, given: dict[str, Any]) -> InputError:
    """The same refusal, naming the option when the field was given as one."""
    if error.field in given and error.field in OPTION_OF:
        return InputError(OPTION_OF[error.field], error.value, error.allowed)
    return error
