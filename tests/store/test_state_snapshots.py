"""Engine snapshots stored before PROTOCOL.md §11 still read (store/state_codec.py)."""

from __future__ import annotations

from datetime import date

from retrowalk.domain.engine_state import Watch
from retrowalk.domain.outcome import Verdict
from retrowalk.store.state_codec import decode_state, encode_state

# Written by the engine before issue 12 (a stopped walker at 19 minutes), as stored then.
BEFORE_SECTION_11 = (
    '{"state":{"dose":{"distance_m":null,"hands":"both","incline_percent":0.0,"load_kg":null,'
    '"minutes":19.0,"resistance_level":null,"set_count":null,"speed":{"unit":"mph","value":1.0}},'
    '"good_streak":1,"last_increase":["minutes",{"distance_m":null,"hands":"both",'
    '"incline_percent":0.0,"load_kg":null,"minutes":17.0,"resistance_level":null,'
    '"set_count":null,"speed":{"unit":"mph","value":1.0}}],"last_outcome":{"done":true,'
    '"form_ok":true,"giving_way":false,"locking":false,"minutes_done":null,"pain_after":null,'
    '"pain_during":0,"pain_next_morning":0,"rpe":4,"sharp_pain":false,'
    '"stable_without_hands":true,"swelling":false},"last_verdict":"good",'
    '"last_walked_on":"2020-03-24","layoff_steps":0,"over_limit_streak":0,"partial_streak":0,'
    '"paused":false,"resume_lower":false,"stable_streak":1,"step_downs":0,"stopped":true,'
    '"streak_peak_pain":0,"trend":{"acted_through":105350,"closed":[0.6666666666666666,3.0,'
    '2.6666666666666665],"count":1,"total":0,"week":105358},"walked":32},"v":1}'
)


def test_a_snapshot_from_before_section_11_reads_with_the_new_counts_at_their_defaults():
    state = decode_state(BEFORE_SECTION_11)

    assert state.walked == 32 and state.stopped
    assert state.last_verdict is Verdict.GOOD
    assert state.last_walked_on == date(2020, 3, 24)
    assert state.settled_mornings == 0 and state.tolerated is None
    assert state.watch == Watch()


def test_a_snapshot_from_before_section_11_survives_a_second_round_trip():
    state = decode_state(BEFORE_SECTION_11)

    assert decode_state(encode_state(state)) == state


def test_unknown_answers_survive_the_snapshot():
    state = decode_state(
        BEFORE_SECTION_11.replace('"pain_next_morning":0', '"pain_next_morning":null')
    )

    assert state.last_outcome is not None and state.last_outcome.pain_next_morning is None
    assert decode_state(encode_state(state)) == state
