"""Who the walker counts as for the protocol: their population row after the careful caps, their
balance risk, and whether experience may lift a ceiling (PROTOCOL.md §4 and §9)."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from retrowalk.domain.protocol import Population, Protocol
from retrowalk.domain.walker import Condition, Severity, WalkerProfile

# Higher is the careful direction for these; lower for every other number.
_CAREFUL_WHEN_HIGHER = {"sessions_before_wean"}


def has_balance_risk(walker: WalkerProfile, protocol: Protocol) -> bool:
    """Enough falls in the last year, or a balance worry."""
    falls = protocol.screening.falls_for_balance_risk
    return walker.falls_last_year >= falls or walker.balance_concern


def experience_lifts_caps(walker: WalkerProfile, protocol: Protocol) -> bool:
    """Experience lifts the minutes and incline ceilings (and lets a treadmill start above
    1.0 mph), but never for a severe knee, a balance risk, the balance group or after surgery:
    there the careful caps stay."""
    careful = (
        walker.severity is Severity.SEVERE
        or has_balance_risk(walker, protocol)
        or walker.condition is Condition.BALANCE
        or walker.condition.is_post_surgery
    )
    return walker.experienced and not careful


def resolve_population(protocol: Protocol, walker: WalkerProfile) -> Population:
    """The condition's row, lowered by the severe row and by the balance row where they apply."""
    population = protocol.population(walker.condition)
    if walker.severity is Severity.SEVERE:
        population = _careful_merge(population, protocol.severe)
    if has_balance_risk(walker, protocol) and walker.condition is not Condition.BALANCE:
        population = _careful_merge(population, protocol.population(Condition.BALANCE))
    return population


def _careful_merge(row: Population, cap: Population) -> Population:
    """Each number from whichever row is more careful (PROTOCOL.md §4, severity 'severe')."""
    merged: dict[str, Any] = {}
    for item in fields(row):
        mine, theirs = getattr(row, item.name), getattr(cap, item.name)
        if item.name == "extended_target_minutes":
            merged[item.name] = None if mine is None or theirs is None else min(mine, theirs)
        elif mine is None or theirs is None:
            merged[item.name] = theirs if mine is None else mine
        elif item.name in _CAREFUL_WHEN_HIGHER:
            merged[item.name] = max(mine, theirs)
        else:
            merged[item.name] = min(mine, theirs)
    return replace(row, **merged)
