"""Hands and balance (PROTOCOL.md §11) for walkers with falls, a balance worry, 80 or more years,
or the balance group: at least `hands.balance_days_at_one_hand` days at one hand before letting go
of the other, and both hands back on the rails for the first session of each new incline step
and for the first session after a gap of more than `layoff.deload_after_days` days. The hand
support they had is given back at the next session that follows a good one.
"""

from __future__ import annotations

from datetime import date

from retrowalk.domain.dose import DoseVariable, HandSupport
from retrowalk.domain.engine_state import Decision, DecisionKind, EngineState, amended
from retrowalk.domain.equipment import has_handrails
from retrowalk.domain.outcome import Verdict
from retrowalk.domain.population import has_balance_risk
from retrowalk.domain.programme import Programme
from retrowalk.domain.walker import Condition


def careful_hands(p: Programme) -> bool:
    """Whether the walker's balance asks for the hand rules of §11."""
    walker = p.walker
    return walker.condition is Condition.BALANCE or has_balance_risk(walker, p.protocol)


def both_hands_on(p: Programme, state: EngineState, decision: Decision, why: str) -> Decision:
    """`decision` with both hands on the rails for this one session, where the rules ask it (and
    the reason said again while a hand support waits to be given back)."""
    hands = decision.dose.hands
    if hands is HandSupport.BOTH:
        hands = state.watch.hands_restore or hands
    if not decision.walk or hands is HandSupport.BOTH or not has_handrails(p.equipment):
        return decision
    if not careful_hands(p):
        return decision
    dose = decision.dose.with_value(DoseVariable.HAND_SUPPORT, HandSupport.BOTH)
    return amended(decision, _both_hands_said, why, hands, dose=dose)


def _both_hands_said(why: str, given_back: HandSupport) -> str:
    return (
        f"Both hands on the rails for {why}; {given_back.describe()} again next time if it "
        "goes well."
    )


def hands_given_back(state: EngineState) -> Decision | None:
    """After a good session with both hands on for a new incline or a long gap, the hand
    support the walker had before."""
    before = state.watch.hands_restore
    if before is None or state.dose.hands is not HandSupport.BOTH:
        return None
    if state.last_verdict is not Verdict.GOOD:
        return None
    dose = state.dose.with_value(DoseVariable.HAND_SUPPORT, before)
    reason = (
        f"Hand support: {before.describe()} again: the last session went well with both hands on."
    )
    return Decision(DecisionKind.PROGRESS, dose, DoseVariable.HAND_SUPPORT, (reason,))


def one_hand_too_short(p: Programme, state: EngineState, on: date) -> bool:
    """True while a careful walker has had one hand on a rail for fewer days than the rule asks."""
    if state.dose.hands is not HandSupport.ONE or not careful_hands(p):
        return False
    since = state.watch.one_hand_since
    return since is None or (on - since).days < p.protocol.hands.balance_days_at_one_hand


def hands_to_give_back(
    state: EngineState, decision: Decision, restarted: bool
) -> HandSupport | None:
    """The hand support to give back after `decision`: set when a rule put both hands on for one
    session; cleared once given back, or by a restart (weaning begins again)."""
    restore = state.watch.hands_restore
    if restarted or not decision.walk:
        return None if restarted else restore
    if decision.changed is DoseVariable.HAND_SUPPORT:
        return None
    put_on = decision.dose.hands is HandSupport.BOTH and state.dose.hands is not HandSupport.BOTH
    if put_on and not decision.stepped_down and restore is None:
        return state.dose.hands
    return restore


def one_hand_since(
    state: EngineState, decision: Decision, restore: HandSupport | None, on: date
) -> date | None:
    """Since when the walker has held on with one hand (a both-hands session on the way to giving
    that hand support back does not start the count again)."""
    hands = decision.dose.hands
    if hands is HandSupport.BOTH and restore is not None:
        hands = restore
    if hands is not HandSupport.ONE:
        return None
    return state.watch.one_hand_since or on
