"""Screening before a plan (PROTOCOL.md §9): red flags stop, yellow flags slow the start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
)
from retrowalk.domain.modality import ModalityRules, MotorizedRules
from retrowalk.domain.population import (
    experience_lifts_caps,
    has_balance_risk,
    resolve_population,
)
from retrowalk.domain.protocol import Population, Protocol, ScreeningRules
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerProfile


class FlagLevel(StrEnum):
    RED = "red"
    YELLOW = "yellow"


@dataclass(frozen=True, slots=True)
class Flag:
    level: FlagLevel
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Screening:
    flags: tuple[Flag, ...]
    warnings: tuple[str, ...]

    @property
    def red(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.level is FlagLevel.RED)

    @property
    def cleared_to_start(self) -> bool:
        return not self.red

    def has(self, code: str) -> bool:
        return any(f.code == code for f in self.flags)

    @property
    def cautious_start(self) -> bool:
        return self.has("rest_pain_moderate") or self.has("recent_surgery")


def screen(
    walker: WalkerProfile,
    equipment: Equipment,
    protocol: Protocol,
    modality: ModalityRules,
    on: date,
) -> Screening:
    """Every flag the walker's answers and equipment raise, reds first."""
    risk = has_balance_risk(walker, protocol)
    flags = [
        *_surgery_flags(walker, protocol.screening, on),
        *_symptom_flags(walker, protocol.screening, risk),
        *_equipment_flags(walker, equipment, protocol, modality, risk),
    ]
    flags.sort(key=lambda f: f.level is not FlagLevel.RED)
    warnings = []
    if isinstance(equipment, Deadmill):
        warnings.append(
            "Walking a motorized treadmill with the motor off is allowed, but doing it often "
            "may strain the motor; check the maker's advice."
        )
    return Screening(tuple(flags), tuple(warnings))


def _surgery_flags(walker: WalkerProfile, rules: ScreeningRules, on: date) -> list[Flag]:
    surgery = walker.surgery
    recent = surgery is not None and (on - surgery.on).days <= rules.recent_surgery_days
    if walker.cleared_by_clinician:
        if recent and not walker.condition.is_post_surgery:
            return [
                _yellow(
                    "recent_surgery",
                    f"You had knee surgery in the last {rules.recent_surgery_days} days: the plan "
                    "starts at the lowest dose and moves on more slowly.",
                )
            ]
        return []
    if recent or walker.condition.is_post_surgery:
        return [
            _red(
                "surgery_not_cleared",
                "After knee surgery, get clearance from your surgeon "
                "or physical therapist before starting backward walking.",
            )
        ]
    return []


def _symptom_flags(walker: WalkerProfile, rules: ScreeningRules, risk: bool) -> list[Flag]:
    flags = []
    if walker.rest_pain >= rules.rest_pain_red:
        flags.append(
            _red(
                "rest_pain_high",
                f"Pain at rest of {walker.rest_pain}/10 needs a clinician's look before you start.",
            )
        )
    elif walker.rest_pain >= rules.rest_pain_yellow:
        flags.append(
            _yellow(
                "rest_pain_moderate",
                f"Pain at rest of {walker.rest_pain}/10: the "
                "plan starts at the lowest dose and progresses more slowly.",
            )
        )
    if walker.knee_symptoms:
        named = " and ".join(walker.knee_symptoms)
        flags.append(_red("knee_symptoms", f"Knee {named}: see a clinician before starting."))
    if walker.dizziness:
        flags.append(_red("dizziness", "Dizziness or fainting: see a clinician before starting."))
    if risk:
        flags.append(
            _yellow(
                "balance_risk",
                "Falls or balance worries: the plan keeps to the "
                "balance limits (slower, hands on the rails longer).",
            )
        )
    return flags


def _equipment_flags(
    walker: WalkerProfile,
    equipment: Equipment,
    protocol: Protocol,
    modality: ModalityRules,
    risk: bool,
) -> list[Flag]:
    population = resolve_population(protocol, walker)
    lifted = experience_lifts_caps(walker, protocol)
    if isinstance(equipment, MotorizedTreadmill) and isinstance(modality, MotorizedRules):
        return _treadmill_flags(walker, equipment, modality, population, lifted)
    if isinstance(equipment, Deadmill) and not equipment.handrails:
        return [_no_handrails()]
    if isinstance(equipment, ManualTreadmill):
        return _manual_flags(walker, equipment, population, lifted)
    if isinstance(equipment, Outdoor) and not equipment.spotter:
        message = (
            "Walk backward outdoors only with a spotter facing forward, on clear, flat ground."
        )
        if risk:
            return [_red("outdoor_without_spotter", message)]
        return [_yellow("outdoor_without_spotter", message)]
    return []


def _manual_flags(
    walker: WalkerProfile, machine: ManualTreadmill, population: Population, lifted: bool
) -> list[Flag]:
    flags = []
    ceiling = population.incline_ceiling_percent
    if walker.limits.max_incline_percent is not None:
        ceiling = min(ceiling, walker.limits.max_incline_percent)
    steep = machine.incline_percent > ceiling + 1e-9
    if steep and not (lifted and walker.limits.max_incline_percent is None):
        flags.append(
            _red(
                "fixed_incline_too_steep",
                f"This treadmill's deck is fixed at "
                f"{machine.incline_degrees:g}° ({machine.incline_percent:.1f} %), steeper "
                f"than the {ceiling:g} % this plan allows. Start on a flat treadmill, "
                "with the motor off, or outdoors.",
            )
        )
    if not machine.handrails:
        flags.append(
            _yellow(
                "no_handrails",
                "Without handrails there is nothing to hold while "
                "you learn the movement: go slowly and keep a wall or partner near.",
            )
        )
    return flags


def _treadmill_flags(
    walker: WalkerProfile,
    treadmill: MotorizedTreadmill,
    rules: MotorizedRules,
    population: Population,
    lifted: bool,
) -> list[Flag]:
    flags = []
    if not treadmill.safety_clip:
        flags.append(
            _red(
                "no_safety_clip",
                "A motorized treadmill needs its safety clip attached "
                "to your clothing. Get one (they are cheap), or walk on a manual "
                "treadmill, pull a sled or walk outdoors.",
            )
        )
    if not treadmill.handrails:
        flags.append(_no_handrails())
    slowest = treadmill.minimum_speed
    limit = walker.limits.max_speed
    if limit is not None and slowest > limit:
        flags.append(
            _red(
                "limit_below_treadmill_minimum",
                f"Your clinician's speed limit of "
                f"{limit.describe()} is below this treadmill's slowest speed "
                f"({slowest.describe()}).",
            )
        )
    too_fast_for_beginners = slowest > Speed.mph(rules.beginner_max_minimum_mph)
    above_ceiling = slowest > Speed.mph(population.speed_ceiling_mph)
    if above_ceiling or (too_fast_for_beginners and not lifted):
        flags.append(
            _red(
                "treadmill_too_fast",
                f"This treadmill cannot go slower than "
                f"{slowest.describe()}, too fast to start backward walking. Use it with "
                "the motor off (deadmill), or walk outdoors or on a manual treadmill.",
            )
        )
    elif too_fast_for_beginners:
        flags.append(
            _yellow(
                "treadmill_too_fast",
                f"This treadmill cannot go slower than "
                f"{slowest.describe()}. As an experienced walker you may start "
                "there; hold both rails until it feels easy.",
            )
        )
    elif slowest > Speed.mph(population.start_speed_mph):
        flags.append(
            _yellow(
                "treadmill_minimum_above_start",
                "This treadmill's slowest speed is "
                f"{slowest.describe()}, above the usual "
                f"{Speed.mph(population.start_speed_mph).describe()} start: the plan "
                "starts at the treadmill's minimum.",
            )
        )
    return flags


def _no_handrails() -> Flag:
    return _red(
        "no_handrails",
        "A treadmill without handrails gives a beginner nothing safe to "
        "hold. Walk outdoors with a spotter, or pull a sled, instead.",
    )


def _red(code: str, message: str) -> Flag:
    return Flag(FlagLevel.RED, code, message)


def _yellow(code: str, message: str) -> Flag:
    return Flag(FlagLevel.YELLOW, code, message)
