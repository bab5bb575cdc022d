"""Estimated effort and energy (PROTOCOL.md §10).

ACSM walking equation, VO2 = 0.1·S + 1.8·S·G + 3.5 ml/kg/min (S in m/min, G the grade as a
fraction), multiplied by the backward-walking ratio from the protocol file. Always an estimate:
below about 50 m/min (1.9 mph) the equation is outside the speeds it was built on.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.domain.protocol import EnergyRules


@dataclass(frozen=True, slots=True)
class EnergyEstimate:
    met: float
    kcal: float | None
    within_equation_range: bool


def estimate_energy(
    metres_per_minute: float,
    grade_percent: float,
    minutes: float,
    weight_kg: float | None,
    rules: EnergyRules,
) -> EnergyEstimate:
    forward_vo2 = 0.1 * metres_per_minute + 1.8 * metres_per_minute * grade_percent / 100.0
    vo2 = (forward_vo2 + rules.resting_vo2) * rules.backward_factor
    litres_per_minute = None if weight_kg is None else vo2 * weight_kg / 1000.0
    kcal = None
    if litres_per_minute is not None:
        kcal = round(litres_per_minute * rules.kcal_per_litre_oxygen * minutes, 1)
    return EnergyEstimate(
        met=round(vo2 / rules.resting_vo2, 1),
        kcal=kcal,
        within_equation_range=metres_per_minute >= rules.acsm_valid_from_m_per_min,
    )
