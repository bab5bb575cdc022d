"""A change to the walker's knee or profile, and a clinician's clearance: screened again, the
session still to walk re-planned (or the plan stopped while a red flag stands), each change
kept in the history with who, when, from → to and the flags."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.domain.progression import DecisionKind
from retrowalk.domain.walker import Condition, SurgeryKind
from retrowalk.protocols import protocol_for_walker
from retrowalk.services.clearance import clearance_command, record_clearance
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.plan_ahead import plan_ahead
from retrowalk.services.profile_change import (
    change_profile,
    profile_change_command,
    profile_history,
)
from retrowalk.services.records import ProfileChangeKind
from retrowalk.services.rescreen import ProfileChanged
from retrowalk.services.today import today_session
from retrowalk.services.walker_plan import programme_of
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk


def _change(backend: Backend, clock, walker_id: int, **answers: Any) -> ProfileChanged:
    return change_profile(walker_id, profile_change_command(answers), backend.uow(), clock)


def _clear(backend: Backend, clock, walker_id: int, **given: Any) -> ProfileChanged:
    return record_clearance(walker_id, clearance_command(given), backend.uow(), clock)


def _pending(backend: Backend, walker_id: int):
    with backend.uow() as uow:
        return uow.sessions.latest_planned(walker_id)


def test_a_walker_stopped_for_swelling_at_set_up_is_planned_once_it_has_gone(
    backend: Backend, clock
) -> None:
    flagged = onboarded(backend, clock, walker={"swelling": True})
    assert flagged.first_session is None

    changed = _change(backend, clock, flagged.walker.id, swelling=False)

    assert not changed.screening.red
    assert changed.pending is not None and changed.pending.seq == 0
    assert changed.pending.decision.kind is DecisionKind.START
    today = today_session(flagged.walker.id, backend.uow(), clock)
    assert today.session is not None and not today.red_flags
    [kept] = profile_history(flagged.walker.id, backend.uow())
    assert [(c.field, c.before, c.after) for c in kept.changes] == [("swelling", True, False)]
    assert kept.cleared_to_walk and kept.account == "local"


def test_swelling_reported_mid_plan_stops_it_and_its_going_re_plans_the_same_session(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walked = walk(backend, clock, walker.id, 6)
    before = walked[-1].next_session

    stopped = _change(backend, clock, walker.id, swelling=True)

    assert stopped.pending is None
    assert [flag.code for flag in stopped.screening.red] == ["knee_symptoms"]
    today = today_session(walker.id, backend.uow(), clock)
    assert today.session is None and [f.code for f in today.red_flags] == ["knee_symptoms"]
    assert plan_ahead(walker.id, 4, backend.uow(), clock).preview.sessions == ()
    with pytest.raises(InputError) as refused:
        log_session(log_command(walker_id=walker.id), backend.uow(), clock)
    assert "no walking until this is resolved" in refused.value.allowed
    assert _pending(backend, walker.id) == before  # kept as it was, waiting

    resumed = _change(backend, clock, walker.id, swelling=False)

    assert resumed.pending is not None and resumed.pending.seq == before.seq
    assert resumed.pending.decision.walk
    assert resumed.pending.decision.dose == before.decision.dose  # nothing rises
    kinds = [c.cleared_to_walk for c in profile_history(walker.id, backend.uow())]
    assert kinds == [False, True]


def test_a_clearance_lifts_the_engines_stop_and_is_kept_with_its_date(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 4)
    walk(backend, clock, walker.id, 1, swelling=True)
    stopped = _pending(backend, walker.id)
    assert stopped.state_before.stopped and not stopped.decision.walk
    clock.current += timedelta(days=3)
    seen = clock.today() - timedelta(days=1)

    cleared = _clear(
        backend, clock, walker.id, on=seen.isoformat(), clinician="Dr Lee", notes="No effusion."
    )

    assert cleared.pending is not None and cleared.pending.decision.walk
    assert not cleared.pending.state_before.stopped
    assert "clinician's clearance" in " ".join(cleared.pending.decision.reasons)
    [kept] = profile_history(walker.id, backend.uow())
    assert kept.kind is ProfileChangeKind.CLEARANCE
    assert kept.clearance is not None and kept.clearance.on == seen
    assert (kept.clearance.clinician, kept.clearance.notes) == ("Dr Lee", "No effusion.")
    assert ("progression", "stopped", "cleared") in [
        (c.field, c.before, c.after) for c in kept.changes
    ]
    today = today_session(walker.id, backend.uow(), clock).session
    assert today is not None and today.decision.walk


def test_a_clearance_lifts_the_red_flag_of_an_operation_not_yet_cleared(
    backend: Backend, clock
) -> None:
    surgery = {"kind": "acl", "date": "2026-09-01"}
    flagged = onboarded(
        backend,
        clock,
        walker={"condition": "post_acl", "surgery": surgery, "cleared_by_clinician": False},
    )
    assert [f.code for f in flagged.screening.red] == ["surgery_not_cleared"]

    cleared = _clear(backend, clock, flagged.walker.id)

    assert cleared.pending is not None and not cleared.screening.red
    assert cleared.walker.profile.cleared_by_clinician
    [kept] = profile_history(flagged.walker.id, backend.uow())
    assert kept.clearance is not None and kept.clearance.on == clock.today()
    assert ("cleared_by_clinician", False, True) in [
        (c.field, c.before, c.after) for c in kept.changes
    ]


def test_a_clearance_leaves_a_red_flag_the_answers_still_give_and_says_so(
    backend: Backend, clock
) -> None:
    flagged = onboarded(backend, clock, walker={"rest_pain": 8})

    cleared = _clear(backend, clock, flagged.walker.id)

    assert cleared.pending is None
    assert [f.code for f in cleared.screening.red] == ["rest_pain_high"]
    [kept] = profile_history(flagged.walker.id, backend.uow())
    assert kept.kind is ProfileChangeKind.CLEARANCE and not kept.cleared_to_walk


def test_a_new_operation_brings_the_post_surgery_rules_from_their_start_dose(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walked = walk(backend, clock, walker.id, 12, next_morning=0)
    assert walked[-1].next_session.decision.dose != programme_of(walker).start_dose
    operated = (clock.today() - timedelta(days=70)).isoformat()
    answers = {"surgery": {"kind": "tkr", "date": operated}, "cleared_by_clinician": True}

    changed = _change(backend, clock, walker.id, **answers)

    profile = changed.walker.profile
    assert profile.surgery is not None and profile.surgery.kind is SurgeryKind.TKR
    expected = protocol_for_walker(profile, clock.today()).name
    assert expected == "post_surgery" == changed.walker.prescription.protocol
    assert changed.pending is not None
    start = programme_of(changed.walker).start_dose
    assert changed.pending.state_before.dose == start
    assert changed.pending.decision.dose.minutes <= start.minutes
    assert any("begins again at its start dose" in note for note in changed.notes)
    fields = {c.field for c in profile_history(walker.id, backend.uow())[0].changes}
    assert {"surgery.kind", "surgery.date", "protocol"} <= fields


def test_a_new_operation_not_yet_cleared_stops_the_plan(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 3)
    operated = (clock.today() - timedelta(days=20)).isoformat()

    changed = _change(
        backend,
        clock,
        walker.id,
        surgery={"kind": "acl", "date": operated},
        cleared_by_clinician=False,
    )

    assert changed.pending is None
    assert "surgery_not_cleared" in [f.code for f in changed.screening.red]


def test_a_higher_pain_at_rest_sends_the_dose_back_to_the_start_for_a_cautious_start(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walked = walk(backend, clock, walker.id, 14, next_morning=0)
    assert walked[-1].next_session.decision.dose != programme_of(walker).start_dose

    changed = _change(backend, clock, walker.id, rest_pain=5)

    assert changed.pending is not None
    assert changed.pending.state_before.dose == programme_of(changed.walker).start_dose
    assert any("cautious start" in note for note in changed.notes)


def test_a_new_weight_keeps_the_engine_as_it_was(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walked = walk(backend, clock, walker.id, 5)
    before = walked[-1].next_session

    changed = _change(backend, clock, walker.id, weight_kg=80)

    assert changed.pending is not None
    assert changed.pending.state_before == before.state_before
    assert changed.pending.decision == before.decision
    assert changed.walker.profile.weight_kg == 80
    [kept] = profile_history(walker.id, backend.uow())
    assert [(c.field, c.before, c.after) for c in kept.changes] == [("weight_kg", 72, 80)]


def test_sessions_a_week_change_the_prescription_and_are_kept(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker

    changed = _change(backend, clock, walker.id, sessions_per_week=2)

    assert changed.walker.prescription.sessions_per_week == 2
    [kept] = profile_history(walker.id, backend.uow())
    assert [(c.field, c.before, c.after) for c in kept.changes] == [("sessions_per_week", 3, 2)]


def test_weight_and_surgery_given_as_null_are_cleared(backend: Backend, clock) -> None:
    surgery = {"kind": "other", "date": "2020-05-01"}
    walker = onboarded(backend, clock, walker={"surgery": surgery}).walker

    changed = _change(backend, clock, walker.id, weight_kg=None, surgery=None)

    assert changed.walker.profile.weight_kg is None and changed.walker.profile.surgery is None


def test_answers_as_they_were_change_nothing_and_keep_no_row(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    before = backend.contents()

    changed = _change(backend, clock, walker.id, age=67, swelling=False)

    assert changed.change is None and changed.notes == ("Nothing changed.",)
    assert backend.contents() == before


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"rest_pain": 11}, "rest_pain"),
        ({"age": None}, "age"),
        ({"condition": "post_tkr"}, "surgery"),
        ({"surgery": {"kind": "tkr", "date": "2099-01-01"}}, "surgery.date"),
        ({"surgery": {"kind": "tkr"}}, "surgery.date"),
        ({"sessions_per_week": 8}, "sessions_per_week"),
        ({"height_cm": 170}, "height_cm"),
    ],
)
def test_bad_answers_name_the_field_and_store_nothing(
    backend: Backend, clock, answers: dict[str, Any], field: str
) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2)
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        _change(backend, clock, walker.id, **answers)

    assert refused.value.field == field
    assert backend.contents() == before


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"on": "2099-01-01"}, "on"),
        ({"on": "2026-08-01"}, "on"),  # before the operation
        ({"clinician": "x" * 81}, "clinician"),
        ({"notes": "a\x00b"}, "notes"),
    ],
)
def test_a_bad_clearance_names_the_field_and_stores_nothing(
    backend: Backend, clock, given: dict[str, Any], field: str
) -> None:
    surgery = {"kind": "acl", "date": "2026-09-01"}
    walker = onboarded(
        backend, clock, walker={"condition": Condition.POST_ACL.value, "surgery": surgery}
    ).walker
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        _clear(backend, clock, walker.id, **given)

    assert refused.value.field == field
    assert backend.contents() == before


def test_an_unknown_walker_is_refused(backend: Backend, clock) -> None:
    with pytest.raises(InputError) as refused:
        _change(backend, clock, 999, swelling=False)

    assert refused.value.field == "walker_id"


def test_history_keeps_every_change_oldest_first(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    _change(backend, clock, walker.id, swelling=True)
    clock.current += timedelta(days=2)
    _change(backend, clock, walker.id, swelling=False, rest_pain=1)
    _clear(backend, clock, walker.id, on=date(2027, 1, 5).isoformat())

    kept = profile_history(walker.id, backend.uow())

    assert [c.kind for c in kept] == [
        ProfileChangeKind.PROFILE,
        ProfileChangeKind.PROFILE,
        ProfileChangeKind.CLEARANCE,
    ]
    assert kept[0].at < kept[1].at
    assert [c.field for c in kept[1].changes] == ["rest_pain", "swelling"]
    assert kept[0].flags[0].code == "knee_symptoms"


def test_a_new_operation_given_without_a_clearance_is_not_cleared(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    assert walker.profile.cleared_by_clinician
    operated = (clock.today() - timedelta(days=90)).isoformat()

    changed = _change(backend, clock, walker.id, surgery={"kind": "other", "date": operated})

    assert not changed.walker.profile.cleared_by_clinician
    assert changed.pending is None
    assert "surgery_not_cleared" in [f.code for f in changed.screening.red]


def test_answers_as_they_were_while_stopped_show_no_session(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    _change(backend, clock, walker.id, swelling=True)

    again = _change(backend, clock, walker.id, swelling=True)

    assert again.change is None and again.pending is None
    assert [f.code for f in again.screening.red] == ["knee_symptoms"]
