"""The coming weeks for a stored walker: they continue from the session still to walk, match
what the plan preview gives for the same walks, and read nothing but write nothing."""

from __future__ import annotations

import json
from datetime import date

from retrowalk.services.local_walker import local_walker
from retrowalk.services.plan_ahead import plan_ahead
from retrowalk.services.scenario import parse_scenario
from retrowalk.services.simulate import simulate
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, scenario, walk


def test_the_weeks_ahead_continue_the_plan_preview_for_sessions_walked_as_prescribed(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 4, next_morning=0)
    text = json.dumps(scenario() | {"weeks": 6})
    preview = simulate(parse_scenario(text)).preview.sessions

    ahead = plan_ahead(walker.id, 3, backend.uow(), clock).preview.sessions

    assert ahead[0].index == 4
    assert [(s.on, s.decision) for s in ahead] == [
        (s.on, s.decision) for s in preview[4 : 4 + len(ahead)]
    ]


def test_the_weeks_ahead_start_today_and_end_within_the_weeks_asked(backend: Backend, clock):
    walker = onboarded(backend, clock).walker

    ahead = plan_ahead(walker.id, 2, backend.uow(), clock).preview.sessions

    assert ahead[0].on == date(2027, 1, 4)
    assert all(s.on < date(2027, 1, 18) for s in ahead) and len(ahead) == 6


def test_planning_ahead_writes_nothing(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2)
    before = backend.contents()

    plan_ahead(walker.id, 8, backend.uow(), clock)

    assert backend.contents() == before


def test_a_walker_screening_stopped_has_no_weeks_ahead_and_keeps_the_flag(backend, clock):
    walker = onboarded(backend, clock, walker={"rest_pain": 9}).walker

    ahead = plan_ahead(walker.id, 4, backend.uow(), clock)

    assert ahead.preview.sessions == ()
    assert ahead.exit_status == 3 and "9/10" in ahead.red_flag_message


def test_the_local_walker_is_the_one_onboarded_under_the_local_account(backend, clock) -> None:
    assert local_walker(backend.uow()) is None

    walker = onboarded(backend, clock).walker

    assert local_walker(backend.uow()) == walker
