"""What `retrowalk init` shows once screening has spoken: red (no plan: why, and what to do),
yellow (what it changes; the first session's reasons explain a cautious start), then the first
session and what to run next."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from retrowalk.cli.views import decision_json, dose_words
from retrowalk.cli.wiring import shown_units
from retrowalk.domain.screening import FlagLevel
from retrowalk.services.onboard import Onboarded
from retrowalk.settings import get_settings

WHAT_TO_DO = (
    "What to do: show this to your doctor or physical therapist before any backward walking. "
    "retrowalk has kept your answers and planned no sessions; `retrowalk today` will say the "
    "same."
)


def result_json(onboarded: Onboarded) -> dict[str, Any]:
    from retrowalk.services.public_walkers import OnboardedPublic

    return OnboardedPublic.of(onboarded).model_dump(mode="json")


def show_result(onboarded: Onboarded, console: Console) -> None:
    screening = onboarded.screening
    if screening.red:
        body = "\n".join(f"• {flag.message}" for flag in screening.red)
        console.print(Panel(f"{body}\n\n{WHAT_TO_DO}", title="No plan yet", border_style="red"))
        return
    yellow = [flag for flag in screening.flags if flag.level is FlagLevel.YELLOW]
    if yellow:
        body = "\n".join(f"• {flag.message}" for flag in yellow)
        console.print(Panel(body, title="Go gently", border_style="yellow"))
    first = onboarded.first_session
    assert first is not None  # screening cleared the walker, so onboarding planned a session
    units = shown_units(get_settings(), onboarded.walker)
    session = decision_json(first.decision)
    console.print(f"[green]✓[/green] Set up. First session, {first.on:%A %d %B %Y}:")
    console.print(f"  [bold]{dose_words(session, units)}[/bold]")
    console.print(f"  {' '.join(first.decision.reasons)}")
    console.print("Next: `retrowalk today` to see it, `retrowalk go` to walk it with the coach.")
    for warning in onboarded.warnings:
        console.print(Text(f"Note: {warning}", style="dim"))
