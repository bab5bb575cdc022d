"""Who the walker counts as for the protocol: their population row after the careful caps, their
balance risk, the post-surgery rules after a recent operation, and whether experience may lift a
ceiling (PROTOCOL.md §4 and §9)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from retrowalk.domain.protocol import Population, Protocol, ScreeningRules
from retrowalk.domain.walker import Condition, Severity, SurgeryKind, WalkerProfile

# Higher is the careful direction for these; lower for every other number.
_CAREFUL_WHEN_HIGHER = {"sessions_before_wean"}
_ROWS_OF_SURGERY = {SurgeryKind.TKR: (Condition.POST_TKR,), SurgeryKind.ACL: (Condition.POST_ACL,)}


def has_balance_risk(walker: WalkerProfile, protocol: Protocol) -> bool:
    """Enough falls in the last year, a balance worry, or an age from which the balance limits
    apply anyway (falls are under-reported)."""
    rules = protocol.screening
    return reports_falls(walker, rules) or walker.age >= rules.balance_limits_age


def reports_falls(walker: WalkerProfile, rules: ScreeningRules) -> bool:
    """Enough falls in the last year, or a balance worry: what the walker reported."""
    return walker.falls_last_year >= rules.falls_for_balance_risk or walker.balance_concern


def surgery_is_recent(walker: WalkerProfile, rules: ScreeningRules, on: date) -> bool:
    """Knee surgery within `recent_surgery_days` of `on` (the last day still counts)."""
    surgery = walker.surgery
    return surgery is not None and surgery.days_before(on) <= rules.recent_surgery_days


def surgery_rows(walker: WalkerProfile) -> tuple[Condition, ...]:
    """The post-surgery rows the walker's operation points to: its own kind's row; for another
    kind of knee surgery the row the condition names, or else every post-surgery row (the more
    careful of each number)."""
    surgery = walker.surgery
    if surgery is None:
        return ()
    if surgery.kind in _ROWS_OF_SURGERY:
        return _ROWS_OF_SURGERY[surgery.kind]
    if walker.condition.is_post_surgery:
        return (walker.condition,)
    return (Condition.POST_TKR, Condition.POST_ACL)


def governing_condition(walker: WalkerProfile, rules: ScreeningRules, on: date) -> Condition:
    """The condition whose protocol governs a plan starting `on`: after knee surgery of any kind
    within `recent_surgery_days`, a post-surgery one, whatever the condition says."""
    if surgery_is_recent(walker, rules, on) and not walker.condition.is_post_surgery:
        return surgery_rows(walker)[0]
    return walker.condition


def under_surgery_rules(protocol: Protocol, walker: WalkerProfile) -> bool:
    """The plan follows the post-surgery rules: the condition names an operation, or the
    protocol (chosen for a recent operation) covers the operation's row."""
    covered = any(row in protocol.conditions for row in surgery_rows(walker))
    return walker.condition.is_post_surgery or covered


def experience_lifts_caps(walker: WalkerProfile, protocol: Protocol) -> bool:
    """Experience lifts the minutes and incline ceilings (and lets a treadmill start above
    1.0 mph), but never for a severe knee, a balance risk, the balance group or under the
    post-surgery rules: there the careful caps stay."""
    careful = (
        walker.severity is Severity.SEVERE
        or has_balance_risk(walker, protocol)
        or walker.condition is Condition.BALANCE
        or under_surgery_rules(protocol, walker)
    )
    return walker.experienced and not careful


def resolve_population(protocol: Protocol, walker: WalkerProfile) -> Population:
    """The condition's row (and under the post-surgery rules the operation's row: the more
    careful of the two), lowered by the severe row and by the balance row where they apply."""
    rows = [protocol.population(row) for row in _rows(protocol, walker)]
    population = rows[0]
    for row in rows[1:]:
        population = _careful_merge(population, row)
    if walker.severity is Severity.SEVERE:
        population = _careful_merge(population, protocol.severe)
    if has_balance_risk(walker, protocol) and walker.condition is not Condition.BALANCE:
        population = _careful_merge(population, protocol.population(Condition.BALANCE))
    return population


def _rows(protocol: Protocol, walker: WalkerProfile) -> tuple[Condition, ...]:
    """The rows that apply: the condition's own where the protocol has it, and the operation's
    under the post-surgery rules (an athlete's row lives in another file: the operation's row
    alone then applies, and it is the more careful one)."""
    own = [walker.condition] if walker.condition in protocol.populations else []
    operated = surgery_rows(walker) if under_surgery_rules(protocol, walker) else ()
    found = [row for row in operated if row in protocol.populations]
    return tuple(dict.fromkeys([*own, *found])) or (walker.condition,)


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
