"""The flags on the clinician's desk, each raised and not raised. The numbers are written out:
the pain limit 5/10 and a rising trend of 2 weekly rises of at least 1 point (PROTOCOL.md §6,
§11, the default protocol), a spike of 3 points over the median of the last 4 known pains,
and a 14-day window for missed sessions (docs/decisions.md)."""

from __future__ import annotations

from datetime import date, timedelta

from retrowalk.domain.clinic_flags import (
    ClinicFlag,
    FlagKind,
    PlanFacts,
    SessionSeen,
    flags_after,
)
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.engine_state import Decision, DecisionKind
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.protocols import load_protocol

MONDAY = date(2027, 1, 4)
PROTOCOL = load_protocol("default")
# Three sessions a week from a Monday: Monday, Wednesday, Friday.
PLAN = PlanFacts(MONDAY, 3, 4)
DOSE = Dose(minutes=5, hands=HandSupport.BOTH)


def decision(kind: DecisionKind = DecisionKind.HOLD, **changes: object) -> Decision:
    return Decision(kind, DOSE, None, ("reason",), **changes)  # type: ignore[arg-type]


def seen(day: int, led_to: Decision | None = None, **answers: object) -> SessionSeen:
    """A session on day `day` of the plan; the next morning not reported unless given."""
    outcome = SessionOutcome(**({"pain_next_morning": None} | answers))  # type: ignore[arg-type]
    return SessionSeen(day, MONDAY + timedelta(days=day), outcome, led_to or decision())


def on_schedule(pains: list[int | None]) -> list[SessionSeen]:
    """Sessions on Monday, Wednesday and Friday of each week, with these pains during."""
    days = [week * 7 + offset for week in range(10) for offset in (0, 2, 4)]
    return [seen(day, pain_during=pain) for day, pain in zip(days, pains, strict=False)]


def kinds(flags: tuple[ClinicFlag, ...]) -> set[FlagKind]:
    return {flag.kind for flag in flags}


def raised(sessions: list[SessionSeen], last: dict[FlagKind, date] | None = None) -> set[FlagKind]:
    return kinds(flags_after(sessions, PROTOCOL, PLAN, last or {}))


def test_good_sessions_on_schedule_raise_nothing() -> None:
    assert raised(on_schedule([1, 1, 2, 1, 1])) == set()


def test_pain_three_above_the_recent_median_is_a_spike() -> None:
    assert FlagKind.PAIN_SPIKE in raised(on_schedule([1, 1, 2, 1, 4]))


def test_pain_two_above_the_recent_median_is_no_spike() -> None:
    assert FlagKind.PAIN_SPIKE not in raised(on_schedule([1, 1, 2, 1, 3]))


def test_pain_6_is_a_spike_even_on_a_first_session() -> None:
    assert FlagKind.PAIN_SPIKE in raised(on_schedule([6]))


def test_pain_5_on_a_first_session_is_within_the_limit() -> None:
    assert FlagKind.PAIN_SPIKE not in raised(on_schedule([5]))


def test_unknown_earlier_pains_are_not_counted_as_0() -> None:
    # Earlier pains unknown: 4/10 now is compared with nothing, and 4 is within the limit.
    sessions = on_schedule([None, None, None, None, 4])

    assert FlagKind.PAIN_SPIKE not in raised(sessions)


def test_an_unknown_pain_now_raises_no_spike() -> None:
    assert FlagKind.PAIN_SPIKE not in raised(on_schedule([1, 1, 1, 1, None]))


def test_weekly_pain_rising_two_weeks_in_a_row_by_a_point_is_flagged_as_a_week_closes() -> None:
    # Weeks average 1, 2, 3; the first session of the fourth week closes the third.
    sessions = on_schedule([1, 1, 1, 2, 2, 2, 3, 3, 3, 3])

    assert FlagKind.PAIN_RISING in raised(sessions)


def test_weekly_pain_rising_by_less_than_a_point_is_not_flagged() -> None:
    sessions = on_schedule([1, 1, 1, 2, 1, 2, 2, 2, 2, 2])

    assert FlagKind.PAIN_RISING not in raised(sessions)


def test_rising_pain_is_not_flagged_again_within_7_days() -> None:
    sessions = on_schedule([1, 1, 1, 2, 2, 2, 3, 3, 3, 3])
    yesterday = sessions[-1].on - timedelta(days=1)

    assert FlagKind.PAIN_RISING not in raised(sessions, {FlagKind.PAIN_RISING: yesterday})


def test_sharp_pain_reported_is_flagged_and_unknown_is_not() -> None:
    assert FlagKind.SHARP_PAIN in raised([seen(0, sharp_pain=True)])
    assert FlagKind.SHARP_PAIN not in raised([seen(0, sharp_pain=None)])


def test_two_step_downs_in_a_row_are_flagged() -> None:
    down = decision(DecisionKind.REGRESS, stepped_down=True)

    assert FlagKind.REGRESSIONS in raised([seen(0, down), seen(2, down)])


def test_one_step_down_after_a_hold_is_not_flagged() -> None:
    down = decision(DecisionKind.REGRESS, stepped_down=True)

    assert FlagKind.REGRESSIONS not in raised([seen(0, decision()), seen(2, down)])


def test_fewer_sessions_walked_than_planned_in_14_days_are_flagged() -> None:
    # Planned: Mon 4, Wed 6, Fri 8, Mon 11, Wed 13; walked: Mon 4 and Wed 13 (day 9).
    sessions = [seen(0), seen(9)]

    flags = flags_after(sessions, PROTOCOL, PLAN, {})

    missed = [f for f in flags if f.kind is FlagKind.MISSED_SESSIONS]
    assert missed and "2 of 5 planned" in missed[0].text


def test_every_planned_session_walked_raises_no_missed_flag() -> None:
    assert FlagKind.MISSED_SESSIONS not in raised([seen(0), seen(2), seen(4), seen(7)])


def test_a_session_logged_as_not_done_counts_as_missed() -> None:
    assert FlagKind.MISSED_SESSIONS in raised([seen(0), seen(2, done=False)])


def test_knee_symptoms_reported_are_a_red_flag_and_unknown_ones_are_not() -> None:
    assert FlagKind.RED_FLAG in raised([seen(0, giving_way=True)])
    assert FlagKind.RED_FLAG not in raised([seen(0, swelling=None, locking=None, giving_way=None)])


def test_a_stop_and_refer_decision_is_a_red_flag() -> None:
    stop = decision(DecisionKind.PAUSED, walk=False)

    flags = flags_after([seen(0, stop)], PROTOCOL, PLAN, {})

    assert [f.kind for f in flags] == [FlagKind.RED_FLAG]
    assert "clinician" in flags[0].text


def test_a_flag_names_its_session_and_day() -> None:
    flag = flags_after([seen(2, sharp_pain=True)], PROTOCOL, PLAN, {})[0]

    assert (flag.log_id, flag.on) == (2, date(2027, 1, 6))
