"""The options that describe a logged session, shared by `retrowalk log` and `log edit`, and
how each maps to a field of the session-log service (speeds in the units shown)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import UnitSystem

Day = Annotated[
    str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The day walked (today).")
]
# Numbers are read by the session log itself, so "1,2" means 1.2 here as in the web and the API.
Minutes = Annotated[str | None, typer.Option("--minutes", metavar="NUMBER", help="Minutes walked.")]
Speed = Annotated[
    str | None, typer.Option("--speed", metavar="NUMBER", help="Belt speed, in your units.")
]
Incline = Annotated[
    str | None, typer.Option("--incline", metavar="NUMBER", help="Incline walked, in %.")
]
PainDuring = Annotated[
    int | None, typer.Option("--pain-during", help="Knee pain while walking, 0-10.")
]
PainAfter = Annotated[int | None, typer.Option("--pain-after", help="Knee pain just after, 0-10.")]
PainNextMorning = Annotated[
    int | None,
    typer.Option("--pain-next-morning", help="Knee pain the morning after, 0-10 (for a past day)."),
]
Rpe = Annotated[int | None, typer.Option("--rpe", help="Effort, 0 (resting) to 10 (all out).")]
SharpPain = Annotated[bool | None, typer.Option("--sharp-pain/--no-sharp-pain")]
Hands = Annotated[HandSupport | None, typer.Option("--hands", help="Hands on the rails.")]
Stable = Annotated[
    bool | None,
    typer.Option(
        "--stable-without-hands/--not-stable-without-hands",
        help="Steady enough to let go of the rails.",
    ),
]
Notes = Annotated[str | None, typer.Option("--notes", help="Anything to note for next time.")]

# The service's field → the option that gives it (speeds: either unit).
OPTION_OF = {
    "date": "--date",
    "minutes_done": "--minutes",
    "speed_done_mph": "--speed",
    "speed_done_kmh": "--speed",
    "incline_done_percent": "--incline",
    "pain_during": "--pain-during",
    "pain_after": "--pain-after",
    "pain_next_morning": "--pain-next-morning",
    "rpe": "--rpe",
    "sharp_pain": "--sharp-pain",
    "hands_used": "--hands",
    "stable_without_hands": "--stable-without-hands",
    "notes": "--notes",
}


def entry_fields(units: UnitSystem, options: dict[str, Any]) -> dict[str, Any]:
    """The service's fields from the options given (keyed by parameter name); None: not given."""
    fields = {
        "date": options["date"],
        "minutes_done": options["minutes"],
        f"speed_done_{units.speed_unit.value}": options["speed"],
        "incline_done_percent": options["incline"],
        "pain_during": options["pain_during"],
        "pain_after": options["pain_after"],
        "pain_next_morning": options["pain_next_morning"],
        "rpe": options["rpe"],
        "sharp_pain": options["sharp_pain"],
        "hands_used": None if options["hands"] is None else options["hands"].value,
        "stable_without_hands": options["stable_without_hands"],
        "notes": options["notes"],
    }
    return {name: value for name, value in fields.items() if value is not None}


def named_by_option(error: InputError, given: dict[str, Any]) -> InputError:
    """The same refusal, naming the option when the field was given as one."""
    if error.field in given and error.field in OPTION_OF:
        return InputError(OPTION_OF[error.field], error.value, error.allowed)
    return error
