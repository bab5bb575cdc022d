"""`retrowalk today`: today's session (or the next one, and when), and why this dose.

The card is kept for the rest of the day (cli/today_cache.py); only a change to the database,
a new day or new settings work it out again, which needs the database libraries and engine.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from retrowalk.cli.errors import fail_on_user_error
from retrowalk.cli.today_answer import answer


def register(app: typer.Typer) -> None:
    app.command("today")(today)


def today(
    as_json: Annotated[bool, typer.Option("--json", help="Print the card as JSON.")] = False,
) -> None:
    """Today's session, or the next one and when.

    Sets, speed in your units, incline, hands, the set-up checklist, the form cues the coach
    will give, and why this dose. The day after a walk whose next-morning pain is not known
    yet, it asks for it first (at a terminal; elsewhere it says how: retrowalk log morning N).

    Exit status 3 when screening or the engine stopped walking (see a clinician).

    Examples:
      [bold]retrowalk today[/bold]
      [bold]retrowalk today --json[/bold]
    """
    from retrowalk.cli.today_morning import morning_first

    with fail_on_user_error():
        card = morning_first(_card(), as_json)
    status = answer(card, as_json)
    if status:
        raise typer.Exit(status)


def _card() -> dict[str, Any]:
    from retrowalk.cli.today_cache import cache_key, cached_card, keep_card
    from retrowalk.services.clock import SystemClock
    from retrowalk.settings import get_settings

    settings = get_settings()
    key = cache_key(settings, SystemClock().today())
    card = cached_card(settings, key)
    if card is None:
        from retrowalk.cli.today_card import fresh_card

        card = fresh_card(settings)
        keep_card(settings, key, card)
    return card
