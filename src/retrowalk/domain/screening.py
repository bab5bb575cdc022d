"""Screening before a plan (PROTOCOL.md §9): red flags stop, yellow flags slow the start.

The walker's own answers are screened here; the equipment's in `equipment_screening`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrowalk.domain.equipment import Deadmill, Equipment
from retrowalk.domain.equipment_screening import equipment_flags, hands_free_flags
from retrowalk.domain.flags import Flag, FlagLevel, red, yellow
from retrowalk.domain.modality import ModalityRules
from retrowalk.domain.population import (
    has_balance_risk,
    reports_falls,
    surgery_is_recent,
    surgery_rows,
    under_surgery_rules,
)
from retrowalk.domain.protocol import Protocol, ScreeningRules
from retrowalk.domain.walker import Condition, SurgeryKind, WalkerProfile

__all__ = ["Flag", "FlagLevel", "Screening", "screen"]

# Yellow flags that start at the lowest dose and move on more slowly (`[caution]`).
_CAUTIOUS = ("rest_pain_moderate", "replacement_supervised")


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
        return any(self.has(code) for code in _CAUTIOUS)


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
        *_age_flags(walker, protocol.screening),
        *_surgery_flags(walker, protocol, on),
        *_symptom_flags(walker, protocol.screening, risk),
        *equipment_flags(walker, equipment, protocol, modality, risk),
        *hands_free_flags(walker, equipment),
    ]
    flags.sort(key=lambda f: f.level is not FlagLevel.RED)
    warnings = [*_surgery_warnings(walker, protocol), *_age_warnings(walker, protocol)]
    if isinstance(equipment, Deadmill):
        warnings.append(
            "Walking a motorized treadmill with the motor off is allowed, but doing it often "
            "may strain the motor; check the maker's advice."
        )
    return Screening(tuple(flags), tuple(warnings))


def _age_flags(walker: WalkerProfile, rules: ScreeningRules) -> list[Flag]:
    if walker.age >= rules.minimum_age:
        return []
    return [
        red(
            "under_minimum_age",
            f"Under {rules.minimum_age}, walk backward on a treadmill only under supervision "
            "(a physical therapist or a coach): this plan's adult doses and energy equations "
            "do not apply.",
        )
    ]


def _age_warnings(walker: WalkerProfile, protocol: Protocol) -> list[str]:
    rules = protocol.screening
    if walker.age < rules.balance_limits_age or reports_falls(walker, rules):
        return []
    return [
        f"From the age of {rules.balance_limits_age} the plan keeps to the balance limits "
        "(slower, hands on the rails longer, a spotter outdoors), even without a fall: "
        "falls often go unreported."
    ]


def _surgery_flags(walker: WalkerProfile, protocol: Protocol, on: date) -> list[Flag]:
    rules, flags = protocol.screening, []
    recent = surgery_is_recent(walker, rules, on)
    if not walker.cleared_by_clinician and (recent or walker.condition.is_post_surgery):
        flags.append(
            red(
                "surgery_not_cleared",
                "After knee surgery, get clearance from your surgeon "
                "or physical therapist before starting backward walking.",
            )
        )
    if recent and not under_surgery_rules(protocol, walker):
        flags.append(
            red(
                "surgery_rules_missing",
                f"Knee surgery in the last {rules.recent_surgery_days} days brings the "
                f"post-surgery rules, which the {protocol.name} protocol does not hold: plan "
                "again with the post-surgery protocol.",
            )
        )
    return [*flags, *_replacement_flags(walker, rules, on)]


def _replacement_flags(walker: WalkerProfile, rules: ScreeningRules, on: date) -> list[Flag]:
    """A knee replacement only weeks ago: supervised walking for now, even once cleared."""
    surgery, days = walker.surgery, rules.supervised_after_replacement_days
    if surgery is None or surgery.days_before(on) >= days:
        return []
    named = surgery.kind is SurgeryKind.OTHER and walker.condition is Condition.POST_TKR
    if surgery.kind is not SurgeryKind.TKR and not named:
        return []
    wait = f"{days // 7} weeks" if days % 7 == 0 else f"{days} days"
    return [
        yellow(
            "replacement_supervised",
            f"Your knee replacement was {surgery.days_before(on)} days ago, less than {wait}: "
            "walk backward on a treadmill only under supervision (at a rehab clinic) for now.",
        )
    ]


def _surgery_warnings(walker: WalkerProfile, protocol: Protocol) -> list[str]:
    """Where the condition and the operation disagree, say which rules the plan follows."""
    surgery, condition = walker.surgery, walker.condition
    if surgery is None or not under_surgery_rules(protocol, walker):
        return []
    operation = f"{surgery.kind.describe()} on {surgery.on.isoformat()}"
    if not condition.is_post_surgery:
        return [
            f"Your condition was given as {condition.describe()}, but you had {operation}: "
            f"for {protocol.screening.recent_surgery_days} days after knee surgery the plan "
            "follows the post-surgery rules (gentler ceilings and pain limits). Ask your "
            "clinician whether your condition should change."
        ]
    if condition not in surgery_rows(walker):
        return [
            f"Your condition was given as {condition.describe()}, but the surgery given is "
            f"{operation}: the plan follows the more careful of the two post-surgery rows. "
            "Check both answers."
        ]
    return []


def _symptom_flags(walker: WalkerProfile, rules: ScreeningRules, risk: bool) -> list[Flag]:
    flags = []
    if walker.rest_pain >= rules.rest_pain_red:
        flags.append(
            red(
                "rest_pain_high",
                f"Pain at rest of {walker.rest_pain}/10 needs a clinician's look before you start.",
            )
        )
    elif walker.rest_pain >= rules.rest_pain_yellow:
        flags.append(
            yellow(
                "rest_pain_moderate",
                f"Pain at rest of {walker.rest_pain}/10: the "
                "plan starts at the lowest dose and progresses more slowly.",
            )
        )
    if walker.knee_symptoms:
        named = " and ".join(walker.knee_symptoms)
        flags.append(red("knee_symptoms", f"Knee {named}: see a clinician before starting."))
    if walker.dizziness:
        flags.append(red("dizziness", "Dizziness or fainting: see a clinician before starting."))
    if risk and reports_falls(walker, rules):
        flags.append(
            yellow(
                "balance_risk",
                "Falls or balance worries: the plan keeps to the "
                "balance limits (slower, hands on the rails longer).",
            )
        )
    return flags
