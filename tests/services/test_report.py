"""The therapist's report as the service gathers it, for a known history on every store."""

from __future__ import annotations

from datetime import date, timedelta

from retrowalk.services.history import Period
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.report import therapist_report
from retrowalk.services.report_decisions import LATEST_IN_FULL, MOST_LISTED
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk

CODES = ("knee_oa", "motorized_treadmill", "_", "imperial", "kmh")


def _known_history(backend: Backend, clock) -> int:
    """Six sessions with settled mornings, one missed, two more with no morning answer and a
    note: eight walked, one missed, from Mon 4 Jan 2027 to Mon 25 Jan 2027."""
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 6, next_morning=0)
    clock.current += timedelta(days=2)
    log_session(log_command(walker_id=walker.id, done=False), backend.uow(), clock)
    walk(backend, clock, walker.id, 2, pain_during=1, notes="Felt steady today.")
    return walker.id


def test_the_report_counts_sessions_walked_planned_and_missed(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)

    report = therapist_report(Period(walker_id=walker_id), backend.uow(), clock)

    assert (report.first, report.last) == (date(2027, 1, 4), clock.today())
    assert (report.sessions_done, report.sessions_missed) == (8, 1)
    assert report.sessions_planned == 9  # Mon/Wed/Fri from 4 Jan up to today, Fri 22 Jan
    assert report.points[2].on == date(2027, 1, 8)


def test_adherence_windows_are_30_days_from_the_first_day(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)
    clock.current += timedelta(days=40)

    report = therapist_report(Period(walker_id=walker_id), backend.uow(), clock)

    first, second = report.windows
    assert (first.starts, first.ends) == (date(2027, 1, 4), date(2027, 2, 2))
    assert (first.done, first.days_with_data) == (8, 9)
    assert first.planned == 13
    assert (second.starts, second.ends, second.done) == (date(2027, 2, 3), clock.today(), 0)


def test_every_decision_is_listed_with_the_engines_own_reason(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)

    report = therapist_report(Period(walker_id=walker_id), backend.uow(), clock)

    lines = report.decisions.lines
    assert len(lines) == 9 and report.decisions.holds_counted == 0
    assert [line.kind for line in lines[:3]] == ["start", "hold", "progress"]
    assert lines[2].reasons[0].startswith("Minutes 3 → 4 min: the last 2 sessions")
    assert all(line.reasons for line in lines)
    assert lines[0].dose == "3 min at 0.5 mph, flat, both hands on the rails"
    assert [line.walked for line in lines].count(False) == 1
    assert report.next_session is not None and report.next_session.walked is None


def test_a_next_morning_nobody_reported_stays_unknown(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)

    report = therapist_report(Period(walker_id=walker_id), backend.uow(), clock)

    assert [p.pain_next_morning for p in report.points][-2:] == [None, None]
    assert report.points[0].pain_next_morning == 0
    assert report.points[0].pain_after is None


def test_the_notes_and_the_pain_references_are_the_walkers(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)

    report = therapist_report(Period(walker_id=walker_id), backend.uow(), clock)

    assert [n.text for n in report.notes] == ["Felt steady today."] * 2
    assert (report.baseline_pain, report.pain_limit) == (2, 5)


def test_answers_and_limits_are_words_not_codes(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)

    report = therapist_report(Period(walker_id=walker_id), backend.uow(), clock)

    shown = [a.text for a in (*report.profile, *report.screening)]
    shown += [f"{limit.value} {limit.source}" for limit in report.limits]
    assert not [text for text in shown if any(code in text for code in CODES)]
    assert "knee osteoarthritis, moderate" in shown
    limits = {limit.label: limit for limit in report.limits}
    assert limits["Speed ceiling"].value == "2 mph"
    assert "row for knee osteoarthritis" in limits["Speed ceiling"].source


def test_a_period_keeps_to_its_dates(backend: Backend, clock) -> None:
    walker_id = _known_history(backend, clock)
    period = Period(walker_id=walker_id, since=date(2027, 1, 6), until=date(2027, 1, 11))

    report = therapist_report(period, backend.uow(), clock)

    assert [p.on for p in report.points] == [date(2027, 1, 6), date(2027, 1, 8), date(2027, 1, 11)]
    assert report.sessions_planned == 3 and report.next_session is None


def test_a_long_record_lists_every_change_and_counts_the_holds(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 80, next_morning=0)

    report = therapist_report(Period(walker_id=walker.id), backend.uow(), clock)

    decisions = report.decisions
    older = decisions.lines[:-LATEST_IN_FULL]
    assert MOST_LISTED < 80 == len(decisions.lines) + decisions.holds_counted
    assert "hold" not in [line.kind for line in older]
    counts = dict(decisions.counts)
    assert counts["progress"] == sum(1 for line in decisions.lines if line.kind == "progress")
    listed_holds = sum(1 for line in decisions.lines if line.kind == "hold")
    assert decisions.holds_counted + listed_holds == counts["hold"]
    assert sum(line.holds_after for line in older) == decisions.holds_counted
    assert all(line.repeats == 0 for line in older)
