"""Plain-words descriptions of doses, changes and outcomes, for the reasons every decision carries.

Speeds are shown in the walker's own units.
"""

from __future__ import annotations

from collections.abc import Callable

from retrowalk.domain.dose import Dose, DoseValue, DoseVariable, HandSupport
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, Outdoor, Sled
from retrowalk.domain.outcome import SessionOutcome, Verdict
from retrowalk.domain.programme import Programme
from retrowalk.domain.units import Speed, format_number


def describe_dose(p: Programme, dose: Dose) -> str:
    minutes = f"{format_number(dose.minutes)} min"
    hands = dose.hands.describe()
    equipment = p.equipment
    if isinstance(equipment, Sled):
        return (
            f"{dose.set_count} sets of {dose.distance_m} m pulling "
            f"{format_number(dose.load_kg or 0)} kg"
        )
    if isinstance(equipment, Outdoor):
        distance = f", covering {dose.distance_m} m" if dose.distance_m else ""
        return f"{minutes} outdoors{distance}"
    if isinstance(equipment, Deadmill):
        return f"{minutes} pushing the belt with the motor off, {hands}"
    if isinstance(equipment, ManualTreadmill):
        return f"{minutes} at resistance level {dose.resistance_level}, {hands}"
    return f"{minutes} at {_speed(p, dose.speed)}, {_incline(dose.incline_percent)}, {hands}"


def describe_change(p: Programme, variable: DoseVariable, before: Dose, after: Dose) -> str:
    """'speed +0.1 mph (0.5 → 0.6 mph)', 'hand support: one hand on a rail'."""
    old, new = before.value_of(variable), after.value_of(variable)
    if variable is DoseVariable.HAND_SUPPORT and isinstance(new, HandSupport):
        return f"hand support: {new.describe()}"
    if variable is DoseVariable.SPEED and isinstance(old, Speed) and isinstance(new, Speed):
        unit = p.walker.units.speed_unit
        delta = new.in_unit(unit) - old.in_unit(unit)
        sign = "+" if delta > 0 else "-"
        shown = f"{_number(old.in_unit(unit))} → {new.describe(unit)}"
        return f"speed {sign}{format_number(abs(delta), 2)} {unit.label} ({shown})"
    label, unit_label = _LABELS[variable]
    if variable is DoseVariable.DISTANCE and old is None:
        return f"distance: cover {_number(new)} m in {format_number(after.minutes)} min"
    if variable is DoseVariable.DISTANCE and new is None:
        return f"distance: back to minutes only (was {_number(old)} m)"
    return f"{label} {_number(old)} → {_number(new)}{unit_label}"


_LABELS = {
    DoseVariable.MINUTES: ("minutes", " min"),
    DoseVariable.INCLINE: ("incline", " %"),
    DoseVariable.RESISTANCE: ("resistance level", ""),
    DoseVariable.LOAD: ("sled load", " kg"),
    DoseVariable.DISTANCE: ("distance", " m"),
    DoseVariable.SETS: ("sets", ""),
    DoseVariable.SPEED: ("speed", ""),
    DoseVariable.HAND_SUPPORT: ("hand support", ""),
}


def outcome_problem(p: Programme, verdict: Verdict, outcome: SessionOutcome, dose: Dose) -> str:
    """Why the last session does not yet count toward moving on."""
    problem = _PROBLEMS.get(verdict)
    return (
        "the last session did not go as planned" if problem is None else problem(p, outcome, dose)
    )


def _over_limit(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    limit = p.protocol.pain.acceptable_max
    return f"pain {outcome.session_pain}/10 in the last session was over the {limit}/10 limit"


def _morning_over(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    return (
        f"pain the next morning ({outcome.pain_next_morning}/10) was well above your usual "
        f"{p.walker.rest_pain}/10"
    )


def _partial(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    done, due = format_number(outcome.walked_minutes(dose)), format_number(dose.minutes)
    return f"the last session stopped after {done} of {due} minutes"


def _hard_effort(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    most = p.protocol.readiness.rpe_progress_max
    return f"effort {outcome.rpe}/10 was harder than moderate (up to {most}/10)"


def _above_progress(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    most = p.protocol.pain.progress_max
    return (
        f"pain {outcome.session_pain}/10 is acceptable, but this plan moves on only from "
        f"{most}/10 or less"
    )


def _unanswered(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    names = outcome.unanswered
    unknown = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    verb = "was" if len(names) == 1 else "were"
    return (
        f"the last session's {unknown} {verb} not reported, and a session counts toward a step "
        "up only when it is known to have gone well"
    )


def _not_settled_problem(p: Programme, outcome: SessionOutcome, dose: Dose) -> str:
    return _not_settled(p, outcome.pain_next_morning)


_Problem = Callable[[Programme, SessionOutcome, Dose], str]
_PROBLEMS: dict[Verdict, _Problem] = {
    Verdict.MISSED: lambda p, outcome, dose: "the last session was missed",
    Verdict.OVER_LIMIT: _over_limit,
    Verdict.MORNING_OVER: _morning_over,
    Verdict.NOT_SETTLED: _not_settled_problem,
    Verdict.PARTIAL: _partial,
    Verdict.HARD_EFFORT: _hard_effort,
    Verdict.POOR_FORM: lambda p, outcome, dose: (
        "form slipped last time: better two good minutes than ten sloppy ones"
    ),
    Verdict.ABOVE_PROGRESS_PAIN: _above_progress,
    Verdict.UNANSWERED: _unanswered,
}


def _not_settled(p: Programme, morning: int | None) -> str:
    usual, pain = p.walker.rest_pain, p.protocol.pain
    if morning is not None and morning <= usual + pain.next_morning_margin:
        return (
            f"pain the next morning ({morning}/10) is near your usual {usual}/10, but a step up "
            f"needs a morning at {pain.safe_max}/10 or less; ask your clinician about this plan"
        )
    return f"pain the next morning ({morning}/10) had not settled back to your usual {usual}/10"


def sentence(text: str) -> str:
    """Capitalised and closed with a full stop."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


def _speed(p: Programme, speed: Speed | None) -> str:
    return "your own pace" if speed is None else speed.describe(p.walker.units.speed_unit)


def _incline(percent: float) -> str:
    return "flat" if percent == 0 else f"{format_number(percent, 2)} % incline"


def _number(value: DoseValue) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, 2)
    return str(value)
