"""The date range options of the read commands, checked by the services' own Period."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from retrowalk.services.history import Period

Since = Annotated[
    str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="From this day on.")
]
Until = Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="Up to this day.")]


def period(walker_id: int, since: str | None, until: str | None) -> Period:
    """The walker's period, or an InputError naming `--since` or `--until`."""
    from retrowalk.domain.errors import InputError
    from retrowalk.services.commands import read_command
    from retrowalk.services.history import Period

    fields = {"walker_id": walker_id, "since": since, "until": until}
    try:
        return read_command(Period, fields)
    except InputError as error:
        option = error.field if error.field in ("since", "until") else "since"
        raise InputError(f"--{option}", error.value, error.allowed) from None
