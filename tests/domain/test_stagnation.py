"""PROTOCOL.md §11, stagnation: three weeks without any change because pain or form holds the dose
suggests talking to the clinician; a rising weekly pain that has already led to "talk to a
clinician" blocks step-ups until the weekly pain falls or a clinician clears the walker."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.engine_state import Decision, EngineState, Watch
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import ScriptedSession
from retrowalk.domain.progression import DecisionKind, decide
from retrowalk.domain.stepping_up import on_the_calendar
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerLimits
from tests.factories import START, good, plan, programme, walker

FIRST_STEP = 2
TALK = "has not changed for 3 weeks because pain or form held it"
BLOCKED = "weekly pain was rising and you were asked to talk to a clinician"


def _mentions(session, text: str) -> bool:
    return any(text in reason for reason in session.decision.reasons)


def test_three_weeks_of_holds_for_pain_and_form_suggest_talking_to_the_clinician():
    # Pain over the limit, then poor form, never twice in a row: nothing moves for weeks.
    script = list(good(FIRST_STEP + 1))
    for _ in range(6):
        script.extend([*good(1, pain_during=6), *good(1, form_ok=False)])
    preview = plan(script=script)

    first_hold = preview.sessions[FIRST_STEP + 3]
    flagged = [s for s in preview.sessions if _mentions(s, TALK)]

    assert flagged
    assert (flagged[0].on - first_hold.on).days >= 21 - 3
    assert all(s.decision.dose == first_hold.decision.dose for s in flagged)
    assert not any(_mentions(s, TALK) for s in preview.sessions if s.on < flagged[0].on)


def _held_since_the_start(last_walked: int) -> EngineState:
    """Held at 5 minutes since day 0 (no good session since), last walked on `last_walked`."""
    return EngineState(
        dose=Dose(5, HandSupport.BOTH, speed=Speed.mph(0.5), incline_percent=0.0),
        walked=12,
        last_walked_on=START + timedelta(days=last_walked),
        watch=Watch(held_since=START),
    )


def test_the_clinician_is_suggested_on_the_twenty_first_day_held_not_the_twentieth():
    """default.toml [stagnation] held_days = 21."""
    p = programme()

    day_20 = decide(p, _held_since_the_start(18), START + timedelta(days=20))
    day_21 = decide(p, _held_since_the_start(19), START + timedelta(days=21))

    assert day_20.kind is day_21.kind is DecisionKind.HOLD
    assert not any(TALK in reason for reason in day_20.reasons)
    assert any(TALK in reason for reason in day_21.reasons)


def test_a_clinics_own_number_of_days_is_said_in_weeks_or_in_days():
    """[stagnation] held_days is a clinic's to tune: 42 days are 6 weeks, 45 are 45 days."""
    p = programme()

    def said_after(held_days: int) -> str:
        rules = replace(p.protocol.stagnation, held_days=held_days)
        tuned = replace(p, protocol=replace(p.protocol, stagnation=rules))
        state = _held_since_the_start(held_days - 2)
        return " ".join(decide(tuned, state, START + timedelta(days=held_days)).reasons)

    assert "has not changed for 6 weeks because" in said_after(42)
    assert "has not changed for 45 days because" in said_after(45)


def test_a_decision_keeping_an_equal_dose_gets_the_suggestion_too():
    """The dose held is compared by value: an equal copy of it has not changed."""
    state = _held_since_the_start(19)
    kept = Decision(DecisionKind.HOLD, replace(state.dose), None, ("Same dose.",))

    noted = on_the_calendar(programme(), state, kept, START + timedelta(days=21), gap=2)

    assert kept.dose == state.dose and kept.dose is not state.dose
    assert any(TALK in reason for reason in noted.reasons)


def test_a_walker_holding_at_their_target_is_not_sent_to_the_clinician():
    limits = WalkerLimits(max_speed=Speed.mph(0.5), max_incline_percent=0.0, target_minutes=4)
    script = [*good(FIRST_STEP + 2), *good(1, pain_during=6), *good(20)]

    preview = plan(who=walker(limits=limits), script=script)

    assert preview.sessions[-1].decision.dose.minutes == 4
    assert not any(_mentions(s, TALK) for s in preview.sessions)


def _rising_then(*weeks: list[ScriptedSession]) -> list[ScriptedSession]:
    """Three weeks of three sessions with weekly pain 0, 1 and 2, then the weeks given."""
    rising = [*good(3), *good(3, pain_during=1), *good(3, pain_during=2)]
    return [*rising, *(s for week in weeks for s in week)]


def test_rising_weekly_pain_referred_to_a_clinician_blocks_step_ups_until_it_falls():
    script = _rising_then(good(3, pain_during=2), good(3), good(6))
    preview = plan(script=script)

    week_four, week_five = preview.sessions[9:12], preview.sessions[12:15]
    week_six_on = preview.sessions[15:21]

    assert week_four[0].decision.stepped_down and _mentions(week_four[0], "clinician")
    assert all(s.decision.kind is not DecisionKind.PROGRESS for s in [*week_four, *week_five])
    assert any(_mentions(s, BLOCKED) for s in [*week_four, *week_five])
    assert any(s.decision.kind is DecisionKind.PROGRESS for s in week_six_on)


def test_a_clinicians_clearance_lifts_the_block_of_a_referred_pain_trend():
    cleared = ScriptedSession(SessionOutcome(), cleared_by_clinician=True)
    script = _rising_then(good(3, pain_during=2), [cleared, *good(2)])
    preview = plan(script=script)

    week_five = preview.sessions[12:15]

    assert any(s.decision.kind is DecisionKind.PROGRESS for s in week_five)
