"""A watch's FIT activity logged as the walker's next session, on every store: the numbers as
recorded, a preview that stores nothing, and the same file never logged twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from retrowalk.domain.errors import ConflictError, InputError
from retrowalk.formats.fit_read import read_fit_activity
from retrowalk.services.activity_import import (
    ActivityPreview,
    import_activity,
    preview_activity,
)
from retrowalk.services.clock import FixedClock
from retrowalk.services.history import Period, history
from retrowalk.services.import_log import Imported, file_key
from retrowalk.services.records import Source
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.formats.fit_files import WalkFile, fit_bytes
from tests.store.builders import onboarded, walk

# The walk happens on the plan's first day; the import is made that evening.
WALK_START = datetime(2027, 1, 4, 7, 30, tzinfo=UTC)
EVENING = datetime(2027, 1, 4, 19, 0)


def _fit(**changes: Any) -> bytes:
    return fit_bytes(WalkFile(**({"start": WALK_START} | changes)))


def _import(
    backend: Backend, clock: FixedClock, walker_id: int, data: bytes, **answers: Any
) -> tuple[ActivityPreview, Imported]:
    activity = read_fit_activity(data)
    shown = preview_activity(walker_id, activity, file_key(data), answers, backend.uow(), clock)
    first = shown.preview.first_seq
    return shown, import_activity(
        walker_id, activity, file_key(data), first, answers, backend.uow(), clock
    )


def test_a_treadmill_walk_is_logged_as_the_pending_session_with_its_numbers(
    backend: Backend,
) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker

    shown, imported = _import(backend, clock, walker.id, _fit(), pain_during=1, rpe=4)

    [logged] = imported.logs
    entry = logged.log.entry
    assert (logged.session.seq, logged.log.on.isoformat()) == (0, "2027-01-04")
    assert entry.outcome.minutes_done == 10.0 and entry.outcome.done is True
    speed = entry.performed.speed
    assert speed is not None and speed.unit.value == "mph"  # the walker's own unit
    assert speed.value == pytest.approx(390 / 600 / 0.44704, abs=0.01)  # 1.45 mph
    assert entry.performed.incline_percent == 1.5
    assert (entry.outcome.pain_during, entry.outcome.rpe) == (1, 4)
    assert entry.outcome.pain_after is None and entry.outcome.form_ok is None  # unknown
    assert entry.source is Source.IMPORT
    assert shown.warnings == () and len(shown.preview.logs) == 1
    with backend.uow().reading() as uow:
        samples = uow.sessions.samples(logged.log.id)
    assert len(samples) == 600
    assert (samples[0].second, samples[0].speed_mps, samples[0].heart_rate) == (0, 0.6, 95)
    assert samples[-1].second == 659 and samples[-1].heart_rate == 105


def test_the_preview_shows_the_log_and_stores_nothing(backend: Backend) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker
    data = _fit(sport="running", sub_sport="generic")
    before = backend.contents()

    shown = preview_activity(
        walker.id, read_fit_activity(data), file_key(data), {}, backend.uow(), clock
    )

    assert backend.contents() == before
    [proposed] = shown.preview.logs
    assert (proposed.seq, proposed.samples, proposed.entry.outcome.minutes_done) == (0, 600, 10.0)
    assert proposed.prescribed.minutes == 3  # the first session's dose
    assert proposed.questions  # ten minutes against three prescribed is asked about
    assert shown.warnings[0].startswith("The file does not say it was on a treadmill (running)")


def test_the_same_file_is_never_logged_twice(backend: Backend) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker
    data = _fit()
    _import(backend, clock, walker.id, data)
    clock.current += timedelta(days=2)
    after_first = backend.contents()

    with pytest.raises(ConflictError, match="this file was imported on 2027-01-04"):
        _import(backend, clock, walker.id, data)

    assert backend.contents() == after_first
    assert len(history(Period(walker_id=walker.id), backend.uow())) == 1


def test_a_confirmation_sent_twice_logs_once(backend: Backend) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker
    data = _fit()
    activity = read_fit_activity(data)
    first = preview_activity(walker.id, activity, file_key(data), {}, backend.uow(), clock)
    seq = first.preview.first_seq

    import_activity(walker.id, activity, file_key(data), seq, {}, backend.uow(), clock)
    with pytest.raises(ConflictError):
        import_activity(walker.id, activity, file_key(data), seq, {}, backend.uow(), clock)

    assert len(history(Period(walker_id=walker.id), backend.uow())) == 1


def test_a_log_made_after_the_preview_stops_the_confirmation(backend: Backend) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker
    data = _fit(start=WALK_START + timedelta(days=2))
    clock.current += timedelta(days=2)
    activity = read_fit_activity(data)
    shown = preview_activity(walker.id, activity, file_key(data), {}, backend.uow(), clock)
    walk(backend, clock, walker.id, 1)

    with pytest.raises(ConflictError, match="the plan moved on since the preview"):
        import_activity(
            walker.id, activity, file_key(data), shown.preview.first_seq, {}, backend.uow(), clock
        )


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (1, "date (the day the activity started): got '2027-01-05'; give a date not after today"),
        (-3, "date (the day the activity started): got '2027-01-01'; give a date on or after"),
    ],
)
def test_a_walk_dated_after_today_or_before_the_plan_is_refused(
    backend: Backend, days: int, message: str
) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker
    data = _fit(start=WALK_START + timedelta(days=days))
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        _import(backend, clock, walker.id, data)

    assert str(refused.value).startswith(message)
    assert backend.contents() == before


def test_a_walk_before_the_last_logged_session_is_refused(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2)  # 2027-01-04 and 2027-01-06
    clock.current = datetime(2027, 1, 7, 9, 0)

    with pytest.raises(InputError, match="give a date on or after 2027-01-06"):
        _import(backend, clock, walker.id, _fit(start=WALK_START + timedelta(days=1)))


def test_answers_the_walker_gives_are_checked_like_a_hand_log(backend: Backend) -> None:
    clock = FixedClock(EVENING)
    walker = onboarded(backend, clock).walker

    with pytest.raises(InputError, match="pain_during: got 11"):
        _import(backend, clock, walker.id, _fit(), pain_during=11)
