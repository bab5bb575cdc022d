"""Screening the equipment (PROTOCOL.md §7, §9): clip, handrails, slowest speed, a sloped deck,
a spotter outdoors."""

from __future__ import annotations

from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    has_handrails,
)
from retrowalk.domain.flags import Flag, red, yellow
from retrowalk.domain.modality import ManualRules, ModalityRules, MotorizedRules
from retrowalk.domain.population import experience_lifts_caps, resolve_population
from retrowalk.domain.protocol import Population, Protocol
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerProfile


def hands_free_flags(walker: WalkerProfile, equipment: Equipment) -> list[Flag]:
    """The clinician's "a hand on a rail" limit, on equipment with no rail."""
    if walker.limits.hands_free_allowed or has_handrails(equipment):
        return []
    return [_hands_free_not_allowed()]


def equipment_flags(
    walker: WalkerProfile,
    equipment: Equipment,
    protocol: Protocol,
    modality: ModalityRules,
    risk: bool,
) -> list[Flag]:
    population = resolve_population(protocol, walker)
    if isinstance(equipment, MotorizedTreadmill) and isinstance(modality, MotorizedRules):
        lifted = experience_lifts_caps(walker, protocol)
        return _treadmill_flags(walker, equipment, modality, population, lifted)
    if isinstance(equipment, Deadmill) and not equipment.handrails:
        return [_self_powered_without_rails() if risk else _no_handrails()]
    if isinstance(equipment, ManualTreadmill) and isinstance(modality, ManualRules):
        return _manual_flags(walker, equipment, modality, population, risk)
    if isinstance(equipment, Outdoor) and not equipment.spotter:
        message = (
            "Walk backward outdoors only with a spotter facing forward, on clear, flat ground."
        )
        if risk:
            return [red("outdoor_without_spotter", message)]
        return [yellow("outdoor_without_spotter", message)]
    return []


def _manual_flags(
    walker: WalkerProfile,
    machine: ManualTreadmill,
    rules: ManualRules,
    population: Population,
    risk: bool,
) -> list[Flag]:
    sloped = machine.incline_percent > 0
    flags = _deck_flags(walker, machine, rules, population) if sloped else []
    if machine.handrails:
        return flags
    if risk:
        return [*flags, _self_powered_without_rails()]
    message = (
        "Without handrails there is nothing to hold while "
        "you learn the movement: go slowly and keep a wall or partner near."
    )
    if sloped:
        message += " On a slope, start in the shortest bouts."
    return [*flags, yellow("no_handrails", message)]


def _deck_flags(
    walker: WalkerProfile, machine: ManualTreadmill, rules: ManualRules, population: Population
) -> list[Flag]:
    """A sloped deck is allowed wherever the plan may incline at all, with a gentler start."""
    deck = f"This treadmill's deck is fixed at {machine.incline_degrees:g}° ({_percent(machine)})"
    elsewhere = "Walk on a flat treadmill, with the motor off, or outdoors."
    limit = walker.limits.max_incline_percent
    if population.incline_ceiling_percent <= 0:
        why = "this plan walks flat (its incline ceiling is 0 %)"
        return [red("fixed_incline_too_steep", f"{deck}, and {why}. {elsewhere}")]
    if limit is not None and machine.incline_percent > limit + 1e-9:
        why = f"steeper than your clinician's incline limit of {limit:g} %"
        return [red("fixed_incline_too_steep", f"{deck}, {why}. {elsewhere}")]
    bouts = f"{rules.sloped_bout_seconds_min}–{rules.sloped_bout_seconds_max} seconds"
    return [
        yellow(
            "sloped_deck",
            f"{deck}: the plan starts shorter ({rules.sloped_start_minutes} min, in bouts of "
            f"{bouts} with a rest between them if needed), with both hands on the rails and "
            "the lowest resistance, and moves on more slowly than on the flat.",
        )
    ]


def _percent(machine: ManualTreadmill) -> str:
    return f"{machine.incline_percent:.1f} %"


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
            red(
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
            red(
                "limit_below_treadmill_minimum",
                f"Your clinician's speed limit of "
                f"{limit.describe()} is below this treadmill's slowest speed "
                f"({slowest.describe()}).",
            )
        )
    return [*flags, *_minimum_speed_flags(treadmill, rules, population, lifted)]


def _minimum_speed_flags(
    treadmill: MotorizedTreadmill, rules: MotorizedRules, population: Population, lifted: bool
) -> list[Flag]:
    slowest = treadmill.minimum_speed
    too_fast_for_beginners = slowest > Speed.mph(rules.beginner_max_minimum_mph)
    above_ceiling = slowest > Speed.mph(population.speed_ceiling_mph)
    if above_ceiling or (too_fast_for_beginners and not lifted):
        return [
            red(
                "treadmill_too_fast",
                f"This treadmill cannot go slower than "
                f"{slowest.describe()}, too fast to start backward walking. Use it with "
                "the motor off (deadmill), or walk outdoors or on a manual treadmill.",
            )
        ]
    if too_fast_for_beginners:
        return [
            yellow(
                "treadmill_too_fast",
                f"This treadmill cannot go slower than "
                f"{slowest.describe()}. As an experienced walker you may start "
                "there; hold both rails until it feels easy.",
            )
        ]
    if slowest > Speed.mph(population.start_speed_mph):
        return [
            yellow(
                "treadmill_minimum_above_start",
                "This treadmill's slowest speed is "
                f"{slowest.describe()}, above the usual "
                f"{Speed.mph(population.start_speed_mph).describe()} start: the plan "
                "starts at the treadmill's minimum.",
            )
        ]
    return []


def _no_handrails() -> Flag:
    return red(
        "no_handrails",
        "A treadmill without handrails gives a beginner nothing safe to "
        "hold. Walk outdoors with a spotter, or pull a sled, instead.",
    )


def _hands_free_not_allowed() -> Flag:
    return red(
        "hands_free_not_allowed",
        "Your clinician asks you to keep at least one hand on a rail, and this equipment has no "
        "rail to hold. Use a treadmill with handrails, or ask your clinician to change the limit.",
    )


def _self_powered_without_rails() -> Flag:
    return red(
        "no_handrails",
        "A belt that moves when you push it, with nothing to hold, is the very fall the "
        "set-up rules are there to prevent, and the balance limits apply to you. Pull a sled, "
        "or walk outdoors with a spotter, instead.",
    )
