"""What every command that reads or writes the database shares: opening the store (mistakes and
storage refusals become one line and exit status 2), the walker of this machine, the units to
show; and, from cli/output.py, the console and JSON.

Heavy libraries load inside these functions, never at import: `retrowalk --help` and the
cached `retrowalk today` must not pay for SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from retrowalk.cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_SAFETY_STOP,
    fail_on_storage_error,
    fail_on_user_error,
)
from retrowalk.cli.output import NO_WALKER

if TYPE_CHECKING:
    from retrowalk.bootstrap import Wiring
    from retrowalk.domain.units import UnitSystem
    from retrowalk.services.records import StoredWalker
    from retrowalk.settings import Settings


@contextmanager
def opened(check_schema: bool = True) -> Iterator[Wiring]:
    """The store, open for the length of a command (`check_schema` False for the commands that
    bring an old database up to date)."""
    from retrowalk.bootstrap import bootstrap

    with fail_on_user_error(), fail_on_storage_error():
        wiring = bootstrap(check_schema=check_schema)
        try:
            yield wiring
        finally:
            wiring.close()


def the_walker(wiring: Wiring) -> StoredWalker:
    """The walker of this machine, or the empty state's message and exit status 2."""
    from retrowalk.services.local_walker import local_walker

    walker = local_walker(wiring.uow())
    if walker is None:
        typer.echo(NO_WALKER, err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    return walker


def shown_units(settings: Settings, walker: StoredWalker) -> UnitSystem:
    """The units to show numbers in: the `units` setting if set, else the walker's own."""
    from retrowalk.domain.units import UnitSystem

    return UnitSystem(settings.units) if settings.units else walker.profile.units


def refuse_red_flags(walker: StoredWalker) -> None:
    """A walker screening stopped has no plan: say why, and exit with the safety status."""
    red = [flag for flag in walker.flags if flag.level.value == "red"]
    if red:
        for flag in red:
            typer.echo(f"No plan: {flag.message}", err=True)
        raise typer.Exit(EXIT_SAFETY_STOP)
