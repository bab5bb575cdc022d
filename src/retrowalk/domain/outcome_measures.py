"""Scores from the validated knee questionnaires a clinic already uses, entered as numbers.

KOOS has five subscales scored 0 to 100, where 100 means no problems; WOMAC has three, scored
pain 0 to 20, stiffness 0 to 8 and function 0 to 68, where higher means worse. Only the numbers
are kept: the questionnaires' own wording belongs to their authors. Any subscale may be unknown
(None, never 0), and "better since intake" reads each instrument in its own direction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from retrowalk.domain.errors import InputError


class Instrument(StrEnum):
    KOOS = "koos"
    WOMAC = "womac"

    @property
    def label(self) -> str:
        return self.value.upper()


@dataclass(frozen=True, slots=True)
class Subscale:
    name: str
    label: str
    low: float
    high: float
    higher_is_better: bool

    def allowed(self) -> str:
        way = "higher is better" if self.higher_is_better else "higher is worse"
        return f"give a score from {self.low:g} to {self.high:g} ({way}), or leave it blank"


SUBSCALES: dict[Instrument, tuple[Subscale, ...]] = {
    Instrument.KOOS: (
        Subscale("pain", "Pain", 0, 100, True),
        Subscale("symptoms", "Symptoms", 0, 100, True),
        Subscale("adl", "Daily living", 0, 100, True),
        Subscale("sport", "Sport and recreation", 0, 100, True),
        Subscale("qol", "Quality of life", 0, 100, True),
    ),
    Instrument.WOMAC: (
        Subscale("pain", "Pain", 0, 20, False),
        Subscale("stiffness", "Stiffness", 0, 8, False),
        Subscale("function", "Function", 0, 68, False),
    ),
}


@dataclass(frozen=True, slots=True)
class OutcomeMeasure:
    """One questionnaire's scores on one day, by subscale name (None: not given)."""

    instrument: Instrument
    on: date
    scores: tuple[tuple[str, float | None], ...]

    def score(self, name: str) -> float | None:
        return dict(self.scores).get(name)


def outcome_measure(
    instrument: Instrument, on: date, scores: Mapping[str, float | None]
) -> OutcomeMeasure:
    """The scores checked against the instrument's subscales and ranges; an InputError names
    the subscale (`koos.pain`), the value and the range allowed. At least one score is given."""
    known = {scale.name: scale for scale in SUBSCALES[instrument]}
    for name in scores:
        if name not in known:
            raise InputError(f"{instrument.value}.{name}", name, f"give one of {', '.join(known)}")
    for name, value in scores.items():
        scale = known[name]
        if value is not None and not scale.low <= value <= scale.high:
            raise InputError(f"{instrument.value}.{name}", value, scale.allowed())
    if all(scores.get(name) is None for name in known):
        raise InputError(instrument.value, None, "give at least one subscale's score")
    return OutcomeMeasure(instrument, on, tuple((name, scores.get(name)) for name in known))


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "unchanged"


@dataclass(frozen=True, slots=True)
class SubscaleChange:
    """A subscale from the first measure to the latest (None where either is unknown)."""

    subscale: Subscale
    first: float | None
    latest: float | None

    @property
    def direction(self) -> Direction | None:
        if self.first is None or self.latest is None:
            return None
        if self.latest == self.first:
            return Direction.SAME
        rose = self.latest > self.first
        return Direction.BETTER if rose == self.subscale.higher_is_better else Direction.WORSE


def since_intake(
    measures: list[OutcomeMeasure], instrument: Instrument
) -> tuple[SubscaleChange, ...]:
    """Each subscale of `instrument` from its first measure to its latest (oldest first in
    `measures`); empty with fewer than two measures of it."""
    mine = sorted((m for m in measures if m.instrument is instrument), key=lambda m: m.on)
    if len(mine) < 2:
        return ()
    first, latest = mine[0], mine[-1]
    return tuple(
        SubscaleChange(scale, first.score(scale.name), latest.score(scale.name))
        for scale in SUBSCALES[instrument]
    )
