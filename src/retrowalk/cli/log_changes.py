"""`retrowalk log morning|edit|delete|undo`: change the record of a session afterwards. Each
change is kept for undo, and the session still to walk is decided again from the record."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.cli import log_options as o
from retrowalk.cli.errors import refuse_without_a_terminal
from retrowalk.cli.output import console, print_json
from retrowalk.cli.wiring import opened, shown_units, the_walker

if TYPE_CHECKING:
    from retrowalk.bootstrap import Wiring
    from retrowalk.services.records import SessionLog, StoredWalker

LogId = Annotated[int, typer.Argument(metavar="ID", help="The session's id (retrowalk history).")]
Json = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
Change = Callable[["Wiring", "StoredWalker"], "SessionLog"]


def register(log_app: typer.Typer) -> None:
    log_app.command("morning")(morning)
    log_app.command("edit")(edit)
    log_app.command("delete")(delete)
    log_app.command("undo")(undo)


def morning(
    pain: Annotated[int, typer.Argument(metavar="PAIN", help="Knee pain this morning, 0-10.")],
    log_id: Annotated[
        int | None, typer.Option("--id", help="Another session than the last one logged.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Add the next-morning pain to the last session logged (yesterday's, usually).

    Example: [bold]retrowalk log morning 1[/bold]
    """
    from retrowalk.domain.errors import InputError
    from retrowalk.services.commands import read_command
    from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain

    def change(wiring: Wiring, walker: StoredWalker) -> SessionLog:
        target = log_id if log_id is not None else _last_log_id(wiring, walker)
        fields = {"walker_id": walker.id, "log_id": target, "pain": pain}
        try:
            command = read_command(NextMorningIn, fields)
        except InputError as error:
            raise InputError("PAIN", error.value, error.allowed) from None
        return add_next_morning_pain(command, wiring.uow(), wiring.clock)

    _apply("Added the next-morning pain to", change, as_json)


def edit(
    log_id: LogId,
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
    confirm: Annotated[
        bool, typer.Option("--confirm", help="Keep a value far from the prescription as given.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Change what a logged session says; what is not given stays as it was.
    (A session's date cannot change: delete it and log it again.) A value changed far from
    the prescription is refused unless [bold]--confirm[/bold] is given.

    Example: [bold]retrowalk log edit 3 --pain-during 4 --notes "knee ached"[/bold]
    """
    from retrowalk.cli.log_confirm import refused
    from retrowalk.domain.errors import ConfirmationNeeded, InputError
    from retrowalk.services.log_edit import edit_log

    options = {k: v for k, v in locals().items() if k not in ("log_id", "confirm", "as_json")}

    def change(wiring: Wiring, walker: StoredWalker) -> SessionLog:
        units = shown_units(wiring.settings, walker)
        changes = o.entry_fields(units, {**options, "date": None})
        if not changes:
            raise InputError("ID", log_id, "give at least one change, such as --pain-during 3")
        try:
            return edit_log(walker.id, log_id, changes, wiring.uow(), wiring.clock, confirm)
        except ConfirmationNeeded as error:
            raise refused(error, changes) from None
        except InputError as error:
            raise o.named_by_option(error, changes) from None

    _apply("Changed", change, as_json)


def delete(
    log_id: LogId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    as_json: Json = False,
) -> None:
    """Delete a logged session (`retrowalk log undo` brings it back).

    Example: [bold]retrowalk log delete 3[/bold]
    """
    from retrowalk.cli import ask
    from retrowalk.services.log_edit import delete_log

    if not yes:
        refuse_without_a_terminal("add --yes to delete.")

    def change(wiring: Wiring, walker: StoredWalker) -> SessionLog:
        question = f"Delete session {log_id}? You can undo it with `retrowalk log undo`."
        if not yes and not ask.ask(console(), question, ask.yes_no, "no"):
            raise typer.Exit()
        return delete_log(walker.id, log_id, wiring.uow(), wiring.clock)

    _apply("Deleted", change, as_json)


def undo(as_json: Json = False) -> None:
    """Undo the latest edit or delete not undone yet.

    Example: [bold]retrowalk log undo[/bold]
    """
    from retrowalk.services.log_edit import undo_last_change

    def change(wiring: Wiring, walker: StoredWalker) -> SessionLog:
        return undo_last_change(walker.id, wiring.uow(), wiring.clock)

    _apply("Undid the last change to", change, as_json)


def _apply(verb: str, change: Change, as_json: bool) -> None:
    """Make the change, then show the session as it now stands and the session still to walk."""
    from retrowalk.cli.log_render import show_log_and_next
    from retrowalk.cli.views import logged_json
    from retrowalk.services.walker_plan import require_plan

    with opened() as wiring:
        walker = the_walker(wiring)
        changed = change(wiring, walker)
        with wiring.uow().reading() as uow:
            following = require_plan(uow, walker)
        units = shown_units(wiring.settings, walker)
        today = wiring.clock.today()
    if as_json:
        print_json(logged_json(changed, following))
    else:
        show_log_and_next(verb, changed, following, units, today, console())


def _last_log_id(wiring: Wiring, walker: StoredWalker) -> int:
    from retrowalk.domain.errors import InputError
    from retrowalk.services.history import Period, history

    logged = history(Period(walker_id=walker.id), wiring.uow())
    if not logged:
        raise InputError("PAIN", None, "there is no logged session yet to add it to")
    return logged[-1].log_id
