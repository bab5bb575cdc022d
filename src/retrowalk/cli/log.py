"""`retrowalk log`: record a session, by questions or by options, and show the next decision at
once. Its subcommands change the record afterwards (cli/log_changes.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from retrowalk.cli import log_options as o
from retrowalk.cli.errors import EXIT_BAD_INPUT, refuse_without_a_terminal
from retrowalk.cli.output import console
from retrowalk.cli.wiring import opened, refuse_red_flags, shown_units, the_walker

if TYPE_CHECKING:
    from datetime import date

    from retrowalk.bootstrap import Wiring
    from retrowalk.domain.units import UnitSystem
    from retrowalk.services.log_session import Logged
    from retrowalk.services.records import StoredWalker

log_app = typer.Typer(name="log")
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Ask nothing: answers not given are "
                                   "recorded as unknown (minutes, speed and incline as "
                                   "prescribed).")]  # fmt: skip
Confirm = Annotated[bool, typer.Option("--confirm", help="Log values far from the prescription, "
                                       "or a second session for one day, without asking (with "
                                       "--yes, they are refused without it).")]  # fmt: skip
Json = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def register(app: typer.Typer) -> None:
    from retrowalk.cli.log_changes import register as register_changes

    register_changes(log_app)
    app.add_typer(log_app)


@log_app.callback(invoke_without_command=True)
def log(
    ctx: typer.Context,
    date: o.Day = None,
    done: o.Done = None,
    minutes: o.Minutes = None,
    speed: o.Speed = None,
    incline: o.Incline = None,
    pain_during: o.PainDuring = None,
    pain_after: o.PainAfter = None,
    pain_next_morning: o.PainNextMorning = None,
    rpe: o.Rpe = None,
    sharp_pain: o.SharpPain = None,
    hands: o.Hands = None,
    stable_without_hands: o.Stable = None,
    form_ok: o.FormOk = None,
    swelling: o.Swelling = None,
    locking: o.Locking = None,
    giving_way: o.GivingWay = None,
    notes: o.Notes = None,
    yes: Yes = False,
    confirm: Confirm = False,
    as_json: Json = False,
) -> None:
    """Record a session, then see the next session's decision.

    Asks what the options do not give (Enter takes the prescription's value shown);
    [bold]--yes[/bold] asks nothing. Minutes over twice the prescription, a speed more than
    one belt step above it, an incline above it, or a second log for one day are asked about
    first ([bold]--confirm[/bold] logs them as given). A decimal comma reads as a point
    (1,2 is 1.2). A subcommand changes the record afterwards.

    Examples:
      [bold]retrowalk log[/bold]
      [bold]retrowalk log --yes --pain-during 2 --rpe 5[/bold]
      [bold]retrowalk log --date 2026-11-24 --minutes 4 --pain-next-morning 1 --yes[/bold]
      [bold]retrowalk log morning 1[/bold]   next-morning pain for the last session
    """
    options = {k: v for k, v in locals().items() if k not in ("ctx", "yes", "confirm", "as_json")}
    if ctx.invoked_subcommand is not None:
        _no_options_before(ctx.invoked_subcommand, options, yes or confirm or as_json)
        return
    if not yes:
        refuse_without_a_terminal("give the answers as options and add --yes.")
    with opened() as wiring:
        walker = the_walker(wiring)
        refuse_red_flags(walker)
        units = shown_units(wiring.settings, walker)
        given = o.entry_fields(units, options)
        logged = _record(wiring, walker, units, given, ask=not yes, confirm=confirm)
        today = wiring.clock.today()
    show_logged(logged, units, today, as_json)


def _record(
    wiring: Wiring,
    walker: StoredWalker,
    units: UnitSystem,
    given: dict[str, Any],
    ask: bool,
    confirm: bool,
) -> Logged:
    from retrowalk.cli.log_confirm import Confirmations, refused
    from retrowalk.domain.errors import ConfirmationNeeded, InputError
    from retrowalk.services.log_session import log_command, log_session

    fields, confirmations = dict(given), Confirmations()
    while True:
        if ask:
            fields = _ask(wiring, walker, units, fields)
        try:
            command = log_command(walker_id=walker.id, confirm=confirm, **fields)
            return log_session(command, wiring.uow(), wiring.clock)
        except ConfirmationNeeded as error:
            if not ask:
                raise refused(error, given) from None
            confirm = confirmations.ask(console(), error, fields, set(given))
        except InputError as error:
            if not ask or error.field in given or error.field not in fields:
                raise o.named_by_option(error, given) from None
            console().print(f"[red]✗ {error.value!r}: {error.allowed}.[/red] Please answer again.")
            fields.pop(error.field)


def _ask(
    wiring: Wiring, walker: StoredWalker, units: UnitSystem, fields: dict[str, Any]
) -> dict[str, Any]:
    from retrowalk.cli.log_questions import ask_entry
    from retrowalk.services.today import today_session

    ahead = today_session(walker.id, wiring.uow(), wiring.clock).session
    assert ahead is not None  # a walker without red flags always has a session planned
    return ask_entry(console(), fields, ahead.decision.dose, units, wiring.clock.today())


def show_logged(logged: Logged, units: UnitSystem, today: date, as_json: bool) -> None:
    from retrowalk.cli.log_render import show_log_and_next
    from retrowalk.cli.output import print_json
    from retrowalk.cli.views import logged_json

    if as_json:
        print_json(logged_json(logged.log, logged.next_session))
    else:
        show_log_and_next("Logged", logged.log, logged.next_session, units, today, console())


def _no_options_before(subcommand: str, options: dict[str, Any], flags: bool) -> None:
    if flags or any(value is not None for value in options.values()):
        typer.echo(f"Error: give the options after `log {subcommand}`, not before it.", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
