"""The timeline built from today's walk: minutes, order, spacing and wording."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given

from retrowalk.coach.schedule import build_timeline, speed_step_in
from retrowalk.coach.timeline import ANNOUNCEMENTS, EventKind, Timeline
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import CATALOGUE, Cue, Message
from retrowalk.domain.errors import InputError
from tests.coach.builders import walk
from tests.strategies import walks

# The spacing rules, written out (docs/live-session.md, "Timeline"), never imported from the
# code under test: a form cue every 40 s, nothing within 12 s of an announcement, and a speed
# step at most two minutes into its set.
FORM_CUE_EVERY = 40.0
QUIET_AROUND = 12.0
OLD_SPEED_AT_MOST = 120.0

_ORDER_IN_A_SET = [
    EventKind.SET_START,
    EventKind.SPEED_STEP,
    EventKind.HALFWAY,
    EventKind.LAST_THIRTY,
]


def _announcements_of_set(timeline: Timeline, number: int) -> list[EventKind]:
    return [
        e.kind
        for e in timeline.events
        if e.set_number == number and e.kind in ANNOUNCEMENTS and e.kind is not EventKind.REST
    ]


@given(walks())
def test_the_sets_walk_exactly_the_dose_minutes(today: TodaysWalk):
    """However the minutes are split, the sets' windows add up to the dose, to the second."""
    timeline = build_timeline(today)

    assert timeline.walking_seconds == pytest.approx(today.dose.minutes * 60, abs=1e-6)
    assert timeline.walked_seconds(timeline.end) == pytest.approx(today.dose.minutes * 60)


@given(walks())
def test_rests_separate_the_sets_by_the_rest_minutes(today: TodaysWalk):
    timeline = build_timeline(today)

    gaps = [later.start - earlier.end for earlier, later in pairwise(timeline.sets)]

    assert gaps == pytest.approx([today.rest_minutes * 60] * len(gaps))


@given(walks())
def test_form_cues_stay_inside_sets_and_clear_of_announcements(today: TodaysWalk):
    timeline = build_timeline(today)
    spoken = [e for e in timeline.events if e.kind in ANNOUNCEMENTS]

    for cue in (e for e in timeline.events if e.kind is EventKind.FORM_CUE):
        window = timeline.set_at(cue.at)
        assert window is not None and window.end - cue.at >= QUIET_AROUND
        assert all(abs(cue.at - other.at) >= QUIET_AROUND for other in spoken)


@given(walks())
def test_form_cues_come_at_least_the_cue_interval_apart(today: TodaysWalk):
    cues = [e.at for e in build_timeline(today).events if e.kind is EventKind.FORM_CUE]

    assert all(later - earlier >= FORM_CUE_EVERY - 1e-9 for earlier, later in pairwise(cues))


@given(walks())
def test_no_stretch_of_a_set_goes_quiet_for_longer_than_a_cue_interval_and_its_margin(
    today: TodaysWalk,
):
    timeline = build_timeline(today)

    for window in timeline.sets:
        said = [e.at for e in timeline.events if window.start <= e.at < window.end]
        moments = [*said, window.end]
        assert all(b - a < FORM_CUE_EVERY + QUIET_AROUND for a, b in pairwise(moments))


@given(walks())
def test_the_same_form_cue_never_comes_twice_in_a_row(today: TodaysWalk):
    cues = [e.message.cue for e in build_timeline(today).events if e.kind is EventKind.FORM_CUE]

    assert all(earlier != later for earlier, later in pairwise(cues))


@given(walks())
def test_each_sets_announcements_come_in_their_order(today: TodaysWalk):
    timeline = build_timeline(today)

    for window in timeline.sets:
        kinds = _announcements_of_set(timeline, window.number)
        assert kinds[0] is EventKind.SET_START
        assert kinds == sorted(kinds, key=_ORDER_IN_A_SET.index)


@given(walks())
def test_the_session_opens_with_the_checklist_and_closes_with_done_then_the_check_in(
    today: TodaysWalk,
):
    timeline = build_timeline(today)
    kinds = [e.kind for e in timeline.events]
    starts = [e.set_number for e in timeline.events if e.kind is EventKind.SET_START]

    assert kinds[0] is EventKind.CHECKLIST
    assert kinds[-2:] == [EventKind.DONE, EventKind.CHECK_IN]
    assert kinds.count(EventKind.DONE) == 1
    assert starts == list(range(1, len(today.sets) + 1))
    assert [e.at for e in timeline.events] == sorted(e.at for e in timeline.events)


@given(walks(with_belt=True))
def test_a_faster_day_opens_at_the_old_speed_and_steps_up_within_the_first_set(
    today: TodaysWalk,
):
    timeline = build_timeline(today)
    starts = [e for e in timeline.events if e.kind is EventKind.SET_START]
    steps = [e for e in timeline.events if e.kind is EventKind.SPEED_STEP]
    step = speed_step_in(today, timeline.sets[0])

    if step is None:
        assert steps == [] and all(e.speed == today.dose.speed for e in starts)
        return
    assert starts[0].speed == today.previous_speed
    assert [e.speed for e in steps] == [today.dose.speed]
    assert 0 < steps[0].at <= OLD_SPEED_AT_MOST and steps[0].at < timeline.sets[0].end
    assert all(e.speed == today.dose.speed for e in starts[1:])


def test_a_slower_or_equal_day_has_no_speed_step():
    for previous in (0.7, 0.9):
        timeline = build_timeline(walk(speed=0.7, previous=previous))

        assert EventKind.SPEED_STEP not in [e.kind for e in timeline.events]


def test_the_checklist_names_the_clip_facing_away_both_hands_and_the_slowest_belt():
    checklist = build_timeline(walk()).events[0]

    cues = [item.cue for item in checklist.details]

    assert cues == [Cue.CLIP_ON, Cue.FACE_AWAY, Cue.BOTH_HANDS, Cue.SLOWEST_BELT]
    assert "0.5 mph" in checklist.details[-1].text


def test_a_walk_without_a_belt_speed_has_no_clip_or_belt_in_its_checklist():
    checklist = build_timeline(walk(speed=None)).events[0]

    assert [item.cue for item in checklist.details] == [Cue.FACE_AWAY, Cue.BOTH_HANDS]


def _could_come_from_the_catalogue(message: Message) -> bool:
    template = CATALOGUE[message.cue][1]
    pattern = "".join(
        ".+" if part.startswith("{") else re.escape(part)
        for part in re.split(r"(\{\w+\})", template)
    )
    return re.fullmatch(pattern, message.text) is not None


@given(walks())
def test_every_sentence_of_a_timeline_is_a_catalogue_sentence(today: TodaysWalk):
    timeline = build_timeline(today)
    messages = [m for e in timeline.events for m in (e.message, *e.details)]
    messages += [e.preview for e in timeline.events if e.preview is not None]

    assert all(_could_come_from_the_catalogue(m) for m in messages)


def test_sets_that_do_not_add_up_to_the_dose_are_refused_with_the_field_named():
    with pytest.raises(InputError) as refused:
        build_timeline(walk(minutes=10, sets=(5.0, 4.0)))

    assert refused.value.field == "sets"
    assert "10" in refused.value.allowed
