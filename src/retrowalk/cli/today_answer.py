"""Printing today's card and choosing the exit status, without Typer: `retrowalk today` answers
from the day's cached card before the command-line app is even loaded (cli/main.py), and the
Typer command prints through the same function, so both give the same bytes."""

from __future__ import annotations

import sys
from typing import Any

from retrowalk.cli.output import NO_WALKER, console, print_json

EXIT_OK, EXIT_BAD_INPUT, EXIT_SAFETY_STOP = 0, 2, 3


def answer(card: dict[str, Any], as_json: bool) -> int:
    """Print the card (JSON, or for people) and return the exit status: 2 before onboarding,
    3 when screening or the engine stopped walking."""
    if card["walker_id"] is None:
        sys.stderr.write(NO_WALKER + "\n")
        return EXIT_BAD_INPUT
    if as_json:
        print_json(card)
    else:
        from retrowalk.cli.today_render import show_card

        show_card(card, console())
    session = card["session"]
    return EXIT_SAFETY_STOP if session is None or not session["decision"]["walk"] else EXIT_OK


def answer_from_cache(as_json: bool) -> int | None:
    """The exit status after answering from the cached card, or None when there is no card
    for today (or the settings are wrong), or its morning question is to be asked: the full
    command then works it out, explains, or asks."""
    from retrowalk.cli.today_cache import cache_key, cached_card
    from retrowalk.domain.errors import RetrowalkError
    from retrowalk.services.clock import SystemClock
    from retrowalk.settings import get_settings

    try:
        settings = get_settings()
    except RetrowalkError:
        return None
    card = cached_card(settings, cache_key(settings, SystemClock().today()))
    if card is None or _asks_first(card, as_json):
        return None
    return answer(card, as_json)


def _asks_first(card: dict[str, Any], as_json: bool) -> bool:
    """The morning question is to be asked at this terminal (by the full command)."""
    from retrowalk.cli.today_morning import interactive

    return card.get("morning") is not None and not as_json and interactive()
