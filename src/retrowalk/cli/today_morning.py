"""The morning question in `retrowalk today`, asked before the card (services/morning.py): at a
terminal, a prompt for the next-morning pain in one answer (Enter: not now); the answer is kept
once and the card worked out again with it. Elsewhere the card says how to answer."""

from __future__ import annotations

import sys
from typing import Any

from retrowalk.cli.output import console

NOT_A_PAIN = "Please give a whole number from 0 to 10, or press Enter to answer later."


def interactive() -> bool:
    """Someone at a terminal can answer."""
    return sys.stdin is not None and sys.stdin.isatty()


def morning_first(card: dict[str, Any], as_json: bool) -> dict[str, Any]:
    """The card, after asking its morning question when someone can answer it now."""
    morning = card.get("morning")
    if morning is None or as_json or not interactive():
        return card
    pain = ask_pain(morning["question"])
    if pain is None:
        return card
    return keep_morning(morning["log_id"], pain)


def ask_pain(question: str) -> int | None:
    """The pain typed (0-10), or None for Enter (not now)."""
    while True:
        try:
            answer = console().input(f"[bold]{question}[/bold] (Enter: later) ").strip()
        except EOFError:
            return None
        if not answer:
            return None
        if answer.isdigit() and int(answer) <= 10:
            return int(answer)
        console().print(NOT_A_PAIN)


def keep_morning(log_id: int, pain: int) -> dict[str, Any]:
    """Keep the answer (once: a morning answered already is left as it was) and the card again,
    worked out with it."""
    from retrowalk.cli.today_cache import cache_key, keep_card
    from retrowalk.cli.today_card import fresh_card
    from retrowalk.cli.wiring import opened, the_walker
    from retrowalk.domain.errors import ConflictError
    from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain
    from retrowalk.settings import get_settings

    with opened() as wiring:
        walker = the_walker(wiring)
        command = NextMorningIn(walker_id=walker.id, log_id=log_id, pain=pain, once=True)
        try:
            add_next_morning_pain(command, wiring.uow(), wiring.clock)
            console().print(f"Kept: {pain}/10 the morning after. Today's session, with it:")
        except ConflictError:
            console().print("That morning was answered already; it is kept as it was.")
        today = wiring.clock.today()
    settings = get_settings()
    key = cache_key(settings, today)
    card = fresh_card(settings)
    keep_card(settings, key, card)
    return card
