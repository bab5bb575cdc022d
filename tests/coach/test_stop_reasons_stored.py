"""The stop reason and the skipped answers of a live walk, logged for a stored walker on SQLite:
kept as given (unknown stays unknown), and fed to the engine as what they mean."""

from __future__ import annotations

import pytest

from retrowalk.coach.belt import HandSetBelt
from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.session import finish, runner_for, walk_through
from retrowalk.coach.speech import Transcript
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.clock import FixedClock
from retrowalk.services.live_walk import StoredLogger, StoredWalks
from retrowalk.services.records import SessionLog
from retrowalk.services.today import today_session
from tests.coach.builders import ANSWERED, ScriptedCheckIn
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    clock_fixture,
    sql_backend_fixture,
)
from tests.store.builders import onboarded

pytestmark = pytest.mark.parametrize("sql_backend", ["sqlite"], indirect=True)


def _walk_today(
    backend: Backend,
    clock: FixedClock,
    answers: CheckIn,
    reasons: list[StopReason | None],
    going_on: list[bool],
    stop_at: tuple[float, ...] = (),
) -> SessionLog:
    walker_id = onboarded(backend, clock).walker.id
    with backend.uow() as uow:
        walker = uow.walkers.get(walker_id)
    assert walker is not None
    today = StoredWalks(walker, backend.uow, clock, SpeedUnit.MPH).todays_walk()
    time, voice = SimulatedClock(), Transcript()
    runner = runner_for(today, time, voice, HandSetBelt(confirm=False), confirm_set_up=False)
    for at in stop_at:
        time.call_at(at, lambda: runner.inbox.post(WalkerCommand.STOP))
    check_in = ScriptedCheckIn(time, reasons, going_on, answers)
    record, reason = walk_through(runner, check_in, runner.run)
    logger = StoredLogger(walker_id, backend.uow, clock)
    finish(today, record, check_in, logger, voice, None, reason)
    with backend.uow() as uow:
        logged = uow.sessions.history(walker_id, None, None)
        log = uow.sessions.log(logged[0].log_id) if len(logged) == 1 else None
    assert log is not None
    return log


def _next_reasons(backend: Backend, clock: FixedClock, walker_id: int) -> str:
    ahead = today_session(walker_id, backend.uow(), clock).session
    assert ahead is not None
    return " ".join(ahead.decision.reasons)


def test_skipped_answers_are_stored_as_unknown(sql_backend: Backend, clock: FixedClock):
    skipped = CheckIn(None, None, None, HandSupport.BOTH, False)

    log = _walk_today(sql_backend, clock, skipped, [], [])

    outcome = log.entry.outcome
    assert (outcome.pain_during, outcome.rpe, outcome.sharp_pain, outcome.form_ok) == (None,) * 4
    assert (outcome.swelling, outcome.locking, outcome.giving_way) == (None,) * 3
    assert log.entry.stop_reason is None


def test_a_stop_for_pain_is_kept_with_the_log_and_the_next_session_steps_back(
    sql_backend: Backend, clock: FixedClock
):
    log = _walk_today(sql_backend, clock, ANSWERED, [StopReason.PAIN], [], stop_at=(60,))

    assert log.entry.stop_reason is StopReason.PAIN
    assert log.entry.outcome.sharp_pain is True
    assert "sharp pain" in _next_reasons(sql_backend, clock, log.walker_id)


def test_a_mistaken_stop_gone_on_from_is_logged_once_as_a_full_session(
    sql_backend: Backend, clock: FixedClock
):
    log = _walk_today(sql_backend, clock, ANSWERED, [StopReason.MISTAKE], [True], stop_at=(60,))

    assert log.entry.outcome.minutes_done == 3  # the whole first session
    assert log.entry.stop_reason is None
    assert "pressed by mistake" in log.entry.notes
