"""A logged session, or a change to the walker or their equipment, and the decision it led to,
for people."""

from __future__ import annotations

from datetime import date

from rich.console import Console

from retrowalk.cli.views import decision_json, dose_words, log_json, speed_words
from retrowalk.domain.cues import duration_words
from retrowalk.domain.screening import Flag
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import UnitSystem
from retrowalk.services.records import SessionLog, StoredPlannedSession
from retrowalk.services.report_decisions import kind_words


def show_log_and_next(
    verb: str,
    log: SessionLog,
    following: StoredPlannedSession,
    units: UnitSystem,
    today: date,
    console: Console,
) -> None:
    console.print(f"[green]✓[/green] {verb} session {log.id} ({log.on:%A %d %B %Y}): "
                  f"{log_words(log, units)}.")  # fmt: skip
    show_next(following, units, today, console)


def show_next(
    following: StoredPlannedSession, units: UnitSystem, today: date, console: Console
) -> None:
    """The next session as the engine decided it; a day already past is pointed out (the
    engine decides again for today, see `retrowalk today`)."""
    words = dose_words(decision_json(following.decision), units)
    console.print(f"Next session, {following.on:%A %d %B %Y}: [bold]{words}"
                  f"[/bold]")  # fmt: skip
    kind = kind_words(following.decision)
    console.print(f"  {kind}: {' '.join(following.decision.reasons)}")
    if following.on < today:
        console.print("  [dim]That day has passed: `retrowalk today` shows what to walk now.[/dim]")


def show_replanned(
    pending: StoredPlannedSession | None,
    red: tuple[Flag, ...],
    stopped: str,
    units: UnitSystem,
    console: Console,
) -> None:
    """After a change: the session planned again, or each red flag that leaves none, said after
    `stopped`."""
    if pending is None:
        for flag in red:
            console.print(f"[red]{stopped}[/red] {flag.message}")
        return
    words = dose_words(decision_json(pending.decision), units)
    console.print(f"Next session, {pending.on:%A %d %B %Y}: [bold]{words}[/bold]")


def log_words(log: SessionLog, units: UnitSystem) -> str:
    """'4 minutes at 0.5 mph, pain 2/10, effort 5/10' (what was done, as logged)."""
    entry = log_json(log)["entry"]
    if not entry["done"]:
        return "missed"
    minutes = entry["minutes_done"]
    parts = ["as prescribed" if minutes is None else duration_words(minutes)]
    if entry["speed_done"] is not None:
        parts[0] += f" at {speed_words(entry['speed_done'], units)}"
    pains = [f"pain {_given(entry['pain_during'])}"]
    if entry["pain_after"] is not None:
        pains.append(f"after {entry['pain_after']}/10")
    if entry["pain_next_morning"] is not None:
        pains.append(f"next morning {entry['pain_next_morning']}/10")
    parts += [", ".join(pains), f"effort {_given(entry['rpe'])}"]
    if entry["sharp_pain"]:
        parts.append("sharp pain")
    if entry["stop_reason"] is not None:
        parts.append(f"stopped: {StopReason(entry['stop_reason']).describe()}")
    if log.deleted:
        parts.append("deleted")
    return ", ".join(parts)


def _given(value: int | None) -> str:
    """'2/10', or 'not given' for an answer the walker skipped."""
    return "not given" if value is None else f"{value}/10"
