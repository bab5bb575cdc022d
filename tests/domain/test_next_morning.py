"""PROTOCOL.md §11: next-morning pain graded against the walker's usual pain at rest (baseline).

Settled: at most baseline + 1 and at most 3. Hold: baseline + 2, or 4-5. Step down at once: above
5, or baseline + 3 or more. The numbers are PROTOCOL.md's, written out here.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.domain.outcome import Morning, grade_morning
from retrowalk.domain.progression import DecisionKind
from retrowalk.protocols import load_protocol
from tests.factories import good, plan, walker

FIRST_STEP = 2


def _expected(morning: int, baseline: int) -> Morning:
    if morning > 5 or morning >= baseline + 3:
        return Morning.STEP_DOWN
    if morning <= baseline + 1 and morning <= 3:
        return Morning.SETTLED
    return Morning.NOT_SETTLED


@given(st.integers(0, 10), st.integers(0, 6), st.sampled_from(["default", "post_surgery"]))
def test_every_next_morning_is_graded_as_section_11_says(morning, baseline, name):
    pain = load_protocol(name).pain

    assert grade_morning(pain, morning, baseline) is _expected(morning, baseline)


def test_a_morning_not_reported_is_unknown():
    assert grade_morning(load_protocol("default").pain, None, 2) is Morning.UNKNOWN


@pytest.mark.parametrize(
    ("baseline", "morning", "kind"),
    [
        (1, 2, DecisionKind.PROGRESS),  # one above the usual pain, in the safe zone: settled
        (1, 3, DecisionKind.HOLD),  # two above: not settled yet
        (1, 4, DecisionKind.REGRESS),  # three above: step down at once
        (3, 4, DecisionKind.HOLD),  # one above, but 4 is out of the safe zone
        (3, 5, DecisionKind.HOLD),
        (3, 6, DecisionKind.REGRESS),  # above 5
        (0, 3, DecisionKind.REGRESS),
    ],
)
def test_the_session_after_follows_the_next_mornings_grade(baseline, morning, kind):
    # The morning after the second session at 4 minutes decides the session that follows it.
    script = [*good(FIRST_STEP + 1), *good(1, pain_next_morning=morning)]

    after = plan(who=walker(rest_pain=baseline), script=script).sessions[FIRST_STEP + 2]

    assert after.decision.kind is kind


def test_a_morning_well_above_the_usual_steps_down_at_once_and_says_so():
    script = [*good(FIRST_STEP + 1), *good(1, pain_next_morning=4)]

    after = plan(who=walker(rest_pain=1), script=script).sessions[FIRST_STEP + 2].decision

    assert after.kind is DecisionKind.REGRESS and after.dose.minutes == 3
    assert any("next morning was 4/10, well above your usual 1/10" in r for r in after.reasons)


def test_a_morning_not_yet_settled_says_so_and_holds():
    script = [*good(FIRST_STEP + 1), *good(1, pain_next_morning=3)]

    after = plan(who=walker(rest_pain=1), script=script).sessions[FIRST_STEP + 2].decision

    assert after.kind is DecisionKind.HOLD
    assert any("(3/10) had not settled back to your usual 1/10" in r for r in after.reasons)


def test_a_usual_morning_of_4_holds_without_ever_stepping_down():
    # Rest pain 4 (a yellow flag): a morning at 4 is the usual pain, not settled (above 3), and
    # no reaction to the walk either.
    preview = plan(who=walker(rest_pain=4), weeks=3, script=good(9, pain_next_morning=4))

    kinds = {s.decision.kind for s in preview.sessions}

    assert kinds == {DecisionKind.START, DecisionKind.HOLD}
    last = preview.sessions[-1].decision.reasons
    assert any("near your usual 4/10, but a step up needs a morning at 3/10" in r for r in last)
