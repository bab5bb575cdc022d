"""Today's card for people: the dose in large type, then why, the checklist and the cues."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from retrowalk.cli.views import dose_words
from retrowalk.domain.cues import duration_words
from retrowalk.domain.units import UnitSystem, format_number

NO_PLAN = (
    "No sessions are planned. Show this to your doctor or physical therapist before any "
    "backward walking."
)


def show_card(card: dict[str, Any], console: Console) -> None:
    morning = card.get("morning")
    if morning is not None:  # first: the next morning is not known yet
        answer = f"{morning['question']}\nTell retrowalk: [bold]retrowalk log morning N[/bold]"
        console.print(Panel(answer, title="First, this morning", border_style="yellow"))
    red = [flag for flag in card["flags"] if flag["level"] == "red"]
    session = card["session"]
    if red or session is None:
        body = "\n".join(f"• {flag['message']}" for flag in red)
        console.print(Panel(f"{body}\n\n{NO_PLAN}", title="No plan", border_style="red"))
        return
    console.print(_heading(card, session))
    decision = session["decision"]
    if not decision["walk"]:
        reasons = " ".join(decision["reasons"])
        console.print(Panel(reasons, title="No walking for now", border_style="red"))
        return
    units = UnitSystem(card["units"])
    console.print(Panel(_dose(session, units), border_style="cyan", expand=False))
    _section(console, "Why this dose", decision["reasons"])
    _section(console, "Before the belt moves", card["checklist"], "□")
    _section(console, "Form cues the coach will give", card["cues"])
    if session["is_today"] and card["checklist"]:  # the live coach needs a treadmill
        console.print("\nWalk it with the coach: [bold]retrowalk go[/bold]")


def _heading(card: dict[str, Any], session: dict[str, Any]) -> Text:
    on = date.fromisoformat(session["on"])
    number = f"session {session['seq'] + 1}"
    if session["is_today"]:
        return Text.assemble(("Today", "bold"), f" · {on:%A %d %B %Y} · {number}")
    days = (on - date.fromisoformat(card["today"])).days
    away = "tomorrow" if days == 1 else f"in {days} days"
    return Text.assemble(
        ("Next session", "bold"), f" · {on:%A %d %B %Y} ({away}) · {number}\nToday is a rest day."
    )


def _dose(session: dict[str, Any], units: UnitSystem) -> Text:
    text = Text(dose_words(session["decision"], units), style="bold")
    sets = session["sets"]
    if len(sets) > 1:
        minutes = " + ".join(format_number(m, 2) for m in sets)
        rest = duration_words(session["rest_minutes"])
        text.append(f"\n{len(sets)} sets: {minutes} minutes, {rest} of rest between them")
    if session["energy_kcal"] is not None:
        text.append(f"\nAbout {format_number(session['energy_kcal'], 0)} kcal (an estimate)")
    return text


def _section(console: Console, title: str, lines: list[str], bullet: str = "•") -> None:
    if not lines:
        return
    console.print(f"\n[bold]{title}[/bold]")
    for line in lines:
        console.print(f"  {bullet} {line}")
