"""Onboarding stores a screened walker and, unless a red flag stands, plans the first session."""

from __future__ import annotations

from typing import Any

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.domain.progression import DecisionKind
from retrowalk.services.onboard import LOCAL_ACCOUNT, onboard, onboard_command
from retrowalk.services.today import today_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, onboarding


def test_a_cleared_walker_is_stored_with_a_first_session_on_the_start_date(
    backend: Backend, clock
) -> None:
    result = onboarded(backend, clock)

    with backend.uow() as uow:
        stored = uow.walkers.get(result.walker.id)
        first = uow.sessions.latest_planned(result.walker.id)
    assert stored == result.walker
    assert first is not None and first.seq == 0
    assert first.on.isoformat() == "2027-01-04"
    assert first.decision.kind is DecisionKind.START


def test_the_local_walker_account_is_created_without_being_asked(backend: Backend, clock) -> None:
    result = onboarded(backend, clock)

    with backend.uow() as uow:
        account = uow.accounts.by_name(LOCAL_ACCOUNT)
    assert account is not None and account.id == result.walker.account_id


def test_a_red_flag_stores_the_profile_and_its_flags_but_no_plan(backend: Backend, clock) -> None:
    result = onboarded(backend, clock, equipment={"safety_clip": False})

    today = today_session(result.walker.id, backend.uow(), clock)
    assert result.first_session is None
    assert [f.code for f in result.walker.flags] == ["no_safety_clip"]
    assert today.session is None
    assert [f.code for f in today.red_flags] == ["no_safety_clip"]


def test_a_yellow_flag_gives_a_plan_with_its_warning_kept(backend: Backend, clock) -> None:
    result = onboarded(backend, clock, walker={"rest_pain": 5})

    assert result.first_session is not None
    assert [f.level.value for f in result.walker.flags] == ["yellow"]
    assert result.first_session.decision.dose.minutes == 2


def test_a_second_profile_for_the_same_account_is_refused_and_nothing_is_stored(
    backend: Backend, clock
) -> None:
    onboarded(backend, clock)
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        onboarded(backend, clock)

    assert refused.value.field == "account"
    assert backend.contents() == before


def test_two_accounts_get_two_walkers_with_their_own_plans(backend: Backend, clock) -> None:
    first = onboarded(backend, clock, account="ann")
    second = onboarded(backend, clock, account="bob", walker={"condition": "athlete"})

    assert first.walker.id != second.walker.id
    assert first.first_session is not None and second.first_session is not None
    assert second.first_session.decision.dose.minutes > first.first_session.decision.dose.minutes


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"walker": {"age": 200}}, "walker.age"),
        ({"walker": {"rest_pain": 11}}, "walker.rest_pain"),
        ({"equipment": {"kind": "hovercraft"}}, "equipment"),
        ({"sessions_per_week": 9}, "sessions_per_week"),
        ({"start": "next tuesday"}, "start"),
    ],
)
def test_bad_onboarding_input_names_the_field_and_stores_nothing(
    backend: Backend, clock, changes: dict[str, Any], field: str
) -> None:
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        onboard(onboard_command(onboarding(**changes)), backend.uow(), clock)

    assert refused.value.field.startswith(field)
    assert backend.contents() == before


def test_a_surgery_dated_in_the_future_is_refused(backend: Backend, clock) -> None:
    future = {"surgery": {"kind": "acl", "date": "2030-01-01"}, "condition": "post_acl"}

    with pytest.raises(InputError) as refused:
        onboarded(backend, clock, walker=future)

    assert refused.value.field == "walker.surgery.date"


@pytest.mark.parametrize("condition", ["post_tkr", "post_acl"])
def test_an_operation_named_by_the_condition_without_its_date_is_refused_naming_the_field(
    backend: Backend, clock, condition: str
) -> None:
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        onboarded(backend, clock, walker={"condition": condition, "cleared_by_clinician": True})

    assert refused.value.field == "walker.surgery"
    assert "the date decides" in refused.value.allowed
    assert backend.contents() == before


def test_knee_oa_with_a_recent_replacement_is_stored_under_the_post_surgery_protocol(
    backend: Backend, clock
) -> None:
    replaced = {"surgery": {"kind": "tkr", "date": "2026-11-05"}, "cleared_by_clinician": True}

    result = onboarded(backend, clock, walker=replaced)

    assert result.walker.prescription.protocol == "post_surgery"
    assert any("post-surgery rules" in warning for warning in result.warnings)
    assert result.first_session is not None
    assert result.first_session.decision.dose.minutes == 2
