"""The engine's decisions for the report, each with its own reason text; summarised when a long
record would not fit a few pages: every change of dose, every step down and every stop stays
listed, and the holds between them (and a decision repeated as it was, such as a stop standing
session after session) are counted on the line they followed. The latest decisions are always
listed in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from retrowalk.domain.engine_state import Decision, DecisionKind
from retrowalk.domain.programme import Programme
from retrowalk.domain.reasons import describe_dose

# Up to this many decisions every one is listed; past it, older holds are counted instead.
MOST_LISTED = 36
# The latest decisions, listed in full whatever the length of the record.
LATEST_IN_FULL = 6

HOLD = "hold"
_WORDS = {
    DecisionKind.START: "start",
    DecisionKind.PROGRESS: "progress",
    DecisionKind.HOLD: HOLD,
    DecisionKind.REGRESS: "step down",
    DecisionKind.DELOAD: "step down",
    DecisionKind.PAUSED: "paused",
}
# The order a summary counts them in.
KINDS = ("start", "progress", HOLD, "step down", "paused", "stop")


@dataclass(frozen=True, slots=True)
class DecisionLine:
    """One decision: `kind` in words (start, progress, hold, step down, paused, stop), the dose
    prescribed, the engine's reasons; `holds_after` and `repeats`: holds after it, and the same
    decision again, counted rather than listed (the last of them on `folded_until`)."""

    on: date
    kind: str
    dose: str
    reasons: tuple[str, ...]
    walked: bool | None
    holds_after: int = 0
    repeats: int = 0
    folded_until: date | None = None


@dataclass(frozen=True, slots=True)
class Decisions:
    lines: tuple[DecisionLine, ...]
    counts: tuple[tuple[str, int], ...]
    holds_counted: int


def kind_words(decision: Decision) -> str:
    if not decision.walk:
        return "stop"
    if decision.kind is DecisionKind.PAUSED and decision.stepped_down:
        return "step down"
    return _WORDS[decision.kind]


def decision_line(p: Programme, on: date, decision: Decision, walked: bool | None) -> DecisionLine:
    return DecisionLine(
        on, kind_words(decision), describe_dose(p, decision.dose), decision.reasons, walked
    )


def summarised(lines: Sequence[DecisionLine]) -> Decisions:
    counted = Counter(line.kind for line in lines)
    counts = tuple((kind, counted[kind]) for kind in KINDS if counted[kind])
    if len(lines) <= MOST_LISTED:
        return Decisions(tuple(lines), counts, 0)
    older, latest = lines[:-LATEST_IN_FULL], lines[-LATEST_IN_FULL:]
    kept: list[DecisionLine] = []
    holds = 0
    for line in older:
        last = kept[-1] if kept else None
        if last is not None and line.kind == HOLD:
            kept[-1] = replace(last, holds_after=last.holds_after + 1, folded_until=line.on)
            holds += 1
        elif last is not None and _same(last, line):
            kept[-1] = replace(last, repeats=last.repeats + 1, folded_until=line.on)
        else:
            kept.append(line)
    return Decisions((*kept, *latest), counts, holds)


def _same(one: DecisionLine, other: DecisionLine) -> bool:
    """The same decision again: its kind, dose and reasons as they were."""
    return (one.kind, one.dose, one.reasons) == (other.kind, other.dose, other.reasons)
