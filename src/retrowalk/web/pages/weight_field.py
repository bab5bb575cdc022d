"""The body weight field of the onboarding and profile forms: typed in the unit that goes with
the speeds chosen in the same form (lb with mph, kg with km/h), kept in kilograms. The one
conversion is domain/units'."""

from __future__ import annotations

from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.services.numbers import read_decimal


def _units(text: str | None) -> UnitSystem:
    return UnitSystem.METRIC if text == UnitSystem.METRIC.value else UnitSystem.IMPERIAL


def typed_weight(kg: float | None, units: UnitSystem) -> str:
    """A weight kept in kg, as the walker would type it in their unit."""
    return "" if kg is None else format_number(units.weight_from_kg(kg), 1)


def weight_in_kg(text: str, units_text: str | None, kept_kg: float | None = None) -> object:
    """The typed weight in kg; text that is no number is passed on for the service to refuse by
    name; the weight on record shown unchanged keeps its exact kilograms."""
    text = text.strip()
    units = _units(units_text)
    if not text:
        return None
    if kept_kg is not None and text == typed_weight(kept_kg, units):
        return kept_kg
    try:
        return units.weight_in_kg(read_decimal(text))
    except ValueError:
        return text
