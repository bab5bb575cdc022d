"""How the pages and the API put things into words: speeds in the walker's units, dates, doses.
Sentences that the coach also says come from the cue catalogue (domain/cues.py), never from here.
"""

from __future__ import annotations

from datetime import date

from retrowalk.domain.cues import Cue, duration_words, say, sets_words
from retrowalk.domain.dose import Dose
from retrowalk.domain.engine_state import Decision, DecisionKind
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.units import Speed, UnitSystem, format_number
from retrowalk.services.log_session import Logged


def speed_text(speed: Speed | None, units: UnitSystem) -> str:
    return "your own pace" if speed is None else speed.describe(units.speed_unit)


def day_text(on: date, today: date) -> str:
    """'today', 'tomorrow', or 'Wednesday 6 January 2027'."""
    if on == today:
        return "today"
    if (on - today).days == 1:
        return "tomorrow"
    return f"{on:%A} {on.day} {on:%B %Y}"


def sets_text(sets: tuple[float, ...] | list[float], rest_minutes: float) -> str:
    """'2 sets: 5 minutes and 5 minutes, 1 minute rest between' (the domain's words)."""
    return sets_words(sets, rest_minutes)


def dose_rows(dose: Dose, units: UnitSystem) -> list[tuple[str, str]]:
    """The dose as label and value pairs, leaving out what this equipment has no use for."""
    rows = [("Walking time", duration_words(dose.minutes))]
    rows.append(("Speed", speed_text(dose.speed, units)))
    if dose.incline_percent:
        rows.append(("Incline", f"{format_number(dose.incline_percent)} %"))
    rows.append(("Hands", dose.hands.describe()))
    if dose.resistance_level is not None:
        rows.append(("Resistance", f"level {dose.resistance_level}"))
    if dose.load_kg is not None:
        rows.append(("Sled load", f"{format_number(dose.load_kg)} kg"))
    if dose.distance_m is not None:
        rows.append(("Distance", f"{dose.distance_m} m"))
    return rows


def logged_summary(logged: Logged) -> str:
    """'Saved. Next session, 2027-01-06: …' in the coach's own words."""
    following = logged.next_session
    reasons = " ".join(following.decision.reasons)
    upcoming = say(Cue.NEXT_SESSION, date=following.on.isoformat(), reasons=reasons).text
    return say(Cue.LOGGED, summary=upcoming).text


DECISION_LABELS = {
    DecisionKind.START: "First session",
    DecisionKind.PROGRESS: "Step up",
    DecisionKind.HOLD: "Same dose",
    DecisionKind.REGRESS: "Step down",
    DecisionKind.DELOAD: "Eased back",
    DecisionKind.PAUSED: "Walking stopped",
}


def decision_label(decision: Decision) -> str:
    """'Step up', 'Same dose', 'Step down' ...: what a decision did, in two words."""
    if not decision.walk:
        return DECISION_LABELS[DecisionKind.PAUSED]
    return DECISION_LABELS[decision.kind]


def walked_text(outcome: SessionOutcome, dose: Dose) -> str:
    """'missed', 'all 3 minutes', or '10 seconds of 3 minutes (stopped early)'."""
    if not outcome.done:
        return "missed"
    done = outcome.minutes_done
    if done is not None and done < dose.minutes:
        return f"{duration_words(done)} of {duration_words(dose.minutes)} (stopped early)"
    return f"all {duration_words(dose.minutes)}"


def first_upper(text: str) -> str:
    """The first letter in upper case, the rest as it was ('Wednesday 6 January', not
    Jinja's 'capitalize', which lowers the month)."""
    return text[:1].upper() + text[1:]
