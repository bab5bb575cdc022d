"""Logs that are allowed but unlikely are asked about before they count (PROTOCOL.md §11,
"Implausible logs"): minutes far above the prescription, a speed more than one belt step above
it, an incline above the one prescribed, a second log for one calendar day, and a walk logged
for a session the plan said not to walk (it is kept as walked once confirmed: the record stays
honest, and walking stays stopped until a clinician clears the walker).

Each is a `Doubt` with a question for the walker; the log service raises them together as one
ConfirmationNeeded and writes nothing. Sent again with `confirm`, the log is kept as given.
A new log the live coach measured (source live or device) is what was walked and is not asked
about: the checks are for numbers a person typed (an edit of any log is typed, and checked).
"""

from __future__ import annotations

from retrowalk.domain.dose import Dose
from retrowalk.domain.equipment import Equipment, MotorizedTreadmill
from retrowalk.domain.errors import ConfirmationNeeded, Doubt
from retrowalk.domain.setback_rules import PlausibleRules
from retrowalk.domain.units import Speed, format_number
from retrowalk.services.log_entry import EntryIn
from retrowalk.services.records import SessionLog, Source

_SLACK = 1e-6  # rounding: a value on the limit itself is not doubted
MEASURED = frozenset({Source.LIVE, Source.DEVICE})


def value_doubts(
    entry: EntryIn, dose: Dose, equipment: Equipment, rules: PlausibleRules
) -> list[Doubt]:
    """The values in `entry` farther from `dose` (walked on `equipment`) than the protocol's
    `rules` allow, each with its question."""
    if not entry.done:
        return []
    found = [_minutes(entry.minutes_done, dose, rules), _speed(entry, dose, equipment, rules)]
    found.append(_incline(entry.incline_done_percent, dose))
    return [doubt for doubt in found if doubt is not None]


def same_day_doubt(earlier: SessionLog) -> Doubt:
    """A second log for the day of `earlier` (the last one logged), asked about."""
    day = earlier.on.isoformat()
    at = earlier.logged_at.strftime("%H:%M on %Y-%m-%d")
    question = (
        f"A session is logged for {day} already (log {earlier.id}, saved at {at}): "
        "is this a second session walked that day?"
    )
    return Doubt("date", day, question)


def walked_when_stopped_doubt(reasons: tuple[str, ...]) -> Doubt:
    """A session logged as walked when the plan said not to walk, asked about."""
    why = " ".join(reasons)
    question = (
        f"The plan for this session was not to walk ({why}). Did you walk it? It is kept as "
        "you give it, and walking stays stopped until a clinician clears you."
    )
    return Doubt("done", True, question)


def refuse_unconfirmed(doubts: list[Doubt], confirm: bool) -> None:
    if doubts and not confirm:
        raise ConfirmationNeeded(tuple(doubts))


def _minutes(minutes: float | None, dose: Dose, rules: PlausibleRules) -> Doubt | None:
    limit = dose.minutes * rules.minutes_factor
    question = "You logged {given} min for a {prescribed}-min session: is that right?"
    return _above_limit("minutes_done", minutes, limit, dose.minutes, question)


def _speed(entry: EntryIn, dose: Dose, equipment: Equipment, rules: PlausibleRules) -> Doubt | None:
    done, prescribed = entry.speed_done, dose.speed
    if done is None or prescribed is None or not isinstance(equipment, MotorizedTreadmill):
        return None
    unit = equipment.speed_unit
    step = Speed(equipment.speed_grid.step * rules.speed_steps, unit)
    if done.metres_per_second <= prescribed.metres_per_second + step.metres_per_second + _SLACK:
        return None
    field = f"speed_done_{done.unit.value}"
    return Doubt(
        field,
        done.value,
        f"You logged {done.describe()} where {prescribed.describe(done.unit)} was prescribed "
        f"(more than one belt step of {step.describe()} faster): is that right?",
    )


def _incline(incline: float | None, dose: Dose) -> Doubt | None:
    question = (
        "You logged an incline of {given} % where {prescribed} % was prescribed: is that right?"
    )
    prescribed = dose.incline_percent
    return _above_limit("incline_done_percent", incline, prescribed, prescribed, question)


def _above_limit(
    field: str, given: float | None, limit: float, prescribed: float, question: str
) -> Doubt | None:
    """A doubt about a typed number above `limit`, asking `question` with both numbers filled in."""
    if given is None or given <= limit + _SLACK:
        return None
    shown = {"given": format_number(given, 2), "prescribed": format_number(prescribed, 2)}
    return Doubt(field, given, question.format(**shown))
