"""The plan as iCalendar (formats/plan_calendar.py): a document the icalendar library reads back
to the same bytes, with one all-day event per walk, each with its UID, DTSTAMP, DTSTART and
SEQUENCE, worded in the engine's and the coach's own words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from icalendar import Calendar, Event

from retrowalk.domain.cues import Cue, say, setup_checklist
from retrowalk.domain.reasons import describe_dose
from retrowalk.formats.plan_calendar import plan_calendar
from retrowalk.services.clock import FixedClock
from retrowalk.services.plan_calendar import CalendarPlan, calendar_plan
from retrowalk.store.memory import MemoryDatabase, MemoryUnitOfWork
from tests.db import START, Backend
from tests.store.builders import onboarded

STAMP = datetime(2027, 1, 4, 7, 30)


def _plan(weeks: int = 2, **onboarding: Any) -> CalendarPlan:
    db = MemoryDatabase()
    backend = Backend("memory", lambda: MemoryUnitOfWork(db), lambda: db.tables.copy())
    clock = FixedClock(START)
    walker = onboarded(backend, clock, **onboarding).walker
    return calendar_plan(walker.id, weeks, backend.uow, clock)


def _events(document: bytes) -> list[Event]:
    return Calendar.from_ical(document).events


def test_the_document_parses_and_round_trips_to_the_same_bytes() -> None:
    document = plan_calendar(_plan())

    parsed = Calendar.from_ical(document)

    assert parsed.to_ical() == document
    assert parsed["VERSION"] == "2.0"
    assert parsed["PRODID"] == "-//retrowalk//Backward walking plan//EN"
    assert document.count(b"\r\n") == len(document.splitlines())  # CRLF line ends only


def test_the_same_plan_gives_the_same_bytes() -> None:
    plan = _plan()

    assert plan_calendar(plan) == plan_calendar(plan)
    assert plan_calendar(_plan()) == plan_calendar(plan)  # no random UID anywhere


def test_the_calendar_names_its_uid_and_how_often_to_fetch_again() -> None:
    document = plan_calendar(_plan())

    # The memory store numbers the account 1, the walker 2.
    assert b"\r\nUID:walker-2-20270104T073000-plan@retrowalk\r\n" in document
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in document
    assert b"\r\nX-PUBLISHED-TTL:PT6H\r\n" in document


def test_every_walk_is_one_all_day_event_with_uid_stamp_start_and_sequence() -> None:
    plan = _plan(weeks=2)
    events = _events(plan_calendar(plan))

    # Three a week from Monday 4 January 2027: the 4th, 6th, 8th, 11th, 13th and 15th.
    starts = [event.start for event in events]
    assert starts == [date(2027, 1, day) for day in (4, 6, 8, 11, 13, 15)]
    for number, event in enumerate(events):
        assert event.uid == f"walker-2-20270104T073000-session-{number}@retrowalk"
        assert datetime(2027, 1, 4, 7, 30, tzinfo=event.DTSTAMP.tzinfo) == event.DTSTAMP
        assert event.DTSTAMP.utcoffset().total_seconds() == 0
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert (event.end - event.start).days == 1
        assert event.sequence == plan.sequence
        assert event.transparency == "TRANSPARENT"
    raw = plan_calendar(plan).decode()
    for name in ("UID", "DTSTAMP", "DTSTART"):
        assert raw.count(f"\r\n{name}") == len(events) + (1 if name == "UID" else 0)


def test_the_summary_is_the_dose_in_the_walkers_units() -> None:
    plan = _plan()
    first = _events(plan_calendar(plan))[0]

    assert first.summary == "Backward walk: 3 min at 0.5 mph, flat, both hands on the rails"
    assert describe_dose(plan.programme, plan.sessions[0].decision.dose) in first.summary


def test_a_metric_walker_reads_kmh() -> None:
    plan = _plan(walker={"units": "metric"})

    summary = _events(plan_calendar(plan))[0].summary

    assert "km/h" in summary and "mph" not in summary


def test_the_description_has_the_sets_and_the_coachs_own_set_up_checklist() -> None:
    description = _events(plan_calendar(_plan()))[0].description

    assert "One set." in description
    assert say(Cue.CHECKLIST_INTRO).text in description
    for item in setup_checklist("0.5 mph"):
        assert f"- {item.text}\n" in description or description.endswith(f"- {item.text}")
    assert "Clip the safety key to your clothing." in description
    assert "Session 1 of your plan (week 1)." in description


def test_a_treadmill_without_a_motor_has_no_safety_key_or_belt_speed_to_set() -> None:
    plan = _plan(equipment={"kind": "deadmill", "handrails": True})

    description = _events(plan_calendar(plan))[0].description

    assert "Rest both hands on the side rails." in description
    assert "safety key" not in description and "slowest" not in description


def test_a_sled_has_no_treadmill_set_up() -> None:
    plan = _plan(equipment={"kind": "sled", "max_load_kg": 40})

    event = _events(plan_calendar(plan))[0]

    assert "pulling" in event.summary
    assert say(Cue.CHECKLIST_INTRO).text not in event.description


def test_a_session_without_a_walk_has_no_event() -> None:
    plan = _plan()
    paused = replace(plan.sessions[1].decision, walk=False)
    sessions = (plan.sessions[0], replace(plan.sessions[1], decision=paused), *plan.sessions[2:])

    events = _events(plan_calendar(replace(plan, sessions=sessions)))

    assert len(events) == len(plan.sessions) - 1
    assert "session-1@" not in " ".join(event.uid for event in events)


def test_no_walks_is_an_empty_calendar_that_still_parses() -> None:
    plan = replace(_plan(), sessions=())

    document = plan_calendar(plan)

    assert _events(document) == [] and Calendar.from_ical(document).to_ical() == document


def test_the_stamp_and_sequence_given_are_the_ones_written() -> None:
    plan = replace(_plan(), sequence=7003, stamp=datetime(2027, 2, 1, 18, 5, 9))

    event = _events(plan_calendar(plan))[0]

    assert event.sequence == 7003
    assert event.DTSTAMP.strftime("%Y%m%dT%H%M%S") == "20270201T180509"
